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


def _ids(assigned):
    return dict(zip(assigned["mention_id"], assigned["event_id"]))


def test_a_late_report_published_earlier_keeps_the_event_id():
    first = [mention("b-5-0", "b", fatalities_low=70, fatalities_best=70, victims="militants")]
    assigned, events = merge_mentions(frame(first))
    event_id = events["event_id"].item()
    # an earlier-published article about the same strike arrives in the next run: it sorts first
    late = mention("a-3-0", "a", fatalities_low=75, fatalities_best=75, victims="militants",
                   published_date=date(2017, 8, 21))
    again, events = merge_mentions(frame(first + [late]), previous=_ids(assigned))
    assert events.height == 1 and events["event_id"].item() == event_id
    assert events["fatalities"].item() == 70 and events["n_articles"].item() == 2
    # without the previous run's ids, the id would have followed the earlier-published report
    _, fresh = merge_mentions(frame(first + [late]))
    assert fresh["event_id"].item() != event_id


def test_a_split_event_keeps_its_id_on_the_larger_part_and_ids_never_repeat():
    rows = [mention("a-1-0", "a", fatalities_best=5, fatalities_low=5),
            mention("b-1-0", "b", fatalities_best=5, fatalities_low=5),
            mention("c-1-0", "c", fatalities_best=5, fatalities_low=5)]
    assigned, events = merge_mentions(frame(rows))
    assert events.height == 1
    old = events["event_id"].item()
    moved = [rows[0], rows[1], dict(rows[2], admin1="SY-RA", admin1_name="Ar Raqqah")]
    again, events = merge_mentions(frame(moved), previous=_ids(assigned))
    ids = _ids(again)
    assert events.height == 2 and events["event_id"].n_unique() == 2
    assert ids["a-1-0"] == ids["b-1-0"] == old
    assert ids["c-1-0"] != old


def _shooting(mid, article, day, **kw):
    base = dict(event_type="Violence against civilians", sub_event_type="Attack", country="US", admin1="US-TX",
                admin1_name="Texas", location="Houston", geo_precision=1, date_start=date(2016, 3, day),
                date_end=date(2016, 3, day), event_date=date(2016, 3, day), time_precision=1, date_expression="Monday",
                fatalities_best=1, fatalities_low=1, victims="civilians", published_date=date(2016, 3, 9))
    base.update(kw)
    return mention(mid, article, **base)


def test_reports_naming_the_same_victim_are_one_event_despite_a_day_apart():
    rows = [_shooting("a-2-0", "a", 7), _shooting("b-1-0", "b", 8, location="Pasadena")]
    people = {"a": {"jamal carter", "art acevedo"}, "b": {"jamal carter"}}
    _, apart = merge_mentions(frame(rows))
    assert apart.height == 2
    _, events = merge_mentions(frame(rows), people=people)
    assert events.height == 1 and events["n_articles"].item() == 2


def test_a_name_in_many_articles_or_provinces_links_nothing():
    # a police chief quoted about every shooting in the state
    rows = [_shooting(f"{a}-1-0", a, 7) for a in "abcdefghijklmn"]
    rows = [dict(r, location=f"Town {i}", geo_precision=1) for i, r in enumerate(rows)]
    rows[1] = dict(rows[1], date_start=date(2016, 3, 7), date_end=date(2016, 3, 7))
    people = {r["article_id"]: {"art acevedo"} for r in rows}
    _, events = merge_mentions(frame(rows), people=people)
    assert events.height == len(rows)
    two = [_shooting("a-1-0", "a", 7), _shooting("b-1-0", "b", 7, admin1="US-LA", admin1_name="Louisiana",
                                                 location="Shreveport")]
    _, events = merge_mentions(frame(two), people={"a": {"john doe"}, "b": {"john doe"}})
    assert events.height == 2


def test_a_shared_name_weeks_apart_or_with_far_counts_stays_apart():
    rows = [_shooting("a-1-0", "a", 1), _shooting("b-1-0", "b", 20)]
    _, events = merge_mentions(frame(rows), people={"a": {"jamal carter"}, "b": {"jamal carter"}})
    assert events.height == 2
    rows = [_shooting("a-1-0", "a", 7, fatalities_best=1, fatalities_low=1),
            _shooting("b-1-0", "b", 7, fatalities_best=9, fatalities_low=9, location="Katy")]
    _, events = merge_mentions(frame(rows), people={"a": {"jamal carter"}, "b": {"jamal carter"}})
    assert events.height == 2


def test_a_town_and_its_province_join_only_on_a_telling_count():
    # one report names the town, another only the state: one death each is no evidence
    town = _shooting("a-1-0", "a", 7)
    state = _shooting("b-1-0", "b", 7, location="Texas", geo_precision=3)
    _, events = merge_mentions(frame([town, state]))
    assert events.height == 2
    # three dead on the same day in the same state, told by both: one event
    three = dict(fatalities_best=3, fatalities_low=3)
    _, events = merge_mentions(frame([dict(town, **three), dict(state, **three)]))
    assert events.height == 1 and events["location"].item() == "Houston"


def test_two_shared_names_link_a_trial_report_months_later():
    crime = _shooting("a-1-0", "a", 7, fatalities_best=2, fatalities_low=2)
    trial = _shooting("b-4-0", "b", 7, date_start=date(2016, 9, 12), date_end=date(2016, 9, 12),
                      event_date=date(2016, 9, 12), fatalities_best=1, fatalities_low=1, published_date=date(2016, 9, 13))
    two = {"a": {"jamal carter", "lena ortiz"}, "b": {"jamal carter", "lena ortiz"}}
    _, events = merge_mentions(frame([crime, trial]), people=two)
    assert events.height == 1 and events["fatalities"].item() == 1 and events["n_articles"].item() == 2
    # the trial's precise day cannot be the attack's: the first report came out months before
    assert events["event_date"].item() == date(2016, 3, 7)
    vague = _shooting("a-1-0", "a", 7, date_start=date(2016, 2, 29), date_end=date(2016, 3, 6),
                      time_precision=2, date_expression="last week")
    _, events = merge_mentions(frame([vague, trial]), people=two)
    assert events.height == 1 and (events["date_start"].item(), events["date_end"].item()) == (date(2016, 2, 29), date(2016, 3, 6))
    one = {"a": {"jamal carter", "lena ortiz"}, "b": {"jamal carter"}}
    _, events = merge_mentions(frame([crime, trial]), people=one)
    assert events.height == 2


