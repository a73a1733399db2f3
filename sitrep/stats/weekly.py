"""Weekly conflict statistics from events.

Every dated, placed, non-aggregate event counts once, in the week of its `event_date`; a
period total never does.  An event with a country but no province goes to a country-level row
(admin1 null).  Fatalities are the events' conservative counts, so the weekly sum reconciles
with the events table (a blocking check holds that).
"""

from __future__ import annotations

from typing import Callable

import polars as pl

from sitrep import schema
from sitrep.stats.weeks import week_start_expr

Centroid = Callable[[str | None, str], tuple[float, float] | None]


def countable_events(events: pl.DataFrame) -> pl.DataFrame:
    """The events a week counts: dated, with a country, not period totals."""
    return events.filter(
        pl.col("event_date").is_not_null() & pl.col("country").is_not_null() & ~pl.col("is_aggregate")
    )


def weekly_stats(
    events: pl.DataFrame,
    mentions: pl.DataFrame,
    scheme: str = "acled",
    centroid: Centroid | None = None,
) -> pl.DataFrame:
    """One row per week, country, province and event type (see the module docstring)."""
    counted = countable_events(events)
    if counted.is_empty():
        return schema.empty_frame(schema.WEEKLY_CONFLICT_STATS)
    article_sets = mentions.group_by("event_id").agg(pl.col("article_id").unique().alias("articles"))
    keys = ["week_start", "country", "admin1", "admin1_name", "event_type", "sub_event_type"]
    frame = (
        counted.join(article_sets, on="event_id", how="left")
        .with_columns(week_start_expr("event_date", scheme).alias("week_start"))
        .group_by(keys)
        .agg(
            pl.len().cast(pl.Int64).alias("events"),
            pl.col("fatalities").fill_null(0).sum().cast(pl.Int64).alias("fatalities"),
            pl.when(pl.col("victims") == "civilians").then(pl.col("fatalities").fill_null(0)).otherwise(0)
            .sum().cast(pl.Int64).alias("civilian_fatalities"),
            pl.col("articles").list.explode(keep_nulls=False, empty_as_null=False).drop_nulls().n_unique().cast(pl.Int64).alias("n_articles"),
        )
    )
    if centroid is not None:
        points = [centroid(a, c) for a, c in zip(frame["admin1"], frame["country"])]
        frame = frame.with_columns(
            pl.Series("centroid_latitude", [p[0] if p else None for p in points], dtype=pl.Float64),
            pl.Series("centroid_longitude", [p[1] if p else None for p in points], dtype=pl.Float64),
        )
    return schema.conform(frame, schema.WEEKLY_CONFLICT_STATS).sort(keys, nulls_last=True)
