"""Numbers in news sentences, read the way a conflict analyst reads them.

Two pure functions, no spaCy: `find_counts(sentence)` lists every number phrase with its
character span, what kind of number it is and the noun it counts; `parse_count(phrase)`
turns the words of one quantity phrase into conservative figures. Deciding whether a
number is a death toll is the caller's job (it knows the verb); this module only makes
sure the caller never mistakes a year, a date, an age, a distance or a price for a count
of people, and that every count follows the same ACLED-style rules.

The figures (SPEC §3 "Counts are conservative"; ACLED's fatality rules):

* ``best`` is what an ACLED coder enters: the stated figure, moved to the nearest whole
  number the wording allows.  Exclusive bounds move by one, so "more than 200" and
  "over 200" give 201 and "fewer than 10" gives 9; "nearly 30"/"almost 30" say the true
  figure is below 30, so they give 29.  "At least 70", "about 800", "an estimated 800",
  "some 20" give the stated figure.
* ``low`` is the smallest count the wording supports.  It equals ``best`` except for
  upper-bound wordings ("up to 50", "as many as 50", "fewer than 10", "no more than 5")
  which give no floor: low is 1, best the stated bound, high the bound.  An analyst who
  wants the strictest figure reads ``low``.
* ``high`` is the largest figure the text states: the top of a range ("10 to 15",
  "between 10 and 15", "10-15" give 10/10/15) or an upper bound; None when unbounded.
* Vague plurals use ACLED's fixed values: "tens" 10, "dozens" 12, "scores" 20,
  "hundreds" 100, "thousands" 1,000, "tens of thousands" 10,000, "hundreds of thousands"
  100,000.  "Several/a few dozen (hundred, thousand)" take the unit's value too, so they
  never exceed the plain plural.  "Several" is 3 (the smallest number it can mean; ACLED's
  own code for unknown numbers varies across codebook versions, so we stay with the
  smallest reading), "a few", "a handful" and "a couple of" are 2.  "Many", "numerous" and
  "some" without a number are not counts at all.
* "a"/"an"/"one" count one person ("a young man was killed").  In running text an article
  is only reported when a person noun follows within a few words, otherwise every "a"
  would be a count.
* Numbers glued into modifiers are not counts of people: "three-year-old" is an age,
  "34-mile" a distance, "48-hour" a duration.

Every span has a ``kind``: 'quantity' (a count of things, possibly people), or one of the
kinds a caller must skip: 'year', 'date', 'time', 'age', 'ordinal', 'money', 'measure'
(durations, distances, areas, percentages, fractions, decimals), 'address' (house and
block numbers, "the 3500 block of") and 'label' (identifiers: "F-16", "Route 9",
"Resolution 2254").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from text_to_num import text2num

__all__ = ["Count", "CountSpan", "parse_count", "find_counts", "PERSON_NOUNS"]


@dataclass(frozen=True)
class Count:
    """Conservative figures for one quantity phrase (see the module docstring).

    ``qualifier`` names the wording's category, not its words: None (a plain number),
    'at least', 'more than', 'about', 'nearly', 'up to', 'fewer than', 'another' ("a further
    12": maybe on top of an earlier count), 'exactly' ("a total of", "only"), 'range' or
    'vague' (dozens, hundreds, several).  ``exact`` is True only for a plain or exactly-worded
    figure.
    """

    low: int
    best: int
    high: int | None
    exact: bool
    qualifier: str | None


@dataclass(frozen=True)
class CountSpan:
    """One number phrase in a sentence: ``text[start:end]`` are its words.

    ``count`` is None for dates and times.  ``noun_phrase`` is the words it counts
    ("Islamic State militant fighters", "square kilometers") and ``head`` the last of them,
    lower-cased ("fighters", "kilometers"), or None when no noun follows ("killing four").
    """

    start: int
    end: int
    text: str
    kind: str
    count: Count | None
    head: str | None
    noun_phrase: str | None


# --------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------

_UNITS_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS_WORDS = "twenty thirty forty fourty fifty sixty seventy eighty ninety".split()
_SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_WORDS = frozenset(_UNITS_WORDS) | frozenset(_TENS_WORDS) | frozenset(_SCALE_WORDS)
# Multipliers after a digit number: "1.5 million", "25 thousand".
_DIGIT_MULTIPLIERS = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100, "thousandth": 1000,
}

# Vague plurals: ACLED's codes ("tens" 10, "dozens" 12, "hundreds" 100) and the same idea
# for the others.  "X of thousands" multiplies.
_VAGUE_PLURALS = {
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
    "millions": 1_000_000,
}
_VAGUE_UNITS = {"dozen": 12, "dozens": 12, "hundred": 100, "hundreds": 100,
                "thousand": 1_000, "thousands": 1_000, "million": 1_000_000,
                "millions": 1_000_000}
# Words that say "a small unknown number"; the value is the smallest they can mean
# ("several" is 3, handled on its own since it takes no article).
_FEW_WORDS = {("a", "few"): 2, ("a", "handful"): 2, ("a", "couple"): 2}

# Qualifier phrases before a number, longest first when matched.  Category -> phrases.
_QUALIFIERS: dict[str, tuple[str, ...]] = {
    "at least": ("at least", "no fewer than", "no less than", "not less than",
                 "a minimum of", "at the very least", "at a minimum"),
    "more than": ("more than", "over", "in excess of", "upwards of", "upward of", "above",
                  "well over", "just over", "well above", "some more than"),
    "about": ("about", "around", "approximately", "approx", "roughly", "some",
              "an estimated", "estimated", "circa", "an approximate", "approximate",
              "more or less", "a reported", "reportedly"),
    "nearly": ("nearly", "almost", "close to", "just under", "just shy of", "approaching",
               "nearly some", "just below"),
    "up to": ("up to", "as many as", "as much as"),
    "fewer than": ("fewer than", "less than", "under", "below", "no more than",
                   "not more than", "at most", "a maximum of"),
    "another": ("another", "a further", "an additional", "a additional", "additional",
                "further"),
    "exactly": ("a total of", "only", "just", "exactly", "precisely", "a mere"),
}
_QUALIFIER_PHRASES: list[tuple[tuple[str, ...], str]] = sorted(
    ((tuple(p.split()), cat) for cat, ps in _QUALIFIERS.items() for p in ps),
    key=lambda item: -len(item[0]),
)

PERSON_NOUNS = frozenset(
    """person persons people man men woman women child children boy boys girl girls baby
    babies infant infants toddler toddlers teen teens teenager teenagers youth youths adult
    adults kid kids minor minors juvenile juveniles male males female females civilian
    civilians soldier soldiers troop troops fighter fighters militant militants rebel rebels
    insurgent insurgents jihadist jihadists extremist extremists terrorist terrorists gunman
    gunmen militiaman militiamen militia policeman policemen policewoman officer officers
    trooper troopers deputy deputies guard guards member members commander commanders
    leader leaders resident residents villager villagers student students pupil pupils
    journalist journalists reporter reporters photographer photographers doctor doctors
    nurse nurses medic medics paramedic paramedics worker workers volunteer volunteers
    farmer farmers shepherd shepherds driver drivers passenger passengers pedestrian
    pedestrians victim victims suspect suspects shooter shooters bystander bystanders
    relative relatives father fathers mother mothers son sons daughter daughters brother
    brothers sister sisters husband husbands wife wives friend friends neighbor neighbors
    neighbour neighbours cousin cousins uncle uncles aunt aunts nephew nephews niece nieces
    grandmother grandmothers grandfather grandfathers grandson granddaughter teacher
    teachers patient patients hostage hostages prisoner prisoners detainee detainees bomber
    bombers sniper snipers recruit recruits citizen citizens national nationals employee
    employees staffer staffers official officials mayor imam priest cleric tourist tourists
    refugee refugees migrant migrants individual individuals infantryman personnel
    pilot pilots crewman crewmen agent agents clerk clerks customer customers owner owners
    homeowner tenant tenants roommate girlfriend boyfriend fiance fiancee spouse
    dealer dealers robber robbers intruder intruders inmate inmates casualty casualties
    mujahideen paratrooper paratroopers marine marines sergeant lieutenant colonel general
    captain major chief emir""".split()
)
# Person nouns that are also adjectives: "a militant group", "a major push", "an official
# toll".  They head a phrase only when no other word follows them in it.
_ADJECTIVAL_PERSON_NOUNS = frozenset(
    """major general chief minor national official male female juvenile adult civilian
    militant rebel jihadist extremist terrorist insurgent suspect student youth teen marine
    captain child kid""".split()
)
_PERSON_NOUN_RE = re.compile(r"^\d+-?(?:year|month|week|day)s?-?olds?$")

_IRREGULAR_PLURALS = frozenset(
    "people men women children police personnel staff troops cattle gunmen militiamen "
    "policemen feet mujahideen livestock sheep".split()
)

# Words that end a noun phrase after a number.
_STOP_WORDS = frozenset(
    """a an the and or but nor of in on at to from by with without for as near into onto
    over under after before during since while when where who whom whose which that this
    these those including include includes included among amid between than per each every
    daily weekly were was are is be been being have has had having said say says saying
    will would could can may might should shall must do did does done not no also more
    it its they their them he she his her him we our you your i me my there here
    killed died dead wounded injured hurt missing according reportedly allegedly including
    across against toward towards through throughout around about up down out off
    if then so yet just only still even all both either neither some any many most much
    such what how why whether until till again ago later earlier today yesterday tonight
    another other others less fewer least""".split()
) - {"others", "other", "more"}
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

_UNITS = frozenset(
    """hour hours hr hrs minute minutes min mins second seconds sec secs day days week weeks
    month months year years decade decades century centuries km kms kilometer kilometers
    kilometre kilometres mile miles meter meters metre metres m cm mm ft feet foot yard yards
    inch inches kg kgs kilogram kilograms kilo kilos gram grams ton tons tonne tonnes lb lbs
    liter liters litre litres gallon gallons hectare hectares acre acres degree degrees
    percent pc mph kph kmh knots calibre caliber times fold hectar sq nautical""".split()
)
_AREA_PREFIXES = frozenset({"square", "sq", "cubic"})
_FRACTIONS = frozenset("half halves third thirds quarter quarters fifth fifths tenth tenths".split())
_CURRENCY_WORDS = frozenset(
    """dollar dollars usd euro euros eur gbp sterling lira liras lire ruble rubles rouble
    roubles yuan riyal riyals rial rials dinar dinars dirham dirhams rupee rupees cent cents
    shekel shekels pound pounds franc francs yen""".split()
)
_CURRENCY_SYMBOLS = frozenset("$£€¥₺₽")
_TIME_WORDS = frozenset("am pm gmt utc est edt cst cdt pst pdt bst cet cest o'clock hrs".split())
_AGE_BEFORE = frozenset({"aged", "age", "ages"})
_YEAR_BEFORE = frozenset(
    """in since of by until till from during early late mid before after year summer spring
    winter autumn fall the between to through""".split()
)
_ROOM_WORDS = frozenset({"apartment", "apt", "room", "suite"})
"""Label words that name a number in lower case too ("the door of apartment 304")."""
_STREET_SUFFIXES = frozenset(
    """street st avenue ave road rd drive dr boulevard blvd lane ln way place pl court ct
    highway hwy parkway pkwy terrace circle trail loop pike square""".split()
)
_LABEL_BEFORE = frozenset(
    """highway hwy route rt interstate no nos number apt apartment suite unit room flight
    resolution article chapter section page channel gate platform exit bus line level
    phase grade class image photo slide video picture gallery region news channel
    district precinct ward station""".split()
)


# --------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])"  # 1,200 / 25,000
    r"|[0-9]+(?:\.[0-9]+)+"          # 1.5 / 24.08.2013
    r"|[0-9]+(?::[0-9]+)?"            # 42 / 10:29
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"   # words, "Tuesday's", "o'clock"
    r"|\S"                            # punctuation, symbols, hyphens
)


class _Tok(NamedTuple):
    """A word of the sentence (a tuple: made for every word of every sentence read, and a
    frozen dataclass costs several times as much to build)."""

    text: str
    start: int
    end: int
    low: str
    is_num: bool
    is_word: bool


def _tokenize(text: str) -> list[_Tok]:
    toks = []
    for m in _TOKEN_RE.finditer(text):
        t = m.group()
        toks.append(_Tok(t, m.start(), m.end(), t.lower(), t[0] in "0123456789", t[0].isalpha()))
    return toks


def _glued(a: _Tok, b: _Tok) -> bool:
    return a.end == b.start


def _is_hyphen(t: _Tok) -> bool:
    return t.text in "-‐‑–—"


# --------------------------------------------------------------------------------------
# Number cores
# --------------------------------------------------------------------------------------


@dataclass
class _Num:
    i: int            # first token
    j: int            # one past the last token
    value: int
    vague: bool = False
    decimal: bool = False
    article: bool = False
    multiplied: bool = False


_MAX_DIGITS = 15  # longer digit strings are identifiers, not counts (and int() has limits)


def _digit_value(tok: _Tok) -> tuple[int, bool] | None:
    """Value of a digit token and whether it was a decimal; None if it is not a number."""
    t = tok.text
    if ":" in t or t.count(".") > 1:
        return None
    raw = t.replace(",", "")
    if len(raw.split(".")[0]) > _MAX_DIGITS:
        return None
    if "." in raw:
        return int(float(raw)), True
    return int(raw), False


@lru_cache(maxsize=4096)
def _words_value(words: tuple[str, ...]) -> int | None:
    try:
        return text2num(" ".join(words), "en")
    except (ValueError, IndexError, AttributeError):
        return None


def _parse_word_number(toks: list[_Tok], i: int) -> _Num | None:
    """'twenty-one', 'one hundred and twenty', 'seventy' -> value via text2num.

    Adjacent number words are collected, then shrunk from the right until text2num accepts
    them, so "one two" reads as "one".
    """
    first = toks[i].low
    if first not in _NUMBER_WORDS or first in _SCALE_WORDS:
        return None
    units: list[tuple[tuple[str, ...], int]] = [((first,), i + 1)]  # (words added, end tok)
    k = i + 1
    while k < len(toks):
        t = toks[k]
        if t.low in _NUMBER_WORDS:
            units.append(((t.low,), k + 1))
            k += 1
        elif (_is_hyphen(t) and k + 1 < len(toks) and _glued(toks[k - 1], t)
              and _glued(t, toks[k + 1]) and toks[k + 1].low in _NUMBER_WORDS):
            units.append(((toks[k + 1].low,), k + 2))
            k += 2
        elif (t.low == "and" and units[-1][0][-1] in _SCALE_WORDS and k + 1 < len(toks)
              and toks[k + 1].low in _NUMBER_WORDS and toks[k + 1].low not in _SCALE_WORDS):
            units.append((("and", toks[k + 1].low), k + 2))
            k += 2
        else:
            break
    while units:
        words = tuple(w for unit, _ in units for w in unit)
        value = _words_value(words)
        if value is not None:
            return _Num(i, units[-1][1], value, multiplied=words[-1] in _SCALE_WORDS)
        units.pop()
    return None


def _low(toks: list[_Tok], k: int) -> str:
    return toks[k].low if 0 <= k < len(toks) else ""


def _parse_core(toks: list[_Tok], i: int) -> _Num | None:
    """A number at token i: digits, number words, dozens, vague plurals, 'several', 'a'."""
    t = toks[i]
    if t.is_num:
        dv = _digit_value(t)
        if dv is None:
            return None
        value, decimal = dv
        num = _Num(i, i + 1, value, decimal=decimal)
        nxt = _low(toks, i + 1)
        if nxt in _DIGIT_MULTIPLIERS:
            num.value = int(float(t.text.replace(",", "")) * _DIGIT_MULTIPLIERS[nxt])
            num.j, num.decimal, num.multiplied = i + 2, False, True
        elif nxt == "dozen":
            num.value, num.j, num.vague = value * 12, i + 2, True
        return num
    low = t.low
    # "half a dozen"
    if low == "half" and _low(toks, i + 1) == "a" and _low(toks, i + 2) == "dozen":
        return _Num(i, i + 3, 6, vague=True)
    # "a hundred", "a dozen", "a thousand", "a few", "a handful", "a couple of"
    if low in ("a", "an"):
        nxt = _low(toks, i + 1)
        if nxt == "dozen":
            return _Num(i, i + 2, 12, vague=True)
        if nxt in _SCALE_WORDS:
            return _Num(i, i + 2, _SCALE_WORDS[nxt], multiplied=True)
        for words, value in _FEW_WORDS.items():
            if nxt == words[1]:
                if nxt == "couple" and _low(toks, i + 2) != "of":
                    return None  # "a couple was shot": a pair of people, not "a few"
                return _few_tail(toks, i, i + 2, value)
        return _Num(i, i + 1, 1, article=True)
    if low == "several":
        return _few_tail(toks, i, i + 1, 3)
    if low in _VAGUE_PLURALS:
        value = _VAGUE_PLURALS[low]
        j = i + 1
        # "tens of thousands", "hundreds of thousands"
        if _low(toks, j) == "of" and _low(toks, j + 1) in ("thousands", "millions"):
            value *= _VAGUE_PLURALS[_low(toks, j + 1)]
            j += 2
        return _Num(i, j, value, vague=True)
    if low in _NUMBER_WORDS:
        num = _parse_word_number(toks, i)
        if num is None:
            return None
        nxt = _low(toks, num.j)
        if nxt == "dozen":
            num.value, num.j, num.vague = num.value * 12, num.j + 1, True
        return num
    return None


_CORE_STARTS = frozenset({"half", "a", "an", "several", *_VAGUE_PLURALS, *_NUMBER_WORDS})
"""The words `_parse_core` can read a number from (besides digits)."""


def _few_tail(toks: list[_Tok], i: int, j: int, value: int) -> _Num:
    """'several', 'a few' ... optionally followed by a unit: 'several dozen' -> 12."""
    unit = _low(toks, j)
    if unit in _VAGUE_UNITS:
        return _Num(i, j + 1, _VAGUE_UNITS[unit], vague=True)
    return _Num(i, j, value, vague=True)


_QUALIFIERS_BY_LAST_WORD: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _cat in _QUALIFIER_PHRASES:  # longest first within each last word, as in the list
    _QUALIFIERS_BY_LAST_WORD.setdefault(_words[-1], []).append((_words, _cat))


def _match_qualifier(toks: list[_Tok], end: int) -> tuple[int, str] | None:
    """A qualifier phrase ending just before token `end`: (first token, category).  Only the
    phrases ending in that token's word are tried: it is called for every number."""
    if end < 1:
        return None
    for words, cat in _QUALIFIERS_BY_LAST_WORD.get(toks[end - 1].low, ()):
        k = end - len(words)
        if k < 0:
            continue
        if all(toks[k + m].low == w for m, w in enumerate(words)):
            return k, cat
    return None


# --------------------------------------------------------------------------------------
# Quantity phrases (qualifier + number + range)
# --------------------------------------------------------------------------------------


@dataclass
class _Phrase:
    i: int                   # first token (qualifier included)
    j: int                   # one past the last token
    core: _Num
    count: Count
    core_i: int              # first token of the number itself


def _count_from(core: _Num, qualifier: str | None, high_value: int | None) -> Count:
    n = core.value
    if high_value is not None:  # "between 12 and 7" is read as 7 to 12: the lower figure counts
        low, high = min(n, high_value), max(n, high_value)
        return Count(low, low, high, False, "range")
    exact = not core.vague and qualifier in (None, "exactly", "another") and not core.decimal
    if core.vague and qualifier is None:
        qualifier = "vague"
    if qualifier == "more than":
        return Count(n + 1, n + 1, None, False, qualifier)
    if qualifier == "nearly":
        b = max(n - 1, 0)
        return Count(b, b, None, False, qualifier)
    if qualifier == "up to":
        return Count(min(1, n), n, n, False, qualifier)
    if qualifier == "fewer than":
        b = max(n - 1, 0)
        return Count(min(1, b), b, b, False, qualifier)
    return Count(n, n, None, exact, qualifier)


def _parse_phrase(toks: list[_Tok], i: int) -> _Phrase | None:
    """A quantity phrase whose number starts at token i (qualifier looked up leftwards)."""
    n = len(toks)
    core = _parse_core(toks, i)
    if core is None:
        return None
    start = i
    qualifier = None
    q = _match_qualifier(toks, i)
    range_kw = _low(toks, i - 1)
    high: int | None = None
    j = core.j
    if range_kw in ("between", "from") and not core.article:  # "between 10 and 15"
        sep = "and" if range_kw == "between" else "to"
        if _low(toks, j) == sep and j + 1 < n:
            second = _parse_core(toks, j + 1)
            if second is not None and not second.article and not second.vague:
                high, j, core = _range_high(core, second)
                start = i - 1
    if high is None and q is not None and not core.article:
        start, qualifier = q
    if high is None and not core.article and not core.vague and j < n:
        # "60 to 70", "10-15", "two or three"
        sep_tok = toks[j]
        if sep_tok.low in ("to", "or") or (_is_hyphen(sep_tok) and sep_tok.text != "—"):
            if j + 1 < n:
                second = _parse_core(toks, j + 1)
                if (second is not None and not second.article and not second.vague
                        and second.value > core.value
                        and toks[j + 1].is_num == toks[core.i].is_num
                        and not (_is_hyphen(sep_tok) and _date_like_hyphen(toks, core.i))):
                    h, j2, core2 = _range_high(core, second)
                    high, j, core = h, j2, core2
    # trailing "or more", "+", "-plus", "or so", "-odd"
    if high is None and not core.article:
        if _low(toks, j) == "or" and _low(toks, j + 1) == "more":
            qualifier, j = "at least", j + 2
        elif j < n and toks[j].text == "+" and _glued(toks[j - 1], toks[j]):
            qualifier, j = "at least", j + 1
        elif (j + 1 < n and _is_hyphen(toks[j]) and _glued(toks[j - 1], toks[j])
              and toks[j + 1].low in ("plus", "odd")):
            qualifier = "at least" if toks[j + 1].low == "plus" else "about"
            j += 2
        elif _low(toks, j) == "odd" or (_low(toks, j) == "or" and _low(toks, j + 1) == "so"):
            qualifier = "about"
            j += 1 if _low(toks, j) == "odd" else 2
    count = _count_from(core, qualifier, high)
    return _Phrase(start, j, core, count, i)


def _range_high(first: _Num, second: _Num) -> tuple[int, int, _Num]:
    """Top of a range; "between 2 and 3 million" scales the first figure too.

    Only a first figure below the second's own ("2" under "3 million") shares its scale:
    "between one and a hundred" is 1 to 100, not 100 to 100.
    """
    if second.multiplied and not first.multiplied and first.value < second.value:
        # scale the first by the second's multiplier
        for mult in (1_000_000_000, 1_000_000, 1_000, 100):
            if second.value % mult == 0 and first.value < second.value // mult < 1000:
                first = _Num(first.i, first.j, first.value * mult, first.vague, first.decimal)
                break
    return second.value, second.j, first


def _date_like_hyphen(toks: list[_Tok], i: int) -> bool:
    """'2017-08-25' or '17-08-2013': three hyphen-glued numbers."""
    k = i
    if k + 4 < len(toks):
        a, h1, b, h2, c = toks[k:k + 5]
        return (a.is_num and b.is_num and c.is_num and _is_hyphen(h1) and _is_hyphen(h2)
                and _glued(a, h1) and _glued(h1, b) and _glued(b, h2) and _glued(h2, c))
    return False


# --------------------------------------------------------------------------------------
# Kinds
# --------------------------------------------------------------------------------------


def _is_plural(word: str) -> bool:
    w = word.lower()
    if w in _IRREGULAR_PLURALS:
        return True
    if word.isupper() and len(word) > 1:  # ISIS, SDF, YPG: acronyms, not plurals
        return False
    return (len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))
            and w not in _STOP_WORDS)


