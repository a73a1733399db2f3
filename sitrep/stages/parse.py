"""Stage 2: clean, date and parse new articles with spaCy, and resolve their places.

Only articles not parsed before are read (NLP is the expensive part: nothing is parsed
twice).  The pending articles stream through: their texts are read from the warehouse
`batch_size` at a time, go through `nlp.pipe` lazily, and results are written in batches, each
batch one transaction, so memory stays flat as the corpus grows and a killed run keeps what it
finished.  `plan_batches` cuts the pending ids into independent batches, which Dagster's
executor parses in parallel processes (see `assets/nlp.py`).
"""

from __future__ import annotations

import bisect
import itertools
import logging
import math
from dataclasses import dataclass
from datetime import date
from typing import Iterator, Sequence

import numpy as np
import polars as pl
from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, SENT_START
from spacy.tokens import Doc

from sitrep.geo.gazetteer import Place, get_gazetteer
from sitrep.merge.duplicates import signature
from sitrep.nlp.geoparse import GEOPARSE_VERSION, PlaceMention, find_places, warm
from sitrep.nlp.model import doc_from_bytes, doc_to_bytes, load_model, model_version
from sitrep.progress import Progress
from sitrep.store.warehouse import Warehouse, batches, insert_frame
from sitrep.text.boilerplate import clean
from sitrep.text.published import publication_date
from sitrep.text.sources import title_from_text, wire_agency


@dataclass(frozen=True)
class ParseSummary:
    parsed: int
    sentences: int
    words: int
    places: int
    dated_from: dict[str, int]


MAX_BATCH = 1000
"""Most articles one parallel batch parses: few enough batches that starting them (a process, a
warehouse read, about a second each) costs little beside their NLP; batches cut by text length
keep every worker busy to the end without small ones.  Memory does not depend on it: a batch streams its texts and writes every
`nlp_batch_size` articles."""


def pending_ids(warehouse: Warehouse) -> list[str]:
    """Ids of the stored articles not parsed yet, in inbox order (ids only: texts stream later)."""
    return pending(warehouse)["article_id"].to_list()


def pending(warehouse: Warehouse) -> pl.DataFrame:
    """`article_id` and `chars` (text length, the NLP's cost) of the articles not parsed yet."""
    return warehouse.frame(
        "SELECT r.article_id, length(r.text) AS chars FROM raw_articles r ANTI JOIN articles a USING (article_id) "
        "ORDER BY r.source"
    )


def plan_batches(ids: Sequence[str], workers: int, max_batch: int = MAX_BATCH,
                 weights: Sequence[int] | None = None) -> list[list[str]]:
    """`ids` cut into consecutive batches, a multiple of `workers` of them, near-equal in weight.

    Equal shares in a multiple of the workers keep every worker busy to the end; each batch is
    independent (its own reads and writes), so any executor, on one machine or many, can run it.
    Without `weights` the shares are equal counts, none over `max_batch`; with them (text
    lengths) the batches are cut where the running weight passes each share, so a batch of long
    articles is not left running alone at the end.
    """
    if not ids:
        return []
    workers = max(1, workers)
    n = max(workers, math.ceil(len(ids) / max_batch))
    n = min(len(ids), math.ceil(n / workers) * workers)
    if weights is None:
        size, extra = divmod(len(ids), n)
        bounds, end = [], 0
        for i in range(n):
            end += size + (1 if i < extra else 0)
            bounds.append(end)
    else:
        prefix = list(itertools.accumulate(max(1, w) for w in weights))  # weight of ids[:k + 1]
        bounds, start = [], 0
        for i in range(1, n):
            target = prefix[-1] * i / n
            end = bisect.bisect_left(prefix, target) + 1  # the first cut at or past the share
            if end - 1 > start and target - prefix[end - 2] < prefix[end - 1] - target:
                end -= 1  # the cut just before it is nearer
            end = min(max(end, start + 1), len(ids) - (n - i))  # every batch gets one at least
            bounds.append(end)
            start = end
        bounds.append(len(ids))
    out, start = [], 0
    for end in bounds:
        out.append(list(ids[start:end]))
        start = end
    return out


def _stream(warehouse: Warehouse, ids: Sequence[str], chunk: int) -> Iterator[tuple[str, dict]]:
    """(cleaned text, article row) for `ids`, read `chunk` texts at a time, in the order of `ids`."""
    for part in batches(ids, chunk):
        frame = warehouse.frame(
            "SELECT article_id, source_id, text, title, outlet, url, published_meta "
            "FROM raw_articles WHERE article_id IN (SELECT unnest(?))", [list(part)])
        rows = {row["article_id"]: row for row in frame.iter_rows(named=True)}
        for article_id in part:
            row = rows.get(article_id)
            if row is None:
                continue
            raw = row.pop("text")
            row["signature"] = signature(raw)  # for near-duplicate stories, here in the parallel workers
            text = clean(raw)
            row["n_boilerplate_lines"] = len(text.boilerplate_lines)
            yield text.text, row


