"""Near-duplicate articles: the same wire story republished with light edits.

Five outlets running one AFP story are one report, not five.  Articles are compared by MinHash
over word 5-shingles of their normalised text (datasketch), and an LSH index finds the pairs
whose estimated Jaccard similarity passes a threshold without comparing every pair.  Linked
articles form a story (connected components); the merger treats the same sentence in two
articles of one story as one event even when their publication dates make "on Monday" land
on different days.
"""

from __future__ import annotations

import functools
import re

import numpy as np

from sitrep.ingest.identity import normalise_text

NUM_PERM = 64
SCHEME = "affine32"  # datasketch's hashing scheme, named so stored signatures stay comparable
SHINGLE = 5
THRESHOLD = 0.6
"""Estimated Jaccard similarity of shingle sets above which two articles are one story."""

_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=1)
def _permutations():
    """The seed's permutations, drawn once per process: a MinHash draws them anew each time it
    is made."""
    from datasketch import MinHash  # here, not at the top: it loads scipy, which loading the pipeline need not

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def signature(text: str) -> bytes:
    """The MinHash of an article's word shingles, as bytes for the warehouse."""
    from datasketch import MinHash

    words = _WORD.findall(normalise_text(text))
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 1))}
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_permutations())
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m.hashvalues.astype(np.uint32).tobytes()


def stories(signatures: dict[str, bytes], threshold: float = THRESHOLD) -> dict[str, str]:
    """Map each article to its story: the smallest article id among its near-duplicates."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes = {}
    permutations = _permutations()
    for article_id, blob in signatures.items():
        m = MinHash(num_perm=NUM_PERM, seed=1, hashvalues=np.frombuffer(blob, dtype=np.uint32),
                    permutations=permutations, scheme=SCHEME)
        hashes[article_id] = m
        lsh.insert(article_id, m)
    parent = {a: a for a in signatures}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for article_id, m in hashes.items():
        for other in lsh.query(m):
            if other != article_id and m.jaccard(hashes[other]) >= threshold:
                ra, rb = find(article_id), find(other)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    return {a: find(a) for a in signatures}


def same_sentence(a: str, b: str, threshold: float = 0.8) -> bool:
    """Whether two evidence sentences are one sentence lightly edited (word-set Jaccard)."""
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= threshold
