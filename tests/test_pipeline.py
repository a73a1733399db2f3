"""The whole pipeline through Dagster on inboxes the project writes, in a temporary folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from sitrep import schema
from sitrep.cli import main

from .conftest import SAMPLE_INBOX


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    """`sitrep run` on a copy of the bundled sample, once for the module."""
    inbox = tmp_path_factory.mktemp("inbox")
    for path in SAMPLE_INBOX.iterdir():
        shutil.copy(path, inbox / path.name)
    (inbox / "garbage.txt").write_bytes(b"\x00\xff\x00binary")
    (inbox / "broken.jsonl").write_text('{"id": "ok-1", "text": "x"\n')
    data = tmp_path_factory.mktemp("data")
    return inbox, data


def run(monkeypatch, inbox: Path, data: Path) -> int:
    monkeypatch.setenv("SITREP_INBOX", str(inbox))
    monkeypatch.setenv("SITREP_DATA_DIR", str(data))
    return main(["run"])


def test_sample_run_writes_every_contract_table(sample_run, monkeypatch):
    inbox, data = sample_run
    assert run(monkeypatch, inbox, data) == 0
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        for table, columns in schema.PUBLISHED_TABLES.items():
            names = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            assert set(schema.column_names(columns)) <= set(names), table
            files = list((data / "published" / table).glob("*.parquet"))
            assert files, f"no Parquet for {table}"
            published = pl.read_parquet(files[0])
            assert published.height == con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        rejects = dict(con.execute("SELECT split_part(source, '/', -1), reason FROM rejected_articles").fetchall())
        assert rejects["garbage.txt"].startswith("binary")
        assert rejects["broken.jsonl:1"].startswith("malformed JSON")
        n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert n_articles == 8
        dated = dict(con.execute("SELECT published_from, count(*) FROM articles GROUP BY 1").fetchall())
        assert dated.get("text", 0) >= 1 and dated.get("metadata", 0) >= 6
        assert con.execute("SELECT count(*) FROM events WHERE fatalities > 0 AND NOT is_aggregate").fetchone()[0] >= 5
        assert con.execute("SELECT count(*) FROM weekly_conflict_stats").fetchone()[0] >= 4
        # every piece of evidence is the text at its offsets
        rows = con.execute(
            "SELECT m.evidence, m.char_start, m.char_end, r.text FROM event_mentions m JOIN raw_articles r USING (article_id)"
        ).fetchall()
        assert rows and all(text[s:e] == ev for ev, s, e, text in rows)
    finally:
        con.close()
    manifest = json.loads((data / "published" / "manifest.json").read_text())
    assert set(manifest["tables"]) == set(schema.PUBLISHED_TABLES)


def _last_run_steps() -> tuple[set[str], set[str], list[str]]:
    """(steps that ran, steps skipped, assets materialised) of the latest run in this test's
    Dagster home."""
    import dagster as dg

    with dg.DagsterInstance.get() as instance:
        latest = instance.get_runs(limit=1)[0]
        events = [e.dagster_event for e in instance.all_logs(latest.run_id) if e.dagster_event]
    ran = {e.step_key for e in events if e.event_type_value == "STEP_SUCCESS"}
    skipped = {e.step_key for e in events if e.event_type_value == "STEP_SKIPPED"}
    materialised = [e.asset_key.to_user_string() for e in events if e.event_type_value == "ASSET_MATERIALIZATION"]
    return ran, skipped, materialised


def test_rerun_changes_nothing_and_computes_nothing(sample_run, monkeypatch, capsys):
    """The same inbox again: the inbox is read, then every step downstream is skipped, because
    the release was made from these very articles with this code; --force recomputes it all,
    to the same release."""
    inbox, data = sample_run
    before = (data / "published" / "manifest.json").read_text()
    assert run(monkeypatch, inbox, data) == 0
    assert (data / "published" / "manifest.json").read_text() == before
    ran, skipped, materialised = _last_run_steps()
    assert ran == {"raw_articles"} and materialised == []
    assert {"event_mentions", "events", "weekly_tables", "published_datasets"} <= skipped
    assert "nothing new" in capsys.readouterr().out
    assert main(["run", "--force"]) == 0
    ran, _, materialised = _last_run_steps()
    assert {"events", "weekly_tables", "published_datasets"} <= ran
    assert set(materialised) >= {"raw_articles", "events", "weekly_conflict_stats", "acled_weekly", "published_datasets"}
    assert (data / "published" / "manifest.json").read_text() == before


def test_sample_weekly_rows_match_the_sample_gold(sample_run, monkeypatch):
    """The bundled sample's own hand-coded weekly rows (sample/gold.json) come out exactly."""
    inbox, data = sample_run
    gold = json.loads((SAMPLE_INBOX.parent / "gold.json").read_text())
    if not (data / "warehouse.duckdb").exists():
        assert run(monkeypatch, inbox, data) == 0
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        rows = con.execute(
            "SELECT strftime(week_start, '%Y-%m-%d'), country, admin1, sum(fatalities) FROM weekly_conflict_stats GROUP BY ALL"
        ).fetchall()
    finally:
        con.close()
    ours = {(w, c, a): f for w, c, a, f in rows}
    for row in gold["weekly"]:
        key = (row["week"], row["country"], row["admin1"])
        assert ours.get(key) == row["fatalities"], key
    wanted = {(r["week"], r["country"], r["admin1"]) for r in gold["weekly"]}
    assert all(f == 0 for key, f in ours.items() if key not in wanted), "deaths in a week the gold does not have"


