"""How firmly an article's places back the province its event was put in.

Two reports of one shooting can land in two states when one of them names only a town whose
name many states share ("Wilmington", "Lafayette", "Naples") and the geoparser picked the
wrong namesake, or picked it from the outlet's home state.  The merger (`sitrep.merge.events`)
may join such reports when their particulars agree, and then moves the weakly placed report to
the other's province.  A report's place is weak when nothing in its article but the town
itself points at that province: no state, county or other town of it is named.

The merge writes the places it gives into `event_mentions`; `moved_records` and `restore` keep
what extraction said, so that the next merge judges the extracted places again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import polars as pl

PLACE_COLUMNS = ("country", "admin1", "admin1_name", "location", "latitude", "longitude", "geo_precision")
"""The columns of a mention that say where it happened, moved together."""


def place_names(rows: Iterable[tuple[str, str | None, str | None]]) -> dict[str, dict[str, frozenset[str]]]:
    """(article_id, admin1, place name) rows of `place_mentions` -> article -> province -> the
    distinct place names (lower case) the article resolved into that province."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for article, admin1, name in rows:
        if admin1 and name:
            out[article][admin1].add(name.lower())
    return {a: {p: frozenset(names) for p, names in by.items()} for a, by in out.items()}


def support(names: dict[str, frozenset[str]] | None, admin1: str | None, location: str | None) -> int:
    """How many places of the article, other than the event's own town, lie in its province."""
    if not names or not admin1:
        return 0
    own = (location or "").lower()
    return len(names.get(admin1, frozenset()) - {own})


def names_town(names: dict[str, frozenset[str]] | None, admin1: str | None, location: str | None) -> bool:
    """Whether the article resolved `location` into `admin1` among its places: a report put in
    another province that names this town of this one may be this report's incident, placed by
    a namesake (the headline's "Lexington" read as Kentucky's, the text's as South Carolina's)."""
    if not names or not admin1 or not location:
        return False
    return location.lower() in names.get(admin1, frozenset())


def evidence(articles: Iterable[dict[str, frozenset[str]] | None], admin1: str | None) -> int:
    """How many places the articles name in the province, counted per article: the weight of
    that province when two reports of one event were put in different ones."""
    return sum(len((names or {}).get(admin1, frozenset())) for names in articles) if admin1 else 0


def moved(row: dict, to: dict) -> dict:
    """`row` placed where `to` is (country, province, town, coordinates and precision)."""
    return {**row, **{c: to.get(c) for c in PLACE_COLUMNS}}


def moved_records(extracted: pl.DataFrame, merged: pl.DataFrame) -> pl.DataFrame:
    """The mentions whose place the merge changed: their place as extracted, and the province
    and place they were given (the `moved_mentions` table), so the next merge starts again from
    what extraction said (`restore`)."""
    before = extracted.select("mention_id", *PLACE_COLUMNS)
    after = merged.select("mention_id", pl.col("admin1").alias("moved_admin1"), pl.col("location").alias("moved_location"),
                          pl.struct(*PLACE_COLUMNS).alias("_after"))
    joined = before.join(after, on="mention_id", how="inner")
    changed = joined.filter(pl.struct(*PLACE_COLUMNS).ne_missing(pl.col("_after")))
    return changed.drop("_after")


def restore(mentions: pl.DataFrame, records: pl.DataFrame) -> pl.DataFrame:
    """`mentions` with the place extraction gave each mention the last merge moved.  A mention
    extracted again since then no longer has the place the merge gave it, and keeps its new one."""
    if records.is_empty():
        return mentions
    current = mentions.select("mention_id", pl.col("admin1").alias("_admin1"), pl.col("location").alias("_location"))
    still = records.join(current, on="mention_id", how="inner").filter(
        pl.col("_admin1").eq_missing(pl.col("moved_admin1")) & pl.col("_location").eq_missing(pl.col("moved_location")))
    original = records.select("mention_id", *PLACE_COLUMNS).join(still.select("mention_id"), on="mention_id", how="semi")
    if original.is_empty():
        return mentions
    original = original.cast({c: mentions.schema[c] for c in PLACE_COLUMNS})
    return mentions.update(original, on="mention_id", include_nulls=True)
