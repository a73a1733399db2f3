"""Merge event mentions into events: each real event counted once, conservatively.

GDELT's best-known failure is counting one kidnapping hundreds of times; ACLED's strength is
one event, one count.  Mentions are linked when they can only be the same event:

- within an article: a sentence that continues the one before (its `antecedent`), or two
  sentences giving the same death count of the same victims over overlapping dates (the
  headline, the lead and a quote retelling one clash), or one sentence told twice (a photo
  caption repeating the text), whatever its two readings count, or a sentence telling the
  later death of one told just before ("He died Thursday night" after the shooting of Sunday);
- across articles: the same province, overlapping dates, the same ACLED sub-event type and
  compatible counts, and the same place; a town and its province (or two places in it) only
  with the same count of two or more deaths, since one death is the commonest report; two
  sub-event types (a "shootout" and a "shooting") only with the same count; reports of one
  town and one count also a day apart, unless both give an exact day (one dates a late-night
  shooting by the night, another "overnight" by the day it was written), and up to a week
  apart when that count is of four dead or more, unless both give an exact day (a town seldom
  sees two such killings in a week, and a timeline or the victims' names come days later,
  dated by their own day); but never two reports told with ages none of which they share (a
  14-year-old shot on Sunday, a 13-year-old told the next day), a report without an age of its
  own being told with its article's lead's;
- across articles, by the people they name: each article's lead event (its first report of
  deaths, else its first report) joins another article's lead event when both articles name
  the same person (a victim, a suspect, a commander), within two weeks and never across
  provinces, if the name is rare or a second one is shared; two shared rare names, or three
  shared names, link them at any date (a trial report months later) unless both reports are
  the news of their own days weeks apart and neither tells a step of justice or mourning (a
  reporter and a police chief named in two shootings a year apart), and so does one name
  that both articles' event sentences tell, when one of the reports was placed in no province,
  or when the two name one town and either give one count or date it within a month (a town's
  sheriff and mayor are told in each of its shootings).  A name in many articles or in several provinces (a spokesman, a
  monitor's director) says nothing about which event an article tells, so only distinctive
  names count;
- across articles, by particulars (`sitrep.merge.clues`): lead events of one province and day
  (of one town and count, within two days) with compatible counts join when their articles
  share a victim's age, much of their headlines, much of their distinctive wording or the
  number of people shot (dead and wounded), but never two reports dated to exact days more
  than a day apart that give no one death count (a city's roundups of Sunday and of Tuesday);
  a lead event with no province joins the same way, or on the same town or the same
  count of two or more, or on its headline naming the town (up to two days apart: a headline
  alone is dated by the days before it was published), when its clues point to one province
  only, or, pointing to several, to one that is its outlet's home (`sitrep.merge.outlets`);
- across articles, by follow-ups (`sitrep.merge.followups`): a follow-up story (an arrest, a
  charge, a funeral) dated only by its own day joins a report of the same town up to a month
  older when they share a rare name or a victim's age, or, when the follow-up is a page that is
  only its headline, when the town's reports of that month tell one day; and a report dating a death ("died
  Saturday") joins one of its town and count dated the day before, the day of the shooting;
- a lead event placed in its province and no town joins, once every other link is made, the
  one event of that province whose lead events it can be (dates within a day, compatible
  counts, one sub-event type or one count) when their articles' wording is somewhat alike;
  two such events, and it joins neither;
- period totals only ever join other period totals: a claim is never added to the events it
  contains;
- a roundup (an article telling several separate shootings: "6 shot Sunday in Chicago") links
  by its lead event as any article (by place only when both reports count deaths, or neither
  does), but its other reports join another article's event only when all their links point
  to that one event: a roundup never bridges two other incidents.

Before linking, a report placed in the wrong province by a namesake town ("Wilmington" of
North Carolina for Delaware's) or by its outlet's home state takes the place of another report
of the same event (`sitrep.merge.placing`): their lead events share a distinctive name within a
day, or name the same town or tell much of one headline on overlapping dates, or give one count
(any, for an article placed in its province alone) while one article, placed by its town alone,
names the other's town in the other's province; and
the places the two articles name back the other province more; first, a report whose town nothing
else backs takes the namesake town of its outlet's home province (`sitrep.merge.outlets`).  Last,
an article whose reports lie in a US state or county alone takes the town of it that its
headline or sentences name, so that it joins that town's reports by place.  After
linking, an event's mentions with no province take its place, and an event that no report places
lies in its outlets' home province.  Moved mentions carry their new place into `event_mentions`, so every
event still lies in one province and its reports agree on where; the merge stage keeps what
extraction said in `moved_mentions`, so each merge starts again from the extracted places.

Linked mentions form clusters (union-find).  An event takes its date from its most precise
dated mention, its place from its most precise placed mention, and as its count the lowest
figure reported (`fatalities_low`/`fatalities_high` keep the spread).

Event ids are stable across runs: the events are rebuilt from all mentions every run (a late
report may join, or split, an old event), and each new cluster takes the id that most of its
mentions had before, so an analyst's bookmark `ev-...` keeps pointing at the same event when
an article about last week arrives today.  Only a cluster none of whose mentions was seen
before gets a fresh id.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from datetime import date

import polars as pl

from sitrep import schema
from sitrep.merge.clues import (WORDING_LIKENESS, Wording, ages_in, headline_words, headlines_alike, mastheads,
                                streets_in)
from sitrep.merge.duplicates import same_sentence
from sitrep.merge.followups import FOLLOW_UP_MAX_DAYS, follow_up_links, is_follow_up, later_death_links
from sitrep.merge.outlets import (UNPLACED_HOME_MIN_REPORTS, as_place, home_place, namesake_moves, outlet_homes,
                                  town_told, with_homes)
from sitrep.merge.placing import PLACE_COLUMNS, evidence, moved, names_town, support

COUNT_RATIO_FLOOR = 0.3
"""Two reports' counts of one event differ (201 claimed, 70 monitored), but not tenfold."""

NAME_MAX_ARTICLES = 12
"""A person named in more articles than this is a public figure or a source, not a victim."""

NAME_DATE_SLACK_DAYS = 14
"""Two reports naming the same person may date the event days apart: one resolves 'Monday
night' a day off, a follow-up dates it by the arrest, the funeral or the vigil a week or two on."""

RARE_NAME_ARTICLES = 4
"""Names that link reports whatever their dates must each be in at most this many articles: a
governor or a police chief named in a handful of reports of different years is not a victim."""

MOVE_NAME_SLACK_DAYS = 1
"""Reports in two provinces sharing a name must date their events within a day of each other
before one takes the other's place: across provinces a name is a weaker clue (a spokesman)."""

