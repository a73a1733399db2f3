"""Asset checks: each stage's Great Expectations suites, run on the table it wrote.

Every stage has two suites in `expectations/`: `<table>.json`, whose failure means the data is
wrong (a future date, a negative count, an unknown province code) and blocks the assets
downstream, and `<table>_review.json`, whose failures are worth a look and only warn.

Where the checks run depends on how the stage writes.  The per-article stages (raw_articles,
parsed_articles, event_mentions) commit batch by batch so a long NLP run keeps what it finished;
their blocking suites run afterwards on the whole table, as separate checks, and a failure stops
everything downstream.  The derived stages (events, weekly_conflict_stats, acled_weekly) replace whole tables:
they run their blocking suites inside the asset on the new frames *before* writing them
(`GATED_SPECS`), so a failed check leaves the previous, checked tables in the warehouse.

Each result carries what the UI needs to judge it without leaving the page: which expectations
failed, how many rows broke them, example rows with their keys, and the path of the result's
Great Expectations Data Docs page (`sitrep.quality.docs`).
"""

import dagster as dg
import polars as pl

from assets import keys
from assets.metadata import markdown_table
from pipelines.resources import SitrepResource
from sitrep.quality import docs
from sitrep.quality.reconcile import reconcile, reconcile_acled
from sitrep.quality.runner import CheckOutcome, validate

def _texts(sitrep: SitrepResource, frame: pl.DataFrame) -> dict[str, str]:
    if frame.is_empty():
        return {}
    rows = sitrep.warehouse().frame(
        "SELECT article_id, text FROM raw_articles WHERE article_id IN (SELECT unnest(?))",
        [frame["article_id"].unique().to_list()],
    )
    return dict(rows.iter_rows())

def run_suite(sitrep: SitrepResource, table: str, suite: str) -> CheckOutcome:
    frame = sitrep.warehouse().table(table)
    texts = _texts(sitrep, frame) if table == "event_mentions" else None
    return validate(frame, suite, texts=texts) if texts is not None else validate(frame, suite)

def _failed_list(outcome: CheckOutcome) -> str:
    """`expect_column_values_to_be_between(fatalities): 2 rows`, one line per failed expectation."""
    lines = []
    for f in outcome.failures:
        name = f["expectation_type"] or "?"
        columns = ", ".join(f["columns"]) or "table"
        if f["exception"]:
            what = f"error: {f['exception']}"
        elif f["unexpected_count"] is not None:
            what = f"{f['unexpected_count']:,} row{'' if f['unexpected_count'] == 1 else 's'}"
        else:
            what = f"observed {f['observed_value']}"
        lines.append(f"{name}({columns}): {what}")
    return "\n".join(lines) or "none"

def _result(context: dg.AssetCheckExecutionContext | dg.AssetExecutionContext, sitrep: SitrepResource,
            outcome: CheckOutcome, blocking: bool, check_name: str | None = None) -> dg.AssetCheckResult:
    metadata = {
        "summary": outcome.summary(),
        "failed_expectations": outcome.n_failed,
        "expectations": outcome.n_expectations,
        "rows": outcome.n_rows,
        "unexpected_rows": sum(f["unexpected_count"] or 0 for f in outcome.failures),
        "failed": dg.MetadataValue.text(_failed_list(outcome)),
        "result": dg.MetadataValue.md(outcome.markdown),
        "failures": dg.MetadataValue.json(outcome.failures),
    }
    try:
        metadata["data_docs"] = dg.MetadataValue.path(str(docs.record(outcome, sitrep.data_path, context.run.run_id)))
    except Exception as exc:  # noqa: BLE001 - the verdict stands without its HTML page
        context.log.warning(f"Data Docs for {outcome.suite_name} not written: {exc}")
    return dg.AssetCheckResult(
        check_name=check_name,
        passed=outcome.success,
        severity=dg.AssetCheckSeverity.ERROR if blocking else dg.AssetCheckSeverity.WARN,
        metadata=metadata,
    )

def _contract_description(table: str) -> str:
    return f"Great Expectations suite expectations/{table}.json: the data is right (blocks downstream)."


