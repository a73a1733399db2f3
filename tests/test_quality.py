"""The Great Expectations layer: every suite passes clean data and catches each broken rule."""

from __future__ import annotations

import datetime as dt
import json
import time

import polars as pl
import pytest

from sitrep import schema as S
from sitrep.quality import derived, validate
from sitrep.quality.runner import latest_today
from sitrep.quality.suites import (
    ENV_VAR,
    STAGES,
    expectations_dir,
    load_suite,
    load_suite_dict,
    suite_names,
)

TABLES = {
    "raw_articles": S.RAW_ARTICLES,
    "articles": S.ARTICLES,
    "event_mentions": S.EVENT_MENTIONS,
    "events": S.EVENTS,
    "weekly_conflict_stats": S.WEEKLY_CONFLICT_STATS,
    "acled_weekly": S.ACLED_WEEKLY,
}
ALL_SUITES = [name for table in TABLES for name in (table, f"{table}_review")]
CROSS_TABLE_SUITES = ["acled_reconciliation", "reconciliation"]  # tested in tests/test_reconcile.py

# Syria's and Iraq's boxes, roughly: a fake of the gazetteer's country_bbox.
BOXES = {"SY": (32.3, 35.7, 37.3, 42.4), "IQ": (29.0, 38.8, 37.4, 48.6)}
bbox_of = BOXES.get

A1 = "a3f9c0d2e1b47788"
A2 = "0123456789abcdef"
SENT1 = "At least 70 Islamic State militants were killed in clashes near Tabqa on Tuesday."
SENT2 = "An air strike on Mosul killed 12 civilians, including 5 children, on Monday."
TEXT1 = (
    "Beirut (AFP) - " + SENT1 + " The Observatory said the toll could rise. Government forces"
    " have pressed an offensive on the air base for a week, backed by Russian air strikes."
)
TEXT2 = (
    "MOSUL, Iraq \u2014 " + SENT2 + " Residents said the strike hit a market in the old city."
    " The coalition said it was investigating reports of civilian casualties."
)
TEXTS = {A1: TEXT1, A2: TEXT2}
PUB = dt.date(2014, 8, 22)


def frame(rows: list[dict], table: str) -> pl.DataFrame:
    return S.conform(pl.DataFrame(rows, infer_schema_length=None), TABLES[table])


def raw_rows() -> list[dict]:
    read_at = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
    return [
        {"article_id": A1, "source_id": "001.txt", "source": "inbox/001.txt", "text": TEXT1,
         "title": "70 IS militants killed", "outlet": "AFP", "published_meta": "2014-08-22",
         "read_at": read_at},
        {"article_id": A2, "source_id": "feed-7", "source": "inbox/feed.jsonl:3", "text": TEXT2,
         "published_meta": None, "read_at": read_at},
    ]


def article_rows() -> list[dict]:
    return [
        {"article_id": A1, "source_id": "001.txt", "title": "70 IS militants killed",
         "outlet": "Middle East Eye", "wire_agency": "AFP", "published_date": PUB,
         "published_from": "metadata", "n_sentences": 2, "n_words": 24, "n_boilerplate_lines": 0},
        {"article_id": A2, "source_id": "feed-7", "title": "Air strike on Mosul",
         "published_date": dt.date(2016, 10, 18), "published_from": "text",
         "n_sentences": 1, "n_words": 14, "n_boilerplate_lines": 3},
    ]


def _span(text: str, sentence: str, words: str) -> dict:
    start = text.index(sentence)
    count_start = text.index(words, start)
    return {"char_start": start, "char_end": start + len(sentence), "evidence": sentence,
            "count_char_start": count_start, "count_char_end": count_start + len(words)}


