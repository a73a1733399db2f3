"""Whether a run has anything to do: the stamp of a release's inputs, and what changes it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitrep.config import Settings
from sitrep.stages import freshness
from sitrep.stages.ingest import ingest
from sitrep.store.warehouse import Warehouse

from .conftest import SAMPLE_INBOX

LATE = ("KABUL, Afghanistan (Reuters) - A roadside bomb killed four soldiers in Helmand province "
        "on Tuesday, officials said.\n")


@pytest.fixture
def stored(tmp_path):
    """The sample ingested into a fresh warehouse (nothing parsed): (inbox, warehouse, settings)."""
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLE_INBOX, inbox)
    settings = Settings(inbox=inbox, data_dir=tmp_path / "data")
    warehouse = Warehouse(settings.warehouse_path)
    ingest(warehouse, inbox, settings.max_article_bytes)
    return inbox, warehouse, settings


def _release(settings: Settings) -> None:
    settings.published_dir.mkdir(parents=True, exist_ok=True)
    (settings.published_dir / "manifest.json").write_text("{}")


def test_same_articles_code_and_settings_give_the_same_stamp(stored):
    inbox, warehouse, settings = stored
    stamp = freshness.inputs_stamp(warehouse, settings)
    ingest(warehouse, inbox, settings.max_article_bytes)  # the same inbox read again adds nothing
    assert freshness.inputs_stamp(warehouse, settings) == stamp


def test_a_new_article_or_another_setting_changes_the_stamp(stored):
    inbox, warehouse, settings = stored
    stamp = freshness.inputs_stamp(warehouse, settings)
    iso = Settings(inbox=inbox, data_dir=settings.data_dir, week_scheme="iso")
    assert freshness.inputs_stamp(warehouse, iso) != stamp
    remote = Settings(inbox=inbox, data_dir=settings.data_dir, publish_uri="s3://bucket/sitrep")
    assert freshness.inputs_stamp(warehouse, remote) != stamp
    (inbox / "late.txt").write_text(LATE)
    assert ingest(warehouse, inbox, settings.max_article_bytes).new == 1
    assert freshness.inputs_stamp(warehouse, settings) != stamp


def test_current_only_with_its_release_on_disk_and_nothing_left_to_parse(stored):
    _, warehouse, settings = stored
    stamp = freshness.inputs_stamp(warehouse, settings)
    assert freshness.published_stamp(warehouse) is None
    freshness.record_published(warehouse, stamp)
    freshness.record_published(warehouse, stamp)  # recorded again: still one row
    assert warehouse.frame("SELECT count(*) AS n FROM pipeline_state WHERE name = ?", [freshness.PUBLISHED])["n"][0] == 1
    assert freshness.published_stamp(warehouse) == stamp
    assert not freshness.is_current(warehouse, settings, stamp)  # no release on disk
    _release(settings)
    assert freshness.unparsed(warehouse) == 8
    assert not freshness.is_current(warehouse, settings, stamp)  # articles never parsed
    with warehouse.writer() as con:  # as if parsed: every stored article has its row
        con.execute("INSERT INTO articles (article_id) SELECT article_id FROM raw_articles")
    assert freshness.is_current(warehouse, settings, stamp)
    assert not freshness.is_current(warehouse, settings, "another")


def _tree(root: Path) -> Path:
    for name, text in {"sitrep/rules.py": "A = 1\n", "expectations/suite.json": "{}", "uv.lock": "x",
                       "assets/a.py": "", "pipelines/p.py": "", "sitrep/geo/data/places.csv": "name\n"}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_code_fingerprint_follows_rules_data_suites_and_the_lock(tmp_path):
    def fingerprint(name: str) -> str:
        freshness.code_fingerprint.cache_clear()
        return freshness.code_fingerprint(tmp_path / name)

    shutil.copytree(_tree(tmp_path / "base"), tmp_path / "same")
    base = fingerprint("base")
    assert fingerprint("same") == base
    for edited in ("sitrep/rules.py", "expectations/suite.json", "uv.lock", "sitrep/geo/data/places.csv"):
        copy = tmp_path / edited.replace("/", "_")
        shutil.copytree(tmp_path / "base", copy)
        (copy / edited).write_text((copy / edited).read_text() + " ")
        assert fingerprint(copy.name) != base, edited
    ignored = tmp_path / "ignored"
    shutil.copytree(tmp_path / "base", ignored)
    (ignored / "sitrep" / "__pycache__").mkdir()
    (ignored / "sitrep" / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"\0")
    (ignored / "README.md").write_text("notes")
    assert fingerprint("ignored") == base
    freshness.code_fingerprint.cache_clear()


def test_the_installed_code_has_a_fingerprint():
    assert len(freshness.code_fingerprint()) == 64
