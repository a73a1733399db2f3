"""The one Dagster entry point: `dagster dev` (via workspace.yaml) and `sitrep run` load this."""

import dagster as dg

from assets.checks import ALL_CHECKS
from assets.extraction import event_mentions
from assets.ingest import raw_articles
from assets.merging import events
from assets.nlp import parsed_articles
from assets.publishing import published_datasets
from assets.statistics import acled_weekly, weekly_conflict_stats
from pipelines.jobs import sitrep_all
from pipelines.resources import SitrepResource
from pipelines.schedules import daily_refresh
from pipelines.sensors import inbox_sensor

ASSETS = [raw_articles, parsed_articles, event_mentions, events, weekly_conflict_stats, acled_weekly, published_datasets]


def build_definitions(resource: SitrepResource | None = None) -> dg.Definitions:
    return dg.Definitions(
        assets=ASSETS,
        asset_checks=ALL_CHECKS,
        jobs=[sitrep_all],
        schedules=[daily_refresh],
        sensors=[inbox_sensor],
        resources={"sitrep": resource or SitrepResource.from_settings()},
    )


defs = build_definitions()
