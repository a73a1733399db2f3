"""parsed_articles: cleaned, dated and parsed articles with their places resolved.

The asset is a small graph: `plan_parse_batches` cuts the pending articles into independent
batches (a dynamic output each), `parse_batch` parses one batch, and `record_parse` adds the
figures up.  Dagster's executor runs the `parse_batch` steps side by side: here the
multiprocess executor, one process per core; on a cluster the Kubernetes or Celery executor,
one pod or worker per batch.
"""

from dataclasses import asdict
from datetime import date

import dagster as dg

from assets import keys
from assets.metadata import table_metadata
from pipelines.resources import SitrepResource


@dg.op(ins={"raw_articles": dg.In(dg.Nothing)}, out=dg.DynamicOut(list))
def plan_parse_batches(context: dg.OpExecutionContext, sitrep: SitrepResource):
    """One dynamic output per batch of pending article ids (none when nothing is new), the
    batches near-equal in text length, so the workers finish together."""
    # imported here, not at the top: loading the definitions (a UI, a run with nothing new) needs no spaCy
    from sitrep.stages.parse import pending, plan_batches

    todo = pending(sitrep.warehouse())
    ids = todo["article_id"].to_list()
    planned = plan_batches(ids, sitrep.nlp_processes, weights=todo["chars"].to_list())
    context.log.info(f"{len(ids)} articles to parse in {len(planned)} batch(es)")
    for i, batch in enumerate(planned):
        yield dg.DynamicOutput(batch, mapping_key=f"batch_{i}")


@dg.op
def parse_batch(context: dg.OpExecutionContext, sitrep: SitrepResource, ids: list) -> dict:
    """Parse one batch in this process (the executor supplies the parallelism), and read its
    events from the fresh parses, so extraction shares the parallel workers with the NLP."""
    from sitrep.stages.parse import parse

    summary = parse(sitrep.warehouse(), sitrep.spacy_model, today=date.today(), n_process=1,
                    batch_size=sitrep.nlp_batch_size, logger=context.log, ids=ids, extract=True)
    return asdict(summary)


@dg.op(out=dg.Out(dg.Nothing))
def record_parse(context: dg.OpExecutionContext, sitrep: SitrepResource, summaries: list) -> None:
    """Add the batches' figures up as the asset's metadata."""
    from sitrep.stages.parse import ParseSummary

    total = ParseSummary(0, 0, 0, 0, {})
    dated_from: dict[str, int] = {}
    for s in summaries:
        total = ParseSummary(total.parsed + s["parsed"], total.sentences + s["sentences"],
                             total.words + s["words"], total.places + s["places"], {})
        for key, n in s["dated_from"].items():
            dated_from[key] = dated_from.get(key, 0) + n
    frame = sitrep.warehouse().table("articles")
    context.add_output_metadata(table_metadata(
        frame, parsed_now=total.parsed, sentences=total.sentences, words=total.words,
        places=total.places, dated_from=dg.MetadataValue.json(dated_from),
        batches=len(summaries), spacy_model=sitrep.spacy_model,
    ))


@dg.graph_asset(
    key=keys.PARSED_ARTICLES, group_name="nlp", kinds={"spacy", "duckdb"},
    ins={"raw_articles": dg.AssetIn(key=keys.RAW_ARTICLES, dagster_type=dg.Nothing)},
    description="Articles with boilerplate removed, a title, outlet, wire agency and publication date, split "
    "into sentences and parsed by spaCy, and every place name resolved to the gazetteer: the "
    "input the event extractor reads.  Only new articles are parsed, in batches run in parallel.",
)
def parsed_articles(raw_articles):
    return record_parse(plan_parse_batches(raw_articles).map(parse_batch).collect())
