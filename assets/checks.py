"""Asset checks: each stage's Great Expectations suites, run on the table it wrote.

Every stage has two suites in `expectations/`: `<table>.json`, whose failure means the data is
wrong (a future date, a negative count, an unknown province code) and blocks the assets
downstream, and `<table>_review.json`, whose failures are worth a look and only warn.
"""

import dagster as dg
import polars as pl

from assets import keys
from assets.metadata import markdown_table
from pipelines.resources import SitrepResource
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

def _result(outcome: CheckOutcome, blocking: bool) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        passed=outcome.success,
        severity=dg.AssetCheckSeverity.ERROR if blocking else dg.AssetCheckSeverity.WARN,
        metadata={
            "summary": outcome.summary(),
            "failed_expectations": outcome.n_failed,
            "expectations": outcome.n_expectations,
            "rows": outcome.n_rows,
            "result": dg.MetadataValue.md(outcome.markdown),
            "failures": dg.MetadataValue.json(outcome.failures),
        },
    )

def _make_checks(asset_key: dg.AssetKey, table: str) -> list[dg.AssetChecksDefinition]:
    @dg.asset_check(
        asset=asset_key, name=f"{table}_contract", blocking=True,
        description=f"Great Expectations suite expectations/{table}.json: the data is right (blocks downstream).",
    )
    def contract(sitrep: SitrepResource) -> dg.AssetCheckResult:
        return _result(run_suite(sitrep, table, table), blocking=True)

    @dg.asset_check(
        asset=asset_key, name=f"{table}_review",
        description=f"Great Expectations suite expectations/{table}_review.json: worth a look (warns).",
    )
    def review(sitrep: SitrepResource) -> dg.AssetCheckResult:
        return _result(run_suite(sitrep, table, f"{table}_review"), blocking=False)

    return [contract, review]

@dg.asset_check(
    asset=keys.WEEKLY_CONFLICT_STATS, name="weekly_conflict_stats_reconciles", blocking=True,
    description="Great Expectations suite expectations/reconciliation.json: weekly totals equal their events', "
    "every mention is in one event, no event spans two provinces or counts more than its largest report.",
)
def weekly_conflict_stats_reconciles(sitrep: SitrepResource) -> dg.AssetCheckResult:
    warehouse = sitrep.warehouse()
    frame = reconcile(warehouse.table("events"), warehouse.table("event_mentions"), warehouse.table("weekly_conflict_stats"))
    return _reconciliation_result(frame)


@dg.asset_check(
    asset=keys.ACLED_WEEKLY, name="acled_weekly_reconciles", blocking=True,
    description="Great Expectations suite expectations/acled_reconciliation.json: acled_weekly has the rows, events "
    "and fatalities of weekly_conflict_stats.",
)
def acled_weekly_reconciles(sitrep: SitrepResource) -> dg.AssetCheckResult:
    warehouse = sitrep.warehouse()
    return _reconciliation_result(reconcile_acled(warehouse.table("weekly_conflict_stats"), warehouse.table("acled_weekly")), "acled_reconciliation")


def _reconciliation_result(frame: pl.DataFrame, suite: str = "reconciliation") -> dg.AssetCheckResult:
    result = _result(validate(frame, suite), blocking=True)
    return dg.AssetCheckResult(
        passed=result.passed, severity=result.severity,
        metadata={**result.metadata, "totals": dg.MetadataValue.md(markdown_table(frame))},
    )


ALL_CHECKS = [check for key, table in keys.TABLE_OF.items() for check in _make_checks(key, table)]
ALL_CHECKS += [weekly_conflict_stats_reconciles, acled_weekly_reconciles]
