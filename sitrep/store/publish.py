"""Publish the tables as Parquet, atomically, with a manifest.

A release is written whole into `published/.releases/<id>/` and then `published/<table>`
links are not touched one by one: the `published` folder itself is a symbolic link to the
current release, replaced in one `rename`, so a run killed at any moment leaves the last
published datasets whole and readable.  A release identical to the current one (same
checksums) is not written again, so re-running changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path

import polars as pl

import sitrep
from sitrep import schema
from sitrep.store.warehouse import duckdb_type

KEEP_RELEASES = 3
SORT_KEYS = {
    "articles": ["article_id"],
    "event_mentions": ["mention_id"],
    "events": ["event_id"],
    "weekly_conflict_stats": ["week_start", "country", "admin1", "event_type", "sub_event_type"],
    "acled_weekly": ["WEEK", "COUNTRY", "ADMIN1", "EVENT_TYPE", "SUB_EVENT_TYPE"],
}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def current_manifest(published: Path) -> dict | None:
    path = published / "manifest.json"
    if not path.exists():
        return None
    return json.loads(path.read_text())


def _content_key(manifest: dict) -> dict:
    return {name: [f["sha256"] for f in t["files"]] for name, t in manifest["tables"].items()}


def publish(frames: dict[str, pl.DataFrame], data_dir: Path, versions: dict[str, str]) -> tuple[Path, dict, bool]:
    """Write a release and make it current; returns (folder, manifest, changed)."""
    data_dir = Path(data_dir)
    releases = data_dir / ".releases"
    releases.mkdir(parents=True, exist_ok=True)
    release_id = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    staging = releases / f".staging-{release_id}"
    staging.mkdir()
    tables = {}
    for name, columns in schema.PUBLISHED_TABLES.items():
        frame = schema.conform(frames[name], columns).sort(SORT_KEYS[name], nulls_last=True)
        folder = staging / name
        folder.mkdir()
        path = folder / "part-0.parquet"
        frame.write_parquet(path, compression="zstd", statistics=True)
        tables[name] = {
            "rows": frame.height,
            "files": [{"path": f"{name}/part-0.parquet", "sha256": _sha256(path), "bytes": path.stat().st_size}],
            "columns": [{"name": c.name, "type": duckdb_type(c.dtype), "meaning": c.meaning} for c in columns],
        }
    manifest = {
        "release": release_id,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "sitrep_version": sitrep.__version__,
        **versions,
        "tables": tables,
    }
    published = data_dir / "published"
    previous = current_manifest(published)
    if previous is not None and _content_key(previous) == _content_key(manifest):
        shutil.rmtree(staging)
        return published, previous, False
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=2))
    final = releases / release_id
    os.rename(staging, final)
    link = data_dir / f".published-{uuid.uuid4().hex[:8]}"
    os.symlink(os.path.relpath(final, data_dir), link)
    if published.exists() and not published.is_symlink():
        shutil.rmtree(published)  # a plain folder from a hand copy: replaced by the link
    os.replace(link, published)
    _prune(releases, keep=final)
    return published, manifest, True


def _prune(releases: Path, keep: Path) -> None:
    done = sorted((p for p in releases.iterdir() if p.is_dir() and not p.name.startswith(".staging")), key=lambda p: p.name)
    for old in done[:-KEEP_RELEASES]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)
    for stale in releases.glob(".staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
    for link in releases.parent.glob(".published-*"):  # a link a killed run made but never swapped in
        link.unlink(missing_ok=True)
