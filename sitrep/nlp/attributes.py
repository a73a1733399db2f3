"""The model's attribute ruler, with the same rules and the same output, at a fraction of its cost.

The English models set coarse parts of speech, morphology and some lemmas with an
`AttributeRuler`: 179 rules such as "tag NNS is a plural NOUN" or "`but` as an adverbial
modifier is an ADV".  spaCy runs them through a `Matcher`, which tests every rule against every
token, and that costs as much as the parser: 16% of `en_core_web_sm`'s time on news text.  The
extractor needs what the rules set (POS for victims and verbs, lemmas through the lemmatizer,
which reads POS and morphology), so the rules must run; they need not run that way.

`IndexedAttributeRuler` reads the model's own rules and indexes them by the fine-grained tag,
lowercase form or dependency label they require, so a token is tested only against the few
rules that can match it.  Matches are applied in the ruler's order (a later rule wins) through
spaCy's own attribute setter, so the output is the ruler's, token for token
(`tests/test_attributes.py` compares them).  A rule this index cannot express makes
`install` leave the model's ruler in place, so another model still parses correctly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs

RULER = "attribute_ruler"
INDEXED = "sitrep_indexed_attribute_ruler"

_ATTRS = ("TAG", "LOWER", "ORTH", "DEP", "POS", "IS_SPACE")
"""Token attributes a rule may test (read as `Doc.to_array` columns: string hashes, 0/1 flags)."""
_INDEX_ORDER = ("LOWER", "ORTH", "TAG", "DEP", "IS_SPACE")
"""Attributes a rule can be looked up by, most selective first."""


class UnsupportedRule(ValueError):
    """A rule uses a Matcher feature this index does not implement (operators, other attributes)."""


@dataclass(frozen=True)
class _Test:
    attr: str
    op: str  # "==", "in", "not in", "regex"
    value: Any  # a string's hash, a set of hashes, 0/1, or (regex, the StringStore, answers so far)

    def __call__(self, got: int) -> bool:
        if self.op == "==":
            return got == self.value
        if self.op == "in":
            return got in self.value
        if self.op == "not in":
            return got not in self.value
        regex, strings, seen = self.value
        found = seen.get(got)
        if found is None:
            found = seen[got] = regex.search(strings[got]) is not None
        return found


def _code(attr: str, value: Any) -> int:
    """A rule's value as `Doc.to_array` gives it: a flag as 0/1, a string as its hash."""
    if attr.startswith("IS_"):
        return int(bool(value))
    return get_string_id(value)


def _tests(token_pattern: dict, strings) -> list[_Test]:
    tests = []
    for attr, value in token_pattern.items():
        attr = attr.upper()
        if attr not in _ATTRS:
            raise UnsupportedRule(f"attribute {attr}")
        if not isinstance(value, dict):
            tests.append(_Test(attr, "==", _code(attr, value)))
            continue
        if len(value) != 1:
            raise UnsupportedRule(f"{attr}: {value}")
        (op, arg), = value.items()
        if op == "IN":
            tests.append(_Test(attr, "in", frozenset(_code(attr, v) for v in arg)))
        elif op == "NOT_IN":
            tests.append(_Test(attr, "not in", frozenset(_code(attr, v) for v in arg)))
        elif op == "REGEX" and not attr.startswith("IS_"):
            tests.append(_Test(attr, "regex", (re.compile(arg), strings, {})))
        else:
            raise UnsupportedRule(f"{attr}: {op}")
    return tests


@dataclass(frozen=True)
class _Pattern:
    rule: int
    tokens: tuple[tuple[_Test, ...], ...]

    def matches_at(self, columns: dict[str, list], start: int, length: int) -> bool:
        if start + len(self.tokens) > length:
            return False
        for i, tests in enumerate(self.tokens, start):
            for test in tests:
                if not test(columns[test.attr][i]):
                    return False
        return True


class IndexedAttributeRuler:
    """An attribute ruler's rules, indexed; call it on a Doc like the ruler itself."""

    def __init__(self, vocab, rules: list[dict]):
        self.attrs: list[dict] = []
        self.indices: list[int] = []
        self._index: dict[tuple[str, Any], list[_Pattern]] = {}
        self._always: list[_Pattern] = []
        self._used: set[str] = set()
        for rule, spec in enumerate(rules):
            self.attrs.append(normalize_token_attrs(vocab, spec["attrs"]))
            self.indices.append(spec.get("index", 0))
            for token_patterns in spec["patterns"]:
                for token_pattern in token_patterns:
                    if set(token_pattern) & {"OP", "op"}:
                        raise UnsupportedRule("operators")
                pattern = _Pattern(rule, tuple(tuple(_tests(t, vocab.strings)) for t in token_patterns))
                self._used.update(test.attr for tests in pattern.tokens for test in tests)
                self._add(pattern)

    def _add(self, pattern: _Pattern) -> None:
        first = {test.attr: test for test in pattern.tokens[0]}
        for attr in _INDEX_ORDER:
            test = first.get(attr)
            if test is not None and test.op in ("==", "in"):
                for value in ([test.value] if test.op == "==" else sorted(test.value)):
                    self._index.setdefault((attr, value), []).append(pattern)
                return
        self._always.append(pattern)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # every attribute the rules read, read once per token (a Doc lookup costs more than a test)
        used = [attr for attr in _ATTRS if attr in self._used]
        columns = dict(zip(used, doc.to_array(used).T.tolist()))
        keyed = [(attr, columns[attr]) for attr in _INDEX_ORDER if attr in self._used]
        index, always, length = self._index, self._always, len(doc)
        matches = []
        for i in range(length):
            candidates = [p for attr, column in keyed for p in index.get((attr, column[i]), ())]
            for pattern in (always + candidates) if always else candidates:
                if pattern.matches_at(columns, i, length):
                    matches.append((pattern.rule, i, i + len(pattern.tokens)))
        for rule, start, end in sorted(set(matches)):
            at = self.indices[rule]
            set_token_attrs(doc[(start if at >= 0 else end) + at], self.attrs[rule])
        return doc


@Language.factory(INDEXED, default_config={"rules": []})
def make_indexed_attribute_ruler(nlp: Language, name: str, rules: list[dict]) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, rules)


def install(nlp: Language) -> bool:
    """Put an `IndexedAttributeRuler` with the model's rules in place of its attribute ruler.

    Returns False, leaving the pipeline as it was, when the model has no attribute ruler or one
    of its rules is beyond the index.
    """
    if RULER not in nlp.pipe_names:
        return False
    rules = [dict(p) for p in nlp.get_pipe(RULER).patterns]
    try:
        IndexedAttributeRuler(nlp.vocab, rules)  # before the swap: replace_pipe removes first
    except UnsupportedRule:
        return False
    nlp.replace_pipe(RULER, INDEXED, config={"rules": rules})
    return True