def mention_rows() -> list[dict]:
    return [
        {"mention_id": f"{A1}-1-0", "article_id": A1, "event_id": "ev-1", "sentence_index": 1,
         **_span(TEXT1, SENT1, "At least 70"),
         "event_type": "Battles", "sub_event_type": "Armed clash",
         "actor1": "Military Forces of Syria", "actor2": "Islamic State", "victims": "militants",
         "fatalities_low": 70, "fatalities_best": 70, "fatalities_high": None,
         "date_start": dt.date(2014, 8, 19), "date_end": dt.date(2014, 8, 19),
         "event_date": dt.date(2014, 8, 19), "time_precision": 1, "date_expression": "on Tuesday",
         "location": "Tabqa", "country": "SY", "admin1": "SY-RA", "admin1_name": "Ar Raqqah",
         "latitude": 35.84, "longitude": 38.55, "geo_precision": 2,
         "reported_by": "Syrian Observatory for Human Rights", "is_aggregate": False,
         "published_date": PUB},
        {"mention_id": f"{A2}-0-0", "article_id": A2, "event_id": "ev-2", "sentence_index": 0,
         **_span(TEXT2, SENT2, "12 civilians"),
         "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
         "victims": "civilians", "fatalities_low": 12, "fatalities_best": 12, "fatalities_high": 12,
         "date_start": dt.date(2016, 10, 17), "date_end": dt.date(2016, 10, 17),
         "event_date": dt.date(2016, 10, 17), "time_precision": 1, "date_expression": "on Monday",
         "location": "Mosul", "country": "IQ", "admin1": "IQ-NI", "admin1_name": "Ninawa",
         "latitude": 36.34, "longitude": 43.13, "geo_precision": 1, "is_aggregate": False,
         "published_date": dt.date(2016, 10, 18)},
    ]


def event_rows() -> list[dict]:
    return [
        {"event_id": "ev-1", "event_date": dt.date(2014, 8, 19), "date_start": dt.date(2014, 8, 19),
         "date_end": dt.date(2014, 8, 19), "time_precision": 1, "event_type": "Battles",
         "sub_event_type": "Armed clash", "actor1": "Military Forces of Syria",
         "actor2": "Islamic State", "country": "SY", "admin1": "SY-RA", "admin1_name": "Ar Raqqah",
         "location": "Tabqa", "latitude": 35.84, "longitude": 38.55, "geo_precision": 2,
         "fatalities": 70, "fatalities_low": 70, "fatalities_high": 80, "victims": "militants",
         "n_mentions": 2, "n_articles": 2, "n_outlets": 1, "is_aggregate": False},
        {"event_id": "ev-2", "event_date": dt.date(2014, 8, 1), "date_start": dt.date(2014, 8, 1),
         "date_end": dt.date(2014, 8, 31), "time_precision": 3,
         "event_type": "Strategic developments", "sub_event_type": "Other", "country": "SY",
         "admin1": None, "latitude": None, "longitude": None, "geo_precision": 3,
         "fatalities": None, "fatalities_low": None, "fatalities_high": None,
         "n_mentions": 1, "n_articles": 1, "n_outlets": 0, "is_aggregate": True},
    ]


def weekly_rows() -> list[dict]:
    week = dt.date(2014, 8, 16)
    return [
        {"week_start": week, "country": "SY", "admin1": "SY-RA", "admin1_name": "Ar Raqqah",
         "event_type": "Battles", "sub_event_type": "Armed clash", "events": 1, "fatalities": 70,
         "civilian_fatalities": 0, "n_articles": 1, "centroid_latitude": 35.9,
         "centroid_longitude": 38.9},
        {"week_start": week, "country": "SY", "admin1": "SY-HL", "event_type": "Battles",
         "sub_event_type": "Armed clash", "events": 2, "fatalities": 5, "civilian_fatalities": 5,
         "n_articles": 2, "centroid_latitude": 35.0, "centroid_longitude": 38.5},
    ]


def acled_rows() -> list[dict]:
    week = dt.date(2014, 8, 16)
    common = {"WEEK": week, "REGION": "Middle East", "COUNTRY": "Syria", "EVENT_TYPE": "Battles",
              "SUB_EVENT_TYPE": "Armed clash", "DISORDER_TYPE": "Political violence"}
    return [
        dict(common, ADMIN1="Ar Raqqah", EVENTS=1, FATALITIES=70, ID="SY-RA",
             CENTROID_LATITUDE=35.9, CENTROID_LONGITUDE=38.9),
        dict(common, ADMIN1="Halab", EVENTS=2, FATALITIES=5, ID="SY-HL",
             CENTROID_LATITUDE=36.2, CENTROID_LONGITUDE=37.2),
    ]


ROWS = {
    "raw_articles": raw_rows,
    "articles": article_rows,
    "event_mentions": mention_rows,
    "events": event_rows,
    "weekly_conflict_stats": weekly_rows,
    "acled_weekly": acled_rows,
}


def clean(table: str) -> pl.DataFrame:
    return frame(ROWS[table](), table)