def test_same_day_reports_in_one_state_join_on_an_age_or_a_headline():
    a = _shooting("a-0-0", "a", 7, location="Pasadena", evidence="A 17-year-old was shot dead in Pasadena.")
    b = _shooting("b-0-0", "b", 7, location="Houston", evidence="Marcus Hill, 17, died at the scene.")
    c = _shooting("c-0-0", "c", 7, location="Baytown", evidence="A man was killed on Monday night.")
    assigned, events = merge_mentions(frame([a, b, c]))
    ids = dict(zip(assigned["mention_id"], assigned["event_id"]))
    assert events.height == 2 and ids["a-0-0"] == ids["b-0-0"] != ids["c-0-0"]
    _, events = merge_mentions(frame([a, c]))
    assert events.height == 2
    titles = {"a": "Teen shot dead outside Pasadena taco stand", "c": "Teen shot dead outside taco stand, police say"}
    assigned, events = merge_mentions(frame([a, c]), titles=titles)
    assert events.height == 1
    # an age or a headline in common says nothing a day apart or in another state
    later = dict(c, mention_id="c-0-0", date_start=date(2016, 3, 8), date_end=date(2016, 3, 8), event_date=date(2016, 3, 8))
    louisiana = dict(c, admin1="US-LA", admin1_name="Louisiana", location="Shreveport")
    for other in (later, louisiana):
        _, events = merge_mentions(frame([a, other]), titles=titles)
        assert events.height == 2
    # nor a report dated only by its month ("killed in March"): it shares no day with any other
    month = dict(b, date_start=date(2016, 3, 1), date_end=date(2016, 3, 31), event_date=date(2016, 3, 16),
                 time_precision=3, date_expression="in March")
    _, events = merge_mentions(frame([a, month]))
    assert events.height == 2


def test_a_report_with_no_province_joins_the_one_its_clues_point_to():
    placed = _shooting("a-0-0", "a", 7, evidence="Marcus Hill, 17, was shot dead on Monday.")
    unplaced = _shooting("b-0-0", "b", 7, admin1=None, admin1_name=None, location=None, geo_precision=None,
                         evidence="A 17-year-old was killed in a drive-by shooting.")
    _, apart = merge_mentions(frame([placed, dict(unplaced, evidence="A man was killed.")]))
    assert apart.height == 2
    _, events = merge_mentions(frame([placed, unplaced]))
    assert events.height == 1 and events["admin1"].item() == "US-TX"
    # the same clues in two provinces: no way to tell which, so it joins neither
    elsewhere = _shooting("c-0-0", "c", 7, admin1="US-LA", admin1_name="Louisiana", location="Shreveport",
                          evidence="Police named the victim, Dee Lane, 17.")
    _, events = merge_mentions(frame([placed, unplaced, elsewhere]))
    assert events.height == 3


def test_an_articles_lead_event_is_its_first_report_of_deaths():
    from sitrep.evaluate.external import main_mentions
    from sitrep.merge.events import lead_mentions

    rows = [
        mention("a-0-0", "a", fatalities_best=None),  # a trigger told without a count
        mention("a-1-0", "a", fatalities_low=6, fatalities_best=6, victims="civilians"),
        # a larger figure further down: background, not the story's event
        mention("a-7-0", "a", fatalities_low=90, fatalities_best=90, victims="civilians"),
        mention("b-0-0", "b", fatalities_best=None),
        mention("b-2-0", "b", fatalities_best=None),
    ]
    assert {a: rows[i]["mention_id"] for a, i in lead_mentions(rows).items()} == {"a": "a-1-0", "b": "b-0-0"}
    # the evaluation scores the same mention as the article's main event
    mains = main_mentions(frame([{**r, "char_start": 0} for r in rows]))
    assert {a: m["mention_id"] for a, m in mains.items()} == {"a": "a-1-0", "b": "b-0-0"}


def _in(state, name, town, lat):
    return dict(admin1=state, admin1_name=name, location=town, latitude=lat, longitude=-80.0)


def test_a_report_placed_by_a_namesake_town_takes_the_firmer_reports_place():
    from sitrep.merge.placing import place_names

    de = _shooting("a-0-0", "a", 7, **_in("US-DE", "Delaware", "Wilmington", 39.7))
    nc = _shooting("b-0-0", "b", 7, **_in("US-NC", "North Carolina", "Wilmington", 34.2))
    nc_too = _shooting("b-4-0", "b", 7, fatalities_best=None, fatalities_low=None, antecedent_id="b-0-0",
                       **_in("US-NC", "North Carolina", "Wilmington", 34.2))
    places = place_names([("a", "US-DE", "Wilmington"), ("a", "US-DE", "Delaware"), ("a", "US-DE", "New Castle County"),
                          ("b", "US-NC", "Wilmington")])
    _, apart = merge_mentions(frame([de, nc, nc_too]))
    assert apart.height == 2
    assigned, events = merge_mentions(frame([de, nc, nc_too]), places=places)
    assert events.height == 1 and events["admin1"].item() == "US-DE"
    # every mention the namesake placed moves with it, coordinates included: one province per event
    assert set(assigned["admin1"]) == {"US-DE"} and set(assigned["latitude"]) == {39.7}
    # nothing to tell the two provinces apart: both keep their place, and stay two events
    even = place_names([("a", "US-DE", "Wilmington"), ("b", "US-NC", "Wilmington")])
    _, events = merge_mentions(frame([de, nc]), places=even)
    assert events.height == 2
    # another day, or another town with nothing else in common, is another event
    later = dict(nc, date_start=date(2016, 3, 8), date_end=date(2016, 3, 8), event_date=date(2016, 3, 8))
    elsewhere = dict(nc, location="Leland")
    for other in (later, elsewhere):
        _, events = merge_mentions(frame([de, other]), places=places)
        assert events.height == 2


def test_a_shared_name_moves_a_weakly_placed_report_only_within_a_day():
    from sitrep.merge.placing import place_names

    tx = _shooting("a-0-0", "a", 7)
    il = _shooting("b-0-0", "b", 8, **_in("US-IL", "Illinois", "Springfield", 39.8))
    places = place_names([("a", "US-TX", "Houston"), ("a", "US-TX", "Harris County"), ("b", "US-IL", "Springfield")])
    people = {"a": {"jamal carter"}, "b": {"jamal carter"}}
    assigned, events = merge_mentions(frame([tx, il]), people=people, places=places)
    assert events.height == 1 and set(assigned["admin1"]) == {"US-TX"}
    days_apart = dict(il, date_start=date(2016, 3, 10), date_end=date(2016, 3, 10), event_date=date(2016, 3, 10))
    _, events = merge_mentions(frame([tx, days_apart]), people=people, places=places)
    assert events.height == 2
    # a report pointed at two other provinces cannot tell which: it keeps its own
    la = _shooting("c-0-0", "c", 8, **_in("US-LA", "Louisiana", "Shreveport", 32.5))
    places = place_names([("a", "US-TX", "Houston"), ("a", "US-TX", "Harris County"), ("b", "US-IL", "Springfield"),
                          ("c", "US-LA", "Shreveport"), ("c", "US-LA", "Caddo Parish")])
    people = {"a": {"jamal carter"}, "b": {"jamal carter", "dee lane"}, "c": {"dee lane"}}
    assigned, events = merge_mentions(frame([tx, il, la]), people=people, places=places)
    assert events.height == 3 and sorted(assigned["admin1"]) == ["US-IL", "US-LA", "US-TX"]


