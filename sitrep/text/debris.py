"""Find the lines of a news page that belong to the page, not to its story.

A scraped article carries the page around its story: a video's caption ("... NBC 6's reporter has
the story. (Published Monday, July 7, 2014)"), a photo's caption ("... police said. (Photo:
Detroit News)", "... View Full Caption DNAinfo/..."), a gallery ("Image 1 of 40 ..."), a video
player's leftovers ("Skip Ad Ad Loading... x Embed x Share ..."), teasers of other stories (a
headline and its summary, the same words twice in a row).  Unlike boilerplate
(`sitrep.text.boilerplate`) these lines tell of shootings, often the story's own but dated by
the day the caption was written, often another story's: read as sentences of the article,
the first of them becomes the article's first event and maps the article to the wrong one.
The extractor drops the mentions read from them before the story's lead (its first event),
and keeps them only when the story itself tells none.

Lines are found on the cleaned text; spans are (start, end) character offsets of that text.
"""

from __future__ import annotations

import re

_CAPTION_END = re.compile(
    r"(\(published\s[^()]*\d{4}\)"  # a video caption's stamp
    r"|\((?:file\s+)?(?:photos?|image|video)\b[^()]*\)"  # "(Photo: WFAA)", "(File photo)"
    r"|\bview full caption\b.*)\s*$",
    re.IGNORECASE,
)
_GALLERY = re.compile(r"^\s*(?:image\s+\d+\s+of\s+/?\s*\d+\b|.{0,120}\bcaption close\b)", re.IGNORECASE)
_PLAYER = re.compile(
    r"\bskip ad\b|\bad loading\b|\bembed\s*<?/?>|your browser (?:does ?n[o']t|cannot) (?:support|play)",
    re.IGNORECASE,
)
_RELATED = re.compile(r"^\s*\[\s*(?:related|read more|more)\b", re.IGNORECASE)
_TWEET = re.compile(r"pic\.twitter\.com/|\(@\w+\)\s+\w+\.? \d{1,2}, \d{4}\s*$", re.IGNORECASE)
_MIN_TEASER = 40
"""A teaser's summary is a sentence's length; a short heading or a name may well be printed twice."""
_TEASER_PREFIX = 60
"""Twice-printed summaries may be cut at different lengths ("... seek to strengthen..." and
"... seek to..."): lines that open alike over this many characters are the same summary."""
_TEASER_GAP = 2
"""Lines between two twice-printed summaries of one list (a teaser's own headline, an excerpt)."""


def _is_debris(line: str) -> bool:
    return bool(_CAPTION_END.search(line) or _GALLERY.search(line) or _PLAYER.search(line)
                or _RELATED.search(line) or _TWEET.search(line))


def _same_summary(a: str, b: str) -> bool:
    return len(a) >= _MIN_TEASER and len(b) >= _MIN_TEASER and a[:_TEASER_PREFIX] == b[:_TEASER_PREFIX]


def _teaser_lists(lines: list[str]) -> set[int]:
    """Indexes of the lines in lists of teasers: two or more summaries each printed twice in a
    row (a page's "more stories"), and the lines between them.  A story's lead printed twice
    (once as the page's description) is one repeat, not a list."""
    pairs = [i for i in range(len(lines) - 1) if _same_summary(lines[i], lines[i + 1])]
    out: set[int] = set()
    run: list[int] = []
    for i in pairs + [None]:
        if i is not None and run and i - (run[-1] + 2) <= _TEASER_GAP:  # lines between the two pairs
            run.append(i)
            continue
        if len(run) >= 2:
            out.update(range(run[0], run[-1] + 2))
        run = [i] if i is not None else []
    return out


def debris_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` that is page debris (see the module docstring)."""
    lines: list[tuple[int, int, str]] = []  # non-blank lines: start, end, stripped text
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        if body.strip():
            lines.append((pos, pos + len(body), body.strip()))
        pos += len(raw)
    teasers = _teaser_lists([line for _, _, line in lines])
    return [(start, end) for i, (start, end, line) in enumerate(lines) if i in teasers or _is_debris(line)]
