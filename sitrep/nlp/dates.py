"""When things happened, read against the day the article was published.

Three jobs, all pure functions:

* `publication_date_from_text(text)` finds a dateline near the top of an article ("Tue 05 Jul
  2016", "Aug. 25th, 2017", "Published July 4 2015", "24.08.2013(updated ...)") for
  articles whose metadata has no date.  Candidates are found by regular expressions over
  the first ~600 characters only (this runs for every article, so there is no free-text
  date search over the whole body) and never come from photo captions.
* `resolve_expression(expr, published)` turns "on Sunday", "last week", "this month",
  "in 48 hours", "late last month", "on August 21" into a `DateRange` with ACLED's time
  precision (1 day, 2 within a week, 3 a month or wider).  A range never ends after the
  publication date: news reports what has happened.
* `find_date_expressions(sentence)` lists the expressions `resolve_expression`
  understands, so a caller can pick the one nearest its event verb.

`is_future_or_hypothetical(sentence)` flags "would launch an attack within weeks": future
and hypothetical events are not events (SPEC §3).

Rules that need a choice, and why (ACLED codes a range with its precision rather than
inventing a day):

* Weekdays: "on Sunday", "late Tuesday", "Monday night", "Tuesday's strikes" are the most
  recent such day on or before publication: a Monday article's "on Monday" is that day,
  its "on Sunday" the day before.  "Last Friday" is strictly before publication.
* "Last week" is the previous calendar week, Monday to Sunday (a Friday 2017-08-25 article
  gives 2017-08-14..2017-08-20): a finished, named week.  "This week" is the seven days
  ending on publication day (the same article gives 2017-08-19..2017-08-25): the current
  calendar week may have barely begun, and writers use "this week" for the days just
  past.  "In a week of strikes", "over the past week" are the seven days before
  publication day (a Monday 2017-08-21 report gives 2017-08-14..2017-08-20): a completed
  week reported on the day after.  All precision 2.
* "In 48 hours", "in the past 24 hours", "over the past two days": N hours reach back
  ceil(N/24) days, N days reach back N days, and the range ends on publication day
  ("48 hours of clashes" published 2014-08-22 gives 2014-08-20..2014-08-22); precision 2
  up to a week, 3 beyond.
* Month words: "this month" is the 1st to publication; "last month" the previous calendar
  month; "early/mid/late last month" its days 1-10, 11-20 and 21-end; "over the past three
  months" reaches back three calendar months to the same day.  All precision 3.
* "Overnight" is the night before publication: the previous day and publication day,
  precision 2.
* Explicit dates without a year ("on August 21", "5 July") take the latest such date not
  after publication; with a year they are kept only if not after publication.  "In August"
  is that month (the latest not after publication), clipped to publication day.  A bare
  month word is a month only between a determiner and an event noun ("an April shooting").
* Holidays ("on Christmas Eve", "the Easter morning shooting", Thanksgiving) are their latest
  day not after publication.
* "Since early Wednesday", "since September 2015", "since 2014" run from the start of what
  they name to publication; precision from the span (1 day, within a week, wider).
* "In recent days" is the three days before publication up to it, precision 2: news says it
  of the days just past, and a week back would code a "recent" toll to days before it.
* "Recently", "in recent weeks/months", "earlier", "the day before", "that day" are
  not resolved (None): they are anchored to nothing, or to another event, and a wrong
  range is worse than none; the caller falls back on the sentence's context.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta
from text_to_num import text2num

__all__ = [
    "DateRange",
    "publication_date_from_text",
    "find_dateline",
    "resolve_expression",
    "find_date_expressions",
    "is_future_or_hypothetical",
]


@dataclass(frozen=True)
class DateRange:
    """A resolved date expression: the event happened between start and end (inclusive)."""

    start: date
    end: date
    precision: int
    expression: str


# --------------------------------------------------------------------------------------
# Shared vocabulary
# --------------------------------------------------------------------------------------

_MONTH_NUM = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH_NUM.update({abbr.lower(): i for i, abbr in enumerate(calendar.month_abbr) if abbr})
_MONTH_NUM["sept"] = 9
_WEEKDAY_NUM = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
# In expressions a dot after a month is only an abbreviation's ("Aug. 25"), never the full
# stop after "9 June."
_MONTH_IN_EXPR = (r"(?:(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.|" + _MONTH[3:-1]
                  + r")")
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WD_ABBR = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
_NUM_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
             r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty"
             r"|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six"
             r"|seven|eight|nine))?")
_N = rf"(?:\d{{1,3}}|{_NUM_WORD}|a|an|a\s+few|few|several|a\s+couple\s+of|couple\s+of)"


def _number(s: str) -> int | None:
    """'48', 'two', 'forty-eight', 'a' -> int; 'few'/'several' -> None (vague)."""
    s = re.sub(r"\s+", " ", s.strip().lower())
    if s.isdigit():
        return int(s)
    if s in ("a", "an"):
        return 1
    if "couple" in s:
        return 2
    if "few" in s or "several" in s:
        return None
    try:
        return text2num(s, "en")
    except ValueError:
        return None


def _month_num(word: str) -> int:
    return _MONTH_NUM[word.lower().rstrip(".")[:3]]


# --------------------------------------------------------------------------------------
# Publication date
# --------------------------------------------------------------------------------------

_DATELINE_RES = [
    # "Aug. 25th, 2017", "Sat Feb 28 2015", "Jul 282016" (day and year glued), "Nov. 18, 2016"
    ("mdy", re.compile(
        rf"(?<![A-Za-z])(?:(?:{_WD}|{_WD_ABBR})\.?,?\s+)?(?P<mon>{_MONTH})\.?\s*"
        r"(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s*(?P<y>(?:19|20)\d{2})(?!\d)", re.I)),
    # "Wed 05 Apr 2017", "Monday, 21 August 2017 10:15 GMT", "25th of August 2017"
    ("dmy", re.compile(
        rf"(?<![A-Za-z\d])(?:(?:{_WD}|{_WD_ABBR})\.?,?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"\s+(?:of\s+)?(?P<mon>{_MONTH})\.?,?\s+(?P<y>(?:19|20)\d{{2}})(?!\d)", re.I)),
    # "2017-08-25"
    ("iso", re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")),
    # "24.08.2013", "17-08-2013", "8/21/2016"
    ("num", re.compile(
        r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})(?!\d)")),
]

_CAPTION_RE = re.compile(
    r"\(AFP|/AFP\)|AFP\)|\(Reuters|Reuters\)|/Reuters|\(AP\b|AP Photo|/AP\)|\(EPA|EPA\)"
    r"|\bphotos?\b|\bphotograph|\bcaption\b|\bfile picture|Getty Images|\bImage \d+ of"
    r"|\bpictured\b|\(Photo",
    re.I,
)
_CUE_RE = re.compile(
    r"(?P<cue>published|updated|posted|date of publication|first published|last modified"
    r"|created|dateline)\W{0,3}(?:on|at)?\s*[:\-]?\s*(?:\w+\s+){0,2}$",
    re.I,
)
# A candidate right after a lower-case word ("killed October 3, 2015", "on June 6, 2017")
# or after "Word," ("in upstate New York, Wednesday, March 13, 2013") is an event date in
# running text or a caption; datelines open a line or follow a title, an agency or a cue
# ("BEIRUT, Aug. 5, 2016" is fine: the city is in capitals).
_LOWER_WORD_BEFORE_RE = re.compile(r"(?<![A-Za-z])[a-z][a-z'’]*\s*$")
_WORD_COMMA_BEFORE_RE = re.compile(r"\b[A-Za-z]*[a-z][A-Za-z'’]*\s*,\s*$")
_EVENT_PREPOSITION_RE = re.compile(
    r"\b(?:on|since|from|until|till|by|before|after|between|and|to|of|in|the|during|through)"
    r"\s*$",
    re.I,
)


def _candidate_date(kind: str, m: re.Match[str]) -> date | None:
    try:
        y = int(m.group("y"))
        if kind in ("mdy", "dmy"):
            mon = m.group("mon")
            if not mon[0].isupper():
                return None
            return date(y, _month_num(mon), int(m.group("d")))
        if kind == "iso":
            return date(y, int(m.group("m")), int(m.group("d")))
        a, b = int(m.group("a")), int(m.group("b"))
        if m.group("sep") == "/":  # US style unless impossible
            month, day = (a, b) if a <= 12 else (b, a)
        else:  # "24.08.2013", "17-08-2013": day first unless impossible
            day, month = (a, b) if b <= 12 else (b, a)
        return date(y, month, day)
    except (ValueError, KeyError):
        return None


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def _is_caption(text: str, start: int, end: int) -> bool:
    """A date belongs to a photo caption: a line that starts like a caption, a short line
    with a caption marker (unless the date opens the line, as datelines do), or a marker
    right after the date ("... on June 6, 2017. (DELIL SOULEIMAN/AFP)")."""
    ls, le = _line_bounds(text, start)
    line = text[ls:le]
    stripped = line.lstrip(" \t\"'“(")
    if re.match(r"(?:file\s+)?photo|image \d|caption|pictured", stripped, re.I):
        return True
    if len(line) < 400 and start - ls > 25 and _CAPTION_RE.search(line):
        return True
    after = text[end:min(le, end + 80)]
    return bool(_CAPTION_RE.search(after))


def publication_date_from_text(text: str, limit: int = 600) -> tuple[date | None, int | None]:
    """The dateline date near the top of `text` and its character offset, or (None, None)
    (see `find_dateline`)."""
    found = find_dateline(text, limit)
    return (found[0], found[1]) if found else (None, None)


def find_dateline(text: str, limit: int = 600) -> tuple[date, int, int] | None:
    """The dateline near the top of `text`: its date and character span, or None.

    Only full dates (day, month and year) in the first `limit` characters count.  A date
    after a cue ("Published", "Updated", "Posted on", "Date of publication") wins; otherwise
    the first date that is neither in a photo caption nor preceded by a preposition ("on
    June 6, 2017" in running text is an event, not a dateline).
    """
    if not text:
        return None
    head = text[: limit + 40]  # let a date that starts before `limit` finish
    found: list[tuple[int, int, int, date]] = []  # (priority, start, end, date)
    for kind, rx in _DATELINE_RES:
        for m in rx.finditer(head):
            if m.start() >= limit:
                break
            d = _candidate_date(kind, m)
            if d is None:
                continue
            ls, _ = _line_bounds(head, m.start())
            before_line = head[max(ls, m.start() - 40):m.start()]
            cue = _CUE_RE.search(before_line)
            if not cue:
                if _is_caption(head, m.start(), m.end()):
                    continue
                if (_EVENT_PREPOSITION_RE.search(before_line)
                        or _LOWER_WORD_BEFORE_RE.search(before_line)
                        or _WORD_COMMA_BEFORE_RE.search(before_line)):
                    continue
            published_cue = cue is not None and cue.group("cue").lower() in (
                "published", "posted", "date of publication", "first published", "dateline")
            found.append((0 if published_cue else 1, m.start(), m.end(), d))
    if not found:
        return None
    _, start, end, d = min(found)
    return d, start, end


# --------------------------------------------------------------------------------------
# Resolving expressions
# --------------------------------------------------------------------------------------

Span = tuple[date, date, int]
Handler = Callable[[re.Match[str], date], Span | None]


def _span_precision(start: date, end: date) -> int:
    days = (end - start).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def _weekday_on_or_before(pub: date, wd: int, strictly: bool = False) -> date:
    delta = (pub.weekday() - wd) % 7
    if strictly and delta == 0:
        delta = 7
    return pub - timedelta(days=delta)


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _part_of_month(year: int, month: int, mod: str | None) -> tuple[date, date]:
    """Whole month, or its early (1-10), mid (11-20) or late (21-end) part."""
    start, end = _month_range(year, month)
    mod = (mod or "").lower()
    if mod in ("early", "beginning", "start"):
        return start, date(year, month, 10)
    if mod in ("mid", "middle"):
        return date(year, month, 11), date(year, month, 20)
    if mod in ("late", "end"):
        return date(year, month, 21), end
    return start, end


def _latest_month(pub: date, month: int, strictly_before: bool = False) -> int:
    """Year of the latest `month` not after `pub` (strictly before pub's month if asked)."""
    if month < pub.month or (month == pub.month and not strictly_before):
        return pub.year
    return pub.year - 1


def _latest_day(pub: date, month: int, day: int) -> date | None:
    for year in (pub.year, pub.year - 1, pub.year - 2, pub.year - 3, pub.year - 4):
        try:
            d = date(year, month, day)
        except ValueError:
            continue  # 29 February
        if d <= pub:
            return d
    return None


def _iso_week_start(pub: date, weeks_back: int) -> date:
    return pub - timedelta(days=pub.weekday() + 7 * weeks_back)


# Handlers: each takes the match and the publication date, returns (start, end, precision).

def _h_today(m: re.Match[str], pub: date) -> Span:
    return pub, pub, 1


def _h_yesterday(m: re.Match[str], pub: date) -> Span:
    d = pub - timedelta(days=1)
    return d, d, 1


def _h_day_before_yesterday(m: re.Match[str], pub: date) -> Span:
    d = pub - timedelta(days=2)
    return d, d, 1


def _h_overnight(m: re.Match[str], pub: date) -> Span:
    return pub - timedelta(days=1), pub, 2


def _h_days_ago(m: re.Match[str], pub: date) -> Span | None:
    n = _number(m.group("n"))
    if n is None:
        return None
    d = pub - timedelta(days=n)
    return d, d, 1


def _h_weekday(m: re.Match[str], pub: date) -> Span:
    strictly = bool(m.group("last"))
    d = _weekday_on_or_before(pub, _WEEKDAY_NUM[m.group("wd").lower()], strictly)
    return d, d, 1


def _h_weekend(m: re.Match[str], pub: date) -> Span:
    sat = _weekday_on_or_before(pub, 5)
    if (m.group("last") or "").lower() in ("last", "past") and pub.weekday() in (5, 6):
        sat -= timedelta(days=7)
    return sat, min(sat + timedelta(days=1), pub), 2


def _h_this_week(m: re.Match[str], pub: date) -> Span:
    return pub - timedelta(days=6), pub, 2


def _h_past_week(m: re.Match[str], pub: date) -> Span:
    return pub - timedelta(days=7), pub - timedelta(days=1), 2


def _h_last_week(m: re.Match[str], pub: date) -> Span:
    back = 2 if m.group("before") else 1
    start = _iso_week_start(pub, back)
    return start, start + timedelta(days=6), 2


def _h_weeks_ago(m: re.Match[str], pub: date) -> Span | None:
    n = _number(m.group("n"))
    if n is None:
        return None
    start = _iso_week_start(pub, n)
    return start, start + timedelta(days=6), 2


def _h_hours(m: re.Match[str], pub: date) -> Span | None:
    n = _number(m.group("n"))
    if not n:
        return None
    days = max(1, math.ceil(n / 24))
    start = pub - timedelta(days=days)
    return start, pub, _span_precision(start, pub)


FEW_DAYS = 3
"""'In recent days' reaches back three days: news says it of the days just before the report
(a week back would code the event to mid-week, days before anything 'recent')."""


def _h_days(m: re.Match[str], pub: date) -> Span | None:
    if m.group("recent"):  # "in recent days": the few days just past
        n = FEW_DAYS
    else:
        n = _number(m.group("n") or m.group("n2"))
    if n is None:  # "the past few days", "several days": about a week
        n = 7
    if n == 0:
        return None
    start = pub - timedelta(days=n)
    return start, pub, _span_precision(start, pub)


def _h_weeks(m: re.Match[str], pub: date) -> Span | None:
    n = _number(m.group("n"))
    if n is None:
        start = pub - relativedelta(months=1)  # "the past few weeks"
    else:
        start = pub - timedelta(days=7 * n)
    return start, pub, 3 if (pub - start).days > 7 else 2


def _h_months(m: re.Match[str], pub: date) -> Span | None:
    n = _number(m.group("n")) if m.group("n") else 1
    if n is None or n == 0:
        return None
    return pub - relativedelta(months=n), pub, 3


def _h_years(m: re.Match[str], pub: date) -> Span | None:
    n = _number(m.group("n")) if m.group("n") else 1
    if n is None or n == 0:
        return None
    return pub - relativedelta(years=n), pub, 3


def _h_this_month(m: re.Match[str], pub: date) -> Span | None:
    start, end = _part_of_month(pub.year, pub.month, m.group("mod"))
    return start, min(end, pub), 3


def _h_last_month(m: re.Match[str], pub: date) -> Span:
    prev = pub.replace(day=1) - timedelta(days=1)
    start, end = _part_of_month(prev.year, prev.month, m.group("mod") or m.group("mod2"))
    return start, end, 3


def _h_months_ago(m: re.Match[str], pub: date) -> Span | None:
    n = _number(m.group("n"))
    if n is None:
        return None
    d = pub - relativedelta(months=n)
    start, end = _month_range(d.year, d.month)
    return start, end, 3


def _h_this_year(m: re.Match[str], pub: date) -> Span:
    return date(pub.year, 1, 1), pub, 3


def _h_last_year(m: re.Match[str], pub: date) -> Span:
    return date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31), 3


def _h_month(m: re.Match[str], pub: date) -> Span | None:
    month = _month_num(m.group("mon"))
    if m.group("y"):
        year = int(m.group("y"))
    else:
        year = _latest_month(pub, month, strictly_before=bool(m.group("last")))
    start, end = _part_of_month(year, month, m.group("mod"))
    return start, end, 3


def _h_year(m: re.Match[str], pub: date) -> Span:
    y = int(m.group("y"))
    return date(y, 1, 1), date(y, 12, 31), 3


def _h_explicit(m: re.Match[str], pub: date) -> Span | None:
    gd = m.groupdict()
    try:
        if gd.get("iso"):
            d = date.fromisoformat(gd["iso"])
        elif gd.get("a"):
            a, b, y = int(gd["a"]), int(gd["b"]), int(gd["ny"])
            if gd["sep"] == "/":
                month, day = (a, b) if a <= 12 else (b, a)
            else:
                day, month = (a, b) if b <= 12 else (b, a)
            d = date(y, month, day)
        else:
            month, day = _month_num(gd["mon"]), int(gd["d"])
            if gd.get("y"):
                d = date(int(gd["y"]), month, day)
            else:
                found = _latest_day(pub, month, day)
                if found is None:
                    return None
                d = found
    except (ValueError, KeyError):
        return None
    return d, d, 1


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """n-th (1-based; -1 = last) `weekday` of a month: Thanksgiving, Memorial Day."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = _month_range(year, month)[1]
    return last - timedelta(days=(last.weekday() - weekday) % 7)


_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "new year's eve": lambda y: date(y, 12, 31),
    "new year's day": lambda y: date(y, 1, 1),
    "new year's": lambda y: date(y, 1, 1),
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas day": lambda y: date(y, 12, 25),
    "christmas": lambda y: date(y, 12, 25),
    "halloween": lambda y: date(y, 10, 31),
    "valentine's day": lambda y: date(y, 2, 14),
    "independence day": lambda y: date(y, 7, 4),
    "fourth of july": lambda y: date(y, 7, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "easter": easter,
    "easter sunday": easter,
}


def _h_holiday(m: re.Match[str], pub: date) -> Span | None:
    name = re.sub(r"\s+", " ", m.group("hol").lower().replace("’", "'"))
    name = re.sub(r"^the ", "", name)
    if name.endswith(" night"):
        name = name[: -len(" night")]
    fn = _HOLIDAYS.get(name)
    if fn is None:
        return None
    for year in (pub.year, pub.year - 1):
        d = fn(year)
        if d <= pub:
            return d, d, 1
    return None


@dataclass(frozen=True)
class _Rule:
    name: str
    rx: re.Pattern[str]
    handler: Handler
    needs: frozenset[str]  # words one of which must occur for the rule to match (speed)


_MONTH_WORDS = frozenset(_MONTH_NUM) | {"sept"}
_WEEKDAY_WORDS = frozenset(_WEEKDAY_NUM)
_NEEDS = {
    "day_before_yesterday": {"yesterday"},
    "today": {"today", "tonight", "morning", "afternoon", "evening"},
    "yesterday": {"yesterday", "night"},
    "overnight": {"overnight"},
    "days_ago": {"ago"},
    "weekday": _WEEKDAY_WORDS,
    "weekend": {"weekend"},
    "this_week": {"week"},
    "past_week": {"week", "days"},
    "last_week": {"week"},
    "weeks_ago": {"ago"},
    "hours": {"hours"},
    "days": {"days"},
    "weeks": {"weeks"},
    "months": {"month", "months"},
    "years": {"year", "years"},
    "this_month": {"month"},
    "last_month": {"month"},
    "months_ago": {"ago"},
    "this_year": {"year"},
    "last_year": {"year"},
    "explicit_md": _MONTH_WORDS,
    "explicit_dm": _MONTH_WORDS,
    "explicit_iso": {"<numeric-date>"},
    "explicit_num": {"<numeric-date>"},
    "month": _MONTH_WORDS,
    "year": {"<year>"},
    "holiday": {"christmas", "new", "halloween", "valentine", "independence", "fourth",
                "thanksgiving", "memorial", "labor", "easter"},
}


def _rule(name: str, pattern: str, handler: Handler) -> _Rule:
    return _Rule(name, re.compile(pattern, re.I), handler, frozenset(_NEEDS[name]))


def _words_present(text: str) -> set[str]:
    """Lower-case words of `text`, plus markers for numeric dates and years."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    if re.search(r"\d[./-]\d", text):
        words.add("<numeric-date>")
    if re.search(r"(?:19|20)\d\d", text):
        words.add("<year>")
    return words


_ON = r"(?:(?:on|at|during|in)\s+)?"
_PART = r"(?:\s+(?:morning|afternoon|evening|night|overnight|noon|midday|dawn|early\s+hours))?"
_DAY_MOD = (r"(?:(?:early|late|earlier|later|mid)(?:[-\s]+on)?\s+|(?:in\s+)?the\s+early\s+hours"
            r"\s+of\s+|(?:in\s+)?the\s+(?:morning|afternoon|evening|night)\s+of\s+|mid-)?")
_HOL = (r"(?P<hol>new\s+year['’]s\s+(?:eve|day)|new\s+year['’]s|christmas(?:\s+(?:eve|day))?"
        r"|halloween(?:\s+night)?|valentine['’]s\s+day|independence\s+day|(?:the\s+)?fourth\s+of"
        r"\s+july|thanksgiving(?:\s+day)?|memorial\s+day|labor\s+day|easter(?:\s+sunday)?)")

_IN = r"(?:(?:in|over|during|within|for|throughout|after)\s+)?"  # "over the past week"
_PAST = r"the\s+(?:past|last|previous)\s+"
_YEAR = r"(?P<y>(?:19|20)\d{2})"
_OPT_YEAR = r"(?:,?\s+(?P<y>(?:19|20)\d{2}))?"
_ORD = r"(?:st|nd|rd|th)?"

# Order matters only where two rules could both match the whole expression.
_RULES: list[_Rule] = [
    _rule("day_before_yesterday", r"(?:on\s+)?the\s+day\s+before\s+yesterday",
          _h_day_before_yesterday),
    _rule("today", r"(?:(?:earlier|later)\s+)?(?:today|tonight)(?:['’]s)?"
                   r"|(?:earlier\s+|early\s+|late\s+)?this\s+(?:morning|afternoon|evening)",
          _h_today),
    _rule("yesterday", r"(?:(?:early|late|earlier)\s+)?yesterday(?:['’]s)?"
                       r"(?:\s+(?:morning|afternoon|evening|night))?|(?:late\s+)?last\s+night",
          _h_yesterday),
    _rule("overnight", r"overnight", _h_overnight),
    _rule("days_ago", rf"(?P<n>{_N})\s+days?\s+ago", _h_days_ago),
    _rule("weekday", rf"{_ON}{_DAY_MOD}(?:on\s+)?(?P<last>last\s+|this\s+past\s+|past\s+)?"
                     rf"(?P<wd>{_WD})(?:['’]s)?{_PART}", _h_weekday),
    _rule("weekend", r"(?:(?:over|at|during|on|in)\s+)?(?:(?:the|this)\s+)?(?:(?P<last>last|past)\s+)?"
                     r"(?:past\s+)?weekend", _h_weekend),
    _rule("this_week", r"(?:(?:earlier|later)\s+)?(?:so\s+far\s+)?this\s+week"
                       r"|(?:earlier|later)\s+in\s+the\s+week", _h_this_week),
    _rule("past_week", rf"{_IN}(?:the\s+|this\s+)(?:past|last|previous)\s+(?:week|seven\s+days"
                       rf"|7\s+days)|{_IN}a\s+week\s+of", _h_past_week),
    _rule("last_week", r"(?:(?:early|late|earlier|mid)[-\s]+)?last\s+week"
                       r"|(?P<before>the\s+week\s+before\s+last)", _h_last_week),
    _rule("weeks_ago", rf"(?P<n>{_N})\s+weeks?\s+ago", _h_weeks_ago),
    _rule("hours", rf"{_IN}(?:the\s+)?(?:past\s+|last\s+|previous\s+)?(?P<n>{_N})\s+hours"
                   rf"(?:\s+of)?", _h_hours),
    _rule("days", rf"{_IN}{_PAST}(?P<n>{_N})\s+days|(?:in|over|during|after)\s+(?P<n2>{_N})"
                  rf"\s+days\s+of|{_IN}(?P<recent>recent)\s+days", _h_days),
    _rule("weeks", rf"{_IN}{_PAST}(?P<n>{_N})\s+weeks", _h_weeks),
    _rule("months", rf"{_IN}{_PAST}(?:(?P<n>{_N})\s+months|month)|{_IN}a\s+month\s+of",
          _h_months),
    _rule("years", rf"{_IN}{_PAST}(?:(?P<n>{_N})\s+years|year)", _h_years),
    _rule("this_month", r"(?:(?:earlier|later|so\s+far)\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?"
                        r"this\s+month(?:\s+alone)?"
                        r"|(?:since|from)\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+month",
          _h_this_month),
    _rule("last_month", r"(?:(?P<mod>early|late|mid)[-\s]+(?:in\s+)?)?last\s+month"
                        r"|(?:in\s+)?the\s+(?P<mod2>middle|end|beginning|start)\s+of\s+last\s+month",
          _h_last_month),
    _rule("months_ago", rf"(?P<n>{_N})\s+months?\s+ago", _h_months_ago),
    _rule("this_year", r"(?:(?:earlier|later|so\s+far)\s+)?this\s+year(?:\s+alone)?",
          _h_this_year),
    _rule("last_year", r"last\s+year", _h_last_year),
    _rule("explicit_md", rf"(?:on\s+)?(?:{_WD},?\s+)?(?:the\s+)?(?P<mon>{_MONTH_IN_EXPR})\s+"
                         rf"(?P<d>\d{{1,2}}){_ORD}{_OPT_YEAR}", _h_explicit),
    _rule("explicit_dm", rf"(?:on\s+)?(?:{_WD},?\s+)?(?:the\s+)?(?P<d>\d{{1,2}}){_ORD}\s+"
                         rf"(?:of\s+)?(?P<mon>{_MONTH_IN_EXPR}){_OPT_YEAR}", _h_explicit),
    _rule("explicit_iso", r"(?:on\s+)?(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})", _h_explicit),
    _rule("explicit_num", r"(?:on\s+)?(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)"
                          r"(?P<ny>(?:19|20)\d{2})", _h_explicit),
    _rule("month", rf"(?:(?:in|during|throughout|through|of|by|until)\s+)?"
                   rf"(?:(?P<mod>early|mid|late)[-\s]+)?(?:(?:in|of)\s+)?(?P<last>last\s+)?"
                   rf"(?P<mon>{_MONTH_IN_EXPR})(?:\s+(?:of\s+)?{_YEAR})?(?!\s+\d)", _h_month),
    _rule("year", rf"(?:(?:in|during|throughout|of)\s+)?(?:(?:early|mid|late)[-\s]+)?{_YEAR}",
          _h_year),
    _rule("holiday", rf"(?:(?:on|at|during|over)\s+)?{_HOL}", _h_holiday),
]
_SINCE_RE = re.compile(r"(?:ever\s+)?since\s+(?P<rest>.+)", re.I)
_BETWEEN_RE = re.compile(
    r"(?:between|from)\s+(?P<a>.+?)\s+(?:and|to|until|through)\s+(?P<b>.+)", re.I
)
_NOT_RESOLVED_RE = re.compile(
    r"recent(?!\s+days)|earlier$|^later$|day\s+before$|previous\s+day|next|tomorrow|coming|upcoming"
    r"|that\s+day|same\s+day|following",
    re.I,
)


def _normalise(expr: str) -> str:
    e = expr.replace("’", "'").replace("\u00a0", " ")
    e = re.sub(r"\s+", " ", e).strip(" \t\n,;:.!?()[]\"“”")
    return e


def _resolve_span(e: str, pub: date) -> Span | None:
    if _NOT_RESOLVED_RE.search(e):
        return None
    m = _SINCE_RE.fullmatch(e)
    if m:
        inner = _resolve_span(m.group("rest"), pub)
        if inner is None:
            return None
        start = inner[0]
        precision = max(inner[2], _span_precision(start, pub))
        return start, pub, precision
    m = _BETWEEN_RE.fullmatch(e)
    if m:
        a, b = _resolve_span(m.group("a"), pub), _resolve_span(m.group("b"), pub)
        if a is None or b is None or a[0] > b[1]:
            return None
        return a[0], b[1], max(a[2], b[2], _span_precision(a[0], b[1]))
    for rule in _RULES:
        mm = rule.rx.fullmatch(e)
        if mm:
            span = rule.handler(mm, pub)
            if span is not None:
                return span
    return None


def resolve_expression(expr: str, published: date) -> DateRange | None:
    """The date range `expr` names, read against `published`; None if not understood.

    The range is clipped so it never ends after publication; an expression that lies
    wholly after publication ("next week", "on August 30" with a year, in a 25 August
    article) gives None.  See the module docstring for the rules.
    """
    if not expr or published is None:
        return None
    if isinstance(published, datetime):
        published = published.date()
    e = _normalise(expr)
    if not e or len(e) > 80:
        return None
    try:
        span = _resolve_span(e, published)
    except (ValueError, OverflowError):  # dates outside the calendar
        return None
    if span is None:
        span = _dateparser_fallback(e, published)
    if span is None:
        return None
    start, end, precision = span
    if start > published:
        return None
    end = min(end, published)
    if end < start:
        return None
    return DateRange(start, end, precision, expr)


def _dateparser_fallback(e: str, pub: date) -> Span | None:
    """Explicit dates our patterns do not cover ("the 5th of July"), via dateparser.

    Only tried for expressions holding a month name and a digit, so relative wording never
    reaches it (its rules differ from ours), and only day-precise results are kept.
    """
    if not re.search(r"\d", e) or not re.search(rf"\b{_MONTH}\b", e, re.I):
        return None
    import dateparser  # slow import: only when needed

    settings = {
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": datetime(pub.year, pub.month, pub.day, 23, 59),
        "REQUIRE_PARTS": ["day", "month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        parsed = dateparser.parse(e, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if parsed is None:
        return None
    d = parsed.date()
    return (d, d, 1) if d <= pub else None


# --------------------------------------------------------------------------------------
# Finding expressions in a sentence
# --------------------------------------------------------------------------------------

_FIND_RES = [
    (rule.needs,
     re.compile(rf"(?<![\w-])(?:(?:ever\s+)?since\s+)?(?:{rule.rx.pattern})(?![\w-])", re.I))
    for rule in _RULES
]
_PROBE = date(2099, 12, 31)
_BARE_YEAR_RE = re.compile(r"(?:(?:of|through|by|until)\s+)?(?:19|20)\d{2}", re.I)
_MONTH_WORD_RE = re.compile(rf"\b{_MONTH}\b", re.I)


def _month_words_ok(s: str) -> bool:
    """Month names must be capitalised in running text ("may", "march" are words)."""
    return all(w.group()[0].isupper() for w in _MONTH_WORD_RE.finditer(s))


_EVENT_NOUNS = (r"(?:shootings?|slayings?|killings?|murders?|homicides?|stabbings?|deaths?|attacks?"
                r"|ambush|massacre|rampage|gunfire|incident|crash|robbery|fire)")
_MONTH_OF_EVENT_BEFORE = re.compile(r"(?:\b(?:a|an|the|that|this|his|her|their|its)|['’]s)\s+$", re.I)
_MONTH_OF_EVENT_AFTER = re.compile(rf"\s+(?:[a-z]+(?:-[a-z]+)*\s+){{0,2}}?{_EVENT_NOUNS}\b", re.I)


def _names_an_event(text: str, start: int, end: int) -> bool:
    """Whether a bare month word is the date of the event noun it stands before, after a
    determiner: "an April shooting", "the January quadruple murder", "his December killing".
    Alone a month word is too often a name or a modal ("Jan Egeland", "police May ..."); in
    this place it can only be a month, the way follow-up stories (arrests, trials) name the
    shooting they are about."""
    return (_MONTH_OF_EVENT_BEFORE.search(text, max(0, start - 8), start) is not None
            and _MONTH_OF_EVENT_AFTER.match(text, end) is not None)


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """Spans of the date expressions in `text` that `resolve_expression` understands.

    Returns non-overlapping (start, end, expression) in order; the longest expression wins
    where they overlap ("since early Wednesday" over "Wednesday"), and "between X and Y"
    joins two expressions into one.
    """
    if not text:
        return []
    cands: list[tuple[int, int]] = []
    present = _words_present(text)
    for needs, rx in _FIND_RES:
        if needs.isdisjoint(present):
            continue
        for m in rx.finditer(text):
            s, e = m.span()
            # trim whitespace the optional groups may have eaten
            while e > s and text[e - 1].isspace():
                e -= 1
            while s < e and text[s].isspace():
                s += 1
            frag = text[s:e]
            if not frag.strip() or not _month_words_ok(frag):
                continue
            if _BARE_YEAR_RE.fullmatch(frag):
                continue  # "2014 offensive", "of 2014": a year, but not when something happened
            if re.fullmatch(rf"{_MONTH}\.?", frag, re.I) and not _names_an_event(text, s, e):
                continue  # a bare month word: "Jan Egeland", "May"

            cands.append((s, e))
    # prefer longest, then earliest
    cands.sort(key=lambda se: (-(se[1] - se[0]), se[0]))
    chosen: list[tuple[int, int]] = []
    for s, e in cands:
        if any(s < ce and cs < e for cs, ce in chosen):
            continue
        if resolve_expression(text[s:e], _PROBE) is None:
            continue
        chosen.append((s, e))
    chosen.sort()
    # "between August 1 and August 5", "from Monday to Wednesday"
    merged: list[tuple[int, int]] = []
    for s, e in chosen:
        if merged:
            ps, pe = merged[-1]
            gap = text[pe:s]
            lead = text[max(0, ps - 9):ps]
            m_lead = re.search(r"(between|from)\s+$", lead, re.I)
            if m_lead and re.fullmatch(r"\s+(?:and|to|until|through)\s+", gap, re.I):
                ns = ps - (len(lead) - m_lead.start())
                if resolve_expression(text[ns:e], _PROBE) is not None:
                    merged[-1] = (ns, e)
                    continue
        merged.append((s, e))
    return [(s, e, text[s:e]) for s, e in merged]


# --------------------------------------------------------------------------------------
# Future and hypothetical events
# --------------------------------------------------------------------------------------

_MODAL_RE = re.compile(
    r"\b(?:will|would|shall|could|may|might|(?:is|are|was|were)\s+(?:expected|set|due|poised|"
    r"likely|going|about|preparing|planning)\s+to|plans?\s+to|planning\s+to|planned\s+to|intends?\s+to"
    r"|intended\s+to|threaten(?:s|ed)?\s+to|vow(?:s|ed)?\s+to|pledge[sd]?\s+to|promise[sd]?\s+to"
    r"|warn(?:s|ed)?\s+(?:that|it\s+would)|aims?\s+to|seeks?\s+to|wants?\s+to|prepar(?:es|ing|ed)\s+to"
    r"|ready\s+to|gearing\s+up\s+(?:for|to)|preparing\s+for|if)\b(?!\s+(?:not\s+)?have\b)",
    re.I,
)
_EVENT_WORD_RE = re.compile(
    r"\b(?:attack\w*|launch\w*|strik\w*|struck|kill\w*|bomb\w*|shell\w*|storm\w*|retake\w*|recapture\w*|"
    r"captur\w*|seiz\w*|invad\w*|invasion|advanc\w*|offensive|assault\w*|target\w*|hit|fire|shoot\w*|"
    r"raid\w*|clash\w*|fight\w*|battle\w*|destroy\w*|execut\w*|behead\w*|kidnap\w*|abduct\w*|overrun|enter|"
    r"push|operation|air\s*strikes?|airstrikes?|shoot|open\s+fire|blow\s+up)\b",
    re.I,
)
_REALIS_RE = re.compile(
    r"\b(?:killed|died|attacked|launched|struck|bombed|shelled|stormed|captured|seized|"
    r"destroyed|executed|beheaded|kidnapped|abducted|wounded|injured|clashed|raided|ambushed|"
    r"exploded|detonated|shot|fired|targeted|hit\s+by|overran|retook|recaptured|carried\s+out)\b",
    re.I,
)


def is_future_or_hypothetical(sentence: str) -> bool:
    """True when the sentence's event is announced, planned, threatened or conditional.

    Conservative: a modal or planning phrase ("would", "will", "plans to", "is expected to",
    "threatened to", "could", "may", "if") must govern an event word within the same clause
    ("would launch an attack within weeks"), and the sentence must not also report an event
    as done outside that clause ("jets killed 800 militants and will intensify strikes" is
    a real killing).  "May have been carried out by Russia" is speculation about who did
    something that happened, so "modal + have" does not count.
    """
    if not sentence:
        return False
    governed: list[tuple[int, int]] = []
    for m in _MODAL_RE.finditer(sentence):
        if m.group() == "May":
            continue  # the month
        clause_end = len(sentence)
        stop = re.search(r"[,;:.!?]|\s(?:and|but|while|after|as)\s", sentence[m.end():])
        if stop:
            clause_end = m.end() + stop.start()
        scope = sentence[m.end():clause_end]
        words = scope.split()
        window = " ".join(words[:8])
        if _EVENT_WORD_RE.search(window):
            governed.append((m.start(), clause_end))
    if not governed:
        return False
    for r in _REALIS_RE.finditer(sentence):
        if not any(s <= r.start() < e for s, e in governed):
            return False
    return True