MOVE_HEADLINE_OVERLAP = 0.5
"""Share of headline words two reports in different provinces must have in common to tell one
event (twice what two reports of one province need, `sitrep.merge.clues`)."""


class _UnionFind:
    """Clusters of mentions that never join two provinces.

    Each cluster keeps the province its mentions name (if any); a link that would put two
    provinces in one event is refused, however the chain of links runs (A in Raqqa, B with no
    province, C in Deir ez-Zor: A-B and B-C cannot both hold).
    """

    def __init__(self, provinces: list[str | None]):
        self.parent = list(range(len(provinces)))
        self.province = list(provinces)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        pa, pb = self.province[ra], self.province[rb]
        if pa and pb and pa != pb:
            return False
        root, child = min(ra, rb), max(ra, rb)
        self.parent[child] = root
        self.province[root] = pa or pb
        return True


TELLING_COUNT = 2
"""Reports placed differently within a province (a town, the province) join only on an equal
count of at least this many deaths."""

SAME_COUNT_SLACK_DAYS = 1
"""Reports of one town giving one death count, one of them dating it less than to the day, may
date the event this many days apart: one resolves "late Friday" to Friday, a report of the next
morning dates it by the day it is written ("overnight", "this weekend")."""

MASS_KILLING = 4
MASS_KILLING_SLACK_DAYS = 7
"""Reports of one town giving one death count of at least MASS_KILLING, one of them dating it
less than to the day, tell one event though they date it up to this many days apart: a town
seldom sees two killings of that many in a week, and its follow-ups (a timeline, the victims
named) are dated by their own day.  Two exact days are two events."""

WIDEST_SLACK_DAYS = max(SAME_COUNT_SLACK_DAYS, MASS_KILLING_SLACK_DAYS)
"""How far apart `same_event_across_articles` lets two reports' dates be, at most."""

NAMES_ANY_DATE = 2
"""Articles sharing this many rare full names tell one event, however far apart their dates."""

NAMES_ANY_DATE_ANY = 3
"""Articles sharing this many distinctive full names, rare or not, tell one event whatever their
dates: a long-running case (a trial a year on) names its victim, suspect and officers in more
articles than a rare name is in, but two other incidents seldom share three names."""


def _overlap(a: dict, b: dict, slack_days: int = 0) -> bool:
    """The two date ranges overlap, or come within `slack_days` of each other."""
    if a["date_start"] is None or b["date_start"] is None:
        return False
    return (a["date_start"] - b["date_end"]).days <= slack_days and (b["date_start"] - a["date_end"]).days <= slack_days


def _counts_compatible(a: int | None, b: int | None) -> bool:
    if a is None or b is None:
        return True
    if a == b:
        return True
    low, high = sorted((a, b))
    return high > 0 and low / high >= COUNT_RATIO_FLOOR


def same_event_in_article(a: dict, b: dict) -> bool:
    if a["is_aggregate"] != b["is_aggregate"]:
        return False
    if not _overlap(a, b):
        return False
    if a["admin1"] and b["admin1"] and a["admin1"] != b["admin1"]:
        return False
    if a.get("evidence") and b.get("evidence") and same_sentence(a["evidence"], b["evidence"]):
        # one sentence told twice (a photo caption repeating the text, a page repeating its
        # lead) tells one event, even when its two readings count it differently
        return True
    ca, cb = a["fatalities_best"], b["fatalities_best"]
    if ca is not None and cb is not None:
        return ca == cb and (a["victims"] == b["victims"] or None in (a["victims"], b["victims"]))
    # without a count to match, only the same kind of event, same province, same stated dates
    return (
        ca is None and cb is None
        and a["sub_event_type"] == b["sub_event_type"]
        and a["admin1"] is not None and a["admin1"] == b["admin1"]
        and a["date_expression"] is not None and b["date_expression"] is not None
        and (a["date_start"], a["date_end"]) == (b["date_start"], b["date_end"])
    )


_DEATH_OF_ONE_TOLD = re.compile(r"^(?:he|she|the (?:victim|man|woman|boy|girl|teen|teenager))\b[^.]{0,40}"
                                r"\b(?:later )?(?:died|succumbed|was pronounced dead)\b", re.IGNORECASE)
DEATH_OF_ONE_TOLD_DAYS = 30
"""A victim shot on one day dies at most this many days later in the article that tells both."""


def _death_of_one_told(rows: list[dict], earlier: list[int], row: dict) -> int | None:
    """The mention of `earlier` (the article's mentions before `row`, in order) whose victim
    `row` tells the death of: "He died Thursday night at the hospital" after "Kwame, 42, was one
    of five people shot Sunday night" is the death of one told, dated by its own day.  It is
    the last mention before it, of no other province, dated on or at most
    `DEATH_OF_ONE_TOLD_DAYS` before it."""
    if row["is_aggregate"] or row["date_start"] is None or not _DEATH_OF_ONE_TOLD.search(row["evidence"] or ""):
        return None
    for j in reversed(earlier):
        b = rows[j]
        if b["is_aggregate"] or b["date_start"] is None or (b["sentence_index"] or 0) >= (row["sentence_index"] or 0):
            continue
        if b["admin1"] and row["admin1"] and b["admin1"] != row["admin1"]:
            return None
        gap = (row["date_start"] - b["date_start"]).days
        return j if 0 <= gap <= DEATH_OF_ONE_TOLD_DAYS else None
    return None


def same_event_across_articles(a: dict, b: dict) -> bool:
    if a["is_aggregate"] != b["is_aggregate"]:
        return False
    if a["is_aggregate"]:
        return a["fatalities_best"] == b["fatalities_best"] and a["victims"] == b["victims"] and _overlap(a, b)
    if not a["admin1"] or a["admin1"] != b["admin1"]:
        return False
    same_count = a["fatalities_best"] is not None and a["fatalities_best"] == b["fatalities_best"]
    if a["sub_event_type"] != b["sub_event_type"] and not same_count:
        # the sub-event type is read from one sentence's verb ("shootout", "shooting",
        # "murder-suicide"): two reports of one incident often read two, but then the count
        # must say it is the same incident
        return False
    precise = a["time_precision"] == 1 and b["time_precision"] == 1
    if not _overlap(a, b):
        slack = MASS_KILLING_SLACK_DAYS if same_count and a["fatalities_best"] >= MASS_KILLING else SAME_COUNT_SLACK_DAYS
        return not precise and same_count and _same_town(a, b) and _overlap(a, b, slack)
    if precise and a["date_start"] != b["date_start"]:
        return False
    if a["geo_precision"] == 1 and b["geo_precision"] == 1 and a["location"] != b["location"]:
        return False
    if a["location"] != b["location"]:
        # a town and its province (or two parts of it) are compatible places, but only a
        # particular count says they are the same event: one death is the commonest report
        return a["fatalities_best"] is not None and a["fatalities_best"] == b["fatalities_best"] >= TELLING_COUNT
    return _counts_compatible(a["fatalities_best"], b["fatalities_best"])