LATE_REPORT = {
    "id": "late-tabqa",
    "published": "2023-03-13",
    "outlet": "Euphrates Desk",
    "title": "IS storms SDF checkpoint near Tabqa",
    "text": "IS storms SDF checkpoint near Tabqa\n\nAt least 14 fighters were killed on Monday when Islamic State group "
            "militants stormed a checkpoint near Tabqa in the northern province of Raqqa, a war monitor said.\n\n"
            "The monitor said the dead were members of the Syrian Democratic Forces.",
}


def test_a_late_report_updates_last_weeks_row_and_keeps_the_event_id(tmp_path, monkeypatch):
    """An article delivered after a run, published the day before the one already read and
    about the same attack, joins the existing event (same id, lower count kept) and that week's
    row counts both articles."""
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    inbox.mkdir()
    shutil.copy(SAMPLE_INBOX / "raqqa_tabqa_checkpoint.txt", inbox)
    (inbox / "manifest.csv").write_text(
        "file,published,outlet,url,title\nraqqa_tabqa_checkpoint.txt,2023-03-14,Levant Wire,,\n")
    assert run(monkeypatch, inbox, data) == 0

    def attack() -> dict:
        con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
        try:
            return con.sql(
                "SELECT e.event_id, e.fatalities, e.fatalities_high, e.n_articles, w.n_articles AS week_articles "
                "FROM events e JOIN weekly_conflict_stats w ON w.admin1 = e.admin1 "
                "AND w.sub_event_type = e.sub_event_type WHERE e.admin1 = 'SY-RA' AND NOT e.is_aggregate "
                "AND e.fatalities IS NOT NULL").pl().row(0, named=True)
        finally:
            con.close()

    before = attack()
    assert before["fatalities"] == 12 and before["n_articles"] == 1
    (inbox / "late.jsonl").write_text(json.dumps(LATE_REPORT) + "\n")
    assert run(monkeypatch, inbox, data) == 0
    after = attack()
    assert after["event_id"] == before["event_id"]
    assert (after["fatalities"], after["fatalities_high"], after["n_articles"]) == (12, 14, 2)
    assert after["week_articles"] == 2
    events = pl.read_parquet(data / "published" / "events" / "*.parquet")
    assert before["event_id"] in events["event_id"].to_list()


def test_sql_prints_whole_values_and_csv_every_row(sample_run, monkeypatch, capsys):
    inbox, data = sample_run
    if not (data / "warehouse.duckdb").exists():
        assert run(monkeypatch, inbox, data) == 0
    capsys.readouterr()
    monkeypatch.setenv("SITREP_DATA_DIR", str(data))
    assert main(["sql", "select * from acled_weekly order by FATALITIES desc", "--limit", "2"]) == 0
    table = capsys.readouterr().out
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        acled = con.sql("select * from acled_weekly order by FATALITIES desc").pl()
    finally:
        con.close()
    assert f"{acled.height} rows (first 2)" in table
    top = acled.row(0, named=True)
    assert top["SUB_EVENT_TYPE"] in table and top["DISORDER_TYPE"] in table  # not folded into narrow columns
    assert main(["sql", "select * from acled_weekly order by FATALITIES desc", "--format", "csv"]) == 0
    csv = pl.read_csv(capsys.readouterr().out.encode(), try_parse_dates=True)
    assert csv.columns == acled.columns and csv.height == acled.height
    assert csv["FATALITIES"].to_list() == acled["FATALITIES"].to_list()


def test_show_prints_the_event_and_the_span_behind_its_count(sample_run, monkeypatch, capsys):
    inbox, data = sample_run
    if not (data / "warehouse.duckdb").exists():
        assert run(monkeypatch, inbox, data) == 0
    monkeypatch.setenv("SITREP_DATA_DIR", str(data))
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        event_id, evidence, start, end, m_start = con.execute(
            "SELECT e.event_id, m.evidence, m.count_char_start, m.count_char_end, m.char_start FROM events e "
            "JOIN event_mentions m USING (event_id) WHERE m.fatalities_best IS NOT NULL AND NOT e.is_aggregate "
            "ORDER BY e.fatalities DESC LIMIT 1").fetchall()[0]
    finally:
        con.close()
    capsys.readouterr()
    assert main(["show", event_id]) == 0
    out = capsys.readouterr().out
    count_text = evidence[start - m_start:end - m_start]
    assert event_id in out and f"[{count_text}]" in out
    assert main(["show", "ev-does-not-exist"]) == 1
