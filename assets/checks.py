"""Asset checks: each stage's Great Expectations suites, run in the stage's own step.

Every stage has two suites in `expectations/`: `<table>.json`, whose failure means the data is
wrong (a future date, a negative count, an unknown province code) and blocks the assets
downstream, and `<table>_review.json`, whose failures are worth a look and only warn.

The checks are the assets' own (`SPECS`, `check_specs=`), not steps of their own: a step costs
a process and a warehouse read, which a run would pay a dozen times for checks that take a
fraction of a second.  Where a check looks depends on how the stage writes.  raw_articles and
event_mentions commit batch by batch, so a long run keeps what it finished; their suites run
on the table once it is written (`table_checks`), and a failure stops everything downstream.
parsed_articles is a graph of parallel batches; its suites run in the graph's last step
(`record_parse`), once the batches are written.  The derived stages (events,
weekly_conflict_stats, acled_weekly) replace whole tables: they run their suites on the new
frames *before* writing them, so a failed check leaves the previous, checked tables in the
warehouse.

Each result carries what the UI needs to judge it without leaving the page: which expectations
failed, how many rows broke them, example rows with their keys, and the path of the result's
Great Expectations Data Docs page (`sitrep.quality.docs`).
"""

from dataclasses import dataclass, field

import dagster as dg
import polars as pl

from assets import keys
from assets.metadata import markdown_table
from pipelines.resources import SitrepResource
from sitrep.quality import docs
from sitrep.quality.reconcile import reconcile, reconcile_acled
from sitrep.quality.runner import CheckOutcome, validate


def _texts(sitrep: SitrepResource, frame: pl.DataFrame) -> pl.DataFrame:
    """The texts and titles of the frame's articles: the evidence of a mention is a span of
    its text, or its title when read from the headline."""
    return sitrep.warehouse().frame(
        "SELECT article_id, text, title FROM raw_articles WHERE article_id IN (SELECT unnest(?))",
        [frame["article_id"].unique().to_list() if not frame.is_empty() else []],
    )


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


@dataclass
class Verdict:
    """One suite's outcome as the check it answers (name, blocking or not), before it is
    recorded: a step records all of its verdicts' Data Docs pages in one build."""

    outcome: CheckOutcome
    check_name: str
    blocking: bool
    extra: dict = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return self.outcome.success


def contract(frame: pl.DataFrame, table: str, texts: pl.DataFrame | None = None) -> Verdict:
    """The blocking suite of `table` on `frame` (for a derived stage: before it is written)."""
    return Verdict(validate(frame, table, texts=texts), f"{table}_contract", blocking=True)


def review(frame: pl.DataFrame, table: str, texts: pl.DataFrame | None = None) -> Verdict:
    """The review suite of `table` on `frame` (it warns, never blocks)."""
    return Verdict(validate(frame, f"{table}_review", texts=texts), f"{table}_review", blocking=False)


def _reconciliation(frame: pl.DataFrame, suite: str, check_name: str) -> Verdict:
    return Verdict(validate(frame, suite), check_name, blocking=True,
                   extra={"totals": dg.MetadataValue.md(markdown_table(frame))})


def reconciles(events: pl.DataFrame, mentions: pl.DataFrame, weekly: pl.DataFrame) -> Verdict:
    """The reconciliation suite on weekly figures not yet written, against the events they count."""
    return _reconciliation(reconcile(events, mentions, weekly), "reconciliation", RECONCILES)


def acled_reconciles(weekly: pl.DataFrame, acled: pl.DataFrame) -> Verdict:
    """acled_weekly, not yet written, against the weekly rows it was made from."""
    return _reconciliation(reconcile_acled(weekly, acled), "acled_reconciliation", ACLED_RECONCILES)


def _later_checks_in_run(context: dg.AssetExecutionContext | dg.OpExecutionContext, verdicts: list[Verdict]) -> bool:
    """Whether this run materialises an asset with checks after the ones these verdicts check
    (a run from the UI may select a few assets; no selection is the whole job)."""
    order = list(SPECS)
    last_checked = max(order.index(CHECKED_ASSET[v.check_name]) for v in verdicts)
    selection = context.run.asset_selection or keys.PIPELINE
    return any(key in selection for key in order[last_checked + 1:])