def _noun_phrase(toks: list[_Tok], j: int, *, person_only: bool = False,
                 max_words: int = 5) -> tuple[int, int] | None:
    """Token range [a, b) of the noun phrase starting at token j (after the number).

    The phrase ends at its first plural noun ("Islamic State militant fighters have" ->
    "... fighters"), at a stop word, a weekday or month, or punctuation.  Without a plural
    noun, trailing participles are dropped ("civilians trapped" -> "civilians").  With
    `person_only` the phrase must reach a person noun (used for "a"/"an").
    """
    n = len(toks)
    k = j
    # skip "of", "of the", "of those"
    if _low(toks, k) == "of":
        k += 1
        if _low(toks, k) in ("the", "those", "these", "his", "her", "their", "its"):
            k += 1
    a = k
    words: list[tuple[int, int, str]] = []  # (first tok, last tok + 1, lower text)
    while k < n and len(words) < max_words:
        t = toks[k]
        if not (t.is_word or t.is_num):
            break
        # glue hyphen compounds: "pro-regime", "25-year-old", "Kurdish-led"
        e = k + 1
        while (e + 1 < n and _is_hyphen(toks[e]) and _glued(toks[e - 1], toks[e])
               and _glued(toks[e], toks[e + 1]) and (toks[e + 1].is_word or toks[e + 1].is_num)):
            e += 2
        word = "".join(x.text for x in toks[k:e])
        lw = word.lower()
        if lw in _STOP_WORDS or lw in _WEEKDAYS or (lw in _MONTHS and word[0].isupper()
                                                    and len(words) > 0):
            break
        if t.is_num and not _PERSON_NOUN_RE.match(lw):
            break
        words.append((k, e, lw))
        k = e
        if (person_only and lw in _ADJECTIVAL_PERSON_NOUNS and k < n and toks[k].is_word
                and toks[k].low not in _STOP_WORDS and toks[k].low not in _WEEKDAYS):
            continue  # "a militant group": look at the next word
        if person_only and (lw in PERSON_NOUNS or _PERSON_NOUN_RE.match(lw)):
            # "a 25-year-old man": keep going if a person noun follows the age
            if _PERSON_NOUN_RE.match(lw) and k < n and toks[k].is_word and (
                    toks[k].low in PERSON_NOUNS):
                continue
            return a, k
        if not person_only and (_is_plural(word) or lw in ("people", "persons", "others")):
            return a, k
    if person_only:
        return None
    # no plural noun: drop trailing participles and adverbs ("four killed", "one fatally")
    while words and (words[-1][2].endswith(("ed", "ing", "ly")) or words[-1][2] == "other"):
        words.pop()
    if not words:
        return None
    return a, words[-1][1]


