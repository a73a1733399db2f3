"""The words an analyst reads an event from, as data.

Kept apart from the extraction logic so a reviewer can read (and extend) what sitrep
recognises without reading code: event triggers mapped to ACLED types, actor aliases,
victim nouns, reporting sources, and the nouns whose numbers are never deaths.
"""

from __future__ import annotations

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
STRATEGIC = "Strategic developments"
PROTESTS = "Protests"
RIOTS = "Riots"

# Trigger lemmas (single tokens) -> (event_type, sub_event_type, specificity).  A sentence
# takes the type of its most specific trigger: "an air strike during clashes" is a strike.
TRIGGER_LEMMAS: dict[str, tuple[str, str, int]] = {
    "airstrike": (EXPLOSIONS, "Air/drone strike", 9),
    "air-strike": (EXPLOSIONS, "Air/drone strike", 9),
    "warplane": (EXPLOSIONS, "Air/drone strike", 8),
    "jet": (EXPLOSIONS, "Air/drone strike", 5),
    "drone": (EXPLOSIONS, "Air/drone strike", 8),
    "bombardment": (EXPLOSIONS, "Air/drone strike", 6),
    "bombing": (EXPLOSIONS, "Air/drone strike", 5),
    "sortie": (EXPLOSIONS, "Air/drone strike", 4),
    "strike": (EXPLOSIONS, "Air/drone strike", 5),
    "raid": (EXPLOSIONS, "Air/drone strike", 4),
    "shelling": (EXPLOSIONS, "Shelling/artillery/missile attack", 8),
    "shell": (EXPLOSIONS, "Shelling/artillery/missile attack", 7),
    "artillery": (EXPLOSIONS, "Shelling/artillery/missile attack", 8),
    "mortar": (EXPLOSIONS, "Shelling/artillery/missile attack", 8),
    "rocket": (EXPLOSIONS, "Shelling/artillery/missile attack", 7),
    "missile": (EXPLOSIONS, "Shelling/artillery/missile attack", 7),
    "ied": (EXPLOSIONS, "Remote explosive/landmine/IED", 9),
    "landmine": (EXPLOSIONS, "Remote explosive/landmine/IED", 9),
    "mine": (EXPLOSIONS, "Remote explosive/landmine/IED", 6),
    "explosion": (EXPLOSIONS, "Remote explosive/landmine/IED", 6),
    "blast": (EXPLOSIONS, "Remote explosive/landmine/IED", 6),
    "explode": (EXPLOSIONS, "Remote explosive/landmine/IED", 6),
    "detonate": (EXPLOSIONS, "Remote explosive/landmine/IED", 7),
    "grenade": (EXPLOSIONS, "Grenade", 9),
    "suicide": (EXPLOSIONS, "Suicide bomb", 10),
    "bomber": (EXPLOSIONS, "Suicide bomb", 7),
    "chemical": (EXPLOSIONS, "Chemical weapon", 10),
    "sarin": (EXPLOSIONS, "Chemical weapon", 10),
    "chlorine": (EXPLOSIONS, "Chemical weapon", 10),
    "clash": (BATTLES, "Armed clash", 5),
    "fighting": (BATTLES, "Armed clash", 4),
    "fight": (BATTLES, "Armed clash", 3),
    "battle": (BATTLES, "Armed clash", 4),
    "offensive": (BATTLES, "Armed clash", 4),
    "assault": (BATTLES, "Armed clash", 4),
    "ambush": (BATTLES, "Armed clash", 5),
    "firefight": (BATTLES, "Armed clash", 6),
    "gunfight": (BATTLES, "Armed clash", 6),
    "counter-attack": (BATTLES, "Armed clash", 5),
    "counterattack": (BATTLES, "Armed clash", 5),
    "counteroffensive": (BATTLES, "Armed clash", 5),
    "advance": (BATTLES, "Armed clash", 2),
    "attack": (BATTLES, "Armed clash", 2),
    "retook": (BATTLES, "Armed clash", 3),
    "recaptured": (BATTLES, "Armed clash", 3),
    "overran": (BATTLES, "Armed clash", 3),
    "push": (BATTLES, "Armed clash", 2),
    "operation": (BATTLES, "Armed clash", 2),
    "encircle": (BATTLES, "Armed clash", 3),
    "besiege": (BATTLES, "Armed clash", 3),
    "enter": (BATTLES, "Armed clash", 2),
    "storm": (BATTLES, "Armed clash", 4),
    "capture": (BATTLES, "Armed clash", 3),
    "seize": (BATTLES, "Armed clash", 3),
    "retake": (BATTLES, "Armed clash", 3),
    "recapture": (BATTLES, "Armed clash", 3),
    "overrun": (BATTLES, "Armed clash", 3),
    "shooting": (VAC, "Attack", 5),
    "shoot": (VAC, "Attack", 4),
    "gunman": (VAC, "Attack", 5),
    "gunfire": (VAC, "Attack", 4),
    "gunshot": (VAC, "Attack", 5),
    "wound": (VAC, "Attack", 2),
    "graze": (VAC, "Attack", 4),
    "injure": (VAC, "Attack", 2),
    "stab": (VAC, "Attack", 5),
    "stabbing": (VAC, "Attack", 5),
    "massacre": (VAC, "Attack", 6),
    "execute": (VAC, "Attack", 5),
    "execution": (VAC, "Attack", 5),
    "behead": (VAC, "Attack", 6),
    "murder": (VAC, "Attack", 5),
    "killing": (VAC, "Attack", 4),
    "slaying": (VAC, "Attack", 5),
    "homicide": (VAC, "Attack", 5),
    "kidnap": (VAC, "Abduction/forced disappearance", 8),
    "abduct": (VAC, "Abduction/forced disappearance", 8),
    "abduction": (VAC, "Abduction/forced disappearance", 8),
    "rape": (VAC, "Sexual violence", 8),
    "protest": (PROTESTS, "Peaceful protest", 3),
    "protester": (PROTESTS, "Peaceful protest", 3),
    "demonstration": (PROTESTS, "Peaceful protest", 3),
    "demonstrator": (PROTESTS, "Peaceful protest", 3),
    "riot": (RIOTS, "Violent demonstration", 5),
    "airlift": (STRATEGIC, "Other", 1),
    "reinforcement": (STRATEGIC, "Other", 1),
}

