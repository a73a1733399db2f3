"""`acled_weekly`: the weekly statistics in the column layout of ACLED's weekly aggregated files.

Analysts who already work with ACLED's regional weekly files (one row per week, admin1, event
type and sub-event type) want to stack sitrep's figures beside them without a join table.  So
this table carries the same rows as `weekly_conflict_stats`, renamed and with names instead of
codes:

- `REGION` is ACLED's region of the country (its regions are not the UN's: Turkey and Iran are
  in the Middle East, Sudan in Eastern Africa, Mexico in Central America);
- `COUNTRY` is the country's name as ACLED writes it, `ADMIN1` the province's name (null on a
  country-level row);
- `DISORDER_TYPE` follows from the event type as in ACLED's codebook;
- `POPULATION_EXPOSURE` is null: sitrep has no population grid to estimate it from, and a
  made-up figure would be worse than none;
- `ID` is the ISO 3166-2 code of the province (the country code on a country-level row), so
  a row can be traced back to `weekly_conflict_stats`.

A pure function of the weekly frame: nothing is counted here that the weekly table did not
count, so the reconciliation checks on `weekly_conflict_stats` hold for this table too.
"""

from __future__ import annotations

from typing import Callable

import polars as pl

from sitrep import schema

# ACLED's regions, by ISO 3166-1 alpha-2 code.  Countries missing here fall back on their
# continent (see `acled_region`).
_REGION_MEMBERS: dict[str, str] = {
    "Middle East": "AE BH IL IQ IR JO KW LB OM PS QA SA SY TR YE",
    "Caucasus and Central Asia": "AM AZ GE KG KZ TJ TM UZ",
    "South Asia": "AF BD BT IN LK MV NP PK",
    "Southeast Asia": "BN ID KH LA MM MY PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "Northern Africa": "DZ EG EH LY MA TN",
    "Eastern Africa": "BI DJ ER ET KE KM MG MU MW MZ RE RW SC SD SO SS TZ UG YT ZM ZW",
    "Middle Africa": "AO CD CF CG CM GA GQ ST TD",
    "Southern Africa": "BW LS NA SZ ZA",
    "Western Africa": "BF BJ CI CV GH GM GN GW LR ML MR NE NG SH SL SN TG",
    "North America": "BM CA GL PM US",
    "Central America": "BZ CR GT HN MX NI PA SV",
    "Caribbean": "AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI",
}
REGION_OF: dict[str, str] = {cc: region for region, codes in _REGION_MEMBERS.items() for cc in codes.split()}

# Continents (GeoNames' codes) for the countries not listed above: Europe, South America and
# Oceania are one ACLED region each.
_CONTINENT_REGION = {"EU": "Europe", "SA": "South America", "OC": "Oceania", "AN": "Antarctica"}

# Where ACLED's country name differs from the gazetteer's.
ACLED_COUNTRY_NAMES = {
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "PS": "Palestine",
    "MM": "Myanmar",
    "KP": "North Korea",
    "KR": "South Korea",
    "RU": "Russia",
    "SY": "Syria",
    "IR": "Iran",
    "TZ": "Tanzania",
    "VE": "Venezuela",
    "BO": "Bolivia",
    "LA": "Laos",
    "VN": "Vietnam",
    "MD": "Moldova",
    "CZ": "Czech Republic",
    "TR": "Turkey",
    "SZ": "eSwatini",
}

# ACLED's disorder type of each event type.
DISORDER_OF_EVENT_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

Names = Callable[[str], str | None]


def acled_region(country: str, continent: str | None = None) -> str | None:
    """ACLED's region for an ISO country code; `continent` (GeoNames code) for the rest."""
    return REGION_OF.get(country) or _CONTINENT_REGION.get(continent or "")


def disorder_type(event_type: str | None, sub_event_type: str | None = None) -> str | None:
    """ACLED's disorder type; a violent demonstration is both political violence and a
    demonstration in ACLED's coding."""
    if sub_event_type == "Violent demonstration":
        return "Political violence; Demonstrations"
    return DISORDER_OF_EVENT_TYPE.get(event_type or "")


def acled_weekly(
    weekly: pl.DataFrame,
    country_name: Names,
    continent: Names | None = None,
) -> pl.DataFrame:
    """The rows of `weekly_conflict_stats` in ACLED's weekly layout (see the module docstring).

    `country_name` and `continent` map an ISO country code to its name and GeoNames continent
    code; they come from the gazetteer, and are parameters so this stays a pure function.
    """
    if weekly.is_empty():
        return schema.empty_frame(schema.ACLED_WEEKLY)
    countries = weekly["country"].unique().to_list()
    names = {cc: ACLED_COUNTRY_NAMES.get(cc) or country_name(cc) or cc for cc in countries}
    regions = {cc: acled_region(cc, continent(cc) if continent else None) for cc in countries}
    pairs = weekly.select("event_type", "sub_event_type").unique()
    pairs = pairs.with_columns(pl.Series("disorder", [disorder_type(*p) for p in pairs.rows()], dtype=pl.String))
    frame = weekly.join(pairs, on=["event_type", "sub_event_type"], how="left", nulls_equal=True).select(
        pl.col("week_start").alias("WEEK"),
        pl.col("country").replace_strict(regions, default=None, return_dtype=pl.String).alias("REGION"),
        pl.col("country").replace_strict(names, return_dtype=pl.String).alias("COUNTRY"),
        pl.col("admin1_name").alias("ADMIN1"),
        pl.col("event_type").alias("EVENT_TYPE"),
        pl.col("sub_event_type").alias("SUB_EVENT_TYPE"),
        pl.col("events").alias("EVENTS"),
        pl.col("fatalities").alias("FATALITIES"),
        pl.lit(None, pl.Int64).alias("POPULATION_EXPOSURE"),
        pl.col("disorder").alias("DISORDER_TYPE"),
        pl.coalesce("admin1", "country").alias("ID"),
        pl.col("centroid_latitude").alias("CENTROID_LATITUDE"),
        pl.col("centroid_longitude").alias("CENTROID_LONGITUDE"),
    )
    return schema.conform(frame, schema.ACLED_WEEKLY).sort(["WEEK", "COUNTRY", "ADMIN1", "EVENT_TYPE", "SUB_EVENT_TYPE"], nulls_last=True)
