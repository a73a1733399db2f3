"""Read event mentions out of a parsed article, the way an analyst codes wire copy.

`extract_events(doc, published, places)` is a pure function: a spaCy Doc of the article (its
boilerplate blanked, offsets those of the text as read), the publication date, and the places
the geoparser resolved.  It returns one `EventMention` per event a sentence reports, with the
sentence's exact character span as evidence.  The rules follow SPEC §3:

- a sentence reports an event when it has a death count tied to a death word, or an event
  trigger (strike, clashes, captured, fired a gun, ...) anchored by a date, a place it governs, or a count
  of the people it hurt ("wounding two men");
- a trigger told as simultaneous with the event before it ("a simultaneous operation") is
  anchored by that event's date;
- an article whose events are all unanchored still reports one: its first violent trigger
  ("shooting", not "attack"), dated and placed by the article;
- a headline's bare participle after a number ("4 shot", "Five shot dead", "1 killed, 5
  wounded") counts the people it names, whatever the parse made of it, and a killing
  participle after a singular noun ("identified the man killed Saturday") one death;
- counts are conservative and parts are not added to wholes (`sitrep.nlp.counts` reads the
  numbers; here the parse decides which numbers are deaths, injuries, or neither);
- dates resolve against the publication date, skipping the date of the *saying*
  ("a monitoring group said Friday") when the story's lead tells an earlier day, and days
  still to come ("will undergo surgery Friday"); undated sentences inherit the date of the
  event they continue, or fall back to the publication date with week precision; a death
  told with its own day ("died Thursday") after the dated shooting takes the shooting's day;
- a count told in the sentence after its event ("34 troops were killed in the offensive")
  is joined to that event through `antecedent`;
- a killer's own death (suicide, or killed by police) is one more dead of the victims he
  killed, in their sentence or in one of its own (then added to the lead event once);
- future and hypothetical events are not events; period totals are flagged `is_aggregate`;
  a follow-up story whose only deaths are a shooting dated by its month ("back in April"),
  or history beside period totals, still reports that event; its deaths told with the step of
  justice take the day it gives the shooting elsewhere, a week or more before the news, and
  its events dated only by the news the day it names its shooting by ("the Nov. 28 killing");
- sentences of the page around the story (captions, galleries, a video player, teasers:
  `sitrep.text.debris`) told before the story's lead are dropped, so that the article's
  first event is the story's; a headline's page stamp ("Posted: Monday, ...") gives way to
  an earlier day the story tells.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.symbols import acl as ACL
from spacy.tokens import Doc, Span, Token

from sitrep.nlp import lexicon as lx
from sitrep.nlp.counts import find_counts, parse_count
from sitrep.nlp.dates import (DateRange, find_date_expressions, find_dateline, is_future_or_hypothetical,
                              resolve_expression)
from sitrep.geo.gazetteer import POINT_KINDS, Place, get_gazetteer
from sitrep.nlp.geoparse import PlaceMention, as_its_city
from sitrep.schema import HEADLINE_SENTENCE
from sitrep.nlp.sentences import Sentence
from sitrep.text.debris import debris_spans

EXTRACTOR_VERSION = "45"
BACKGROUND_DAYS = 60
ANTECEDENT_WINDOW = 3


@dataclass
class EventMention:
    article_id: str
    sentence_index: int
    char_start: int | None  # None for a mention read from the headline
    char_end: int | None
    evidence: str
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    actor2: str | None = None
    victims: str | None = None
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    count_char_start: int | None = None
    count_char_end: int | None = None
    injured: int | None = None
    date_start: date | None = None
    date_end: date | None = None
    event_date: date | None = None
    time_precision: int | None = None
    date_expression: str | None = None
    location: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin1_name: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    reported_by: str | None = None
    is_aggregate: bool = False
    published_date: date | None = None
    antecedent: int | None = None
    """Index (in this article's list) of the mention this one continues, if any."""
    mention_index: int = 0

    @property
    def mention_id(self) -> str:
        return f"{self.article_id}-{self.sentence_index}-{self.mention_index}"


@dataclass(frozen=True)
class Count:
    low: int
    best: int
    high: int | None
    start: int
    end: int
    victims: str | None
    vague: bool = False
    own: bool = False
    """The killer's own death told beside his victims ("... before turning the gun on himself"):
    never one of them, so always added to them."""


@dataclass
class _SentenceReading:
    sent: Span
    index: int
    paragraph: int
    triggers: list[tuple[Token, tuple[str, str, int]]] = field(default_factory=list)
    deaths: list[Count] = field(default_factory=list)
    injured: int | None = None
    date: DateRange | None = None
    date_token: Token | None = None


def _lower_tokens(span: Span) -> list[str]:
    return [t.lower_ for t in span]


_PHRASE_FIRST_WORDS: dict[int, frozenset[str]] = {
    n: frozenset(p.split(" ")[0] for p in lx.TRIGGER_PHRASES if len(p.split(" ")) == n) for n in (2, 3)}
"""The first words of the trigger phrases, by their length in words."""


def _names_the_shot(word: str) -> bool:
    """Whether a headline word before "shot" names who was shot: a person ("baby", "teens") or
    an age ("5-year-old")."""
    return word in lx.VICTIM_NOUNS or word.rstrip("s") in lx.VICTIM_NOUNS or word == "old"


_GUNFIRE_WORDS = frozenset(
    "bullet bullets gunfire gunshot gunshots shot shots round rounds pellet pellets gun guns handgun pistol rifle "
    "shotgun revolver firearm shooting shooter gunman gunmen fired firing".split())
"""Words that make the verb "strike" a hit by gunfire (unless the sentence tells of aircraft)."""

_AIR_WORDS = frozenset(
    "warplane warplanes jet jets aircraft airstrike airstrikes air drone drones helicopter helicopters plane planes "
    "bomber bombers sortie sorties coalition airforce".split())
"""Words that make the verb "strike" a strike from the air."""

_NOUN_ONLY_TRIGGERS = frozenset({"killing", "killings", "slaying", "slayings"})
"""Triggers only as nouns ("in the killing of a boy"); the verb ("killing one") is a death,
which the count rules read with its own subject and object."""

_SUICIDE_ATTACK_NOUNS = frozenset(
    "attack attacker attackers bomber bombers bombing bombings bomb bombs blast blasts explosion explosions vest vests "
    "belt belts car cars truck trucks vehicle vehicles operation operations mission missions squad squads strike "
    "strikes raid raids assault assaults drone drones boat boats terrorist terrorists militant militants fighter "
    "fighters jihadist jihadists".split())
"""What "suicide" qualifies when it tells an attack."""


def _definite(token: Token) -> bool:
    """Whether a noun is told with "the", "this" or "that": an event named again, not told."""
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children)


def _suicide_of_an_attack(token: Token) -> bool:
    """Whether "suicide" qualifies an attack ("a suicide blast", "suicide vest", "suicide car
    bomb").  Standing alone, or qualifying anything else, it tells a killer's death or a suicide
    ("then committed suicide", "an apparent murder-suicide", "a suicide note"): no bombing."""
    head = token.head
    return (token.dep_ in ("compound", "amod", "nmod") and head.i != token.i and head.lower_ in _SUICIDE_ATTACK_NOUNS
            and not (token.i >= 2 and token.doc[token.i - 1].text == "-" and token.doc[token.i - 2].lower_ == "murder"))


def find_triggers(sent: Span) -> list[tuple[Token, tuple[str, str, int]]]:
    """Event triggers in a sentence: single lemmas and multi-word phrases."""
    found: list[tuple[Token, tuple[str, str, int]]] = []
    words = _lower_tokens(sent)
    covered: set[int] = set()
    for n in (3, 2):
        firsts = _PHRASE_FIRST_WORDS.get(n, frozenset())
        for i in range(len(words) - n + 1):
            if words[i] not in firsts:
                continue  # (no phrase of n words starts here: joining them all costs more)
            phrase = " ".join(words[i:i + n])
            if phrase in lx.TRIGGER_PHRASES and not covered.intersection(range(i, i + n)):
                found.append((sent[i + n - 1], lx.TRIGGER_PHRASES[phrase]))
                covered.update(range(i, i + n))
    for i, token in enumerate(sent):
        if i in covered:
            continue
        lemma = token.lemma_.lower()
        info = lx.TRIGGER_LEMMAS.get(lemma) or lx.TRIGGER_LEMMAS.get(words[i])
        if info is None and words[i] == "shot" and i > 0 and (sent[i - 1].like_num or _names_the_shot(words[i - 1])):
            # a headline's "4 shot", "Baby shot", "5-year-old shot", which the parse reads as the noun
            info = lx.TRIGGER_LEMMAS["shoot"]
        elif info is None and lemma == "fire" and token.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in GUN_NOUNS | {"shot", "round", "bullet"} for c in token.children):
            info = lx.TRIGGER_LEMMAS["shoot"]  # "fired a gun", "fires several rounds": a shooting
        if (info is not None and lemma == "strike" and token.pos_ == "VERB" and _GUNFIRE_WORDS.intersection(words)
                and not _AIR_WORDS.intersection(words)):
            info = lx.TRIGGER_LEMMAS["shoot"]  # "struck by a stray bullet", "fired several rounds, striking two"
        if info and words[i] in _NOUN_ONLY_TRIGGERS and (token.pos_ not in ("NOUN", "PROPN") or _definite(token)):
            # "injuring 36 and killing one": the verb, whose dead the death rules read; "in the
            # Nov. 28 killing of the boy": a killing told already, named again
            continue
        if info and words[i] == "suicide" and not _suicide_of_an_attack(token):
            continue  # "committed suicide", "a murder-suicide": a death, not a bombing
        if info:
            found.append((token, info))
    return found


def _ancestors(token: Token, limit: int = 5) -> list[Token]:
    """The heads above `token`, nearest first, up to the root.  (spaCy makes a new Token object
    on every access, so the root is recognised by its index, never by `is`.)"""
    out = []
    while token.head.i != token.i and len(out) < limit:
        token = token.head
        out.append(token)
    return out


def _verb_above(token: Token, limit: int) -> Token | None:
    """The nearest verb (or auxiliary) among `token`'s heads, at most `limit` up: the clause it is told in."""
    return next((a for a in _ancestors(token, limit) if a.pos_ in {"VERB", "AUX"}), None)


def _is_fatal(verb: Token) -> bool:
    """'fatally shot', 'shot and killed', 'shot dead': a wounding verb that ends in death."""
    for child in verb.children:
        lemma = child.lemma_.lower()
        if child.dep_ == "advmod" and lemma in lx.FATAL_ADVERBS:
            return True
        if child.dep_ in {"conj", "acomp", "oprd", "xcomp", "advcl"} and lemma in {"kill", "dead", "die"}:
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and any(g.lemma_.lower() == "death" for g in child.children):
            return True  # "shot to death", "beaten to death"
        if child.dep_ == "prt" and child.lower_ == "down" and verb.lemma_.lower() == "gun":
            return True  # "gunned down" (not "shot down": aircraft)
    return False


def _predicate_kind(noun: Token) -> str | None:
    """'death', 'injury', 'other' or None: what the clause around a counted noun says."""
    own = noun.lemma_.lower()
    if own in {"injury", "casualty", "wound"} | lx.INJURY_LEMMAS:
        return "injury"  # "22 injuries", "13 injured": the noun itself says what the number is
    if own in {"death", "fatality", "body", "corpse", "martyr"}:
        return "death"  # "martyrs": the dead, in the copy of Syrian and Iranian state media
    for tok in noun.children:
        lemma = tok.lemma_.lower()
        if (lemma in lx.DEATH_LEMMAS and not _unrealised(tok, asked=False)) or (lemma in lx.WOUNDING_LEMMAS and _is_fatal(tok)):
            return "death"  # "27 civilians dead", "four men fatally shot"
        if lemma in lx.INJURY_LEMMAS or lemma in lx.WOUNDING_LEMMAS:
            return "injury"
    for anc in _ancestors(noun, 4):
        lemma = anc.lemma_.lower()
        if lemma in lx.WOUNDING_LEMMAS and _is_fatal(anc):
            return "death"
        if lemma in lx.NOT_DEATH_CONTEXT:
            return "other" if lemma not in {"injure", "wound"} else "injury"
        if lemma in lx.INJURY_LEMMAS:
            return "injury"
        if lemma in lx.DEATH_LEMMAS and _claims_nothing(anc):
            continue  # "a man who claimed he was shot": a saying, not a death
        if lemma in lx.DEATH_LEMMAS:
            return "other" if _unrealised(anc, asked=False) else "death"
        if any(c.lemma_.lower() == "toll" for c in anc.children):
            return "death"  # "the death toll rose to 15", "putting the toll at 70"
        if anc == noun.head and lemma == "be" and any(c.dep_ == "acomp" and c.lower_ in _DEAD_WORDS for c in anc.children):
            return "death"  # "two women and a baby are dead": the number not next to "dead"
        if lemma in lx.WOUNDING_LEMMAS:
            return "injury"  # "five men were shot": hurt, not (yet) dead
        if anc.pos_ == "VERB" and anc.lemma_.lower() not in {"be", "include", "have"}:
            # a clause headed by another verb ("trapped", "fled") says something else, unless
            # its complement is a death: "were found shot to death", "appear to have died"
            if any(c.dep_ in {"xcomp", "oprd", "acomp"} and _tells_death(c) for c in anc.children):
                return "death"
            if lemma in lx.REPORTING_LEMMAS:
                continue
            if _to_hospital(anc):
                return "injury"  # "four people were taken to area hospitals with injuries"
            break
    return None


CARRY_LEMMAS = {"take", "transport", "rush", "send", "bring", "airlift", "fly", "hospitalize", "treat", "admit"}


