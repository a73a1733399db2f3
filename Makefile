# sitrep: the three commands of the README, and what they need.
#   make sample   install everything, then run the whole pipeline on the bundled sample
#   make test     install everything, then run the tests
#   make ui       the Dagster UI on what `make sample` materialised (UI_PORT, default 3000)
SHELL := /bin/bash
PYTHON ?= python3.11
UV_VERSION := 0.13.8
export UV_PYTHON_DOWNLOADS := never
UV := $(PYTHON) -m uv
UI_PORT ?= 3000

.PHONY: setup sample test ui clean

setup:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet "uv==$(UV_VERSION)" \
		|| $(PYTHON) -m pip install --quiet --user "uv==$(UV_VERSION)"
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	@.venv/bin/python -m compileall -q sitrep assets pipelines >/dev/null
	@DAGSTER_HOME=$(CURDIR)/.dagster_home .venv/bin/python -c "from sitrep.cli import prepare_dagster_home; prepare_dagster_home(create_storage=True)"
	@echo "DAGSTER_HOME=$(CURDIR)/.dagster_home" > .env
	@echo "sitrep is installed in .venv (run .venv/bin/sitrep, or 'source .venv/bin/activate')"

sample: setup
	.venv/bin/sitrep run

test: setup
	.venv/bin/python -m pytest

ui: setup
	.venv/bin/dagster dev --port $(UI_PORT)

clean:
	rm -rf data .dagster_home .env .pytest_cache test-artifacts