def _place_row(p: PlaceMention, article_id: str) -> dict:
    return {
        "article_id": article_id, "char_start": p.char_start, "char_end": p.char_end,
        "mention": p.mention, "name": p.place.name, "kind": p.place.kind, "country": p.place.country,
        "admin1": p.place.admin1, "admin1_name": p.place.admin1_name,
        "latitude": p.place.latitude, "longitude": p.place.longitude, "geo_precision": p.geo_precision,
    }


def place_rows(doc, article_id: str, gazetteer, title=None, url: str | None = None) -> list[dict]:
    """The places of one parsed article (and its parsed headline), as `place_mentions` rows."""
    return [_place_row(p, article_id) for p in find_places(doc, gazetteer, title, url)]


def title_line(title: str | None) -> str | None:
    """The headline as the geoparser reads it (a line of its own), or None when there is none.

    Only a headline that came with the article counts: one taken from the text's first line
    would name the text's places twice.
    """
    title = " ".join((title or "").split())
    return f"{title}\n" if title else None


def _with_titles(stream: Iterator[tuple[str, dict]]) -> Iterator[tuple[str, dict | None]]:
    """Each article's headline (context None) just before its text, so that one `nlp.pipe`
    parses both in the same worker processes."""
    for text, row in stream:
        line = title_line(row["title"])
        if line is not None:
            yield line, None
        yield text, row


def places_from_rows(frame: pl.DataFrame) -> dict[str, list[PlaceMention]]:
    """`place_mentions` rows back to each article's places, in text order."""
    out: dict[str, list[PlaceMention]] = {}
    for r in frame.sort(["article_id", "char_start"]).iter_rows(named=True):
        place = Place(name=r["name"], kind=r["kind"], country=r["country"], admin1=r["admin1"],
                      admin1_name=r["admin1_name"], latitude=r["latitude"], longitude=r["longitude"],
                      population=None, geo_precision=r["geo_precision"], geonameid=None)
        out.setdefault(r["article_id"], []).append(
            PlaceMention(r["char_start"], r["char_end"], r["mention"], place, r["geo_precision"]))
    return out


def write_places(con, ids: list[str], places: list[dict]) -> None:
    """Replace the places of `ids` and record the rules' version, inside the caller's transaction.

    Their extraction read the old places, so it is marked undone in the same transaction: a run
    killed after this commit still re-extracts these articles next time.
    """
    con.execute("DELETE FROM place_mentions WHERE article_id IN (SELECT unnest(?))", [ids])
    con.execute("DELETE FROM geoparsed_articles WHERE article_id IN (SELECT unnest(?))", [ids])
    con.execute("DELETE FROM extracted_articles WHERE article_id IN (SELECT unnest(?))", [ids])
    insert_frame(con, "place_mentions", pl.DataFrame(places, infer_schema_length=None) if places else pl.DataFrame())
    insert_frame(con, "geoparsed_articles", pl.DataFrame({"article_id": ids, "geoparse_version": [GEOPARSE_VERSION] * len(ids)}))


def refresh_places(warehouse: Warehouse, model: str, force: bool = False, logger: logging.Logger | None = None) -> int:
    """Resolve places again from the stored parses where the place rules changed (no spaCy run)."""
    where = "" if force else "WHERE g.article_id IS NULL OR g.geoparse_version <> ?"
    stale = warehouse.frame(
        f"SELECT d.article_id FROM parsed_docs d LEFT JOIN geoparsed_articles g USING (article_id) {where} ORDER BY 1",
        None if force else [GEOPARSE_VERSION],
    )["article_id"].to_list()
    if not stale:
        return 0
    nlp = load_model(model)
    warm(nlp)
    gazetteer = get_gazetteer()
    progress = Progress("places", len(stale), logger)
    for batch in batches(stale, 500):
        docs = warehouse.frame(
            "SELECT d.article_id, d.doc, r.title, r.url FROM parsed_docs d LEFT JOIN raw_articles r USING (article_id) "
            "WHERE d.article_id IN (SELECT unnest(?))", [batch])
        lines = [title_line(t) for t in docs["title"].to_list()]
        parsed = iter(nlp.pipe([line for line in lines if line is not None], batch_size=64))
        rows: list[dict] = []
        for (article_id, blob, _, url), line in zip(docs.iter_rows(), lines):
            doc = doc_from_bytes(blob, nlp.vocab)
            rows.extend(place_rows(doc, article_id, gazetteer, next(parsed) if line is not None else None, url))
        with warehouse.writer() as con:
            write_places(con, batch, rows)
        progress.advance(len(batch))
    return len(stale)


