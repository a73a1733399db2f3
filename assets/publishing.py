"""published_datasets: the Parquet release analysts are handed, with its manifest."""

import dagster as dg

from assets import keys
from pipelines.resources import SitrepResource
from sitrep.stages import freshness
from sitrep.stages.aggregate import published_frames
from sitrep.store.objectstore import upload_release
from sitrep.store.publish import publish

def _whole_pipeline(context: dg.AssetExecutionContext) -> bool:
    """Whether this run materialised every asset, not a hand-picked subset in the UI (whose
    upstream tables may be older than its articles)."""
    selected = context.run.asset_selection
    return not selected or keys.PIPELINE <= set(selected)  # none or empty: the whole job


@dg.asset(
    key=keys.PUBLISHED_DATASETS,
    deps=[keys.PARSED_ARTICLES, keys.EVENT_MENTIONS, keys.EVENTS, keys.WEEKLY_CONFLICT_STATS, keys.ACLED_WEEKLY],
    group_name="publish",
    kinds={"parquet"},
)
def published_datasets(context: dg.AssetExecutionContext, sitrep: SitrepResource) -> dg.MaterializeResult:
    """The five published tables as Parquet under `published/<table>/` with a manifest of row
    counts, checksums, schema and versions, swapped in atomically so readers never see half."""
    # imported here, not at the top: loading the definitions (a UI, a run with nothing new) needs no spaCy
    from sitrep.nlp.extract import EXTRACTOR_VERSION

    warehouse = sitrep.warehouse()
    stamp = freshness.inputs_stamp(warehouse, sitrep.settings())  # raw_articles is not written after ingest
    frames = published_frames(warehouse)
    folder, manifest, changed = publish(
        frames, sitrep.data_path,
        {"extractor_version": EXTRACTOR_VERSION, "spacy_model": sitrep.spacy_model, "week_scheme": sitrep.week_scheme},
    )
    context.log.info(f"published {folder} ({'new release' if changed else 'unchanged'})")
    remote = {}
    if sitrep.publish_uri:  # a copy in object storage, manifest written last
        key, uploaded = upload_release(folder.resolve(), sitrep.publish_uri)
        context.log.info(f"{sitrep.publish_uri}: {'uploaded' if uploaded else 'already current'} ({key})")
        remote = {"remote": dg.MetadataValue.text(sitrep.publish_uri), "remote_uploaded": uploaded}
    if _whole_pipeline(context):  # a release from every stage of this run: the next may skip them all
        freshness.record_published(warehouse, stamp)
    return dg.MaterializeResult(metadata={**remote,
        "path": dg.MetadataValue.path(str(folder)),
        "release": manifest["release"],
        "changed": changed,
        "rows": dg.MetadataValue.json({k: v["rows"] for k, v in manifest["tables"].items()}),
    })
