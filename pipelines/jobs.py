"""The job that materialises every asset (and runs every check) once."""

import dagster as dg

ALL_ASSETS_JOB = "sitrep_all"

sitrep_all = dg.define_asset_job(
    ALL_ASSETS_JOB,
    selection=dg.AssetSelection.all(),
    description="Read the inbox, parse, extract, merge, count per week and publish.",
    tags={"sitrep/pipeline": "all"},
)
