"""Mentions, events and weeks add up, and the blocking suite says so when they do not."""

from datetime import date

import polars as pl

from sitrep import schema
from sitrep.quality.reconcile import reconcile
from sitrep.quality.runner import validate
from sitrep.stats.weekly import weekly_stats


def _events():
    return schema.conform(pl.DataFrame([
        {"event_id": "e1", "event_date": date(2017, 8, 20), "country": "SY", "admin1": "SY-RA", "event_type": "Battles",
         "sub_event_type": "Armed clash", "fatalities": 27, "victims": "civilians", "is_aggregate": False},
        {"event_id": "e2", "event_date": date(2017, 8, 21), "country": "SY", "admin1": "SY-RA", "event_type": "Battles",
         "sub_event_type": "Armed clash", "fatalities": 42, "victims": "civilians", "is_aggregate": False},
        {"event_id": "agg", "event_date": date(2017, 8, 17), "country": "SY", "admin1": None, "event_type": "Battles",
         "sub_event_type": "Armed clash", "fatalities": 800, "is_aggregate": True},
    ], infer_schema_length=None), schema.EVENTS)


def _mentions():
    return schema.conform(pl.DataFrame({
        "mention_id": ["a-1-0", "a-2-0", "b-1-0", "c-1-0"], "article_id": ["a", "a", "b", "c"],
        "event_id": ["e1", "e2", "e2", "agg"], "admin1": ["SY-RA", "SY-RA", None, None],
        "fatalities_best": [27, 42, 45, 800],
    }), schema.EVENT_MENTIONS)


def test_consistent_tables_pass():
    events, mentions = _events(), _mentions()
    weekly = weekly_stats(events, mentions)
    frame = reconcile(events, mentions, weekly)
    assert frame["holds"].all(), frame
    assert validate(frame, "reconciliation").success


def test_each_broken_total_fails_the_suite():
    events, mentions = _events(), _mentions()
    weekly = weekly_stats(events, mentions)
    cases = {
        "weekly fatalities": (events, mentions, weekly.with_columns(pl.col("fatalities") + 1)),
        "mention without event": (events, mentions.with_columns(pl.lit(None, pl.String).alias("event_id")), weekly),
        "two provinces": (events, mentions.with_columns(
            pl.when(pl.col("mention_id") == "b-1-0").then(pl.lit("SY-DY")).otherwise(pl.col("admin1")).alias("admin1")), weekly),
        "count above largest report": (events.with_columns(pl.when(pl.col("event_id") == "e1").then(99).otherwise(pl.col("fatalities")).alias("fatalities")), mentions, weekly),
    }
    for name, (e, m, w) in cases.items():
        frame = reconcile(e, m, w)
        assert not frame["holds"].all(), name
        outcome = validate(frame, "reconciliation")
        assert not outcome.success, name


def test_acled_layout_reconciles_through_its_suite_and_fails_when_a_row_is_lost():
    import datetime as dt

    from sitrep import schema
    from sitrep.quality.reconcile import reconcile_acled
    from sitrep.stats.acled import acled_weekly

    weekly = schema.conform(pl.DataFrame([
        {"week_start": dt.date(2017, 8, 19), "country": "SY", "admin1": a, "admin1_name": n,
         "event_type": "Battles", "sub_event_type": "Armed clash", "events": 1, "fatalities": f,
         "civilian_fatalities": 0, "n_articles": 1}
        for a, n, f in (("SY-RA", "Ar Raqqah", 34), ("SY-DY", "Dayr az Zawr", 70))
    ]), schema.WEEKLY_CONFLICT_STATS)
    acled = acled_weekly(weekly, {"SY": "Syria"}.get)
    assert validate(reconcile_acled(weekly, acled), "acled_reconciliation").success
    outcome = validate(reconcile_acled(weekly, acled.head(1)), "acled_reconciliation")
    assert not outcome.success and outcome.blocking
