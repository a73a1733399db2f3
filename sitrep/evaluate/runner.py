"""Run the pipeline's stages on an evaluation inbox, reusing earlier parses.

Evaluation must measure exactly what `sitrep run` produces, so it calls the same stage
functions; it keeps one data dir per evaluation set so spaCy parses each article once, and
always re-extracts (the rules are what changes between two evaluations).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from sitrep.config import Settings
from sitrep.stages.aggregate import build_events, build_weekly
from sitrep.stages.extract import extract
from sitrep.stages.ingest import ingest
from sitrep.stages.parse import parse, refresh_places
from sitrep.store.warehouse import Warehouse

log = logging.getLogger("sitrep.evaluate")


def run_stages(inbox: Path, data_dir: Path, settings: Settings) -> Warehouse:
    warehouse = Warehouse(data_dir / "warehouse.duckdb")
    ingest(warehouse, inbox, settings.max_article_bytes)
    parse(warehouse, settings.spacy_model, today=date.today(), n_process=settings.nlp_processes,
          batch_size=settings.nlp_batch_size, logger=log)
    refresh_places(warehouse, settings.spacy_model, force=True, logger=log)
    with warehouse.writer() as con:
        con.execute("DELETE FROM extracted_articles")
    extract(warehouse, settings.spacy_model, logger=log)
    build_events(warehouse)
    build_weekly(warehouse, settings.week_scheme)
    return warehouse
