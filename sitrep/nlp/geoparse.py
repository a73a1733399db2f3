"""Find the places an article names and resolve them to the gazetteer.

Candidates come from spaCy's entities (GPE, LOC, FAC, and NORP tokens that are really places,
as the small model tags "Aleppo" now and then) and from a phrase matcher over the project's
alias table, which knows conflict places the statistical model misses (airbases, districts,
crossings).  The words around a name say what kind of place is meant ("the province of Raqqa"
is the province, "Raqqa city" the town, "the countryside of Deir Ezzor" part of a region), and
the other places of the article settle ambiguous names (Tripoli in Lebanon or in Libya).
"""

from __future__ import annotations

import csv
import functools
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from sitrep.geo.gazetteer import Gazetteer, Place

GEOPARSE_VERSION = "2"
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
ALIASES_CSV = Path(__file__).resolve().parent.parent / "geo" / "data" / "aliases.csv"


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


def _candidate_spans(doc: Doc) -> list[Span]:
    spans: list[Span] = []
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            spans.append(ent)
        elif ent.label_ == "NORP" and not ent.text.lower().endswith(DEMONYM_ENDINGS):
            spans.append(ent)
    for _, start, end in _alias_matcher(doc.vocab)(doc):
        if doc[start].is_title or doc[start].is_upper:  # "Hit" the town, not "hit" the verb
            spans.append(doc[start:end])
    # longest first, then drop overlaps
    spans.sort(key=lambda s: (-(s.end - s.start), s.start))
    taken: set[int] = set()
    kept: list[Span] = []
    for span in spans:
        if any(i in taken for i in range(span.start, span.end)):
            continue
        kept.append(span)
        taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


def _strip_article(span: Span) -> Span:
    while len(span) > 1 and span[0].lower_ in {"the", "a"}:
        span = span[1:]
    return span


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
    )


def _query_and_precision(span: Span) -> tuple[str, int | None, bool]:
    """The name to look up (with a kind hint), a precision floor, and whether to skip it."""
    doc = span.doc
    name = span.text
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


def find_places(doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Every place the article names, resolved with the article's other places as context."""
    prepared = []
    for span in _candidate_spans(doc):
        span = _strip_article(span)
        query, floor, skip = _query_and_precision(span)
        if skip:
            continue
        prepared.append((span, query, floor, _attributive(span)))
    # first pass: each name on its own, to learn which countries and provinces the article is about
    countries: Counter[str] = Counter()
    admin1s: Counter[str] = Counter()
    for span, query, _, attributive in prepared:
        first = gazetteer.resolve(query)
        if first is None or (attributive and first.kind == "country"):
            continue
        countries[first.country] += 2.0 if first.kind == "country" else 1.0
        if first.admin1:
            admin1s[first.admin1] += 1.0
    mentions = []
    for span, query, floor, attributive in prepared:
        place = gazetteer.resolve(query, context_countries=dict(countries), context_admin1=dict(admin1s))
        if place is None or (attributive and place.kind == "country"):
            continue
        precision = place.geo_precision
        if floor is not None and precision < floor:
            precision = floor
        mentions.append(PlaceMention(span.start_char, span.end_char, span.text, place, precision))
    return mentions


def warm(nlp: Language) -> None:
    """Build the alias matcher for this vocabulary ahead of the first article."""
    _alias_matcher(nlp.vocab)
