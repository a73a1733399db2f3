"""A whole `sitrep run` on an inbox full of bad input: every problem is a reason, none a crash.

One run through Dagster on an inbox the test writes: unreadable files and JSONL lines become
`rejected_articles` rows naming their source, metadata dates that cannot be right are flagged
and not used (from the manifest, a sidecar and JSONL), links and paths outside the inbox are
never followed, and the run still exits 0 and says what it could not date.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import duckdb
import pytest

from sitrep.cli import main

STORY = ("Government forces shelled the town of Maarat al-Numan in Idlib province on Tuesday, "
         "killing {n} civilians, the Syrian Observatory for Human Rights said. Rescue workers said the toll could rise.\n")
OUTSIDE = "Militants stormed a checkpoint near the secret town of Outsidia, killing nine soldiers, officials said.\n"
MAX_BYTES = 5_000
# an article whose every field is written to break SQL built by pasting strings together
HOSTILE = {
    "id": "x'); DROP TABLE raw_articles; --",
    "title": "Robert'); DROP TABLE articles;--",
    "outlet": "O'Reilly \"Wire\" \\ ; DELETE FROM events",
    "url": "http://example.org/?q=1' OR '1'='1",
    "published": "2017-08-21",
    "text": ("Militants ambushed an army convoy near Palmyra on Monday, killing three soldiers, the Syrian "
             "Observatory for Human Rights said. A spokesman called it 'a cowardly act'; 1=1 OR ''=''; --\n"),
}


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("bad")
    inbox = base / "inbox"
    inbox.mkdir()
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(OUTSIDE)
    (base / "beside.txt").write_text(OUTSIDE.replace("nine", "ten"))
    # articles kept, their metadata dates flagged: manifest, sidecars and JSONL
    (inbox / "future.txt").write_text(STORY.format(n="four"))
    (inbox / "impossible.txt").write_text(STORY.format(n="five"))
    (inbox / "impossible.json").write_text(json.dumps({"published": "2017-02-30", "outlet": "Wire"}))
    (inbox / "ancient.txt").write_text("DAMASCUS, Aug 21, 2017\n" + STORY.format(n="six"))
    (inbox / "ancient.json").write_text(json.dumps({"published": "1066-10-14"}))
    (inbox / "manifest.csv").write_text(
        "file,published,outlet,url,title\nfuture.txt,2099-05-01,Wire,,\n../beside.txt,2017-08-21,,,\n")
    lines = [
        json.dumps({"id": "future-jsonl", "text": STORY.format(n="seven"), "published": "2999-01-01T00:00:00Z"}),
        "{not json",
        json.dumps({"id": "no-text", "title": "a title and nothing else"}),
        json.dumps({"id": "number-text", "text": 12}),
        json.dumps([STORY.format(n="eight")]),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps({"id": "big", "text": STORY.format(n="nine") * 100}),
        json.dumps({"id": "french", "text": "Le gouvernement syrien a annoncé samedi la reprise de la ville après des combats violents."}),
    ]
    (inbox / "feed.jsonl").write_bytes("\n".join(lines).encode() + b"\n" + b'{"id": "latin", "text": "' + "Caf\xe9 ".encode("latin-1") * 40 + b'"}\n'
                                       + json.dumps(HOSTILE).encode() + b"\n")
    # whole files that are not articles
    (inbox / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (inbox / "empty.txt").write_text("")
    (inbox / "latin1.txt").write_bytes(("Caf\xe9 " * 50).encode("latin-1"))
    (inbox / "french.txt").write_text("Le gouvernement syrien a annoncé samedi la reprise de la ville après des combats violents.")
    (inbox / "big.txt").write_text(STORY.format(n="ten") * 100)
    (inbox / "image.png").write_bytes(b"\x89PNG\r\n")
    # links out of the inbox, never followed
    (inbox / "link.txt").symlink_to(outside / "secret.txt")
    (inbox / "linkdir").symlink_to(outside, target_is_directory=True)
    data = base / "data"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SITREP_INBOX", str(inbox))
        mp.setenv("SITREP_DATA_DIR", str(data))
        mp.setenv("SITREP_MAX_ARTICLE_BYTES", str(MAX_BYTES))
        mp.setenv("SITREP_NLP_PROCESSES", "1")
        mp.setenv("DAGSTER_HOME", str(base / "dagster"))
        (base / "dagster").mkdir()
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["run"])
    return inbox, data, code, out.getvalue()


@pytest.fixture
def con(bad_run):
    connection = duckdb.connect(str(bad_run[1] / "warehouse.duckdb"), read_only=True)
    yield connection
    connection.close()


def test_the_run_finishes_and_exits_0(bad_run):
    assert bad_run[2] == 0, bad_run[3]


REJECTED = {
    "feed.jsonl:2": "malformed JSON",
    "feed.jsonl:3": "no text",
    "feed.jsonl:4": "no text",
    "feed.jsonl:5": "malformed record",
    "feed.jsonl:6": "empty",
    "feed.jsonl:7": "oversize",
    "feed.jsonl:8": "not English",
    "feed.jsonl:9": "not UTF-8",
    "binary.txt": "binary",
    "empty.txt": "empty",
    "latin1.txt": "not UTF-8",
    "french.txt": "not English",
    "big.txt": "oversize",
    "image.png": "unsupported file type",
    "link.txt": "symbolic link",
    "linkdir": "symbolic link",
}


def test_every_bad_input_is_a_reject_with_its_source_and_reason(bad_run, con):
    inbox = bad_run[0]
    rows = con.execute("SELECT source, reason FROM rejected_articles").fetchall()
    by_source = {}
    for source, reason in rows:
        assert source.startswith(str(inbox)), source  # the full path of the file (and line)
        by_source.setdefault(source[len(str(inbox)) + 1:], []).append(reason)
    for source, reason in REJECTED.items():
        assert [r.split(":")[0] for r in by_source.get(source, [])] == [reason], (source, by_source.get(source))
    assert "manifest row outside the inbox: ../beside.txt" in by_source["manifest.csv"]


def test_nothing_outside_the_inbox_is_read(con):
    texts = [t for (t,) in con.execute("SELECT text FROM raw_articles").fetchall()]
    assert len(texts) == 5
    assert not any("Outsidia" in t for t in texts)


def test_text_written_to_break_sql_is_stored_as_it_was(con):
    row = con.execute("SELECT r.text, a.title, a.outlet, a.url FROM articles a JOIN raw_articles r USING (article_id) "
                      "WHERE a.source_id = ?", [HOSTILE["id"]]).fetchone()
    assert row == (HOSTILE["text"], HOSTILE["title"], HOSTILE["outlet"], HOSTILE["url"])
    assert con.execute("SELECT count(*) FROM event_mentions JOIN articles USING (article_id) "
                       "WHERE source_id = ?", [HOSTILE["id"]]).fetchone()[0] >= 1


def test_impossible_and_future_metadata_dates_are_flagged_and_not_used(con):
    rows = con.execute(
        "SELECT source_id, published_date, published_from, date_flag FROM articles ORDER BY source_id").fetchall()
    got = {sid: (published, where, flag) for sid, published, where, flag in rows}
    assert got["future.txt"] == (None, "unknown", "metadata date in the future: 2099-05-01")
    assert got["future-jsonl"] == (None, "unknown", "metadata date in the future: 2999-01-01")
    assert got["impossible.txt"] == (None, "unknown", "metadata date unparseable: '2017-02-30'")
    published, where, flag = got["ancient.txt"]
    assert (str(published), where, flag) == ("2017-08-21", "text", "metadata date impossible: 1066-10-14")


def undated_events(con) -> int:
    return con.execute("SELECT count(*) FROM events WHERE event_date IS NULL AND NOT is_aggregate").fetchone()[0]


def test_undated_events_are_counted_in_no_week_and_reported(bad_run, con):
    # the deaths in the three stories whose only date was not used are in undated events
    in_undated = con.execute(
        "SELECT a.source_id, bool_and(e.event_date IS NULL AND NOT e.is_aggregate) FROM event_mentions m "
        "JOIN articles a USING (article_id) JOIN events e USING (event_id) "
        "WHERE a.published_date IS NULL GROUP BY 1 ORDER BY 1").fetchall()
    assert in_undated == [("future-jsonl", True), ("future.txt", True), ("impossible.txt", True)]
    assert undated_events(con) >= 1
    weekly = con.execute("SELECT coalesce(sum(fatalities), 0) FROM weekly_conflict_stats").fetchone()[0]
    assert weekly == con.execute(
        "SELECT coalesce(sum(fatalities), 0) FROM events WHERE event_date IS NOT NULL AND NOT is_aggregate").fetchone()[0]


def test_the_summary_names_undated_events_and_unused_dates(bad_run, con):
    line = next(l for l in bad_run[3].splitlines() if "undated events" in l)
    assert int(line.split()[2]) == undated_events(con)
    assert line.rstrip().endswith("articles with a metadata date not used: 4")
