"""Article identity: a hash of the normalised text.

The same story delivered twice (two files, a re-sent feed, different line endings or
whitespace) must be stored once, so the id ignores everything but the words.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Unicode-compatibility form, case-folded, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _WS.sub(" ", text).strip()


def article_id(text: str) -> str:
    """16 hex digits of SHA-256 over the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]
