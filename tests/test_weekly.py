"""Week keys and weekly statistics: ACLED weeks, aggregates excluded, totals reconcile."""

from datetime import date

import polars as pl
import pytest

from sitrep import schema
from sitrep.stats.weekly import weekly_stats
from sitrep.stats.weeks import week_start, week_start_expr


@pytest.mark.parametrize(
    "day, acled, iso",
    [
        (date(2014, 8, 22), date(2014, 8, 16), date(2014, 8, 18)),  # Friday ends the ACLED week
        (date(2014, 8, 16), date(2014, 8, 16), date(2014, 8, 11)),  # Saturday starts it
        (date(2017, 8, 20), date(2017, 8, 19), date(2017, 8, 14)),  # Sunday
        (date(2016, 6, 3), date(2016, 5, 28), date(2016, 5, 30)),
    ],
)
def test_week_start(day, acled, iso):
    assert week_start(day, "acled") == acled
    assert week_start(day, "iso") == iso
    frame = pl.DataFrame({"d": [day]})
    assert frame.select(week_start_expr("d", "acled")).item() == acled
    assert frame.select(week_start_expr("d", "iso")).item() == iso


def _events(rows):
    return schema.conform(pl.DataFrame(rows, infer_schema_length=None), schema.EVENTS)


def test_weekly_counts_each_dated_event_once_and_never_a_period_total():
    events = _events([
        {"event_id": "e1", "event_date": date(2017, 8, 20), "country": "SY", "admin1": "SY-RA", "admin1_name": "Ar Raqqah",
         "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike", "fatalities": 27, "victims": "civilians", "is_aggregate": False},
        {"event_id": "e2", "event_date": date(2017, 8, 21), "country": "SY", "admin1": "SY-RA", "admin1_name": "Ar Raqqah",
         "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike", "fatalities": 42, "victims": "civilians", "is_aggregate": False},
        {"event_id": "e3", "event_date": date(2017, 8, 24), "country": "SY", "admin1": "SY-RA", "admin1_name": "Ar Raqqah",
         "event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": 34, "victims": "troops", "is_aggregate": False},
        {"event_id": "agg", "event_date": date(2017, 8, 17), "country": "SY", "admin1": "SY-RA",
         "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike", "fatalities": 125, "victims": "civilians", "is_aggregate": True},
        {"event_id": "e4", "event_date": date(2017, 8, 21), "country": "SY", "admin1": None,
         "event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": None, "is_aggregate": False},
        {"event_id": "undated", "event_date": None, "country": "SY", "admin1": "SY-RA",
         "event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": 5, "is_aggregate": False},
    ])
    mentions = pl.DataFrame({"event_id": ["e1", "e2", "e2", "e3", "e4"], "article_id": ["a", "a", "b", "b", "c"]})
    weekly = weekly_stats(events, mentions, centroid=lambda a, c: (1.0, 2.0))
    rows = {(r["admin1"], r["event_type"]): r for r in weekly.iter_rows(named=True)}
    strikes = rows[("SY-RA", "Explosions/Remote violence")]
    assert strikes["week_start"] == date(2017, 8, 19)
    assert (strikes["events"], strikes["fatalities"], strikes["civilian_fatalities"], strikes["n_articles"]) == (2, 69, 69, 2)
    assert rows[("SY-RA", "Battles")]["fatalities"] == 34
    assert rows[(None, "Battles")]["events"] == 1 and rows[(None, "Battles")]["fatalities"] == 0
    assert weekly["fatalities"].sum() == 27 + 42 + 34
    assert weekly.columns == schema.column_names(schema.WEEKLY_CONFLICT_STATS)
