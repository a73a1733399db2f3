"""Build ``sitrep/geo/data/us_phone_prefixes.csv``: the US state of each North American
telephone prefix, as an ISO 3166-2 code.

Why this exists: ``phonenumbers``' geocoder knows the place of every prefix, but importing it
loads the descriptions of every country's prefixes in every language (100 MB and half a
second, in every process that parses).  sitrep only asks which state a North American number
lies in, so this script keeps just that, once: each prefix of country code 1 with the state
its English description names (read the way the place resolver reads a state's name or
postal code), dropping a prefix whose state is already its shorter prefix's, so that the
longest-prefix lookup in ``sitrep.geo.phones`` gives the geocoder's answer.  A description
that names no state (a Canadian province, "Washington State") is written with an empty code,
which, like the geocoder's description, places nothing.

Run it again after upgrading ``phonenumbers`` (``make`` does not: the table is committed).
"""

from __future__ import annotations

import csv
from pathlib import Path

from phonenumbers.geodata import GEOCODE_DATA

from sitrep.nlp.geoparse import _state_code

OUT = Path(__file__).resolve().parent.parent / "sitrep" / "geo" / "data" / "us_phone_prefixes.csv"


def prefix_states() -> dict[str, str]:
    """Prefix (country code 1 included, as the geocoder keys it) -> ISO code or ""."""
    states = {}
    for prefix, names in GEOCODE_DATA.items():
        if prefix.startswith("1") and "en" in names:
            states[prefix] = _state_code(names["en"].rsplit(",", 1)[-1].strip()) or ""
    return states


def minimal(states: dict[str, str]) -> dict[str, str]:
    """Only the prefixes whose state differs from that of their longest shorter prefix (or
    that have none): the lookup then answers the same for every number."""
    kept = {}
    for prefix in sorted(states, key=len):
        parent = next((prefix[:k] for k in range(len(prefix) - 1, 0, -1) if prefix[:k] in states), None)
        if parent is None or states[parent] != states[prefix]:
            kept[prefix] = states[prefix]
    return kept


def main() -> None:
    rows = minimal(prefix_states())
    with OUT.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["prefix", "admin1"])
        for prefix in sorted(rows):
            writer.writerow([prefix, rows[prefix]])
    print(f"{OUT}: {len(rows)} prefixes")


if __name__ == "__main__":
    main()
