"""event_mentions: one row per event a sentence reports."""

import dagster as dg

from assets import keys
from assets.checks import SPECS, table_checks
from assets.metadata import table_metadata
from pipelines.resources import SitrepResource

@dg.asset(key=keys.EVENT_MENTIONS, deps=[keys.PARSED_ARTICLES], group_name="extract", kinds={"spacy", "duckdb"},
          check_specs=SPECS[keys.EVENT_MENTIONS])
def event_mentions(context: dg.AssetExecutionContext, sitrep: SitrepResource) -> dg.MaterializeResult:
    """Every event reported in a sentence, coded the ACLED way (type, actors, place, date range,
    conservative deaths, who says so, period totals flagged), each with the exact character span
    of its evidence so every number traces back to its sentence."""
    # imported here, not at the top: loading the definitions (a UI, a run with nothing new) needs no spaCy
    from sitrep.nlp.extract import EXTRACTOR_VERSION
    from sitrep.stages.extract import extract

    warehouse = sitrep.warehouse()
    summary = extract(warehouse, sitrep.spacy_model, logger=context.log)
    frame = warehouse.frame(
        "SELECT mention_id, evidence, event_type, sub_event_type, fatalities_best, date_start, date_end, "
        "location, admin1, reported_by, is_aggregate FROM event_mentions ORDER BY mention_id")
    return dg.MaterializeResult(metadata=table_metadata(
        frame, articles_read_now=summary.articles, mentions_now=summary.mentions,
        extractor_version=EXTRACTOR_VERSION,
    ), check_results=table_checks(context, sitrep, keys.EVENT_MENTIONS))