def _ages_disagree(a: dict, b: dict, told_ages) -> bool:
    """Both reports are told with ages, and none in common: "a 14-year-old was shot outside a
    club" and "a 13-year-old boy was shot" the next day in one city are two shootings, however
    alike the rest.  `told_ages` gives a report's ages (see `_cluster`)."""
    ages_a, ages_b = told_ages(a), told_ages(b)
    return bool(ages_a) and bool(ages_b) and not ages_a & ages_b


def lead_mentions(rows: list[dict]) -> dict[str, int]:
    """Each article's lead event: its first non-aggregate report of deaths, else its first report.

    News copy tells its event first; a larger figure further down is mostly another event
    told as background (an earlier attack, a war's toll).  `sitrep.evaluate.external` scores
    the same mention as the article's main event."""
    lead: dict[str, int] = {}
    for i, row in enumerate(rows):
        if row["is_aggregate"]:
            continue
        cur = lead.get(row["article_id"])
        if cur is None:
            lead[row["article_id"]] = i
            continue
        mine, theirs = row["fatalities_best"], rows[cur]["fatalities_best"]
        if (mine and not theirs) or (bool(mine) == bool(theirs) and row["sentence_index"] < rows[cur]["sentence_index"]):
            lead[row["article_id"]] = i
    return lead


def _same_person_links(rows: list[dict], lead: dict[str, int], people: dict[str, set[str]],
                       evidence: dict[str, list[str]],
                       titles: dict[str, str | None] | None = None) -> list[tuple[int, int]]:
    """Pairs of lead mentions whose articles name the same distinctive person.

    One shared name links two reports within `NAME_DATE_SLACK_DAYS` and with compatible counts
    when it is rare, or when a second name is shared too: a police chief or a reporter named
    in a handful of one city's reports is named in many, a victim in few.  Some shared names
    link them whatever their dates say (a trial or a funeral report dates its lead sentence by
    the hearing, and an early report gives a count before a victim died):

    - two rare names (the victim and the suspect, two victims), or `NAMES_ANY_DATE_ANY` names
      however common, unless both reports are the news of their own days more than
      `NAME_DATE_SLACK_DAYS` apart (`_news_of_two_days`) and neither is a follow-up story
      (`sitrep.merge.followups.is_follow_up`, by its headline or lead): the names two such
      reports share are a byline, a photo credit or a police chief's, not a case's;
    - a name that both articles' event sentences tell (`_told_names`: the victim or the killer,
      not the spokesman quoted beside them), with compatible counts, when one of the reports
      was placed in no province, or when the two name the same town and the name is rare, and
      they either give one count (`_one_count`) or date their events within
      `sitrep.merge.followups.FOLLOW_UP_MAX_DAYS` (an arrest a month on): a town's sheriff or
      mayor is told in the sentences of each of its shootings, and two of its shootings months
      apart with two death counts are two incidents.
    """
    by_name: dict[str, list[int]] = defaultdict(list)
    for article, i in lead.items():
        for name in people.get(article, ()):
            by_name[name].append(i)
    shared: dict[tuple[int, int], list[str]] = defaultdict(list)
    for name, members in by_name.items():
        provinces = {rows[i]["admin1"] for i in members if rows[i]["admin1"]}
        if len(members) < 2 or len(members) > NAME_MAX_ARTICLES or len(provinces) > 1:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                shared[(members[x], members[y])].append(name)
    told = _told_names(evidence, {rows[i]["article_id"] for pair in shared for i in pair})

    def news_of_steps(row: dict) -> bool:
        return is_follow_up((titles or {}).get(row["article_id"]), row["evidence"])

    links = []
    for (i, j), names in shared.items():
        a, b = rows[i], rows[j]
        if a["country"] and b["country"] and a["country"] != b["country"]:
            continue
        if a["date_start"] is None or b["date_start"] is None:
            continue  # "at any date" is whatever dates two reports give, never none
        rare = [n for n in names if len(by_name[n]) <= RARE_NAME_ARTICLES]
        compatible = _counts_compatible(a["fatalities_best"], b["fatalities_best"])
        both_told = [n for n in names if n in told[a["article_id"]] and n in told[b["article_id"]]]
        if ((len(rare) >= NAMES_ANY_DATE or len(names) >= NAMES_ANY_DATE_ANY)
                and not (_news_of_two_days(a, b) and not news_of_steps(a) and not news_of_steps(b))
                or (compatible and _overlap(a, b, NAME_DATE_SLACK_DAYS) and (rare or len(names) >= 2))
                or (compatible and both_told and (not a["admin1"] or not b["admin1"]))
                or (compatible and _same_town(a, b) and set(both_told) & set(rare)
                    and (_overlap(a, b, FOLLOW_UP_MAX_DAYS) or _one_count(a, b)))):
            links.append((i, j))
    return links


def _one_count(a: dict, b: dict) -> bool:
    """The two reports give one death count, or one of them gives none."""
    return a["fatalities_best"] is None or b["fatalities_best"] is None or a["fatalities_best"] == b["fatalities_best"]


FRESH_NEWS_DAYS = 1
"""A report dated to a day at most this many days before it was published is news of that day."""


def _fresh(row: dict) -> bool:
    """The report dates its event to one day, and is published that day or the next: the news of
    that day, not a story told weeks on.  The day may be read from the report's lead rather
    than its own sentence ("lead: Saturday night", a coarser precision): still one day, and
    still the news of it."""
    published, start = row.get("published_date"), row["date_start"]
    return (start is not None and row["date_start"] == row["date_end"] and published is not None
            and 0 <= (published - start).days <= FRESH_NEWS_DAYS)


def _news_of_two_days(a: dict, b: dict) -> bool:
    """Both reports are the news of their day (`_fresh`) and the days are more than
    `NAME_DATE_SLACK_DAYS` apart."""
    return _fresh(a) and _fresh(b) and abs((a["date_start"] - b["date_start"]).days) > NAME_DATE_SLACK_DAYS


def _evidence_of(rows: list[dict]) -> dict[str, list[str]]:
    """article -> the evidence of each of its mentions (its event sentences), in row order: what
    the clues, the names and the wording of an article are read in."""
    evidence: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        evidence[row["article_id"]].append(row["evidence"] or "")
    return evidence


