"""What the multiprocess executor's fork server imports once, before forking every step.

Importing the definitions (Dagster, polars, DuckDB, Great Expectations, spaCy) and loading the
spaCy model with its gazetteer and the Great Expectations context here means each step process starts from a copy of a warm
interpreter; a failure here only costs speed (the fork server ignores preload errors and each
step then loads what it needs itself).
"""

import datasketch  # noqa: F401  (the near-duplicate signatures, in every parse step)
import matplotlib.dates  # noqa: F401  (the weekly chart)
import matplotlib.figure  # noqa: F401

import sitrep.stages.aggregate  # noqa: F401  (the assets import their stages when they run)
import sitrep.stages.extract  # noqa: F401
import sitrep.stages.parse  # noqa: F401
from pipelines.definitions import defs  # noqa: F401  (the import is the point)
from sitrep.config import Settings
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.nlp.geoparse import warm
from sitrep.nlp.model import load_model
from sitrep.quality.derived import iso_country_codes, iso_subdivision_codes
from sitrep.quality.runner import _batch_definition


def _instance_storage_modules() -> None:
    """Import the modules of the Dagster instance's storages (SQLite by default, Postgres on a
    team's setup), as `$DAGSTER_HOME/dagster.yaml` names them.  Every step process rebuilds the
    instance from its reference, and without this each one first imports the storage layer
    (SQLAlchemy, Alembic): a few tenths of a second per step, nine steps a run."""
    import importlib
    import os

    home = os.environ.get("DAGSTER_HOME")
    if not home:
        return
    from dagster._core.instance.ref import InstanceRef

    ref = InstanceRef.from_dir(home)
    for data in (ref.storage_data, ref.run_storage_data, ref.event_storage_data, ref.schedule_storage_data,
                 ref.compute_logs_data, ref.run_coordinator_data, ref.run_launcher_data,
                 ref.local_artifact_storage_data):
        if data is not None:
            importlib.import_module(data.module_name)
    import alembic.runtime.migration  # noqa: F401  (each storage compares its schema revision)
    import alembic.script  # noqa: F401


warm(load_model(Settings().spacy_model))
get_gazetteer()
_batch_definition()  # the Great Expectations context: seconds to build, once instead of per check
iso_country_codes()  # pycountry's ISO 3166 tables, which the checks of three steps read
iso_subdivision_codes()
_instance_storage_modules()  # last: a broken dagster.yaml fails the run with its own message, not here