def test_two_names_link_far_apart_reports_only_when_both_are_rare():
    crime = _shooting("a-1-0", "a", 7, fatalities_best=2, fatalities_low=2)
    trial = _shooting("b-4-0", "b", 7, date_start=date(2016, 9, 12), date_end=date(2016, 9, 12),
                      event_date=date(2016, 9, 12), fatalities_best=1, fatalities_low=1, published_date=date(2016, 9, 13))
    # a governor who speaks about shootings of other months, in other towns
    others = [_shooting(f"{a}-0-0", a, 7, location=f"Town {a}", date_start=date(2016, m, 7), date_end=date(2016, m, 7),
                        event_date=date(2016, m, 7)) for a, m in zip("cdef", (5, 6, 11, 12))]
    people = {"a": {"jamal carter", "greg abbott"}, "b": {"jamal carter", "greg abbott"}}
    people.update({r["article_id"]: {"greg abbott"} for r in others})
    _, events = merge_mentions(frame([crime, trial, *others]), people=people)
    assert events.height == 6
    people = {"a": {"jamal carter", "lena ortiz"}, "b": {"jamal carter", "lena ortiz"}}
    people.update({r["article_id"]: {"greg abbott"} for r in others})
    _, events = merge_mentions(frame([crime, trial, *others]), people=people)
    assert events.height == 5


def test_reports_of_one_town_and_count_join_on_a_clue_two_days_apart():
    a = _shooting("a-0-0", "a", 7, evidence="A 17-year-old was shot dead in Houston late Monday.")
    b = _shooting("b-0-0", "b", 9, evidence="Marcus Hill, 17, was found shot on Wednesday.")
    _, events = merge_mentions(frame([a, b]))
    assert events.height == 1
    # no clue, another count, another town, or three days: apart
    for other in (dict(b, evidence="A man was found shot on Wednesday."),
                  dict(b, fatalities_best=2, fatalities_low=2, evidence="Marcus Hill, 17, and a woman were found shot."),
                  dict(b, location="Pasadena"),
                  dict(b, date_start=date(2016, 3, 10), date_end=date(2016, 3, 10), event_date=date(2016, 3, 10))):
        _, events = merge_mentions(frame([a, other]))
        assert events.height == 2


def test_a_report_with_no_province_joins_on_its_town_or_a_telling_count_and_takes_the_events_place():
    placed = _shooting("a-0-0", "a", 7, location="Lebanon", **{"admin1": "US-TN", "admin1_name": "Tennessee"})
    # the country's name read as the place: no province, another country, the same word
    abroad = _shooting("b-0-0", "b", 7, country="LB", admin1=None, admin1_name=None, location="Lebanon", geo_precision=3)
    unplaced = _shooting("c-0-0", "c", 7, admin1=None, admin1_name=None, location=None, geo_precision=None)
    _, events = merge_mentions(frame([placed, abroad]))
    assert events.height == 1
    # one death on one day says nothing; five dead on one day, told by both, does
    _, events = merge_mentions(frame([placed, unplaced]))
    assert events.height == 2
    five = dict(fatalities_best=5, fatalities_low=5)
    assigned, events = merge_mentions(frame([dict(placed, **five), dict(unplaced, **five)]))
    assert events.height == 1 and assigned.filter(pl.col("mention_id") == "c-0-0")["admin1"].item() is None
    # a merge allowed to move places gives the unplaced report its event's place
    assigned, events = merge_mentions(frame([dict(placed, **five), dict(unplaced, **five)]), places={})
    assert events.height == 1 and set(assigned["admin1"]) == {"US-TN"} and set(assigned["location"]) == {"Lebanon"}


def test_a_name_common_in_one_citys_reports_links_only_with_a_second_name():
    # a police chief named in five reports of one city: not a victim, even days apart
    a = _shooting("a-0-0", "a", 7)
    b = _shooting("b-0-0", "b", 9, location="Pasadena")
    others = [_shooting(f"{x}-0-0", x, 7, location=f"Town {x}", date_start=date(2016, m, 7), date_end=date(2016, m, 7),
                        event_date=date(2016, m, 7)) for x, m in zip("cde", (5, 6, 11))]
    chief = {x: {"art acevedo"} for x in "abcde"}
    _, events = merge_mentions(frame([a, b, *others]), people=chief)
    assert events.height == 5
    # the victim named too: two shared names link them within the days a follow-up takes
    both = dict(chief, a={"art acevedo", "jamal carter"}, b={"art acevedo", "jamal carter", "dee lane"})
    _, events = merge_mentions(frame([a, b, *others]), people=both)
    assert events.height == 4


def test_a_vigil_report_ten_days_on_joins_by_a_rare_name():
    crime = _shooting("a-0-0", "a", 3)
    vigil = _shooting("b-0-0", "b", 13, date_expression="on Friday night", published_date=date(2016, 3, 14))
    people = {"a": {"kyle martin"}, "b": {"kyle martin"}}
    _, events = merge_mentions(frame([crime, vigil]), people=people)
    assert events.height == 1
    # three weeks on, one name is not enough
    later = dict(vigil, date_start=date(2016, 3, 25), date_end=date(2016, 3, 25), event_date=date(2016, 3, 25))
    _, events = merge_mentions(frame([crime, later]), people=people)
    assert events.height == 2


def test_three_shared_names_link_a_long_running_case_at_any_date():
    crime = _shooting("a-0-0", "a", 7)
    # the verdict a year on, in a case whose names are in more articles than a rare name is
    verdict = _shooting("b-0-0", "b", 7, date_start=date(2017, 3, 20), date_end=date(2017, 3, 20),
                        event_date=date(2017, 3, 20), published_date=date(2017, 3, 21))
    names = {"jeremy hale", "derrick moss", "chris fenn"}
    coverage = [_shooting(f"{x}-0-0", x, 7, date_start=date(2016, m, 7), date_end=date(2016, m, 7), event_date=date(2016, m, 7))
                for x, m in zip("cdef", (5, 6, 7, 8))]
    people = {"a": set(names), "b": set(names), **{r["article_id"]: set(names) for r in coverage}}
    _, events = merge_mentions(frame([crime, verdict, *coverage]), people=people)
    assert events.height == 1
    two = {x: ns - {"chris fenn"} for x, ns in people.items()}
    _, events = merge_mentions(frame([crime, verdict, *coverage]), people=two)
    assert events.height == 6