def run(df: pl.DataFrame, suite: str, **kwargs):
    kwargs.setdefault("texts", TEXTS)
    kwargs.setdefault("bbox_of", bbox_of)
    return validate(df, suite, **kwargs)


def failed(outcome) -> set[tuple[str, tuple[str, ...]]]:
    return {(f["expectation_type"], tuple(f["columns"])) for f in outcome.failures}


def broken(table: str, index: int = 0, **changes) -> pl.DataFrame:
    rows = ROWS[table]()
    rows[index].update(changes)
    return frame(rows, table)


# ---------------------------------------------------------------------------------------------
# The suites themselves


def test_every_stage_has_a_blocking_and_a_review_suite():
    assert sorted(ALL_SUITES + CROSS_TABLE_SUITES) == suite_names()
    assert set(STAGES.values()) == set(TABLES)


@pytest.mark.parametrize("name", ALL_SUITES)
def test_suite_file_is_a_gx_suite_with_reasons(name):
    spec = load_suite_dict(name)
    suite = load_suite(name)
    assert suite.name == name == spec["name"]
    assert len(suite.expectations) == len(spec["expectations"]) > 0
    for item in spec["expectations"]:
        assert item["type"].startswith("expect_")
        assert item["meta"]["why"].strip(), item
    severities = {str(e.severity.value) for e in suite.expectations}
    assert severities == ({"warning"} if name.endswith("_review") else {"critical"})
    # every helper column a suite reads is one derived.py knows how to add
    assert set(spec["meta"].get("derived", [])) <= set(derived.DERIVED_COLUMNS)
    # every column an expectation names exists in the contract or is derived
    known = set(S.column_names(TABLES[spec["meta"]["table"]])) | set(derived.DERIVED_COLUMNS)
    for item in spec["expectations"]:
        kw = item["kwargs"]
        cols = [kw.get("column"), kw.get("column_A"), kw.get("column_B"), *kw.get("column_list", [])]
        assert {c for c in cols if c} <= known, item


def test_invalid_expectation_is_an_error_not_silently_dropped(tmp_path, monkeypatch):
    bad = {"name": "bad", "expectations": [
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "a"}},
        {"type": "expect_column_values_to_be_bogus", "kwargs": {"column": "a"}},
    ]}
    (tmp_path / "bad.json").write_text(json.dumps(bad))
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert expectations_dir() == tmp_path
    with pytest.raises(ValueError, match="expect_column_values_to_be_bogus"):
        load_suite("bad")
    with pytest.raises(FileNotFoundError):
        load_suite("nope")


def test_expectations_dir_override(tmp_path, monkeypatch):
    spec = {"name": "tiny", "expectations": [
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "a"},
         "meta": {"why": "a is always set"}},
    ]}
    (tmp_path / "tiny.json").write_text(json.dumps(spec))
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert suite_names() == ["tiny"]
    out = validate(pl.DataFrame({"a": [1, None]}), "tiny")
    assert not out.success and out.failures[0]["why"] == "a is always set"


# ---------------------------------------------------------------------------------------------
# Clean and empty frames


@pytest.mark.parametrize("name", ALL_SUITES)
def test_clean_frame_passes(name):
    table = name.removesuffix("_review")
    out = run(clean(table), name)
    assert out.success, out.failures
    assert out.n_failed == 0 and out.failures == []
    assert out.n_expectations == len(load_suite_dict(name)["expectations"])
    assert out.blocking == (not name.endswith("_review"))
    assert out.n_rows == 2


@pytest.mark.parametrize("name", ALL_SUITES)
def test_empty_frame_passes(name):
    table = name.removesuffix("_review")
    out = run(S.empty_frame(TABLES[table]), name, texts={})
    assert out.success, out.failures
    assert out.n_rows == 0


# ---------------------------------------------------------------------------------------------
# Broken frames: one per important rule

FUTURE = latest_today() + dt.timedelta(days=2)
PAIR_GT = "expect_column_pair_values_a_to_be_greater_than_b"
BETWEEN = "expect_column_values_to_be_between"
IN_SET = "expect_column_values_to_be_in_set"
UNIQUE = "expect_column_values_to_be_unique"
NOT_NULL = "expect_column_values_to_not_be_null"
REGEX = "expect_column_values_to_match_regex"


