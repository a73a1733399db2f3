"""acled_weekly: the weekly rows in ACLED's layout, with names, regions and disorder types."""

from __future__ import annotations

import datetime as dt

import polars as pl

from sitrep import schema
from sitrep.quality.reconcile import reconcile_acled
from sitrep.stats.acled import acled_region, acled_weekly, disorder_type

WEEK = dt.date(2017, 8, 19)
NAMES = {"SY": "Syrian Arab Republic", "LB": "Lebanon", "FR": "France", "US": "United States"}.get
CONTINENTS = {"FR": "EU", "US": "NA", "SY": "AS", "LB": "AS"}.get


def weekly(rows: list[dict]) -> pl.DataFrame:
    base = {"week_start": WEEK, "event_type": "Battles", "sub_event_type": "Armed clash", "events": 1,
            "fatalities": 0, "civilian_fatalities": 0, "n_articles": 1,
            "centroid_latitude": 34.0, "centroid_longitude": 36.0}
    return schema.conform(pl.DataFrame([dict(base, **r) for r in rows], infer_schema_length=None),
                          schema.WEEKLY_CONFLICT_STATS)


def test_rows_keep_the_figures_with_names_instead_of_codes():
    frame = weekly([
        {"country": "SY", "admin1": "SY-RD", "admin1_name": "Rif Dimashq", "events": 2, "fatalities": 34},
        {"country": "LB", "admin1": "LB-BH", "admin1_name": "Baalbek-Hermel"},
        {"country": "SY", "admin1": None, "admin1_name": None, "event_type": "Explosions/Remote violence",
         "sub_event_type": "Air/drone strike", "fatalities": 70},
    ])
    out = acled_weekly(frame, NAMES, CONTINENTS)
    assert out.columns == ["WEEK", "REGION", "COUNTRY", "ADMIN1", "EVENT_TYPE", "SUB_EVENT_TYPE", "EVENTS",
                           "FATALITIES", "POPULATION_EXPOSURE", "DISORDER_TYPE", "ID",
                           "CENTROID_LATITUDE", "CENTROID_LONGITUDE"]
    rows = {r["ID"]: r for r in out.to_dicts()}
    assert rows["SY-RD"]["COUNTRY"] == "Syria"  # ACLED's name, not the gazetteer's
    assert rows["SY-RD"]["ADMIN1"] == "Rif Dimashq" and rows["SY-RD"]["EVENTS"] == 2
    assert rows["SY-RD"]["FATALITIES"] == 34 and rows["SY-RD"]["REGION"] == "Middle East"
    assert rows["LB-BH"]["COUNTRY"] == "Lebanon"
    assert rows["SY"]["ADMIN1"] is None and rows["SY"]["FATALITIES"] == 70  # country-level row
    assert rows["SY"]["DISORDER_TYPE"] == "Political violence"
    assert all(r["POPULATION_EXPOSURE"] is None for r in rows.values())
    assert all(r["WEEK"] == WEEK for r in rows.values())
    assert reconcile_acled(frame, out)["holds"].all()


def test_regions_follow_acled_not_the_un():
    assert acled_region("TR") == "Middle East"
    assert acled_region("SD") == "Eastern Africa"
    assert acled_region("MX") == "Central America"
    assert acled_region("UA", "EU") == "Europe"
    assert acled_region("BR", "SA") == "South America"
    assert acled_region("ZZ") is None


def test_disorder_types():
    assert disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert disorder_type("Riots", "Violent demonstration") == "Political violence; Demonstrations"
    assert disorder_type("Riots", "Mob violence") == "Political violence"
    assert disorder_type("Strategic developments", "Arrests") == "Strategic developments"


def test_reconciliation_fails_when_a_row_is_lost():
    frame = weekly([{"country": "SY", "admin1": "SY-RA", "admin1_name": "Ar Raqqah", "fatalities": 5},
                    {"country": "SY", "admin1": "SY-HL", "admin1_name": "Halab", "fatalities": 7}])
    out = acled_weekly(frame, NAMES, CONTINENTS)
    assert not reconcile_acled(frame, out.head(1))["holds"].all()


def test_empty_weeks_give_an_empty_table_with_the_columns():
    out = acled_weekly(schema.empty_frame(schema.WEEKLY_CONFLICT_STATS), NAMES)
    assert out.is_empty() and out.columns == schema.column_names(schema.ACLED_WEEKLY)
