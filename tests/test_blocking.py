"""A blocking check that fails stops what comes after it, and `sitrep run` says so."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

import sitrep.stages.aggregate as aggregate
from sitrep.cli import main

from .conftest import SAMPLE_INBOX


def _sample_run_in_this_process(tmp_path, monkeypatch) -> None:
    """`sitrep run` on a copy of the sample inbox, every step in this process (where a patch applies)."""
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLE_INBOX, inbox)
    monkeypatch.setenv("SITREP_INBOX", str(inbox))
    monkeypatch.setenv("SITREP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SITREP_NLP_PROCESSES", "1")


def _failed_run(capsys) -> tuple[str, duckdb.DuckDBPyConnection]:
    """Run, expect exit 1, and return the output and a read-only view of the warehouse."""
    assert main(["run"]) == 1
    return capsys.readouterr().out, duckdb.connect(str(Path(os.environ["SITREP_DATA_DIR"]) / "warehouse.duckdb"), read_only=True)


def test_wrong_data_blocks_downstream_and_fails_the_run(tmp_path, monkeypatch, capsys):
    _sample_run_in_this_process(tmp_path, monkeypatch)
    real_merge = aggregate.merge_mentions

    def merge_then_corrupt(*args, **kwargs):
        # the merge runs for real; then one event gets an impossible negative count
        assigned, events = real_merge(*args, **kwargs)
        first = events["event_id"].min()
        events = events.with_columns(
            pl.when(pl.col("event_id") == first).then(-5).otherwise(pl.col("fatalities")).alias("fatalities"))
        return assigned, events

    monkeypatch.setattr(aggregate, "merge_mentions", merge_then_corrupt)
    out, con = _failed_run(capsys)
    assert "FAILED events_contract" in out
    try:
        # the failed stage wrote nothing: no events, no event ids on the mentions
        assert con.execute("SELECT count(*) FROM event_mentions").fetchone()[0] > 0
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 0
        assert con.execute("SELECT count(event_id) FROM event_mentions").fetchone()[0] == 0
        # weekly stats and publishing never ran on the wrong events
        assert con.execute("SELECT count(*) FROM weekly_conflict_stats").fetchone()[0] == 0
    finally:
        con.close()
    assert not (tmp_path / "data" / "published").exists()


def test_a_per_article_stage_that_fails_its_contract_blocks_the_merge(tmp_path, monkeypatch, capsys):
    """event_mentions commits batch by batch and checks its table in its own step: a wrong
    mention (a negative toll) fails the run there, and nothing downstream runs on it."""
    import sitrep.stages.extract as extract_stage

    _sample_run_in_this_process(tmp_path, monkeypatch)
    real_rows = extract_stage.mention_rows

    def rows_then_corrupt(mentions):
        rows = real_rows(mentions)
        for row in rows:
            if row["fatalities_best"]:
                row["fatalities_best"] = -row["fatalities_best"]
        return rows

    monkeypatch.setattr(extract_stage, "mention_rows", rows_then_corrupt)
    out, con = _failed_run(capsys)
    assert "FAILED event_mentions_contract" in out
    try:
        assert con.execute("SELECT count(*) FROM event_mentions WHERE fatalities_best < 0").fetchone()[0] > 0
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 0
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


def test_parsed_articles_that_fail_their_contract_stop_the_run_before_extraction(tmp_path, monkeypatch, capsys):
    """parsed_articles runs its suites in the graph's last step (`record_parse`), not a step of
    their own: a wrong article row (a negative word count) still fails the run there, and the
    stages after it never run."""
    import sitrep.stages.parse as parse_stage

    _sample_run_in_this_process(tmp_path, monkeypatch)
    real_insert = parse_stage.insert_frame

    def insert_then_corrupt(con, table, frame):
        if table == "articles":
            frame = frame.with_columns(pl.lit(-1).cast(frame["n_words"].dtype).alias("n_words"))
        return real_insert(con, table, frame)

    monkeypatch.setattr(parse_stage, "insert_frame", insert_then_corrupt)
    out, con = _failed_run(capsys)
    assert "FAILED articles_contract" in out
    assert "FAILED event_mentions_contract" not in out
    try:
        assert con.execute("SELECT count(*) FROM articles WHERE n_words < 0").fetchone()[0] > 0
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM weekly_conflict_stats").fetchone()[0] == 0
    finally:
        con.close()
    assert not (tmp_path / "data" / "published").exists()