def _dup_first(table: str) -> pl.DataFrame:
    rows = ROWS[table]()
    rows.append(dict(rows[0]))
    return frame(rows, table)


def _drop(table: str, column: str) -> pl.DataFrame:
    return clean(table).drop(column)


def _bad_offsets() -> pl.DataFrame:
    rows = mention_rows()
    rows[0]["char_start"] += 3  # evidence no longer at [char_start:char_end]
    return frame(rows, "event_mentions")


BROKEN = [
    # raw_articles
    ("raw_articles", lambda: _dup_first("raw_articles"), UNIQUE, ("article_id",)),
    ("raw_articles", lambda: broken("raw_articles", article_id="A3F9C0D2E1B47788"), REGEX, ("article_id",)),
    ("raw_articles", lambda: broken("raw_articles", article_id=None), NOT_NULL, ("article_id",)),
    ("raw_articles", lambda: broken("raw_articles", 1, text=None), NOT_NULL, ("text",)),
    ("raw_articles", lambda: clean("raw_articles").with_columns(extra=pl.lit(1)),
     "expect_table_columns_to_match_set", ()),
    # articles
    ("articles", lambda: _dup_first("articles"), UNIQUE, ("article_id",)),
    ("articles", lambda: broken("articles", published_date=FUTURE), BETWEEN, ("published_date",)),
    ("articles", lambda: broken("articles", published_date=dt.date(1066, 10, 14)), BETWEEN,
     ("published_date",)),
    ("articles", lambda: broken("articles", published_from="guess"), IN_SET, ("published_from",)),
    ("articles", lambda: broken("articles", published_from="unknown"), IN_SET,
     ("published_date_matches_source",)),
    ("articles", lambda: broken("articles", 1, published_date=None), IN_SET,
     ("published_date_matches_source",)),
    ("articles", lambda: broken("articles", n_words=-1), BETWEEN, ("n_words",)),
    ("articles", lambda: broken("articles", n_sentences=-2), BETWEEN, ("n_sentences",)),
    ("articles", lambda: _drop("articles", "source_id"), "expect_table_columns_to_match_set", ()),
    # event_mentions
    ("event_mentions", lambda: _dup_first("event_mentions"), UNIQUE, ("mention_id",)),
    ("event_mentions", _bad_offsets, IN_SET, ("evidence_matches_text",)),
    ("event_mentions", lambda: broken("event_mentions", evidence="Something else entirely."),
     IN_SET, ("evidence_matches_text",)),
    ("event_mentions", lambda: broken("event_mentions", article_id="ffffffffffffffff"), IN_SET,
     ("evidence_matches_text",)),
    ("event_mentions", lambda: broken("event_mentions", char_start=-1), BETWEEN, ("char_start",)),
    ("event_mentions", lambda: broken("event_mentions", char_end=15, char_start=15), PAIR_GT,
     ("char_end", "char_start")),
    ("event_mentions", lambda: broken("event_mentions", count_char_start=2), PAIR_GT,
     ("count_char_start", "char_start")),
    ("event_mentions", lambda: broken("event_mentions", event_type="Massacre"), IN_SET,
     ("event_type",)),
    ("event_mentions", lambda: broken("event_mentions", sub_event_type="Ambush"), IN_SET,
     ("sub_event_type",)),
    ("event_mentions", lambda: broken("event_mentions", sub_event_type="Air/drone strike"),
     IN_SET, ("sub_event_matches_type",)),
    ("events", lambda: broken("events", 1, sub_event_type="Armed clash"), IN_SET,
     ("sub_event_matches_type",)),
    ("weekly_conflict_stats", lambda: broken("weekly_conflict_stats", event_type="Riots"), IN_SET,
     ("sub_event_matches_type",)),
    ("event_mentions", lambda: broken("event_mentions", fatalities_best=-3, fatalities_low=-3),
     BETWEEN, ("fatalities_best",)),
    ("event_mentions", lambda: broken("event_mentions", fatalities_high=250000), BETWEEN,
     ("fatalities_high",)),
    ("event_mentions", lambda: broken("event_mentions", fatalities_low=80), PAIR_GT,
     ("fatalities_best", "fatalities_low")),
    ("event_mentions", lambda: broken("event_mentions", 1, fatalities_high=10), PAIR_GT,
     ("fatalities_high", "fatalities_best")),
    ("event_mentions", lambda: broken("event_mentions", date_start=dt.date(2014, 8, 20)), PAIR_GT,
     ("date_end", "date_start")),
    ("event_mentions", lambda: broken("event_mentions", date_end=dt.date(2014, 8, 25),
                                      event_date=dt.date(2014, 8, 25)),
     PAIR_GT, ("published_date", "date_end")),
    ("event_mentions", lambda: broken("event_mentions", date_end=FUTURE, published_date=FUTURE),
     BETWEEN, ("date_end",)),
    ("event_mentions", lambda: broken("event_mentions", time_precision=4), IN_SET,
     ("time_precision",)),
    ("event_mentions", lambda: broken("event_mentions", geo_precision=0), IN_SET,
     ("geo_precision",)),
    ("event_mentions", lambda: broken("event_mentions", country="Syria"), REGEX, ("country",)),
    ("event_mentions", lambda: broken("event_mentions", country="XX", admin1=None), IN_SET,
     ("country",)),
    ("event_mentions", lambda: broken("event_mentions", admin1="SY-XX"), IN_SET,
     ("admin1_matches_country",)),
    ("event_mentions", lambda: broken("event_mentions", admin1="IQ-NI"), IN_SET,
     ("admin1_matches_country",)),
    ("event_mentions", lambda: broken("event_mentions", latitude=48.85, longitude=2.35), IN_SET,
     ("coords_in_country",)),
    ("event_mentions", lambda: broken("event_mentions", latitude=95.0), BETWEEN, ("latitude",)),
    ("event_mentions", lambda: broken("event_mentions", victims="children"), IN_SET, ("victims",)),
    ("event_mentions", lambda: broken("event_mentions", is_aggregate=None), NOT_NULL,
     ("is_aggregate",)),
    # events
    ("events", lambda: _dup_first("events"), UNIQUE, ("event_id",)),
    ("events", lambda: broken("events", fatalities=-1, fatalities_low=-1), BETWEEN, ("fatalities",)),
    ("events", lambda: broken("events", fatalities_low=75), PAIR_GT, ("fatalities", "fatalities_low")),
    ("events", lambda: broken("events", fatalities_high=60), PAIR_GT, ("fatalities_high", "fatalities")),
    ("events", lambda: broken("events", date_end=FUTURE), BETWEEN, ("date_end",)),
    ("events", lambda: broken("events", event_date=dt.date(2014, 8, 18)), PAIR_GT,
     ("event_date", "date_start")),
    ("events", lambda: broken("events", n_mentions=0, n_articles=0), BETWEEN, ("n_mentions",)),
    ("events", lambda: broken("events", n_articles=3), PAIR_GT, ("n_mentions", "n_articles")),
    ("events", lambda: broken("events", n_outlets=-1), BETWEEN, ("n_outlets",)),
    ("events", lambda: broken("events", admin1="SY-XX"), IN_SET, ("admin1_matches_country",)),
    ("events", lambda: broken("events", admin1="IQ-BG"), IN_SET, ("admin1_matches_country",)),
    ("events", lambda: broken("events", latitude=33.3, longitude=44.4), IN_SET,
     ("coords_in_country",)),
    # weekly_conflict_stats
    ("weekly_conflict_stats", lambda: broken("weekly_conflict_stats", week_start=FUTURE), BETWEEN,
     ("week_start",)),
    ("weekly_conflict_stats", lambda: broken("weekly_conflict_stats", week_start=None), NOT_NULL,
     ("week_start",)),
    ("weekly_conflict_stats", lambda: _dup_first("weekly_conflict_stats"),
     "expect_compound_columns_to_be_unique",
     ("week_start", "country", "admin1", "event_type", "sub_event_type")),
    ("weekly_conflict_stats", lambda: _dup_row_with_null_admin1(),
     "expect_compound_columns_to_be_unique",
     ("week_start", "country", "admin1", "event_type", "sub_event_type")),
    ("weekly_conflict_stats", lambda: broken("weekly_conflict_stats", events=0), BETWEEN,
     ("events",)),
    ("weekly_conflict_stats", lambda: broken("weekly_conflict_stats", fatalities=-5,
                                             civilian_fatalities=0), BETWEEN, ("fatalities",)),
    ("weekly_conflict_stats", lambda: broken("weekly_conflict_stats", civilian_fatalities=71),
     PAIR_GT, ("fatalities", "civilian_fatalities")),
    ("weekly_conflict_stats", lambda: broken("weekly_conflict_stats", admin1="SY-XX"), IN_SET,
     ("admin1_matches_country",)),
    ("weekly_conflict_stats", lambda: broken("weekly_conflict_stats", admin1="IQ-NI"), IN_SET,
     ("admin1_matches_country",)),
    ("acled_weekly", lambda: broken("acled_weekly", COUNTRY="SY"), "expect_column_values_to_not_match_regex",
     ("COUNTRY",)),
    ("acled_weekly", lambda: broken("acled_weekly", REGION="Levant"), IN_SET, ("REGION",)),
    ("acled_weekly", lambda: broken("acled_weekly", DISORDER_TYPE="War"), IN_SET, ("DISORDER_TYPE",)),
    ("acled_weekly", lambda: broken("acled_weekly", POPULATION_EXPOSURE=12000), "expect_column_values_to_be_null",
     ("POPULATION_EXPOSURE",)),
    ("acled_weekly", lambda: broken("acled_weekly", 1, ADMIN1="Ar Raqqah", ID="SY-RA", EVENTS=1),
     "expect_compound_columns_to_be_unique", ("WEEK", "COUNTRY", "ADMIN1", "EVENT_TYPE", "SUB_EVENT_TYPE")),
]


