"""Dates resolved against the publication date, datelines found, future events flagged."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.nlp.dates import (
    DateRange,
    find_date_expressions,
    is_future_or_hypothetical,
    publication_date_from_text,
    resolve_expression,
)

FRI = date(2017, 8, 25)   # Friday
MON = date(2017, 8, 21)   # Monday
FRI14 = date(2014, 8, 22)  # Friday
SAT = date(2016, 6, 4)    # Saturday
WED = date(2017, 6, 7)    # Wednesday


def d(s: str) -> date:
    return date.fromisoformat(s)


# --------------------------------------------------------------------------------------
# resolve_expression
# --------------------------------------------------------------------------------------

# (expression, published, start, end, precision)
RESOLVED = [
    # the gold seeds
    ("Last week", FRI, "2017-08-14", "2017-08-20", 2),
    ("this week", FRI, "2017-08-19", "2017-08-25", 2),
    ("in a week of", MON, "2017-08-14", "2017-08-20", 2),
    ("in 48 hours", FRI14, "2014-08-20", "2014-08-22", 2),
    ("48 hours of", FRI14, "2014-08-20", "2014-08-22", 2),
    ("late Tuesday", FRI14, "2014-08-19", "2014-08-19", 1),
    ("since early Wednesday", FRI14, "2014-08-20", "2014-08-22", 2),
    ("On Thursday", FRI14, "2014-08-21", "2014-08-21", 1),
    ("on Saturday morning", SAT, "2016-06-04", "2016-06-04", 1),
    ("on Friday", SAT, "2016-06-03", "2016-06-03", 1),
    ("late last month", SAT, "2016-05-21", "2016-05-31", 3),
    ("this month alone", MON, "2017-08-01", "2017-08-21", 3),
    ("this month", FRI, "2017-08-01", "2017-08-25", 3),
    ("on Sunday", MON, "2017-08-20", "2017-08-20", 1),
    ("on Monday", MON, "2017-08-21", "2017-08-21", 1),
    ("on Monday", FRI, "2017-08-21", "2017-08-21", 1),
    ("on Saturday", FRI, "2017-08-19", "2017-08-19", 1),
    ("Tuesday's", WED, "2017-06-06", "2017-06-06", 1),
    ("Early on Wednesday", WED, "2017-06-07", "2017-06-07", 1),
    ("over the past three months", FRI, "2017-05-25", "2017-08-25", 3),
    ("since September 2015", MON, "2015-09-01", "2017-08-21", 3),
    ("since 2014", MON, "2014-01-01", "2017-08-21", 3),
    # weekdays
    ("Friday", FRI14, "2014-08-22", "2014-08-22", 1),
    ("Monday night", FRI, "2017-08-21", "2017-08-21", 1),
    ("late on Monday night", FRI, "2017-08-21", "2017-08-21", 1),
    ("the early hours of Monday", FRI, "2017-08-21", "2017-08-21", 1),
    ("last Friday", FRI, "2017-08-18", "2017-08-18", 1),
    ("last Thursday", FRI, "2017-08-24", "2017-08-24", 1),
    ("since Monday", FRI, "2017-08-21", "2017-08-25", 2),
    # days
    ("today", FRI, "2017-08-25", "2017-08-25", 1),
    ("this morning", FRI, "2017-08-25", "2017-08-25", 1),
    ("earlier today", FRI, "2017-08-25", "2017-08-25", 1),
    ("yesterday", FRI, "2017-08-24", "2017-08-24", 1),
    ("yesterday afternoon", FRI, "2017-08-24", "2017-08-24", 1),
    ("last night", FRI, "2017-08-24", "2017-08-24", 1),
    ("the day before yesterday", FRI, "2017-08-23", "2017-08-23", 1),
    ("overnight", FRI, "2017-08-24", "2017-08-25", 2),
    ("two days ago", FRI, "2017-08-23", "2017-08-23", 1),
    ("since yesterday", FRI, "2017-08-24", "2017-08-25", 2),
    # hours and days
    ("in the past 24 hours", FRI, "2017-08-24", "2017-08-25", 2),
    ("over the past 72 hours", FRI, "2017-08-22", "2017-08-25", 2),
    ("over the past two days", FRI, "2017-08-23", "2017-08-25", 2),
    ("in the last 10 days", FRI, "2017-08-15", "2017-08-25", 3),
    ("the past few days", FRI, "2017-08-18", "2017-08-25", 2),
    ("in recent days", FRI, "2017-08-22", "2017-08-25", 2),
    ("over recent days", MON, "2017-08-18", "2017-08-21", 2),
    ("after three days of", FRI, "2017-08-22", "2017-08-25", 2),
    # weeks
    ("over the past week", FRI, "2017-08-18", "2017-08-24", 2),
    ("the last seven days", FRI, "2017-08-18", "2017-08-24", 2),
    ("last week", MON, "2017-08-14", "2017-08-20", 2),
    ("the week before last", FRI, "2017-08-07", "2017-08-13", 2),
    ("three weeks ago", FRI, "2017-07-31", "2017-08-06", 2),
    ("earlier this week", FRI, "2017-08-19", "2017-08-25", 2),
    ("over the past three weeks", FRI, "2017-08-04", "2017-08-25", 3),
    ("over the weekend", FRI, "2017-08-19", "2017-08-20", 2),
    ("at the weekend", MON, "2017-08-19", "2017-08-20", 2),
    ("this weekend", d("2017-08-26"), "2017-08-26", "2017-08-26", 2),
    ("last weekend", d("2017-08-26"), "2017-08-19", "2017-08-20", 2),
    # months and years
    ("last month", FRI, "2017-07-01", "2017-07-31", 3),
    ("early last month", FRI, "2017-07-01", "2017-07-10", 3),
    ("mid-last month", FRI, "2017-07-11", "2017-07-20", 3),
    ("the end of last month", FRI, "2017-07-21", "2017-07-31", 3),
    ("last month", d("2017-01-10"), "2016-12-01", "2016-12-31", 3),
    ("early this month", FRI, "2017-08-01", "2017-08-10", 3),
    ("earlier this month", FRI, "2017-08-01", "2017-08-25", 3),
    ("the past month", FRI, "2017-07-25", "2017-08-25", 3),
    ("two months ago", FRI, "2017-06-01", "2017-06-30", 3),
    ("this year", FRI, "2017-01-01", "2017-08-25", 3),
    ("earlier this year", FRI, "2017-01-01", "2017-08-25", 3),
    ("last year", FRI, "2016-01-01", "2016-12-31", 3),
    ("over the past two years", FRI, "2015-08-25", "2017-08-25", 3),
    ("in August", FRI, "2017-08-01", "2017-08-25", 3),
    ("in August", d("2017-07-03"), "2016-08-01", "2016-08-31", 3),
    ("in late July", FRI, "2017-07-21", "2017-07-31", 3),
    ("mid-August", FRI, "2017-08-11", "2017-08-20", 3),
    ("in August 2014", FRI, "2014-08-01", "2014-08-31", 3),
    ("in 2014", FRI, "2014-01-01", "2014-12-31", 3),
    ("in 2017", FRI, "2017-01-01", "2017-08-25", 3),
    # explicit dates
    ("on August 21", FRI, "2017-08-21", "2017-08-21", 1),
    ("on 5 July", FRI, "2017-07-05", "2017-07-05", 1),
    ("on June 6, 2017", WED, "2017-06-06", "2017-06-06", 1),
    ("Aug. 25th, 2017", FRI, "2017-08-25", "2017-08-25", 1),
    ("the 5th of July", FRI, "2017-07-05", "2017-07-05", 1),
    ("Sunday, July 5", FRI, "2017-07-05", "2017-07-05", 1),
    ("on August 30", FRI, "2016-08-30", "2016-08-30", 1),  # latest not after publication
    ("on December 31", d("2017-01-02"), "2016-12-31", "2016-12-31", 1),
    ("2017-08-20", FRI, "2017-08-20", "2017-08-20", 1),
    ("24.08.2013", FRI, "2013-08-24", "2013-08-24", 1),
    ("8/21/2017", FRI, "2017-08-21", "2017-08-21", 1),
    ("since August 21", FRI, "2017-08-21", "2017-08-25", 2),
    ("since August 1", FRI, "2017-08-01", "2017-08-25", 3),
    ("between August 1 and August 5", FRI, "2017-08-01", "2017-08-05", 2),
    ("from Monday to Wednesday", FRI, "2017-08-21", "2017-08-23", 2),
    # holidays
    ("on New Year's Eve", d("2017-01-03"), "2016-12-31", "2016-12-31", 1),
    ("on Christmas Eve", d("2016-12-26"), "2016-12-24", "2016-12-24", 1),
    ("Thanksgiving", d("2016-11-30"), "2016-11-24", "2016-11-24", 1),
    ("on Easter", d("2016-05-25"), "2016-03-27", "2016-03-27", 1),
    ("Easter Sunday", d("2016-03-20"), "2015-04-05", "2015-04-05", 1),
    ("on the Fourth of July", d("2016-07-05"), "2016-07-04", "2016-07-04", 1),
]


@pytest.mark.parametrize(("expr", "published", "start", "end", "precision"), RESOLVED)
def test_resolve_expression(expr, published, start, end, precision):
    r = resolve_expression(expr, published)
    assert r is not None, expr
    assert (r.start, r.end, r.precision) == (d(start), d(end), precision)
    assert r.expression == expr


@pytest.mark.parametrize(
    ("expr", "published"),
    [
        ("recently", FRI),
        ("in recent months", FRI),
        ("in recent weeks", FRI),
        ("next week", FRI),
        ("tomorrow", FRI),
        ("next Monday", FRI),
        ("this coming Sunday", FRI),
        ("the day before", FRI),
        ("a day earlier", FRI),
        ("the following day", FRI),
        ("that day", FRI),
        ("on August 30, 2017", FRI),  # after publication
        ("in 2018", FRI),
        ("since 2019", FRI),
        ("late this month", date(2017, 8, 5)),  # wholly after publication
        ("", FRI),
        ("   ", FRI),
        ("banana", FRI),
        ("on February 30", FRI),
        ("in 0 hours", FRI),
    ],
)
def test_unresolvable_expressions(expr, published):
    assert resolve_expression(expr, published) is None


def test_a_monday_article_on_sunday_is_the_day_before():
    r = resolve_expression("on Sunday", MON)
    assert r.start == r.end == MON - timedelta(days=1)


def test_same_weekday_means_publication_day():
    for offset in range(7):
        pub = MON + timedelta(days=offset)
        r = resolve_expression(f"on {pub.strftime('%A')}", pub)
        assert r.start == pub


def test_this_week_and_last_week_never_overlap_publication_wrongly():
    for offset in range(7):
        pub = MON + timedelta(days=offset)
        this_week = resolve_expression("this week", pub)
        last_week = resolve_expression("last week", pub)
        assert this_week.end == pub and (this_week.end - this_week.start).days == 6
        assert last_week.start.weekday() == 0 and last_week.end.weekday() == 6
        assert last_week.end < pub


def test_date_range_is_frozen():
    r = resolve_expression("today", FRI)
    assert isinstance(r, DateRange)
    with pytest.raises(AttributeError):
        r.start = FRI  # type: ignore[misc]


# --------------------------------------------------------------------------------------
# find_date_expressions
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("At least 70 fighters have been killed in 48 hours of clashes, a monitor said Friday.",
         ["in 48 hours of", "Friday"]),
        ("The group launched a major push late Tuesday on the airport.", ["late Tuesday"]),
        ("At least 70 fighters have been lost since early Wednesday in air raids.",
         ["since early Wednesday"]),
        ("At least 125 civilians had been killed in a week of strikes on the city.",
         ["in a week of"]),
        ("Jets have bombed the province since September 2015, officials said.",
         ["since September 2015"]),
        ("Forces advancing from the north late last month took the dam.", ["late last month"]),
        ("Last week, a strike hit a convoy; this week the army attacked on Saturday.",
         ["Last week", "this week", "on Saturday"]),
        ("Strikes have killed hundreds over the past three months, in March and in May 2017.",
         ["over the past three months", "in March", "in May 2017"]),
        ("One of Tuesday's air strikes killed eight. Early on Wednesday they took the hill.",
         ["Tuesday's", "Early on Wednesday"]),
        ("The march was held between August 1 and August 5, the organisers said.",
         ["between August 1 and August 5"]),
        ("The raid happened on June 6, 2017, and again on 9 June.",
         ["on June 6, 2017", "on 9 June"]),
        ("It happened around 5 a.m. Sunday, on New Year's Eve, in 2014, and since 2011.",
         ["Sunday", "on New Year's Eve", "in 2014", "since 2011"]),
        ("Russia says it killed 800 militants this month alone.", ["this month alone"]),
        ("Envoy Jan Egeland said the talks may resume; a protest march went ahead.", []),
        ("Police made an arrest in an April shooting and the January quadruple murder.",
         ["April", "January"]),
        ("His lawyer said the May attacks were not his; in May police may charge him.", ["May", "in May"]),
        ("Officers said they may stop the protest march in Seattle.", []),
        # a month followed by its day is that day, not the month: "of March" and "March 20"
        # are as long, and the earlier of two equal matches would win
        ("The boy was fatally shot on the evening of March 20, police said.", ["March 20"]),
        ("Charges were filed in the murders of May 11 and in March 2016.", ["May 11", "in March 2016"]),
        ("The 2014 offensive and 2015 were bad years with 1400 dead.", []),
        ("He was recently released, and would return next week.", []),
        ("", []),
    ],
)
def test_find_date_expressions(sentence, expected):
    found = find_date_expressions(sentence)
    assert [expr for _, _, expr in found] == expected
    for start, end, expr in found:
        assert sentence[start:end] == expr


def test_found_expressions_resolve():
    sentence = "Late Tuesday and again on Thursday, and over the past two days, jets struck."
    for _, _, expr in find_date_expressions(sentence):
        assert resolve_expression(expr, FRI) is not None


# --------------------------------------------------------------------------------------
# publication_date_from_text
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "offset"),
    [
        ("Tue 05 Jul 2016 Air strikes kill 12 in the north. Body text.", "2016-07-05", 0),
        ("Headline about the war\nAug. 25th, 2017\nWelcome to the weekly summary.",
         "2017-08-25", 23),
        ("August 25, 2017\nThe army advanced.", "2017-08-25", 0),
        ("25 August 2017 The army advanced.", "2017-08-25", 0),
        ("2017-08-25 The army advanced.", "2017-08-25", 0),
        ("Monday, 21 August 2017 10:15 GMT\nThe army advanced.", "2017-08-21", 0),
        ("Published: Aug 21, 2017\nThe army advanced.", "2017-08-21", 11),
        ("Updated 21 August 2017 - The army advanced.", "2017-08-21", 8),
        ("Posted on April 19 2017 by the desk. Six were killed.", "2017-04-19", 10),
        ("Last updated at Jul 282016 BEIRUT Syrian forces seized a district.", "2016-07-28", 16),
        ("24.08.2013 State media accused rebels of an attack.", "2013-08-24", 0),
        ("17-08-2013 Seventeen killed as fighters attack a town.", "2013-08-17", 0),
        ("Date of publication 7 July 2016 More than 30 people were killed.", "2016-07-07", 20),
        ("Strikes kill 11 civilians Monitor AFP Friday 15 Jul 2016 At least 11 civilians died.",
         "2016-07-15", 38),
        ("BEIRUT, Aug. 5, 2016 - Strikes hit the city.", "2016-08-05", 8),
        # a cue wins over an earlier undated headline date
        ("Attack of August 21 2013: what we know\nPublished August 25 2013\nBody.",
         "2013-08-25", 49),
    ],
)
def test_publication_date_from_text(text, expected, offset):
    found, at = publication_date_from_text(text)
    assert found == d(expected)
    assert at == offset


@pytest.mark.parametrize(
    "text",
    [
        # photo captions are never the dateline
        "Headline\n\nA fighter stands in a village north of the city, on June 6, 2017. "
        "(JOHN DOE/AFP)\n\nFighters gained ground on Wednesday.",
        "Headline\nFile photo: police at the scene, January 19, 2016.\nA child was shot.",
        "Headline\nImage 1 of 8 A child was shot at a house. January 19, 2016\nBody text.",
        "Headline\nTroops stand guard in the city, June 6, 2017 (Reuters Photo)\nBody.",
        # dates in running text are events, not datelines
        "A student was killed October 3, 2015, outside her home, police said.",
        "1. Ghouta: On August 21 2013 rockets hit the suburbs.",
        "Police said the man was seen since June 4, 2016 in the area.",
        # no year, no dateline
        "Officers were called just after 2:30 a.m. Sunday, July 5 for a report of shots.",
        # too far down
        "x" * 700 + " 25 August 2017",
        "",
        "No dates here.",
    ],
)
def test_no_publication_date(text):
    assert publication_date_from_text(text) == (None, None)


def test_caption_then_dateline():
    text = ("Headline\nA boy walks past rubble, June 6, 2017. (JANE ROE/AFP)\n"
            "Published June 7, 2017\nBody.")
    found, at = publication_date_from_text(text)
    assert found == d("2017-06-07")
    assert text[at:at + 12] == "June 7, 2017"


# --------------------------------------------------------------------------------------
# Future and hypothetical events
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The group would launch an attack within weeks, officials said.", True),
        ("Turkey threatened to attack Kurdish forces in the north.", True),
        ("The army is expected to launch an offensive on the city.", True),
        ("Rebels plan to retake the town before winter.", True),
        ("If the truce collapses, rebels could storm the city.", True),
        ("Officials warned that militants could attack again.", True),
        ("Jets will strike the convoy if it moves.", True),
        ("At least 30 people were killed on Monday.", False),
        ("Russia said its jets killed 800 militants and will intensify strikes.", False),
        ("Strikes that may have been carried out by Russian jets killed 20 civilians.", False),
        ("The death toll is expected to rise.", False),
        ("In May, the army launched an offensive.", False),
        ("The May 5 attack killed 12 people.", False),
        ("The ministry said talks would continue.", False),
        ("", False),
    ],
)
def test_is_future_or_hypothetical(sentence, expected):
    assert is_future_or_hypothetical(sentence) is expected


# --------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------

_EXPR_PIECES = [
    "on", "since", "early", "late", "last", "this", "past", "the", "over", "in", "a", "of",
    "week", "weekend", "month", "year", "days", "hours", "weeks", "months", "ago", "alone",
    "Monday", "Sunday", "Saturday", "night", "morning", "yesterday", "today", "overnight",
    "August", "May", "Dec.", "21", "5th", "2014", "2017", "1999", "31", "0", "48", "two",
    "three", "few", "between", "and", "to", "from", "Christmas", "Eve", "New", "Year's",
    "24.08.2013", "2017-02-30", "13/13/2017", "mid-", "-", ",", "next", "recently",
]
_expr = st.one_of(st.lists(st.sampled_from(_EXPR_PIECES), min_size=1, max_size=7).map(" ".join),
                  st.text(max_size=40))
_pub = st.dates(min_value=date(1995, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=600, deadline=None)
@given(_expr, _pub)
def test_resolve_never_after_publication(expr, published):
    r = resolve_expression(expr, published)
    if r is not None:
        assert r.start <= r.end <= published
        assert r.precision in (1, 2, 3)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200),
                 st.lists(st.sampled_from(_EXPR_PIECES + ["killed", "said", "."]),
                          max_size=20).map(" ".join)),
       _pub)
def test_find_date_expressions_never_raises(text, published):
    last_end = 0
    for start, end, expr in find_date_expressions(text):
        assert last_end <= start < end <= len(text)
        assert text[start:end] == expr
        last_end = end
        r = resolve_expression(expr, published)
        assert r is None or r.start <= r.end <= published


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_publication_date_never_raises(text):
    found, at = publication_date_from_text(text)
    assert (found is None) == (at is None)
    if at is not None:
        assert 0 <= at < len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_is_future_never_raises(text):
    assert is_future_or_hypothetical(text) in (True, False)