def _classify(toks: list[_Tok], ph: _Phrase) -> tuple[str, int, int]:
    """Kind of the phrase and the (possibly widened) token range it covers."""
    core = ph.core
    i, j = ph.core_i, ph.j
    n = len(toks)
    first = toks[i]
    prev = _low(toks, i - 1)
    prev_tok = toks[i - 1] if i > 0 else None
    nxt = _low(toks, j)
    nxt_tok = toks[j] if j < n else None

    if first.is_num:
        # numeric dates: 24.08.2013, 2017-08-25, 17-08-2013, 8/21/2016
        if first.text.count(".") == 2:
            return "date", i, core.j
        if _date_like_hyphen(toks, i):
            return "date", i, i + 5
        if (i + 4 < n and toks[i + 1].text == "/" and toks[i + 3].text == "/"
                and toks[i + 2].is_num and toks[i + 4].is_num
                and all(_glued(toks[m], toks[m + 1]) for m in range(i, i + 4))):
            return "date", i, i + 5
        # "August 21", "Aug. 25th, 2017", "Jul 282016" (day and year glued)
        m = i - 1
        if m >= 0 and toks[m].text == ".":
            m -= 1
        if m >= 0 and toks[m].low in _MONTHS and toks[m].text[0].isupper():
            glued_year = len(first.text) in (5, 6) and 1900 <= core.value % 10000 <= 2100
            if core.value <= 31 or glued_year:
                return "date", m, _date_tail(toks, core.j)
        # "21 August", "25th of August"
        k = core.j
        if k < n and toks[k].low in ("st", "nd", "rd", "th") and _glued(toks[k - 1], toks[k]):
            k += 1
        if _low(toks, k) == "of":
            k += 1
        if (k < n and toks[k].low in _MONTHS and toks[k].text[0].isupper()
                and core.value <= 31 and not ph.count.qualifier):
            e = k + 1
            if e < n and toks[e].text == "." and toks[k].low != "may":
                e += 1
            if e < n and toks[e].is_num and len(toks[e].text) == 4:
                e += 1
            return "date", i, e
        # "August 2014" is a date, handled when the month is seen (see find_counts)
        # times: "5 p.m.", "10:29", "600am", "1514 GMT"
        if ":" in first.text:
            e = core.j
            return "time", i, _time_tail(toks, e)
        if nxt in _TIME_WORDS or (nxt in ("a", "p") and _low(toks, j + 1) == "." and
                                   _low(toks, j + 2) == "m"):
            return "time", i, _time_tail(toks, j)
        # money
        if prev_tok is not None and prev_tok.text in _CURRENCY_SYMBOLS:
            return "money", ph.i, j
        # ordinal: "3rd", "21st"
        if nxt in ("st", "nd", "rd", "th") and nxt_tok is not None and _glued(toks[j - 1], nxt_tok):
            return "ordinal", i, j + 1
        # decades: "the 1990s" (year), "in their 20s" (age)
        if nxt == "s" and nxt_tok is not None and _glued(toks[j - 1], nxt_tok):
            return ("year" if core.value >= 1800 else "age"), i, j + 1
        # labels glued to letters: "F-16", "MH17", "COVID-19"
        if prev_tok is not None and (prev_tok.is_word and _glued(prev_tok, first)):
            return "label", i, j
        if (prev_tok is not None and _is_hyphen(prev_tok) and _glued(prev_tok, first)
                and i >= 2 and toks[i - 2].is_word and _glued(toks[i - 2], prev_tok)
                and not ph.count.qualifier == "range"):
            if toks[i - 2].low in ("mid", "early", "late", "pre", "post"):
                return ("year" if 1800 <= core.value <= 2100 else "age"), i - 2, j
            return "label", i - 2, j
    # money by words: "500 dollars", "5 million euros"
    if nxt in _CURRENCY_WORDS and not (nxt in ("pound", "pounds") and _low(toks, j + 1) == "of"):
        return "money", ph.i, j + 1
    # ages: "aged 25", "25-year-old", "25 years old", "ages 14 and 17"
    if prev in _AGE_BEFORE or (prev in ("and", "of") and _low(toks, i - 3 if prev == "and" else i - 2) in _AGE_BEFORE):
        return "age", i, j  # "aged 25", "ages 14 and 17", "at the age of 79"
    age_end = _age_tail(toks, j)
    if age_end is not None:
        return "age", i, age_end
    # "John Doe, 58, faces": an age in apposition
    if (prev == "," and i >= 2 and toks[i - 2].is_word and not core.article
            and toks[i - 2].text[0].isupper() and core.value <= 120 and not ph.count.qualifier
            and not core.vague and toks[i - 2].low not in _WEEKDAYS
            and (nxt_tok is None or nxt_tok.text in ",.);(")):
        return "age", i, j
    # measures: units, percentages, decimals, fractions, hyphen compounds
    k = j
    glued_hyphen = False
    if k < n and _is_hyphen(toks[k]) and _glued(toks[k - 1], toks[k]) and k + 1 < n \
            and _glued(toks[k], toks[k + 1]):
        k += 1
        glued_hyphen = True
    unit = _low(toks, k)
    if unit in _AREA_PREFIXES:
        unit = _low(toks, k + 1)
    if unit in _UNITS or unit in _FRACTIONS or unit == "%" or (
            unit == "per" and _low(toks, k + 1) == "cent"):
        if unit == "second" and not glued_hyphen:
            pass  # "a second attack" is an ordinal, counted elsewhere
        else:
            return "measure", ph.i, j
    if core.decimal:
        return "measure", ph.i, j
    if glued_hyphen and toks[k].is_word and toks[k].low not in PERSON_NOUNS:
        return "measure", ph.i, j  # "a 10-vehicle convoy", "two-pronged"
    # identifiers: phone numbers, "(415)", "[21]", "911", "CBS 3"
    if first.is_num and _is_identifier(toks, i, j, core.value):
        return "label", i, j
    # "George Chen (19)": an age in brackets after a name
    if (first.is_num and prev == "(" and nxt == ")" and i >= 2 and toks[i - 2].is_word
            and toks[i - 2].text[0].isupper() and core.value <= 120):
        return "age", i, j
    # addresses and labels
    if first.is_num and not ph.count.qualifier:
        if nxt == "block":
            return "address", i, j
        for m in range(j, min(j + 4, n)):
            tm = toks[m]
            if not tm.is_word or not tm.text[0].isupper():
                break
            if tm.low in _STREET_SUFFIXES and m > j:
                return "address", i, j
        p = i - 1
        if p >= 0 and toks[p].text in ".#":
            p -= 1
        if p >= 0 and toks[p].low in _LABEL_BEFORE and (toks[p].text[0].isupper() or toks[p].low in _ROOM_WORDS):
            return "label", i, j
        if prev == "#":
            return "label", i, j
    # years: 4 digits, 1800-2100, no thousands comma, and not counting a plural noun
    if (first.is_num and not core.multiplied and len(first.text) == 4 and first.text.isdigit()
            and 1800 <= core.value <= 2100 and ph.count.qualifier in (None, "range")):
        np_ = _noun_phrase(toks, j)
        plural_head = np_ is not None and _is_plural("".join(
            x.text for x in toks[np_[1] - 1:np_[1]]))
        if prev in _YEAR_BEFORE or (prev_tok is not None and prev_tok.low in _MONTHS) \
                or not plural_head:
            return "year", i, j
    return "quantity", ph.i, j