def test_a_name_told_in_both_reports_event_sentences_links_them_at_any_date():
    crime = _shooting("a-0-0", "a", 7, evidence="Jamal Carter, 16, was shot dead on Monday in Houston.")
    # a trial report a year on, placed in no province (its lead names no place)
    trial = _shooting("b-0-0", "b", 7, admin1=None, admin1_name=None, location=None, geo_precision=None,
                      date_start=date(2017, 3, 20), date_end=date(2017, 3, 20), event_date=date(2017, 3, 20),
                      published_date=date(2017, 3, 21), evidence="A jury convicted the man who killed Jamal Carter.")
    people = {"a": {"jamal carter"}, "b": {"jamal carter"}}
    _, events = merge_mentions(frame([crime, trial]), people=people)
    assert events.height == 1
    # the name only in a byline or a quote's attribution, not in what happened: apart
    untold = dict(trial, evidence="A jury convicted a man of murder on Monday.")
    _, events = merge_mentions(frame([crime, untold]), people=people)
    assert events.height == 2
    # both placed: a told name joins them at any date only in the same town
    same_town = dict(trial, admin1="US-TX", admin1_name="Texas", location="Houston", geo_precision=1)
    _, events = merge_mentions(frame([crime, same_town]), people=people)
    assert events.height == 1
    other_town = dict(same_town, location="Pasadena")
    _, events = merge_mentions(frame([crime, other_town]), people=people)
    assert events.height == 2


def test_same_day_reports_in_one_state_join_on_the_number_shot():
    seven = _shooting("a-0-0", "a", 7, location="Chicago", admin1="US-IL", admin1_name="Illinois",
                      fatalities_best=None, fatalities_low=None, injured=7)
    one_and_six = _shooting("b-0-0", "b", 7, location="East Garfield Park", admin1="US-IL", admin1_name="Illinois",
                            injured=6)
    _, events = merge_mentions(frame([seven, one_and_six]))
    assert events.height == 1
    # two shot is too common a toll to tell one incident, and another toll is another incident
    for a, b in ((dict(seven, injured=2), dict(one_and_six, injured=1)), (seven, dict(one_and_six, injured=2))):
        _, events = merge_mentions(frame([a, b]))
        assert events.height == 2


def test_a_report_that_names_the_others_town_takes_its_place_on_the_same_count():
    from sitrep.merge.placing import place_names

    two = dict(fatalities_best=2, fatalities_low=2)
    ca = _shooting("a-0-0", "a", 7, **two, **_in("US-CA", "California", "Woodbridge", 38.2))
    tn = _shooting("b-0-0", "b", 7, **two, **_in("US-TN", "Tennessee", "Memphis", 35.1))
    # article a resolved Memphis (its headline's) into Tennessee, but put its lead in a namesake
    places = place_names([("a", "US-CA", "Woodbridge"), ("a", "US-TN", "Memphis"), ("a", "US-TN", "Tennessee"),
                          ("b", "US-TN", "Memphis"), ("b", "US-TN", "Shelby County")])
    assigned, events = merge_mentions(frame([ca, tn]), places=places)
    assert events.height == 1 and set(assigned["admin1"]) == {"US-TN"}
    # another count: another incident
    _, events = merge_mentions(frame([ca, dict(tn, fatalities_best=3, fatalities_low=3)]), places=places)
    assert events.height == 2
    # a report that names no town of the other's province, or one whose own province other
    # places back too (a report of one bombing naming the day's other one): apart
    unnamed = place_names([("a", "US-CA", "Woodbridge"), ("b", "US-TN", "Memphis"), ("b", "US-TN", "Shelby County")])
    backed = place_names([("a", "US-CA", "Woodbridge"), ("a", "US-CA", "San Joaquin County"), ("a", "US-TN", "Memphis"),
                          ("b", "US-TN", "Memphis"), ("b", "US-TN", "Shelby County")])
    for other_places in (unnamed, backed):
        _, events = merge_mentions(frame([ca, tn]), places=other_places)
        assert events.height == 2


def test_a_report_placed_in_a_state_alone_that_names_the_others_town_takes_its_place_on_any_count():
    from sitrep.merge.placing import place_names

    # "a 24-year-old Georgia woman died after being shot at a gun range": the lead lies in the
    # victim's home state, its count is the death; the other report counts her as wounded
    ga = _shooting("a-0-0", "a", 7, **_in("US-GA", "Georgia", "Georgia", 32.7))
    sc = _shooting("b-0-0", "b", 7, fatalities_best=None, fatalities_low=None, injured=1,
                   **_in("US-SC", "South Carolina", "Anderson", 34.5))
    places = place_names([("a", "US-GA", "Georgia"), ("a", "US-SC", "Anderson"), ("a", "US-SC", "Anderson County"),
                          ("b", "US-SC", "Anderson"), ("b", "US-SC", "Anderson County")])
    assigned, events = merge_mentions(frame([ga, sc]), places=places)
    assert events.height == 1 and set(assigned["admin1"]) == {"US-SC"}
    # placed in a town of its own, the report must give the other's count
    town = dict(ga, location="Athens")
    _, events = merge_mentions(frame([town, sc]), places=place_names(
        [("a", "US-GA", "Athens"), ("a", "US-SC", "Anderson"), ("b", "US-SC", "Anderson"), ("b", "US-SC", "Anderson County")]))
    assert events.height == 2


def test_same_day_reports_in_one_state_join_on_a_street():
    a = _shooting("a-0-0", "a", 7, location="Baltimore", admin1="US-MD", admin1_name="Maryland",
                  evidence="A man was shot dead in the 1400 block of Ramsay St. on Friday.")
    b = _shooting("b-0-0", "b", 7, location="South Baltimore", admin1="US-MD", admin1_name="Maryland",
                  evidence="Police found a man shot on Ramsay Street late Friday; he died at a hospital.")
    _, events = merge_mentions(frame([a, b]))
    assert events.height == 1
    for other in (dict(b, evidence="Police found a man shot on Pratt Street late Friday; he died at a hospital."),
                  dict(b, date_start=date(2016, 3, 9), date_end=date(2016, 3, 9), event_date=date(2016, 3, 9))):
        _, events = merge_mentions(frame([a, other]))
        assert events.height == 2


def test_names_never_link_a_report_with_no_date():
    crime = _shooting("a-0-0", "a", 7, evidence="Jamal Carter, 16, was shot dead on Monday.")
    # a story whose only date was unusable: its events stay undated, counted in no week
    undated = _shooting("b-0-0", "b", 7, admin1=None, admin1_name=None, location=None, geo_precision=None,
                        date_start=None, date_end=None, event_date=None, time_precision=None, date_expression=None,
                        published_date=None, evidence="The man who killed Jamal Carter was named.")
    names = {"jamal carter", "dee lane", "lena ortiz"}
    _, events = merge_mentions(frame([crime, undated]), people={"a": names, "b": names})
    assert events.height == 2 and events["event_date"].null_count() == 1


