"""Find boilerplate lines and blank them out without moving a single character.

Newsletter blurbs, copyright lines, "READ MORE" links, "Related Video", photo captions and tag
lists are not reporting: a caption's date is the photo's, a tag list's "Syria ISIS" is no
place mention.  Instead of deleting them (which would shift every offset), their characters
are replaced by spaces, so `text[char_start:char_end]` on the original text stays exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE_PATTERNS = [
    r"^\s*(read more|related( video| articles?| stories| content)?|more on this|see also|watch|listen)\b\s*[:\-–]?",
    r"^\s*show full article\s*$",
    r"(sign up|subscribe)\b.*\b(newsletter|updates|insights|alerts)",
    r"\bnewsletters?\b.*(dispatch|sign up|subscribe)",
    r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved",
    r"^\s*source\s*:\s*[\w' ]+(and agencies)?\s*$",
    r"^\s*(advertisement|advertising|sponsored|click here|follow us|share this|tweet|email|print)\b",
    r"to learn more about republishing|fill out this form",
    r"^\s*(first look|upcoming coverage|top stories|most read|trending)\s*$",
    r"^\s*(photo|image|picture|file photo|video)\s*(credit)?\s*:",
    r"\((?:[^()]*/)?\s*(afp|ap|reuters|getty images|epa|anadolu|sana)(\s+photo)?\s*\)\s*$",
    r"\[\s*file\b[^\]]*\]\s*$",
    r"\bap photo\b|\breuters/[a-z]",
    r"we are always looking for new writers",
]
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in _LINE_PATTERNS), re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\"”’)]\s*$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*")


@dataclass(frozen=True)
class CleanText:
    text: str
    """The article with boilerplate blanked out: same length, same offsets."""
    boilerplate_lines: tuple[tuple[int, int], ...]
    """(start, end) of each blanked line in the original text."""


def _is_tag_list(line: str) -> bool:
    """A run of capitalised topic words with no verb-like lower-case word and no full stop."""
    words = _WORD.findall(line)
    if len(words) < 3 or _SENTENCE_END.search(line):
        return False
    lower = [w for w in words if w[0].islower() and w.lower() not in {"and", "of", "the", "in", "war", "s"}]
    return not lower


def is_boilerplate(line: str, *, trailing: bool = False) -> bool:
    """Whether one line is boilerplate; `trailing` lines (after the last sentence) may be tags."""
    stripped = line.strip()
    if not stripped:
        return False
    if _BOILERPLATE.search(stripped):
        return True
    return trailing and _is_tag_list(stripped)


MAX_LINE = 300
"""Boilerplate lines are short; a longer line is an article run together on one line, where
only a boilerplate tail (a copyright or subscribe blurb after the last sentence) is blanked."""


def _tail_start(line: str) -> int | None:
    """Where a boilerplate tail of a long line begins (its sentence's start), if it has one."""
    window = len(line) - MAX_LINE
    match = next((m for m in _BOILERPLATE.finditer(line) if m.start() >= window), None)
    if match is None:
        return None
    stop = max(line.rfind(". ", 0, match.start()), line.rfind("? ", 0, match.start()), line.rfind("! ", 0, match.start()))
    return stop + 2 if stop >= 0 else None


def clean(text: str) -> CleanText:
    """Blank out the boilerplate lines of `text`, keeping its length and offsets."""
    lines = text.splitlines(keepends=True)
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line)
    last_sentence = max(
        (i for i, line in enumerate(lines) if _SENTENCE_END.search(line.strip()) and len(line.split()) > 6),
        default=len(lines) - 1,
    )
    chars = list(text)
    blanked: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        body = line.rstrip("\r\n")
        if len(body) > MAX_LINE:
            tail = _tail_start(body)
            if tail is None:
                continue
            start, end = starts[i] + tail, starts[i] + len(body)
        elif is_boilerplate(body, trailing=i > last_sentence):
            start, end = starts[i], starts[i] + len(body)
        else:
            continue
        for j in range(start, end):
            chars[j] = " "
        blanked.append((start, end))
    return CleanText("".join(chars), tuple(blanked))
