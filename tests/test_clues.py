"""Ages, streets, headline words and wording: the particulars that tell two same-day reports are one incident."""

from sitrep.merge.clues import (WORDING_LIKENESS, Wording, ages_in, headline_words, headlines_alike, mastheads,
                                 streets_in)


def test_ages_in_reads_every_form_and_no_other_number():
    sentences = ["A 16-year-old boy and a three-year-old girl were shot.", "Jane Roe, 41, was charged.",
                 "Two men, aged 19 and 22, fired 30 rounds at 11 p.m."]
    assert ages_in(sentences) == {16, 3, 41, 19, 22}
    assert ages_in(["Three people were killed."]) == frozenset()


def test_headlines_alike_on_content_words_not_function_words():
    a = headline_words("Teen shot dead outside Pasadena taco stand")
    b = headline_words("UPDATE: Teen shot dead outside taco stand, police say")
    assert headlines_alike(a, b)
    # only function words in common
    assert not headlines_alike(headline_words("Man is shot in the park"), headline_words("The fire in a school is out"))
    assert not headlines_alike(headline_words(None), b)


def test_streets_in_reads_a_street_however_its_suffix_is_spelt():
    found = streets_in(["Martin Ibarra, 35, was shot on the 1400 block of Ramsay St. in New Southwest.",
                        "Gunfire rang out on Warren Avenue near 35th Street and Old Post Rd"])
    assert found == {"ramsay street", "warren avenue", "35th street", "old post road"}
    assert streets_in(["A man was shot on Ramsay Street."]) == {"ramsay street"}
    # a court of law, or a street told of in general, is no address
    assert streets_in(["He appeared in Hampden Superior Court.", "Violence on the Street worries them."]) == set()
    assert streets_in(["Two men were shot in the street."]) == set()


_EVERYDAY = [
    ["Police said a man was shot and killed on Monday night.", "Man killed in shooting"],
    ["A woman was shot and wounded, police said.", "Woman wounded in shooting"],
    ["Police said two men were shot on Monday.", "Two men shot, police say"],
    ["A teenager was killed in a shooting, police said.", "Teen killed in shooting"],
]


def test_wording_weighs_the_words_few_reports_use():
    texts = {str(i): t for i, t in enumerate(_EVERYDAY)}
    texts["a"] = ["A predawn shootout outside a hookah lounge on Fulton Avenue killed a man, police said.",
                  "One dead in shootout at hookah lounge"]
    texts["b"] = ["Detectives said the gunfight in the hookah lounge parking lot on Fulton Avenue left a man dead.",
                  "Arrest in Fulton Avenue hookah lounge killing"]
    wording = Wording(texts)
    assert wording.likeness("a", "b") >= WORDING_LIKENESS
    # the words every shooting report uses make no two reports alike
    assert wording.likeness("0", "3") < WORDING_LIKENESS
    assert wording.likeness("a", "0") < WORDING_LIKENESS
    assert wording.likeness("a", "unknown") == 0.0
    assert abs(wording.likeness("a", "a") - 1.0) < 1e-9


def test_a_masthead_ending_several_headlines_is_not_the_storys_words():
    titles = ["3 shot at Eastgate apartments - KXYZ Action News 7 - Dayton, Ohio",
              "Teens shot at Lincoln Park pool - KXYZ Action News 7 - Dayton, Ohio",
              "School board meets | KXYZ Action News 7 - Dayton, Ohio",
              "Drive-by - a man dies on Elm", "Crash on I-70 - a man dies on Elm"]
    masthead = mastheads(titles)
    assert "kxyz action news 7" in masthead and "dayton, ohio" in masthead
    first, second = (headline_words(t, masthead) for t in titles[:2])
    assert first == {"3", "shot", "eastgate", "apartments"} and not headlines_alike(first, second)
    # read with the masthead, the two shootings' headlines look alike
    assert headlines_alike(headline_words(titles[0]), headline_words(titles[1]))
    # a trailing part in two headlines only is no masthead: it may be the story's
    assert "a man dies on elm" not in masthead
    assert "elm" in headline_words(titles[3], masthead)


def test_an_age_in_a_headline_is_one_word():
    fourteen = headline_words("14-year-old shot outside Northgate club")
    assert "14yearold" in fourteen and "year" not in fourteen
    assert not headlines_alike(fourteen, headline_words("13-year-old shot in north Riverton"))
    assert headline_words("Boy, 5 years old, shot") >= {"5yearold", "boy", "shot"}