# Multi-word triggers (lower-case token sequences) with the same meaning.
TRIGGER_PHRASES: dict[str, tuple[str, str, int]] = {
    "air strike": (EXPLOSIONS, "Air/drone strike", 9),
    "air strikes": (EXPLOSIONS, "Air/drone strike", 9),
    "air raid": (EXPLOSIONS, "Air/drone strike", 9),
    "air raids": (EXPLOSIONS, "Air/drone strike", 9),
    "barrel bomb": (EXPLOSIONS, "Air/drone strike", 9),
    "barrel bombs": (EXPLOSIONS, "Air/drone strike", 9),
    "coalition strike": (EXPLOSIONS, "Air/drone strike", 9),
    "coalition strikes": (EXPLOSIONS, "Air/drone strike", 9),
    "car bomb": (EXPLOSIONS, "Suicide bomb", 8),
    "roadside bomb": (EXPLOSIONS, "Remote explosive/landmine/IED", 9),
    "suicide bomb": (EXPLOSIONS, "Suicide bomb", 10),
    "suicide bombing": (EXPLOSIONS, "Suicide bomb", 10),
    "suicide attack": (EXPLOSIONS, "Suicide bomb", 10),
    "opened fire": (VAC, "Attack", 5),
    "shots fired": (VAC, "Attack", 5),
    "shots were fired": (VAC, "Attack", 5),
    "fired shots": (VAC, "Attack", 5),
    "fired a shot": (VAC, "Attack", 5),
    "open fire": (VAC, "Attack", 5),
    "shot dead": (VAC, "Attack", 6),
    "home invasion": (VAC, "Attack", 5),
    "home invasions": (VAC, "Attack", 5),
    "broke into": (BATTLES, "Armed clash", 4),
    "gained ground": (BATTLES, "Armed clash", 4),
    "took control": (BATTLES, "Armed clash", 4),
    "regained control": (BATTLES, "Armed clash", 4),
    "launched an attack": (BATTLES, "Armed clash", 3),
    "counter - attack": (BATTLES, "Armed clash", 5),
    "counter - offensive": (BATTLES, "Armed clash", 5),
}

# Lemmas that say people died, and that they were hurt (kept apart: never added together).
DEATH_LEMMAS = {
    "kill", "die", "dead", "death", "toll", "lose", "slay", "massacre", "execute", "behead",
    "murder", "fatality", "fatally", "body", "corpse", "perish", "claim", "life", "deceased",
    "martyr",
}
WOUNDING_LEMMAS = {"shoot", "stab", "wound", "injure", "hit", "strike", "beat", "gun", "graze"}
"""Verbs that hurt: deaths only with 'fatally', 'and killed', 'dead' (FATAL_ADVERBS)."""
FATAL_ADVERBS = {"fatally", "mortally", "lethally"}
INJURY_LEMMAS = {"wound", "injure", "injury", "hurt", "wounded", "injured", "casualty", "hospitalize"}

