"""The people an article names, as a signal that two reports tell the same event.

Two articles about one shooting or one assassination name the same victim, suspect or
commander ("Marcus Hill, 24"), while reports of different events in the same province and week
rarely share a full name.  The merge stage uses these names (see `sitrep.merge.events`), so
they are kept per article, normalised: lower case, first and last name only ("Marcus Hill"
and "Marcus J. Hill" are one person; a lone surname is too weak to say anything).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['\u2019-](?=[^\W\d_]))*")  # letters, inner ' and -

# Name parts that NER takes for people but that name a role, not a person.
_TITLES = {
    "mr", "mrs", "ms", "dr", "sgt", "lt", "gen", "col", "capt", "det", "officer", "deputy",
    "sheriff", "chief", "president", "minister", "police", "sen", "rep", "gov", "mayor",
}

# Words that make the name a place or an institution NER took for a person ("Ben Taub
# Hospital", "Lee County", "Martin Luther King Drive"): shared by reports of different events.
_NOT_PEOPLE = {
    "hospital", "county", "drive", "road", "street", "avenue", "boulevard", "office", "school",
    "center", "centre", "church", "department", "university", "college", "news", "court",
    "highway", "parkway", "apartments",
}


def person_key(text: str) -> str | None:
    """"Sgt. Marcus J. Hill" -> "marcus hill"; None unless a first and a last name remain, and
    for places and institutions ("Ben Taub Hospital")."""
    words = [w.lower().strip("'\u2019-") for w in _WORD.findall(text)]
    if _NOT_PEOPLE.intersection(words):
        return None
    words = [w for w in words if w and w not in _TITLES]
    if len(words) < 2 or any(len(w) < 2 for w in (words[0], words[-1])):
        return None
    if words[-1] in {"jr", "sr", "ii", "iii"} and len(words) >= 3:
        words = words[:-1]
    return f"{words[0]} {words[-1]}"


_CREDIT_BEFORE = re.compile(r"\b(?:photos?|photograph(?:ed|er|s)?|images?|videos?|credit)\s*(?:by\b|:)\s*$",
                            re.IGNORECASE)
_CREDIT_AFTER = re.compile(r"^\s*[/|]")
CREDIT_CONTEXT = 30
"""Characters of its line looked at before and after a name for a credit's words."""


def credited(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` credits a picture: "Photo: Jo Lee", "(Jo Lee /
    Houston Chronicle)", "Photo by Jo Lee".  A newspaper's photographer is in many of its
    stories, about many events, so her name says nothing of which event a story tells."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = text[max(line_start, start - CREDIT_CONTEXT):start]
    after = text[end:min(end + CREDIT_CONTEXT, line_end if line_end >= 0 else len(text))]
    slashed = "/" in text[start:end] or "|" in text[start:end]  # the model read "Jo Lee / Houston Chronicle" as one
    return bool(slashed or _CREDIT_BEFORE.search(before) or _CREDIT_AFTER.match(after))


def people_in(doc: Doc) -> set[str]:
    """Normalised full names of the PERSON entities spaCy found in the article, but for those
    crediting a picture (`credited`)."""
    text = doc.text
    return {key for ent in doc.ents if ent.label_ == "PERSON" and (key := person_key(ent.text))
            and not credited(text, ent.start_char, ent.end_char)}
