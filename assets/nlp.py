"""parsed_articles: cleaned, dated and parsed articles with their places resolved."""

from datetime import date

import dagster as dg

from assets import keys
from assets.metadata import table_metadata
from pipelines.resources import SitrepResource
from sitrep.stages.parse import parse

@dg.asset(key=keys.PARSED_ARTICLES, deps=[keys.RAW_ARTICLES], group_name="nlp", kinds={"spacy", "duckdb"})
def parsed_articles(context: dg.AssetExecutionContext, sitrep: SitrepResource) -> dg.MaterializeResult:
    """Articles with boilerplate removed, a title, outlet, wire agency and publication date, split
    into sentences and parsed by spaCy, and every place name resolved to the gazetteer: the
    input the event extractor reads.  Only new articles are parsed."""
    warehouse = sitrep.warehouse()
    summary = parse(
        warehouse, sitrep.spacy_model, today=date.today(), n_process=sitrep.nlp_processes,
        batch_size=sitrep.nlp_batch_size, logger=context.log,
    )
    frame = warehouse.table("articles")
    return dg.MaterializeResult(metadata=table_metadata(
        frame, parsed_now=summary.parsed, sentences=summary.sentences, words=summary.words,
        places=summary.places, dated_from=dg.MetadataValue.json(summary.dated_from),
        spacy_model=sitrep.spacy_model,
    ))
