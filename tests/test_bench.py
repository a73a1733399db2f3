"""`sitrep bench` on the bundled sample: the figures it promises, consistent with each other.

A benchmark, not a timed test: nothing here asserts a speed, only that the run and the bound
were both measured and the JSON on the last line is complete and coherent.
"""

from __future__ import annotations

import json

import pytest

from sitrep.cli import main

from .conftest import SAMPLE_INBOX

KEYS = {"articles", "words", "seconds", "articles_per_s", "words_per_s", "bound_words_per_s", "ratio", "peak_rss_mb"}


@pytest.mark.slow
def test_bench_prints_the_figures_as_json_last(capsys, tmp_path):
    assert main(["bench", str(SAMPLE_INBOX), "--processes", "2", "--keep", str(tmp_path / "data")]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    figures = json.loads(last)
    assert KEYS <= set(figures)
    assert figures["articles"] == 8 and figures["words"] > 500
    assert figures["seconds"] > 0 and figures["bound_words_per_s"] > 0
    assert figures["words_per_s"] == pytest.approx(figures["words"] / figures["seconds"], rel=0.01)
    assert figures["ratio"] == pytest.approx(figures["words_per_s"] / figures["bound_words_per_s"], rel=0.01, abs=0.001)
    assert 200 < figures["peak_rss_mb"] < 20_000  # spaCy's model alone is a few hundred MB
    # the re-run on the same inbox skips every stage after reading it, so it is the shorter
    assert 0 < figures["rerun_seconds"] < figures["seconds"]
    assert figures["rerun_fraction"] == pytest.approx(figures["rerun_seconds"] / figures["seconds"], abs=0.002)
    assert (tmp_path / "data" / "published" / "manifest.json").exists()
