"""The totals that must agree between mentions, events and weeks, as one row per rule.

A weekly figure is trusted only if it adds up: the weekly fatalities are the fatalities of
the dated non-aggregate events, every mention belongs to exactly one event, no event spans
two provinces, and no event counts more deaths than its largest report.  This builds the
frame the blocking `reconciliation` suite checks (its `holds` column must be all true).
"""

from __future__ import annotations

import polars as pl

from sitrep.stats.weekly import countable_events


def _frame(rows: list[dict]) -> pl.DataFrame:
    frame = pl.DataFrame(rows, schema={"rule": pl.String, "expected": pl.Int64, "actual": pl.Int64})
    return frame.with_columns((pl.col("expected") == pl.col("actual")).alias("holds"))


def reconcile_acled(weekly: pl.DataFrame, acled: pl.DataFrame) -> pl.DataFrame:
    """`acled_weekly` is `weekly_conflict_stats` in another layout: same rows, events and deaths."""
    return _frame([
        {"rule": "acled_weekly rows = weekly rows", "expected": weekly.height, "actual": acled.height},
        {"rule": "acled_weekly events = weekly events",
         "expected": int(weekly["events"].fill_null(0).sum()), "actual": int(acled["EVENTS"].fill_null(0).sum())},
        {"rule": "acled_weekly fatalities = weekly fatalities",
         "expected": int(weekly["fatalities"].fill_null(0).sum()), "actual": int(acled["FATALITIES"].fill_null(0).sum())},
    ])


def reconcile(events: pl.DataFrame, mentions: pl.DataFrame, weekly: pl.DataFrame) -> pl.DataFrame:
    counted = countable_events(events)
    rows = []

    def add(rule: str, expected: int, actual: int) -> None:
        rows.append({"rule": rule, "expected": int(expected), "actual": int(actual)})

    add("weekly fatalities = fatalities of dated non-aggregate events",
        counted["fatalities"].fill_null(0).sum(), weekly["fatalities"].fill_null(0).sum())
    add("weekly events = dated non-aggregate events", counted.height, weekly["events"].fill_null(0).sum())
    known = set(events["event_id"].to_list())
    add("every mention belongs to exactly one event", mentions.height,
        sum(1 for e in mentions["event_id"].to_list() if e is not None and e in known))
    if mentions.height:
        spans = (
            mentions.filter(pl.col("admin1").is_not_null())
            .group_by("event_id").agg(pl.col("admin1").n_unique().alias("n"))
            .filter(pl.col("n") > 1).height
        )
        largest = mentions.group_by("event_id").agg(pl.col("fatalities_best").max().alias("largest"))
        over = (
            events.join(largest, on="event_id", how="left")
            .filter(pl.col("fatalities").is_not_null() & (pl.col("fatalities") > pl.col("largest").fill_null(-1)))
            .height
        )
    else:
        spans = over = 0
    add("events spanning two provinces", 0, spans)
    add("events counting more than their largest report", 0, over)
    return _frame(rows)