def _told_names(evidence: dict[str, list[str]], articles: set[str]) -> dict[str, str]:
    """article -> the lower-case text of its event sentences (`_evidence_of`), in which a name
    of the article (`sitrep.nlp.people`) is looked up: a name there is part of what happened,
    one only in a quote's attribution or a byline is not."""
    return {article: "\n".join(evidence[article]).lower() for article in articles if article in evidence}


CLUE_MAX_SPAN_DAYS = 7
"""A report dated only within a wider range than this ("in December") shares no day with another."""


def _wide(row: dict) -> bool:
    return (row["date_end"] - row["date_start"]).days > CLUE_MAX_SPAN_DAYS


CLUE_TOWN_SLACK_DAYS = 2
"""Reports of one town and one count (or none) that share a clue may date the event this many
days apart: one dates a late-night shooting by the next day, another by the day it was found."""


def _same_town(a: dict, b: dict) -> bool:
    return bool(a["location"]) and a["location"] == b["location"]


def _province_wide(row: dict) -> bool:
    """The report is placed in its province and nowhere narrower ("Nevada", "New York" the state)."""
    return row["admin1"] is not None and (not row["location"] or row["location"] == row["admin1_name"])


PROVINCE_REPORT_WORDING = 0.2
"""Wording likeness (`sitrep.merge.clues.Wording`) from which a report placed only in its province
joins the one event of that province it can be: below `WORDING_LIKENESS`, which links reports
of one province on wording alone, since here being the only candidate is the other clue."""


def _province_report_candidates(rows: list[dict], lead: dict[str, int]) -> dict[int, list[int]]:
    """Lead mention placed only in its province -> the lead mentions placed in a town of that
    province that it can be the same event as: dates overlapping or a day apart, compatible
    counts, and the same sub-event type or the same count.  A report that names no town the
    geoparser could place ("one person in critical condition after a shooting downtown", from a
    Las Vegas outlet; the Lower East Side of "New York" read as the state) is otherwise never
    linked to its town's reports by place, which needs one town or one count of two or more."""
    by_province: dict[str, list[int]] = defaultdict(list)
    for i in lead.values():
        if rows[i]["admin1"] and rows[i]["date_start"] is not None and not _wide(rows[i]):
            by_province[rows[i]["admin1"]].append(i)
    out = {}
    for members in by_province.values():
        for i in members:
            a = rows[i]
            if not _province_wide(a):
                continue
            matches = [j for j in members if not _province_wide(rows[j])
                       and _overlap(a, rows[j], SAME_COUNT_SLACK_DAYS)
                       and _counts_compatible(a["fatalities_best"], rows[j]["fatalities_best"])
                       and (a["sub_event_type"] == rows[j]["sub_event_type"]
                            or a["fatalities_best"] is not None and a["fatalities_best"] == rows[j]["fatalities_best"])]
            if matches:
                out[i] = matches
    return out


def _join_province_reports(uf: _UnionFind, rows: list[dict], lead: dict[str, int], wording: Wording) -> None:
    """A report placed only in its province joins the event of that province its report can be
    (`_province_report_candidates`) when there is one such event only, once every other link is
    made, and their articles' wording is somewhat alike (`PROVINCE_REPORT_WORDING`).  Two
    events it could be, or one it already belongs to, leave it as it is: a province sees many
    shootings a day, and the report says nothing of which town's it tells."""
    for i, matches in _province_report_candidates(rows, lead).items():
        roots = {uf.find(j) for j in matches}
        if len(roots) != 1 or uf.find(i) in roots:
            continue
        if any(wording.likeness(rows[i]["article_id"], rows[j]["article_id"]) >= PROVINCE_REPORT_WORDING
               for j in matches):
            uf.union(i, matches[0])


TELLING_SHOT = 3
"""People shot (killed and wounded) in one incident, from which an equal toll of two reports of
one province and day is a particular of the incident ("seven shot" and "one killed, six
wounded"); two shot in one city on one day is common."""


def _shot(row: dict) -> int:
    return (row["fatalities_best"] or 0) + (row["injured"] or 0)


def _same_toll(a: dict, b: dict) -> bool:
    """Both reports count as many people shot, dead and wounded together, at least
    `TELLING_SHOT`, and one of them counts wounded (equal death tolls alone are no new clue);
    but not when one counts only deaths and the other only wounded ("four dead", "four
    wounded"): the same number then tells of different people."""
    if (not a["fatalities_best"] and not b["injured"]) or (not b["fatalities_best"] and not a["injured"]):
        return False
    return bool(a["injured"] or b["injured"]) and _shot(a) == _shot(b) >= TELLING_SHOT


def _town_in(words: frozenset[str], row: dict) -> bool:
    """The words of a headline (`sitrep.merge.clues.headline_words`) name the report's town."""
    if not row["location"] or _province_wide(row):
        return False
    town = headline_words(row["location"])
    return bool(town) and town <= words


EXACT_DAYS_APART = 1
"""Two reports dating their event to exact days further apart than this tell two incidents; a
day apart they may tell one (a shooting after midnight dated by the evening before, a
photo caption dated by the day the photo was taken)."""


def _two_days(a: dict, b: dict) -> bool:
    """Both reports date their event to an exact day, more than `EXACT_DAYS_APART` apart ("6 shot
    Sunday", "4 wounded Tuesday"), and do not give one death count: two incidents, whatever
    particulars their articles share (a city's roundups of two days share its wording and its
    victims' ages).  One count of deaths may still be one killing dated by the shooting and by
    the day the body was found."""
    if a["fatalities_best"] is not None and a["fatalities_best"] == b["fatalities_best"]:
        return False
    return (a["time_precision"] == 1 and b["time_precision"] == 1
            and abs((a["date_start"] - b["date_start"]).days) > EXACT_DAYS_APART)


