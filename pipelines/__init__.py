"""Dagster definitions of sitrep: the entry point, resources, jobs, schedules and sensors."""
