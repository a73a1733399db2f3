"""The publication date of an article: metadata first, then a dateline in the text, else unknown.

Relative dates ("on Sunday", "last week") resolve against this date, so where it came from is
recorded (`published_from`), and a metadata date that cannot be right (in the future, before
newspapers reported wars by wire) is flagged and not used.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sitrep.nlp.dates import publication_date_from_text

EARLIEST_PLAUSIBLE = date(1900, 1, 1)


@dataclass(frozen=True)
class PublicationDate:
    value: date | None
    source: str  # metadata | text | unknown
    flag: str | None = None


def parse_metadata_date(raw: str | None) -> date | None:
    """An ISO date or date-time ('2017-08-21', '2023-03-16T08:30:00Z'); None if unparseable."""
    if not raw:
        return None
    raw = raw.strip()
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        return None


def publication_date(raw_meta: str | None, clean_text: str, today: date) -> PublicationDate:
    flag = None
    if raw_meta:
        value = parse_metadata_date(raw_meta)
        if value is None:
            flag = f"metadata date unparseable: {raw_meta!r}"
        elif value > today:
            flag = f"metadata date in the future: {value.isoformat()}"
        elif value < EARLIEST_PLAUSIBLE:
            flag = f"metadata date impossible: {value.isoformat()}"
        else:
            return PublicationDate(value, "metadata")
    found, _ = publication_date_from_text(clean_text)
    if found is not None and EARLIEST_PLAUSIBLE <= found <= today:
        return PublicationDate(found, "text", flag)
    return PublicationDate(None, "unknown", flag)
