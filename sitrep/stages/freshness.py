"""Whether a run has anything to do: the published release against what it would be made from.

A release is a function of three things: the articles stored in `raw_articles`, the code that
reads them (sitrep's rules, its gazetteer, the Great Expectations suites, the spaCy model) and
the settings that shape the output (model, week scheme, publishing target).  `inputs_stamp`
hashes all three.  The publishing step records the stamp of the release it made; the ingest
step, once it has read the inbox, compares.  Equal stamps mean the run would recompute the
tables it already published, so the ingest step stops there and Dagster skips every step
downstream: a re-run on the same inbox costs the start-up and the reading of the inbox.

Any change reopens the whole chain: one new article, an edited rule, another week scheme, a
deleted release.  `sitrep run --force` (or the `force` config of `raw_articles` in the UI)
runs everything regardless.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from sitrep.config import PROJECT_ROOT, Settings
from sitrep.store.warehouse import Warehouse

PUBLISHED = "published"
"""The `pipeline_state` row naming the inputs of the current release."""

_CODE_DIRS = ("sitrep", "assets", "pipelines", "expectations")
_CODE_FILES = ("uv.lock",)  # the locked libraries, the gazetteer's among them
_CODE_SUFFIXES = {".py", ".json", ".csv", ".tsv", ".txt", ".gz"}


@lru_cache(maxsize=4)
def code_fingerprint(root: Path = PROJECT_ROOT) -> str:
    """A hash of the source and data files that decide what a release holds (rules, gazetteer,
    suites, locked libraries): any edit makes the next run recompute, even from the same inbox."""
    paths = [root / name for name in _CODE_FILES]
    for folder in _CODE_DIRS:
        paths += [p for p in (root / folder).rglob("*") if p.suffix in _CODE_SUFFIXES and "__pycache__" not in p.parts]
    digest = hashlib.sha256()
    for path in sorted(p for p in paths if p.is_file()):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _model_version(model: str) -> str:
    try:
        return metadata.version(model)
    except metadata.PackageNotFoundError:
        return "not installed"


def inputs_stamp(warehouse: Warehouse, settings: Settings) -> str:
    """The stamp of the release a full run would publish now (see the module's docstring)."""
    ids = warehouse.frame("SELECT article_id FROM raw_articles ORDER BY article_id")["article_id"]
    digest = hashlib.sha256()
    digest.update("\n".join(ids.to_list()).encode())
    for part in (code_fingerprint(), settings.spacy_model, _model_version(settings.spacy_model),
                 settings.week_scheme, settings.publish_uri):
        digest.update(b"\0" + str(part).encode())
    return digest.hexdigest()[:32]


def unparsed(warehouse: Warehouse) -> int:
    """Stored articles not parsed yet (a run stopped half-way leaves some)."""
    return int(warehouse.frame(
        "SELECT count(*) AS n FROM raw_articles ANTI JOIN articles USING (article_id)")["n"][0])


def published_stamp(warehouse: Warehouse) -> str | None:
    rows = warehouse.frame("SELECT stamp FROM pipeline_state WHERE name = ?", [PUBLISHED])
    return rows["stamp"][0] if rows.height else None


def is_current(warehouse: Warehouse, settings: Settings, stamp: str) -> bool:
    """Whether the release on disk was made from exactly these inputs, and nothing is pending."""
    return (
        (settings.published_dir / "manifest.json").exists()
        and published_stamp(warehouse) == stamp
        and unparsed(warehouse) == 0
    )


def record_published(warehouse: Warehouse, stamp: str) -> None:
    """Called by the publishing step once its release (and its upload) is done."""
    with warehouse.writer() as con:
        con.execute("DELETE FROM pipeline_state WHERE name = ?", [PUBLISHED])
        con.execute("INSERT INTO pipeline_state VALUES (?, ?, ?)", [PUBLISHED, stamp, datetime.now(timezone.utc)])