def test_acled_weekly_columns_must_be_in_acled_order():
    shuffled = frame(acled_rows(), "acled_weekly").select(reversed(S.column_names(S.ACLED_WEEKLY)))
    out = run(shuffled, "acled_weekly")
    assert not out.success and out.blocking
    assert [f["expectation_type"] for f in out.failures] == ["expect_table_columns_to_match_ordered_list"]


def _dup_row_with_null_admin1() -> pl.DataFrame:
    rows = weekly_rows()
    rows[1]["admin1"] = None  # a country-level row ...
    rows.append(dict(rows[1], events=1))  # ... and a second one for the same key
    return frame(rows, "weekly_conflict_stats")


@pytest.mark.parametrize(
    ("suite", "make", "expectation", "columns"),
    BROKEN,
    ids=[f"{b[0]}-{i}-{b[2].removeprefix('expect_')}-{'+'.join(b[3]) or 'table'}"
         for i, b in enumerate(BROKEN)],
)
def test_broken_frame_fails_with_the_rule(suite, make, expectation, columns):
    out = run(make(), suite)
    assert not out.success
    assert out.blocking
    assert (expectation, columns) in failed(out), out.failures
    failure = next(f for f in out.failures if (f["expectation_type"], tuple(f["columns"])) ==
                   (expectation, columns))
    assert failure["why"]
    assert failure["exception"] is None
    if columns:
        assert failure["unexpected_count"] >= 1
    assert "❌" in out.markdown


