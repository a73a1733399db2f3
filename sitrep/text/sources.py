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


HOST_RE = re.compile(r"^(?:[a-z]+://)?(?:web\.archive\.org/web/[^/]+/)?(?:[a-z]+://)?([^/:?#]+)")
"""The host of a lower-case web address, through an archived copy's address to the original's
(group 1): the place resolver reads states from it, the merger the outlet."""
_HOST_PREFIXES = ("www.", "m.", "mobile.")


def outlet_host(url: str | None) -> str | None:
    """The outlet an address belongs to: its web host (an archived copy's original one),
    without "www." or a mobile prefix ("http://m.wsbtv.com/news/..." -> "wsbtv.com")."""
    m = HOST_RE.match((url or "").strip().lower())
    if m is None or "." not in m.group(1):
        return None
    host = m.group(1)
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
    return host


MASTHEAD_SEPARATOR = re.compile(r"\s+[-|–—]\s+|\s*\|\s*")
"""What parts a page title's headline from the masthead after it ("Teen dies after shooting -
WIS News 10 - Columbia, South Carolina", "... | WBTV Charlotte"): the geoparser reads the
station's state there, the merger leaves its town out of the headline."""
