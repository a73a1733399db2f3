"""raw_articles: every article in the inbox, read once."""

from pathlib import Path

import dagster as dg
from pydantic import Field

from assets import keys
from assets.checks import SPECS, table_checks
from assets.metadata import markdown_table, table_metadata
from pipelines.resources import SitrepResource
from sitrep.stages import freshness
from sitrep.stages.ingest import ingest


class IngestConfig(dg.Config):
    """What a run can tell the ingest step: the launchpad in the UI, or `sitrep run --force`."""

    force: bool = Field(default=False, description="Run every stage even when the published release already holds this inbox")


@dg.multi_asset(
    name="raw_articles",
    specs=[dg.AssetSpec(keys.RAW_ARTICLES, group_name="ingest", kinds={"duckdb", "python"}, skippable=True,
                        description="Every article in the inbox, stored once by a hash of its text.")],
    check_specs=SPECS[keys.RAW_ARTICLES],
    can_subset=True,  # its checks can run alone from the UI; a run with nothing new skips them
)
def raw_articles(context: dg.AssetExecutionContext, sitrep: SitrepResource, config: IngestConfig):
    """Every article in the inbox, stored once by a hash of its headline and text; unreadable input goes to
    `rejected_articles` with its reason, so nothing is lost silently.

    When the published release was made from exactly these articles, code and settings
    (`sitrep.stages.freshness`), nothing is materialised and Dagster skips every step
    downstream: nothing is computed twice.  The checks are skipped too: they validated this
    very table when the release was made, and their results stand in the UI."""
    selected_checks = context.selected_asset_check_keys
    if keys.RAW_ARTICLES not in context.selected_asset_keys:  # the checks alone, from the UI
        yield from _selected(table_checks(context, sitrep, keys.RAW_ARTICLES), selected_checks)
        return
    warehouse = sitrep.warehouse()
    summary = ingest(warehouse, Path(sitrep.inbox), sitrep.max_article_bytes)
    if summary.rekeyed:
        context.log.info(f"{summary.rekeyed} stored articles given the ids of the current identity scheme; "
                         "their parses and events are made again under the new ids")
    context.log.info(
        f"inbox {sitrep.inbox}: {summary.read} articles read, {summary.new} new, "
        f"{summary.rejected} rejected {summary.reasons or ''}"
    )
    if not config.force and freshness.is_current(warehouse, sitrep.settings(), freshness.inputs_stamp(warehouse, sitrep.settings())):
        context.log.info("nothing new: the published release holds these articles, made by this code with these "
                         "settings; the steps downstream are skipped (force=true runs them)")
        return
    frame = warehouse.frame("SELECT article_id, source_id, source, title, outlet, published_meta, read_at FROM raw_articles ORDER BY read_at DESC, source")
    rejects = warehouse.frame("SELECT * FROM rejected_articles ORDER BY rejected_at DESC")
    yield dg.MaterializeResult(metadata=table_metadata(
        frame,
        new_articles=summary.new,
        read=summary.read,
        rejected=summary.rejected,
        duplicates=summary.duplicates,
        read_leniently=summary.flagged,
        rejects=dg.MetadataValue.md(markdown_table(rejects)),
        inbox=sitrep.inbox,
    ))
    yield from _selected(table_checks(context, sitrep, keys.RAW_ARTICLES), selected_checks)


def _selected(results: list[dg.AssetCheckResult], selected: set[dg.AssetCheckKey]) -> list[dg.AssetCheckResult]:
    return [r for r in results if dg.AssetCheckKey(keys.RAW_ARTICLES, r.check_name) in selected]