def _to_hospital(verb: Token) -> bool:
    """'Were taken to area hospitals', 'were treated for gunshot wounds', 'sent five people to
    the hospital': people carried to a hospital or treated there are hurt, unless the clause
    tells a death ('taken to a hospital, where they died')."""
    if verb.lemma_.lower() not in CARRY_LEMMAS:
        return False
    told = any(g.lemma_.lower() in {"hospital", "injury", "wound"}
               for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")
    return told and not any(t.lemma_.lower() in KILL_LEMMAS | DIE_LEMMAS | {"dead", "death", "fatally", "deceased"}
                            for t in verb.subtree)  # (not "life": "non-life-threatening injuries")


def _hurts(verb: Token) -> bool:
    """Whether a verb tells its subject hurt, not killed: 'injured', 'was wounded', 'is being
    treated for injuries', 'was hospitalized'."""
    lemma = verb.lemma_.lower()
    if lemma in lx.INJURY_LEMMAS or (lemma in lx.WOUNDING_LEMMAS and not _is_fatal(verb)):
        return True
    return _to_hospital(verb)


def _claims_nothing(token: Token) -> bool:
    """'Claimed' counts the dead only with lives or counted people as its object ('the blast
    claimed 12 lives', 'claimed the life of a boy', 'claiming 4 martyrs'); 'a man who claimed he
    had been shot', 'who claimed self-defense' say something."""
    return token.lemma_.lower() == "claim" and not any(
        c.dep_ == "dobj" and (c.lemma_.lower() in {"life", "live"} or any(n.dep_ == "nummod" for n in c.children))
        for c in token.children)


def _unrealised(token: Token, asked: bool = True) -> bool:
    """A death word that tells no death: denied ('she did not die', 'he is not dead'), asked
    about ('could not say if the man had died'; with `asked`), only intended ('in an effort to
    kill himself', 'wanted to kill her'), or a claim of no life.  A counted toll asked about
    ('an inquiry into whether its strikes killed 100 civilians') is the figure the story is
    about, so counts are read without `asked`.  ('Declared brain dead' stays a death: the
    records count such victims among the dead, once life support ends.)"""
    lemma = token.lemma_.lower()
    if _claims_nothing(token):
        return True
    holders = [token, token.head] if lemma in {"dead", "deceased"} else [token]
    if any(c.dep_ == "neg" for h in holders for c in h.children):
        return True
    if asked and any(c.dep_ == "mark" and c.lower_ in {"if", "whether"} for c in token.children):
        return True
    if token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        head = token.head.lemma_.lower()
        return token.dep_ in {"acl", "xcomp"} and (head in INTENT_LEMMAS or head in PURPOSE_WORDS)
    return False


TIME_UNITS = {"minute", "hour", "day", "week", "month", "year"}


def _told_as_earlier(token: Token) -> bool:
    """A death told as an earlier event this one is set beside, not as this one's: 'the shooting
    came six weeks after a gunman killed 49 people', 'just days after five officers were shot and
    killed', 'these shootings come after the deaths of two children', 'the overnight shootings
    follow a fatal shooting in X'.  ('He died two days after the shooting' tells its death
    outside the 'after'.)"""
    child = token
    for anc in [token, *_ancestors(token, 10)]:
        if anc.dep_ == "relcl" and not any(c.tag_ in {"WDT", "WP", "WP$", "WRB"} or c.lower_ == "that"
                                           for c in anc.children):
            return False  # "days after a chemical attack a woman was killed": a clause glued on, not a relative one
        if anc.dep_ == "ccomp" or any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in anc.children):
            return False  # "came after it opened an inquiry into whether its strikes killed 100": not told as a fact
        if anc.lower_ == "after" and anc.dep_ == "prep" and _set_beside(anc.head, anc):
            return True  # "came six weeks after a massacre", "come after the deaths of"
        if any(c.dep_ == "mark" and c.lower_ == "after" for c in anc.children) and _set_beside(anc.head, anc):
            return True  # "a month after Lanza killed 20 children", "days after five officers were killed"
        if anc.lemma_.lower() == "follow" and anc.pos_ == "VERB" and child.dep_ == "dobj" and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in lx.TRIGGER_LEMMAS for c in anc.children):
            return True
        child = anc
    return False


def _set_beside(verb: Token, holder: Token) -> bool:
    """Whether an 'after' (a preposition, or the clause it opens) sets an event beside another:
    it comes after it ('the shooting came after'), or a span of time lies between them ('six
    weeks after', 'just days after')."""
    return verb.lemma_.lower() == "come" or any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in TIME_UNITS for c in holder.children)


def _kills(verb: Token) -> bool:
    """'killed', 'murdered', and a wounding verb that ends in death ('fatally shot')."""
    lemma = verb.lemma_.lower()
    return lemma in KILL_LEMMAS or (lemma in lx.WOUNDING_LEMMAS and _is_fatal(verb))


def _tells_death(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in {"die", "dead", "kill"} or (lemma in lx.WOUNDING_LEMMAS and _is_fatal(token))


ADJACENT = 3


def _adjacent_kind(span: Span, noun: Token) -> str | None:
    """When the parse goes astray (long run-together sentences), the words right next to
    the count decide: 'killed at least 25 members', '25 people were killed', '12 dead'."""
    doc = span.doc
    doer = noun.dep_ == "nsubj" and noun.head.pos_ == "VERB"
    before = [doc[i] for i in range(max(span.start - ADJACENT, span.sent.start), span.start)]
    joint = next((k for k in range(len(before) - 1, -1, -1) if before[k].dep_ == "cc"), None)
    if joint is not None:
        # "three died and one was upgraded to serious condition", "found three people dead and
        # took one to the hospital": a word before an "and" tells the clause it joins, not this one
        before = before[joint + 1:]
    after_start = max(noun.i, span.end - 1) + 1
    after = [doc[i] for i in range(after_start, min(after_start + ADJACENT, span.sent.end))]
    candidates = [(span.start - t.i, t) for t in before] + [(t.i - after_start + 1, t) for t in after]
    for _, token in sorted(candidates, key=lambda c: c[0]):
        lemma = token.lemma_.lower()
        if lemma in {"kill", "die", "dead", "slay"}:
            # "died when three raiders set off their vests": the doers; so is "a man suspected
            # of killing his wife", "a man who killed": the noun's own clause does the killing
            # ("a man killed in the crash" is killed)
            does = lemma in {"kill", "slay"} and token.tag_ in {"VBG", "VBD", "VBZ", "VBP"} and noun in token.ancestors
            return None if doer or does else "death"
        if lemma in lx.INJURY_LEMMAS or lemma in lx.WOUNDING_LEMMAS:
            return "injury"
        if token.is_punct and token.text in {",", ";", "(", ")"}:
            continue
    return None


_INJURED_WORDS = {"injured", "wounded", "hurt"}
_DEAD_WORDS = {"dead"}
_OBJECT_POS = {"DET", "NUM", "PRON", "PROPN", "NOUN", "ADJ"}


def _next_word_kind(span: Span, noun: Token) -> str | None:
    """'27 people dead, over 60 injured': a count followed at once by 'dead' or 'injured'
    says so itself, whatever the parse of a headline without verbs makes of it."""
    doc = span.doc
    end = noun.i + 1 if span.end <= noun.i < span.end + 4 else span.end
    if end < span.sent.end and doc[end].lower_ in {"others", "more"}:
        end += 1
    if end >= span.sent.end:
        return None
    word = doc[end].lower_
    if doc[end].text == "Killed" and end > span.sent.start:
        return "death"  # a headline's "3 Farmers Killed 5 Injured"
    if word in _INJURED_WORDS:
        # "60 injured", not "two gunmen injured three people" (a verb with its object)
        after = doc[end + 1] if end + 1 < span.sent.end else None
        return None if after is not None and after.pos_ in _OBJECT_POS else "injury"
    return "death" if word in _DEAD_WORDS else None


_TELEGRAPHIC = {"shot": "injury", "wounded": "injury", "injured": "injury", "stabbed": "injury",
                "killed": "death", "slain": "death", "dead": "death"}
"""A headline's participles without their auxiliary: '4 shot', 'Five shot dead', '2 killed'."""


def _telegraphic_kind(span: Span) -> str | None:
    """'4 shot in northwest', 'Five Shot Dead In South Shore', '2 killed in crash': a bare
    number followed at once by a participle of harm, which a headline tells without 'were',
    and which the parse often hangs the number on ('shot' read as the noun).  Not a number
    that is an object ('fired one shot') nor one followed by its noun ('3 men shot')."""
    doc = span.doc
    end = span.end
    if end >= span.sent.end or not span[-1].like_num:
        return None
    word = doc[end].lower_
    kind = _TELEGRAPHIC.get(word)
    if kind is None or doc[end].dep_ in {"dobj", "pobj", "nsubj", "nsubjpass"} or span[-1].dep_ in {"dobj", "pobj"}:
        return None
    if span.start > span.sent.start and doc[span.start - 1].tag_ in {"DT", "JJ", "PRP$"}:
        return None  # "the next one shot": a noun, not a count of people
    after = doc[end + 1] if end + 1 < span.sent.end else None
    if after is not None and after.pos_ in {"VERB", "AUX"}:
        return None  # "one shot hit him", "one shot was fired": the shot is the subject
    if word == "shot" and after is not None and (after.lower_ == "dead" or (
            after.lower_ == "to" and end + 2 < span.sent.end and doc[end + 2].lower_ == "death")):
        return "death"  # "Five shot dead", "2 shot to death"
    if after is not None and after.pos_ in _OBJECT_POS and after.lower_ not in {"dead", "in", "at", "on", "after"}:
        return None  # "two gunmen killed three people": a verb with its object
    return kind


GENERAL_VICTIMS = {"people", "person", "civilian", "victim", "individual", "resident", "villager"}
"""Nouns for everyone hit, which a second group told beside them may belong to."""


def _overlapping_groups(a: Token, b: Token) -> bool:
    """Whether two groups joined by 'and' may share members: one is everyone ('civilians',
    'people') and the other a kind of person ('children', 'women'); 'two men and one woman'
    and 'five soldiers and three civilians' are apart."""
    la, lb = a.lemma_.lower(), b.lemma_.lower()
    if la == lb or any(c.lower_ == "other" for c in b.children):
        return False  # "a girl and four other people": the others are not the girl
    return (la in GENERAL_VICTIMS) != (lb in GENERAL_VICTIMS) and lx.VICTIM_NOUNS.get(la) == lx.VICTIM_NOUNS.get(lb)


def _is_part(noun: Token, after_count: bool = True) -> bool:
    """'12 women' in '42 civilians, including 12 women', 'seven children were among the dead',
    'the dead included two women': a part of a count told already, never added to it.
    ('Those casualties include 200 militants killed in a raid' tells a raid of its own.)
    'Twelve of them' is a part only after a count (`after_count`): first in its sentence,
    'three of the victims died' is the count of the dead."""
    own_clause = any(c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in lx.DEATH_LEMMAS for c in noun.children)
    if noun.dep_ == "pobj" and noun.head.lower_ == "among" and noun.head.head.lemma_.lower() == "be":
        return False  # "six boys were among 31 people shot": the 31 is the whole
    for anc in _ancestors(noun, 3):
        if anc.lower_ in {"including", "among", "includes"} or (anc.lower_ == "of" and anc.head.like_num and after_count):
            return True
        if anc.lemma_.lower() == "include" and not own_clause:
            return True
    for child in noun.head.children if noun.dep_ in {"nsubj", "nsubjpass"} else ():
        if child.dep_ == "prep" and child.lower_ == "among":
            return True
    return False


_PART_BEFORE = re.compile(r"\b(?:among|including|includ(?:es|ed)|of)\s+(?:them|whom|those|these)\s*[-,:(]?\s*$"
                          r"|\bincluding\s*$", re.IGNORECASE)
_PART_AFTER = re.compile(r"^\s*(?:of|among)\s+(?:them|whom|those|these)\b", re.IGNORECASE)


def _told_as_part(text: str, start: int, end: int) -> bool:
    """'killed 42 people, 12 of them children', '31 people shot among them 6 boys':
    after a count, a number told as a share of 'them' is a part of it, however the parse hangs
    it (wire copy stripped of its commas defeats the parse, not these words)."""
    return bool(_PART_BEFORE.search(text[max(0, start - 30):start]) or _PART_AFTER.match(text[end:end + 20]))


def _victim_class(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    if lemma in lx.VICTIM_NOUNS:
        return lx.VICTIM_NOUNS[lemma]
    for child in noun.children:
        if child.dep_ == "compound" and child.lemma_.lower() in lx.VICTIM_NOUNS:
            return lx.VICTIM_NOUNS[child.lemma_.lower()]
    return None


def read_counts(sent: Span) -> tuple[list[Count], int | None]:
    """Death counts (and the largest injury count) stated in one sentence."""
    deaths, injured, _, _ = _read_counts(sent)
    return deaths, injured


def _read_counts(sent: Span) -> tuple[list[Count], int | None, bool, bool]:
    """`read_counts`, whether its injured are people told without a number ("a man"), and
    whether they are the people hit ("five people were shot"), who may hold the dead."""
    doc = sent.doc
    deaths: list[Count] = []
    joined_to: dict[int, int] = {}  # a counted noun's token -> its count in `deaths`
    parts: set[int] = set()  # counted nouns read as parts of a count told before them
    injured: int | None = None
    numbered_injury = numbered_death = False
    listed: list[tuple[int, Token]] = []  # counts told with a number, with their noun
    hurt: list[int] = []  # injury counts, each group of hurt told in parts summed
    hurt_joined: dict[int, int] = {}  # a counted hurt noun's token -> its count in `hurt`
    hurt_listed: list[tuple[int, Token]] = []
    hurt_single: list[tuple[int, int]] = []  # hurt told without a number ("a man"), with the noun's offset
    hit: list[tuple[int, int]] = []  # hurt counts of people hit (the dead among them), with their start
    for cs in find_counts(sent.text):
        if cs.kind != "quantity":
            continue
        if cs.start >= 2 and sent.text[cs.start - 1] == "-" and sent.text[cs.start - 2].isalnum():
            continue  # "a 7-Eleven clerk", "a 2-1 vote": a number hyphened to another word is a name or a score
        start, end = sent.start_char + cs.start, sent.start_char + cs.end
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        number = span[-1]
        if 0 < span.start and span.end < len(doc) and doc[span.start - 1].text == "," and doc[span.end].text == ",":
            continue  # "The man, 28, later died": an age in apposition
        noun = number.head if number.dep_ in {"nummod", "quantmod", "amod", "compound", "det"} else number
        while noun.dep_ in {"nummod", "quantmod"} and noun.head.i != noun.i:
            noun = noun.head
        shared = False  # a group a share is told of: "one of the two firefighters shot"
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.like_num:
            share = noun.head.head
            shared = not span.start <= share.i < span.end and share.i < noun.i and not any(
                c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in lx.DEATH_LEMMAS for c in noun.children)
            noun = share.head  # "dozens of civilians" read through "of"
        telegraphic = _telegraphic_kind(span)
        if telegraphic is not None:
            noun = number  # "4 shot in northwest": the number is the people, whatever the parse hangs it on
        lemma = noun.lemma_.lower()
        if (lemma in lx.NOT_DEATH_NOUNS and telegraphic is None) or _told_as_earlier(noun):
            continue
        if any(a.lower_ == "according" for a in _ancestors(noun, 3)):
            continue  # "according to the two men, the victim died": who says it, not the dead
        if any(c.lower_ == "unborn" for c in noun.children):
            continue  # "three of her children and an unborn grandson": the unborn are not counted (as in a list)
        if noun is number and _one_of_things(number):
            continue  # "in one of the worst mass shootings", "one of its oldest churches": a ranking
        said = telegraphic or _next_word_kind(span, noun)
        if said is None and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in KILL_LEMMAS | lx.WOUNDING_LEMMAS and not (
                noun.head.tag_ == "VBN" and any(c.dep_ == "conj" and c.lemma_.lower() in DIE_LEMMAS for c in noun.head.children)):
            # "a gunman killed ...": the killer, not the dead ("one of five people shot Sunday
            # has died", parsed as "one ... shot" and "has died", is the dead)
            continue
        victims = _victim_class(noun)
        share: Token | None = None
        if victims is None and cs.head:
            # "25 Islamic State group militants": the parse may hang the number on "State"
            phrase_head = next((t for t in doc[span.end:min(span.end + 6, sent.end)] if t.lower_ == cs.head), None)
            if phrase_head is not None and _victim_class(phrase_head) is not None:
                if phrase_head.dep_ == "pobj" and phrase_head.head.lower_ == "of" and phrase_head.head.head == noun:
                    share = noun  # "one of the victims who was shot ... died": the one died, the victims were shot
                noun, victims = phrase_head, _victim_class(phrase_head)
        if said is None and noun.lower_ in _DEAD_WORDS:
            said = "death"  # "a shooting that left four dead": the number hangs on "dead" itself
        tells_itself = said is not None and span.end < sent.end and doc[span.end].lower_ in _DEAD_WORDS | _INJURED_WORDS
        if victims is None and noun is not number and not noun.like_num and not tells_itself:
            # an unlisted noun counts only in the plural ("two shepherds"), as people are told
            # ("Two dead, six injured in shooting rampage": the number is the people)
            if not (noun.tag_ == "NNS" or any(c.lemma_.lower() in lx.VICTIM_NOUNS for c in noun.subtree)):
                continue
        if _is_part(noun, after_count=bool(deaths)):
            parts.add(noun.i)
            continue
        if deaths and _told_as_part(sent.text, cs.start, cs.end) and not (
                number.dep_ in {"nsubj", "nsubjpass", "dobj"} and number.head.lemma_.lower() in lx.DEATH_LEMMAS):
            parts.add(noun.i)
            continue  # ("four men were shot and two of them died", "killing one of them": the dead)
        if noun.dep_ == "conj" and noun.head.i in parts:
            parts.add(noun.i)
            continue  # "among them four women and four children": the second part too
        kind = said or (share is not None and _predicate_kind(share)) or _predicate_kind(noun) or _adjacent_kind(span, noun)
        value = cs.count
        if kind == "death" and shared:
            # "one of the two firefighters shot ... has died": the share is the dead, not the
            # group (unless its own clause says they died: "one of the two people who died");
            # the group is still the count of the hurt ("three of the five victims treated")
            continue
        if kind == "death":
            joined = joined_to.get(noun.head.i) if noun.dep_ == "conj" and victims and not noun.like_num else None
            if joined is not None and deaths[joined].victims:
                # "two men and one woman were shot to death": one group of dead, told in parts
                # that add up (unlike "including", which names a part of a group already counted)
                first = deaths[joined]
                classes = {first.victims, victims}
                if _overlapping_groups(noun.head, noun):
                    # "22 civilians and five children": the children may be among the civilians,
                    # so the conservative figure is the larger group, not the sum
                    low, best = max(first.low, value.low), max(first.best, value.best)
                else:
                    low, best = first.low + value.low, first.best + value.best
                deaths[joined] = Count(low, best, None, first.start, end,
                                       classes.pop() if len(classes) == 1 else "mixed", first.vague)
                joined_to[noun.i] = joined
                continue
            joined_to[noun.i] = len(deaths)
            if _numbered(cs.text):
                listed.append((len(deaths), noun))
            deaths.append(Count(value.low, value.best, value.high, start, end, victims, value.qualifier == "vague"))
            numbered_death = numbered_death or _numbered(cs.text)
        elif kind == "injury":
            joined = hurt_joined.get(noun.head.i) if noun.dep_ == "conj" and victims and not noun.like_num else None
            if joined is not None and not _overlapping_groups(noun.head, noun):
                hurt[joined] += value.best  # "two men and a woman were wounded": one group, in parts
            else:
                joined = len(hurt)
                hurt.append(value.best)
                if _numbered(cs.text):
                    hurt_listed.append((joined, noun))
                if _hit_not_hurt(noun):
                    hit.append((joined, start))
                if not _numbered(cs.text):
                    hurt_single.append((joined, noun.idx))
            hurt_joined[noun.i] = joined
            numbered_injury = numbered_injury or _numbered(cs.text)
    if "another" in sent.text.lower():
        for token in sent:
            if token.lower_ == "another" and token.dep_ in {"nsubj", "nsubjpass"} and _hurts(token.head):
                # "one man was killed and another injured", "... and another is being treated"
                hurt.append(1)
                numbered_injury = True
    for at, noun in hurt_listed:
        # "she and three others were shot", "a 2-year-old girl and four other people were
        # wounded": the people told one by one beside a number are more hurt
        hurt[at] += sum(_people(t) for t in _one_by_one_beside(noun, hurt_joined, parts))
    for at, noun in listed:
        ones = _one_by_one_beside(noun, joined_to, parts)
        if ones:
            # "killed her and three other people", "two children and their father were found
            # dead": the people told one by one in a list with a number are more dead
            c, more = deaths[at], sum(_people(t) for t in ones)
            first, last = min(c.start, *(t.idx for t in ones)), max(c.end, *(t.idx + len(t) for t in ones))
            deaths[at] = Count(c.low + more, c.best + more, c.high + more if c.high else None,
                               first, last, "mixed" if any(_victim_class(t) != c.victims for t in ones) else c.victims)
    if deaths and not numbered_death:
        # "a man and his daughter were found dead": "a man" read as a count of one is the
        # first of the people the sentence tells one by one
        told = _singular_deaths(sent, [])
        if told and told[0].best > combine_counts(deaths).best:
            deaths = told
    deaths.extend(_singular_deaths(sent, deaths))
    own = _self_killing(sent, deaths) if deaths else None
    if own is not None:
        deaths.append(Count(1, 1, None, own.idx, own.idx + len(own.text), None, own=True))
    for at, start in hit:
        # "four people were shot, one fatally", "seven were shot, leaving one person dead": the
        # shot are the dead and the hurt, and the dead told after them are some of them; the
        # hurt are the rest ("two were killed and four were shot": the dead told first are apart)
        dead = sum(c.best for c in deaths if c.start > start)
        if 0 < dead <= hurt[at]:
            hurt[at] -= dead
    for at, idx in hurt_single:
        if hurt[at] > 0 and any(c.start <= idx < c.end for c in deaths):
            hurt[at] -= 1  # "a man had been shot and was pronounced dead": the one shot is the one dead
    hit_told = False
    if hurt:
        injured = max(hurt) or None
        hit_told = not deaths and any(hurt[at] == injured for at, _ in hit)
    return deaths, injured, injured is not None and not numbered_injury, hit_told


HIT_LEMMAS = {"shoot", "stab", "hit", "strike", "gun"}
"""Verbs telling that people were hit, whether they lived or died ('four people were shot')."""


def _hit_not_hurt(noun: Token) -> bool:
    """Whether a counted noun is of people hit ('four people were shot'), who may include the
    dead, rather than of the hurt ('four were wounded', 'three others were shot': not the dead
    told before them)."""
    if noun.lower_ in {"others", "more"} or any(c.lower_ in {"other", "more"} for c in noun.children):
        return False
    for anc in _ancestors(noun, 3):
        lemma = anc.lemma_.lower()
        if lemma in lx.WOUNDING_LEMMAS or lemma in lx.INJURY_LEMMAS:
            return lemma in HIT_LEMMAS
    return False


REFLEXIVES = {"himself", "herself"}
GUN_NOUNS = {"gun", "weapon", "handgun", "pistol", "rifle", "shotgun", "revolver", "firearm"}


def _killer_verb(sent: Span, count: Count) -> Token | None:
    """The verb a count of dead is the object of, when someone killed them ('killed her and
    three other people', 'fatally shot his wife', 'killing four of them', 'two men were shot
    and killed'): dead with a killer, not 'found dead' (who may be the killer too)."""
    span = sent.doc.char_span(count.start, count.end, alignment_mode="expand")
    if span is None:
        return None
    noun = span.root
    while noun.dep_ in {"nummod", "quantmod", "conj"} and noun.head.i != noun.i:
        noun = noun.head
    verb = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and noun.lower_ not in REFLEXIVES and _kills(verb):
        return verb
    return None


def _self_killing(sent: Span, deaths: list[Count]) -> Token | None:
    """The killer's own death, told in the sentence of the people he killed: 'killed his wife
    before turning the gun on himself', '... before killing himself', '... and then shot
    himself', '... then committed suicide', '... before taking his own life', '... before
    officers killed the gunman', '... before he was fatally shot by police'.  Only a killer's:
    'a boy died after accidentally shooting himself' tells one death, the boy's.  Returns the
    word that tells it, when no count holds it already."""
    killers = [v for v in (_killer_verb(sent, c) for c in deaths) if v is not None]
    if not killers:
        return None
    for token in sent:
        head = token.head
        told = False
        if token.lower_ in REFLEXIVES:
            told = (token.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() == "turn" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in GUN_NOUNS for c in head.head.children))
            told = told or (token.dep_ == "dobj" and head.lemma_.lower() in KILL_LEMMAS | {"shoot"})
            told = told or token.dep_ == "conj"  # "who killed three people and then himself"
        elif token.lemma_.lower() == "suicide":
            told = token.dep_ == "dobj" and head.lemma_.lower() == "commit"
        elif token.lower_ == "life":
            told = (token.dep_ == "dobj" and head.lemma_.lower() == "take" and head.tag_ in {"VBD", "VBN", "VBG"}
                    and any(c.lower_ == "own" for c in token.children))
        elif (token.lemma_.lower() in PERPETRATOR_NOUNS and token.tag_ == "NN") or (
                token.lower_ in {"he", "him"} and _by_police(head)):
            told = _dies(token)  # "... before officers killed the gunman", "before he was fatally shot by police"
        if not told or any(c.start <= token.idx < c.end for c in deaths):
            continue
        verb = token
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        if any(k in _ancestors(verb, 8) or verb in _ancestors(k, 8) or k.head == verb.head for k in killers):
            return token
    return None


POLICE_WORDS = {"police", "officer", "deputy", "trooper", "agent", "swat", "team", "marshal", "policeman"}


def _by_police(verb: Token) -> bool:
    """Whether police do (or did) what the verb says: 'officers shot him', 'he was shot by police'."""
    for c in verb.children:
        if c.dep_ == "nsubj" and c.lemma_.lower() in POLICE_WORDS:
            return True
        if c.dep_ == "agent" and any(g.lemma_.lower() in POLICE_WORDS for g in c.subtree):
            return True
    return False


def _dies(person: Token) -> bool:
    """Whether the clause of a person tells his death: killed, fatally shot, died, (confirmed) dead."""
    head = person.head
    if person.dep_ in {"nsubjpass", "dobj"} and _kills(head):
        return True
    if person.dep_ == "nsubj" and head.lemma_.lower() in DIE_LEMMAS:
        return True
    return person.dep_ in {"nsubj", "nsubjpass"} and any(
        c.dep_ in {"acomp", "oprd", "xcomp"} and c.lower_ == "dead" for c in head.children)


def _one_by_one_beside(noun: Token, counted: dict[int, int], parts: set[int]) -> list[Token]:
    """The people told without a number in one list with a counted noun ('her' in 'killed her
    and three other people', 'their father' in 'two children and their father', 'a couple' two
    people): not parts ('including his wife'), not counted already ('two men and a woman'), not
    the counted named after a comma ('her two children, Jo and Al'), not the unborn.  Not
    where a word tells the death of the counted alone: 'the four dead women and a child'."""
    if any(c.dep_ == "amod" and c.lemma_.lower() in lx.DEATH_LEMMAS | {"dead", "slain"} for c in noun.children):
        return []
    out = []
    for c in noun.conjuncts:
        if c.i in counted or c.i in parts or c.like_num or not _people(c) or _is_part(c):
            continue
        if c.ent_type_ in {"GPE", "LOC", "FAC", "ORG", "NORP"} or any(a.lower_ == "unborn" for a in c.children):
            continue
        if c.i > noun.i and not (c.head == noun and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].lower_ == "and"):
            continue
        out.append(c)
    return out


