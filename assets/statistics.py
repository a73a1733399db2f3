"""weekly_conflict_stats: events, fatalities and civilian deaths per week and province."""

import dagster as dg

from assets import keys
from assets.metadata import chart_markdown, table_metadata
from pipelines.resources import SitrepResource
from sitrep.stages.aggregate import build_weekly
from sitrep.stats.chart import TOP_PROVINCES, fatalities_chart_png, top_provinces_weekly

@dg.asset(key=keys.WEEKLY_CONFLICT_STATS, deps=[keys.EVENTS], group_name="stats", kinds={"polars", "duckdb"})
def weekly_conflict_stats(context: dg.AssetExecutionContext, sitrep: SitrepResource) -> dg.MaterializeResult:
    """Per week, country, province and event type: events, fatalities, civilian fatalities and
    the articles behind them; ACLED weeks (Saturday to Friday) unless configured ISO."""
    warehouse = sitrep.warehouse()
    summary = build_weekly(warehouse, sitrep.week_scheme)
    weekly = warehouse.table("weekly_conflict_stats")
    figures = top_provinces_weekly(weekly)
    chart = chart_markdown(fatalities_chart_png(figures), figures,
                           alt=f"Fatalities per week, the {TOP_PROVINCES} most affected provinces")
    return dg.MaterializeResult(metadata=table_metadata(
        weekly, weeks=summary.weeks, fatalities=summary.fatalities,
        week_scheme=sitrep.week_scheme, fatalities_per_week=dg.MetadataValue.md(chart),
    ))