def _corroborated_links(rows: list[dict], lead: dict[str, int], heads: dict[str, frozenset[str]],
                        wording: Wording, evidence: dict[str, list[str]],
                        home_of: dict[str, str] | None = None) -> list[tuple[int, int]]:
    """Pairs of lead mentions of one province and overlapping dates, with compatible counts, whose
    articles also share a particular of the incident: a victim's age, a street, much of their
    headlines' words, much of their distinctive wording (`sitrep.merge.clues.Wording`), or the
    number of people shot (`_same_toll`).  Province and day alone are
    not enough: a busy province sees several incidents a day, and its towns are often not named
    alike (a suburb, the city, the county).  Reports of the same town and the same count may be
    up to `CLUE_TOWN_SLACK_DAYS` apart.

    A lead with no province also joins the reports of a town its headline names (`_town_in`) up
    to `CLUE_TOWN_SLACK_DAYS` apart: a page that is its headline alone ("Crab festival shooting
    rocks the Williston community") is dated by the days before it was published, and its
    town, a namesake of several provinces', was placed nowhere.

    A lead with no province whose clues point to reports of several provinces keeps those of its
    outlet's home province (`home_of`: article -> the province of `sitrep.merge.outlets.outlet_homes`),
    if any: a Florida outlet's "two teens killed at a nightclub" is Florida's nightclub shooting
    of that day, not Ohio's two dead of the same day."""
    ages: dict[str, frozenset[int]] = {}
    streets: dict[str, frozenset[str]] = {}

    def ages_of(article: str) -> frozenset[int]:
        if article not in ages:  # only for articles with a candidate pair: reading counts costs
            ages[article] = ages_in(evidence[article])
        return ages[article]

    def particulars(a: dict, b: dict) -> bool:
        """The two leads' articles share an age, a street, much of a headline or of their wording."""
        ia, ib = a["article_id"], b["article_id"]
        for article in (ia, ib):
            if article not in streets:
                streets[article] = streets_in(evidence[article])
        return bool(headlines_alike(heads[ia], heads[ib]) or ages_of(ia) & ages_of(ib) or streets[ia] & streets[ib]
                    or wording.likeness(ia, ib) >= WORDING_LIKENESS)

    by_province: dict[str, list[int]] = defaultdict(list)
    for i in lead.values():
        if rows[i]["admin1"] and rows[i]["date_start"] is not None:
            by_province[rows[i]["admin1"]].append(i)
    links = []
    # a lead event with no province joins one of the same day and country on the same clues,
    # or on the same count of two or more, or one that names the same town (placed in no
    # province, or abroad, by a namesake: "Lebanon", Tennessee), when they point to a single
    # province
    placed = [i for members in by_province.values() for i in members]
    for i in lead.values():
        a = rows[i]
        if a["admin1"] or a["date_start"] is None:
            continue
        named = heads[a["article_id"]]
        matches = [
            j for j in placed
            if _counts_compatible(a["fatalities_best"], rows[j]["fatalities_best"])
            and (_overlap(a, rows[j], CLUE_TOWN_SLACK_DAYS) and _town_in(named, rows[j])
                 or _overlap(a, rows[j]) and (_same_town(a, rows[j]) or (
                     (not a["country"] or a["country"] == rows[j]["country"])
                     and (a["fatalities_best"] is not None and a["fatalities_best"] == rows[j]["fatalities_best"] >= TELLING_COUNT
                          or particulars(a, rows[j])))))
        ]
        home = (home_of or {}).get(a["article_id"])
        if len({rows[j]["admin1"] for j in matches}) > 1 and home:
            # reports of several provinces fit: the one of the outlet's home province is this one's
            matches = [j for j in matches if rows[j]["admin1"] == home]
        if len({rows[j]["admin1"] for j in matches}) == 1:
            links.extend((i, j) for j in matches)
    for members in by_province.values():
        members.sort(key=lambda i: rows[i]["date_start"])
        for x in range(len(members)):
            a = rows[members[x]]
            for y in range(x + 1, len(members)):
                b = rows[members[y]]
                if (b["date_start"] - a["date_end"]).days > CLUE_TOWN_SLACK_DAYS:
                    break
                if not _counts_compatible(a["fatalities_best"], b["fatalities_best"]):
                    continue
                if not _overlap(a, b) and not (_same_town(a, b) and a["fatalities_best"] == b["fatalities_best"]):
                    continue
                if _wide(a) or _wide(b):
                    continue  # a month's range overlaps every event of that month: no day to share
                if _two_days(a, b):
                    continue
                if particulars(a, b) or _same_toll(a, b):
                    links.append((members[x], members[y]))
    return links


def _relocations(rows: list[dict], lead: dict[str, int], people: dict[str, set[str]],
                 heads: dict[str, frozenset[str]], places: dict[str, dict[str, frozenset[str]]]) -> dict[str, tuple[str, int]]:
    """Articles whose lead event is another article's lead event placed in another province:
    article -> (its province, the lead whose place it takes).

    The two leads must have compatible counts and share a distinctive name within a day, or
    name the same town, or tell much of one headline, or give the same count while one article
    names the other's town in the other's province (any compatible count, when that article
    placed its lead in its province alone), on overlapping dates.  The article that
    moves is the one whose province the places of both articles back less (its own town
    aside, `sitrep.merge.placing`); on a tie neither does, and an article pointed at two other
    provinces keeps its own."""
    leads = sorted((i for i in lead.values() if rows[i]["admin1"] and rows[i]["date_start"] is not None),
                   key=lambda i: rows[i]["date_start"])
    named: dict[str, int] = defaultdict(int)
    for names in people.values():
        for name in names:
            named[name] += 1
    def weight(i: int, pair: tuple[str, str]) -> tuple[int, int]:
        row = rows[i]
        return (evidence([places.get(a) for a in pair], row["admin1"]),
                support(places.get(row["article_id"]), row["admin1"], row["location"]))

    targets: dict[str, set[int]] = defaultdict(set)
    for x, i in enumerate(leads):
        a = rows[i]
        for j in leads[x + 1:]:
            b = rows[j]
            if (b["date_start"] - a["date_end"]).days > MOVE_NAME_SLACK_DAYS:
                break
            if a["admin1"] == b["admin1"] or not _counts_compatible(a["fatalities_best"], b["fatalities_best"]):
                continue
            pair = (a["article_id"], b["article_id"])
            names = {n for n in people.get(pair[0], set()) & people.get(pair[1], set()) if named[n] <= NAME_MAX_ARTICLES}
            if not names:
                if not _overlap(a, b):
                    continue
                town = a["location"] and b["location"] and a["location"].lower() == b["location"].lower()
                # one report names, somewhere, the other's town in the other's province while
                # nothing but its own town backs its own, and both give the same count (or
                # none): the town it was placed in may be a namesake.  A report placed in its
                # province alone needs no equal count: its province may be no more than the
                # victim's home ("a 24-year-old Georgia woman") and its count the first one told
                same = a["fatalities_best"] == b["fatalities_best"]
                names_it = ((same or _province_wide(a)) and _names_other_town(places.get(pair[0]), a, b)
                            or (same or _province_wide(b)) and _names_other_town(places.get(pair[1]), b, a))
                if not town and not names_it and not headlines_alike(heads[pair[0]], heads[pair[1]], MOVE_HEADLINE_OVERLAP):
                    continue
            wa, wb = weight(i, pair), weight(j, pair)
            if wa != wb:
                weak, firm = (i, j) if wa < wb else (j, i)
                targets[rows[weak]["article_id"]].add(firm)
    out = {}
    for article, firm in targets.items():
        if len({rows[i]["admin1"] for i in firm}) == 1:
            out[article] = (rows[lead[article]]["admin1"], min(firm, key=lambda i: _place_rank(rows[i])))
    return out