def test_reports_of_one_town_and_count_a_day_apart_are_one_event():
    # one report dates a late-night shooting by the night, the other, less precisely, by the
    # day it was written ("overnight"); two exact days stay apart (test_different_days_in_one_place_stay_apart)
    night = _shooting("a-0-0", "a", 7, fatalities_best=2, fatalities_low=2)
    morning = _shooting("b-0-0", "b", 8, fatalities_best=2, fatalities_low=2, date_expression="overnight",
                        time_precision=2)
    _, events = merge_mentions(frame([night, morning]))
    assert events.height == 1 and events["n_articles"].item() == 2
    # two days apart, another count, or another town: two incidents
    for other in (dict(morning, date_start=date(2016, 3, 9), date_end=date(2016, 3, 9)),
                  dict(morning, fatalities_best=1, fatalities_low=1),
                  dict(morning, location="Pasadena"),
                  dict(morning, time_precision=1)):
        _, events = merge_mentions(frame([night, other]))
        assert events.height == 2


def test_two_sub_event_types_join_only_on_the_same_count():
    shooting = _shooting("a-0-0", "a", 7, fatalities_best=3, fatalities_low=3)
    shootout = _shooting("b-0-0", "b", 7, fatalities_best=3, fatalities_low=3, event_type="Battles",
                         sub_event_type="Armed clash")
    _, events = merge_mentions(frame([shooting, shootout]))
    assert events.height == 1
    _, events = merge_mentions(frame([shooting, dict(shootout, fatalities_best=2, fatalities_low=2)]))
    assert events.height == 2


def _everyday_background() -> list[dict]:
    """Sixteen other states' reports in the words of every shooting report: the background that
    makes a report's rarer words distinctive."""
    everyday = ["Four people were wounded when gunfire erupted, police said.",
                "A woman hit by a stray bullet is recovering, police said.",
                "Police said a man was shot and killed on Monday night.",
                "A teenager was wounded in a shooting behind a store, police said."]
    return [_shooting(f"x{k}-0-0", f"x{k}", 7, admin1="US-LA", admin1_name="Louisiana", location=f"Town {k}",
                      evidence=everyday[k % len(everyday)]) for k in range(16)]


def test_reports_sharing_their_distinctive_wording_are_one_event():
    # two towns of one province on one day, different counts of wounded, no age, street or
    # headline in common: only the rare words both reports use tell one incident; the words
    # of every shooting report (other provinces' reports here) tell nothing
    background = _everyday_background()
    a = _shooting("a-0-0", "a", 7, fatalities_best=None, fatalities_low=None, injured=4, location="Houston",
                  evidence="Four people were wounded when gunfire erupted at the crawfish boil behind Kountze Tabernacle.")
    b = _shooting("b-0-0", "b", 7, fatalities_best=None, fatalities_low=None, injured=1, location="Sunnyside",
                  evidence="A woman hit by a stray bullet at the Kountze Tabernacle crawfish boil is recovering.")
    titles = {"a": "Four hurt as gunfire erupts", "b": "Stray bullet strikes woman"}
    _, events = merge_mentions(frame([a, b, *background]), titles=titles)
    assert events.filter(pl.col("admin1") == "US-TX").height == 1
    plain = dict(b, evidence="A woman hit by a stray bullet at a party is recovering, police said.")
    _, events = merge_mentions(frame([a, plain, *background]), titles=titles)
    assert events.filter(pl.col("admin1") == "US-TX").height == 2


def _roundup(title_says_shootings=True, evidence=None):
    """A city's daily toll told in one article: three reports, each read as continuing the one before."""
    toll = _shooting("r-0-0", "r", 7, location="Chicago", geo_precision=2, fatalities_best=3, fatalities_low=3,
                     injured=4, evidence=evidence or "Three killed, four wounded across Chicago on Monday.")
    englewood = _shooting("r-1-0", "r", 7, location="Englewood", antecedent_id="r-0-0", evidence="A man died in Englewood.")
    austin = _shooting("r-2-0", "r", 7, location="Austin", fatalities_best=2, fatalities_low=2, antecedent_id="r-1-0",
                       evidence="Two men died in Austin.")
    title = "3 killed, 4 wounded in Monday shootings" if title_says_shootings else "3 killed, 4 wounded on Monday"
    return [toll, englewood, austin], title


def test_a_roundup_never_bridges_two_other_articles_incidents():
    roundup, title = _roundup()
    englewood = _shooting("a-1-0", "a", 7, location="Englewood", evidence="A man was shot dead in Englewood.")
    austin = _shooting("b-1-0", "b", 7, location="Austin", fatalities_best=2, fatalities_low=2,
                       evidence="Two men were shot dead in Austin.")
    titles = {"r": title, "a": "Man killed in Englewood", "b": "Two killed in Austin"}
    _, events = merge_mentions(frame([*roundup, englewood, austin]), titles=titles)
    assert sorted(events["n_articles"].to_list()) == [1, 1, 1]
    # linked one by one, the same three reports are one event when the article is no roundup
    _, chained = merge_mentions(frame([*roundup, englewood, austin]), titles=dict(titles, r=_roundup(False)[1]))
    assert chained.height == 1
    # a roundup whose reports all point to one other article's event joins it
    _, events = merge_mentions(frame([*roundup, englewood]), titles=titles)
    assert events.height == 1 and events["n_articles"].item() == 2


def test_separate_shootings_told_in_a_sentence_make_a_roundup():
    roundup, _ = _roundup(False, "Three killed, four wounded in three separate shootings on Monday.")
    englewood = _shooting("a-1-0", "a", 7, location="Englewood")
    austin = _shooting("b-1-0", "b", 7, location="Austin", fatalities_best=2, fatalities_low=2)
    _, events = merge_mentions(frame([*roundup, englewood, austin]))
    assert events.height == 3


def test_a_roundups_lead_links_as_any_articles_lead():
    roundup, title = _roundup()
    chicago = _shooting("c-1-0", "c", 7, location="Chicago", geo_precision=2, fatalities_best=3, fatalities_low=3,
                        injured=4)
    _, events = merge_mentions(frame([*roundup, chicago]), titles={"r": title})
    assert events.height == 1 and events["n_articles"].item() == 2


def _follow_up(day, **kw):
    """An arrest story of 1 April 2016 dated by its own lead ("lead: Tuesday")."""
    base = dict(date_expression="lead: Tuesday", time_precision=2, published_date=date(2016, 4, 1),
                evidence="A man was charged Tuesday in the fatal shooting of his neighbor.")
    base.update(kw)
    return _shooting("b-0-0", "b", day, **base)