def _is_identifier(toks: list[_Tok], i: int, j: int, value: int) -> bool:
    """Numbers that name rather than count: phone numbers, references, stations."""
    n = len(toks)
    first = toks[i]
    prev_tok = toks[i - 1] if i > 0 else None
    nxt_tok = toks[j] if j < n else None
    # "575-4444", "800-222": digit groups joined by a hyphen, the second of 4 digits
    if (nxt_tok is not None and _is_hyphen(nxt_tok) and _glued(first, nxt_tok)
            and j + 1 < n and toks[j + 1].is_num and _glued(nxt_tok, toks[j + 1])
            and len(toks[j + 1].text) == 4 and len(first.text) == 3):
        return True
    if (prev_tok is not None and _is_hyphen(prev_tok) and _glued(prev_tok, first) and i >= 2
            and toks[i - 2].is_num and len(toks[i - 2].text) == 3 and len(first.text) == 4):
        return True
    # "(415) 575", "[21]"
    if (prev_tok is not None and nxt_tok is not None and prev_tok.text in "([" and
            nxt_tok.text in ")]" and (len(first.text) == 3 and prev_tok.text == "(" and
                                      j + 1 < n and toks[j + 1].is_num
                                      or prev_tok.text == "[")):
        return True
    if value == 911 and first.text == "911":
        return True
    # "CBS 3", "KSAT 12": a station or unit code
    if (prev_tok is not None and prev_tok.is_word and prev_tok.text.isupper()
            and len(prev_tok.text) >= 2 and value < 100 and prev_tok.low not in _MONTHS):
        np_ = _noun_phrase(toks, j)
        return np_ is None or not _is_plural(toks[np_[1] - 1].text)
    return False