def _names_other_town(names: dict[str, frozenset[str]] | None, own: dict, other: dict) -> bool:
    """The article of lead `own` resolved `other`'s town into `other`'s province, and no place
    of it but its own town lies in its own province (`sitrep.merge.placing.support`): its place
    rests on that one name.  A report firmly placed that names another town is telling of two
    incidents (the day's other bombing), not misplaced."""
    return (names_town(names, other["admin1"], other["location"])
            and support(names, own["admin1"], own["location"]) == 0)


def relocate(rows: list[dict], lead: dict[str, int], people: dict[str, set[str]], heads: dict[str, frozenset[str]],
             places: dict[str, dict[str, frozenset[str]]]) -> dict[str, dict]:
    """mention_id -> the mention whose place it takes (see `_relocations`): every mention of a
    moving article that lies in its lead's province, since nothing but that town placed them."""
    moving = _relocations(rows, lead, people, heads, places)
    moves = {}
    for row in rows:
        if row["article_id"] in moving:
            province, firm = moving[row["article_id"]]
            if row["admin1"] == province:
                moves[row["mention_id"]] = rows[firm]
    return moves


ROUNDUP_MIN_REPORTS = 2
"""A roundup tells at least this many reports (place, deaths, wounded) that differ: a single
incident's report with "shootings" in its headline ("Teen killed in party shootings") tells one."""

_ROUNDUP = re.compile(r"\b(?:separate|different|unrelated) (?:shootings|incidents|attacks)\b", re.IGNORECASE)


def _roundups(rows: list[dict], heads: dict[str, frozenset[str]]) -> set[str]:
    """Articles that report several separate shootings (a city's weekend toll, "6 shot Sunday in
    Chicago"): their headline says "shootings", or a sentence tells of separate shootings, and
    their reports differ in place or toll (`ROUNDUP_MIN_REPORTS`).

    A roundup's reports are told in a line each, with few particulars, and within the article
    they are easily joined into one (a sentence read as continuing the one before): linked
    one by one, a roundup chains two incidents of one city and day into one event.  So its lead
    links as any article's, and its other reports join another article's event only if all of
    them point to the same one."""
    told = {article for article, words in heads.items() if "shootings" in words}
    told.update(row["article_id"] for row in rows if _ROUNDUP.search(row["evidence"] or ""))
    tolls: dict[str, set] = defaultdict(set)
    for row in rows:
        if row["article_id"] in told and not row["is_aggregate"]:
            tolls[row["article_id"]].add((row["location"], row["fatalities_best"], row["injured"]))
    return {article for article, seen in tolls.items() if len(seen) >= ROUNDUP_MIN_REPORTS}


def _roundup_and_report_disagree(a: dict, b: dict, roundups: set[str]) -> bool:
    """One of the two reports is a roundup's (`_roundups`) and only one of them counts deaths:
    "four wounded in shootings Tuesday" across a city and "four dead in a restaurant" of that
    city and day are two of its incidents, and a roundup's place (the city) says nothing of
    which.  Linked by place alone, the roundup would bridge them."""
    return ((a["article_id"] in roundups or b["article_id"] in roundups)
            and (a["fatalities_best"] is None) != (b["fatalities_best"] is None))


def _cluster(rows: list[dict], story_of: dict[str, str], lead: dict[str, int], people: dict[str, set[str]],
             heads: dict[str, frozenset[str]], evidence: dict[str, list[str]], wording: Wording,
             titles: dict[str, str | None] | None = None, home_of: dict[str, str] | None = None) -> list[int]:
    uf = _UnionFind([row["admin1"] for row in rows])
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_article[row["article_id"]].append(i)
    index_of = {(row["article_id"], row["mention_id"]): i for i, row in enumerate(rows)}
    for article, members in by_article.items():
        for i in members:
            antecedent = rows[i].get("antecedent_id")
            if antecedent and (article, antecedent) in index_of:
                j = index_of[(article, antecedent)]
                if rows[i]["is_aggregate"] == rows[j]["is_aggregate"]:
                    uf.union(i, j)
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                if same_event_in_article(rows[members[x]], rows[members[y]]):
                    uf.union(members[x], members[y])
        for x, i in enumerate(members):
            before = _death_of_one_told(rows, members[:x], rows[i])
            if before is not None:
                uf.union(before, i)
    # the same sentence in two copies of one wire story is one event, whatever the dates say
    by_story: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        story = story_of.get(row["article_id"])
        if story is not None:
            by_story[story].append(i)
    for members in by_story.values():
        if len({rows[i]["article_id"] for i in members}) < 2:
            continue
        for x in range(len(members)):
            a = rows[members[x]]
            for y in range(x + 1, len(members)):
                b = rows[members[y]]
                if a["article_id"] != b["article_id"] and a["is_aggregate"] == b["is_aggregate"] and same_sentence(a["evidence"], b["evidence"]):
                    uf.union(members[x], members[y])
    # links between other articles' reports and a roundup's reports other than its lead wait
    # until all the rest are made (see `_roundups`)
    roundups = _roundups(rows, heads)
    deferred: list[tuple[int, int]] = []
    leads = {lead[a] for a in roundups if a in lead}

    def link(i: int, j: int) -> None:
        if (rows[i]["article_id"] in roundups) != (rows[j]["article_id"] in roundups) and not ({i, j} & leads):
            deferred.append((i, j))
        else:
            uf.union(i, j)

    sentence_ages: dict[str, frozenset[int]] = {}

    def told_ages(row: dict) -> frozenset[int]:
        """The ages a report's sentence states, else those of its article's lead when the article
        is no roundup (a later sentence of one story tells of the same victims)."""
        texts = [row["evidence"]]
        if row["article_id"] in lead and row["article_id"] not in roundups:
            texts.append(rows[lead[row["article_id"]]]["evidence"])
        for text in texts:
            if text not in sentence_ages:
                sentence_ages[text] = ages_in([text])
            if sentence_ages[text]:
                return sentence_ages[text]
        return frozenset()

    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        key = ("agg", row["victims"]) if row["is_aggregate"] else (row["admin1"],)
        if row["is_aggregate"] or row["admin1"]:
            blocks[key].append(i)
    for members in blocks.values():
        members.sort(key=lambda i: rows[i]["date_start"] or date.min)
        for x in range(len(members)):
            a = rows[members[x]]
            for y in range(x + 1, len(members)):
                b = rows[members[y]]
                if b["date_start"] and a["date_end"] and (b["date_start"] - a["date_end"]).days > WIDEST_SLACK_DAYS:
                    break
                if a["article_id"] != b["article_id"] and same_event_across_articles(a, b):
                    if _roundup_and_report_disagree(a, b, roundups) or _ages_disagree(a, b, told_ages):
                        continue
                    link(members[x], members[y])
    for i, j in _same_person_links(rows, lead, people, evidence, titles):
        link(i, j)
    for i, j in _corroborated_links(rows, lead, heads, wording, evidence, home_of):
        link(i, j)
    for i, j in follow_up_links(rows, lead, people, evidence, titles or {}, _counts_compatible):
        link(i, j)
    for i, j in later_death_links(rows, lead):
        link(i, j)
    # a roundup's event joins another article's event only when all its deferred links lead to
    # one: a roundup is never the bridge between two other articles' events
    bridged: dict[int, set[int]] = defaultdict(set)
    for i, j in deferred:
        if rows[i]["article_id"] not in roundups:
            i, j = j, i
        bridged[uf.find(i)].add(uf.find(j))
    for root, targets in bridged.items():
        if len(targets - {root}) == 1:
            uf.union(root, next(iter(targets - {root})))
    _join_province_reports(uf, rows, lead, wording)
    return [uf.find(i) for i in range(len(rows))]


