"""Headlines in Title Case, read as the sentences they are.

The small English model learnt its grammar from running text, where a capital marks a name:
in "One Person Shot Outside Store In New Castle" it reads "Shot" as a proper noun (lemma
"Shot", no verb), so the headline tells no shooting.  Lower-casing the capitalised words of a
Title Case headline, except the places the geoparser found in it as written and its first word,
gives the parser the sentence a reader sees.  The text keeps its length, so the places'
character offsets hold for the new parse.

A headline's first word is capitalised whatever it is, and the model reads a capitalised
"Man" at the start as a name: "Man killed outside Elm Park store" tells it no death.  When
neither the headline as written nor its sentence case tells an event, it is read once more
with its first word in lower case (`first_word_lowered`), unless that word is a place.
"""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.nlp.geoparse import PlaceMention

TITLE_CASE_SHARE = 0.8
"""Share of a headline's longer words (four letters or more) that must be capitalised for it
to be Title Case: a sentence-case headline capitalises only its names."""
MIN_WORDS = 3


def sentence_case(title: Doc, places: list[PlaceMention]) -> str:
    """The headline's text with its capitalised words lower-cased when it is in Title Case
    (else the text as it is); the first word and the places keep their capitals."""
    words = [t for t in title if t.is_alpha and len(t) >= 4]
    if len(words) < MIN_WORDS or sum(t.is_title or t.is_upper for t in words) < TITLE_CASE_SHARE * len(words):
        return title.text
    kept = {i for p in places for i in range(p.char_start, p.char_end)}
    chars = list(title.text)
    for token in title[1:]:
        if token.is_title and token.idx not in kept:
            chars[token.idx] = chars[token.idx].lower()
    return "".join(chars)


def first_word_lowered(text: str, title: Doc, places: list[PlaceMention]) -> str:
    """`text` (the headline, or its sentence case: same length) with its first word in lower
    case, when that word is capitalised and not a place the geoparser found (else `text`)."""
    first = next((t for t in title if not t.is_punct and not t.is_space), None)
    if first is None or not first.is_title or not first.is_alpha:
        return text
    if any(p.char_start <= first.idx < p.char_end for p in places):
        return text
    return text[:first.idx] + text[first.idx].lower() + text[first.idx + 1:]
