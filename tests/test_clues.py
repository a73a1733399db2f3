"""Ages, streets, headline words and wording: the particulars that tell two same-day reports are one incident."""

from sitrep.merge.clues import WORDING_LIKENESS, Wording, ages_in, headline_words, headlines_alike, streets_in


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
