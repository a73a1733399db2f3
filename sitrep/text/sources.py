"""Title, outlet and wire agency of an article, metadata first and the text second."""

from __future__ import annotations

import re

_AGENCIES = {
    "AFP": r"\bAFP\b|Agence France[- ]Presse",
    "AP": r"\bAP\b|Associated Press",
    "Reuters": r"\bReuters\b",
    "Xinhua": r"\bXinhua\b",
    "Anadolu": r"\bAnadolu\b",
    "SANA": r"\bSANA\b",
    "dpa": r"\bdpa\b|Deutsche Presse-Agentur",
    "UPI": r"\bUPI\b",
}
_AGENCY_PATTERNS = [(name, re.compile(p)) for name, p in _AGENCIES.items()]


def wire_agency(text: str) -> str | None:
    """The wire agency the copy credits first ("told AFP", "(Reuters)", "the AP reported")."""
    best: tuple[int, str] | None = None
    for name, pattern in _AGENCY_PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), name)
    return best[1] if best else None


def title_from_text(clean_text: str) -> str | None:
    """The first non-empty line when it reads like a headline (short, no final full stop)."""
    for line in clean_text.splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) <= 200 and not line.endswith((".", "?", "!", "\"", "”")):
            return line
        return None
    return None