def _wording(evidence: dict[str, list[str]], titles: dict[str, str | None]) -> Wording:
    """Each article's event sentences and headline, weighed against all the articles merged."""
    return Wording({article: [*sentences, titles.get(article) or ""] for article, sentences in evidence.items()})


def _moved_rows(rows: list[dict], moves: dict[str, dict]) -> list[dict]:
    """`rows` with each mention in ``moves`` placed where its move takes it."""
    return [moved(row, moves[row["mention_id"]]) if row["mention_id"] in moves else row for row in rows]


def _place_unplaced(members: list[dict], moves: dict[str, dict]) -> None:
    """Mentions of an event with no province (a follow-up sentence, a report that named no
    place) take the event's place, when they name no other country: the event's row already
    says where it happened, and its reports should agree."""
    placed = min(members, key=_place_rank)
    if placed["admin1"] is None:
        return
    for k, m in enumerate(members):
        if m["admin1"] is None and m["country"] in (None, placed["country"]):
            moves[m["mention_id"]] = placed
            members[k] = moved(m, placed)


def _place_at_home(members: list[dict], moves: dict[str, dict], hosts: dict[str, str | None],
                   homes: dict[str, str], gazetteer, titles: dict[str, str | None] | None = None) -> None:
    """An event that no report places in a province lies in its outlets' home province
    (`sitrep.merge.outlets`), if they have one; period totals keep the width they were told."""
    if any(m["admin1"] for m in members):
        return
    home = home_place(members, hosts, homes, gazetteer, titles)
    if home is None:
        return
    for k, m in enumerate(members):
        if not m["is_aggregate"]:
            moves[m["mention_id"]] = home
            members[k] = moved(m, home)


_COUNTY_WORDS = (" County", " Parish")


def _town_of_state(members: list[dict], moves: dict[str, dict], gazetteer,
                   titles: dict[str, str | None] | None = None) -> None:
    """An event whose reports put it in a US state or county and no town ("Florida" from a line
    of the page, the headline's "Hialeah" unread; the "Jackson County" of its sheriff) lies in
    the town of that state its headlines or sentences name (`sitrep.merge.outlets.town_told`):
    the story is told in a town."""
    placed = min(members, key=_place_rank)
    if placed["country"] != "US" or placed["admin1"] is None or not placed["location"]:
        return
    wide = {placed["location"]} if placed["location"] == placed["admin1_name"] else set()
    if not wide and placed["location"].endswith(_COUNTY_WORDS):
        wide = {placed["location"]}
    wide.add(placed["admin1_name"])
    if placed["location"] not in wide or any(
            m["admin1"] == placed["admin1"] and m["location"] not in wide for m in members):
        return
    town = town_told(placed["admin1"], members, gazetteer, titles)
    if town is None:
        return
    to = as_place(town)
    for k, m in enumerate(members):
        if m["admin1"] == placed["admin1"] and m["location"] in wide and not m["is_aggregate"]:
            moves[m["mention_id"]] = to
            members[k] = moved(m, to)


def _towns_of_province_reports(rows: list[dict], gazetteer, titles: dict[str, str | None] | None) -> dict[str, dict]:
    """mention_id -> the town it takes, for the articles all of whose reports in a US state lie
    in the state or a county of it while their headline or sentences name a town of it
    (`_town_of_state`, article by article): placed in that town before the merge, such a report
    joins the town's other reports of the incident by place, as it would only after it."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_article[row["article_id"]].append(row)
    moves: dict[str, dict] = {}
    for members in by_article.values():
        _town_of_state(members, moves, gazetteer, titles)
    return moves


def _possible_dates(members: list[dict]) -> list[dict]:
    """The mentions whose date the event can have: an event happened by the time the first
    report of it was published, so a later report's date that starts after that (a trial, a
    funeral, a follow-up read as the day of the attack) cannot be the event's, however precise."""
    published = [m["published_date"] for m in members if m.get("published_date") is not None]
    if not published:
        return members
    first = min(published)
    possible = [m for m in members if m["date_start"] is not None and m["date_start"] <= first]
    return possible or members


def _date_rank(row: dict) -> tuple:
    length = (row["date_end"] - row["date_start"]).days if row["date_start"] else 10**6
    return (row["date_expression"] is None, row["time_precision"] or 9, length)


def _place_rank(row: dict) -> tuple:
    return (row["country"] is None, row["admin1"] is None, row["geo_precision"] or 9)


def _event_id(first_mention_id: str, salt: int = 0) -> str:
    key = first_mention_id if not salt else f"{first_mention_id}#{salt}"
    return "ev-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def assign_event_ids(clusters: list[list[dict]], previous: dict[str, str]) -> list[str]:
    """One id per cluster: the id most of its mentions had before (`previous` maps mention_id
    to event_id), else a new one from its first mention.  Larger clusters choose first, so
    when an old event splits, its id stays with the bigger part; ids never repeat."""
    ids: list[str | None] = [None] * len(clusters)
    taken: set[str] = set()
    order = sorted(range(len(clusters)), key=lambda k: (-len(clusters[k]), clusters[k][0]["mention_id"]))
    for k in order:
        votes: dict[str, int] = defaultdict(int)
        for m in clusters[k]:
            old = previous.get(m["mention_id"])
            if old:
                votes[old] += 1
        for old, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
            if old not in taken:
                ids[k] = old
                taken.add(old)
                break
    reserved = taken | set(previous.values())  # a retired id is never given to another event
    for k in order:
        if ids[k] is None:
            salt = 0
            while (candidate := _event_id(clusters[k][0]["mention_id"], salt)) in reserved:
                salt += 1
            ids[k] = candidate
            reserved.add(candidate)
    return ids  # type: ignore[return-value]


