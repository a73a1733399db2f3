"""The daily run: new wire copy arrives all day; analysts read the figures every morning."""

import dagster as dg

from pipelines.jobs import sitrep_all

daily_refresh = dg.ScheduleDefinition(
    name="daily_refresh",
    job=sitrep_all,
    cron_schedule="0 5 * * *",
    execution_timezone="UTC",
    description="Materialise every asset at 05:00 UTC each day.",
)
