"""parsed_articles: cleaned, dated and parsed articles with their places resolved.

The asset is a small graph: `plan_parse_batches` cuts the pending articles into independent
batches (a dynamic output each), `parse_batch` parses one batch, and `record_parse` adds the
figures up and runs the asset's two suites on the whole table.  Dagster's executor runs the
`parse_batch` steps side by side: here the multiprocess executor, one process per core; on a
cluster the Kubernetes or Celery executor, one pod or worker per batch.
"""

from dataclasses import asdict
from datetime import date

import dagster as dg

from assets import keys
from assets.checks import SPECS, table_checks
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


CHECK_OUTS = {spec.get_python_identifier(): spec for spec in SPECS[keys.PARSED_ARTICLES]}
"""The graph's check outputs, named as Dagster names them, each fed by `record_parse`."""


@dg.op(out={"result": dg.Out(dg.Nothing), **{name: dg.Out(dg.Nothing, is_required=False) for name in CHECK_OUTS}})
def record_parse(context: dg.OpExecutionContext, sitrep: SitrepResource, summaries: list):
    """Add the batches' figures up as the asset's metadata, then run the asset's suites on the
    table the batches wrote: in this step, not one of their own, which would cost a process."""
    from sitrep.stages.parse import ParseSummary

    total = ParseSummary(0, 0, 0, 0, {})
    dated_from: dict[str, int] = {}
    for s in summaries:
        total = ParseSummary(total.parsed + s["parsed"], total.sentences + s["sentences"],
                             total.words + s["words"], total.places + s["places"], {})
        for key, n in s["dated_from"].items():
            dated_from[key] = dated_from.get(key, 0) + n
    frame = sitrep.warehouse().table("articles")
    yield dg.Output(None, output_name="result", metadata=table_metadata(
        frame, parsed_now=total.parsed, sentences=total.sentences, words=total.words,
        places=total.places, dated_from=dg.MetadataValue.json(dated_from),
        batches=len(summaries), spacy_model=sitrep.spacy_model,
    ))
    yield from table_checks(context, sitrep, keys.PARSED_ARTICLES, frame)


@dg.graph_asset(
    key=keys.PARSED_ARTICLES, group_name="nlp", kinds={"spacy", "duckdb"},
    ins={"raw_articles": dg.AssetIn(key=keys.RAW_ARTICLES, dagster_type=dg.Nothing)},
    check_specs=SPECS[keys.PARSED_ARTICLES],
    description="Articles with boilerplate removed, a title, outlet, wire agency and publication date, split "
    "into sentences and parsed by spaCy, and every place name resolved to the gazetteer: the "
    "input the event extractor reads.  Only new articles are parsed, in batches run in parallel.",
)
def parsed_articles(raw_articles):
    recorded = record_parse(plan_parse_batches(raw_articles).map(parse_batch).collect())
    return {"result": recorded.result, **{name: getattr(recorded, name) for name in CHECK_OUTS}}
