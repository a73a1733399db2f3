"""Stages 4 and 5: merge mentions into events, then count events per week.

Both are recomputed from all mentions on every run: they are cheap beside the NLP, and a
late report (an article arriving today about last week) must be able to change an old week.

Each stage is split in two so nothing unchecked reaches the warehouse: `compute_*` builds the
new tables in memory, the caller validates them (the Dagster asset runs its blocking suites on
the frames), and only then `write_*` replaces them in one transaction.  A failed check or a
crash therefore leaves the previous, checked tables in place; `build_*` does both steps for
callers without checks (evaluation).

`write_*` also refuses to write what was computed from inputs that changed in the meantime: a
fingerprint of the input tables is taken before they are read and compared inside the write
transaction (`InputsChanged`), so two overlapping runs can never put back a stale merge.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import polars as pl

from sitrep import schema
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.merge.duplicates import signature, stories
from sitrep.merge.events import merge_mentions
from sitrep.merge.placing import PLACE_COLUMNS, moved_records, place_names, restore
from sitrep.stats.acled import acled_weekly
from sitrep.text.sources import outlet_host
from sitrep.stats.weekly import weekly_stats
from sitrep.store.warehouse import Warehouse, insert_frame, replace_table

# What each derived stage reads; the columns it writes itself are left out.
EVENT_INPUTS = (
    "SELECT * EXCLUDE (event_id) FROM event_mentions",
    "SELECT article_id, outlet, title, url FROM articles",
    "SELECT * FROM article_signatures",
    "SELECT * FROM mention_events",
    "SELECT * FROM article_people",
    "SELECT article_id, admin1, name FROM place_mentions",
    "SELECT * FROM moved_mentions",
)
WEEKLY_INPUTS = ("SELECT * FROM events", "SELECT event_id, article_id FROM event_mentions")
ACLED_INPUTS = ("SELECT * FROM weekly_conflict_stats",)


class InputsChanged(RuntimeError):
    """Another writer changed a derived stage's inputs between its reading and its writing."""


def fingerprint(con, selects: tuple[str, ...]) -> tuple:
    """Row count and an order-free hash of every row of each query: equal inputs, equal prints."""
    return tuple(con.execute(f"SELECT count(*), bit_xor(hash(r)) FROM ({sql}) r").fetchall()[0] for sql in selects)


def _check_unchanged(con, selects: tuple[str, ...], seen: tuple, stage: str) -> None:
    if fingerprint(con, selects) != seen:
        raise InputsChanged(f"the inputs of {stage} changed while it ran (another run wrote to the warehouse); "
                            f"nothing was written: run again")


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
    """Near-duplicate stories of every article (signatures computed once per article, by the
    parse workers; here only for articles parsed before they did)."""
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
    inputs: tuple  # fingerprint of EVENT_INPUTS before they were read
    moved: pl.DataFrame  # mentions the merge moved to another report's place (`moved_mentions`)

    def summary(self) -> MergeSummary:
        counted = self.events.filter(~pl.col("is_aggregate"))
        return MergeSummary(self.mentions.height, self.events.height, self.events.height - counted.height,
                            int(counted["fatalities"].fill_null(0).sum()))


def compute_events(warehouse: Warehouse) -> EventsBuild:
    """Merge every mention into events, in memory (only the signature cache is written)."""
    story_of = _stories(warehouse)
    with warehouse.reader() as con:
        inputs = fingerprint(con, EVENT_INPUTS)
    # the places extraction gave, not those the last merge moved mentions to
    mentions = restore(warehouse.table("event_mentions"), warehouse.table("moved_mentions"))
    articles = warehouse.frame("SELECT article_id, outlet, title, url FROM articles")
    outlets = dict(zip(articles["article_id"], articles["outlet"]))
    titles = dict(zip(articles["article_id"], articles["title"]))
    previous = dict(warehouse.frame("SELECT mention_id, event_id FROM mention_events").iter_rows())
    people: dict[str, set[str]] = defaultdict(set)
    for article_id, person in warehouse.frame("SELECT article_id, person FROM article_people").iter_rows():
        people[article_id].add(person)
    places = place_names(warehouse.frame("SELECT article_id, admin1, name FROM place_mentions").iter_rows())
    hosts = {a: outlet_host(u) for a, u in zip(articles["article_id"], articles["url"])}
    assigned, events = merge_mentions(mentions, outlets, story_of, previous, people, titles, places, hosts,
                                      get_gazetteer())
    story_frame = pl.DataFrame({"article_id": list(story_of), "story_id": list(story_of.values())},
                               schema={"article_id": pl.String, "story_id": pl.String})
    return EventsBuild(schema.conform(assigned, schema.EVENT_MENTIONS), schema.conform(events, schema.EVENTS),
                       story_frame, inputs, moved_records(mentions, assigned))


