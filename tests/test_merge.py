"""Mentions to events: one event, one conservative count; period totals stay claims."""

from datetime import date

import polars as pl

from sitrep import schema
from sitrep.merge.events import merge_mentions


def mention(mid, article, **kw):
    base = {
        "mention_id": mid, "article_id": article, "sentence_index": int(mid.split("-")[-2]),
        "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
        "country": "SY", "admin1": "SY-DY", "admin1_name": "Dayr az Zawr", "location": "Deir ez-Zor",
        "geo_precision": 2, "date_start": date(2017, 8, 14), "date_end": date(2017, 8, 20),
        "event_date": date(2017, 8, 17), "time_precision": 2, "date_expression": "last week",
        "is_aggregate": False, "published_date": date(2017, 8, 25),
    }
    base.update(kw)
    return base


def frame(rows):
    return schema.conform(pl.DataFrame(rows, infer_schema_length=None), schema.EVENT_MENTIONS)


def test_two_outlets_one_strike_take_the_lower_count():
    rows = [
        mention("a-3-0", "a", fatalities_low=201, fatalities_best=201, victims="militants",
                date_start=date(2017, 8, 1), date_end=date(2017, 8, 21), time_precision=3, date_expression="this month",
                published_date=date(2017, 8, 21)),
        mention("b-5-0", "b", fatalities_low=70, fatalities_best=70, victims="militants"),
    ]
    assigned, events = merge_mentions(frame(rows), {"a": "Arab News", "b": "Syria Deeply"})
    assert events.height == 1
    event = events.row(0, named=True)
    assert (event["fatalities"], event["fatalities_low"], event["fatalities_high"]) == (70, 70, 201)
    assert (event["n_mentions"], event["n_articles"], event["n_outlets"]) == (2, 2, 2)
    assert event["date_start"] == date(2017, 8, 14) and event["time_precision"] == 2
    assert assigned["event_id"].n_unique() == 1


def test_a_period_total_is_never_merged_into_an_event():
    rows = [
        mention("a-1-0", "a", fatalities_low=27, fatalities_best=27, victims="civilians", admin1="SY-RA",
                date_start=date(2017, 8, 20), date_end=date(2017, 8, 20), time_precision=1),
        mention("a-9-0", "a", fatalities_low=125, fatalities_best=125, victims="civilians", admin1="SY-RA",
                is_aggregate=True, date_start=date(2017, 8, 14), date_end=date(2017, 8, 20)),
    ]
    _, events = merge_mentions(frame(rows))
    assert events.height == 2
    assert sorted(events["is_aggregate"].to_list()) == [False, True]


def test_a_repeated_count_in_one_article_is_one_event():
    rows = [
        mention("a-0-0", "a", fatalities_low=70, fatalities_best=70, victims="militants", event_type="Battles",
                sub_event_type="Armed clash", admin1="SY-RA", date_start=date(2014, 8, 20), date_end=date(2014, 8, 22)),
        mention("a-3-0", "a", fatalities_low=70, fatalities_best=70, victims="militants", admin1="SY-RA",
                date_start=date(2014, 8, 20), date_end=date(2014, 8, 22)),
        mention("a-5-0", "a", fatalities_low=8, fatalities_best=8, victims="civilians", admin1="SY-RA",
                date_start=date(2014, 8, 21), date_end=date(2014, 8, 21)),
    ]
    _, events = merge_mentions(frame(rows))
    assert sorted(events["fatalities"].to_list()) == [8, 70]
    clash = events.filter(pl.col("fatalities") == 70).row(0, named=True)
    assert clash["event_type"] == "Battles" and clash["n_mentions"] == 2


def test_different_days_in_one_place_stay_apart():
    rows = [
        mention("a-1-0", "a", fatalities_best=21, fatalities_low=21, date_start=date(2017, 6, 5), date_end=date(2017, 6, 5), time_precision=1, geo_precision=1),
        mention("b-1-0", "b", fatalities_best=21, fatalities_low=21, date_start=date(2017, 6, 6), date_end=date(2017, 6, 6), time_precision=1, geo_precision=1),
    ]
    _, events = merge_mentions(frame(rows))
    assert events.height == 2
