"""One way to turn a place name into a lookup key.

Wire copy spells the same place many ways ("Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr",
"al-Raqqa", "Ar-Raqqah").  Every table the gazetteer builds (aliases, ISO names, GeoNames
names) and every surface string it is asked about goes through ``normalize`` so that the
variants that differ only in accents, case, hyphens, apostrophes or Arabic article prefixes
meet on the same key.  The build script for ``data/admin1.csv`` uses it too, so the matching
of GeoNames groups to ISO names and the run-time lookups agree.
"""

from __future__ import annotations

import re
import unicodedata

# Arabic (and a few Romance) articles as they appear transliterated.  Dropped as the first
# word and wherever they are hyphen-joined or standalone inside a name, so "Deir ez-Zor" and
# "Dayr az Zawr" both lose their article and "al-Bab" becomes "bab".
ARTICLES = frozenset(
    "al el ul il ar er as es ash esh az ez ad ed an en at et ath adh".split()
)

# Abbreviations US copy writes in front of a name ("Mt. Pleasant", "St. Louis", "Ft. Myers",
# "Ste. Genevieve") while GeoNames spells some names out and abbreviates others: both meet on
# the full word.  Only a word followed by more of the name is expanded, so a street's "Main
# St" keeps its "st".
ABBREVIATIONS = {"mt": "mount", "st": "saint", "ste": "sainte", "ft": "fort"}

_APOSTROPHES = dict.fromkeys(map(ord, "'`´’‘ʼʻʿʾ′"), None)
_NON_WORD = re.compile(r"[^0-9a-z]+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def strip_accents(text: str) -> str:
    """ASCII-fold: 'Ḩamāh' -> 'Hamah', 'Aţ Ţabaqah' -> 'At Tabaqah'."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def words(text: str) -> list[str]:
    """Lowercase ASCII words of ``text``, without a leading 'the', abbreviations spelled out."""
    text = strip_accents(text).translate(_APOSTROPHES).lower()
    out = _NON_WORD.sub(" ", text).split()
    if len(out) > 1 and out[0] == "the":
        out = out[1:]
    return [ABBREVIATIONS.get(w, w) if i < len(out) - 1 else w for i, w in enumerate(out)]


def key_and_articles(text: str) -> tuple[str, bool]:
    """``normalize(text)`` and whether articles were dropped to get it (one pass)."""
    found = words(text)
    kept = [w for w in found if w not in ARTICLES]
    if not kept:
        return " ".join(found), False
    return " ".join(kept), len(kept) != len(found)


def full_key(text: str) -> str:
    """Key that keeps the articles: tells "El Salvador" from "Salvador"."""
    return " ".join(words(text))


def normalize(text: str) -> str:
    """Lookup key: lowercase ASCII words, no punctuation, no articles, no leading 'the'."""
    return key_and_articles(text)[0]


# Anything outside Basic Latin, Latin-1, Latin Extended A/B, IPA/spacing modifiers, combining
# marks, Latin Extended Additional and general punctuation is another script.
_NOT_LATIN = re.compile(r"[^\u0000-\u036F\u1E00-\u1EFF\u2000-\u206F]")


def is_latin(text: str) -> bool:
    """True when every character is Latin script (accented Latin included) or punctuation."""
    return _NOT_LATIN.search(text) is None