def write_events(warehouse: Warehouse, build: EventsBuild) -> None:
    """Replace events, the mentions' event ids and places and the articles' stories in one
    transaction."""
    with warehouse.writer() as con:
        _check_unchanged(con, EVENT_INPUTS, build.inputs, "events")
        con.register("_assigned", build.mentions.select("mention_id", "event_id", *PLACE_COLUMNS).to_arrow())
        places = ", ".join(f'"{c}" = a."{c}"' for c in PLACE_COLUMNS)
        con.execute(f"UPDATE event_mentions SET event_id = a.event_id, {places} FROM _assigned a "
                    "WHERE event_mentions.mention_id = a.mention_id")
        con.unregister("_assigned")
        replace_table(con, "moved_mentions", build.moved)
        replace_table(con, "events", build.events)
        replace_table(con, "mention_events", build.mentions.select("mention_id", "event_id"))
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


@dataclass(frozen=True)
class WeeklyBuild:
    weekly: pl.DataFrame
    inputs: tuple  # fingerprint of WEEKLY_INPUTS before they were read


def compute_weekly(warehouse: Warehouse, scheme: str) -> WeeklyBuild:
    """The weekly table from the events in the warehouse, in memory."""
    with warehouse.reader() as con:
        inputs = fingerprint(con, WEEKLY_INPUTS)
    events = warehouse.table("events")
    mentions = warehouse.frame("SELECT event_id, article_id FROM event_mentions")
    weekly = weekly_stats(events, mentions, scheme=scheme, centroid=_centroid)
    return WeeklyBuild(schema.conform(weekly, schema.WEEKLY_CONFLICT_STATS), inputs)


def write_weekly(warehouse: Warehouse, build: WeeklyBuild) -> None:
    with warehouse.writer() as con:
        _check_unchanged(con, WEEKLY_INPUTS, build.inputs, "weekly_conflict_stats")
        replace_table(con, "weekly_conflict_stats", build.weekly)


def build_weekly(warehouse: Warehouse, scheme: str) -> WeeklySummary:
    build = compute_weekly(warehouse, scheme)
    write_weekly(warehouse, build)
    return weekly_summary(build.weekly)


@dataclass(frozen=True)
class AcledBuild:
    acled: pl.DataFrame
    weekly: pl.DataFrame  # the weekly rows it was made from, for the reconciliation check
    inputs: tuple  # fingerprint of ACLED_INPUTS before they were read


def compute_acled_weekly(warehouse: Warehouse) -> AcledBuild:
    """`acled_weekly` in memory: the weekly rows in ACLED's layout (see `sitrep.stats.acled`)."""
    with warehouse.reader() as con:
        inputs = fingerprint(con, ACLED_INPUTS)
    weekly = warehouse.table("weekly_conflict_stats")
    gazetteer = get_gazetteer()
    return AcledBuild(acled_weekly(weekly, gazetteer.country_name, gazetteer.continent), weekly, inputs)


def write_acled_weekly(warehouse: Warehouse, build: AcledBuild) -> None:
    with warehouse.writer() as con:
        _check_unchanged(con, ACLED_INPUTS, build.inputs, "acled_weekly")
        replace_table(con, "acled_weekly", build.acled)


def build_acled_weekly(warehouse: Warehouse) -> int:
    build = compute_acled_weekly(warehouse)
    write_acled_weekly(warehouse, build)
    return build.acled.height


def published_frames(warehouse: Warehouse) -> dict[str, pl.DataFrame]:
    return {name: warehouse.table(name) for name in schema.PUBLISHED_TABLES}
