"""Near-duplicate articles are found as one story; different stories stay apart."""

from sitrep.merge.duplicates import same_sentence, signature, stories

WIRE = (
    "At least 12 civilians were killed on Tuesday when air strikes hit a market in the town of "
    "Maarat al-Numan in Idlib province, a war monitor said. The monitor said the toll could rise "
    "as rescuers searched the rubble. Government forces have stepped up their bombardment of the "
    "area in recent weeks, residents said, and thousands have fled towards the Turkish border."
)


def test_a_lightly_edited_copy_is_the_same_story():
    copy = "Idlib market strike kills 12\n" + WIRE.replace("a war monitor said", "the monitor said") + "\nCopyright 2019."
    other = "Police in Houston said two men were shot dead outside a bar late on Saturday after an argument."
    found = stories({"a": signature(WIRE), "b": signature(copy), "c": signature(other)})
    assert found["a"] == found["b"] == "a"
    assert found["c"] == "c"


def test_same_sentence_tolerates_light_edits_only():
    s = "At least 12 civilians were killed on Tuesday when air strikes hit a market, a monitor said."
    assert same_sentence(s, s.replace("a monitor said", "the monitor said"))
    assert not same_sentence(s, "Two soldiers were killed in an ambush near Deraa on Friday.")


def test_a_signature_is_datasketchs_own_minhash_of_the_shingles():
    """Signatures are stored: drawing the permutations once per process must give the very
    MinHash datasketch makes from scratch, or stored and new signatures would not compare."""
    import numpy as np
    from datasketch import MinHash

    from sitrep.ingest.identity import normalise_text
    from sitrep.merge.duplicates import _WORD, NUM_PERM, SCHEME, SHINGLE

    words = _WORD.findall(normalise_text(WIRE))
    fresh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    fresh.update_batch([" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)])
    assert signature(WIRE) == fresh.hashvalues.astype(np.uint32).tobytes()
    assert signature(WIRE) != signature(WIRE.replace("Tuesday", "Friday"))
