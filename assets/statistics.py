"""weekly_conflict_stats: events, fatalities and civilian deaths per week and province."""

import dagster as dg

from assets import keys
from assets.checks import SPECS, acled_reconciles, contract, reconciles, results, review
from assets.metadata import chart_markdown, table_metadata
from pipelines.resources import SitrepResource
from sitrep.stages.aggregate import compute_acled_weekly, compute_weekly, weekly_summary, write_acled_weekly, write_weekly
from sitrep.stats.chart import TOP_PROVINCES, fatalities_chart_png, top_provinces_weekly

@dg.asset(key=keys.WEEKLY_CONFLICT_STATS, deps=[keys.EVENTS], group_name="stats", kinds={"polars", "duckdb"},
          check_specs=SPECS[keys.WEEKLY_CONFLICT_STATS])
def weekly_conflict_stats(context: dg.AssetExecutionContext, sitrep: SitrepResource) -> dg.MaterializeResult:
    """Per week, country, province and event type: events, fatalities, civilian fatalities and
    the articles behind them; ACLED weeks (Saturday to Friday) unless configured ISO."""
    warehouse = sitrep.warehouse()
    build = compute_weekly(warehouse, sitrep.week_scheme)
    weekly = build.weekly
    checks = [contract(weekly, "weekly_conflict_stats"),
              reconciles(warehouse.table("events"), warehouse.table("event_mentions"), weekly)]
    written = all(c.passed for c in checks)
    checks.append(review(weekly, "weekly_conflict_stats"))
    if written:  # written only once its blocking suites passed, in one transaction
        write_weekly(warehouse, build)
    else:
        context.log.error("weekly figures failed a blocking check: the warehouse keeps the previous ones")
    summary = weekly_summary(weekly)
    figures = top_provinces_weekly(weekly)
    chart = chart_markdown(fatalities_chart_png(figures), figures,
                           alt=f"Fatalities per week, the {TOP_PROVINCES} most affected provinces")
    return dg.MaterializeResult(metadata=table_metadata(
        weekly, weeks=summary.weeks, fatalities=summary.fatalities,
        week_scheme=sitrep.week_scheme, written=written, fatalities_per_week=dg.MetadataValue.md(chart),
    ), check_results=results(context, sitrep, checks))


@dg.asset(key=keys.ACLED_WEEKLY, deps=[keys.WEEKLY_CONFLICT_STATS], group_name="stats", kinds={"polars", "duckdb"},
          check_specs=SPECS[keys.ACLED_WEEKLY])
def acled_weekly(context: dg.AssetExecutionContext, sitrep: SitrepResource) -> dg.MaterializeResult:
    """The weekly figures in the column layout of ACLED's weekly aggregated files (WEEK, REGION,
    COUNTRY, ADMIN1, EVENT_TYPE, ..., names rather than codes), to stack beside ACLED's own."""
    warehouse = sitrep.warehouse()
    build = compute_acled_weekly(warehouse)
    checks = [contract(build.acled, "acled_weekly"), acled_reconciles(build.weekly, build.acled)]
    written = all(c.passed for c in checks)
    checks.append(review(build.acled, "acled_weekly"))
    if written:
        write_acled_weekly(warehouse, build)
    else:
        context.log.error("acled_weekly failed a blocking check: the warehouse keeps the previous one")
    return dg.MaterializeResult(metadata=table_metadata(build.acled, written=written),
                                check_results=results(context, sitrep, checks, last=True))  # the run's last checks
