"""Which US states the telephone numbers of an article lie in.

Why: local crime copy ends with a number to call ("anyone with information is asked to call
Crime Stoppers at 713-222-8477", the sheriff's office, the station's newsroom), and a North
American area code lies in one state.  Many such stories name their town and never its state,
or name a town that many states have (Jacksonville, Roswell, Berlin): the number settles which
one.  ``phonenumbers`` (Google's libphonenumber data) finds the numbers and tells geographic
ones from toll-free and other non-geographic ones, which say nothing.  The state of a prefix
comes from its geocoder's data, kept as a small table (``data/us_phone_prefixes.csv``, built
by ``scripts/build_phone_prefixes.py``): the geocoder itself loads every country's
descriptions, 100 MB in every process that parses.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberType, number_type
from phonenumbers.phonenumberutil import is_number_type_geographical

PREFIXES = Path(__file__).resolve().parent / "data" / "us_phone_prefixes.csv"


@lru_cache(maxsize=1)
def _prefix_states() -> dict[str, str]:
    with PREFIXES.open(encoding="utf-8") as f:
        return {row["prefix"]: row["admin1"] for row in csv.DictReader(f)}


def _state_of(number: phonenumbers.PhoneNumber) -> str | None:
    """The ISO 3166-2 code of the state the number's longest known prefix lies in."""
    table = _prefix_states()
    digits = f"{number.country_code}{number.national_number}"
    for end in range(len(digits), 0, -1):
        if digits[:end] in table:
            return table[digits[:end]] or None
    return None


TEN_DIGITS = re.compile(r"(?:\d\D{0,4}){9}\d")
"""Ten digits with at most four other characters between each two: every North American
number the matcher can find (ten digits, its blocks parted by at most four punctuation marks)
holds such a run, and most texts hold none, so the matcher, which costs more than anything
else in placing an article, runs only on the texts that do."""


def phone_states(text: str) -> list[tuple[int, int, str]]:
    """Each distinct North American number of ``text`` that lies in a US state, as (start,
    end, ISO 3166-2 code of the state), in text order."""
    out: list[tuple[int, int, str]] = []
    if not TEN_DIGITS.search(text):
        return out
    seen: set[int] = set()
    for match in phonenumbers.PhoneNumberMatcher(text, "US"):
        number = match.number
        if number.country_code != 1 or number.national_number in seen:
            continue
        seen.add(number.national_number)
        kind = number_type(number)
        if kind == PhoneNumberType.UNKNOWN or not is_number_type_geographical(kind, number.country_code):
            continue
        state = _state_of(number)
        if state:
            out.append((match.start, match.end, state))
    return out
