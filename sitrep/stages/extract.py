"""Stage 3: event mentions from parsed articles.

Articles already read by the current extractor version are skipped; a new version of the rules
re-reads every article from its stored parse, without running spaCy again.  A batch's mentions
and its `extracted_articles` markers are committed in one transaction, so a killed run loses at
most the batch it was reading and the next run resumes there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, fields

import polars as pl

from sitrep.nlp.extract import EXTRACTOR_VERSION, EventMention, extract_events, extract_headline_events
from sitrep.nlp.model import doc_from_bytes, load_model
from sitrep.nlp.people import people_in
from sitrep.progress import Progress
from sitrep.geo import get_gazetteer
from sitrep.nlp.geoparse import find_places
from sitrep.nlp.headlines import first_word_lowered, sentence_case
from sitrep.stages.parse import places_from_rows, refresh_places, title_line
from sitrep.store.warehouse import Warehouse, batches, insert_frame

BATCH = 200
"""Articles read and written per transaction."""


@dataclass(frozen=True)
class ExtractSummary:
    articles: int
    mentions: int
    with_fatalities: int
    aggregates: int


def _pending_ids(warehouse: Warehouse) -> list[str]:
    return warehouse.frame(
        "SELECT a.article_id FROM articles a LEFT JOIN extracted_articles x USING (article_id) "
        "WHERE x.article_id IS NULL OR x.extractor_version <> ? ORDER BY a.article_id",
        [EXTRACTOR_VERSION],
    )["article_id"].to_list()


_MENTION_FIELDS = fields(EventMention)


def mention_rows(mentions) -> list[dict]:
    rows = []
    for m in mentions:
        row = {f.name: getattr(m, f.name) for f in _MENTION_FIELDS}  # (its fields are plain values: no deep copy)
        row["mention_id"] = m.mention_id
        row["antecedent_id"] = mentions[m.antecedent].mention_id if m.antecedent is not None else None
        row["extractor_version"] = EXTRACTOR_VERSION
        rows.append(row)
    return rows


@dataclass
class Extraction:
    """What reading a batch of articles gives, to be written in one transaction with
    `write_extraction`: mentions, the per-article markers and the people each article names."""

    mentions: list[dict] = field(default_factory=list)
    markers: list[dict] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)

    def read(self, doc, published, places, article_id: str, headline: Callable[[], tuple] | None = None) -> None:
        """Read one article; `headline`, when given, returns its parsed title, the places in it
        and its other readings (see `headline_reading`), asked for only when the text tells no
        event (see `extract_headline_events`); the first reading that tells one is kept."""
        found = extract_events(doc, published, places, article_id)
        if not found and headline is not None and (title := headline()) is not None:
            parsed, title_places, rereadings = title
            found = extract_headline_events(parsed, published, title_places, article_id)
            for reread in rereadings:
                if found:
                    break
                found = extract_headline_events(reread, published, title_places, article_id, parsed.text)
        self.mentions.extend(mention_rows(found))
        self.people.extend({"article_id": article_id, "person": p} for p in sorted(people_in(doc)))
        self.markers.append({"article_id": article_id, "extractor_version": EXTRACTOR_VERSION, "n_mentions": len(found)})


def headline_places(title, url: str | None) -> list:
    """The places of a parsed headline, read as a text of its own (the page's address helps)."""
    return find_places(title, get_gazetteer(), None, url)


def headline_reading(title, url: str | None, nlp) -> tuple:
    """What the events of a parsed headline are read from: its parse, its places, and the parses
    of its other readings, tried in turn when the headline as written tells no event: a Title
    Case headline in sentence case, then the headline with its first word in lower case
    (`sitrep.nlp.headlines`).  The readings are parsed one by one as they are asked for: most
    headlines tell their event as written, and then none is."""
    places = headline_places(title, url)
    texts = [title.text, sentence_case(title, places)]
    texts.append(first_word_lowered(texts[-1], title, places))
    rereadings = (nlp(t) for i, t in enumerate(texts) if i and t not in texts[:i])
    return title, places, rereadings


class _HeadlineReader:
    """Parses headlines on demand: the stored parses hold only the texts, and only an article
    whose text tells no event needs its headline, so the full model loads at most once."""

    def __init__(self, model: str):
        self._model = model
        self._nlp = None

    def reader(self, title: str | None, url: str | None) -> Callable[[], tuple] | None:
        line = title_line(title)
        if line is None:
            return None

        def read() -> tuple:
            if self._nlp is None:
                self._nlp = load_model(self._model)
            return headline_reading(self._nlp(line), url, self._nlp)
        return read


def write_extraction(con, ids: list[str], batch: Extraction) -> None:
    """Replace the batch's articles' mentions, markers and people (inside the caller's transaction)."""
    for table in ("event_mentions", "extracted_articles", "article_people"):
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids])
    insert_frame(con, "event_mentions", pl.DataFrame(batch.mentions, infer_schema_length=None) if batch.mentions else pl.DataFrame())
    insert_frame(con, "extracted_articles", pl.DataFrame(batch.markers))
    if batch.people:
        insert_frame(con, "article_people", pl.DataFrame(batch.people))


def extract(warehouse: Warehouse, model: str, logger: logging.Logger | None = None) -> ExtractSummary:
    refresh_places(warehouse, model, logger=logger)  # new places mark their articles to be read again
    pending = _pending_ids(warehouse)
    if not pending:
        return ExtractSummary(0, 0, 0, 0)
    vocab = load_model(model).vocab
    titles = _HeadlineReader(model)
    progress = Progress("event_mentions", len(pending), logger)
    n_mentions = n_fatal = n_agg = 0
    for ids in batches(pending, BATCH):
        data = warehouse.frame(
            "SELECT d.article_id, d.doc, a.published_date, r.title, r.url FROM parsed_docs d "
            "JOIN articles a USING (article_id) LEFT JOIN raw_articles r USING (article_id) "
            "WHERE d.article_id IN (SELECT unnest(?))", [ids])
        places = places_from_rows(warehouse.frame(
            "SELECT * FROM place_mentions WHERE article_id IN (SELECT unnest(?))", [ids]))
        batch = Extraction()
        for r in data.iter_rows(named=True):
            batch.read(doc_from_bytes(r["doc"], vocab), r["published_date"], places.get(r["article_id"], []),
                       r["article_id"], headline=titles.reader(r["title"], r["url"]))
        with warehouse.writer() as con:
            write_extraction(con, ids, batch)
        rows = batch.mentions
        n_mentions += len(rows)
        n_fatal += sum(1 for r in rows if r["fatalities_best"] is not None)
        n_agg += sum(1 for r in rows if r["is_aggregate"])
        progress.advance(len(ids))
    return ExtractSummary(len(pending), n_mentions, n_fatal, n_agg)
