"""Article identity: a hash of the normalised headline and text.

The same story delivered twice (two files, a re-sent feed, different line endings or
whitespace) must be stored once, so the id ignores everything but the words.  The headline is
part of the story: pages of one site often share a body that is not the story at all (a login
wall, a subscription offer, a social-media frame) and differ only in their headlines, which are
then all that tells the news.  Keyed by the text alone, every such page after the first was
dropped as a duplicate, and its headline with it.

`IDENTITY_VERSION` names the scheme; a warehouse keyed by an older one is re-keyed once
(`sitrep.stages.ingest.rekey_articles`), so a stored article is never read in again under a
second id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

IDENTITY_VERSION = "2"
"""1: the text alone. 2: the headline (when there is one) and the text."""

_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Unicode-compatibility form, case-folded, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _WS.sub(" ", text).strip()


def article_id(text: str, title: str | None = None) -> str:
    """16 hex digits of SHA-256 over the normalised headline and text.

    An article without a headline keeps the id of its text alone, as in version 1."""
    head, body = normalise_text(title or ""), normalise_text(text)
    key = f"{head}\n{body}" if head else body
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
