"""Boilerplate is blanked without moving any character."""

from sitrep.text.boilerplate import clean

ARTICLE = (
    "Strikes kill 12 in Idlib\n"
    "A boy walks past rubble in Idlib on March 3, 2023. (Photo: A. Hamid/AFP)\n"
    "Air strikes killed 12 civilians in Idlib province on Thursday, a monitor said.\n"
    "READ MORE: Why the war in Syria's north-west is not over\n"
    "Sign up to get our newsletter with the latest insights and analysis\n"
    "© 2023 Levant Wire, All Rights Reserved.\n"
    "Syria War Conflict Middle East\n"
)


def test_blanked_lines_keep_offsets():
    cleaned = clean(ARTICLE)
    assert len(cleaned.text) == len(ARTICLE)
    assert cleaned.text.count("\n") == ARTICLE.count("\n")
    kept = cleaned.text.split("\n")
    assert kept[0] == "Strikes kill 12 in Idlib"
    assert kept[2].startswith("Air strikes killed 12")
    for i in (1, 3, 4, 5, 6):
        assert kept[i].strip() == "", f"line {i} should be blanked: {ARTICLE.splitlines()[i]!r}"
    start = ARTICLE.index("Air strikes")
    assert cleaned.text[start:start + 20] == ARTICLE[start:start + 20]


def test_ordinary_sentences_are_kept():
    text = "Photos showed the damage. Reuters reported that 5 people died in Homs on Monday.\n"
    assert clean(text).text == text


def test_an_article_on_one_line_keeps_its_text_and_loses_only_its_tail():
    body = "Air strikes killed 12 civilians in Idlib on Thursday, a monitor said. " * 6
    text = body + "Copyright 2023 Levant Wire. All rights reserved."
    cleaned = clean(text)
    assert len(cleaned.text) == len(text)
    assert cleaned.text[: len(body)] == body
    assert cleaned.text[len(body):].strip() == ""