def sizes(doc: Doc) -> tuple[int, int]:
    """The article's sentences that hold a word, and its words (tokens neither space nor
    punctuation), read from the doc's arrays: a loop over its tokens costs more than the rest
    of the bookkeeping of a parse."""
    if len(doc) == 0:
        return 0, 0
    starts, alpha, space, punct = doc.to_array([SENT_START, IS_ALPHA, IS_SPACE, IS_PUNCT]).T
    sentence = np.cumsum(starts == 1)
    return int(np.unique(sentence[alpha == 1]).size), int(np.count_nonzero((space == 0) & (punct == 0)))


def parse(warehouse: Warehouse, model: str, today: date, n_process: int = 1, batch_size: int = 200,
          logger: logging.Logger | None = None, ids: Sequence[str] | None = None,
          extract: bool = False) -> ParseSummary:
    """Parse `ids` (default: every pending article), streaming; `n_process` spaCy processes.

    With `extract`, each article's events are read from its fresh parse and written with it
    (what the extract stage would do later from the stored parse): the extraction then runs in
    the parallel parse workers, beside the NLP, instead of alone after it.
    """
    if extract:  # imported here: the extract stage imports this module
        from sitrep.stages.extract import Extraction, headline_reading, write_extraction
    ids = pending_ids(warehouse) if ids is None else ids
    if not ids:
        return ParseSummary(0, 0, 0, 0, {})
    nlp = load_model(model)
    warm(nlp)
    gazetteer = get_gazetteer()
    version = model_version(nlp)
    progress = Progress("parsed_articles", len(ids), logger)
    totals = {"parsed": 0, "sentences": 0, "words": 0, "places": 0}
    dated_from: dict[str, int] = {}
    docs = nlp.pipe(_with_titles(_stream(warehouse, ids, batch_size)), as_tuples=True, n_process=n_process,
                    batch_size=32)
    title = None
    while True:
        articles, blobs, places, signatures = [], [], [], []
        read = Extraction() if extract else None
        for doc, row in docs:
            if row is None:  # the headline of the article that comes next
                title = doc
                continue
            text = doc.text
            pub = publication_date(row["published_meta"], text, today)
            dated_from[pub.source] = dated_from.get(pub.source, 0) + 1
            n_sent, n_words = sizes(doc)
            articles.append({
                "article_id": row["article_id"], "source_id": row["source_id"],
                "title": row["title"] or title_from_text(text), "outlet": row["outlet"],
                "wire_agency": wire_agency(text), "url": row["url"],
                "published_date": pub.value, "published_from": pub.source, "date_flag": pub.flag,
                "n_sentences": n_sent, "n_words": n_words, "n_boilerplate_lines": row["n_boilerplate_lines"],
            })
            blobs.append({"article_id": row["article_id"], "model": version, "doc": doc_to_bytes(doc)})
            signatures.append({"article_id": row["article_id"], "signature": row["signature"]})
            found_places = sorted(find_places(doc, gazetteer, title, row["url"]), key=lambda p: p.char_start)
            places.extend(_place_row(p, row["article_id"]) for p in found_places)
            if read is not None:
                headline = (lambda t=title, u=row["url"]: headline_reading(t, u, nlp)) if title is not None else None
                read.read(doc, pub.value, found_places, row["article_id"], headline=headline)
            title = None
            totals["sentences"] += n_sent
            totals["words"] += n_words
            if len(articles) == batch_size:
                break
        if not articles:
            break
        ids_done = [a["article_id"] for a in articles]
        with warehouse.writer() as con:
            for table in ("parsed_docs", "articles", "article_signatures"):
                con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids_done])
            insert_frame(con, "parsed_docs", pl.DataFrame(blobs, schema_overrides={"doc": pl.Binary}))
            insert_frame(con, "article_signatures", pl.DataFrame(signatures, schema_overrides={"signature": pl.Binary}))
            insert_frame(con, "articles", pl.DataFrame(articles, infer_schema_length=None))
            write_places(con, ids_done, places)
            if read is not None:
                write_extraction(con, ids_done, read)
        totals["parsed"] += len(articles)
        totals["places"] += len(places)
        progress.advance(len(articles))
    return ParseSummary(totals["parsed"], totals["sentences"], totals["words"], totals["places"], dated_from)
