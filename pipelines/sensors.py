"""A sensor on the inbox: a run as soon as articles arrive or change, not only on schedule."""

from __future__ import annotations

import hashlib
from pathlib import Path

import dagster as dg

from pipelines.jobs import sitrep_all
from pipelines.resources import SitrepResource


def inbox_fingerprint(inbox: Path) -> str:
    """A hash of the names, sizes and modification times of the inbox's files."""
    digest = hashlib.sha256()
    if inbox.is_dir():
        for path in sorted(inbox.iterdir()):
            if path.is_file() and not path.is_symlink():
                stat = path.stat()
                digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:20]


@dg.sensor(job=sitrep_all, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED)
def inbox_sensor(context: dg.SensorEvaluationContext, sitrep: SitrepResource):
    """Request a run when the inbox's files change (the fingerprint is the cursor)."""
    inbox = Path(sitrep.inbox)
    fingerprint = inbox_fingerprint(inbox)
    if fingerprint == context.cursor:
        return dg.SkipReason(f"no change in {inbox}")
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=f"inbox-{fingerprint}")
