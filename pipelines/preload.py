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
from sitrep.quality.runner import _batch_definition

warm(load_model(Settings().spacy_model))
get_gazetteer()
_batch_definition()  # the Great Expectations context: seconds to build, once instead of per check