# Nouns naming people, by the class of victim they make.
VICTIM_NOUNS: dict[str, str] = {}
for _noun in (
    "civilian", "people", "person", "child", "kid", "woman", "man", "girl", "boy", "resident",
    "villager", "student", "worker", "family", "member", "teen", "teenager", "baby", "infant",
    "patient", "doctor", "journalist", "refugee", "victim", "bystander", "passenger", "pedestrian",
    "mother", "father", "son", "daughter", "brother", "sister", "wife", "husband", "adult", "male",
    "female", "individual", "customer", "shopper", "neighbor", "neighbour", "friend", "relative",
    "youth", "toddler", "guest", "employee", "driver",
    "girlfriend", "boyfriend", "fiancee", "fiance", "parent", "grandmother", "grandfather", "grandson",
    "granddaughter", "grandchild", "cousin", "nephew", "niece", "aunt", "uncle", "stepfather", "stepmother",
    "stepson", "stepdaughter", "roommate", "classmate", "coworker",
):
    VICTIM_NOUNS[_noun] = "civilians"
for _noun in (
    "militant", "fighter", "jihadist", "jihadi", "rebel", "insurgent", "terrorist", "extremist",
    "gunman", "assailant", "attacker", "suspect", "shooter", "combatant", "militiaman", "bomber",
):
    VICTIM_NOUNS[_noun] = "militants"
for _noun in (
    "soldier", "troop", "officer", "policeman", "policemen", "serviceman", "guard", "marine",
    "trooper", "personnel", "deputy", "cop", "pilot", "commander", "general", "recruit", "force",
):
    VICTIM_NOUNS[_noun] = "troops"

# Numbers attached to these nouns are never deaths (SPEC §3).
NOT_DEATH_NOUNS = {
    "flight", "mission", "sortie", "vehicle", "truck", "tank", "kilometer", "kilometre", "km",
    "mile", "meter", "metre", "hour", "day", "week", "month", "year", "minute", "dollar",
    "percent", "%", "square", "village", "town", "building", "house", "home", "target",
    "position", "round", "shot", "bullet", "shell", "rocket", "missile", "bomb", "strike",
    "raid", "airstrike", "attack", "count", "charge", "time", "area", "point", "zone", "block",
}
# Words that make the people in a count not dead even next to a death word.
NOT_DEATH_CONTEXT = {"trap", "displace", "flee", "remain", "evacuate", "rescue", "arrest", "detain", "live", "besiege", "injure", "wound"}

# Actor aliases (lower-case surface forms) -> normalised actor, after ACLED's naming.
ACTOR_ALIASES: dict[str, str] = {}
for _alias in ("islamic state", "is", "isis", "isil", "daesh", "da'esh", "islamic state group",
               "islamic state of iraq and the levant", "islamic state of iraq and syria", "jihadists"):
    ACTOR_ALIASES[_alias] = "Islamic State"
for _alias in ("syrian army", "syrian troops", "regime forces", "regime troops",
               "syrian government forces", "pro-regime forces", "pro-regime troops", "syrian regime",
               "assad's forces", "syrian military", "syrian soldiers", "syrian government",
               "damascus regime", "the regime"):
    ACTOR_ALIASES[_alias] = "Military Forces of Syria"
# Generic names take the country of the event (see extract._localise).
for _alias in ("government troops", "government forces", "pro-government forces", "security forces",
               "army troops", "the army", "the military", "soldiers", "troops"):
    ACTOR_ALIASES[_alias] = "Military Forces of {country}"
for _alias in ("russian warplanes", "russian jets", "russian air strikes", "russian airstrikes",
               "russian forces", "russian military", "russia's defence ministry", "russian air force",
               "russian fighter jets", "russian airstrike", "russian air strike", "russia"):
    ACTOR_ALIASES[_alias] = "Military Forces of Russia"
for _alias in ("us-led coalition", "u.s.-led coalition", "us coalition", "u.s. coalition",
               "international coalition", "coalition", "anti-isil coalition", "anti-is coalition",
               "coalition warplanes", "coalition strikes", "coalition strike"):
    ACTOR_ALIASES[_alias] = "US-led Coalition"
