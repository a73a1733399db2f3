"""A sensor on the inbox: a run as soon as articles arrive or change, not only on schedule."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipelines.jobs import sitrep_all
from pipelines.resources import SitrepResource
from sitrep.ingest.fingerprint import inbox_fingerprint


@dg.sensor(job=sitrep_all, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED)
def inbox_sensor(context: dg.SensorEvaluationContext, sitrep: SitrepResource):
    """Request a run when the inbox's files change (the fingerprint is the cursor)."""
    inbox = Path(sitrep.inbox)
    fingerprint = inbox_fingerprint(inbox)
    if fingerprint == context.cursor:
        return dg.SkipReason(f"no change in {inbox}")
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=f"inbox-{fingerprint}")
