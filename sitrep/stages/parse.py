"""Stage 2: clean, date and parse new articles with spaCy, and resolve their places.

Only articles not parsed before are read (NLP is the expensive part: nothing is parsed
twice).  Texts go through `nlp.pipe` and results are written in batches, each batch one
transaction, so a killed run keeps what it finished.  (The pending texts themselves are still
loaded at once; streaming them from the warehouse is future work.)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Iterator

import polars as pl
from spacy.tokens import DocBin

from sitrep.geo.gazetteer import get_gazetteer
from sitrep.nlp.geoparse import GEOPARSE_VERSION, find_places, warm
from sitrep.nlp.model import load_model, model_version
from sitrep.progress import Progress
from sitrep.store.warehouse import Warehouse, insert_frame
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


def _pending(warehouse: Warehouse) -> pl.DataFrame:
    return warehouse.frame(
        "SELECT r.article_id, r.source_id, r.text, r.title, r.outlet, r.url, r.published_meta "
        "FROM raw_articles r ANTI JOIN articles a USING (article_id) ORDER BY r.source"
    )


def place_rows(doc, article_id: str, gazetteer) -> list[dict]:
    return [
        {
            "article_id": article_id, "char_start": p.char_start, "char_end": p.char_end,
            "mention": p.mention, "name": p.place.name, "kind": p.place.kind, "country": p.place.country,
            "admin1": p.place.admin1, "admin1_name": p.place.admin1_name,
            "latitude": p.place.latitude, "longitude": p.place.longitude, "geo_precision": p.geo_precision,
        }
        for p in find_places(doc, gazetteer)
    ]


def write_places(con, ids: list[str], places: list[dict]) -> None:
    """Replace the places of `ids` and record the rules' version, inside the caller's transaction."""
    con.execute("DELETE FROM place_mentions WHERE article_id IN (SELECT unnest(?))", [ids])
    con.execute("DELETE FROM geoparsed_articles WHERE article_id IN (SELECT unnest(?))", [ids])
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
    for batch in _chunks(stale, 500):
        docs = warehouse.frame("SELECT article_id, doc FROM parsed_docs WHERE article_id IN (SELECT unnest(?))", [batch])
        rows: list[dict] = []
        for article_id, blob in docs.iter_rows():
            doc = next(iter(DocBin().from_bytes(blob).get_docs(nlp.vocab)))
            rows.extend(place_rows(doc, article_id, gazetteer))
        with warehouse.writer() as con:
            write_places(con, batch, rows)
        progress.advance(len(batch))
    return len(stale)


def _chunks(rows: list, size: int) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def parse(warehouse: Warehouse, model: str, today: date, n_process: int = 1, batch_size: int = 200,
          logger: logging.Logger | None = None) -> ParseSummary:
    pending = _pending(warehouse).to_dicts()
    if not pending:
        return ParseSummary(0, 0, 0, 0, {})
    nlp = load_model(model)
    warm(nlp)
    gazetteer = get_gazetteer()
    version = model_version(nlp)
    progress = Progress("parsed_articles", len(pending), logger)
    totals = {"parsed": 0, "sentences": 0, "words": 0, "places": 0}
    dated_from: dict[str, int] = {}
    cleaned = {row["article_id"]: clean(row["text"]) for row in pending}
    docs = nlp.pipe((cleaned[row["article_id"]].text for row in pending), n_process=n_process, batch_size=32)
    for batch in _chunks(pending, batch_size):
        articles, blobs, places = [], [], []
        for row in batch:
            doc = next(docs)
            text = cleaned[row["article_id"]]
            pub = publication_date(row["published_meta"], text.text, today)
            dated_from[pub.source] = dated_from.get(pub.source, 0) + 1
            n_sent = sum(1 for s in doc.sents if any(t.is_alpha for t in s))
            n_words = sum(1 for t in doc if not t.is_space and not t.is_punct)
            articles.append({
                "article_id": row["article_id"], "source_id": row["source_id"],
                "title": row["title"] or title_from_text(text.text), "outlet": row["outlet"],
                "wire_agency": wire_agency(text.text), "url": row["url"],
                "published_date": pub.value, "published_from": pub.source, "date_flag": pub.flag,
                "n_sentences": n_sent, "n_words": n_words, "n_boilerplate_lines": len(text.boilerplate_lines),
            })
            bin_ = DocBin(store_user_data=False)
            bin_.add(doc)
            blobs.append({"article_id": row["article_id"], "model": version, "doc": bin_.to_bytes()})
            places.extend(place_rows(doc, row["article_id"], gazetteer))
            totals["sentences"] += n_sent
            totals["words"] += n_words
        ids = [a["article_id"] for a in articles]
        with warehouse.writer() as con:
            for table in ("parsed_docs", "articles"):
                con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids])
            insert_frame(con, "parsed_docs", pl.DataFrame(blobs, schema_overrides={"doc": pl.Binary}))
            insert_frame(con, "articles", pl.DataFrame(articles, infer_schema_length=None))
            write_places(con, ids, places)
        totals["parsed"] += len(batch)
        totals["places"] += len(places)
        progress.advance(len(batch))
    return ParseSummary(totals["parsed"], totals["sentences"], totals["words"], totals["places"], dated_from)
