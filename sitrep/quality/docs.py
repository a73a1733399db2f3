"""Great Expectations Data Docs of the checks' results, built into `<data_dir>/data_docs/`.

    pages = record_all(outcomes, data_dir, run_id)   # after validate(); the results' pages
    pages = record_all(outcomes, data_dir, run_id, build=False)   # stored; pages by a later build

Every step hands its checks' validation results here: they are stored as GX JSON under
`<data_dir>/gx/validations/` (keyed by suite and the Dagster run id).  The run's last checking
step (or the one whose blocking check fails, where the run ends) then builds the site once:
the pages of every stored result that has none yet and the index, so when a run ends
`<data_dir>/data_docs/index.html` lists every suite's result of that run, with earlier runs
below.  One build a run instead of one a step: each build compiles GX's page templates and
copies its static files, which cost more than rendering a result.  A run cut short leaves its
results stored, and the next build renders them.  Only the last `KEEP_RUNS` runs are kept, so
the cost of a check does not grow with history.  Checks that finish together (`dagster dev`
runs them in parallel processes) take turns through a file lock.
"""

from __future__ import annotations

import datetime as dt
import shutil
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from filelock import FileLock

from sitrep.quality.runner import CheckOutcome

SITE_NAME = "sitrep"
SITE_DIR = "data_docs"
STORE_DIR = "gx"
KEEP_RUNS = 10  # the index reads every kept result, so each check costs more with each run kept


def site_dir(data_dir: Path) -> Path:
    return Path(data_dir) / SITE_DIR


def index_page(data_dir: Path) -> Path:
    return site_dir(data_dir) / "index.html"


@lru_cache(maxsize=4)
def _context(data_dir: str):
    """An ephemeral GX context whose result store and docs site are folders in the data dir."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import DataContextConfig, ProgressBarsConfig

    root = Path(data_dir)

    def folder(sub: str) -> dict:
        return {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(root / sub)}

    in_memory = {"class_name": "InMemoryStoreBackend"}
    config = DataContextConfig(
        stores={
            "expectations_store": {
                "class_name": "ExpectationsStore", "store_backend": folder(f"{STORE_DIR}/expectations"),
            },
            "validation_results_store": {
                "class_name": "ValidationResultsStore",
                "store_backend": folder(f"{STORE_DIR}/validations"),
            },
            "checkpoint_store": {"class_name": "CheckpointStore", "store_backend": in_memory},
            "validation_definition_store": {
                "class_name": "ValidationDefinitionStore", "store_backend": in_memory,
            },
        },
        expectations_store_name="expectations_store",
        validation_results_store_name="validation_results_store",
        checkpoint_store_name="checkpoint_store",
        data_docs_sites={
            SITE_NAME: {
                "class_name": "SiteBuilder",
                "show_how_to_buttons": False,
                "store_backend": folder(SITE_DIR),
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            }
        },
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def _page_path(context, key) -> Path | None:
    """Where the page of `key` is (or will be, once built)."""
    urls = context.get_docs_sites_urls(resource_identifier=key, site_name=SITE_NAME, only_if_exists=False)
    url = urls[0].get("site_url") if urls else None
    return Path(unquote(urlparse(url).path)) if url else None


def record(outcome: CheckOutcome, data_dir: Path, run_id: str) -> Path:
    """Store `outcome`'s GX result under `run_id`, render its page and the index; the page."""
    return record_all([outcome], data_dir, run_id)[0]


def record_all(outcomes: list[CheckOutcome], data_dir: Path, run_id: str, build: bool = True) -> list[Path]:
    """Store the GX results of one step's checks under `run_id`; with `build`, render the site:
    the page of every stored result without one (this step's and the run's earlier steps'),
    a suite's own page when its file changed, and the index.  The results' pages, written now
    or by the build to come."""
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    for outcome in outcomes:
        if outcome.result is None:
            raise ValueError(f"{outcome.suite_name}: the outcome carries no GX result to document")
    data_dir = Path(data_dir).resolve()
    (data_dir / STORE_DIR).mkdir(parents=True, exist_ok=True)
    with FileLock(str(data_dir / STORE_DIR / ".data_docs.lock")):
        context = _context(str(data_dir))
        run = RunIdentifier(run_name=run_id, run_time=dt.datetime.now(dt.timezone.utc))
        keys = []
        for outcome in outcomes:
            key = ValidationResultIdentifier(
                expectation_suite_identifier=ExpectationSuiteIdentifier(name=outcome.suite_name),
                run_id=run, batch_identifier=outcome.result.batch_id,
            )
            outcome.result.meta["run_id"] = run  # the page's title and "Run Name"
            context.validation_results_store.set(key, outcome.result)
            keys.append(key)
        pages = [_page_path(context, key) for key in keys]
        if build:
            _build(context, data_dir)
    if build:
        for outcome, page in zip(outcomes, pages):
            if page is None or not page.is_file():
                raise RuntimeError(f"Data Docs page for {outcome.suite_name} was not written ({page})")
    return pages


def _build(context, data_dir: Path) -> None:
    """Render the pages the stored results lack, stale suite pages and the index, in one build."""
    from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

    to_render, suites = [], set()
    for key in _prune(context, data_dir, keep=KEEP_RUNS):
        page = _page_path(context, key)
        if page is None or not page.is_file():
            to_render.append(key)
            suites.add(key.expectation_suite_identifier.name)
    for name in sorted(suites):
        if _suite_page_stale(data_dir, name):
            context.suites.add_or_update(_suite_copy(name))  # the suite's own page
            to_render.append(ExpectationSuiteIdentifier(name=name))
    context.build_data_docs(site_names=[SITE_NAME], resource_identifiers=to_render, build_index=True)


def _suite_page_stale(data_dir: Path, name: str) -> bool:
    from sitrep.quality.suites import suite_path

    page = site_dir(data_dir) / "expectations" / f"{name}.html"
    return not page.is_file() or page.stat().st_mtime_ns < suite_path(name).stat().st_mtime_ns


def _suite_copy(name: str):
    """A fresh suite object from `expectations/<name>.json`: the store gives it an id, which
    must not leak into the one the runner validates with."""
    from sitrep.quality.suites import load_suite

    return load_suite(name)


def _prune(context, data_dir: Path, keep: int) -> list:
    """Forget the results (and their pages) of all but the `keep` most recent runs; the keys
    of the results kept."""
    store = context.validation_results_store
    keys = store.list_keys()
    latest: dict[str, dt.datetime] = {}
    for key in keys:
        run = key.run_id
        if run.run_time and (run.run_name not in latest or run.run_time > latest[run.run_name]):
            latest[run.run_name] = run.run_time
    kept = set(sorted(latest, key=latest.__getitem__, reverse=True)[:keep])
    for key in keys:
        if key.run_id.run_name in kept:
            continue
        page = _page_path(context, key)
        store.remove_key(key)
        if page is not None and page.is_file():
            page.unlink()
            run_folder = page.parent.parent  # validations/<suite>/<run_name>/<run_time>/<batch>.html
            if run_folder.is_dir() and not any(run_folder.rglob("*.html")):
                shutil.rmtree(run_folder, ignore_errors=True)
    _remove_empty_folders(data_dir / STORE_DIR / "validations")
    return [key for key in keys if key.run_id.run_name in kept]


def _remove_empty_folders(root: Path) -> None:
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