# ---------------------------------------------------------------------------------------------
# Review suites warn


@pytest.mark.parametrize(
    ("suite", "make", "column"),
    [
        ("articles_review", lambda: broken("articles", 1, published_from="unknown",
                                           published_date=None), "published_from"),
        ("event_mentions_review", lambda: broken("event_mentions", location=None), "location"),
        ("event_mentions_review", lambda: broken("event_mentions", country=None, admin1=None),
         "country"),
        ("event_mentions_review", lambda: broken("event_mentions", date_start=None), "date_start"),
        ("raw_articles_review", lambda: broken("raw_articles", text="Short."), "text"),
        ("events_review", lambda: broken("events", event_date=None), "event_date"),
        ("weekly_conflict_stats_review", lambda: broken("weekly_conflict_stats", admin1=None),
         "admin1"),
        ("acled_weekly_review", lambda: broken("acled_weekly", ADMIN1=None, ID="SY"), "ADMIN1"),
    ],
)
def test_review_suite_warns(suite, make, column):
    out = run(make(), suite)
    assert not out.success and not out.blocking
    assert column in {c for f in out.failures for c in f["columns"]}
    assert all(f["severity"] == "warning" for f in out.failures)
    assert "⚠️" in out.markdown


def test_unknown_publication_date_is_consistent_but_reviewed():
    df = broken("articles", 1, published_from="unknown", published_date=None)
    assert run(df, "articles").success
    assert not run(df, "articles_review").success


# ---------------------------------------------------------------------------------------------
# "today" and dates through pandas


