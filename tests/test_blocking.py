"""A blocking check that fails stops what comes after it, and `sitrep run` says so."""

from __future__ import annotations

import shutil

import duckdb
import pytest

import sitrep.stages.aggregate as aggregate
from sitrep.cli import main

from .conftest import SAMPLE_INBOX


def test_wrong_data_blocks_downstream_and_fails_the_run(tmp_path, monkeypatch, capsys):
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLE_INBOX, inbox)
    monkeypatch.setenv("SITREP_INBOX", str(inbox))
    monkeypatch.setenv("SITREP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SITREP_NLP_PROCESSES", "1")  # steps in this process, where the patch applies
    real_build_events = aggregate.build_events

    def build_events_then_corrupt(warehouse):
        # the stage runs for real; then one event gets an impossible negative count
        summary = real_build_events(warehouse)
        with warehouse.writer() as con:
            con.execute("UPDATE events SET fatalities = -5 WHERE event_id = (SELECT min(event_id) FROM events)")
        return summary

    monkeypatch.setattr("assets.merging.build_events", build_events_then_corrupt)
    assert main(["run"]) == 1
    out = capsys.readouterr().out
    assert "FAILED events_contract" in out
    con = duckdb.connect(str(tmp_path / "data" / "warehouse.duckdb"), read_only=True)
    try:
        # weekly stats and publishing never ran on the wrong events
        assert con.execute("SELECT count(*) FROM weekly_conflict_stats").fetchone()[0] == 0
    finally:
        con.close()
    assert not (tmp_path / "data" / "published").exists()


def test_a_missing_spacy_model_names_the_install_step(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SITREP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SITREP_SPACY_MODEL", "en_core_web_nonexistent")
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert "en_core_web_nonexistent" in err and "make setup" in err


def test_a_missing_inbox_is_a_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SITREP_INBOX", str(tmp_path / "nowhere"))
    monkeypatch.setenv("SITREP_DATA_DIR", str(tmp_path / "data"))
    assert main(["run"]) == 2
    assert "inbox folder not found" in capsys.readouterr().err