def merge_mentions(
    mentions: pl.DataFrame,
    outlets: dict[str, str | None] | None = None,
    story_of: dict[str, str] | None = None,
    previous: dict[str, str] | None = None,
    people: dict[str, set[str]] | None = None,
    titles: dict[str, str | None] | None = None,
    places: dict[str, dict[str, frozenset[str]]] | None = None,
    hosts: dict[str, str | None] | None = None,
    gazetteer=None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Assign `event_id` to every mention and build the `events` table.

    `outlets` maps article_id to its outlet, for `n_outlets`; `story_of` maps article_id to
    its near-duplicate story (see `sitrep.merge.duplicates`); `previous` maps mention_id to
    the event_id the last run gave it (see the module docstring); `people` maps article_id to
    the full names it mentions (`sitrep.nlp.people`); `titles` maps article_id to its headline
    (`sitrep.merge.clues`); `places` maps article_id to the place names it resolved per province
    (`sitrep.merge.placing.place_names`), without which no mention changes place; `hosts` maps
    article_id to its outlet's web host (`sitrep.text.sources.outlet_host`), with which (and
    the `gazetteer`) a weakly placed report takes its outlet's home province.
    """
    outlets = outlets or {}
    story_of = story_of or {}
    previous = previous or {}
    if mentions.is_empty():
        return mentions.with_columns(pl.lit(None, pl.String).alias("event_id")), schema.empty_frame(schema.EVENTS)
    rows = mentions.sort(["published_date", "article_id", "sentence_index", "mention_id"], nulls_last=True).to_dicts()
    people = people or {}
    # each article's lead event, for the links between articles' leads: a move changes a
    # mention's place, never which mention leads
    lead = lead_mentions(rows)
    masthead = mastheads((titles or {}).values())
    heads = {article: headline_words((titles or {}).get(article), masthead) for article in lead}
    homes = outlet_homes(rows, lead, hosts) if places is not None and hosts and gazetteer is not None else {}
    moves = namesake_moves(rows, lead, hosts, homes, places, gazetteer) if homes else {}
    shifted = {rows[i]["article_id"]: (rows[i]["admin1"], moves[rows[i]["mention_id"]]["admin1"])
               for i in lead.values() if rows[i]["mention_id"] in moves}
    backed = with_homes(places, hosts, shifted) if shifted else places
    rows = _moved_rows(rows, moves)
    relocated = relocate(rows, lead, people, heads, backed) if places is not None else {}
    rows = _moved_rows(rows, relocated)
    moves.update(relocated)
    if homes:
        abroad = namesake_moves(rows, lead, hosts, homes, places, gazetteer, province=True)
        rows = _moved_rows(rows, abroad)
        moves.update(abroad)
    if gazetteer is not None and places is not None:
        told = _towns_of_province_reports(rows, gazetteer, titles)
        rows = _moved_rows(rows, told)
        moves.update(told)
    evidence = _evidence_of(rows)
    home_of = {article: homes[hosts[article]] for article in lead if hosts and hosts.get(article) in homes}
    roots = _cluster(rows, story_of, lead, people, heads, evidence, _wording(evidence, titles or {}), titles, home_of)
    clusters: dict[int, list[dict]] = defaultdict(list)
    for root, row in zip(roots, rows):
        clusters[root].append(row)
    if places is not None:
        for members in clusters.values():
            _place_unplaced(members, moves)
        if hosts and gazetteer is not None:
            # the outlets' homes as the reports now lie, their unplaced mentions placed by their events
            placed = {m["mention_id"]: m for members in clusters.values() for m in members}
            unplaced_homes = outlet_homes([placed.get(r["mention_id"], r) for r in rows], lead, hosts,
                                          UNPLACED_HOME_MIN_REPORTS)
            for members in clusters.values():
                _place_at_home(members, moves, hosts, unplaced_homes, gazetteer, titles)
        if gazetteer is not None:
            for members in clusters.values():
                _town_of_state(members, moves, gazetteer, titles)
    events = []
    event_of: dict[str, str] = {}
    groups = list(clusters.values())
    for members, event_id in zip(groups, assign_event_ids(groups, previous)):
        first = members[0]
        for m in members:
            event_of[m["mention_id"]] = event_id
        dated = min(_possible_dates(members), key=_date_rank)
        placed = min(members, key=_place_rank)
        counted = [m for m in members if m["fatalities_best"] is not None]
        conservative = min(counted, key=lambda m: m["fatalities_best"]) if counted else None
        typed = conservative or first
        articles = {m["article_id"] for m in members}
        events.append({
            "event_id": event_id,
            "event_date": dated["event_date"], "date_start": dated["date_start"], "date_end": dated["date_end"],
            "time_precision": dated["time_precision"],
            "event_type": typed["event_type"], "sub_event_type": typed["sub_event_type"],
            "actor1": typed["actor1"] or next((m["actor1"] for m in members if m["actor1"]), None),
            "actor2": typed["actor2"] or next((m["actor2"] for m in members if m["actor2"]), None),
            "country": placed["country"], "admin1": placed["admin1"], "admin1_name": placed["admin1_name"],
            "location": placed["location"], "latitude": placed["latitude"], "longitude": placed["longitude"],
            "geo_precision": placed["geo_precision"],
            "fatalities": conservative["fatalities_best"] if conservative else None,
            "fatalities_low": min(m["fatalities_low"] for m in counted) if counted else None,
            "fatalities_high": max((m["fatalities_high"] or m["fatalities_best"]) for m in counted) if counted else None,
            "victims": conservative["victims"] if conservative else None,
            "n_mentions": len(members), "n_articles": len(articles),
            "n_outlets": len({outlets.get(a) for a in articles if outlets.get(a)}),
            "is_aggregate": bool(first["is_aggregate"]),
        })
    assigned = mentions.with_columns(
        pl.col("mention_id").replace_strict(event_of, default=None, return_dtype=pl.String).alias("event_id")
    )
    if moves:
        new_places = pl.DataFrame(
            [{"mention_id": mid, **{c: to[c] for c in PLACE_COLUMNS}} for mid, to in moves.items()],
            schema={"mention_id": pl.String, **{c: assigned.schema[c] for c in PLACE_COLUMNS}},
        )
        assigned = assigned.update(new_places, on="mention_id", include_nulls=True)
    frame = schema.conform(pl.DataFrame(events, infer_schema_length=None), schema.EVENTS).sort("event_id")
    return assigned, frame
