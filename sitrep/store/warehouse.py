"""The DuckDB warehouse: schema, short transactions, one writer at a time.

DuckDB allows one read-write process per database file, so every write goes through
`writer()`, which holds a file lock beside the database for the length of one transaction and
closes the connection straight after: a run never keeps the file open while spaCy works, and
a second run (a schedule and a sensor firing together) waits its turn instead of failing or
corrupting anything.  A killed run leaves its open transaction uncommitted, which DuckDB rolls
back on the next open.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import Iterator, Sequence, TypeVar

import duckdb
import polars as pl
from filelock import FileLock

from sitrep import schema
from sitrep.schema import Column

LOCK_TIMEOUT_S = 900

_DUCKDB_TYPES = {
    pl.String: "VARCHAR",
    pl.Int64: "BIGINT",
    pl.Float64: "DOUBLE",
    pl.Boolean: "BOOLEAN",
    pl.Date: "DATE",
    pl.Binary: "BLOB",
}


def duckdb_type(dtype: pl.DataType) -> str:
    if isinstance(dtype, pl.Datetime):
        return "TIMESTAMPTZ" if dtype.time_zone else "TIMESTAMP"
    for polars_type, name in _DUCKDB_TYPES.items():
        if dtype == polars_type:
            return name
    raise TypeError(f"no DuckDB type for {dtype}")


PARSED_DOCS = schema._cols(
    ("article_id", pl.String, "Article the parse belongs to"),
    ("model", pl.String, "spaCy model name and version"),
    ("doc", pl.Binary, "The spaCy Doc, serialised (DocBin)"),
)

PLACE_MENTIONS = schema._cols(
    ("article_id", pl.String, "Article"),
    ("char_start", pl.Int64, "Start of the place name in the text; negative in the headline, read as a line before the text"),
    ("char_end", pl.Int64, "End of the place name"),
    ("mention", pl.String, "The words as written"),
    ("name", pl.String, "Resolved place name"),
    ("kind", pl.String, "city, site, district, region, county (a US county), admin1 or country"),
    ("country", pl.String, "ISO 3166-1 alpha-2"),
    ("admin1", pl.String, "ISO 3166-2"),
    ("admin1_name", pl.String, "Province name"),
    ("latitude", pl.Float64, "Latitude"),
    ("longitude", pl.Float64, "Longitude"),
    ("geo_precision", pl.Int64, "1 town, 2 part of a region, 3 province or wider"),
)

GEOPARSED_ARTICLES = schema._cols(
    ("article_id", pl.String, "Article whose places were resolved"),
    ("geoparse_version", pl.String, "Version of the place rules that resolved them"),
)

ARTICLE_SIGNATURES = schema._cols(
    ("article_id", pl.String, "Article"),
    ("signature", pl.Binary, "MinHash of its word shingles (near-duplicate detection)"),
)

ARTICLE_PEOPLE = schema._cols(
    ("article_id", pl.String, "Article"),
    ("person", pl.String, "A full name it mentions, normalised (sitrep.nlp.people): links reports of one event"),
)

MENTION_EVENTS = schema._cols(
    ("mention_id", pl.String, "Event mention"),
    ("event_id", pl.String, "The event the last merge put it in: kept so event ids survive re-extraction"),
)

MOVED_MENTIONS = schema._cols(
    ("mention_id", pl.String, "Event mention the last merge moved to another report's place (sitrep.merge.placing)"),
    ("country", pl.String, "Its country as extracted"),
    ("admin1", pl.String, "Its province as extracted"),
    ("admin1_name", pl.String, "Its province name as extracted"),
    ("location", pl.String, "Its place as extracted"),
    ("latitude", pl.Float64, "Its latitude as extracted"),
    ("longitude", pl.Float64, "Its longitude as extracted"),
    ("geo_precision", pl.Int64, "Its precision as extracted"),
    ("moved_admin1", pl.String, "The province the merge gave it"),
    ("moved_location", pl.String, "The place the merge gave it"),
)

EXTRACTED_ARTICLES = schema._cols(
    ("article_id", pl.String, "Article whose events were extracted"),
    ("extractor_version", pl.String, "Version of the rules that read it"),
    ("n_mentions", pl.Int64, "Event mentions found"),
)

PIPELINE_STATE = schema._cols(
    ("name", pl.String, "What the row records: `published`, the inputs of the current release"),
    ("stamp", pl.String, "Hash of the stored articles, code and settings (sitrep.stages.freshness)"),
    ("recorded_at", pl.Datetime("us", "UTC"), "When it was recorded"),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "raw_articles": schema.RAW_ARTICLES,
    "rejected_articles": schema.REJECTED_ARTICLES,
    "articles": schema.ARTICLES,
    "parsed_docs": PARSED_DOCS,
    "place_mentions": PLACE_MENTIONS,
    "geoparsed_articles": GEOPARSED_ARTICLES,
    "article_signatures": ARTICLE_SIGNATURES,
    "event_mentions": schema.EVENT_MENTIONS,
    "extracted_articles": EXTRACTED_ARTICLES,
    "mention_events": MENTION_EVENTS,
    "moved_mentions": MOVED_MENTIONS,
    "article_people": ARTICLE_PEOPLE,
    "events": schema.EVENTS,
    "weekly_conflict_stats": schema.WEEKLY_CONFLICT_STATS,
    "acled_weekly": schema.ACLED_WEEKLY,
    "pipeline_state": PIPELINE_STATE,
}

PRIMARY_KEYS = {
    "raw_articles": ("article_id",),
    "rejected_articles": ("source", "reason"),
    "articles": ("article_id",),
    "parsed_docs": ("article_id",),
    "extracted_articles": ("article_id",),
    "geoparsed_articles": ("article_id",),
    "article_signatures": ("article_id",),
    "pipeline_state": ("name",),
}


def create_table_sql(name: str, columns: tuple[Column, ...]) -> str:
    cols = [f'"{c.name}" {duckdb_type(c.dtype)}' for c in columns]
    key = PRIMARY_KEYS.get(name)
    if key:
        cols.append(f"PRIMARY KEY ({', '.join(key)})")
    return f'CREATE TABLE IF NOT EXISTS "{name}" ({", ".join(cols)})'


T = TypeVar("T")


def batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """Consecutive slices of `items`: the unit of work written in one transaction."""
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _connect_waiting(path: Path, read_only: bool, wait_s: float) -> duckdb.DuckDBPyConnection:
    """Open the database, waiting while another process holds it (an analyst's session, a run)."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables, and add columns a newer sitrep defines to older warehouses."""
    for name, columns in TABLES.items():
        con.execute(create_table_sql(name, columns))
        have = {row[1] for row in con.execute(f"PRAGMA table_info('{name}')").fetchall()}
        for c in columns:
            if c.name not in have:
                con.execute(f'ALTER TABLE "{name}" ADD COLUMN "{c.name}" {duckdb_type(c.dtype)}')


class Warehouse:
    """The warehouse file in a data dir, opened briefly for each read or write."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_S)

    @contextlib.contextmanager
    def writer(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction under the write lock; committed on success, rolled back on error."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.lock:
            con = _connect_waiting(self.path, read_only=False, wait_s=LOCK_TIMEOUT_S)
            try:
                ensure_schema(con)
                con.execute("BEGIN TRANSACTION")
                try:
                    yield con
                    con.execute("COMMIT")
                except BaseException:
                    con.execute("ROLLBACK")
                    raise
            finally:
                con.close()

    @contextlib.contextmanager
    def reader(self, wait_s: float = 60.0) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only connection; waits while a writer holds the file."""
        if not self.path.exists():
            with self.writer():
                pass
        con = _connect_waiting(self.path, read_only=True, wait_s=wait_s)
        try:
            yield con
        finally:
            con.close()

    def frame(self, sql: str, params: list | None = None) -> pl.DataFrame:
        with self.reader() as con:
            return query(con, sql, params)

    def table(self, name: str) -> pl.DataFrame:
        columns = TABLES[name]
        frame = self.frame(f'SELECT * FROM "{name}"')
        return schema.conform(frame, columns)


def query(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pl.DataFrame:
    """Run `sql` with bound parameters and return a polars frame (via Arrow)."""
    relation = con.sql(sql, params=params or None)
    return relation.pl() if relation is not None else pl.DataFrame()


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Insert `frame` (conformed to the table's contract) into `table`; returns rows written."""
    if frame.is_empty():
        return 0
    frame = schema.conform(frame, TABLES[table])
    con.register("_incoming", frame.to_arrow())
    try:
        con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM _incoming')
    finally:
        con.unregister("_incoming")
    return frame.height


def replace_table(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Replace every row of `table` with `frame`, inside the caller's transaction."""
    con.execute(f'DELETE FROM "{table}"')
    return insert_frame(con, table, frame)
