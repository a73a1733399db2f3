"""Stages 4 and 5: merge mentions into events, then count events per week.

Both are recomputed from all mentions on every run: they are cheap beside the NLP, and a
late report (an article arriving today about last week) must be able to change an old week.

Each stage is split in two so nothing unchecked reaches the warehouse: `compute_*` builds the
new tables in memory, the caller validates them (the Dagster asset runs its blocking suites on
the frames), and only then `write_*` replaces them in one transaction.  A failed check or a
crash therefore leaves the previous, checked tables in place; `build_*` does both steps for
callers without checks (evaluation).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from sitrep import schema
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.merge.duplicates import signature, stories
from sitrep.merge.events import merge_mentions
from sitrep.stats.weekly import weekly_stats
from sitrep.store.warehouse import Warehouse, insert_frame, replace_table


@dataclass(frozen=True)
class MergeSummary:
    mentions: int
    events: int
    aggregates: int
    fatalities: int


@dataclass(frozen=True)
class WeeklySummary:
    rows: int
    weeks: int
    fatalities: int


def _stories(warehouse: Warehouse) -> dict[str, str]:
    """Near-duplicate stories of every article (signatures computed once per article)."""
    missing = warehouse.frame(
        "SELECT r.article_id, r.text FROM raw_articles r JOIN articles USING (article_id) "
        "ANTI JOIN article_signatures USING (article_id)")
    if missing.height:
        fresh = pl.DataFrame(
            {"article_id": missing["article_id"], "signature": [signature(t) for t in missing["text"]]},
            schema={"article_id": pl.String, "signature": pl.Binary},
        )
        with warehouse.writer() as con:
            insert_frame(con, "article_signatures", fresh)
    rows = warehouse.frame("SELECT article_id, signature FROM article_signatures JOIN articles USING (article_id)")
    return stories(dict(rows.iter_rows()))


@dataclass(frozen=True)
class EventsBuild:
    """The merge stage's output before it is written: mentions with their event, events, stories."""

    mentions: pl.DataFrame
    events: pl.DataFrame
    stories: pl.DataFrame

    def summary(self) -> MergeSummary:
        counted = self.events.filter(~pl.col("is_aggregate"))
        return MergeSummary(self.mentions.height, self.events.height, self.events.height - counted.height,
                            int(counted["fatalities"].fill_null(0).sum()))


def compute_events(warehouse: Warehouse) -> EventsBuild:
    """Merge every mention into events, in memory (only the signature cache is written)."""
    story_of = _stories(warehouse)
    mentions = warehouse.table("event_mentions")
    outlets = dict(warehouse.frame("SELECT article_id, outlet FROM articles").iter_rows())
    assigned, events = merge_mentions(mentions, outlets, story_of)
    story_frame = pl.DataFrame({"article_id": list(story_of), "story_id": list(story_of.values())},
                               schema={"article_id": pl.String, "story_id": pl.String})
    return EventsBuild(schema.conform(assigned, schema.EVENT_MENTIONS), schema.conform(events, schema.EVENTS),
                       story_frame)


def write_events(warehouse: Warehouse, build: EventsBuild) -> None:
    """Replace events, the mentions' event ids and the articles' stories in one transaction."""
    with warehouse.writer() as con:
        replace_table(con, "event_mentions", build.mentions)
        replace_table(con, "events", build.events)
        con.register("_stories", build.stories.to_arrow())
        con.execute("UPDATE articles SET story_id = s.story_id FROM _stories s WHERE articles.article_id = s.article_id")
        con.unregister("_stories")


def build_events(warehouse: Warehouse) -> MergeSummary:
    build = compute_events(warehouse)
    write_events(warehouse, build)
    return build.summary()


def _centroid(admin1: str | None, country: str) -> tuple[float, float] | None:
    gazetteer = get_gazetteer()
    if admin1:
        point = gazetteer.admin1_centroid(admin1)
        if point:
            return point
    return gazetteer.country_centroid(country)


def weekly_summary(weekly: pl.DataFrame) -> WeeklySummary:
    return WeeklySummary(weekly.height, weekly["week_start"].n_unique() if weekly.height else 0,
                         int(weekly["fatalities"].sum()) if weekly.height else 0)


def compute_weekly(warehouse: Warehouse, scheme: str) -> pl.DataFrame:
    """The weekly table from the events in the warehouse, in memory."""
    events = warehouse.table("events")
    mentions = warehouse.frame("SELECT event_id, article_id FROM event_mentions")
    weekly = weekly_stats(events, mentions, scheme=scheme, centroid=_centroid)
    return schema.conform(weekly, schema.WEEKLY_CONFLICT_STATS)


def write_weekly(warehouse: Warehouse, weekly: pl.DataFrame) -> None:
    with warehouse.writer() as con:
        replace_table(con, "weekly_conflict_stats", weekly)


def build_weekly(warehouse: Warehouse, scheme: str) -> WeeklySummary:
    weekly = compute_weekly(warehouse, scheme)
    write_weekly(warehouse, weekly)
    return weekly_summary(weekly)


def published_frames(warehouse: Warehouse) -> dict[str, pl.DataFrame]:
    return {name: warehouse.table(name) for name in schema.PUBLISHED_TABLES}
