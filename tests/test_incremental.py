"""The parse stage: equal parallel batches, streaming in chunks, nothing parsed twice, and the
events it reads from fresh parses equal to the extract stage's from stored ones."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.config import DEFAULT_MODEL
from sitrep.stages.extract import extract
from sitrep.merge.duplicates import signature
from sitrep.stages.ingest import ingest
from sitrep.stages.parse import parse, pending_ids, plan_batches
from sitrep.store.warehouse import Warehouse

from .conftest import SAMPLE_INBOX

TODAY = date(2026, 11, 22)


@given(st.integers(0, 3000), st.integers(1, 6), st.integers(1, 700))
def test_batches_cover_every_id_once_in_order_and_fill_the_workers(n, workers, max_batch):
    ids = [f"a{i}" for i in range(n)]
    planned = plan_batches(ids, workers, max_batch)
    assert [i for b in planned for i in b] == ids
    if n:
        sizes = [len(b) for b in planned]
        assert 0 < min(sizes) and max(sizes) <= max_batch and max(sizes) - min(sizes) <= 1
        assert len(planned) % workers == 0 or len(planned) == n  # every worker gets a share


@given(st.lists(st.integers(0, 5000), max_size=400), st.integers(1, 4), st.integers(1, 300))
def test_batches_by_weight_cover_every_id_once_and_share_the_weight(weights, workers, max_batch):
    ids = [f"a{i}" for i in range(len(weights))]
    planned = plan_batches(ids, workers, max_batch, weights=weights)
    assert [i for b in planned for i in b] == ids
    if ids:
        assert all(planned) and (len(planned) % workers == 0 or len(planned) == len(ids))
        weight = dict(zip(ids, (max(1, w) for w in weights)))
        share = sum(weight.values()) / len(planned)
        heaviest = max(weight.values())
        for batch in planned:  # each batch within one article of its share (unless forced to one)
            assert len(batch) == 1 or abs(sum(weight[i] for i in batch) - share) <= 2 * heaviest


def test_long_articles_are_spread_over_the_workers():
    ids = [f"a{i}" for i in range(8)]
    planned = plan_batches(ids, 2, weights=[100, 100, 100, 100, 10, 10, 10, 10])
    assert planned == [["a0", "a1"], ["a2", "a3", "a4", "a5", "a6", "a7"]]


def copy_sample(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLE_INBOX, inbox)
    return inbox


@pytest.fixture(scope="module")
def model():
    return DEFAULT_MODEL


def test_added_article_is_the_only_one_parsed(tmp_path, model):
    inbox = copy_sample(tmp_path)
    warehouse = Warehouse(tmp_path / "data" / "warehouse.duckdb")
    ingest(warehouse, inbox, 2_000_000)
    first = parse(warehouse, model, TODAY, batch_size=3)  # chunks of three: the streaming path
    assert first.parsed == 8 and not pending_ids(warehouse)
    signatures = warehouse.frame("SELECT article_id, signature FROM article_signatures ORDER BY 1")
    texts = warehouse.frame("SELECT article_id, text FROM raw_articles ORDER BY 1")
    # the parse workers sign every article, so the merge (one process) need not
    assert signatures["article_id"].to_list() == texts["article_id"].to_list()
    assert signatures["signature"].to_list() == [signature(t) for t in texts["text"]]
    assert parse(warehouse, model, TODAY).parsed == 0
    (inbox / "late.txt").write_text(
        "KABUL, Afghanistan (Reuters) - A roadside bomb killed four soldiers in Helmand province "
        "on Tuesday, a provincial spokesman said.\n")
    assert ingest(warehouse, inbox, 2_000_000).new == 1
    assert len(pending_ids(warehouse)) == 1
    again = parse(warehouse, model, TODAY)
    assert again.parsed == 1
    n = warehouse.frame("SELECT count(*) AS n FROM articles")["n"][0]
    assert n == 9


def test_events_read_in_the_parse_workers_equal_the_extract_stage(tmp_path, model):
    tables = {}
    for inline in (False, True):
        warehouse = Warehouse(tmp_path / f"data-{inline}" / "warehouse.duckdb")
        ingest(warehouse, SAMPLE_INBOX, 2_000_000)
        parse(warehouse, model, TODAY, batch_size=3, extract=inline)
        done = extract(warehouse, model)
        assert done.articles == (0 if inline else 8)
        tables[inline] = warehouse.frame("SELECT * FROM event_mentions ORDER BY mention_id")
    assert tables[True].height > 5
    assert tables[True].equals(tables[False])
