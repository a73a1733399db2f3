"""The one Dagster entry point: `dagster dev` (via workspace.yaml) and `sitrep run` load this."""

import dagster as dg

from assets.extraction import event_mentions
from assets.ingest import raw_articles
from assets.merging import events
from assets.nlp import parsed_articles
from assets.publishing import published_datasets
from assets.statistics import weekly_tables
from pipelines.forkserver import PRELOAD
from pipelines.jobs import ALL_ASSETS_JOB, sitrep_all
from pipelines.resources import SitrepResource
from pipelines.schedules import daily_refresh
from pipelines.sensors import inbox_sensor

ASSETS = [raw_articles, parsed_articles, event_mentions, events, weekly_tables, published_datasets]


def executor(processes: int) -> dg.ExecutorDefinition:
    """Steps in parallel processes, `processes` at a time (the NLP batches fill every core).

    Processes are forked from a server that has imported sitrep and loaded the spaCy model once
    (`pipelines.preload`), so a step starts in a fraction of a second instead of re-importing
    Dagster, Great Expectations and spaCy.  With one process, steps run in the run's own.
    """
    if processes <= 1:
        return dg.in_process_executor
    return dg.multiprocess_executor.configured({
        "max_concurrent": max(1, processes),
        "start_method": {"forkserver": {"preload_modules": [PRELOAD]}},
    })


def build_definitions(resource: SitrepResource | None = None) -> dg.Definitions:
    resource = resource or SitrepResource.from_settings()
    return dg.Definitions(
        assets=ASSETS,
        jobs=[sitrep_all],
        schedules=[daily_refresh],
        sensors=[inbox_sensor],
        resources={"sitrep": resource},
        executor=executor(resource.nlp_processes),
    )


defs = build_definitions()


def sitrep_all_job() -> dg.JobDefinition:
    """The job every step process can rebuild (`dg.reconstructable`), with the settings of the
    environment at the time of the call (which the steps inherit), not of the first import."""
    return build_definitions().resolve_job_def(ALL_ASSETS_JOB)