def _one_of_things(number: Token) -> bool:
    """'In one of the worst shootings', 'one of the city's oldest churches': one of a class told
    by a superlative is a ranking, not a person ('one of the victims' is)."""
    if number.lower_ != "one":
        return False
    return any(obj.tag_ == "JJS" or any(c.tag_ in {"JJS", "RBS"} for c in obj.subtree)
               for prep in number.children if prep.dep_ == "prep" and prep.lower_ == "of"
               for obj in prep.children if obj.dep_ == "pobj")


HURTING_LEMMAS = {"shoot", "stab", "wound", "injure"}


_A_OR_AN = re.compile(r"an?\b", re.IGNORECASE)


def _numbered(count_text: str) -> bool:
    """Whether a count is told with a number, not as 'a man' / 'an officer'."""
    return not _A_OR_AN.match(count_text)


def _singular_injured(sent: Span) -> int | None:
    """The hurt told without a number: 'a man was shot in the leg', 'shot a woman and his
    son' (two), 'accidentally shot himself': the people a wounding verb was done to, when
    each is one person.  Only for a sentence that tells no death ('was shot and killed'),
    in an article that tells none either: 'a man was shot ... he died at the hospital' is
    one dead, not one hurt (see `extract_events`)."""
    best = None
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in HURTING_LEMMAS or _is_fatal(verb):
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        for child in verb.children:
            if child.dep_ not in {"nsubjpass", "dobj"} or _is_part(child):
                continue
            if child.tag_ in {"WP", "WDT"} and child.head.dep_ == "relcl":
                child = child.head.head
            victims = [child, *child.conjuncts]
            if all(_one_victim(v) for v in victims):
                best = max(best or 0, len(victims))
        if best is None and verb.dep_ in {"pcomp", "advcl"} and any(c.dep_ == "auxpass" for c in verb.children) \
                and not any(c.dep_ in {"nsubjpass", "nsubj"} for c in verb.children):
            # "a teen is in critical condition after being shot": the one the clause is about
            best = 1 if _subject_is_one(verb.head.head if verb.head.pos_ == "ADP" else verb.head) else None
    if best is None and any(t.lower_ == "gunshot" for t in sent):
        best = _one_with_a_gunshot_wound(sent)
    return best


def _subject_is_one(verb: Token) -> bool:
    """Whether the subject of a clause is one person ('a teenager is in critical condition')."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)  # "... and suffered"
    return subject is not None and not subject.conjuncts and _one_victim(subject)


def _one_with_a_gunshot_wound(sent: Span) -> int | None:
    """'A juvenile arrived at the hospital with a gunshot wound', 'she suffered a gunshot
    wound to the leg', 'a man with a gunshot wound was found': one person with a wound."""
    for token in sent:
        if token.lemma_.lower() != "wound" or token.pos_ != "NOUN" or not any(
                c.lower_ == "gunshot" for c in token.children):
            continue
        head = token.head
        if head.pos_ == "ADP" and head.head.pos_ in {"NOUN", "PROPN", "PRON"} and _one_victim(head.head):
            return 1  # "a man with a gunshot wound"
        verb = _verb_above(token, 4)
        if verb is not None and _subject_is_one(verb):
            return 1
    return None


KILL_LEMMAS = {"kill", "slay", "murder", "execute", "behead", "massacre", "assassinate"}
DIE_LEMMAS = {"die", "perish", "succumb"}
SINGLE_PRONOUNS = {"he", "she", "him", "her", "himself", "herself"}


