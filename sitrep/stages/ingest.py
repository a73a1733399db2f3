"""Stage 1: read the inbox into `raw_articles`, each story once; rejects with reasons."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from sitrep.ingest.inbox import now_utc, read_inbox
from sitrep.store.warehouse import Warehouse, insert_frame, query


@dataclass(frozen=True)
class IngestSummary:
    read: int
    new: int
    rejected: int
    new_rejects: int
    duplicates: int
    reasons: dict[str, int]
    flagged: int = 0  # articles kept with a text_flag (read leniently)


def ingest(warehouse: Warehouse, inbox: Path, max_bytes: int) -> IngestSummary:
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
                         sum(1 for a in result.articles if a.text_flag))
