"""Shared fixtures: paths to ../shared (skipped with a reason when absent) and small inboxes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))
SAMPLE_INBOX = ROOT / "sample" / "inbox"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test: a user's fresh clone has no ../shared."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing in CI, where ../shared must be present")
        pytest.skip(f"{path} not found: ../shared is not beside this clone")
    return path


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path_factory):
    """No test reads the developer's SITREP_* settings or writes their Dagster history."""
    for name in list(os.environ):
        if name.startswith("SITREP_") and name not in {"SITREP_SHARED", "SITREP_CACHE_DIR"}:
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path_factory.mktemp("dagster_home")))