def _death_predicates(sent: Span) -> list[tuple[Token, set[str], Token]]:
    """Words saying someone died, each with the dependencies its victims hang on and the
    token they hang from: 'X was killed' / 'killed X' (subject of the passive, object),
    'X died', 'X is dead' / 'left X dead' / 'found X shot to death', 'fatally shot X'."""
    out = []
    for token in sent:
        lemma = token.lemma_.lower()
        if _kills(token):
            found = (token, {"nsubjpass", "dobj"}, token)
        elif lemma in DIE_LEMMAS:
            found = (token, {"nsubj"}, token)
        elif lemma in {"dead", "deceased"} and token.dep_ in {"acomp", "oprd", "xcomp", "ccomp", "advcl", "conj"}:
            found = (token, {"nsubj", "nsubjpass", "dobj"}, token.head)
        elif lemma == "death" and token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lemma_.lower() in lx.WOUNDING_LEMMAS:
            verb = token.head.head  # "shot to death"
            found = (verb, {"nsubjpass", "dobj"}, verb)
        else:
            continue
        # the costlier tests (they walk the parse) only for the words that say a death
        if not (_unrealised(token) or _told_as_earlier(token)):
            out.append(found)
    return out


def _people(noun: Token, pronounced: bool = False) -> int | None:
    """How many people a victim told without a number is: one ('a man', 'Smith', or any
    noun `pronounced` dead), two ('both men', 'a couple'), else None (not a count)."""
    if _one_victim(noun) or (pronounced and noun.tag_ in {"NN", "NNP"}):
        return 1
    if noun.lemma_.lower() == "couple" and noun.tag_ == "NN" and not any(c.dep_ == "prep" for c in noun.children):
        return 2  # "a couple was found shot to death" (not "a couple of days")
    if noun.tag_ == "NNS" and any(c.lower_ == "both" for c in noun.children) and (
            pronounced or _victim_class(noun) is not None):
        return 2
    return None


def _one_victim(noun: Token) -> bool:
    """A victim named or described in the singular: 'a 16-year-old boy', 'Bandoo', 'he'."""
    doc = noun.doc
    for c in noun.children:
        if c.dep_ == "nummod" and not (c.i > 0 and doc[c.i - 1].text == ","):  # ", 36," is an age
            return False  # a number: the count path reads it
    if noun.like_num:
        return False
    if noun.lower_ in SINGLE_PRONOUNS:
        return True
    if any(c.dep_ == "appos" and c.like_num for c in noun.children):
        return True  # "Cantu, 16,": a number in apposition is an age
    if _aged(noun) or any(c.dep_ == "amod" and _aged(c, as_noun=False) for c in noun.children):
        return True  # "a 15-year-old", "17-year-old Jo Munnings" (whatever the tagger makes of the name)
    if noun.ent_type_ == "PERSON" or (noun.pos_ == "PROPN" and noun.ent_type_ not in {"GPE", "ORG", "NORP", "LOC", "FAC"}):
        return True
    return noun.tag_ == "NN" and _victim_class(noun) is not None


def _aged(noun: Token, as_noun: bool = True) -> bool:
    """'A 15-year-old', 'the three-month-old': an age used as a noun names one person (and
    with `as_noun` False, an age at all: '17-year-old Jo Munnings')."""
    return noun.lower_ == "old" and (not as_noun or noun.dep_ not in {"amod", "acomp"}) and any(
        c.lemma_.lower() in {"year", "month", "week"} and c.dep_ in {"npadvmod", "compound"} for c in noun.children)


def combine_counts(deaths: list[Count]) -> Count:
    """One sentence's death counts as one figure.

    Counts of different victims ("five civilians and seven soldiers were killed") add up;
    counts of the same dead told twice ("killed five people ... activists put the toll at
    12") are alternatives, so the lower one is the count and the higher one its `high`.  The
    same figure told of two names ("kill 14 fighters ... 14 members of the brigade were
    killed": a headline run into its story) is one group told twice; two single deaths are two.
    """
    own = [c for c in deaths if c.own]
    if own and len(own) < len(deaths):
        base = combine_counts([c for c in deaths if not c.own])
        high = base.high + len(own) if base.high is not None else None
        return Count(base.low + len(own), base.best + len(own), high, base.start, base.end, base.victims, base.vague)
    if len(deaths) == 1:
        return deaths[0]
    classes = [c.victims for c in deaths]
    start, end = min(c.start for c in deaths), max(c.end for c in deaths)
    told_twice = any(a.best == b.best >= RETOLD_MIN for i, a in enumerate(deaths) for b in deaths[i + 1:])
    if None not in classes and len(set(classes)) == len(classes) and not told_twice:
        low, best = sum(c.low for c in deaths), sum(c.best for c in deaths)
        return Count(low, best, None, start, end, "mixed")
    lowest = min(deaths, key=lambda c: c.best)
    highest = max((c.high or c.best) for c in deaths)
    return Count(lowest.low, lowest.best, highest if highest > lowest.best else lowest.high,
                 lowest.start, lowest.end, lowest.victims, lowest.vague)


def _singular_deaths(sent: Span, already: list[Count]) -> list[Count]:
    """Deaths told without a number: 'a young man was killed', 'Bandoo, 36, died', 'a man and
    a boy were found shot to death' (two), 'a fatal shooting' (at least one)."""
    if already:
        return []
    best: Count | None = None
    for predicate, deps, head in _death_predicates(sent):
        heads = [(head, deps)]
        if predicate.lemma_.lower() in {"dead", "deceased"} and predicate is not head:
            heads.append((predicate, {"nsubj"}))  # "they found Jo Munnings dead": Munnings, subject of "dead"
        if head.dep_ in {"xcomp", "ccomp", "oprd", "conj"} and head.head.i != head.i:
            # "were found shot to death", "was shot and killed"; "was taken to a hospital and
            # died": dying, or being killed, joined by "and" without a subject of its own
            # shares its head's ("Smith shot and killed a deer": Smith is not the dead)
            undergone = head.lemma_.lower() in DIE_LEMMAS or any(c.dep_ == "auxpass" for c in head.children)
            shared = deps | ({"nsubj", "nsubjpass"} if head.dep_ == "conj" and undergone and not any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in head.children) else set())
            heads.append((head.head, shared))
        # only people are pronounced (or found) dead: "a farmer was pronounced dead", "Camarillo
        # was pronounced dead" need no list of nouns (nor the tagger's guess that a surname is a town)
        pronounced = any(h.lemma_.lower() in {"pronounce", "declare"} for h, _ in heads) or (
            predicate.lemma_.lower() in {"dead", "deceased"} and head.lemma_.lower() == "find")  # "the hunter was found dead"
        for child, ok in ((c, d) for h, d in heads for c in h.children):
            if child.dep_ not in ok or _is_part(child):
                continue
            if child.tag_ in {"WP", "WDT"} and child.head.dep_ == "relcl":
                child = child.head.head  # "Smith, who was pronounced dead": Smith
            victims = _listed(child)
            sizes = [_people(v, pronounced) for v in victims]
            if None in sizes and any(sizes):
                # "Mackey and Ishmael Haywood died": a name beside a person is a person, whatever
                # the tagger guessed (a people, a firm) — but not a place
                sizes = [n or (1 if v.pos_ == "PROPN" and v.ent_type_ not in {"GPE", "LOC", "FAC"} else None)
                         for n, v in zip(sizes, victims)]
            if None in sizes:
                continue
            n = sum(sizes)
            nth = _ordinal_victim(victims[0]) if len(victims) == 1 else None
            n = nth or n  # "a third person has died": the third of the dead
            first, last = min(v.i for v in victims), max(v.i for v in victims)
            span = sent.doc[first:last + 1]
            classes = {_victim_class(v) or "civilians" for v in victims}
            count = Count(n, n, None, span.start_char, span.end_char, classes.pop() if len(classes) == 1 else "mixed")
            if best is None or count.best > best.best:
                best = count
    if best is None:
        best = _death_of(sent)
    if best is None:
        best = _life_taken(sent)
    if best is None:
        best = _multiple_killing(sent)
    if best is None:
        best = _murder_charges(sent)
    if best is None:
        best = _killed_after_noun(sent)
    if best is None:
        for token in sent:
            if (token.lower_ == "fatal" and token.dep_ == "amod" and token.head.lemma_.lower() in {
                    "shooting", "stabbing", "attack", "shot"} and not _non_fatal(token) and not _told_as_earlier(token)):
                span = sent.doc[min(token.i, token.head.i):max(token.i, token.head.i) + 1]
                return [Count(1, 1, None, span.start_char, span.end_char, "civilians")]
    return [best] if best else []


ORDINAL_VICTIMS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}


def _ordinal_victim(noun: Token) -> int | None:
    """'A second teen has died', 'a third person has died': one more dead, whose rank tells
    how many have died ('the fifth man was pronounced dead' ranks him in a list, 'his second
    wife' is one)."""
    if not any(c.dep_ == "det" and c.lower_ == "a" for c in noun.children):
        return None
    return next((ORDINAL_VICTIMS[c.lower_] for c in noun.children if c.dep_ == "amod" and c.lower_ in ORDINAL_VICTIMS), None)


def _listed(noun: Token) -> list[Token]:
    """The people a list told from `noun` names: its conjuncts, and those the parse hangs on it
    as in apposition.  'His fiancee, Jo Lee, and their son': a name in apposition to a person
    is that person, and carries the list on; 'his wife, son and daughter', 'a mother, father,
    and toddler': a person in apposition that the list goes on from is one more ('his wife, a
    nurse,' and 'Al Ruiz, a neighbor and friend,' are one); 'Jo Smith, 23, Al Ruiz, 32, and Bo
    Lee, 31': a name in apposition to a name is one more."""
    out = [noun, *noun.conjuncts]
    for a in noun.children:
        if a.dep_ != "appos":
            continue
        if a.pos_ == "PROPN":
            out.extend((a, *a.conjuncts) if noun.pos_ == "PROPN" and a.conjuncts else a.conjuncts)
        elif (a.pos_ == "NOUN" and a.conjuncts and _victim_class(a) is not None and noun.pos_ != "PROPN"
              and not any(c.dep_ == "det" for c in a.children)):
            out.extend((a, *a.conjuncts))  # (not "Al Ruiz, a neighbor and friend": one man described)
    return out


def _killed_after_noun(sent: Span) -> Count | None:
    """'The man killed Saturday night was identified', 'Officer Killed in Baton Rouge': a
    killing participle right after its noun (a relative clause without 'who was') tells that
    one person's death; not 'the fifth person killed this year' (a ranking), 'some person
    killed', a plural ('Civilians Killed by Airstrikes' is no count), nor the killer's ('...,
    suspect killed'), which the sentences telling it in full count.  Read last, for a sentence
    that tells no death otherwise."""
    for token in sent:
        if token.dep != ACL or token.tag_ not in {"VBN", "VBD"} or token.lemma_.lower() not in KILL_LEMMAS:
            continue  # (the dependency as a number first: most words are no relative clause)
        noun = token.head
        if any(c.dep_ in {"dobj", "nsubj"} for c in token.children) or (noun.tag_ not in {"NN", "NNP"} and not _aged(noun)) or noun.i > token.i:
            continue
        if noun.lemma_.lower() in PERPETRATOR_NOUNS:
            continue  # "..., suspect killed": the killer's death, left to the sentences that tell it
        if any(c.lower_ in {"some", "any", "every", "no"} or c.ent_type_ == "ORDINAL" or c.dep_ == "nummod"
               for c in noun.children) or _is_part(noun) or _unrealised(token) or _told_as_earlier(token):
            continue
        if _people(noun) == 1:
            return Count(1, 1, None, noun.idx, noun.idx + len(noun.text), _victim_class(noun) or "civilians")
    return None


def _non_fatal(fatal: Token) -> bool:
    """'A non-fatal shooting': the tokenizer splits 'non-fatal' into 'non', '-', 'fatal'."""
    doc = fatal.doc
    return fatal.i >= 2 and doc[fatal.i - 1].text == "-" and doc[fatal.i - 2].lower_ == "non"


MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4}


def _told_at(token: Token, n: int) -> Count:
    """`n` dead told by one word ("a double murder", "claimed a life"), its span the word's."""
    return Count(n, n, None, token.idx, token.idx + len(token.text), "civilians")


def _multiple_killing(sent: Span) -> Count | None:
    """'A double murder' is two dead, 'a triple homicide' three, 'a murder-suicide' two."""
    doc = sent.doc
    for token in sent:
        lemma = token.lemma_.lower()
        if lemma in {"murder", "homicide", "killing", "slaying"}:
            phrase = [*token.children, *(token.head.children if token.dep_ == "compound" else ())]
            if any(c.lower_ == "attempted" for c in phrase):
                continue  # "an attempted murder-suicide": nobody may have died
            n = next((MULTIPLES[c.lower_] for c in token.children if c.lower_ in MULTIPLES), None)
            if n is None and token.i + 2 < sent.end and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ == "suicide":
                n = 2
            if n is not None:
                return _told_at(token, n)
    return None


def _murder_charges(sent: Span) -> Count | None:
    """'Charged with three counts of first-degree murder': one count of murder per person
    killed (not 'counts of attempted murder', nor 'multiple counts')."""
    for token in sent:
        if token.lemma_.lower() != "count" or token.pos_ != "NOUN":
            continue
        number = next((c for c in token.children if c.dep_ == "nummod"), None)
        value = parse_count(number.text) if number is not None else None
        if value is None or not value.exact:
            continue
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if obj.lemma_.lower() in {"murder", "homicide"} and not any(
                        t.lower_ in {"attempted", "attempt", "conspiracy"} for t in obj.subtree):
                    return Count(value.best, value.best, None, number.idx, token.idx + len(token.text), "civilians")
    return None


def _life_taken(sent: Span) -> Count | None:
    """'The shooting claimed a life', 'claimed the life of a teenager', 'took his own life':
    one life, one dead (taken, not 'threatening to take his life')."""
    for token in sent:
        verb = token.head
        if (token.lower_ == "life" and token.dep_ == "dobj" and verb.lemma_.lower() in {"claim", "take"}
                and verb.tag_ in {"VBD", "VBN"}):
            return _told_at(token, 1)
    return None


def _death_of(sent: Span) -> Count | None:
    """'charged in the shooting death of Tom Baker', 'the deaths of a woman and her son': the
    dead named after 'death(s) of', one each; 'investigating a shooting death', 'resulting in
    her death' are one dead.
    ('The murder of Ann Lee' counts too, in the evaluation, but mostly in stories of arrests
    and trials, whose dates then stand for the event's: not read.)"""
    for token in sent:
        if token.lemma_.lower() != "death" or token.pos_ != "NOUN":
            continue
        ofs = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
        if not ofs and token.tag_ == "NN" and any(
                (c.dep_ in {"compound", "amod"} and c.lower_ in {"shooting", "stabbing"})
                or (c.dep_ == "poss" and c.lower_ in {"his", "her"}) for c in token.children):
            return _told_at(token, 1)  # "resulting in her death"
        for prep in ofs:
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                victims = _listed(obj)
                if all(_one_victim(v) for v in victims):
                    first, last = min(v.i for v in victims), max(v.i for v in victims)
                    span = sent.doc[first:last + 1]
                    classes = {_victim_class(v) or "civilians" for v in victims}
                    return Count(len(victims), len(victims), None, span.start_char, span.end_char,
                                 classes.pop() if len(classes) == 1 else "mixed")
    return None


