"""events: mentions of one real event merged into one row with a conservative count."""

import dagster as dg

from assets import keys
from assets.metadata import table_metadata
from pipelines.resources import SitrepResource
from sitrep.stages.aggregate import build_events

@dg.asset(key=keys.EVENTS, deps=[keys.EVENT_MENTIONS], group_name="merge", kinds={"polars", "duckdb"})
def events(context: dg.AssetExecutionContext, sitrep: SitrepResource) -> dg.MaterializeResult:
    """Real-world events, each counted once however many sentences and outlets report it, with
    the lowest credible death count and the number of mentions, articles and outlets behind it;
    period totals are kept as claims, never added to the events they contain."""
    warehouse = sitrep.warehouse()
    summary = build_events(warehouse)
    context.log.info(f"{summary.mentions} mentions -> {summary.events} events ({summary.aggregates} period totals)")
    return dg.MaterializeResult(metadata=table_metadata(
        warehouse.table("events"), mentions=summary.mentions, aggregates=summary.aggregates,
        fatalities=summary.fatalities,
    ))
