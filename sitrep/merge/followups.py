"""Follow-up stories: an arrest, a charge, a plea, a funeral reported days or weeks on, or a
death reported the day after the shooting.

A follow-up story often dates its lead sentence by its own news ("charged Tuesday in the fatal
shooting of ...", "police arrested the mother of ...") or by nothing, so the merger
(`sitrep.merge.events`) sees a report of one town a week or more after the shooting it is
about: too far apart for the links that need overlapping dates, and its date is no clue at all.
What still ties it to the first reports is a particular of the incident both tell: a person
named in few articles (the victim, the suspect), or a victim's age.

A report is a follow-up when its headline or its lead sentence tells a step of justice or of
mourning (`FOLLOW_UP_WORDS`) and its lead date is no more than the story's own day
(`dated_by_story`).  Reports of one town dated by the story without such words are no
follow-ups: a second shooting of the same town a few weeks on shares an age or a name with the
first as easily (measured on gva_dev: dropping the words merges a dozen other incidents).

A follow-up that is a page with nothing but its headline ("Three men arrested in connection
with shooting of police officer") names no one and no age; it joins the shooting its town had
in the month before it when the town's reports of that month all tell one day.  (Asked of every
follow-up, that rule merged ten incidents too many on gva_dev: a story's text names its own.)
"""

from __future__ import annotations

import re

from sitrep.merge.clues import ages_in
from sitrep.schema import HEADLINE_SENTENCE

FOLLOW_UP_WORDS = re.compile(
    r"\b(?:arrest(?:s|ed)?|charg(?:e|es|ed)|indict(?:ed|ment)|arraign(?:ed|ment)|plead(?:s|ed)?|pleas?|guilty"
    r"|sentenc(?:e|ed|ing)|convict(?:ed|ion)|trial|jury|jurors?|judge|court|hearing|bail|bond|prosecutors?"
    r"|mistrial|acquitt(?:ed|al)|funeral|vigil|mourn(?:s|ed|ers)?|memorial|lawsuit|sues|sued)\b",
    re.IGNORECASE,
)
"""Words of the news a follow-up story tells: a step of justice, a funeral, a vigil, a lawsuit."""

FOLLOW_UP_MAX_DAYS = 30
"""A follow-up story dated by its own day joins a report of its town at most a month older:
further on, one town's reports sharing an age ("a 3-year-old") or a name tell other incidents
as often as the same one."""

FOLLOW_UP_NAME_ARTICLES = 4
"""A name shared by a follow-up and an earlier report must be in at most this many articles (a
rare one, as `sitrep.merge.events.RARE_NAME_ARTICLES`): a judge or a police chief is in many."""

STORY_DAY_SLACK_DAYS = 1
"""A lead date within this many days of publication is the day of the story, not of the event."""


def is_follow_up(title: str | None, lead_evidence: str | None) -> bool:
    """Whether the headline or the lead sentence tells the news of a follow-up story."""
    return bool(FOLLOW_UP_WORDS.search(title or "") or FOLLOW_UP_WORDS.search(lead_evidence or ""))


def dated_by_story(row: dict) -> bool:
    """The report's date is only the day of the story: it gives no date of its own, or one read
    from the story's lead or report ("lead: Tuesday", "reported Thursday"), or one within
    `STORY_DAY_SLACK_DAYS` of the day it was published."""
    expression = row["date_expression"]
    if expression is None or expression.startswith(("lead:", "reported")):
        return True
    published, start = row.get("published_date"), row["date_start"]
    return published is not None and start is not None and abs((published - start).days) <= STORY_DAY_SLACK_DAYS