MODAL_AUX = {"will", "would", "could", "might", "may", "shall", "'ll", "wo"}
INTENT_LEMMAS = {"plan", "aim", "threaten", "vow", "pledge", "intend", "seek", "want", "prepare",
                 "expect", "hope", "try", "promise", "gear", "set", "poise", "ready", "warn"}
PURPOSE_WORDS = {"effort", "attempt", "plot", "plan", "bid", "conspiracy", "threat", "intent", "intention",
                 "conspire"}
"""Words (besides INTENT_LEMMAS) whose 'to kill' is a purpose, not a death ('in an effort to
kill himself', 'conspired to kill')."""


def _hypothetical_anchor(anchor: Token) -> bool:
    """Whether the parse puts the event under a modal or an intention ("would launch an attack",
    "plans to storm", "gearing up for the battle").  The sentence-level test finds the
    wording; this confirms it governs *this* event, so a headline run together with a real
    report ("... aims to develop ties Air strikes killed 12") keeps the report."""
    for token in [anchor, *_ancestors(anchor, 5)]:
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in MODAL_AUX for c in token.children):
            return True
        if token.lemma_.lower() in INTENT_LEMMAS and token is not anchor:
            return True
    return False


JUSTICE_LEMMAS = {"arrest", "charge", "sentence", "indict", "convict", "arraign", "plead", "extradite", "acquit",
                  "testify", "book", "jail", "try", "order", "deny", "unseal", "dismiss", "appear", "face"}
"""Steps of justice after an event: a judge "ordered him held", "denied bail", an indictment
"unsealed", a juror "dismissed", a suspect who "appeared" or "faced a judge" on the day told."""


EVENT_NOUN_LEMMAS = frozenset(lx.TRIGGER_LEMMAS.keys() | {"death", "killing", "slaying"})
"""Nouns that name the event itself: a date on one is the event's ("the Nov. 3 shooting death")."""


def _is_justice_date(token: Token) -> bool:
    """Whether a date hangs off a step of justice ("arrested Friday", "sentenced on Monday"),
    not off the event it names ("arrested in the April 14 shooting")."""
    for anc in _ancestors(token, 3):
        if anc.pos_ == "NOUN" and anc.lemma_.lower() in EVENT_NOUN_LEMMAS:
            return False
        if anc.pos_ in {"VERB", "AUX"}:
            return anc.lemma_.lower() in JUSTICE_LEMMAS
    return False


def _is_reporting_date(token: Token) -> bool:
    """Whether a date hangs off a verb of saying ("said Friday", "told AFP on Monday"), or is the
    web page's own stamp ("Posted: Friday, May 6, 2016").  "The shooting was reported at
    9:40 p.m. Feb. 11", "the incident was reported around 9:30 p.m. Tuesday" say when the
    event happened: their subject is the event (a trigger or a word standing for one), not a
    source."""
    if _is_page_stamp(token):
        return True
    for anc in _ancestors(token, 3):
        if anc.pos_ in {"VERB", "AUX"}:
            if anc.lemma_.lower() not in lx.REPORTING_LEMMAS:
                return False
            return not any(c.dep_ == "nsubjpass" and (c.lemma_.lower() in lx.TRIGGER_LEMMAS
                                                        or c.lemma_.lower() in lx.ANAPHORIC_EVENT_NOUNS)
                           for c in anc.children)
    return False


def _is_page_stamp(token: Token) -> bool:
    """Whether a date is the web page's own stamp ("Posted: Friday, May 6, 2016 ... Updated:")."""
    doc = token.doc
    return bool(_STAMP_BEFORE.search(doc[max(token.sent.start, token.i - 8):token.i].text))


VIOLENT_LEMMAS = frozenset(lx.TRIGGER_LEMMAS.keys() | lx.DEATH_LEMMAS | lx.WOUNDING_LEMMAS | lx.INJURY_LEMMAS | {"fire"})
"""Words of violence, death or harm: a "who" clause with one tells the event ("who opened fire")."""


def _is_relative_clause_date(token: Token, anchor: Token | None) -> bool:
    """Whether a date belongs to a clause about a person that tells something other than the
    event ("beheaded eight militants who had surrendered last week", "a man who moved there
    in May"): a "who" clause whose verb is neither violence nor death, the anchor outside it.
    A clause about the event ("a shooting that happened Sunday") or telling the harm itself
    ("the two men who were shot Monday", "the boy, who died Tuesday") dates the event."""
    verb = _verb_above(token, 3)
    if verb is None or verb.dep_ != "relcl":
        return False
    if not any(c.lower_ in {"who", "whom"} for c in verb.children):
        return False
    if any(t.lemma_.lower() in VIOLENT_LEMMAS for t in verb.subtree):
        return False  # "who opened fire last week", "who was hurt in a Friday shooting"
    return anchor is None or not (verb.left_edge.i <= anchor.i <= verb.right_edge.i)


AFTERMATH_LEMMAS = {"identify", "mourn", "grieve", "gather", "remember", "vow", "struggle", "search", "remain",
                    "release"}
"""Verbs of the days after an event ("identified Sunday", "gather on Friday to mourn",
"remained unclear on Sunday", "released a report Monday", "was released from the hospital
Tuesday"): a date on them is not the day of the event."""


def _is_aftermath_date(token: Token) -> bool:
    """Whether a date hangs right off a verb of the aftermath (`AFTERMATH_LEMMAS`): "identified
    Sunday", "gathered on Tuesday evening".  A date further down, on a noun ("the November 22nd
    shooting remains unclear", "after his death Friday"), is the event's."""
    head = token.head
    if head.pos_ == "ADP" and head.i != token.i:
        head = head.head
    if head.pos_ not in {"VERB", "AUX"}:
        return False
    if head.lemma_.lower() == "be":
        return any(t.lemma_.lower() in AFTERMATH_STATES for c in head.children if c.i != token.i
                   for t in (c, *c.children))
    return head.lemma_.lower() in AFTERMATH_LEMMAS


AFTERMATH_STATES = {"underway", "condition", "unclear", "custody", "hand", "large"}
"""What "be" says of the days after ("an investigation was underway Tuesday", "in stable
condition Friday", "on hand Wednesday", "remained at large")."""


FUTURE_AUX = {"will", "'ll", "’ll", "shall", "wo"}
SCHEDULE_LEMMAS = {"schedule", "slate", "due", "set"}


def _is_future_date(token: Token) -> bool:
    """Whether a date hangs off something still to come ("he will undergo surgery Friday",
    "jurors are to begin deliberations Thursday", "a judge scheduled his plea for Thursday",
    "we'll have more on the Sunday morning show"): it names a day after the story was
    written, so read back from publication it would date the event to a day of the week
    before.  Only the clause the date is told in counts (its nearest verb and the verbs it
    hangs from)."""
    verb = _verb_above(token, 4)
    if verb is None:
        return False
    for v in (verb, *(a for a in _ancestors(verb, 2) if a.pos_ in {"VERB", "AUX"})):
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in FUTURE_AUX for c in v.children):
            return True
        if v.lemma_.lower() in SCHEDULE_LEMMAS and v.tag_ in {"VBD", "VBN"}:
            return True
        if (v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
                and v.head.i != v.i and v.head.lemma_.lower() == "be"):
            return True  # "are to begin"
    return False


