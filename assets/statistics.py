"""weekly_conflict_stats and acled_weekly: the weekly figures, in sitrep's layout and in ACLED's.

Both come from one step (a multi-asset): acled_weekly is the same rows in another layout, and
a step of its own would cost a process, a warehouse read and a first Great Expectations
validation for a table that takes a fraction of a second.  Each table still has its own
checks, and acled_weekly is only made from weekly rows that passed theirs.
"""

import dagster as dg

from assets import keys
from assets.checks import SPECS, acled_reconciles, contract, reconciles, results, review
from assets.metadata import chart_markdown, table_metadata
from pipelines.resources import SitrepResource
from sitrep.stages.aggregate import compute_acled_weekly, compute_weekly, weekly_summary, write_acled_weekly, write_weekly
from sitrep.stats.chart import TOP_PROVINCES, fatalities_chart_png, top_provinces_weekly

WEEKLY = dg.AssetSpec(
    keys.WEEKLY_CONFLICT_STATS, deps=[keys.EVENTS], group_name="stats", kinds={"polars", "duckdb"},
    description="Per week, country, province and event type: events, fatalities, civilian fatalities and the "
    "articles behind them; ACLED weeks (Saturday to Friday) unless configured ISO.",
)
ACLED = dg.AssetSpec(
    keys.ACLED_WEEKLY, deps=[keys.WEEKLY_CONFLICT_STATS], group_name="stats", kinds={"polars", "duckdb"},
    description="The weekly figures in the column layout of ACLED's weekly aggregated files (WEEK, REGION, "
    "COUNTRY, ADMIN1, EVENT_TYPE, ..., names rather than codes), to stack beside ACLED's own.",
)


@dg.multi_asset(
    name="weekly_tables", specs=[WEEKLY, ACLED],
    check_specs=SPECS[keys.WEEKLY_CONFLICT_STATS] + SPECS[keys.ACLED_WEEKLY],
    can_subset=True,  # either table alone from the UI; acled_weekly is skipped when the weekly rows fail
)
def weekly_tables(context: dg.AssetExecutionContext, sitrep: SitrepResource):
    """The weekly rows, checked before they are written, then the same rows in ACLED's layout,
    checked against them.  The run's last checks: their Data Docs pages are built in one go,
    with the site's index."""
    selected = context.selected_asset_keys
    materialised, verdicts = [], []
    weekly_ok = True
    if keys.WEEKLY_CONFLICT_STATS in selected:
        weekly_ok = _weekly(context, sitrep, materialised, verdicts)
    if keys.ACLED_WEEKLY in selected and weekly_ok:
        _acled(context, sitrep, materialised, verdicts)
    yield from materialised
    yield from results(context, sitrep, verdicts)


def _weekly(context: dg.AssetExecutionContext, sitrep: SitrepResource, materialised: list, verdicts: list) -> bool:
    """weekly_conflict_stats, written only once its blocking suites pass: whether they did."""
    warehouse = sitrep.warehouse()
    build = compute_weekly(warehouse, sitrep.week_scheme)
    weekly = build.weekly
    checks = [contract(weekly, "weekly_conflict_stats"),
              reconciles(warehouse.table("events"), warehouse.table("event_mentions"), weekly)]
    written = all(c.passed for c in checks)
    checks.append(review(weekly, "weekly_conflict_stats"))
    if written:  # in one transaction
        write_weekly(warehouse, build)
    else:
        context.log.error("weekly figures failed a blocking check: the warehouse keeps the previous ones, "
                          "and acled_weekly is not made from them")
    summary = weekly_summary(weekly)
    figures = top_provinces_weekly(weekly)
    chart = chart_markdown(fatalities_chart_png(figures), figures,
                           alt=f"Fatalities per week, the {TOP_PROVINCES} most affected provinces")
    materialised.append(dg.MaterializeResult(asset_key=keys.WEEKLY_CONFLICT_STATS, metadata=table_metadata(
        weekly, weeks=summary.weeks, fatalities=summary.fatalities,
        week_scheme=sitrep.week_scheme, written=written, fatalities_per_week=dg.MetadataValue.md(chart),
    )))
    verdicts.extend(checks)
    return written


def _acled(context: dg.AssetExecutionContext, sitrep: SitrepResource, materialised: list, verdicts: list) -> None:
    """acled_weekly from the stored weekly rows, written only once its blocking suites pass."""
    warehouse = sitrep.warehouse()
    build = compute_acled_weekly(warehouse)
    checks = [contract(build.acled, "acled_weekly"), acled_reconciles(build.weekly, build.acled)]
    written = all(c.passed for c in checks)
    checks.append(review(build.acled, "acled_weekly"))
    if written:
        write_acled_weekly(warehouse, build)
    else:
        context.log.error("acled_weekly failed a blocking check: the warehouse keeps the previous one")
    materialised.append(dg.MaterializeResult(asset_key=keys.ACLED_WEEKLY,
                                             metadata=table_metadata(build.acled, written=written)))
    verdicts.extend(checks)