@pytest.mark.parametrize(
    "today", [dt.date(2014, 8, 22), dt.datetime(2014, 8, 22, 12, 0), "2014-08-22"],
    ids=["date", "datetime", "iso-string"],
)
def test_today_parameter_accepts_dates(today):
    df = frame(article_rows()[:1], "articles")  # published 2014-08-22
    out = run(df, "articles", parameters={"today": today})
    assert out.success, out.failures
    assert out.parameters["today"].startswith("2014-08-22")


def test_date_after_the_today_parameter_fails_and_shows_the_date():
    df = frame(article_rows(), "articles")  # second article is from 2016
    out = run(df, "articles", parameters={"today": dt.date(2015, 1, 1)})
    assert not out.success
    [f] = out.failures
    assert (f["expectation_type"], f["columns"]) == (BETWEEN, ["published_date"])
    assert f["partial_unexpected"] == ["2016-10-18"]
    assert f["rows"] == [{"article_id": A2, "source_id": "feed-7", "published_date": "2016-10-18"}]


def test_default_today_is_the_latest_date_on_earth():
    assert latest_today() >= dt.date.today()
    df = broken("articles", published_date=dt.date.today())
    assert run(df, "articles").success
    assert not run(broken("articles", published_date=FUTURE), "articles").success


def test_suite_object_is_not_altered_by_parameters():
    df = frame(article_rows(), "articles")
    assert not run(df, "articles", parameters={"today": "2015-01-01"}).success
    assert run(df, "articles", parameters={"today": "2020-01-01"}).success
    assert not run(df, "articles", parameters={"today": "2015-01-01"}).success


# ---------------------------------------------------------------------------------------------
# What the outcome carries


def test_outcome_reports_failing_rows_markdown_and_json():
    df = broken("event_mentions", admin1="SY-XX")
    out = run(df, "event_mentions")
    [f] = out.failures
    assert f["expectation_type"] == IN_SET and f["columns"] == ["admin1_matches_country"]
    assert f["unexpected_count"] == 1 and f["unexpected_percent"] == 50.0
    assert f["partial_unexpected"] == [False]
    assert f["rows"][0]["admin1"] == "SY-XX" and f["rows"][0]["mention_id"] == f"{A1}-1-0"
    assert "ISO 3166-2" in f["why"]
    assert out.n_failed == 1 and out.n_expectations > 30
    md = out.markdown.splitlines()
    assert md[0].startswith("**event_mentions** (blocking)")
    assert len([ln for ln in md if ln.startswith("| ")]) == out.n_expectations + 1
    assert sum("❌" in ln for ln in md) == 1
    json.dumps(out.raw, allow_nan=False)
    json.dumps(out.failures, allow_nan=False)
    assert out.raw["success"] is False and len(out.raw["results"]) == out.n_expectations


def test_evidence_needs_texts():
    with pytest.raises(ValueError, match="texts"):
        validate(clean("event_mentions"), "event_mentions", texts=None, bbox_of=bbox_of)


def test_evidence_texts_may_be_the_raw_articles_frame():
    out = run(clean("event_mentions"), "event_mentions", texts=clean("raw_articles"))
    assert out.success, out.failures


def test_precomputed_helper_column_is_kept():
    df = clean("event_mentions").with_columns(evidence_matches_text=pl.lit(True))
    assert validate(df, "event_mentions", bbox_of=bbox_of).success


# ---------------------------------------------------------------------------------------------
# derived.py directly


def test_admin1_matches_country():
    df = pl.DataFrame({
        "country": ["SY", "SY", "SY", None, "IQ", "SY"],
        "admin1": ["SY-RA", "SY-XX", "IQ-NI", "SY-RA", "IQ-NI", None],
    })
    got = derived.add_admin1_matches_country(df)["admin1_matches_country"].to_list()
    assert got == [True, False, False, False, True, True]


def test_coords_in_country():
    boxes = {"SY": (32.3, 35.7, 37.3, 42.4), "FJ": (-21.0, 177.0, -12.0, -178.0)}
    df = pl.DataFrame({
        "country": ["SY", "SY", "SY", "FJ", "FJ", "ZZ", None],
        "latitude": [35.84, 48.85, None, -17.7, -17.7, 0.0, 1.0],
        "longitude": [38.55, 2.35, 38.0, 179.9, 170.0, 0.0, 1.0],
    })
    got = derived.add_coords_in_country(df, boxes.get)["coords_in_country"].to_list()
    # SY in, Paris out, no point, Fiji across the antimeridian in, out, no box, no country
    assert got == [True, False, True, True, False, True, True]


