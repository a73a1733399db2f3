"""The gazetteer on real names: spelling variants, provinces, context, and its data tables.

The first test to run builds the index under $SITREP_CACHE_DIR (default ~/.cache/sitrep) if
it is not there yet (several seconds, once); later runs map the cached file.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pycountry
import pytest

from sitrep.geo import Gazetteer, Place, get_gazetteer
from sitrep.geo.index import DATA_DIR, KINDS, cache_path, read_index
from sitrep.geo.normalize import normalize


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# ------------------------------------------------------------------ spelling variants


@pytest.mark.parametrize("text", ["Raqqa", "Raqa", "Ar Raqqah", "Raqqa city", "al-Raqqa", "Raqqa's"])
def test_raqqa_city(gaz, text):
    place = gaz.resolve(text)
    assert place is not None
    assert (place.kind, place.country, place.admin1, place.geo_precision) == ("city", "SY", "SY-RA", 1)
    assert place.geonameid == 172955  # GeoNames' Ar Raqqah
    assert place.admin1_name == "Ar Raqqah"


@pytest.mark.parametrize("text", ["Raqqa province", "the province of Raqqa", "Raqqa governorate"])
def test_raqqa_province(gaz, text):
    place = gaz.resolve(text)
    assert (place.kind, place.admin1, place.geo_precision) == ("admin1", "SY-RA", 3)
    assert gaz.place_in_country(place.latitude, place.longitude, "SY")


@pytest.mark.parametrize(
    "text, admin1",
    [
        ("Deir Ezzor", "SY-DY"),
        ("Deir El-Zour", "SY-DY"),
        ("Deir ez-Zor", "SY-DY"),
        ("Deir al-Zour", "SY-DY"),
        ("Tabqa", "SY-RA"),
        ("Taqba", "SY-RA"),
        ("Akerbat", "SY-HM"),
        ("Ras Baalbek", "LB-BH"),
        ("Arsal", "LB-BH"),
        ("Mosul", "IQ-NI"),
        ("Fallujah", "IQ-AN"),
        ("Kobani", "SY-HL"),
        ("Palmyra", "SY-HI"),
        ("Chicago", "US-IL"),
        ("Houston", "US-TX"),
    ],
)
def test_town_province(gaz, text, admin1):
    place = gaz.resolve(text)
    assert place is not None and place.kind == "city"
    assert place.admin1 == admin1
    assert place.country == admin1[:2]
    assert place.geo_precision == 1
    assert gaz.place_in_country(place.latitude, place.longitude, place.country)


@pytest.mark.parametrize(
    "text, name, admin1",
    [
        ("Al-Tanf", "Al-Tanf", "SY-HI"),
        ("Al-Tanaf garrison", "Al-Tanf", "SY-HI"),
        ("Tabqa military airport", "Tabqa airbase", "SY-RA"),
        ("Tabqa dam", "Tabqa Dam", "SY-RA"),
        ("Shayrat airbase", "Shayrat airbase", "SY-HI"),
        ("Bab al-Hawa crossing", "Bab al-Hawa crossing", "SY-ID"),
    ],
)
def test_sites_from_alias_table(gaz, text, name, admin1):
    place = gaz.resolve(text)
    assert (place.name, place.kind, place.admin1, place.geo_precision) == (name, "site", admin1, 1)


def test_texas_is_the_state(gaz):
    place = gaz.resolve("Texas")
    assert (place.kind, place.country, place.admin1, place.geo_precision) == ("admin1", "US", "US-TX", 3)
    assert place.admin1_name == "Texas"


def test_regions_keep_their_precision(gaz):
    assert gaz.resolve("Homs desert").admin1 == "SY-HI"
    qalamoun = gaz.resolve("Western Qalamoun")
    assert (qalamoun.kind, qalamoun.admin1, qalamoun.geo_precision) == ("region", "SY-RD", 2)
    assert gaz.resolve("Rural Damascus").admin1 == "SY-RD"


@pytest.mark.parametrize(
    "text, kind, admin1, precision",
    [
        ("near Deir ez-Zor", "city", "SY-DY", 2),
        ("western Deir ez-Zor countryside", "city", "SY-DY", 2),
        ("the outskirts of Ras Baalbek", "city", "LB-BH", 2),
        ("eastern Hama province", "admin1", "SY-HM", 3),
        ("Aleppo governorate", "admin1", "SY-HL", 3),
        ("Kharkiv region", "admin1", "UA-63", 3),
    ],
)
def test_qualifiers(gaz, text, kind, admin1, precision):
    place = gaz.resolve(text)
    assert (place.kind, place.admin1, place.geo_precision) == (kind, admin1, precision)


# ------------------------------------------------------------------ context and ambiguity


def test_tripoli_follows_the_article(gaz):
    assert gaz.resolve("Tripoli", {"LB": 3.0}).admin1 == "LB-AS"
    assert gaz.resolve("Tripoli", {"LY": 3.0}).admin1 == "LY-TB"
    assert gaz.resolve("Tripoli", {"SY": 5.0, "LB": 1.0}).country == "LB"


def test_homs_follows_the_article(gaz):
    assert gaz.resolve("Homs").country == "SY"
    assert gaz.resolve("Homs", {"LY": 2.0}).country == "LY"


def test_paris_follows_the_article(gaz):
    assert gaz.resolve("Paris").country == "FR"
    texas = gaz.resolve("Paris", {"US": 1.0}, {"US-TX": 1.0})
    assert (texas.country, texas.admin1) == ("US", "US-TX")


def test_springfield_follows_the_state(gaz):
    assert gaz.resolve("Springfield", {"US": 1.0}, {"US-IL": 1.0}).admin1 == "US-IL"
    assert gaz.resolve("Springfield", {"US": 1.0}, {"US-MA": 1.0}).admin1 == "US-MA"


def test_country_or_town_by_context(gaz):
    assert gaz.resolve("Lebanon").kind == "country"
    town = gaz.resolve("Lebanon", {"US": 1.0}, {"US-TN": 1.0})
    assert (town.kind, town.admin1) == ("city", "US-TN")
    assert gaz.resolve("Georgia").country == "GE"
    assert gaz.resolve("Georgia", {"US": 2.0}).admin1 == "US-GA"


@pytest.mark.parametrize(
    "text, cc",
    [("US", "US"), ("U.S.", "US"), ("United States", "US"), ("Britain", "GB"), ("UK", "GB"),
     ("Syria", "SY"), ("Lebanon", "LB"), ("Russia", "RU"), ("Iran", "IR"), ("El Salvador", "SV")],
)
def test_countries(gaz, text, cc):
    place = gaz.resolve(text)
    assert (place.kind, place.country, place.admin1, place.geo_precision) == ("country", cc, None, 3)
    assert (place.latitude, place.longitude) == gaz.country_centroid(cc)


def test_articles_tell_names_apart(gaz):
    assert gaz.resolve("Salvador").kind == "city"  # Salvador da Bahia, not El Salvador


@pytest.mark.parametrize("text", ["Police", "the", "", "Islamic State", "xqzv"])
def test_weak_names_give_none(gaz, text):
    assert gaz.resolve(text) is None


def test_lookup_lists_candidates(gaz):
    countries = {p.country for p in gaz.lookup("Tripoli") if p.kind == "city"}
    assert {"LB", "LY"} <= countries
    kinds = [p.kind for p in gaz.lookup("Raqqa province")]
    assert kinds[0] == "admin1" and "city" in kinds
    assert all(isinstance(p, Place) for p in gaz.lookup("Homs"))
    assert gaz.lookup("xqzv") == []


# ------------------------------------------------------------------ helpers


def test_admin1_helpers(gaz):
    assert gaz.admin1_name("SY-RA") == "Ar Raqqah"
    assert gaz.admin1_name("LB-BH") == "B‘alabak-Al Hirmil"
    assert gaz.admin1_name("XX-YY") is None
    lat, lon = gaz.admin1_centroid("SY-RA")
    assert 35.5 < lat < 36.5 and 38.0 < lon < 40.0
    assert gaz.admin1_centroid("XX-YY") is None


def test_country_helpers(gaz):
    lat, lon = gaz.country_centroid("SY")
    assert gaz.place_in_country(lat, lon, "SY")
    min_lat, min_lon, max_lat, max_lon = gaz.country_bbox("SY")
    assert min_lat < 33.5 < 37.3 < max_lat and min_lon < 35.8 < 42.0 < max_lon
    assert gaz.country_bbox("XX") is None and gaz.country_centroid("XX") is None


@pytest.mark.parametrize(
    "country, admin1, valid",
    [
        ("SY", "SY-RA", True),
        ("US", "US-TX", True),
        ("US", "US-DC", True),
        ("LB", "LB-BH", True),
        ("SY", "SY-XX", False),
        ("LB", "SY-RA", False),
        ("SY", "RA", False),
        ("SY", None, False),
        (None, "SY-RA", False),
    ],
)
def test_is_valid_admin1(gaz, country, admin1, valid):
    assert gaz.is_valid_admin1(country, admin1) is valid


@pytest.mark.parametrize(
    "lat, lon, cc, inside",
    [
        (35.95, 39.01, "SY", True),  # Raqqa
        (35.95, 39.01, "LB", False),
        (34.26, 36.42, "LB", True),  # Ras Baalbek
        (48.85, 2.35, "US", False),  # Paris, France
        (29.76, -95.36, "US", True),  # Houston
        (-17.8, 178.0, "FJ", True),  # Fiji straddles the antimeridian
        (-18.1, -178.8, "FJ", True),
        (-17.8, 170.0, "FJ", False),
        (None, 39.0, "SY", False),
        (35.0, 39.0, "XX", False),
    ],
)
def test_place_in_country(gaz, lat, lon, cc, inside):
    assert gaz.place_in_country(lat, lon, cc) is inside


# ------------------------------------------------------------------ data tables


def test_admin1_table_codes_are_iso_codes_of_their_country():
    rows = _rows("admin1.csv")
    assert len(rows) > 3000
    for row in rows:
        code = row["iso_3166_2"]
        if code:
            sub = pycountry.subdivisions.get(code=code)
            assert sub is not None, row
            assert sub.country_code == row["country"], row
            assert row["name"] == sub.name, row


@pytest.mark.parametrize("cc", ["SY", "IQ", "LB", "US"])
def test_admin1_table_complete_where_it_must_be(cc):
    rows = [r for r in _rows("admin1.csv") if r["country"] == cc and r["geonames_admin1"] not in ("", "00")]
    assert rows and all(r["iso_3166_2"] for r in rows)


def test_admin1_table_syria_by_hand():
    table = {r["geonames_admin1"]: r["iso_3166_2"] for r in _rows("admin1.csv") if r["country"] == "SY"}
    assert table["04"] == "SY-RA" and table["07"] == "SY-DY" and table["08"] == "SY-RD"
    assert table["10"] == "SY-HM" and table["11"] == "SY-HI" and table["13"] == "SY-DI"
    us_dc = [r for r in _rows("admin1.csv") if r["country"] == "US" and r["geonames_admin1"] == "DC"]
    assert us_dc[0]["iso_3166_2"] == "US-DC"


def test_alias_table_is_consistent(gaz):
    rows = _rows("aliases.csv")
    assert len(rows) > 150
    for row in rows:
        assert row["kind"] in KINDS, row
        assert row["geo_precision"] in {"1", "2", "3"}, row
        if row["admin1"]:
            assert gaz.is_valid_admin1(row["country"], row["admin1"]), row
        assert gaz.place_in_country(float(row["latitude"]), float(row["longitude"]), row["country"]), row


def test_every_alias_resolves_to_its_own_row(gaz):
    for row in _rows("aliases.csv"):
        place = gaz.resolve(row["alias"])
        assert place is not None, row
        assert place.country == row["country"], (row, place)
        assert place.admin1 == (row["admin1"] or None), (row, place)


def test_normalize_meets_variants():
    assert normalize("Deir ez-Zor") == normalize("Deir Ez Zor")
    assert normalize("Ar-Raqqah") == normalize("al Raqqah") == "raqqah"
    assert normalize("Ḩamāh") == "hamah"
    assert normalize("Dar'a") == normalize("Dar‘ā") == "dara"


def test_normalize_spells_out_abbreviations():
    assert normalize("Mt. Pleasant") == normalize("Mount Pleasant") == "mount pleasant"
    assert normalize("St. Paul") == normalize("Saint Paul") == "saint paul"
    assert normalize("Ft. Myers") == normalize("Fort Myers")
    assert normalize("Ste. Genevieve") == normalize("Sainte Genevieve")
    assert normalize("Port St. Lucie") == "port saint lucie"
    assert normalize("Main St") == "main st"  # a street's last word is left alone


@pytest.mark.parametrize("text, name, admin1", [
    ("Mt. Pleasant", "Mount Pleasant", "US-PA"),
    ("St. Paul", "Saint Paul", "US-MN"),
    ("Ft. Lauderdale", "Fort Lauderdale", "US-FL"),
])
def test_abbreviated_names_find_their_town(gaz, text, name, admin1):
    place = gaz.resolve(text, context_countries={"US": 1.0}, context_admin1={admin1: 1.0})
    assert place is not None and place.name == name and place.admin1 == admin1


def test_a_big_town_outranks_a_province_abroad_nothing_supports(gaz):
    # the Seychelles have a district named Saint Louis
    place = gaz.resolve("St. Louis")
    assert place is not None and place.kind == "city" and place.admin1 == "US-MO"
    assert gaz.resolve("Saint Louis", context_countries={"SC": 1.0}).country == "SC"


# ------------------------------------------------------------------ loading


def test_gazetteer_is_cached_per_process():
    assert get_gazetteer() is get_gazetteer()


def test_warm_load_is_fast(gaz):
    path: Path = cache_path()
    assert path.exists()
    start = time.perf_counter()
    fresh = Gazetteer(read_index(path))
    fresh.resolve("Raqqa")
    assert time.perf_counter() - start < 1.5
    assert fresh.resolve("Mosul").admin1 == "IQ-NI"


# ------------------------------------------------------------------ kept answers


def test_a_kept_lookup_is_the_same_answer_and_the_caller_owns_its_list():
    fresh = Gazetteer(get_gazetteer()._ix)
    first = fresh.lookup("Springfield")
    assert len(first) > 1
    first.clear()  # a caller changing its list must not change the next caller's
    again = fresh.lookup("Springfield")
    assert again == Gazetteer(get_gazetteer()._ix)._lookup("Springfield")
    assert again and again[0].country == "US"


def test_resolve_answers_the_same_from_kept_candidates():
    fresh = Gazetteer(get_gazetteer()._ix)
    in_syria = fresh.resolve("Raqqa", context_countries={"SY": 1.0})
    assert fresh.resolve("Raqqa", context_countries={"SY": 1.0}) == in_syria
    assert in_syria.admin1 == "SY-RA"
    assert fresh.resolve("Jacksonville", context_admin1={"US-FL": 1.0}).admin1 == "US-FL"
    assert fresh.resolve("Jacksonville", context_admin1={"US-NC": 1.0}).admin1 == "US-NC"


def test_named_so_tells_a_main_name_from_an_alternate_one(gaz):
    coello = gaz.resolve("North City", context_countries={"US": 1.0})
    assert coello is not None and coello.name == "Coello" and not gaz.named_so("North City", coello)
    turner = gaz.resolve("Turner", context_countries={"US": 1.0})
    assert gaz.named_so("Turner", turner) and gaz.named_so("Mt. Pleasant", gaz.resolve("Mt. Pleasant"))
