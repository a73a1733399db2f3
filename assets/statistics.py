"""weekly_conflict_stats: events, fatalities and civilian deaths per week and province."""

import dagster as dg

from assets import keys
from assets.metadata import table_metadata
from pipelines.resources import SitrepResource
from sitrep.stages.aggregate import build_acled_weekly, build_weekly

@dg.asset(key=keys.WEEKLY_CONFLICT_STATS, deps=[keys.EVENTS], group_name="stats", kinds={"polars", "duckdb"})
def weekly_conflict_stats(context: dg.AssetExecutionContext, sitrep: SitrepResource) -> dg.MaterializeResult:
    """Per week, country, province and event type: events, fatalities, civilian fatalities and
    the articles behind them; ACLED weeks (Saturday to Friday) unless configured ISO."""
    warehouse = sitrep.warehouse()
    summary = build_weekly(warehouse, sitrep.week_scheme)
    return dg.MaterializeResult(metadata=table_metadata(
        warehouse.table("weekly_conflict_stats"), weeks=summary.weeks, fatalities=summary.fatalities,
        week_scheme=sitrep.week_scheme,
    ))


@dg.asset(key=keys.ACLED_WEEKLY, deps=[keys.WEEKLY_CONFLICT_STATS], group_name="stats", kinds={"polars", "duckdb"})
def acled_weekly(context: dg.AssetExecutionContext, sitrep: SitrepResource) -> dg.MaterializeResult:
    """The weekly figures in the column layout of ACLED's weekly aggregated files (WEEK, REGION,
    COUNTRY, ADMIN1, EVENT_TYPE, ..., names rather than codes), to stack beside ACLED's own."""
    warehouse = sitrep.warehouse()
    build_acled_weekly(warehouse)
    return dg.MaterializeResult(metadata=table_metadata(warehouse.table("acled_weekly")))