def _date_tail(toks: list[_Tok], k: int) -> int:
    """Extend a 'Month D' date over 'th', ',' and a year: 'Aug. 25th, 2017'."""
    n = len(toks)
    if k < n and toks[k].low in ("st", "nd", "rd", "th") and _glued(toks[k - 1], toks[k]):
        k += 1
    e = k
    if e < n and toks[e].text == ",":
        e += 1
    if e < n and toks[e].is_num and len(toks[e].text) == 4:
        return e + 1
    return k


def _time_tail(toks: list[_Tok], k: int) -> int:
    n = len(toks)
    if k < n and toks[k].low in _TIME_WORDS:
        return k + 1
    if k + 2 < n and toks[k].low in ("a", "p") and toks[k + 1].text == "." and toks[k + 2].low == "m":
        e = k + 3
        if e < n and toks[e].text == "." and _glued(toks[e - 1], toks[e]):
            e += 1
        return e
    return k


def _age_tail(toks: list[_Tok], j: int) -> int | None:
    """End of '-year-old', ' year-old', ' years old', '-month-old' after a number."""
    n = len(toks)
    k = j
    if k < n and _is_hyphen(toks[k]):
        k += 1
    if _low(toks, k) in ("year", "years", "yr", "yrs", "month", "months", "week", "weeks",
                         "day", "days"):
        e = k + 1
        if e < n and _is_hyphen(toks[e]):
            e += 1
        if _low(toks, e) in ("old", "olds"):
            return e + 1
    if _low(toks, k) == "yo" or (_low(toks, k) == "y" and _low(toks, k + 1) == "/"):
        return k + 1
    return None