RECONCILES = "weekly_conflict_stats_reconciles"
RECONCILES_DESCRIPTION = (
    "Great Expectations suite expectations/reconciliation.json: weekly totals equal their events', "
    "every mention is in one event, no event spans two provinces or counts more than its largest report."
)

ACLED_RECONCILES = "acled_weekly_reconciles"
ACLED_RECONCILES_DESCRIPTION = (
    "Great Expectations suite expectations/acled_reconciliation.json: acled_weekly has the rows, events "
    "and fatalities of weekly_conflict_stats."
)

# The blocking checks the derived assets run on their frames before writing them.
GATED_SPECS = {
    keys.EVENTS: [dg.AssetCheckSpec("events_contract", asset=keys.EVENTS, blocking=True,
                                    description=_contract_description("events"))],
    keys.WEEKLY_CONFLICT_STATS: [
        dg.AssetCheckSpec("weekly_conflict_stats_contract", asset=keys.WEEKLY_CONFLICT_STATS, blocking=True,
                          description=_contract_description("weekly_conflict_stats")),
        dg.AssetCheckSpec(RECONCILES, asset=keys.WEEKLY_CONFLICT_STATS, blocking=True,
                          description=RECONCILES_DESCRIPTION),
    ],
    keys.ACLED_WEEKLY: [
        dg.AssetCheckSpec("acled_weekly_contract", asset=keys.ACLED_WEEKLY, blocking=True,
                          description=_contract_description("acled_weekly")),
        dg.AssetCheckSpec(ACLED_RECONCILES, asset=keys.ACLED_WEEKLY, blocking=True,
                          description=ACLED_RECONCILES_DESCRIPTION),
    ],
}


def gate(context: dg.AssetExecutionContext, sitrep: SitrepResource, frame: pl.DataFrame, table: str) -> dg.AssetCheckResult:
    """The blocking suite of `table` on a frame not yet written, as the asset's own check result."""
    return _result(context, sitrep, validate(frame, table), blocking=True, check_name=f"{table}_contract")


def _reconciliation(context: dg.AssetExecutionContext, sitrep: SitrepResource, frame: pl.DataFrame, suite: str,
                    check_name: str) -> dg.AssetCheckResult:
    result = _result(context, sitrep, validate(frame, suite), blocking=True, check_name=check_name)
    return dg.AssetCheckResult(
        check_name=check_name, passed=result.passed, severity=result.severity,
        metadata={**result.metadata, "totals": dg.MetadataValue.md(markdown_table(frame))},
    )


def gate_reconciles(context: dg.AssetExecutionContext, sitrep: SitrepResource, events: pl.DataFrame,
                    mentions: pl.DataFrame, weekly: pl.DataFrame) -> dg.AssetCheckResult:
    """The reconciliation suite on weekly figures not yet written, against the events they count."""
    return _reconciliation(context, sitrep, reconcile(events, mentions, weekly), "reconciliation", RECONCILES)


def gate_acled_reconciles(context: dg.AssetExecutionContext, sitrep: SitrepResource, weekly: pl.DataFrame,
                          acled: pl.DataFrame) -> dg.AssetCheckResult:
    """acled_weekly, not yet written, against the weekly rows it was made from."""
    return _reconciliation(context, sitrep, reconcile_acled(weekly, acled), "acled_reconciliation", ACLED_RECONCILES)


def _make_checks(asset_key: dg.AssetKey, table: str) -> list[dg.AssetChecksDefinition]:
    @dg.asset_check(
        asset=asset_key, name=f"{table}_contract", blocking=True,
        description=_contract_description(table),
    )
    def contract(context: dg.AssetCheckExecutionContext, sitrep: SitrepResource) -> dg.AssetCheckResult:
        return _result(context, sitrep, run_suite(sitrep, table, table), blocking=True)

    @dg.asset_check(
        asset=asset_key, name=f"{table}_review",
        description=f"Great Expectations suite expectations/{table}_review.json: worth a look (warns).",
    )
    def review(context: dg.AssetCheckExecutionContext, sitrep: SitrepResource) -> dg.AssetCheckResult:
        return _result(context, sitrep, run_suite(sitrep, table, f"{table}_review"), blocking=False)

    return [review] if asset_key in GATED_SPECS else [contract, review]


ALL_CHECKS = [check for key, table in keys.TABLE_OF.items() for check in _make_checks(key, table)]