def follow_up_links(rows: list[dict], lead: dict[str, int], people: dict[str, set[str]],
                    evidence: dict[str, list[str]], titles: dict[str, str | None],
                    compatible) -> list[tuple[int, int]]:
    """Pairs of lead mentions (indexes into `rows`, as `lead` maps each article to its lead): a
    follow-up story's lead (`is_follow_up`, `dated_by_story`) and a lead of the same province and
    town dated before it, at most `FOLLOW_UP_MAX_DAYS` earlier, with compatible death counts
    (`compatible(a, b)`), whose articles name the same rare person (`people`, a name in at most
    `FOLLOW_UP_NAME_ARTICLES` articles) or whose event sentences (`evidence`) state the same age."""
    named: dict[str, int] = {}
    for article in lead:
        for name in people.get(article, ()):
            named[name] = named.get(name, 0) + 1
    by_town: dict[tuple[str, str], list[int]] = {}
    for i in lead.values():
        row = rows[i]
        if row["admin1"] and row["location"] and row["date_start"] is not None and not row["is_aggregate"]:
            by_town.setdefault((row["admin1"], row["location"]), []).append(i)
    ages: dict[str, frozenset[int]] = {}

    def ages_of(article: str) -> frozenset[int]:
        if article not in ages:  # reading counts costs: only for articles with a candidate pair
            ages[article] = ages_in(evidence.get(article, ()))
        return ages[article]

    links = []
    for article, f in lead.items():
        a = rows[f]
        if (a["is_aggregate"] or not a["admin1"] or not a["location"] or a["date_start"] is None
                or not dated_by_story(a) or not is_follow_up(titles.get(article), a["evidence"])):
            continue
        candidates = []
        for j in by_town.get((a["admin1"], a["location"]), ()):
            b = rows[j]
            if j == f or b["article_id"] == article or not b["date_start"] < a["date_start"]:
                continue
            if (a["date_start"] - b["date_end"]).days > FOLLOW_UP_MAX_DAYS:
                continue
            if not compatible(a["fatalities_best"], b["fatalities_best"]):
                continue
            candidates.append(j)
            other = b["article_id"]
            rare = any(named[n] <= FOLLOW_UP_NAME_ARTICLES for n in people.get(article, set()) & people.get(other, set()))
            if rare or ages_of(article) & ages_of(other):
                links.append((f, j))
        if a["sentence_index"] == HEADLINE_SENTENCE and candidates and _one_day(rows, candidates):
            links.append((f, candidates[0]))  # a page that is only a headline names no one
    return links


def _one_day(rows: list[dict], members: list[int]) -> bool:
    """Whether the reports all tell one day (within `STORY_DAY_SLACK_DAYS`): the only shooting
    of a town in the month before a follow-up told by its headline alone is the one it is about."""
    starts = [rows[j]["date_start"] for j in members]
    return (max(starts) - min(starts)).days <= STORY_DAY_SLACK_DAYS


LATER_DEATH = re.compile(r"\b(?:died|dies|succumbed|pronounced dead)\b", re.IGNORECASE)
"""A death told with its own day: a man shot late Friday "died Saturday" or "was pronounced
dead on Saturday", so the report dates the incident by the next day."""


def later_death_links(rows: list[dict], lead: dict[str, int]) -> list[tuple[int, int]]:
    """Pairs of lead mentions of one province and town, each dated to a day, the second a day
    after the first with the same death count told by a death (`LATER_DEATH`): one report
    dates the shooting, the other the death that followed it.  (Two reports each giving an
    exact day are otherwise never joined across days, `sitrep.merge.events`.)"""
    by_town: dict[tuple[str, str], list[int]] = {}
    for i in lead.values():
        row = rows[i]
        if (row["admin1"] and row["location"] and row["time_precision"] == 1 and row["date_start"] is not None
                and not row["is_aggregate"] and row["fatalities_best"]):
            by_town.setdefault((row["admin1"], row["location"]), []).append(i)
    links = []
    for members in by_town.values():
        for i in members:
            for j in members:
                a, b = rows[i], rows[j]
                if ((b["date_start"] - a["date_start"]).days == 1 and a["article_id"] != b["article_id"]
                        and a["fatalities_best"] == b["fatalities_best"] and LATER_DEATH.search(b["evidence"] or "")):
                    links.append((i, j))
    return links
