"""raw_articles: every article in the inbox, read once."""

from pathlib import Path

import dagster as dg

from assets import keys
from assets.checks import SPECS, table_checks
from assets.metadata import markdown_table, table_metadata
from pipelines.resources import SitrepResource
from sitrep.stages.ingest import ingest

@dg.asset(key=keys.RAW_ARTICLES, group_name="ingest", kinds={"duckdb", "python"}, check_specs=SPECS[keys.RAW_ARTICLES])
def raw_articles(context: dg.AssetExecutionContext, sitrep: SitrepResource) -> dg.MaterializeResult:
    """Every article in the inbox, stored once by a hash of its text; unreadable input goes to
    `rejected_articles` with its reason, so nothing is lost silently."""
    warehouse = sitrep.warehouse()
    summary = ingest(warehouse, Path(sitrep.inbox), sitrep.max_article_bytes)
    context.log.info(
        f"inbox {sitrep.inbox}: {summary.read} articles read, {summary.new} new, "
        f"{summary.rejected} rejected {summary.reasons or ''}"
    )
    frame = warehouse.frame("SELECT article_id, source_id, source, title, outlet, published_meta, read_at FROM raw_articles ORDER BY read_at DESC, source")
    rejects = warehouse.frame("SELECT * FROM rejected_articles ORDER BY rejected_at DESC")
    return dg.MaterializeResult(metadata=table_metadata(
        frame,
        new_articles=summary.new,
        read=summary.read,
        rejected=summary.rejected,
        duplicates=summary.duplicates,
        read_leniently=summary.flagged,
        rejects=dg.MetadataValue.md(markdown_table(rejects)),
        inbox=sitrep.inbox,
    ), check_results=table_checks(context, sitrep, keys.RAW_ARTICLES))