def test_an_arrest_story_dated_by_its_own_day_joins_its_shooting_by_a_rare_name():
    crime = _shooting("a-0-0", "a", 3, evidence="Kyle Martin was shot dead outside his home on Monday.")
    arrest = _follow_up(29)
    people = {"a": {"kyle martin"}, "b": {"kyle martin"}}
    titles = {"a": "Man shot dead in Houston", "b": "Neighbor arrested in Houston killing"}
    _, events = merge_mentions(frame([crime, arrest]), people=people, titles=titles)
    assert events.height == 1
    # the event keeps the day of the shooting, not the day of the arrest
    assert events["event_date"].item() == date(2016, 3, 3)
    # no word of justice or mourning: a later report of the town naming him is no follow-up
    plain = dict(arrest, evidence="A man was found dead in his car on Tuesday.")
    _, events = merge_mentions(frame([crime, plain]), people=people, titles={"a": titles["a"], "b": "Man found dead"})
    assert events.height == 2


def test_a_follow_up_joins_by_a_victims_age_only_in_the_same_town_within_a_month():
    crime = _shooting("a-0-0", "a", 3, fatalities_best=None, fatalities_low=None,
                      evidence="A 3-year-old girl was shot in the face by her brother on Monday.")
    arrest = _follow_up(29, fatalities_best=None, fatalities_low=None,
                        evidence="Police arrested the mother of a 3-year-old girl shot by her brother.")
    titles = {"a": "Girl shot by brother", "b": "Mother arrested after girl shot"}
    _, events = merge_mentions(frame([crime, arrest]), titles=titles)
    assert events.height == 1
    _, events = merge_mentions(frame([crime, dict(arrest, location="Pasadena")]), titles=titles)
    assert events.height == 2
    later = dict(arrest, date_start=date(2016, 4, 12), date_end=date(2016, 4, 12), event_date=date(2016, 4, 12),
                 published_date=date(2016, 4, 13))
    _, events = merge_mentions(frame([crime, later]), titles=titles)
    assert events.height == 2


def test_a_follow_up_that_dates_its_own_event_keeps_it():
    # "shot on March 28": a date of the story's own event, not of its news; it is another shooting
    crime = _shooting("a-0-0", "a", 3, evidence="A man was shot dead on Monday.")
    other = _follow_up(28, date_expression="on March 28", time_precision=1, published_date=date(2016, 4, 20),
                       evidence="A man was charged in the fatal shooting of Kyle Martin, 19, on March 28.")
    _, events = merge_mentions(frame([crime, other]), people={"a": {"kyle martin"}, "b": {"kyle martin"}},
                               titles={"a": "Man shot dead", "b": "Man charged in killing"})
    assert events.height == 2


def test_a_death_told_the_day_after_the_shooting_is_the_same_incident():
    shot = _shooting("a-0-0", "a", 4, evidence="A boy died after he was shot Friday morning.")
    died = _shooting("b-0-0", "b", 5, date_expression="on Saturday",
                     evidence="The boy was taken to the hospital and pronounced dead on Saturday.")
    _, events = merge_mentions(frame([shot, died]))
    assert events.height == 1 and events["event_date"].item() == date(2016, 3, 4)
    # a second killing of the town the next day, told without a death of its own day, is another
    other = dict(died, evidence="A man was shot and killed on Saturday.")
    _, events = merge_mentions(frame([shot, other]))
    assert events.height == 2
    # and a death two days on is no longer the day after
    later = _shooting("b-0-0", "b", 6, date_expression="on Sunday", evidence=died["evidence"])
    _, events = merge_mentions(frame([shot, later]))
    assert events.height == 2


def _province_report_case(extra=()):
    """A report placed in Nevada only and a Las Vegas report of one day, telling one shooting in
    partly alike words, among other states' reports (the background the wording is weighed on)."""
    background = _everyday_background()
    nevada = _shooting("a-0-0", "a", 7, admin1="US-NV", admin1_name="Nevada", location="Nevada", geo_precision=3,
                       fatalities_best=None, fatalities_low=None, injured=3, time_precision=2,
                       evidence="Three people were injured after a morning shooting downtown near a hotel, "
                                "one man is in critical condition.")
    vegas = _shooting("b-0-0", "b", 7, admin1="US-NV", admin1_name="Nevada", location="Las Vegas",
                      fatalities_best=None, fatalities_low=None, injured=4,
                      evidence="Police said four people were injured in a morning shooting near a downtown hotel; "
                               "two suspects are sought.")
    titles = {"a": "One critical, three hurt", "b": "Police seek two suspects"}
    _, events = merge_mentions(frame([nevada, vegas, *extra, *background]), titles=titles)
    return events.filter(pl.col("admin1") == "US-NV").height


def test_a_report_placed_in_its_state_alone_joins_the_one_event_of_that_state_it_can_be():
    # a state and a town, no count of deaths, wording alike but below what links on wording alone
    assert _province_report_case() == 1
    # a second Nevada event of that day it could be: which one it tells is not known
    other = _shooting("c-0-0", "c", 7, admin1="US-NV", admin1_name="Nevada", location="Reno",
                      fatalities_best=None, fatalities_low=None, injured=2,
                      evidence="Two men were hurt in a shooting outside a casino, police said.")
    assert _province_report_case([other]) == 3


def test_a_report_placed_in_its_state_alone_needs_some_wording_in_common():
    everyday = ["Police said a man was shot and killed on Monday night."] * 4
    background = [_shooting(f"x{k}-0-0", f"x{k}", 7, admin1="US-LA", admin1_name="Louisiana", location=f"Town {k}",
                            evidence=everyday[k % len(everyday)]) for k in range(8)]
    state = _shooting("a-0-0", "a", 7, admin1="US-NV", admin1_name="Nevada", location="Nevada", geo_precision=3,
                      evidence="A retired teacher died after gunfire at a laundromat.")
    town = _shooting("b-0-0", "b", 7, admin1="US-NV", admin1_name="Nevada", location="Las Vegas",
                     evidence="Officers found a teenager dead in a parked truck on the east side.")
    _, events = merge_mentions(frame([state, town, *background]), titles={"a": "Laundromat killing", "b": "Teen found dead"})
    assert events.filter(pl.col("admin1") == "US-NV").height == 2