_STAMPED = re.compile(r"\b(?:posted|updated)\s*:\s*\w+day\b", re.IGNORECASE)
"""A line carrying the web page's stamp ("Posted: Tuesday, May 5, 2015 5:36 PM EDT")."""
_STAMP_BEFORE = re.compile(r"\b(?:posted|updated|published|last modified)\s*(?:on|at)?\s*:?\s*(?:\w+,?\s+){0,2}$", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def _date_expressions(text: str) -> tuple[tuple[int, int, str], ...]:
    """`find_date_expressions`, kept: an article's lead sentences are read for the story's
    date (`_lead_date`) and again for their own events."""
    return tuple(find_date_expressions(text))


def read_date(sent: Span, published: date, anchor: Token | None,
              dateline: Dateline | None = None) -> tuple[DateRange | None, DateRange | None]:
    """The event's date range from the sentence (nearest the anchor), and the date of saying.

    "A monitoring group said Friday" dates the report, not the event; it is returned apart,
    as the last day the event can have happened, for sentences that give nothing better.
    Any part of the article's dateline reads as the whole dateline's day, even where the
    sentence splitter cut it in two and left "Oct 2014" at the head of the lead (a month,
    read alone).  Dates of other happenings are passed over: of a "who" clause about
    something else, or of the aftermath ("identified Monday").
    """
    doc = sent.doc
    best: tuple[int, DateRange] | None = None
    reported: DateRange | None = None
    for s, e, expr in _date_expressions(sent.text):
        rng = resolve_expression(expr, published)
        if rng is None:
            continue
        span = doc.char_span(sent.start_char + s, sent.start_char + e, alignment_mode="expand")
        if span is None:
            continue
        token = span.root
        in_dateline = dateline is not None and sent.start_char + s < dateline.end and dateline.start < sent.start_char + e
        if in_dateline:
            rng = dateline.range
        if _is_future_date(token):
            continue
        if _is_reporting_date(token) or _is_justice_date(token):
            reported = reported or rng
            continue
        if not in_dateline and (_is_relative_clause_date(token, anchor) or _is_aftermath_date(token)):
            continue
        distance = abs(token.i - anchor.i) if anchor is not None else 0
        if best is None or distance < best[0]:
            best = (distance, rng)
    return (best[1] if best else None), reported


_VAGUE_PERIOD = re.compile(
    r"\b(in|over|during) (the )?(recent|past|last|coming) (few )?(months|years|weeks|decades)\b|\bin the past\b|\bfor years\b|\bfor months\b",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
_WAR_TOTAL = re.compile(
    r"\b(the|this|a|its|their|civil|six-year|five-year|\w+-year)\s+(war|conflict|uprising|insurgency|crisis|revolution)\b"
    r"|\b(hundreds|tens) of thousands\b|\bdeadliest (month|year|week)\b|\bso far\b",
    re.IGNORECASE,
)
LARGE_TOTAL = 1000
"""A death count this large without a day is a war's or a campaign's toll, not one event."""
_RECENT = re.compile(r"\brecent(ly)?\b", re.IGNORECASE)
RECENT_DAYS = 30
"""'A recent raid' that killed people: within the month before publication (precision 3)."""
_CONCURRENT = re.compile(r"\b(simultaneous(ly)?|concurrent(ly)?|at the same time)\b", re.IGNORECASE)
_COUNTRYWIDE = re.compile(r"\b(across|throughout|all over) (the country|[A-Z][a-z]+)\b|\bnationwide\b")
MONTH_TOTAL_DAYS = 14
MONTH_EVENT_DAYS = 31
"""Deaths dated by one month at most ("in April", "last month") may be one event (see `extract_events`)."""
SINCE_TOTAL_DAYS = 7
"""'Since' a day further back than this before publication opens a period, not a battle."""

_AGG_RE = re.compile(
    r"\b(this (month|year|week) alone|so far (this|in)|since (the (start|beginning)|early|late)?\s*(19|20)\d\d"
    r"|over the (past|last) (\w+ )?(months|years|weeks)|in a week of|campaign"
    r"|(seven|eight|nine|ten|eleven|twelve|\d{2,}|several|many) days of|(weeks|months|years) of)\b",
    re.IGNORECASE,
)


def _is_aggregate(sent: Span, rng: DateRange | None, count: int | None = None, vague_hundreds: bool = False,
                  published: date | None = None, month_totals: bool = True) -> bool:
    """A period total: a campaign's or a war's toll, a month's, 'since' something.

    'Since early Wednesday' in a report on Friday is one battle's toll, so 'since' makes a
    total only when the period it opens is longer than a week or cannot be dated.  Without
    `month_totals`, deaths dated by a month or wider are not a total for that alone.
    """
    text = sent.text
    if _AGG_RE.search(text):
        return True
    if _SINCE.search(text) and (rng is None or ((published or rng.end) - rng.start).days > SINCE_TOTAL_DAYS):
        return True  # "killed since the truce broke down on May 2", told in June
    if _WAR_TOTAL.search(text) and (rng is None or rng.precision == 3):
        return True
    if count is not None and count >= LARGE_TOTAL and (rng is None or rng.precision > 1):
        return True
    if month_totals and rng is not None and rng.precision == 3 and rng.expression != "recent" \
            and (rng.end - rng.start).days >= MONTH_TOTAL_DAYS:
        return True  # "killed more than 300 militants this month": a month's toll
    if _COUNTRYWIDE.search(text):
        return True
    if vague_hundreds and (rng is None or rng.precision > 1):
        return True  # "hundreds of civilians killed in operations against IS"
    return False


@functools.lru_cache(maxsize=None)
def _alias_pattern(alias: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])")


def _find_aliases(text: str, table: dict[str, str]) -> list[tuple[int, str]]:
    lower = text.lower()
    found: list[tuple[int, int, str]] = []
    for alias in sorted(table, key=len, reverse=True):
        if alias not in lower:  # a plain substring test first: most aliases are in no sentence
            continue
        for m in _alias_pattern(alias).finditer(lower):
            if any(s <= m.start() < e for s, e, _ in found):
                continue
            if alias in {"is", "ap"} and text[m.start():m.end()] != alias.upper():
                continue  # "is" the verb, "ap" lower-case
            found.append((m.start(), m.end(), table[alias]))
    return [(s, name) for s, _, name in sorted(found)]


def read_actors(sent: Span, victims: str | None) -> tuple[str | None, str | None]:
    actors = []
    for _, name in _find_aliases(sent.text, lx.ACTOR_ALIASES):
        if name not in actors:
            actors.append(name)
    target = None
    lower = sent.text.lower()
    for name in actors:
        for alias, normal in lx.ACTOR_ALIASES.items():
            if normal == name and re.search(r"\b(against|on|targeting|targeted|from)\s+(the\s+)?(so-called\s+)?" + re.escape(alias) + r"\b", lower):
                target = name
    if victims == "civilians":
        actor1 = next((a for a in actors if a != target), None)
        return actor1, "Civilians"
    if target is None and victims == "militants" and "Islamic State" in actors:
        target = "Islamic State"
    actor1 = next((a for a in actors if a != target), None)
    actor2 = target or next((a for a in actors if a != actor1), None)
    return actor1, actor2


def _localise(actor: str | None, country: str | None) -> str | None:
    """'government forces' in Yemen are Yemen's: fill the country into generic actor names."""
    if actor is None or "{country}" not in actor:
        return actor
    name = _country_name(country)
    return actor.format(country=name) if name else actor.replace(" of {country}", "").replace(" ({country})", "")


@functools.lru_cache(maxsize=256)
def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    return (getattr(found, "common_name", None) or found.name) if found else None


def read_reporter(sent: Span) -> str | None:
    found = _find_aliases(sent.text, lx.REPORTERS)
    if found:
        return found[0][1]
    for token in sent:
        if token.lemma_.lower() in {"say", "tell", "report"}:
            for child in token.children:
                if child.dep_ == "nsubj" and child.ent_type_ in {"ORG", "PERSON"}:
                    ent = next((e for e in sent.ents if e.start <= child.i < e.end), None)
                    return ent.text if ent is not None else child.text
    m = re.search(r"according to (the )?([A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)", sent.text)
    return m.group(2) if m else None


def _choose_place(sent: Span, places: list[PlaceMention], anchor: Token | None,
                  homes: list[PlaceMention] = ()) -> tuple[PlaceMention | None, bool]:
    """The sentence's place for the event, and whether the parse ties it to the anchor: a home
    town (``homes``) only when the sentence names no other place ("Jo Lee, 20, of Waco was shot")."""
    inside = [p for p in places if sent.start_char <= p.char_start < sent.end_char]
    homes_inside = [p for p in homes if sent.start_char <= p.char_start < sent.end_char]
    inside, told_homes = (inside, homes_inside) if inside else (homes_inside, [])
    if not inside:
        return None, False
    doc = sent.doc

    def attached(p: PlaceMention) -> bool:
        span = doc.char_span(p.char_start, p.char_end, alignment_mode="expand")
        if anchor is None or span is None:
            return False
        return anchor in _ancestors(span.root, 6) or span.root in _ancestors(anchor, 6) or span.root.head == anchor.head

    def actor(p: PlaceMention) -> bool:
        # a country beside a place in another country is a party, not where it happened
        # ("Russian or Syrian jets struck a market in Idlib"; "Turkey said it shelled Afrin")
        return p.place.kind == "country" and any(
            q.place.kind != "country" and q.place.country not in (None, p.place.country) for q in inside)

    def score(p: PlaceMention) -> tuple:
        span = doc.char_span(p.char_start, p.char_end, alignment_mode="expand")
        rank = {"city": 1, "site": 1, "district": 1, "region": 2, "county": 2, "admin1": 3, "country": 4}.get(p.place.kind, 3)
        distance = abs(span.root.i - anchor.i) if (anchor is not None and span is not None) else 0
        return (0 if attached(p) and not actor(p) else 1, rank, distance)

    best = min(inside, key=score)
    within = [p for p in inside if p.place.kind != "country" and p.place.country == best.place.country]
    if best.place.kind == "country" and within:
        best = min(within, key=score)  # "Idlib" says more than "Syria" in the same sentence
    town = _town_in(best, places, homes)
    held = attached(town) if town is not None else attached(best)
    if told_homes:
        # a harm told of a home town's people ("a 4-year-old Milwaukee boy shot his uncle") is
        # anchored by a place as it would be were the home the event's place
        held = _choose_place(sent, sorted([*places, *homes], key=lambda p: p.char_start), anchor)[1]
    return (town or best), held


_BORDER_WORDS = frozenset({"border", "borders", "frontier", "crossing"})
_BORDERING = frozenset({"bordering", "borders", "neighbouring", "neighboring"})


def _across_border(doc: Doc, p: PlaceMention) -> bool:
    """A country named as the neighbour across a border ("a town on the border with Iraq",
    "a blast at a border crossing with Turkey", "the province bordering Iraq") is not where it happened: the
    event is on this side, wherever the rest of the text puts it."""
    if p.place.kind != "country" or p.char_start < 0:  # a headline's place has no words around it here
        return False
    span = doc.char_span(p.char_start, p.char_end, alignment_mode="expand")
    if span is None or span.start < 1:
        return False
    if doc[span.start - 1].lower_ in _BORDERING:
        return True  # "the eastern province bordering Iraq"
    if span.start < 2:
        return False
    before = doc[span.start - 2:span.start]
    return before[0].lower_ in _BORDER_WORDS and before[1].lower_ in {"with", "of"}


RESIDENT_WORDS = frozenset({
    "man", "men", "woman", "women", "boy", "boys", "girl", "girls", "teen", "teens", "teenager", "teenagers",
    "youth", "resident", "residents", "native", "natives", "couple", "family", "mother", "father", "son",
    "daughter", "husband", "wife", "student", "person", "people"})
"""Words for people that a town names as where they live ("a Pocatello man", "a Metairie native")."""


def _residence(doc: Doc, p: PlaceMention, places: list[PlaceMention]) -> bool:
    """Whether a place is written as where a person lives or comes from, not where something
    happened: "Aaron Alexis of Fort Worth, Texas", "Martin Ibarra, 35, of South Baltimore", "a
    resident of Elm Grove", "a Columbus man", "a Bismarck, N.D., woman".  US crime copy names
    the people of a story by their home towns, which are often not the town of the story."""
    if p.char_start < 0 or p.place.kind == "country":
        return False
    span = doc.char_span(p.char_start, p.char_end, alignment_mode="expand")
    if span is None:
        return False
    end = span.end
    if end + 1 < len(doc) and doc[end].text == ",":  # "a Bismarck, N.D., man": past the state
        state = next((q for q in places if q.place.kind == "admin1" and q.char_start == doc[end + 1].idx), None)
        state_span = doc.char_span(state.char_start, state.char_end, alignment_mode="expand") if state else None
        if state_span is not None:
            end = state_span.end + (1 if state_span.end < len(doc) and doc[state_span.end].text == "," else 0)
    if end < len(doc) and doc[end].lower_ in RESIDENT_WORDS and span.start > 0 \
            and doc[span.start - 1].lower_ not in {"in", "at", "near", "outside", "to", "into"}:
        return True  # "a Columbus man"; not "shot in Columbus man-to-man" nor "in Columbus people said"
    start = span.start - (1 if span.start > 0 and doc[span.start - 1].lower_ == "the" else 0)
    if start >= 2 and doc[start - 1].lower_ == "in" and (
            doc[start - 2].lemma_ in {"live", "reside"} or doc[start - 2].lower_ == "up" and start >= 3
            and doc[start - 3].lemma_ == "grow"):
        return True  # "Aaron Alexis, 34, living in Fort Worth", "who grew up in Brooklyn"
    if start < 2 or doc[start - 1].lower_ not in {"of", "from"}:
        return False
    before = doc[start - 2]
    if before.lower_ in RESIDENT_WORDS or before.lower_ == "both" or before.ent_type_ == "PERSON":
        return True  # "a resident of", "both of", "Aaron Alexis of"
    # "Martin Ibarra, 35, of South Baltimore"
    return doc[start - 1].lower_ == "of" and before.text == "," and start >= 3 and doc[start - 3].like_num


def _not_residences(doc: Doc, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places an event may be in, less people's home towns (a state named after a home town,
    "of Fort Worth, Texas", goes with it): those are kept apart and stand in only where nothing
    else is told (`_choose_place`, `_town_in`), or all of them when the article names no other place."""
    homes = [p for p in places if _residence(doc, p, places)]
    if not homes:
        return places
    ends = {p.char_end for p in homes}
    after_home = [p for p in places if p.place.kind == "admin1" and p.char_start >= 2
                  and doc.text[p.char_start - 2:p.char_start] == ", " and p.char_start - 2 in ends]
    left = [p for p in places if p not in homes and p not in after_home]
    return left if left else places


def _town_in(county: PlaceMention, mentions: list[PlaceMention],
             homes: list[PlaceMention] = ()) -> PlaceMention | None:
    """The article's town in the state of ``county``, when that is a county or a US state:
    most stories name the county's sheriff or coroner and happen in the town they are about
    ("the Wayne County medical examiner" in a Detroit story), the most specific place, and US
    copy names the state as a reader's bearing ("a Kentucky teenager") for a story told in
    one of its towns.  A province of a conflict country named as the place ("the northern
    province of Raqqa") stays the province (SPEC §3).  The town named most often wins, the
    first of those on a tie.  People's home towns (``homes``, `_residence`) stand in only when the
    article names no other town of that state: the story is often near where its people live."""
    if county.place.admin1 is None or not (
            county.place.kind == "county" or county.place.kind == "admin1" and county.place.country == "US"):
        return None
    towns = [p for p in mentions if p.place.kind in POINT_KINDS and p.place.admin1 == county.place.admin1] \
        or [p for p in homes if p.place.kind in POINT_KINDS and p.place.admin1 == county.place.admin1]
    if not towns:
        return None
    named: dict[str, int] = {}
    for p in towns:
        named[p.place.name] = named.get(p.place.name, 0) + 1
    return max(towns[::-1], key=lambda p: named[p.place.name])


def _apply_place(m: EventMention, p: PlaceMention | None, precision: int | None = None) -> None:
    if p is None:
        return
    place, precision = p.place, precision or p.geo_precision
    city = as_its_city(place, get_gazetteer())
    if city is not None:  # "shot in the District": in Washington
        place, precision = city, city.geo_precision
    m.location = place.name
    m.country = place.country
    m.admin1 = place.admin1
    m.admin1_name = place.admin1_name
    m.latitude = place.latitude
    m.longitude = place.longitude
    m.geo_precision = precision


FALLBACK_SPECIFICITY = 4
"""The least specific trigger an article's fallback event may rest on ("shooting", not "attack")."""


UNDATED_WINDOW_DAYS = 2
"""An event told without a date happened on or shortly before the day it was reported."""


def _apply_date(m: EventMention, rng: DateRange | None, published: date | None, reported_only: bool = False) -> None:
    """Dates from the sentence, coded to the middle of their range (the later of two middle
    days: "overnight" in a morning report is mostly after midnight, and "the weekend" that
    ends on Sunday is coded to Sunday); an event dated only by
    its report ("said on Tuesday that it had hit") or not at all falls in the few days up to
    that report (week precision) and is coded to the report's day."""
    if rng is not None and not reported_only:
        m.date_start, m.date_end, m.time_precision = rng.start, rng.end, rng.precision
        m.date_expression = rng.expression
        m.event_date = m.date_start + timedelta(days=((m.date_end - m.date_start).days + 1) // 2)
        return
    report_day = rng.end if rng is not None else published
    if report_day is None:
        return
    m.date_start, m.date_end = report_day - timedelta(days=UNDATED_WINDOW_DAYS), report_day
    m.time_precision = max(rng.precision, 2) if rng is not None else 2
    m.date_expression = f"reported {rng.expression}" if rng is not None else None
    m.event_date = report_day


def _paragraph_of(doc: Doc, text: str) -> list[int]:
    """Paragraph number of each sentence (`text` is the doc's): a new paragraph after a blank
    line or a line break."""
    out, para = [], 0
    for sent in doc.sents:
        before = text[max(sent.start_char - 2, 0):sent.start_char]
        if "\n" in before:
            para += 1
        out.append(para)
    return out


DOMINANT_SHARE = 0.5


def _dominant_place(places: list[PlaceMention], homes: list[PlaceMention] = ()) -> PlaceMention | None:
    """Where an article is, for events told without a place: its province when at least half
    of its province mentions name it, else its country (a wrong province is worse than none)."""
    tally: dict[str, int] = {}
    first: dict[str, PlaceMention] = {}
    countries: dict[str, int] = {}
    for p in places:
        if p.place.country:
            countries[p.place.country] = countries.get(p.place.country, 0) + 1
        if p.place.admin1:
            tally[p.place.admin1] = tally.get(p.place.admin1, 0) + 1
            first.setdefault(p.place.admin1, p)
    if tally:
        code = max(tally, key=lambda k: (tally[k], -first[k].char_start))
        if tally[code] >= DOMINANT_SHARE * sum(tally.values()):
            return _town_in(first[code], places, homes) or first[code]
    if not countries:
        return None
    country = max(countries, key=countries.get)
    return next((p for p in places if p.place.country == country and p.place.kind == "country"), None) or _country_level(
        next(p for p in places if p.place.country == country))


def _within(dominant: PlaceMention | None, country: PlaceMention) -> bool:
    """Whether ``country`` is a country mention and ``dominant`` a province of it."""
    return (country.place.kind == "country" and dominant is not None and dominant.place.admin1 is not None
            and dominant.place.country == country.place.country)


def _country_level(p: PlaceMention) -> PlaceMention:
    gazetteer = get_gazetteer()
    point = gazetteer.country_centroid(p.place.country)
    place = Place(name=p.place.country, kind="country", country=p.place.country, admin1=None, admin1_name=None,
                  latitude=point[0] if point else None, longitude=point[1] if point else None,
                  population=None, geo_precision=3, geonameid=None)
    return PlaceMention(p.char_start, p.char_end, p.mention, place, 3)


def _classify(triggers, victims: str | None, actor1: str | None) -> tuple[str, str]:
    """ACLED type from the most specific trigger; who died decides between an attack on
    civilians and a clash where the trigger alone cannot ("killed in an attack")."""
    if triggers:
        _, (etype, sub, specificity) = max(triggers, key=lambda t: t[1][2])
        if sub == "Attack" and victims in {"militants", "troops"}:
            return lx.BATTLES, "Armed clash"
        if specificity <= 2 and victims == "civilians":
            return lx.VAC, "Attack"
        return etype, sub
    if victims == "civilians":
        return lx.VAC, "Attack"
    if actor1 in {"US-led Coalition", "Military Forces of Russia"}:
        return lx.EXPLOSIONS, "Air/drone strike"
    return lx.BATTLES, "Armed clash"


def _tells_dated_event(sent: Span, mentions: list[EventMention], index: int) -> bool:
    """The sentence speaks of "the attack" just told, and told with its day: a count given
    without a date of its own is that day's toll, however large (see LARGE_TOTAL)."""
    previous = _recent(mentions, index)
    return (previous is not None and not previous.is_aggregate and previous.time_precision == 1
            and previous.date_expression is not None and not previous.date_expression.startswith(("lead:", "reported"))
            and _anaphoric(sent))


def _generic(triggers) -> bool:
    return not triggers or max(t[1][2] for t in triggers) <= 2


def _anaphoric(sent: Span) -> bool:
    for token in sent:
        if token.lemma_.lower() in lx.ANAPHORIC_EVENT_NOUNS and any(
            c.lower_ in {"the", "this", "that", "those", "these"} for c in token.children
        ):
            return True
    return False


TOPIC_PARAGRAPHS = 2


def _paragraph_topic(sent_places: list[list[PlaceMention]], paragraphs: list[int], index: int) -> PlaceMention | None:
    """The province the text is about at this sentence: the most named one in its paragraph
    so far ("Raqqa: ... strikes on the city ..."), else in the paragraph before it."""
    tally: dict[str, int] = {}
    first: dict[str, PlaceMention] = {}
    for i in range(index, -1, -1):
        if paragraphs[index] - paragraphs[i] >= TOPIC_PARAGRAPHS or (tally and paragraphs[i] != paragraphs[index]):
            break
        for p in sent_places[i]:
            key = p.place.admin1 or p.place.country
            if key:
                tally[key] = tally.get(key, 0) + (2 if p.place.admin1 else 1)
                first[key] = p  # walking backwards: ends on the earliest mention
    if not tally:
        return None
    best = first[max(tally, key=lambda k: tally[k])]
    return _town_in(best, [p for ps in sent_places for p in ps]) or best


def _paragraph_province(country: PlaceMention, sent_places: list[list[PlaceMention]], paragraphs: list[int],
                        index: int) -> PlaceMention | None:
    """Where in a country the paragraph puts a happening its sentence places only in that
    country ("an operation on the Lebanese side of the border. [The group] holds only the
    outskirts of Ras Baalbek"): the paragraph's one province of that country, named before or
    after the sentence; none when it names two, or none."""
    if country.place.kind != "country":
        return None
    found = [p for i, ps in enumerate(sent_places) if paragraphs[i] == paragraphs[index]
             for p in ps if p.place.country == country.place.country and p.place.admin1]
    if len({p.place.admin1 for p in found}) != 1:
        return None
    return found[0]


LEAD_SENTENCES = 3
LEAD_MAX_AGE_DAYS = 7


@dataclass(frozen=True)
class Dateline:
    """The article's dateline: its character span and the day it names."""

    start: int
    end: int
    range: DateRange


NO_PUBLICATION_PROBE = date(2099, 12, 31)
"""Stands for an unknown publication day when only dates that name their year are kept."""
_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")


def _read_full_date(sent: Span, anchor: Token | None) -> tuple[DateRange | None, DateRange | None]:
    """The dates of a sentence in an article with no publication date: only those that name
    their year ("on August 21 2013") mean the same whatever day the article appeared; a
    weekday or "last week" cannot be placed, so they stay unread."""
    rng, reported = read_date(sent, NO_PUBLICATION_PROBE, anchor)
    full = [r if r is not None and _YEAR_IN.search(r.expression) and r.end < NO_PUBLICATION_PROBE else None
            for r in (rng, reported)]  # "since 2013" runs to the unknown day of publication
    return full[0], full[1]


def _dateline(text: str, published: date | None) -> Dateline | None:
    found = find_dateline(text)
    if found is None or published is None or found[0] > published:
        return None
    day, start, end = found
    return Dateline(start, end, DateRange(day, day, 1, text[start:end]))


def _lead_date(sentences: list[Span], published: date | None,
               dateline: Dateline | None = None) -> DateRange | None:
    """The first event date the article gives ("... was shot Monday morning"): the date of
    the story, for its sentences that give none.  Its opening sentences may give a week
    ("over the weekend"); further down, where web pages put their lead after menus and
    captions, only a day counts ("The shooting happened about 3 a.m. Sunday"), as a vague
    week there is more often another event's."""
    if published is None:
        return None
    for index, sent in enumerate(sentences):
        rng, _ = read_date(sent, published, None, dateline)
        widest = 2 if index < LEAD_SENTENCES else 1
        if rng is None or rng.precision > widest or (published - rng.end).days > LEAD_MAX_AGE_DAYS:
            continue
        if rng.start == rng.end == published and re.search(r"\b(19|20)\d\d\b", rng.expression):
            continue  # the dateline: the day of publication, not of the event
        return rng
    return None


def _copy_place(m: EventMention, source: EventMention) -> None:
    m.location, m.country, m.admin1, m.admin1_name = source.location, source.country, source.admin1, source.admin1_name
    m.latitude, m.longitude, m.geo_precision = source.latitude, source.longitude, source.geo_precision


def _copy_date(m: EventMention, source: EventMention) -> None:
    m.date_start, m.date_end, m.event_date = source.date_start, source.date_end, source.event_date
    m.time_precision, m.date_expression = source.time_precision, source.date_expression


def extract_events(
    doc: Doc,
    published: date | None,
    places: list[PlaceMention],
    article_id: str = "",
) -> list[EventMention]:
    """Every event mention in the article (see the module docstring for the rules)."""
    mentions: list[EventMention] = []
    sentences = [Sentence(s) for s in doc.sents]  # each read many times: its tokens made once
    text = doc.text  # built anew from the tokens on every access: read it once
    paragraphs = _paragraph_of(doc, text)
    everything = [p for p in places if not _across_border(doc, p)]
    places = _not_residences(doc, everything)
    homes = [p for p in everything if p not in places]
    sent_places = [[p for p in places if s.start_char <= p.char_start < s.end_char] for s in sentences]
    dominant = _dominant_place(places, homes)
    dateline = _dateline(text, published)
    lead_date = _lead_date(sentences, published, dateline)
    unanchored: list[int] = []  # sentences dropped only for want of an anchor, in order
    month_told: list[int] = []  # sentences whose deaths are a total only for being dated by a month
    told: dict[int, str] = {}  # id of a mention -> "victims" (dead with a killer) or "killer" (his own death)
    hurt_unnumbered: list[EventMention] = []  # mentions whose injured are people told one by one
    hit_mentions: list[EventMention] = []  # mentions whose injured are the people hit ("five were shot")
    background: list[EventMention] = []  # events told as history, dropped
    justice: set[int] = set()  # ids of mentions told in a sentence of a step of justice

    def read(index: int, sent: Span, fallback: bool = False, month_event: bool = False) -> EventMention | None:
        text = sent.text.strip()
        if sum(t.is_alpha for t in sent) < 4:
            return None
        triggers = find_triggers(sent)
        deaths, injured, hurt_one_by_one, hit_told = _read_counts(sent)
        anchor: Token | None = None
        if deaths:
            span = doc.char_span(deaths[0].start, deaths[0].end, alignment_mode="expand")
            anchor = span[-1].head if span is not None else None
        elif triggers:
            anchor = max(triggers, key=lambda t: t[1][2])[0]
        if is_future_or_hypothetical(text) and (anchor is None or _hypothetical_anchor(anchor)):
            return None
        rng, reported = read_date(sent, published, anchor, dateline) if published else _read_full_date(sent, anchor)
        if rng is None and published is not None and deaths and _RECENT.search(text):
            rng = DateRange(published - timedelta(days=RECENT_DAYS), published, 3, "recent")
        place, governed = _choose_place(sent, places, anchor, homes)
        most, vague = max((c.best for c in deaths), default=None), any(c.vague and c.best >= 100 for c in deaths)
        m_aggregate = _is_aggregate(sent, rng, most, vague, published, month_totals=not month_event)
        retold = m_aggregate and deaths and rng is None and _tells_dated_event(sent, mentions, index) \
            and not _is_aggregate(sent, rng, None, vague, published, month_totals=not month_event)
        if retold:
            # "the attack, which killed 1,400": the toll of the day just told, and of its place
            # too, unless the sentence governs one ("Washington blames ... for the attack")
            m_aggregate = False
        if m_aggregate and deaths and triggers and max(t[1][2] for t in triggers) >= FALLBACK_SPECIFICITY \
                and rng is not None and (rng.end - rng.start).days <= MONTH_EVENT_DAYS \
                and not _is_aggregate(sent, rng, most, vague, published, month_totals=False):
            month_told.append(index)  # a total only for its month: read again if the article tells no other
        # "a simultaneous operation": told as happening at the time of the event just told,
        # which dates it as surely as a date of its own would
        concurrent = rng is None and _CONCURRENT.search(text) is not None and bool(mentions) \
            and _recent(mentions, index) is not None
        if not deaths:
            # a count-less trigger must be told as a particular happening, not as background
            # over a vague period (a period total without a number says nothing a week can
            # count), and be anchored: dated in its own sentence (or by its saying), placed by
            # a place it governs, or counting the people it hurt ("wounding two men": an
            # attack with no deaths is still an attack).  An article that anchors none of its
            # happenings still tells one: its first unanchored violent trigger is read last.
            if not triggers or _VAGUE_PERIOD.search(text) or m_aggregate:
                return None
            if (rng or reported) is None and not governed and injured is None and not fallback \
                    and not concurrent:
                if max(t[1][2] for t in triggers) >= FALLBACK_SPECIFICITY:
                    unanchored.append(index)
                return None
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        victims = None
        if deaths:
            victims_set = {c.victims for c in deaths if c.victims}
            victims = victims_set.pop() if len(victims_set) == 1 else ("mixed" if victims_set else None)
        actor1, actor2 = read_actors(sent, victims)
        etype, sub = _classify(triggers, victims, actor1)
        m = EventMention(
            article_id=article_id, sentence_index=index, char_start=start, char_end=start + len(text),
            evidence=text, event_type=etype, sub_event_type=sub, actor1=actor1, actor2=actor2,
            victims=victims, injured=injured, reported_by=read_reporter(sent), published_date=published,
        )
        if deaths:
            combined = combine_counts(deaths)
            m.fatalities_low, m.fatalities_best, m.fatalities_high = combined.low, combined.best, combined.high
            m.count_char_start, m.count_char_end = combined.start, combined.end
            told_as = _deaths_told_as(sent, deaths)
            if told_as is not None:
                told[id(m)] = told_as
        elif injured is None:
            m.injured = _singular_injured(sent)  # read after the anchoring: a count, not an anchor
            hurt_one_by_one = m.injured is not None
        if hurt_one_by_one and not deaths:
            hurt_unnumbered.append(m)
        if hit_told:
            hit_mentions.append(m)
        m.is_aggregate = m_aggregate
        if _tells_justice(sent):
            justice.add(id(m))
        previous = _recent(mentions, index)
        same_paragraph = previous is not None and paragraphs[previous.sentence_index] == paragraphs[index]
        continues = deaths and rng is None and (not triggers or _anaphoric(sent) or _generic(triggers))
        if previous is not None and continues and previous.is_aggregate == m.is_aggregate:
            # continues the event told just before ("... were killed in the offensive")
            m.antecedent = mentions.index(previous)
            _apply_place(m, place) if place is not None and (governed or not retold) else _copy_place(m, previous)
            _copy_date(m, previous)
            if not triggers or _generic(triggers):
                m.event_type, m.sub_event_type = previous.event_type, previous.sub_event_type
            m.actor1 = m.actor1 or previous.actor1
            m.actor2 = m.actor2 or previous.actor2
            m.reported_by = m.reported_by or previous.reported_by
        else:
            if m.is_aggregate and (place is None or _COUNTRYWIDE.search(text)):
                # a period total is as wide as its own sentence says, never the paragraph's town
                country = place or dominant
                if country is not None:
                    _apply_place(m, country, precision=3)
                    m.admin1 = m.admin1_name = None
                    m.location = country.place.name if country.place.kind == "country" else None
            elif place is not None and _within(dominant, place):
                # told of the whole country ("air raids in Syria killed 25"): where in it, the
                # article's own province says, when one province dominates it
                _apply_place(m, dominant, precision=3)
            elif place is not None:
                _apply_place(m, _paragraph_province(place, sent_places, paragraphs, index) or place)
            elif (topic := _paragraph_topic(sent_places, paragraphs, index)) is not None:
                _apply_place(m, topic)
            elif dominant is not None:
                _apply_place(m, dominant, precision=3)
            if rng is None and (same_paragraph or concurrent) and reported is None:
                _copy_date(m, previous)
            elif rng is None and lead_date is not None and not m.is_aggregate and (
                    reported is None or (lead_date.end < reported.start
                                         and (_STAMPED.search(text) or not _tells_justice(sent)))):
                # "a man shot his uncle, police said Friday" in a story whose lead tells "the
                # shooting was reported at 11:42 a.m. Monday", or a headline run into the page's
                # stamp ("... Posted: Monday, February 9, 2015"): the day of saying, or of the
                # page, came after the day the story's lead tells.  Not the day of an arrest or
                # a charge ("arrested Tuesday in the fatal shooting"): a day the story gives a
                # few days before the news may be the next development's (`_date_from_follow_up`)
                _apply_date(m, lead_date, published)
                m.time_precision = max(lead_date.precision, 2)
                m.date_expression = f"lead: {lead_date.expression}"
            else:
                _apply_date(m, rng or reported, published, reported_only=rng is None and reported is not None)
        m.actor1, m.actor2 = _localise(m.actor1, m.country), _localise(m.actor2, m.country)
        if _is_background(m, published):
            background.append(m)  # not an event of this report, but it may date one
            return None
        m.mention_index = sum(1 for x in mentions if x.sentence_index == index)

        return m

    for index, sent in enumerate(sentences):
        m = read(index, sent)
        if m is not None:
            mentions.append(m)
    if not mentions and unanchored:
        # an article about a shooting that never dates or places it in the same sentence
        # ("Police said the boy was shot.") still reports it: the lead date and the
        # article's place stand in, as for any sentence that gives none
        m = read(unanchored[0], sentences[unanchored[0]], fallback=True)
        if m is not None:
            mentions.append(m)
    if month_told and not any(m.fatalities_best and not m.is_aggregate for m in mentions):
        # a follow-up story whose one event is dated only by its month ("charged in the shooting
        # death of his girlfriend back in April", "found shot to death along with three others
        # in December"): a month's toll in a report of other news, but here the only deaths
        # told, so the report's event
        index = month_told[0]
        at = next((i for i, x in enumerate(mentions) if x.sentence_index == index), None)
        if at is not None:
            later, history = mentions[at:], len(background)
            del mentions[at:]  # read it again as it was read first: after the mentions before it
            m = read(index, sentences[index], month_event=True)
            mentions.extend([m or later[0], *later[1:]])
            del background[history:]  # one told months ago stays the period total it was read as
    if not any(m.fatalities_best for m in mentions) or all(m.is_aggregate for m in mentions):
        # a follow-up story (an arrest, a trial) whose only deaths are the event it follows up,
        # told as history: that event is what the story reports (a period total beside it,
        # "used by a boy to kill a classmate this year", is no event of its own)
        history = next((b for b in background if b.fatalities_best), None)
        if history is not None:
            history.mention_index = sum(1 for x in mentions if x.sentence_index == history.sentence_index)
            mentions.append(history)
            mentions.sort(key=lambda x: (x.sentence_index, x.mention_index))
    if any(m.fatalities_best for m in mentions):
        for m in hurt_unnumbered:
            m.injured = None  # the one shot may be the one who died
    _killer_told_apart(mentions, told)
    _dead_among_the_hit(mentions, hit_mentions)
    _date_from_retelling(mentions)
    _date_from_article(mentions, background)
    _date_from_follow_up(mentions, justice)
    _date_from_wounding(mentions)
    if published is not None and any(_tells_justice(sent) for sent in sentences):
        _date_from_named_day(mentions, _named_event_days(sentences, published, dateline))
    return _without_debris(mentions, sentences, text)


def _without_debris(mentions: list[EventMention], sentences: list[Sentence], text: str) -> list[EventMention]:
    """The mentions less those read from the page around the story (captions, a gallery, a
    video player, teasers: `sitrep.text.debris`) before the story's lead, its first event with
    a death count (else its first).  Told first, a caption or a teaser would stand for the
    article's event, yet a caption's day is the day it was written and a teaser's event is
    another story's.  They were read with the rest, so that they may still date the story's
    sentences; told after the lead they stay (a caption's count of the same dead), and a page
    whose story is told only in its captions keeps them all."""
    spans = debris_spans(text)
    if not spans or not mentions:
        return mentions
    debris = {i for i, s in enumerate(sentences) if any(a <= s.start_char < b for a, b in spans)}
    story = [m for m in mentions if m.sentence_index not in debris and not m.is_aggregate]
    lead = next((m for m in story if m.fatalities_best), story[0] if story else None)
    if lead is None:
        return mentions  # a page whose story is told only in its captions still tells it there
    kept = [m for m in mentions if m.sentence_index not in debris or m.sentence_index > lead.sentence_index]
    at = {id(m): i for i, m in enumerate(kept)}
    for m in kept:
        if m.antecedent is not None:
            m.antecedent = at.get(id(mentions[m.antecedent]))
    return kept


def extract_headline_events(title: Doc, published: date | None, places: list[PlaceMention],
                            article_id: str = "", headline: str | None = None) -> list[EventMention]:
    """The events a headline tells, for an article whose text tells none.

    A page whose body is only navigation, a login wall or a caption list still carries its
    story in the headline ("2 dead in house party shooting in Fresno"), and an analyst would
    code it from there.  The headline is read by the same rules as a sentence of the text;
    its mentions say they come from it (`sentence_index` -1, the headline as evidence, no
    character offsets, which index the text only).  `headline` is the headline as written,
    when `title` is a parse of it in other case (`sitrep.nlp.headlines`).
    """
    mentions = extract_events(title, published, places, article_id)
    for m in mentions:
        m.sentence_index = HEADLINE_SENTENCE
        m.char_start = m.char_end = m.count_char_start = m.count_char_end = None
        m.evidence = (headline or title.text).strip()
    return mentions


def _deaths_told_as(sent: Span, deaths: list[Count]) -> str | None:
    """'victims': the sentence's dead were killed by someone it names, and it does not count
    him ('shot and killed his wife and son'); 'killer': its one death is the killer's own
    ('the gunman then killed himself', 'the suspect was shot and killed by police'; not 'the
    boy accidentally shot himself'); 'toll': dead told with no word of a killer at all
    ('leaving three women dead', 'a triple murder'), and not as found; else None
    (a toll that may hold the killer: 'three dead in a murder-suicide', 'including the gunman')."""
    if any(c.own for c in deaths) or PERPETRATOR_RE.search(sent.text):
        if len(deaths) == 1 and _killer_only(sent, deaths[0]) and not _ACCIDENT_RE.search(sent.text):
            return "killer"
        return None
    if any(_killer_verb(sent, c) is not None for c in deaths):
        return "victims"
    if any(t.lemma_.lower() == "find" or t.lemma_.lower() == "body" for t in sent):
        return None  # the dead found may hold the killer: "three people were found dead"
    return "toll"


PERPETRATOR_RE = re.compile(r"\b(gunm[ae]n|shooter|suspect|assailant|attacker|killer|himself|herself|suicide|own life)\b",
                            re.IGNORECASE)
_ACCIDENT_RE = re.compile(r"\baccident(al)?(ly)?\b", re.IGNORECASE)
"""'The boy accidentally shot himself': the one who died is the victim, not a killer."""
PERPETRATOR_NOUNS = {"gunman", "shooter", "suspect", "assailant", "attacker", "killer"}


def _killer_only(sent: Span, count: Count) -> bool:
    """Whether a sentence's one death is the killer's: by his own hand, or his as the one
    named the gunman, the shooter, the suspect."""
    if count.best != 1:
        return False
    span = sent.doc.char_span(count.start, count.end, alignment_mode="expand")
    if span is None:
        return False
    words = {t.lower_ for t in span} | {t.lemma_.lower() for t in span}
    if words & (REFLEXIVES | PERPETRATOR_NOUNS | {"suicide"}):
        return True
    return "life" in words and any(t.lower_ == "own" for t in span.root.children)


SEVERAL_DEAD = 2


def _killer_told_apart(mentions: list[EventMention], told: dict[int, str]) -> None:
    """'A man shot and killed his wife and son Friday.  He then turned the gun on himself.': the
    killer's death told in a sentence of its own is one more dead of the article's lead event,
    which counted his victims only.  The lead's count takes it (an event's dead include the
    killer, as the records that count shootings do); the killer's sentence continues the lead
    and keeps no count of its own, so the death is counted once."""
    lead = next((i for i, m in enumerate(mentions) if not m.is_aggregate and m.fatalities_best), None)
    if lead is None:
        return
    lead_told = told.get(id(mentions[lead]))
    if not (lead_told == "victims" or (lead_told == "toll" and mentions[lead].fatalities_best >= SEVERAL_DEAD)):
        # one death told with no killer ("the fatal shooting of a boy") may be the death the
        # killer's sentence tells ("the boy fatally shot himself"); several are his victims
        return
    first = mentions[lead]
    for m in mentions[lead + 1:]:
        if m.is_aggregate or told.get(id(m)) != "killer":
            continue
        if _own_date(m) and _own_date(first) and (m.date_start > first.date_end or m.date_end < first.date_start):
            continue  # another day's death
        first.fatalities_low = (first.fatalities_low or 0) + 1
        first.fatalities_best += 1
        first.fatalities_high = first.fatalities_high + 1 if first.fatalities_high else None
        m.fatalities_low = m.fatalities_best = m.fatalities_high = None
        m.count_char_start = m.count_char_end = None
        m.antecedent = lead
        return


def _dead_among_the_hit(mentions: list[EventMention], hit: list[EventMention]) -> None:
    """'Five men were shot ... One of them died at the hospital': the people hit, told in a
    sentence of their own, are the dead and the hurt of the article's event; its hurt are the
    hit less its dead (the most any of its mentions counts, as the count of one event)."""
    dead = max((m.fatalities_best or 0 for m in mentions if not m.is_aggregate), default=0)
    if not dead:
        return
    for m in hit:
        if not m.is_aggregate and m.injured and m.injured > dead:
            m.injured -= dead


def _own_date(m: EventMention) -> bool:
    return m.date_expression is not None and not m.date_expression.startswith(("lead:", "reported"))


RETOLD_MIN = 2
"""A single death is too common a toll to tell one event from another by it."""


def _date_from_retelling(mentions: list[EventMention]) -> None:
    """A toll told first without a date ("the man who shot four people to death") and told
    again later with one ("the four people killed ... on July 15") is one event: the
    retelling's date is the event's."""
    for i, m in enumerate(mentions):
        if _own_date(m) or m.antecedent is not None or m.is_aggregate or (m.fatalities_best or 0) < RETOLD_MIN:
            continue
        later = next((n for n in mentions[i + 1:] if n.fatalities_best == m.fatalities_best
                      and not n.is_aggregate and _own_date(n) and n.antecedent is None), None)
        if later is not None:
            _copy_date(m, later)


ARTICLE_DATE_MAX_SPAN = 0
"""Only a day (not a range) may stand for a whole article's undated sentences."""


def _date_from_article(mentions: list[EventMention], background: list[EventMention] = ()) -> None:
    """A sentence that dates nothing, in an article that opens with no recent date, is told of
    the event the article dates elsewhere ("Smith was shot to death. ... The shooting happened
    about 3:10 p.m. Saturday"): the first event of its kind the article dates itself (or the
    first told as history, whatever its kind) is its date, rather than the day of publication.

    A follow-up story's event told long ago ("Ann Lee was killed June 2, 2014") is history, not
    an event of this report, but it still dates the report's undated retellings ("convicted of
    the murder of a shop owner"), and those dated only by the story's lead or by a report or an
    arrest ("police said Thursday"), which in a follow-up story are the days of the news, not
    of the event."""
    candidates = sorted([*mentions, *background], key=lambda n: (n.sentence_index, n.mention_index))
    dated = [n for n in candidates if _own_date(n) and not n.is_aggregate and n.antecedent is None
             and (n.date_end - n.date_start).days <= ARTICLE_DATE_MAX_SPAN]
    for m in mentions:
        lead = m.date_expression is not None and m.date_expression.startswith(("lead:", "reported"))
        if (m.date_expression is not None and not lead) or m.is_aggregate:
            continue
        source = next((n for n in dated if n.event_type == m.event_type or n in background), None)
        if source is not None and lead and source not in background:
            continue  # a recent lead date stands; only history told as such replaces it (a follow-up story)
        if source is not None:
            _copy_date(m, source)
            m.date_expression = f"article: {source.date_expression}"


JUSTICE_NOUNS = {"arrest", "charge", "indictment", "trial", "arraignment", "sentence", "conviction", "hearing", "plea"}


def _tells_justice(sent: Span) -> bool:
    """Whether a sentence tells a step of justice ("charged in the shooting death of", "will be
    tried as adults", "an indictment was unsealed"): the news of a follow-up story."""
    return any((t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in JUSTICE_LEMMAS)
               or (t.pos_ == "NOUN" and t.lemma_.lower() in JUSTICE_NOUNS) for t in sent)


FOLLOW_UP_MIN_DAYS = 7
"""A follow-up story comes a week or more after its shooting; a day closer to the news may be
the next development's (a wounded man's death, a second shooting), not the shooting's."""
_LATER_DEATH = re.compile(r"\b(died|dies|succumbed)\b", re.IGNORECASE)
"""A day someone died on may be days after he was shot: not the shooting's own day."""


def _date_from_follow_up(mentions: list[EventMention], justice: set[int]) -> None:
    """A follow-up story's deaths told with the step of justice ("arrested in the fatal
    shooting of a girl", "charged Tuesday in the killing of ...") are dated by that news, by
    the story's lead or by nothing; the day the story itself gives the shooting further on
    in a sentence of its own ("she was shot about 7 p.m. Feb. 9", "the March 27 shooting"), not
    one lent by another, is theirs, when it is before
    the days of the news: the step of justice follows the event it is about.  Of several such
    days the earliest is the shooting's; the day a wounded man "died" may be weeks after it,
    and a day told with another toll is another event's ("five officers were killed on July 7")."""
    dated = [n for n in mentions if _own_date(n) and not n.is_aggregate and n.antecedent is None
             and n.date_start == n.date_end and not n.date_expression.startswith("article:")
             and not _LATER_DEATH.search(n.evidence)]
    for m in mentions:
        if id(m) not in justice or m.is_aggregate or not m.fatalities_best or _own_date(m) or m.date_start is None:
            continue
        source = min((n for n in dated if n.date_end < m.date_start - timedelta(days=FOLLOW_UP_MIN_DAYS)
                      and n.fatalities_best in (None, m.fatalities_best)), key=lambda n: n.date_start, default=None)
        if source is not None:
            _copy_date(m, source)
            m.date_expression = f"follow-up: {source.date_expression.removeprefix('article: ')}"


DIED_ON = re.compile(r"\b(?:died|dies|succumbed|pronounced dead)\b[^.;]{0,30}$", re.IGNORECASE)
"""The words before a date that make it the day of a death ("died Thursday night at ...")."""
WOUND_TO_DEATH_MAX_DAYS = 30
"""A wounded victim's death told with its own day follows his shooting by at most this many days."""


def _date_from_wounding(mentions: list[EventMention]) -> None:
    """A death told with its own day ("He died Thursday night at UK Hospital") after the article
    has dated the shooting ("one of five people shot Sunday night") is that shooting's toll:
    the earlier day, when the article gave it before, at most `WOUND_TO_DEATH_MAX_DAYS`
    before the death (the first such, a single day if any)."""
    for i, m in enumerate(mentions):
        if m.is_aggregate or not m.fatalities_best or not _own_date(m) or m.date_start is None:
            continue
        at = m.evidence.find(m.date_expression)
        if at < 0 or not DIED_ON.search(m.evidence[:at]):
            continue
        earlier = [n for n in mentions[:i] if n.sentence_index < m.sentence_index and _own_date(n)
                   and not n.is_aggregate and n.date_end is not None and n.date_end < m.date_start
                   and (m.date_start - n.date_end).days <= WOUND_TO_DEATH_MAX_DAYS]
        source = next((n for n in earlier if n.date_start == n.date_end), earlier[0] if earlier else None)
        if source is not None:
            _copy_date(m, source)


NAMED_EVENT_NOUNS = EVENT_NOUN_LEMMAS | lx.ANAPHORIC_EVENT_NOUNS
"""Nouns a date names an event by ("the Sept. 15 shooting death", "the Jan. 22 incident")."""


def _named_event_days(sentences: list[Span], published: date,
                      dateline: Dateline | None) -> list[tuple[DateRange, int | None]]:
    """The days an article names an event by, in any sentence, whether or not it was read as an
    event of its own: a date on an event noun ("wanted in the Sept. 15, 2015 shooting death of
    the toddler", "during the Jan. 22 incident", "surrendered in the Nov. 28 killing of ...").
    Only one day, not a range, and only a calendar date that names its month: a weekday or
    "last week" is the news's, not a name.  Each with the deaths its sentence tells, if any."""
    days = []
    for sent in sentences:
        for s, e, expr in _date_expressions(sent.text):
            if not _MONTH_WORD.search(expr):
                continue
            rng = resolve_expression(expr, published)
            if rng is None or rng.start != rng.end:
                continue
            if dateline is not None and sent.start_char + s < dateline.end and dateline.start < sent.start_char + e:
                continue
            span = sent.doc.char_span(sent.start_char + s, sent.start_char + e, alignment_mode="expand")
            if span is None:
                continue
            if _names_event(span):
                deaths = _read_counts(sent)[0]
                days.append((rng, max(c.best for c in deaths) if deaths else None))
    return days


def _names_event(span: Span) -> bool:
    """Whether a date is told on an event noun: its head ("the Jan. 22 incident"), or the noun
    right after it, where the parser hangs the date elsewhere ("wanted in the Sept. 15, 2015
    shooting death": "Sept." on "in")."""
    head = span.root.head
    if head.pos_ == "ADP":
        head = head.head
    if head.i != span.root.i and head.pos_ == "NOUN" and head.lemma_.lower() in NAMED_EVENT_NOUNS:
        return True
    end = span.end + 1 if span.end < len(span.doc) and span.doc[span.end].text == "," else span.end
    for token in span.doc[end:end + 2]:  # "the June 11, 2015, shooting": "shooting" often parsed a verb
        if token.lower_ in NAMED_EVENT_NOUNS or (token.pos_ == "NOUN" and token.lemma_.lower() in NAMED_EVENT_NOUNS):
            return True
        if token.pos_ not in {"ADJ", "NOUN", "PROPN"}:
            return False
    return False


_MONTH_WORD = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.IGNORECASE)


def _date_from_named_day(mentions: list[EventMention], days: list[tuple[DateRange, int | None]]) -> None:
    """A follow-up story (it tells a step of justice) whose events are dated only by its news (the
    story's lead, a report, nothing) names the event it follows up by its day elsewhere ("the
    Nov. 28 killing of Ian Wilsey"): that day is theirs when it is a week or more before the
    days of the news (`FOLLOW_UP_MIN_DAYS`, as `_date_from_follow_up`) and named more often than
    any other such day: a story naming two as often (the July 5 and the July 7 shootings) tells
    of others beside its own, as does a day told with another death toll ("killed five officers
    on July 7")."""
    for m in mentions:
        if m.is_aggregate or _own_date(m) or m.event_date is None:
            continue
        older = [d for d, dead in days if d.end < m.event_date - timedelta(days=FOLLOW_UP_MIN_DAYS)
                 and (dead is None or m.fatalities_best is None or dead == m.fatalities_best)]
        ranked = Counter(d.start for d in older).most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            source = next(d for d in older if d.start == ranked[0][0])
            m.date_start, m.date_end, m.event_date = source.start, source.end, source.start
            m.time_precision, m.date_expression = 1, f"named: {source.expression}"


def _recent(mentions: list[EventMention], index: int) -> EventMention | None:
    if not mentions:
        return None
    last = mentions[-1]
    if index - last.sentence_index <= ANTECEDENT_WINDOW:
        return last
    return None


def _is_background(m: EventMention, published: date | None) -> bool:
    """History told as background ("ousted in August 2014" in a 2016 article) is no new event."""
    if published is None or m.date_end is None or m.is_aggregate:
        return False
    return m.date_end < published - timedelta(days=BACKGROUND_DAYS)
