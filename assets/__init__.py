"""Dagster assets, one module per stage of SPEC §1; each is a thin wrapper over `sitrep.stages`."""