def test_coords_in_country_without_any_gazetteer_passes():
    df = pl.DataFrame({"country": ["SY"], "latitude": [48.85], "longitude": [2.35]})
    got = derived.add_coords_in_country(df, lambda cc: None)["coords_in_country"].to_list()
    assert got == [True]
    assert derived.default_bbox_of() is None or callable(derived.default_bbox_of())


def test_evidence_matches_text_counts_code_points():
    text = "Près de Raqqa 😀 — 12 tués."
    df = pl.DataFrame({
        "article_id": ["a", "a", "a", "a", "b"],
        "char_start": [0, 17, 17, 20, 0],
        "char_end": [4, 26, 40, 18, 1],
        "evidence": ["Près", text[17:26], text[17:], "x", "y"],
    })
    got = derived.add_evidence_matches_text(df, {"a": text})["evidence_matches_text"].to_list()
    assert got == [True, True, False, False, False]


def test_sub_event_matches_type():
    df = pl.DataFrame({
        "event_type": ["Battles", "Battles", "Riots", None, "Strategic developments"],
        "sub_event_type": ["Armed clash", "Air/drone strike", "Mob violence", "Attack", None],
    })
    got = derived.add_sub_event_matches_type(df)["sub_event_matches_type"].to_list()
    assert got == [True, False, True, True, True]


@pytest.mark.parametrize("name", ["event_mentions", "events", "weekly_conflict_stats"])
def test_suites_list_acled_vocabulary_as_derived_does(name):
    sets = {
        item["kwargs"]["column"]: item["kwargs"]["value_set"]
        for item in load_suite_dict(name)["expectations"]
        if item["type"] == IN_SET and item["kwargs"]["column"] in ("event_type", "sub_event_type")
    }
    acled = derived.ACLED_SUB_EVENT_TYPES
    assert sets["event_type"] == list(acled)
    assert sorted(sets["sub_event_type"]) == sorted(s for subs in acled.values() for s in subs)
    assert len(sets["sub_event_type"]) == 25


def test_unknown_derived_column_is_an_error():
    with pytest.raises(ValueError, match="unknown derived column"):
        derived.add_derived(pl.DataFrame({"a": [1]}), ["nope"])


# ---------------------------------------------------------------------------------------------
# Speed


def test_ten_thousand_mentions_validate_quickly():
    base = clean("event_mentions")
    big = pl.concat([base] * 5000).with_columns(
        mention_id=pl.format("m-{}", pl.int_range(pl.len()))
    )
    assert big.height == 10_000
    run(base, "event_mentions")  # warm: GX import and context
    started = time.perf_counter()
    out = run(big, "event_mentions")
    elapsed = time.perf_counter() - started
    assert out.success, out.failures
    assert elapsed < 20, elapsed


# ---------------------------------------------------------------------------------------------
# Robustness and the GX context


def test_missing_column_is_reported_not_a_crash():
    out = run(clean("articles").drop("n_words"), "articles")
    assert not out.success
    by_type = {(f["expectation_type"], tuple(f["columns"])): f for f in out.failures}
    table = by_type[("expect_table_columns_to_match_set", ())]
    assert table["missing_columns"] == ["n_words"]
    assert "unexpected_columns" not in table  # extra columns are welcome in articles
    assert "n_words" in by_type[(BETWEEN, ("n_words",))]["exception"]
    assert "missing: n_words" in out.markdown


def test_stray_column_in_raw_articles_is_named():
    out = run(clean("raw_articles").with_columns(x=pl.lit(1)), "raw_articles")
    [f] = out.failures
    assert f["unexpected_columns"] == ["x"] and f["missing_columns"] == []


def test_context_is_ephemeral_offline_and_quiet(capfd):
    from sitrep.quality.runner import _batch_definition

    run(broken("events", admin1="SY-XX"), "events")
    context = _batch_definition().data_asset.datasource._data_context
    assert type(context).__name__ == "EphemeralDataContext"
    assert context.config.analytics_enabled is False
    assert context.progress_bars["globally"] is False
    captured = capfd.readouterr()
    assert "Calculating Metrics" not in captured.err + captured.out
