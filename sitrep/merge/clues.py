"""Small clues that two reports of one day and one province tell the same incident.

A province sees several shootings or strikes a day, so a shared province and date alone say
little.  Reports of one incident also repeat its particulars: the victims' ages ("a
16-year-old boy", "John Doe, 58,"), the street it happened in ("the 1400 block of Ramsay St.",
"on Copeland Street"), the words of the headline ("Teen killed in Eastside drive-by") and, more loosely,
the rarer words of the sentences telling it ("hookah lounge", "Sweet 16 party", "Club Blu").
The merger (`sitrep.merge.events`) asks for one of these on top of the place and date before
it links two articles' lead events.  A headline is read without its outlet's masthead ("- WMC
Action News 5 - Memphis, Tennessee"), which two of the outlet's reports of different shootings
share, and with an age as one word, so that "14-year-old" and "13-year-old" share nothing.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from sitrep.nlp.counts import find_counts

HEADLINE_OVERLAP = 0.25
"""Share of two headlines' content words in common above which they tell one story."""

WORDING_LIKENESS = 0.3
"""Cosine of two articles' word weights (`Wording`) above which they tell one story: reports of
one incident name its bar, its street, its victims' kin; two reports of one city's shootings
share little but the city and the words every shooting report uses."""

_WORD = re.compile(r"[^\W_]+")
_FUNCTION_WORDS = frozenset(
    "a an the of in on at to and or for with after before by from as into over near is was are were be been "
    "has have had it its this that who whom his her their he she they say says said new news update updated "
    "video photos watch".split()
)


def ages_in(sentences: Iterable[str]) -> frozenset[int]:
    """Every age the sentences state ("a 16-year-old", "aged 25", "Jane Roe, 41,")."""
    return frozenset(
        span.count.best for text in sentences for span in find_counts(text)
        if span.kind == "age" and span.count is not None and span.count.best is not None
    )


_STREET = re.compile(
    r"\b((?:[A-Z][a-z]+|\d+(?:st|nd|rd|th)) (?:[A-Z][a-z]+ )?)"
    r"(Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Parkway|Pkwy|Place|Pl|Way|Highway|Hwy"
    r"|Circle|Terrace)\b\.?")
"""A street: one or two capitalised words (or an ordinal) before a street word.  "Court" is
left out: in crime news it is mostly a court of law ("Hampden Superior Court")."""
_STREET_SUFFIX = {"st": "street", "ave": "avenue", "rd": "road", "blvd": "boulevard", "dr": "drive", "ln": "lane",
                  "pkwy": "parkway", "pl": "place", "hwy": "highway"}


def streets_in(sentences: Iterable[str]) -> frozenset[str]:
    """Every street the sentences name, lower case with its suffix spelt out ("Ramsay St." and
    "Ramsay Street" are "ramsay street"): one or two capitalised words (or an ordinal,
    "35th") before a street word."""
    out = set()
    for text in sentences:
        for m in _STREET.finditer(text):
            name = m.group(1).strip().lower()
            if name.split()[0] in _FUNCTION_WORDS:  # "the street", "a way"
                continue
            suffix = m.group(2).lower()
            out.add(f"{name} {_STREET_SUFFIX.get(suffix, suffix)}")
    return frozenset(out)


MASTHEAD_MIN_TITLES = 3
"""A headline's trailing part ("... - WMC Action News 5 - Memphis, Tennessee") seen at the end of
at least this many headlines is the outlet's masthead, not the story's words."""

_MASTHEAD_SEPARATOR = re.compile(r"\s+[-|\u2013\u2014]\s+")


def mastheads(titles: Iterable[str | None]) -> frozenset[str]:
    """The trailing parts of headlines (after " - ", " | ", a dash) that end at least
    `MASTHEAD_MIN_TITLES` headlines, lower case: an outlet's name and home town, which two of its
    headlines share whatever shootings they tell."""
    seen: Counter[str] = Counter()
    for title in titles:
        parts = _MASTHEAD_SEPARATOR.split((title or "").strip().lower())
        seen.update({" - ".join(parts[k:]) for k in range(1, len(parts))} | set(parts[1:]))
    return frozenset(part for part, n in seen.items() if n >= MASTHEAD_MIN_TITLES and part)


def headline_words(title: str | None, masthead: frozenset[str] = frozenset()) -> frozenset[str]:
    """The content words of a headline, lower case, without its trailing `masthead` parts
    (`mastheads`)."""
    parts = _MASTHEAD_SEPARATOR.split((title or "").strip().lower())
    while len(parts) > 1 and (parts[-1] in masthead or " - ".join(parts[1:]) in masthead):
        parts = parts[:-1] if parts[-1] in masthead else parts[:1]
    text = _AGE_WORDS.sub(r"\1yearold", " ".join(parts))
    return frozenset(w for w in _WORD.findall(text) if w not in _FUNCTION_WORDS)


_AGE_WORDS = re.compile(r"\b(\d+)[- ]years?[- ]old\b")
"""An age in a headline ("14-year-old") is one word: as three ("14", "year", "old"), any two
headlines telling ages, the same or not, share two of them."""


def headlines_alike(a: frozenset[str], b: frozenset[str], threshold: float = HEADLINE_OVERLAP) -> bool:
    """Whether two headlines share enough content words (Jaccard) to tell one story."""
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= threshold


_TERM = re.compile(r"[^\W\d_]{3,}")


class Wording:
    """How alike two articles' event sentences are in their distinctive words.

    Each article is the bag of words of the sentences that tell its events (every mention's
    evidence) and its headline; a word weighs by how few of the articles name it (tf-idf over
    the articles being merged, learned again on every merge), so "Eastland Bowling Lanes" or
    "crab festival" count and "police", "shooting" or the city's name barely do.  The cosine
    of two articles' weights is their likeness."""

    def __init__(self, texts: dict[str, list[str]]):
        counts = {article: Counter(w for text in sentences for w in _TERM.findall((text or "").lower())
                                   if w not in _FUNCTION_WORDS)
                  for article, sentences in texts.items()}
        seen = Counter(w for bag in counts.values() for w in bag)
        n = len(counts)
        self.vectors: dict[str, dict[str, float]] = {}
        for article, bag in counts.items():
            weights = {w: (1 + math.log(k)) * math.log(n / seen[w]) for w, k in bag.items()}
            norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
            self.vectors[article] = {w: x / norm for w, x in weights.items() if x}

    def likeness(self, a: str, b: str) -> float:
        va, vb = self.vectors.get(a, {}), self.vectors.get(b, {})
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(x * vb.get(w, 0.0) for w, x in va.items())
