"""An outlet's home province, learned from its own reports, for the reports that place
themselves weakly or not at all.

Local news is local: a TV station's or a town paper's stories lie nearly all in its state, and
most of them say where (a dateline, a town with its state, a county).  A story of the same
outlet that names only a town many states share ("Jacksonville police arrested ...") or no
place at all ("Police said the boy was shot on Oxford Drive") most likely lies in the same
state as the outlet's other stories.  No table of outlets is kept: the outlet is the web host
of the article's address, and its home is the province where most of its placed lead events
lie, so it is learned again on every merge from the reports the warehouse holds.  A national
outlet, whose stories lie in many provinces, has no home.

Two kinds of report take their outlet's home:

- a lead event with no province (and no country other than the home's): its mentions without
  a province are placed in the home province (precision 3), as a story naming no place is;
- a lead event in another province that nothing but its own town points at
  (`sitrep.merge.placing.support`), where the home province has a town of that very name: the
  geoparser picked the wrong namesake (Roswell of Georgia in a New Mexico station's story), and
  its mentions in that province move to the home's town;
- a lead event abroad that nothing but its own name places there (no other province of that
  country is named): "Police in Lebanon said" in a Tennessee station's story is Lebanon,
  Tennessee, and "the Bellagio" of a Las Vegas paper is no Italian town.  It takes the home's
  town of that name, else, once no other report of the event gave it a town, the home
  province itself.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from sitrep.merge.placing import support
from sitrep.text.sources import MASTHEAD_SEPARATOR

HOME_MIN_REPORTS = 2
"""Placed lead events an outlet needs in one province before that province is its home."""

UNPLACED_HOME_MIN_REPORTS = 1
"""An event that no report places anywhere is placed at its outlet's home on the word of a
single other report of the outlet: it has no place to lose."""

HOME_MIN_SHARE = 0.5
"""...and the share of its placed lead events that province must hold (a national outlet's
stories spread over many provinces, and none holds this much)."""

TOWN_KINDS = frozenset({"city", "site", "district"})

BIG_CITY_POPULATION = 100_000
SMALL_NAMESAKE_POPULATION = 15_000
"""A town read as a city of BIG_CITY_POPULATION is not moved to a namesake under
SMALL_NAMESAKE_POPULATION at its outlet's home: an Atlanta station's story of a Montgomery
nightclub is Alabama's capital, not Georgia's village (while a North Carolina paper's
Jacksonville, a town of 70,000, is its own and not Florida's city)."""

def outlet_homes(rows: list[dict], lead: dict[str, int], host_of: dict[str, str | None],
                 min_reports: int = HOME_MIN_REPORTS) -> dict[str, str]:
    """Web host -> the province that at least ``min_reports`` of its articles' lead events,
    and at least HOME_MIN_SHARE of its placed ones (more than any other province), lie in."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for article, i in lead.items():
        host = host_of.get(article)
        if host and rows[i]["admin1"]:
            votes[host][rows[i]["admin1"]] += 1
    homes = {}
    for host, counts in votes.items():
        province, n = counts.most_common(1)[0]
        if n >= min_reports and n >= HOME_MIN_SHARE * sum(counts.values()) and list(counts.values()).count(n) == 1:
            homes[host] = province
    return homes


def as_place(place, location: str | None = None) -> dict:
    """A gazetteer place as the place columns of a mention (`sitrep.merge.placing.PLACE_COLUMNS`),
    located by `location` (its own name unless given)."""
    return {"country": place.country, "admin1": place.admin1, "admin1_name": place.admin1_name,
            "location": location or place.name, "latitude": place.latitude, "longitude": place.longitude,
            "geo_precision": place.geo_precision}


def namesake_moves(rows: list[dict], lead: dict[str, int], host_of: dict[str, str | None],
                   homes: dict[str, str], places: dict[str, dict[str, frozenset[str]]], gazetteer,
                   province: bool = False) -> dict[str, dict]:
    """mention_id -> the place (a dict of `sitrep.merge.placing.PLACE_COLUMNS`) it takes in its
    outlet's home province, for the mentions of an article whose lead event lies elsewhere on
    the word of its own town alone:

    - in another province of the home's country that nothing else the article names points at,
      where the home has a town of that name: that town;
    - abroad, in a country none of whose provinces the article names otherwise ("Police in
      Lebanon said", "the Soho nightclub" of a New York station): the home's town of that
      name, else the home province itself (precision 3).

    Without ``province`` only the moves to a town are made; with it only those to the home
    province, which the merge makes after another report of the event could give a town.
    """
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_article[row["article_id"]].append(row)
    out: dict[str, dict] = {}
    for article, i in lead.items():
        home, head = homes.get(host_of.get(article) or ""), rows[i]
        state = gazetteer.admin1_place(home) if home else None
        if state is None or head["admin1"] == home or not head["location"] or head["country"] is None:
            continue
        named = places.get(article) or {}
        abroad = head["country"] != state.country
        if abroad:
            if any(p.split("-")[0] == head["country"] and p != head["admin1"] for p in named):
                continue
        elif head["admin1"] is None:
            continue
        if head["admin1"] and support(named, head["admin1"], head["location"]) > 0:
            continue
        town = next((p for p in gazetteer.lookup(head["location"]) if p.admin1 == home and p.kind in TOWN_KINDS), None)
        if town is not None and not abroad and _big_city_over(gazetteer, head, town):
            continue
        if town is not None and not province:
            to = as_place(town, town.name)
        elif town is None and abroad and province:
            to = as_place(state, state.name)
        else:
            continue
        for m in by_article[article]:
            if (m["admin1"], m["country"]) == (head["admin1"], head["country"]) and not m["is_aggregate"]:
                out[m["mention_id"]] = to
    return out


def _big_city_over(gazetteer, head: dict, town) -> bool:
    """Whether the town ``head`` (a lead mention's place columns) was read as is a city of at
    least BIG_CITY_POPULATION while ``town``, its namesake at the outlet's home, is a small
    town (under SMALL_NAMESAKE_POPULATION)."""
    read = next((p for p in gazetteer.lookup(head["location"])
                 if p.admin1 == head["admin1"] and p.kind in TOWN_KINDS), None)
    size = (read.population or 0) if read is not None else 0
    return size >= BIG_CITY_POPULATION and (town.population or 0) < SMALL_NAMESAKE_POPULATION


def home_place(members: list[dict], host_of: dict[str, str | None], homes: dict[str, str], gazetteer,
               titles: dict[str, str | None] | None = None) -> dict | None:
    """The home province (a dict of `sitrep.merge.placing.PLACE_COLUMNS`, precision 3) of an
    event none of whose reports is placed in a province: the home of its reports' outlets,
    when they have one and one only, and no report names another country.  Where the reports'
    headlines or sentences name a town of that province the geoparser did not take for a place
    (`home_town`), the event lies in that town."""
    found = {homes.get(host_of.get(m["article_id"]) or "") for m in members}
    found.discard(None)
    if len(found) != 1:
        return None
    state = gazetteer.admin1_place(found.pop())
    if state is None or any(m["country"] not in (None, state.country) for m in members):
        return None
    town = town_told(state.admin1, members, gazetteer, titles)
    return as_place(town, town.name) if town is not None else as_place(state, state.name)


def town_told(admin1: str, members: list[dict], gazetteer, titles: dict[str, str | None] | None = None) -> object | None:
    """The town of province `admin1` that an event's reports name most (`home_town`), read in
    their articles' headlines and in the reports' own sentences."""
    texts = [headline_proper((titles or {}).get(a) or "") for a in dict.fromkeys(m["article_id"] for m in members)]
    return home_town(admin1, texts + [m.get("evidence") or "" for m in members], gazetteer)




def headline_proper(title: str) -> str:
    """A headline without the masthead its page title carries after it ("Teen dies after shooting
    - WIS News 10 - Columbia, South Carolina", "... | WBTV Charlotte"): the station's town there
    is the outlet's, not the incident's."""
    return MASTHEAD_SEPARATOR.split(title, maxsplit=1)[0]


_NAME_RUN = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?)*")
HOME_TOWN_MAX_WORDS = 3


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
TITLE_CASE_SHARE = 0.8
"""Share of a text's longer words (four letters or more) that are capitalised above which it is
written in title case ("3-Year-Old Yarmouth Girl Accidentally Shoots Herself")."""


def title_case(text: str) -> bool:
    """Whether ``text`` is a headline in title case: there every word is capitalised, so a
    capitalised word after a name says nothing of a longer name."""
    words = [w for w in _WORD.findall(text) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _names(text: str, gazetteer) -> list[str]:
    """The names of one to HOME_TOWN_MAX_WORDS capitalised words in ``text``, longest first
    within each run of capitalised words ("In New Castle" gives "In New Castle", "In New",
    "New Castle", ...), save those a capitalised word that is no everyday word follows: that
    is a longer name ("Home Depot", "Lincoln Memorial"), while "Medford Police" is Medford.
    In a title-case headline every word is capitalised ("Yarmouth Girl Accidentally Shoots
    Herself"), so there every name of the run counts."""
    out = []
    titled = title_case(text)
    for run in _NAME_RUN.finditer(text):
        words = run.group(0).split(" ")
        for n in range(min(len(words), HOME_TOWN_MAX_WORDS), 0, -1):
            out += [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)
                    if titled or i + n == len(words) or gazetteer.is_common_word(words[i + n])]
    return out


def home_town(admin1: str, texts: list[str], gazetteer) -> object | None:
    """The town of province ``admin1`` that ``texts`` name most often (the first named on a tie),
    or None: a report the geoparser could not place ("Third person charged in Winchester
    apartment shooting", a headline's town the model read as a person or a firm) that its
    outlet's home places in a province is most likely about a town of that province it names.
    Only a capitalised name that is no everyday word ("Union", "Man") and that the province has
    a town of counts; inside one run of capitalised words a longer name hides the shorter ones
    it holds ("New Castle" is not also Castle)."""
    counts: Counter = Counter()
    first: dict[str, tuple[int, object]] = {}
    for text in texts:
        taken: list[str] = []
        for name in _names(text, gazetteer):
            if any(name in t for t in taken) or gazetteer.is_common_word(name):
                continue
            town = next((p for p in gazetteer.lookup(name) if p.admin1 == admin1 and p.kind in TOWN_KINDS), None)
            if town is None:
                continue
            taken.append(name)
            counts[town.name] += 1
            first.setdefault(town.name, (len(first), town))
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], -first[k][0]))
    return first[best][1]


def with_homes(places: dict[str, dict[str, frozenset[str]]], host_of: dict[str, str | None],
               shifted: dict[str, tuple[str | None, str]]) -> dict[str, dict[str, frozenset[str]]]:
    """`places` (`sitrep.merge.placing.place_names`) as the articles ``shifted`` to their
    outlet's home (article -> (province left, home)) now read: the names they had in the
    province they left (their town alone) lie at home, with the outlet itself as one more,
    so that a second report of the event which misread the same town does not pull them
    back there."""
    out = dict(places)
    for article, (left, home) in shifted.items():
        names = dict(out.get(article) or {})
        moved_names = names.pop(left, frozenset()) if left else frozenset()
        names[home] = names.get(home, frozenset()) | moved_names | {f"outlet:{host_of.get(article)}"}
        out[article] = names
    return out
