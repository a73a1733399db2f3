"""Which texts are plainly English, decided without the language identifier.

Why: py3langid costs about 1.3 ms a text plus a second to load its model, and on a wire
inbox almost every text is English.  The words that make up a fifth to a half of any English
prose ("the", "of", "and", "was", "said" ...) are rare in other languages' text, and only
a few of them are words there at all ("a", "in", "is", "he", "on", "as"), so a text in which
they make up at least `ENGLISH_SHARE` of the words is English and skips the identifier.
Anything else (short texts, lists of names, headlines in capitals with few function words,
another language) is still decided by py3langid, as before.
"""

from __future__ import annotations

import re

ENGLISH_FUNCTION_WORDS = frozenset(
    "the and of to in a an is was were for on that with by at from as he she it his her they their said "
    "has have had are been after who this which not but or".split()
)
ENGLISH_SHARE = 0.2
"""Share of the words that must be English function words; English prose has 0.3 to 0.5."""
MIN_WORDS = 20
"""Fewer words than this say too little: the identifier decides."""

ENGLISH_LEXIFIED = frozenset({"pcm"})
"""Languages whose words are English's (Nigerian Pidgin): a short English headline is often
read as one, with English the close second reading."""

_WORD = re.compile(r"[a-z]+")


def plainly_english(sample: str) -> bool:
    """Whether `sample` is English by its function words alone (False: let the identifier decide)."""
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS:
        return False
    return sum(w in ENGLISH_FUNCTION_WORDS for w in words) >= ENGLISH_SHARE * len(words)


def identified_as_english(ranking: list[tuple[str, float]]) -> bool:
    """Whether the identifier's ranking of languages, best first, reads a text as English:
    English first, or English second behind a language made of English words."""
    best = [lang for lang, _ in ranking[:2]]
    return best[:1] == ["en"] or (best[0] in ENGLISH_LEXIFIED and best[1:] == ["en"])