def test_two_names_never_link_the_fresh_news_of_two_days_far_apart():
    """A reporter and a police chief named in two reports, each the news of its own day, a year
    apart: two incidents.  A court story among them is a follow-up, and still joins."""
    early = _shooting("a-0-0", "a", 7, fatalities_best=4, fatalities_low=4, published_date=date(2016, 3, 8),
                      evidence="A gunman killed four people at a warehouse on Monday, police said.")
    later = _shooting("b-0-0", "b", 7, date_start=date(2017, 3, 11), date_end=date(2017, 3, 11),
                      event_date=date(2017, 3, 11), date_expression="Saturday night", published_date=date(2017, 3, 12),
                      fatalities_best=2, fatalities_low=2, evidence="Two men were shot dead at a party Saturday night.")
    people = {"a": {"dana whitcomb", "harold pryce"}, "b": {"dana whitcomb", "harold pryce"}}
    titles = {"a": "Four killed in warehouse shooting", "b": "Two dead in party shooting"}
    _, events = merge_mentions(frame([early, later]), people=people, titles=titles)
    assert events.height == 2
    # the second report told in a court's words is a step of the first case: it joins
    court = dict(later, evidence="The man accused of killing four people at a warehouse was sentenced Saturday.")
    _, events = merge_mentions(frame([early, court]), people=people, titles=titles)
    assert events.height == 1
    # neither report the news of its own day (the first told weeks on): the names still link
    told_later = dict(early, published_date=date(2016, 4, 20))
    _, events = merge_mentions(frame([told_later, later]), people=people, titles=titles)
    assert events.height == 1


def test_the_number_shot_never_matches_deaths_alone_with_wounded_alone():
    wounded = _shooting("a-0-0", "a", 7, location="Chicago", admin1="US-IL", admin1_name="Illinois",
                        fatalities_best=None, fatalities_low=None, injured=4)
    dead = _shooting("b-0-0", "b", 7, location="South Shore", admin1="US-IL", admin1_name="Illinois",
                     fatalities_best=4, fatalities_low=4)
    _, events = merge_mentions(frame([wounded, dead]))
    assert events.height == 2
    # one dead and three wounded are the four shot of the other report
    _, events = merge_mentions(frame([wounded, dict(dead, fatalities_best=1, fatalities_low=1, injured=3)]))
    assert events.height == 1


def test_a_roundup_of_wounded_joins_no_report_of_deaths_by_place_alone():
    toll = _shooting("r-0-0", "r", 7, location="Chicago", geo_precision=2, fatalities_best=None, fatalities_low=None,
                     injured=4, evidence="Four people were wounded in shootings across Chicago on Monday.")
    other = _shooting("r-1-0", "r", 7, location="Austin", fatalities_best=None, fatalities_low=None, injured=1,
                      evidence="A man was wounded in Austin.")
    dead = _shooting("b-0-0", "b", 7, location="Chicago", geo_precision=2, fatalities_best=4, fatalities_low=4,
                     evidence="Four people are dead after a shooting at a Chicago restaurant.")
    titles = {"r": "4 wounded in Monday shootings", "b": "4 dead in restaurant shooting"}
    _, events = merge_mentions(frame([toll, other, dead]), titles=titles)
    assert events.filter(events["fatalities"] == 4)["n_articles"].item() == 1
    # no roundup (one shooting told): the same reports of one town and day join
    single = {"r": "4 wounded in Monday shooting", "b": titles["b"]}
    _, events = merge_mentions(frame([toll, dead]), titles=single)
    assert events.height == 1


def test_one_towns_reports_of_one_mass_killing_days_apart_are_one_event():
    """A town seldom sees two killings of eight in a week: a report dated by its own day (a
    timeline five days on) joins the first; two deaths, another town or two weeks do not."""
    def pair(dead=8, day=13, **later):
        first = _shooting("a-1-0", "a", 8, fatalities_best=dead, fatalities_low=dead)
        second = _shooting("b-1-0", "b", day, fatalities_best=dead, fatalities_low=dead, time_precision=2,
                           date_expression="lead: Thursday", **later)
        return merge_mentions(frame([first, second]))[1].height

    assert pair() == 1
    assert pair(dead=2) == 2
    assert pair(location="Pasadena") == 2
    assert pair(day=22) == 2


def test_reports_of_one_town_told_with_different_ages_are_two_shootings():
    """A 14-year-old shot on Sunday and a 13-year-old shot in the same city, told the next day
    with no count: alike in all but the victim's age, which says they are two.  A later sentence
    of the second story (no age of its own) is told with its lead's age."""
    kw = dict(fatalities_best=None, fatalities_low=None, victims=None, injured=1, time_precision=2)
    first = _shooting("a-0-0", "a", 7, evidence="A 14-year-old was shot in the leg early Sunday.", **kw)
    told = dict(date_start=date(2016, 3, 6), date_end=date(2016, 3, 8), date_expression="Sunday", **kw)
    second = _shooting("b-1-0", "b", 8, evidence="A 13-year-old boy was hospitalized after being shot.", **told)
    later = _shooting("b-2-0", "b", 7, evidence="Police were called to a street on Sunday night.", **told)
    _, events = merge_mentions(frame([first, second, later]))
    assert events.height == 2
    # the same reports with one age in common are one shooting
    same = dict(second, evidence="A 14-year-old boy was hospitalized after being shot.")
    _, events = merge_mentions(frame([first, same, later]))
    assert events.height == 1


def test_a_report_dated_to_one_day_by_its_lead_is_the_news_of_that_day():
    """Two rare names (a sheriff and a mayor quoted, not told) shared by two reports nine months
    apart, each published the day after the one day it tells: two incidents, though one took
    its day from its lead ("lead: Saturday night").  A report dated only within a range is no
    news of a day, and the names still link it."""
    early = _shooting("a-0-0", "a", 5, time_precision=2, date_expression="lead: Saturday night",
                      published_date=date(2016, 3, 6), injured=5,
                      evidence="One man was killed and five were hurt at a street festival on Saturday night.")
    later = _shooting("b-0-0", "b", 5, date_start=date(2016, 12, 11), date_end=date(2016, 12, 11),
                      event_date=date(2016, 12, 11), date_expression="early Sunday", published_date=date(2016, 12, 12),
                      fatalities_best=2, fatalities_low=2, evidence="Two teens were killed outside a club early Sunday.")
    people = {"a": {"dana whitcomb", "harold pryce"}, "b": {"dana whitcomb", "harold pryce"}}
    titles = {"a": "One dead at street festival", "b": "Two teens killed outside club"}
    _, events = merge_mentions(frame([early, later]), people=people, titles=titles)
    assert events.height == 2
    ranged = dict(early, date_start=date(2016, 3, 4), date_expression=None)
    _, events = merge_mentions(frame([ranged, later]), people=people, titles=titles)
    assert events.height == 1


def test_one_towns_reports_telling_one_name_months_apart_need_one_count():
    """A name both reports' sentences tell (the town's sheriff) links two reports of one town
    within a month (an arrest three weeks on), or at any date when they give one count (a
    trial); months apart with two death counts, they are two of the town's shootings."""
    def events_of(day, dead):
        first = _shooting("a-0-0", "a", 1, published_date=date(2016, 3, 1),
                          evidence="Sheriff Dana Whitcomb said a man was shot dead in a parking lot.")
        second = _shooting("b-0-0", "b", 1, date_start=day, date_end=day, event_date=day, published_date=day,
                           fatalities_best=dead, fatalities_low=dead,
                           evidence="Sheriff Dana Whitcomb said the gunman fled after the shooting.")
        _, events = merge_mentions(frame([first, second]), people={"a": {"dana whitcomb"}, "b": {"dana whitcomb"}})
        return events.height

    assert events_of(date(2016, 3, 21), 2) == 1
    assert events_of(date(2016, 11, 20), 2) == 2
    assert events_of(date(2016, 11, 20), 1) == 1


