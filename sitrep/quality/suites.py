"""Find and load the expectation suites kept as JSON in `expectations/`.

Each stage has a blocking suite `<stage>.json` (a failure means the data is wrong) and a review
suite `<stage>_review.json` (worth a look; warns).  The files are GX 1.x ExpectationSuite JSON:
`name`, `expectations` (each with `type`, `kwargs` and `meta.why`, a sentence saying why the
rule exists) and a suite-level `meta` that may name the table's `key` column (shown next to
failing rows) and the `derived` helper columns the suite reads (see `sitrep.quality.derived`).

The folder is found next to the package (the repository root), or wherever the environment
variable `SITREP_EXPECTATIONS_DIR` points.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

ENV_VAR = "SITREP_EXPECTATIONS_DIR"

# Stages in pipeline order, and the table each one's suites check.
STAGES: dict[str, str] = {
    "raw_articles": "raw_articles",
    "parsed_articles": "articles",
    "event_mentions": "event_mentions",
    "events": "events",
    "weekly_conflict_stats": "weekly_conflict_stats",
    "acled_weekly": "acled_weekly",
}

REVIEW_SUFFIX = "_review"
ORDER_KEY = "position"  # added to each expectation's meta: its index in the suite file


def expectations_dir() -> Path:
    """The folder holding the suites: `$SITREP_EXPECTATIONS_DIR`, else `<repo>/expectations`."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        path = Path(override).expanduser()
        if not path.is_dir():
            raise FileNotFoundError(f"{ENV_VAR}={override!r} is not a folder")
        return path
    candidates = [
        Path(__file__).resolve().parents[2] / "expectations",  # repo root, editable install
        Path.cwd() / "expectations",  # running from the project root with a wheel install
    ]
    for path in candidates:
        if path.is_dir():
            return path
    tried = ", ".join(str(p) for p in candidates)
    raise FileNotFoundError(f"no expectations/ folder found (tried {tried}); set {ENV_VAR}")


def suite_path(name: str) -> Path:
    return expectations_dir() / f"{name}.json"


def suite_names() -> list[str]:
    """Names of every suite in the folder (`articles`, `articles_review`, ...), sorted."""
    return sorted(p.stem for p in expectations_dir().glob("*.json"))


def is_review(name: str) -> bool:
    return name.endswith(REVIEW_SUFFIX)


def load_suite_dict(name: str) -> dict[str, Any]:
    """The suite's JSON as a dict (a fresh copy each call)."""
    path = suite_path(name)
    if not path.is_file():
        raise FileNotFoundError(
            f"no expectation suite {name!r} at {path}; known: {', '.join(suite_names())}"
        )
    return _read_json(str(path), path.stat().st_mtime_ns)


def _read_json(path: str, mtime_ns: int) -> dict[str, Any]:
    # Re-read when the file changes (suites are edited while `dagster dev` runs).
    return json.loads(_cached_text(path, mtime_ns))


@lru_cache(maxsize=64)
def _cached_text(path: str, mtime_ns: int) -> str:
    return Path(path).read_text(encoding="utf-8")


def load_suite(name: str):
    """The suite as a `great_expectations.core.ExpectationSuite`, built strictly.

    GX's own constructor logs and *drops* an expectation whose configuration is invalid (an
    unknown type, a misspelt kwarg); a check that silently disappears is worse than a crash, so
    every expectation is built here first and any error is raised with the suite and position.
    """
    from great_expectations.core import ExpectationSuite
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )
    from great_expectations.expectations.metadata_types import FailureSeverity

    spec = load_suite_dict(name)
    if spec.get("name") != name:
        raise ValueError(f"{suite_path(name)}: name is {spec.get('name')!r}, expected {name!r}")
    expectations = []
    for i, item in enumerate(spec.get("expectations", [])):
        try:
            config = ExpectationConfiguration(
                type=item["type"],
                kwargs=item.get("kwargs", {}),
                # GX groups results by kind; the position lets reports keep the file's order
                meta={**(item.get("meta") or {}), ORDER_KEY: i},
                severity=FailureSeverity(
                    item.get("severity", "warning" if is_review(name) else "critical")
                ),
            )
            expectations.append(config.to_domain_obj())
        except Exception as exc:  # noqa: BLE001 - re-raised with context
            raise ValueError(
                f"{suite_path(name)}: expectation #{i} ({item.get('type')!r}) is invalid: {exc}"
            ) from exc
    return ExpectationSuite(
        name=name,
        expectations=expectations,
        meta=spec.get("meta") or {},
        notes=spec.get("notes"),
    )
