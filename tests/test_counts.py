"""Counts read the ACLED way: conservative figures, and non-counts never taken for counts."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sitrep.nlp.counts import Count, CountSpan, find_counts, parse_count

# --------------------------------------------------------------------------------------
# parse_count
# --------------------------------------------------------------------------------------

# (phrase, low, best, high, qualifier)
FIGURES = [
    # SPEC §3 and the gold seeds
    ("At least 70", 70, 70, None, "at least"),
    ("more than 200", 201, 201, None, "more than"),
    ("over 200", 201, 201, None, "more than"),
    ("an estimated 800", 800, 800, None, "about"),
    ("about 800", 800, 800, None, "about"),
    ("eight", 8, 8, None, None),
    ("dozens", 12, 12, None, "vague"),
    ("dozens of", 12, 12, None, "vague"),
    ("tens", 10, 10, None, "vague"),
    ("hundreds", 100, 100, None, "vague"),
    ("a young man", 1, 1, None, None),
    # qualifiers
    ("no fewer than 15", 15, 15, None, "at least"),
    ("in excess of 40", 41, 41, None, "more than"),
    ("well over 1,000", 1001, 1001, None, "more than"),
    ("around 20", 20, 20, None, "about"),
    ("approximately 35", 35, 35, None, "about"),
    ("some 20", 20, 20, None, "about"),
    ("roughly thirty", 30, 30, None, "about"),
    ("nearly 30", 29, 29, None, "nearly"),
    ("almost 50", 49, 49, None, "nearly"),
    ("close to 100", 99, 99, None, "nearly"),
    ("up to 25,000", 1, 25000, 25000, "up to"),
    ("as many as 50", 1, 50, 50, "up to"),
    ("fewer than 10", 1, 9, 9, "fewer than"),
    ("less than 5", 1, 4, 4, "fewer than"),
    ("no more than 12", 1, 11, 11, "fewer than"),
    ("another 12", 12, 12, None, "another"),
    ("a further three", 3, 3, None, "another"),
    ("a total of 17", 17, 17, None, "exactly"),
    ("20 or more", 20, 20, None, "at least"),
    ("100+", 100, 100, None, "at least"),
    ("20-odd", 20, 20, None, "about"),
    ("30 or so", 30, 30, None, "about"),
    # ranges
    ("between 10 and 15", 10, 10, 15, "range"),
    ("between 12 and 7", 7, 7, 12, "range"),  # reversed: the lower figure still counts
    ("between one and a hundred", 1, 1, 100, "range"),
    ("10 to 15", 10, 10, 15, "range"),
    ("10-15", 10, 10, 15, "range"),
    ("10–15", 10, 10, 15, "range"),
    ("60 to 70", 60, 60, 70, "range"),
    ("from 5 to 8", 5, 5, 8, "range"),
    ("two or three", 2, 2, 3, "range"),
    ("between two and three million", 2_000_000, 2_000_000, 3_000_000, "range"),
    # vague words (ACLED's fixed values, and the smallest reading otherwise)
    ("a dozen", 12, 12, None, "vague"),
    ("two dozen", 24, 24, None, "vague"),
    ("half a dozen", 6, 6, None, "vague"),
    ("more than a dozen", 13, 13, None, "more than"),
    ("about a dozen", 12, 12, None, "about"),
    ("scores", 20, 20, None, "vague"),
    ("thousands", 1000, 1000, None, "vague"),
    ("tens of thousands", 10000, 10000, None, "vague"),
    ("hundreds of thousands", 100000, 100000, None, "vague"),
    ("several", 3, 3, None, "vague"),
    ("several dozen", 12, 12, None, "vague"),
    ("several hundred", 100, 100, None, "vague"),
    ("a few", 2, 2, None, "vague"),
    ("a few thousand", 1000, 1000, None, "vague"),
    ("a handful of", 2, 2, None, "vague"),
    ("a couple of", 2, 2, None, "vague"),
    # number words and digits
    ("a", 1, 1, None, None),
    ("an", 1, 1, None, None),
    ("one", 1, 1, None, None),
    ("Thirty", 30, 30, None, None),
    ("twenty-one", 21, 21, None, None),
    ("twenty one", 21, 21, None, None),
    ("seventy", 70, 70, None, None),
    ("one hundred and twenty", 120, 120, None, None),
    ("two thousand", 2000, 2000, None, None),
    ("1,200", 1200, 1200, None, None),
    ("25,000", 25000, 25000, None, None),
    ("1.5 million", 1_500_000, 1_500_000, None, None),
    ("3 million", 3_000_000, 3_000_000, None, None),
    ("a hundred", 100, 100, None, None),
    ("zero", 0, 0, None, None),
    # a bare number is taken at its word, even one that looks like a year
    ("2014", 2014, 2014, None, None),
    # the phrase with its noun still parses
    ("at least 70 militants", 70, 70, None, "at least"),
    ("an elderly woman", 1, 1, None, None),
]


@pytest.mark.parametrize(("phrase", "low", "best", "high", "qualifier"), FIGURES)
def test_parse_count_figures(phrase, low, best, high, qualifier):
    count = parse_count(phrase)
    assert count is not None, phrase
    assert (count.low, count.best, count.high, count.qualifier) == (low, best, high, qualifier)


@pytest.mark.parametrize(
    ("phrase", "exact"),
    [("eight", True), ("1,200", True), ("a", True), ("At least 70", False), ("dozens", False),
     ("10 to 15", False), ("about 800", False), ("two dozen", False)],
)
def test_parse_count_exactness(phrase, exact):
    assert parse_count(phrase).exact is exact


@pytest.mark.parametrize(
    "phrase",
    [
        "three-year-old",  # an age, not three people
        "aged 25",
        "48 hours",
        "48-hour",
        "34-mile",
        "40km",
        "August 21",
        "21 August 2017",
        "5 p.m.",
        "10:30",
        "$5 million",
        "50 percent",
        "second",
        "many",
        "numerous",
        "some",
        "no one",
        "",
        "   ",
        "the",
        "killed",
        "2.5",
    ],
)
def test_parse_count_non_counts(phrase):
    assert parse_count(phrase) is None


def test_an_aged_person_is_one_person_not_their_age():
    assert parse_count("a 25-year-old").best == 1
    assert parse_count("a three-year-old girl").best == 1


def test_count_is_frozen():
    count = parse_count("at least 70")
    with pytest.raises(AttributeError):
        count.best = 1  # type: ignore[misc]


# --------------------------------------------------------------------------------------
# find_counts
# --------------------------------------------------------------------------------------


def _spans(text: str, kind: str | None = "quantity") -> list[CountSpan]:
    return [s for s in find_counts(text) if kind is None or s.kind == kind]


def test_parts_are_separate_spans():
    text = "At least 42 civilians, including 12 women and 19 children, died in the attack."
    spans = _spans(text)
    assert [(s.text, s.count.best, s.head) for s in spans] == [
        ("At least 42", 42, "civilians"),
        ("12", 12, "women"),
        ("19", 19, "children"),
    ]
    for s in spans:
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize(
    ("text", "span_text", "best", "high", "head"),
    [
        ("Jets are flying 60 to 70 flights a day over the region.", "60 to 70", 60, 70, "flights"),
        ("The planes have flown 990 missions so far.", "990", 990, None, "missions"),
        ("They destroyed 40 armored vehicles near the town.", "40", 40, None, "vehicles"),
        ("Strikes hit more than 100 trucks on the road.", "more than 100", 101, None, "trucks"),
        ("Up to 25,000 civilians trapped inside the city.", "Up to 25,000", 25000, 25000,
         "civilians"),
        ("Tens of thousands of civilians have fled.", "Tens of thousands", 10000, None,
         "civilians"),
        ("At least 70 Islamic State militant fighters have been killed.", "At least 70", 70,
         None, "fighters"),
        ("Dozens of people were wounded.", "Dozens", 12, None, "people"),
        ("The strike killed eight civilians, including three children.", "eight", 8, None,
         "civilians"),
        ("A young man was shot dead on the corner.", "A", 1, None, "man"),
        ("One of the victims died in hospital.", "One", 1, None, "victims"),
        ("Militants killed 1400 civilians in the region.", "1400", 1400, None, "civilians"),
        ("Fighting killed 2000 people there.", "2000", 2000, None, "people"),
        ("Thirty civilians were killed in the raid.", "Thirty", 30, None, "civilians"),
        ("Police found two 4-year-olds unharmed.", "two", 2, None, "4-year-olds"),
        ("Some 20 civilians were killed near the border.", "Some 20", 20, None, "civilians"),
        ("the bombing killed four and wounded 11 others", "11", 11, None, "others"),
        ("Dozens more were wounded in the blast.", "Dozens", 12, None, "more"),
    ],
)
def test_find_counts_quantities(text, span_text, best, high, head):
    matches = [s for s in _spans(text) if s.text == span_text]
    assert matches, [(s.text, s.kind) for s in find_counts(text)]
    span = matches[0]
    assert (span.count.best, span.count.high, span.head) == (best, high, head)
    assert text[span.start:span.end] == span_text


def test_noun_phrase_keeps_modifiers():
    [span] = _spans("They destroyed 40 armored vehicles.")
    assert span.noun_phrase == "armored vehicles"
    [span] = _spans("At least 70 Islamic State militant fighters have been killed.")
    assert span.noun_phrase == "Islamic State militant fighters"


def test_participle_after_noun_is_not_the_head():
    [span] = _spans("Up to 25,000 civilians trapped in the old city.")
    assert span.head == "civilians"


def test_number_without_noun_has_no_head():
    spans = _spans("The bombing killed four, the monitor said.")
    assert [(s.text, s.head) for s in spans] == [("four", None)]


@pytest.mark.parametrize(
    ("text", "span_text", "kind"),
    [
        # years
        ("The city was captured in 2014 by the militants.", "2014", "year"),
        ("They have fought since 2011.", "2011", "year"),
        ("The 2014 offensive failed.", "2014", "year"),
        ("Nothing like it since the 1990s.", "1990s", "year"),
        ("Fighting resumed in mid-2012.", "mid-2012", "year"),
        # dates
        ("The attack happened on August 21 near the town.", "August 21", "date"),
        ("The attack happened on 21 August 2017 near the town.", "21 August 2017", "date"),
        ("It was dated Aug. 25th, 2017.", "Aug. 25th, 2017", "date"),
        ("The raid took place in August 2014.", "August 2014", "date"),
        ("Filed 24.08.2013 by the desk.", "24.08.2013", "date"),
        ("Filed 2017-08-25 by the desk.", "2017-08-25", "date"),
        ("Filed 17-08-2013 by the desk.", "17-08-2013", "date"),
        ("Filed 8/21/2016 by the desk.", "8/21/2016", "date"),
        # times
        ("Shots rang out at 5 p.m. on the street.", "5 p.m.", "time"),
        ("Shots rang out at 10:29 a.m. on the street.", "10:29 a.m.", "time"),
        ("Police arrived around 10:00pm.", "10:00pm", "time"),
        ("The blast came at 6am local time.", "6am", "time"),
        # ages
        ("A 25-year-old man was arrested.", "25-year-old", "age"),
        ("A three-year-old girl was hurt.", "three-year-old", "age"),
        ("The victim, aged 25, died.", "25", "age"),
        ("The boy was 12 years old.", "12 years old", "age"),
        ("John Doe, 58, was charged.", "58", "age"),
        ("Jane Roe (19) was charged.", "19", "age"),
        ("Two teens, ages 14 and 17, were hurt.", "14", "age"),
        ("Two teens, ages 14 and 17, were hurt.", "17", "age"),
        ("Both men were in their 20s.", "20s", "age"),
        ("The poet died in his sleep at the age of 83.", "83", "age"),
        ("Ines Varga, 41 (shot in the hallway)", "41", "age"),
        # ordinals
        ("It was the second attack this week.", "second", "ordinal"),
        ("It was the 3rd attack this week.", "3rd", "ordinal"),
        ("It was the twenty-first attack.", "twenty-first", "ordinal"),
        # money
        ("The bond was set at $500,000 on Friday.", "$500,000", "money"),
        ("Damage reached $5 million in the city.", "$5 million", "money"),
        ("He was paid 300 dollars for it.", "300 dollars", "money"),
        # measures
        ("Fighting went on for 48 hours in the district.", "48", "measure"),
        ("A 48-hour truce began.", "48", "measure"),
        ("A 34-mile (55-kilometer) stretch of road.", "34", "measure"),
        ("A 34-mile (55-kilometer) stretch of road.", "55", "measure"),
        ("The dam lies 40km upstream.", "40", "measure"),
        ("They captured more than 270 square kilometers of land.", "more than 270", "measure"),
        ("About 50 percent of homes were damaged.", "About 50", "measure"),
        ("Three days of fighting followed.", "Three", "measure"),
        ("They took two-thirds of the territory.", "two", "measure"),
        ("The shell landed 2.5 km away.", "2.5", "measure"),
        ("She slapped him at least two times.", "at least two", "measure"),
        # addresses and labels
        ("Police were called to the 3500 block of Main Street.", "3500", "address"),
        ("The shooting happened at 236 Oak Road.", "236", "address"),
        ("Belgian F-16 jets were in the area.", "F-16", "label"),
        ("Call 911 if you see him.", "911", "label"),
        ("Call the police at 555-0100 with tips.", "555", "label"),
        ("The council passed Resolution 2254 that year.", "2254", "label"),
        ("He forced the door of apartment 215, where he shot the tenants.", "215", "label"),
        ("Image 3 of 12 shows the street.", "3", "label"),
        ("Image 3 of 12 shows the street.", "12", "label"),
    ],
)
def test_find_counts_kinds(text, span_text, kind):
    matches = [s for s in find_counts(text) if s.text == span_text]
    assert matches, [(s.text, s.kind) for s in find_counts(text)]
    assert matches[0].kind == kind
    assert text[matches[0].start:matches[0].end] == span_text


@pytest.mark.parametrize(
    "text",
    [
        "A three-year-old girl was wounded.",
        "The victim, a 25-year-old, died.",
        "Clashes raged for 48 hours.",
        "The attack on August 21 at 5 p.m. killed nobody.",
        "It was the second time in 2014.",
        "A 34-mile (55-kilometer) road.",
        "The 3500 block of Main Street.",
    ],
)
def test_non_counts_are_never_quantities_of_their_number(text):
    """The numbers in these sentences are ages, durations, dates, distances: none is a
    quantity (an article "a" before a person noun may be, and is fine)."""
    for span in find_counts(text):
        if span.kind == "quantity":
            assert span.text.lower() in ("a", "an"), span


def test_article_needs_a_person_noun():
    assert _spans("A monitoring group said a major push had failed.") == []
    spans = _spans("A suicide bomber killed a policeman and a 25-year-old man.")
    assert [(s.text, s.head) for s in spans] == [("A", "bomber"), ("a", "policeman"),
                                                  ("a", "man")]


def test_one_in_no_one_is_not_a_count():
    assert _spans("No one was hurt, and they blamed one another.") == []


def test_article_with_a_dozen_is_twelve_not_one():
    [span] = _spans("A dozen soldiers were killed.")
    assert (span.text, span.count.best) == ("A dozen", 12)


def test_count_of_non_quantity_spans():
    by_text = {s.text: s for s in find_counts("On August 21, 2017 at 5 p.m., aged 25.")}
    assert by_text["August 21, 2017"].count is None
    assert by_text["5 p.m."].count is None
    assert by_text["25"].count.best == 25


def test_offsets_are_relative_to_input():
    prefix = "x" * 17 + " "
    text = prefix + "killing about 800 militants"
    [span] = _spans(text)
    assert span.start == len(prefix) + len("killing ")
    assert text[span.start:span.end] == "about 800"


def test_empty_and_numberless_text():
    assert find_counts("") == []
    assert find_counts("No numbers here at all.") == []


# --------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------

_PIECES = [
    "at least", "more than", "nearly", "up to", "fewer than", "about", "between", "and", "to",
    "or", "of", "a", "an", "one", "two", "twenty", "-", "–", "one", "hundred", "thousand",
    "dozen", "dozens", "tens", "hundreds", "thousands", "several", "few", "70", "200", "1,200",
    "2014", "25", "0", "999999999999999999999", "1.5", "million", "year", "old", "-year-old",
    "hours", "km", "%", "$", "August", "May", "21st", "p.m.", "a.m.", "10:30", "24.08.2013",
    "17-08-2013", "civilians", "man", "killed", "block", "(", ")", ",", ".", "aged", "F-16",
    "+", "or more", "odd", "plus", "half", "second", "no", "Street", "911",
]
_pieces_text = st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join)
_glued_text = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join)
_any_text = st.one_of(st.text(max_size=120), _pieces_text, _glued_text)


def _valid(count: Count) -> bool:
    top = count.best if count.high is None else count.high
    return 0 <= count.low <= count.best <= top


@settings(max_examples=400, deadline=None)
@given(_any_text)
def test_parse_count_never_raises_and_is_ordered(text):
    count = parse_count(text)
    assert count is None or _valid(count)


@settings(max_examples=400, deadline=None)
@given(_any_text)
@example("AUGUST00.0")  # a month before four characters of number that are no year
def test_find_counts_never_raises_and_spans_are_sound(text):
    spans = find_counts(text)
    last_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.text
        assert span.start >= last_end  # in order, no overlaps
        last_end = span.end
        assert span.kind in {"quantity", "year", "date", "time", "age", "ordinal", "money",
                             "measure", "address", "label"}
        if span.kind == "quantity":
            assert span.count is not None
        if span.count is not None:
            assert _valid(span.count)