for _alias in ("sdf", "syrian democratic forces", "us-backed fighters", "u.s.-backed fighters",
               "us-backed forces", "kurdish-led forces", "us-backed kurdish-led forces"):
    ACTOR_ALIASES[_alias] = "Syrian Democratic Forces"
for _alias in ("ypg", "kurdish fighters", "people's protection units"):
    ACTOR_ALIASES[_alias] = "YPG: People's Protection Units"
for _alias in ("hezbollah", "lebanese hezbollah", "hizbollah"):
    ACTOR_ALIASES[_alias] = "Hezbollah"
for _alias in ("lebanese army", "lebanese troops", "lebanese military"):
    ACTOR_ALIASES[_alias] = "Military Forces of Lebanon"
for _alias in ("iraqi forces", "iraqi troops", "iraqi army", "iraqi security forces"):
    ACTOR_ALIASES[_alias] = "Military Forces of Iraq"
for _alias in ("turkish army", "turkish forces", "turkish troops", "turkish military", "turkish jets"):
    ACTOR_ALIASES[_alias] = "Military Forces of Turkey"
for _alias in ("free syrian army", "fsa", "syrian rebels", "syrian opposition fighters"):
    ACTOR_ALIASES[_alias] = "Syrian Rebels"
for _alias in ("rebels", "rebel groups", "opposition fighters", "insurgents"):
    ACTOR_ALIASES[_alias] = "Rebels ({country})"
for _alias in ("houthis", "houthi rebels", "houthi", "ansar allah"):
    ACTOR_ALIASES[_alias] = "Ansar Allah (Houthis)"
for _alias in ("nusra front", "al-nusra front", "jabhat al-nusra", "hts", "hayat tahrir al-sham",
               "tahrir al-sham", "jabhat fateh al-sham"):
    ACTOR_ALIASES[_alias] = "Hayat Tahrir al-Sham"
for _alias in ("police", "police officers", "officers", "deputies", "police officer"):
    ACTOR_ALIASES[_alias] = "Police Forces of {country}"
for _alias in ("gunman", "gunmen", "shooter", "suspect", "assailant", "assailants", "attacker"):
    ACTOR_ALIASES[_alias] = "Unidentified Armed Group"

# Who reports: surface forms -> normalised source.
REPORTERS: dict[str, str] = {}
for _alias in ("syrian observatory for human rights", "the observatory", "sohr", "observatory",
               "britain-based observatory", "uk-based sohr", "a monitoring group", "the monitor",
               "britain-based group", "a war monitor", "monitoring group", "observatory head",
               "observatory director", "rami abdel rahman"):
    REPORTERS[_alias] = "Syrian Observatory for Human Rights"
for _alias in ("russian defense ministry", "russian defence ministry", "russia's defence ministry",
               "russia's defense ministry", "rudskoi", "sergei rudskoi", "russian military"):
    REPORTERS[_alias] = "Ministry of Defence of Russia"
for _alias in ("amnesty international", "amnesty"):
    REPORTERS[_alias] = "Amnesty International"
for _alias in ("sana", "state news agency", "syrian state media", "state media"):
    REPORTERS[_alias] = "SANA"
for _alias in ("police", "police said", "sheriff's office", "police department"):
    REPORTERS[_alias] = "Police"
for _alias in ("the coalition", "coalition said", "cjtf-oir", "pentagon"):
    REPORTERS[_alias] = "US-led Coalition"
for _alias in ("the ap", "associated press", "ap"):
    REPORTERS[_alias] = "AP"
for _alias in ("afp",):
    REPORTERS[_alias] = "AFP"
for _alias in ("reuters",):
    REPORTERS[_alias] = "Reuters"

REPORTING_LEMMAS = {"say", "tell", "report", "announce", "claim", "confirm", "state", "accord", "add"}

# Phrases that make a count a period total (a campaign, a month), not one event.
AGGREGATE_CUES = (
    "this month alone", "this year alone", "so far this", "since the start", "since the beginning",
    "in total", "in all", "overall", "death toll since", "campaign", "over the past",
    "in a week of", "in the past week", "since 20", "since 19", "this month", "this year",
    "last month", "last year", "over the last", "in recent months", "in recent weeks",
)

# Anaphoric event nouns: "killed in the offensive" points back to an event already told.
ANAPHORIC_EVENT_NOUNS = {"offensive", "attack", "strike", "raid", "assault", "blast", "explosion",
                         "bombing", "shooting", "clash", "clashes", "fighting", "airstrike", "incident",
                         "ambush", "battle", "operation", "counter-attack"}
