"""published_datasets: the Parquet release analysts are handed, with its manifest."""

import dagster as dg

from assets import keys
from pipelines.resources import SitrepResource
from sitrep.nlp.extract import EXTRACTOR_VERSION
from sitrep.stages.aggregate import published_frames
from sitrep.store.objectstore import upload_release
from sitrep.store.publish import publish

@dg.asset(
    key=keys.PUBLISHED_DATASETS,
    deps=[keys.PARSED_ARTICLES, keys.EVENT_MENTIONS, keys.EVENTS, keys.WEEKLY_CONFLICT_STATS, keys.ACLED_WEEKLY],
    group_name="publish",
    kinds={"parquet"},
)
def published_datasets(context: dg.AssetExecutionContext, sitrep: SitrepResource) -> dg.MaterializeResult:
    """The five published tables as Parquet under `published/<table>/` with a manifest of row
    counts, checksums, schema and versions, swapped in atomically so readers never see half."""
    frames = published_frames(sitrep.warehouse())
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
    return dg.MaterializeResult(metadata={**remote,
        "path": dg.MetadataValue.path(str(folder)),
        "release": manifest["release"],
        "changed": changed,
        "rows": dg.MetadataValue.json({k: v["rows"] for k, v in manifest["tables"].items()}),
    })
