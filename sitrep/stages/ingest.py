"""Stage 1: read the inbox into `raw_articles`, each story once; rejects with reasons."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from sitrep.ingest.identity import IDENTITY_VERSION, article_id
from sitrep.ingest.inbox import now_utc, read_inbox
from sitrep.store.warehouse import TABLES, Warehouse, insert_frame, query

IDENTITY = "article_identity"
"""The `pipeline_state` row naming the identity scheme the stored article ids were made by."""


@dataclass(frozen=True)
class IngestSummary:
    read: int
    new: int
    rejected: int
    new_rejects: int
    duplicates: int
    reasons: dict[str, int]
    flagged: int = 0  # articles kept with a text_flag (read leniently)
    rekeyed: int = 0  # stored articles given the ids of the current identity scheme


def rekey_articles(con) -> int:
    """Give every stored article the id the current identity scheme makes of it; return how many
    changed.

    Run once per scheme (the `article_identity` row of `pipeline_state`), before the inbox is
    compared with what is stored: without it, an article stored under its old id would be read
    in again under its new one and every event it tells would count twice.  What was made from
    an article under its old id (its parse, places, mentions and their events) is deleted, to be
    made again under the new one by the steps that follow; the text is kept.
    """
    state = query(con, "SELECT stamp FROM pipeline_state WHERE name = ?", [IDENTITY])
    if not state.is_empty() and state["stamp"][0] == IDENTITY_VERSION:
        return 0
    stored = query(con, "SELECT article_id, text, title FROM raw_articles")
    changed = {old: new for old, text, title in stored.iter_rows() if (new := article_id(text, title)) != old}
    if changed:
        con.register("rekeyed", pl.DataFrame({"old": list(changed), "new": list(changed.values())}).to_arrow())
        for table in ("mention_events", "moved_mentions"):
            con.execute(f"DELETE FROM {table} WHERE mention_id IN "
                        "(SELECT mention_id FROM event_mentions WHERE article_id IN (SELECT old FROM rekeyed))")
        for table, columns in TABLES.items():
            if table != "raw_articles" and any(c.name == "article_id" for c in columns):
                con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT old FROM rekeyed)")
        con.execute("UPDATE raw_articles SET article_id = rekeyed.new FROM rekeyed WHERE raw_articles.article_id = rekeyed.old")
        con.unregister("rekeyed")
    con.execute("DELETE FROM pipeline_state WHERE name = ?", [IDENTITY])
    con.execute("INSERT INTO pipeline_state VALUES (?, ?, ?)", [IDENTITY, IDENTITY_VERSION, now_utc()])
    return len(changed)


def ingest(warehouse: Warehouse, inbox: Path, max_bytes: int) -> IngestSummary:
    with warehouse.writer() as con:
        rekeyed = rekey_articles(con)
    stored = set(warehouse.frame("SELECT article_id FROM raw_articles")["article_id"].to_list())
    result = read_inbox(inbox, max_bytes=max_bytes, known=stored)
    stamp = now_utc()
    articles = pl.DataFrame(
        [{**a.__dict__, "read_at": stamp} for a in result.articles],
        schema_overrides={"read_at": pl.Datetime("us", "UTC")},
    ) if result.articles else pl.DataFrame()
    rejects = pl.DataFrame(
        [{"source": r.source, "reason": r.reason, "rejected_at": stamp} for r in result.rejects],
        schema_overrides={"rejected_at": pl.Datetime("us", "UTC")},
    ).unique(["source", "reason"], keep="first") if result.rejects else pl.DataFrame()
    with warehouse.writer() as con:
        new = new_rejects = 0
        if not articles.is_empty():
            known = set(query(con, "SELECT article_id FROM raw_articles")["article_id"].to_list())
            fresh = articles.filter(~pl.col("article_id").is_in(list(known)))
            new = insert_frame(con, "raw_articles", fresh)
        # the rejects of this inbox are what its current files give: a fixed or removed file
        # leaves the table, a still-bad one keeps the time it was first rejected
        seen = query(con, "SELECT source, reason, rejected_at FROM rejected_articles")
        prefix = str(inbox)
        if not seen.is_empty():
            ours = seen.filter(pl.col("source").str.starts_with(prefix))
            current = rejects.select("source", "reason") if not rejects.is_empty() else ours.select("source", "reason").clear()
            stale = ours.join(current, on=["source", "reason"], how="anti")
            for source, reason, _ in stale.iter_rows():
                con.execute("DELETE FROM rejected_articles WHERE source = ? AND reason = ?", [source, reason])
        if not rejects.is_empty():
            fresh_rejects = rejects.join(seen.select("source", "reason"), on=["source", "reason"], how="anti") if not seen.is_empty() else rejects
            new_rejects = insert_frame(con, "rejected_articles", fresh_rejects)
    reasons: dict[str, int] = {}
    for r in result.rejects:
        key = r.reason.split(":")[0]
        reasons[key] = reasons.get(key, 0) + 1
    return IngestSummary(len(result.articles), new, len(result.rejects), new_rejects, result.duplicates, reasons,
                         sum(1 for a in result.articles if a.text_flag), rekeyed)
