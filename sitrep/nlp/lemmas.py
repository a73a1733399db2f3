"""The model's lemmatizer, asked once per distinct word form instead of once per token.

spaCy's rule lemmatizer gives a token's lemma from its text, its coarse part of speech and its
morphology, and nothing else.  It keeps the lemmas it works out by rule, but not the commonest
answer of all, "this form is already the base form" (a singular noun, an infinitive, a
positive adjective), which it decides again for every token by reading the token's
morphology as a dictionary: on news text that was 6% of a parse, more than the attribute
ruler costs once indexed (`sitrep.nlp.attributes`).

`KeptLemmas` reads the three attributes of every token from the doc's arrays, asks the model's
own lemmatizer only about a combination it has not seen, and writes the lemmas back in one
array: the model's lemmas, token for token (`tests/test_lemmas.py` compares them), as the
lemmatizer's own name in the pipeline.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

LEMMATIZER = "lemmatizer"
KEPT = "sitrep_kept_lemmas"
KEPT_SIZE = 500_000
"""Word forms (text, part of speech, morphology) whose lemma is kept (then it starts afresh)."""


class KeptLemmas:
    """The model's lemmatizer (`lemmatizer`, set by `install`), asked once per word form."""

    def __init__(self):
        self.lemmatizer = None
        self._kept: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        todo = range(len(doc)) if self.lemmatizer.overwrite else np.flatnonzero(lemmas == 0)
        strings = doc.vocab.strings
        for i in todo:
            i = int(i)
            form = (int(columns[i, 0]), int(columns[i, 1]), int(columns[i, 2]))
            lemma = self._kept.get(form)
            if lemma is None:
                if len(self._kept) >= KEPT_SIZE:
                    self._kept.clear()
                lemma = self._kept[form] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory(KEPT, default_config={})
def _kept_lemmas(nlp: Language, name: str) -> KeptLemmas:
    return KeptLemmas()


def install(nlp: Language) -> bool:
    """Put `KeptLemmas` around the model's lemmatizer, under the lemmatizer's name.

    Returns False, leaving the pipeline as it was, when the model has no lemmatizer that
    works from a token's text, part of speech and morphology alone (spaCy's rule and lookup
    modes do)."""
    if LEMMATIZER not in nlp.pipe_names:
        return False
    own = nlp.get_pipe(LEMMATIZER)
    if getattr(own, "mode", None) not in {"rule", "lookup"} or not hasattr(own, "lemmatize"):
        return False
    nlp.replace_pipe(LEMMATIZER, KEPT)
    nlp.get_pipe(LEMMATIZER).lemmatizer = own
    return True
