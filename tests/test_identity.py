"""Article identity across a change of scheme: a warehouse whose articles were keyed by their
text alone (scheme 1) is re-keyed once by headline and text, and nothing is stored or counted
twice when the same inbox is read again."""

from __future__ import annotations

import shutil
from datetime import date

from sitrep.config import DEFAULT_MODEL
from sitrep.ingest.identity import IDENTITY_VERSION, article_id
from sitrep.stages.ingest import IDENTITY, ingest
from sitrep.stages.parse import parse, pending_ids
from sitrep.store.warehouse import TABLES, Warehouse

from .conftest import SAMPLE_INBOX

TODAY = date(2026, 11, 22)


def _article_tables() -> list[str]:
    return [t for t, cols in TABLES.items() if any(c.name == "article_id" for c in cols)]


def _as_scheme_one(warehouse: Warehouse) -> dict[str, str]:
    """Turn a warehouse into one made by scheme 1: every id the text's alone, no scheme row.
    Returns old id -> new id for the articles whose id differs."""
    raw = warehouse.frame("SELECT article_id, text FROM raw_articles")
    moved = {article_id(text): new for new, text in raw.iter_rows() if article_id(text) != new}
    with warehouse.writer() as con:
        for old, new in moved.items():
            for table in _article_tables():
                con.execute(f"UPDATE {table} SET article_id = ? WHERE article_id = ?", [old, new])
        con.execute("DELETE FROM pipeline_state WHERE name = ?", [IDENTITY])
    return moved


def test_a_warehouse_of_the_old_scheme_is_rekeyed_once_and_nothing_counts_twice(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLE_INBOX, inbox)
    warehouse = Warehouse(tmp_path / "data" / "warehouse.duckdb")
    first = ingest(warehouse, inbox, 2_000_000)
    assert first.rekeyed == 0 and first.new == 8
    assert warehouse.frame("SELECT stamp FROM pipeline_state WHERE name = ?", [IDENTITY])["stamp"].to_list() == [IDENTITY_VERSION]
    parse(warehouse, DEFAULT_MODEL, TODAY, batch_size=4)
    moved = _as_scheme_one(warehouse)
    assert moved, "the sample inbox has articles with headlines, whose ids differ between the schemes"

    again = ingest(warehouse, inbox, 2_000_000)
    assert again.rekeyed == len(moved) and again.new == 0
    raw = warehouse.frame("SELECT article_id, text, title FROM raw_articles")
    assert raw.height == 8
    assert sorted(raw["article_id"]) == sorted(article_id(t, h) for _, t, h in raw.iter_rows())
    for table in _article_tables():  # what the old ids made is gone, to be made again
        stale = warehouse.frame(f"SELECT count(*) AS n FROM {table} WHERE article_id IN ({', '.join('?' * len(moved))})",
                                list(moved))
        assert stale["n"][0] == 0, table
    assert sorted(pending_ids(warehouse)) == sorted(moved.values())
    assert parse(warehouse, DEFAULT_MODEL, TODAY).parsed == len(moved)
    assert warehouse.frame("SELECT count(*) AS n FROM articles")["n"][0] == 8
    assert ingest(warehouse, inbox, 2_000_000).rekeyed == 0
