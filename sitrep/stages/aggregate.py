"""Stages 4 and 5: merge mentions into events, then count events per week.

Both are recomputed from all mentions on every run: they are cheap beside the NLP, and a
late report (an article arriving today about last week) must be able to change an old week.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import polars as pl

from sitrep import schema
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.merge.duplicates import signature, stories
from sitrep.merge.events import merge_mentions
from sitrep.stats.acled import acled_weekly
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


def build_events(warehouse: Warehouse) -> MergeSummary:
    story_of = _stories(warehouse)
    mentions = warehouse.table("event_mentions")
    outlets = dict(warehouse.frame("SELECT article_id, outlet FROM articles").iter_rows())
    previous = dict(warehouse.frame("SELECT mention_id, event_id FROM mention_events").iter_rows())
    people: dict[str, set[str]] = defaultdict(set)
    for article_id, person in warehouse.frame("SELECT article_id, person FROM article_people").iter_rows():
        people[article_id].add(person)
    assigned, events = merge_mentions(mentions, outlets, story_of, previous, people)
    story_frame = pl.DataFrame({"article_id": list(story_of), "story_id": list(story_of.values())},
                               schema={"article_id": pl.String, "story_id": pl.String})
    with warehouse.writer() as con:
        replace_table(con, "event_mentions", assigned)
        replace_table(con, "events", events)
        replace_table(con, "mention_events", assigned.select("mention_id", "event_id"))
        con.register("_stories", story_frame.to_arrow())
        con.execute("UPDATE articles SET story_id = s.story_id FROM _stories s WHERE articles.article_id = s.article_id")
        con.unregister("_stories")
    counted = events.filter(~pl.col("is_aggregate"))
    return MergeSummary(mentions.height, events.height, events.height - counted.height,
                        int(counted["fatalities"].fill_null(0).sum()))


def _centroid(admin1: str | None, country: str) -> tuple[float, float] | None:
    gazetteer = get_gazetteer()
    if admin1:
        point = gazetteer.admin1_centroid(admin1)
        if point:
            return point
    return gazetteer.country_centroid(country)


def build_weekly(warehouse: Warehouse, scheme: str) -> WeeklySummary:
    events = warehouse.table("events")
    mentions = warehouse.frame("SELECT event_id, article_id FROM event_mentions")
    weekly = weekly_stats(events, mentions, scheme=scheme, centroid=_centroid)
    with warehouse.writer() as con:
        replace_table(con, "weekly_conflict_stats", weekly)
    return WeeklySummary(weekly.height, weekly["week_start"].n_unique() if weekly.height else 0,
                         int(weekly["fatalities"].sum()) if weekly.height else 0)


def build_acled_weekly(warehouse: Warehouse) -> int:
    """`acled_weekly`: the weekly rows in ACLED's layout (see `sitrep.stats.acled`)."""
    gazetteer = get_gazetteer()
    frame = acled_weekly(warehouse.table("weekly_conflict_stats"), gazetteer.country_name, gazetteer.continent)
    with warehouse.writer() as con:
        replace_table(con, "acled_weekly", frame)
    return frame.height


def published_frames(warehouse: Warehouse) -> dict[str, pl.DataFrame]:
    return {name: warehouse.table(name) for name in schema.PUBLISHED_TABLES}