# --------------------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------------------


def find_counts(text: str) -> list[CountSpan]:
    """Every number phrase in `text`, in order, with offsets into `text`.

    Quantity spans include their qualifier ("at least 70", "more than 200", "between 10
    and 15").  The caller decides which quantities are deaths from the head noun and the
    verb; parts are separate spans ("42 civilians, including 12 women and 19 children"
    gives three), so that parts are never added to wholes by accident.
    """
    if not text:
        return []
    toks = _tokenize(text)
    spans: list[CountSpan] = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        low = t.low
        # Month followed by a year: "August 2014" -> date
        if (t.is_word and low in _MONTHS and t.text[0].isupper() and i + 1 < n
                and toks[i + 1].is_num and len(toks[i + 1].text) == 4 and toks[i + 1].text.isascii()
                and toks[i + 1].text.isdigit() and 1800 <= int(toks[i + 1].text) <= 2100):
            spans.append(CountSpan(t.start, toks[i + 1].end, text[t.start:toks[i + 1].end],
                                   "date", None, None, None))
            i += 2
            continue
        # Word ordinals: "second", "twenty-first"
        if t.is_word and low in _ORDINAL_WORDS:
            if not (low == "second" and _low(toks, i - 1) not in ("the", "a", "its", "their",
                                                                 "his", "her")
                    and _low(toks, i - 1).isdigit()):
                spans.append(CountSpan(t.start, t.end, t.text, "ordinal",
                                       Count(_ORDINAL_WORDS[low], _ORDINAL_WORDS[low], None,
                                             True, None), None, None))
            i += 1
            continue
        if not (t.is_num or t.is_word):
            i += 1
            continue
        # Tokens that are dates or times by their shape: "24.08.2013", "10:29", "2:30 a.m."
        if t.is_num and (t.text.count(".") == 2 or ":" in t.text):
            kind = "date" if "." in t.text else "time"
            e = i + 1 if kind == "date" else _time_tail(toks, i + 1)
            spans.append(CountSpan(t.start, toks[e - 1].end, text[t.start:toks[e - 1].end],
                                   kind, None, None, None))
            i = e
            continue
        if low == "one" and _low(toks, i - 1) in ("no", "any", "every", "some") or (
                low == "one" and _low(toks, i + 1) == "another"):
            i += 1
            continue
        if not t.is_num and low not in _CORE_STARTS:
            i += 1  # (most words start no number: `_parse_core` would return None)
            continue
        ph = _parse_phrase(toks, i)
        if ph is None:
            i += 1
            continue
        # Compound word ordinals: "twenty-first"
        if (ph.j + 1 < n and _is_hyphen(toks[ph.j]) and _glued(toks[ph.j - 1], toks[ph.j])
                and toks[ph.j + 1].low in _ORDINAL_WORDS and not toks[i].is_num):
            value = ph.core.value + _ORDINAL_WORDS[toks[ph.j + 1].low]
            s, e = toks[i].start, toks[ph.j + 1].end
            spans.append(CountSpan(s, e, text[s:e], "ordinal",
                                   Count(value, value, None, True, None), None, None))
            i = ph.j + 2
            continue
        if ph.core.article:
            np_ = _noun_phrase(toks, ph.j, person_only=True)
            if np_ is None:
                i += 1
                continue
            kind, a, b = "quantity", ph.i, ph.j
        else:
            kind, a, b = _classify(toks, ph)
        count = None if kind in ("date", "time") else ph.count
        if kind != "quantity" and count is not None and count.qualifier == "vague":
            count = Count(count.low, count.best, count.high, False, None)
        head = np_text = None
        if kind == "money" and a > 0 and toks[a - 1].text in _CURRENCY_SYMBOLS:
            a -= 1
            if a > 0 and toks[a - 1].low in ("us", "usd", "c", "a") and _glued(toks[a - 1], toks[a]):
                a -= 1
        if kind not in ("date", "time"):
            if kind == "measure":
                np_ = _unit_phrase(toks, b)
            else:
                np_ = _noun_phrase(toks, b, person_only=ph.core.article)
            if np_ is not None:
                s, e = toks[np_[0]].start, toks[np_[1] - 1].end
                np_text = text[s:e]
                head = toks[np_[1] - 1].low if toks[np_[1] - 1].is_word else np_text.lower()
                # hyphen compounds as head: use the whole compound
                last_word_start = np_[1] - 1
                while (last_word_start - 2 >= np_[0] and _is_hyphen(toks[last_word_start - 1])
                       and _glued(toks[last_word_start - 2], toks[last_word_start - 1])):
                    last_word_start -= 2
                head = text[toks[last_word_start].start:e].lower()
        # "Image 7 of 8": the total of a numbered label is a label too
        if (kind == "quantity" and spans and spans[-1].kind == "label" and toks[a].is_num
                and _low(toks, a - 1) in ("of", "/")
                and text[spans[-1].end:toks[a].start].strip(" /").lower() == "of"):
            kind, head, np_text = "label", None, None
        start, end = toks[a].start, toks[b - 1].end
        if spans and start < spans[-1].end:  # "5 August 21": keep the first reading
            i = max(b, i + 1)
            continue
        spans.append(CountSpan(start, end, text[start:end], kind, count, head, np_text))
        i = max(b, i + 1)
    return spans


