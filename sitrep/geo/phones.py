"""Where the telephone numbers of an article are.

Why: local crime copy ends with a number to call ("anyone with information is asked to call
Crime Stoppers at 713-222-8477", the sheriff's office, the station's newsroom), and a North
American area code lies in one state.  Many such stories name their town and never its state,
or name a town that many states have (Jacksonville, Roswell, Berlin): the number settles which
one.  Google's libphonenumber data (the ``phonenumbers`` package) knows every area code;
toll-free and other non-geographic numbers have no place and say nothing.
"""

from __future__ import annotations

import phonenumbers
from phonenumbers import geocoder


def phone_regions(text: str) -> list[tuple[int, int, str]]:
    """Each distinct North American number of ``text`` that lies in a state or province:
    (start, end, the region as the geocoder writes it last: "TX" of "Houston, TX", "New
    Mexico"), in text order."""
    out: list[tuple[int, int, str]] = []
    seen: set[int] = set()
    for match in phonenumbers.PhoneNumberMatcher(text, "US"):
        number = match.number
        if number.country_code != 1 or number.national_number in seen:
            continue
        seen.add(number.national_number)
        description = geocoder.description_for_number(number, "en")
        if description:
            out.append((match.start, match.end, description.rsplit(",", 1)[-1].strip()))
    return out
