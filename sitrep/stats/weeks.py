"""Week keys: ACLED weeks (Saturday to Friday, keyed by the Saturday) or ISO weeks (Monday)."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl

SATURDAY = 5


def week_start(day: date, scheme: str = "acled") -> date:
    if scheme == "iso":
        return day - timedelta(days=day.weekday())
    if scheme == "acled":
        return day - timedelta(days=(day.weekday() - SATURDAY) % 7)
    raise ValueError(f"unknown week scheme {scheme!r}: use 'acled' or 'iso'")


def week_start_expr(column: str, scheme: str = "acled") -> pl.Expr:
    """The same rule as `week_start`, as a polars expression (weekday(): Monday=1 .. Sunday=7)."""
    col = pl.col(column)
    if scheme == "iso":
        return col - pl.duration(days=col.dt.weekday() - 1)
    if scheme == "acled":
        return col - pl.duration(days=(col.dt.weekday() - 6) % 7)
    raise ValueError(f"unknown week scheme {scheme!r}: use 'acled' or 'iso'")