def test_one_sentence_told_twice_in_an_article_is_one_event_whatever_its_counts():
    """A photo caption repeats the text's sentence ("Image 3 of 9 A couple and their two
    children were found shot dead..."), and its two readings count it differently: one event.
    Two different sentences with those counts stay two."""
    told = "A couple and their two small children were found shot to death Tuesday morning in their home."
    text = _shooting("a-3-0", "a", 8, fatalities_best=4, fatalities_low=4, evidence=told)
    caption = _shooting("a-9-0", "a", 8, fatalities_best=2, fatalities_low=2, evidence="Image 3 of 9 " + told)
    _, events = merge_mentions(frame([text, caption]))
    assert events.height == 1 and events["fatalities"].item() == 2
    other = dict(caption, evidence="Two men were shot dead outside a bar on Tuesday night.")
    _, events = merge_mentions(frame([text, other]))
    assert events.height == 2


def test_a_victims_later_death_told_in_the_article_joins_the_shooting_it_told():
    """"He died Thursday night at the hospital" after "Omar Reyes, 42, was one of five people shot
    Sunday night": the death of one victim told, dated by its own day, not another shooting.
    A death told of no one before it, or weeks on, stays apart."""
    shot = _shooting("a-1-0", "a", 6, fatalities_best=None, fatalities_low=None, injured=5, victims=None,
                     evidence="Omar Reyes, 42, was one of five people shot Sunday night in a park.")
    died = _shooting("a-2-0", "a", 10, date_expression="Thursday night",
                     evidence="He died Thursday night at the county hospital.")
    _, events = merge_mentions(frame([shot, died]))
    assert events.height == 1 and events["date_start"].item() == date(2016, 3, 6)
    other = dict(died, evidence="A man died Thursday night after a shooting on Elm Street.")
    assert merge_mentions(frame([shot, other]))[1].height == 2
    later = dict(died, date_start=date(2016, 5, 10), date_end=date(2016, 5, 10), event_date=date(2016, 5, 10))
    assert merge_mentions(frame([shot, later]))[1].height == 2


def test_a_report_placed_nowhere_joins_the_town_its_headline_names_days_on():
    """A headline alone ("Festival shooting rocks the Williston community"), dated by the days
    before it was published, and a report of one shot dead in Williston the day before those:
    one event.  A headline naming no town, or a town's report weeks before, stays apart."""
    town = _shooting("a-0-0", "a", 5, location="Williston", admin1="US-FL", admin1_name="Florida", injured=4,
                     evidence="Five people were shot, one fatally, at a crab festival on Saturday.")
    headline = _shooting("b--1-0", "b", 6, admin1=None, admin1_name=None, location=None, country=None,
                         geo_precision=None, date_start=date(2016, 3, 6), date_end=date(2016, 3, 8),
                         time_precision=2, date_expression=None, fatalities_best=None, fatalities_low=None,
                         victims=None, evidence="Festival shooting rocks the Williston community")
    titles = {"a": "Five shot at crab festival", "b": "Festival shooting rocks the Williston community"}
    _, events = merge_mentions(frame([town, headline]), titles=titles)
    assert events.height == 1
    unnamed = {**titles, "b": "Festival shooting rocks the community"}
    _, events = merge_mentions(frame([town, dict(headline, evidence=unnamed["b"])]), titles=unnamed)
    assert events.height == 2
    earlier = dict(town, date_start=date(2016, 2, 5), date_end=date(2016, 2, 5), event_date=date(2016, 2, 5))
    _, events = merge_mentions(frame([earlier, headline]), titles=titles)
    assert events.height == 2


def test_reports_of_two_exact_days_two_apart_stay_two_events_whatever_they_share():
    # two roundups of one city, "Sunday" and "Tuesday", share the city's wording and an age
    sunday = _shooting("a-0-0", "a", 6, fatalities_best=None, fatalities_low=None, injured=6, date_expression="Sunday",
                       evidence="Six people, including a 16-year-old boy, were wounded in shootings across Houston Sunday.")
    tuesday = _shooting("b-0-0", "b", 8, fatalities_best=None, fatalities_low=None, injured=4, date_expression="Tuesday",
                        evidence="Four people, one a 16-year-old boy, were wounded in shootings across Houston Tuesday.")
    _, events = merge_mentions(frame([sunday, tuesday]))
    assert events.height == 2
    # a day apart, the same particular may tell one shooting dated by the evening and by the night
    monday = dict(tuesday, date_start=date(2016, 3, 7), date_end=date(2016, 3, 7), event_date=date(2016, 3, 7))
    _, events = merge_mentions(frame([sunday, monday]))
    assert events.height == 1
    # and the same two days, one of them told less than to the day, still join on it
    vague = dict(tuesday, time_precision=2, date_expression="lead: Tuesday")
    _, events = merge_mentions(frame([sunday, vague]))
    assert events.height == 1


def test_a_follow_up_told_by_its_headline_alone_joins_its_towns_only_shooting_of_the_month():
    """A page that is only a headline ("Three men arrested in shooting of officer") names no one
    and no age: it joins the one shooting its town had in the month before it, and none when
    the town had two on different days."""
    crime = _shooting("a-0-0", "a", 3, fatalities_best=None, fatalities_low=None, injured=1,
                      evidence="An officer was shot during a pursuit on Sunday night.")
    title = "Three men arrested in connection with shooting of police officer"
    arrest = _shooting("b--1-0", "b", 13, fatalities_best=None, fatalities_low=None, sentence_index=-1,
                       date_expression=None, time_precision=2, published_date=date(2016, 3, 13), evidence=title)
    titles = {"a": "Officer shot during pursuit", "b": title}
    _, events = merge_mentions(frame([crime, arrest]), titles=titles)
    assert events.height == 1
    # told in a sentence of its text, it needs a name or an age in common, as any follow-up
    told = dict(arrest, mention_id="b-2-0", sentence_index=2)
    _, events = merge_mentions(frame([crime, told]), titles=titles)
    assert events.height == 2
    # a second shooting of the town, another day of that month: no telling which it follows up
    other = _shooting("c-0-0", "c", 8, fatalities_best=None, fatalities_low=None, injured=2,
                      evidence="Two men were wounded outside a bar on Friday.")
    _, events = merge_mentions(frame([crime, other, arrest]), titles={**titles, "c": "Two wounded outside bar"})
    assert events.height == 3