def _unit_phrase(toks: list[_Tok], j: int) -> tuple[int, int] | None:
    """The unit after a measure: '-mile', ' square kilometers', '%'."""
    n = len(toks)
    k = j
    if k < n and _is_hyphen(toks[k]) and _glued(toks[k - 1], toks[k]):
        k += 1
    a = k
    if _low(toks, k) in _AREA_PREFIXES:
        k += 1
    if k < n and (toks[k].is_word or toks[k].text == "%"):
        return a, k + 1
    return None


def parse_count(text: str) -> Count | None:
    """Conservative figures for the words of one quantity phrase, or None.

    "at least 70" -> 70; "more than 200" -> 201; "dozens of" -> 12; "between 10 and 15"
    -> 10/10/15; "a" or "a young man" -> 1.  When `text` is a bare quantity phrase it is
    taken as one (so "2014" is 2014: the caller says it is a quantity); otherwise the
    first span that `find_counts` calls a quantity is used, so ages ("three-year-old"),
    durations ("48 hours"), dates and times give None.
    """
    if not text or not text.strip():
        return None
    toks = _tokenize(text.strip())
    if not toks:
        return None
    # Strict reading: [qualifier] number [range] [of], and nothing else.
    for k in range(min(len(toks), 6)):
        if _parse_core(toks, k) is None:
            continue
        ph = _parse_phrase(toks, k)
        if ph is not None and ph.i == 0:
            rest = [t.low for t in toks[ph.j:] if t.low not in ".,;:"]
            if rest in ([], ["of"]):
                return None if ph.core.decimal else ph.count
        break
    for span in find_counts(text):
        if span.kind == "quantity":
            return span.count
    return None
