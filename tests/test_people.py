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
