"""events: mentions of one real event merged into one row with a conservative count."""

import dagster as dg

from assets import keys
from assets.checks import SPECS, contract, results, review
from assets.metadata import table_metadata
from pipelines.resources import SitrepResource
from sitrep.stages.aggregate import compute_events, write_events

@dg.asset(key=keys.EVENTS, deps=[keys.EVENT_MENTIONS], group_name="merge", kinds={"polars", "duckdb"},
          check_specs=SPECS[keys.EVENTS])
def events(context: dg.AssetExecutionContext, sitrep: SitrepResource) -> dg.MaterializeResult:
    """Real-world events, each counted once however many sentences and outlets report it, with
    the lowest credible death count and the number of mentions, articles and outlets behind it;
    period totals are kept as claims, never added to the events they contain."""
    warehouse = sitrep.warehouse()
    build = compute_events(warehouse)
    summary = build.summary()
    check = contract(build.events, "events")
    checks = [check, review(build.events, "events")]
    if check.passed:  # written only once its blocking suite passed, in one transaction
        write_events(warehouse, build)
    else:
        context.log.error("events failed their blocking check: the warehouse keeps the previous events")
    context.log.info(f"{summary.mentions} mentions -> {summary.events} events ({summary.aggregates} period totals)")
    return dg.MaterializeResult(metadata=table_metadata(
        build.events, mentions=summary.mentions, aggregates=summary.aggregates,
        fatalities=summary.fatalities, written=check.passed,
    ), check_results=results(context, sitrep, checks))