def results(context: dg.AssetExecutionContext | dg.OpExecutionContext, sitrep: SitrepResource,
            verdicts: list[Verdict]) -> list[dg.AssetCheckResult]:
    """The verdicts as Dagster check results, with the paths of their Data Docs pages.

    The results are stored at once; the site is built once a run (`sitrep.quality.docs`): by
    its last checking step, or by the step whose blocking check fails, since the run ends there.
    """
    build = not _later_checks_in_run(context, verdicts) or any(v.blocking and not v.passed for v in verdicts)
    try:
        pages = [str(p) for p in docs.record_all([v.outcome for v in verdicts], sitrep.data_path,
                                                 context.run.run_id, build=build)]
    except Exception as exc:  # noqa: BLE001 - the verdicts stand without their HTML pages
        context.log.warning(f"Data Docs not written: {exc}")
        pages = [None] * len(verdicts)
    out = []
    for verdict, page in zip(verdicts, pages):
        outcome = verdict.outcome
        metadata = {
            "summary": outcome.summary(),
            "failed_expectations": outcome.n_failed,
            "expectations": outcome.n_expectations,
            "rows": outcome.n_rows,
            "unexpected_rows": sum(f["unexpected_count"] or 0 for f in outcome.failures),
            "failed": dg.MetadataValue.text(_failed_list(outcome)),
            "result": dg.MetadataValue.md(outcome.markdown),
            "failures": dg.MetadataValue.json(outcome.failures),
            **verdict.extra,
        }
        if page is not None:
            metadata["data_docs"] = dg.MetadataValue.path(page)
        out.append(dg.AssetCheckResult(
            asset_key=CHECKED_ASSET[verdict.check_name],  # a step may check more than one asset
            check_name=verdict.check_name,
            passed=outcome.success,
            severity=dg.AssetCheckSeverity.ERROR if verdict.blocking else dg.AssetCheckSeverity.WARN,
            metadata=metadata,
        ))
    return out


def _contract_description(table: str) -> str:
    return f"Great Expectations suite expectations/{table}.json: the data is right (blocks downstream)."


def _review_description(table: str) -> str:
    return f"Great Expectations suite expectations/{table}_review.json: worth a look (warns)."


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


def _contract_spec(key: dg.AssetKey) -> dg.AssetCheckSpec:
    table = keys.TABLE_OF[key]
    return dg.AssetCheckSpec(f"{table}_contract", asset=key, blocking=True, description=_contract_description(table))


def _review_spec(key: dg.AssetKey) -> dg.AssetCheckSpec:
    table = keys.TABLE_OF[key]
    return dg.AssetCheckSpec(f"{table}_review", asset=key, description=_review_description(table))


SPECS = {
    keys.RAW_ARTICLES: [_contract_spec(keys.RAW_ARTICLES), _review_spec(keys.RAW_ARTICLES)],
    keys.PARSED_ARTICLES: [_contract_spec(keys.PARSED_ARTICLES), _review_spec(keys.PARSED_ARTICLES)],
    keys.EVENT_MENTIONS: [_contract_spec(keys.EVENT_MENTIONS), _review_spec(keys.EVENT_MENTIONS)],
    keys.EVENTS: [_contract_spec(keys.EVENTS), _review_spec(keys.EVENTS)],
    keys.WEEKLY_CONFLICT_STATS: [
        _contract_spec(keys.WEEKLY_CONFLICT_STATS),
        dg.AssetCheckSpec(RECONCILES, asset=keys.WEEKLY_CONFLICT_STATS, blocking=True,
                          description=RECONCILES_DESCRIPTION),
        _review_spec(keys.WEEKLY_CONFLICT_STATS),
    ],
    keys.ACLED_WEEKLY: [
        _contract_spec(keys.ACLED_WEEKLY),
        dg.AssetCheckSpec(ACLED_RECONCILES, asset=keys.ACLED_WEEKLY, blocking=True,
                          description=ACLED_RECONCILES_DESCRIPTION),
        _review_spec(keys.ACLED_WEEKLY),
    ],
}
"""Each asset's checks, run in the asset's own step (`check_specs=`)."""

CHECKED_ASSET = {spec.name: spec.asset_key for specs in SPECS.values() for spec in specs}


def table_checks(context: dg.AssetExecutionContext | dg.OpExecutionContext, sitrep: SitrepResource,
                 key: dg.AssetKey, frame: pl.DataFrame | None = None) -> list[dg.AssetCheckResult]:
    """Both suites of a per-article stage on the table it has just written (batch by batch, so
    they run on the table, after it; `frame` when the step has just read it); a failed blocking
    suite stops the stages downstream."""
    table = keys.TABLE_OF[key]
    frame = sitrep.warehouse().table(table) if frame is None else frame
    texts = _texts(sitrep, frame) if table == "event_mentions" else None
    return results(context, sitrep, [contract(frame, table, texts), review(frame, table, texts)])
