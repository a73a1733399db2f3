"""Run an expectation suite on a polars frame with an in-memory Great Expectations context.

    outcome = validate(frame, "event_mentions", texts=raw_articles)
    outcome.success, outcome.failures, outcome.markdown

The frame is converted to pandas and validated through one ephemeral GX context per process
(created on first use; analytics and progress bars off, nothing written to disk, no network).
Suites may use `{"$PARAMETER": "today"}`, `{"$PARAMETER": "earliest_date"}` and
`{"$PARAMETER": "iso_country_codes"}`; `default_parameters()` supplies them and `parameters=`
overrides them.  Dates (`datetime.date`, `datetime`, ISO strings) become pandas Timestamps:
polars Date columns arrive in pandas as datetime64, and GX compares a datetime64 column with a
`datetime.date` or a string by raising (the expectation then fails with an error).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import polars as pl

from sitrep.quality import derived
from sitrep.quality.suites import ORDER_KEY, is_review, load_suite, load_suite_dict, suite_path
from sitrep.text.published import EARLIEST_PLAUSIBLE

# Belt and braces: GX reads this when a context does not say; ours says analytics_enabled=False.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

PARTIAL_UNEXPECTED_COUNT = 5
EARLIEST_DATE = EARLIEST_PLAUSIBLE  # a date before this is a parsing error, not old news
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LOCK = threading.Lock()


@dataclass
class CheckOutcome:
    """What one suite said about one frame, shaped for a Dagster asset check."""

    success: bool
    n_expectations: int
    n_failed: int
    failures: list[dict[str, Any]]
    markdown: str
    raw: dict[str, Any]
    suite_name: str = ""
    blocking: bool = True  # False for `<stage>_review` suites: their failures warn
    n_rows: int = 0
    seconds: float = 0.0
    parameters: dict[str, Any] = field(default_factory=dict)
    result: Any = field(default=None, repr=False, compare=False)  # the GX result, for Data Docs

    def summary(self) -> str:
        kind = "blocking" if self.blocking else "review"
        passed = self.n_expectations - self.n_failed
        return (
            f"{self.suite_name} ({kind}): {passed}/{self.n_expectations} expectations passed "
            f"on {self.n_rows:,} rows"
        )


# ---------------------------------------------------------------------------------------------
# Parameters


def latest_today() -> dt.date:
    """Today's date where it is latest on Earth (UTC+14).

    A report filed just after midnight in Damascus is dated "tomorrow" on a UTC clock; "not
    in the future" must not flag it.
    """
    return (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=14)).date()


def default_parameters() -> dict[str, Any]:
    return {
        "today": latest_today(),
        "earliest_date": EARLIEST_DATE,
        "iso_country_codes": sorted(derived.iso_country_codes()),
    }


def _to_gx_value(value: Any) -> Any:
    import pandas as pd

    if isinstance(value, str) and _ISO_DATE.match(value):
        return pd.Timestamp(dt.date.fromisoformat(value))
    if isinstance(value, dt.datetime):
        ts = pd.Timestamp(value)
        return ts.tz_convert("UTC").tz_localize(None) if ts.tzinfo is not None else ts
    if isinstance(value, dt.date):
        return pd.Timestamp(value)
    return value


def _resolve_parameters(parameters: Mapping[str, Any] | None) -> dict[str, Any]:
    merged = default_parameters() | dict(parameters or {})
    return {key: _to_gx_value(value) for key, value in merged.items()}


# ---------------------------------------------------------------------------------------------
# GX context (one per process)


@lru_cache(maxsize=1)
def _batch_definition():
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(),
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
    )
    context = gx.get_context(mode="ephemeral", project_config=config)
    source = context.data_sources.add_pandas("sitrep")
    asset = source.add_dataframe_asset("frame")
    return asset.add_batch_definition_whole_dataframe("whole_frame")


@lru_cache(maxsize=32)
def _suite(name: str, path: str, mtime_ns: int):
    return load_suite(name)


def _cached_suite(name: str):
    path = suite_path(name)
    return _suite(name, str(path), path.stat().st_mtime_ns)


# ---------------------------------------------------------------------------------------------
# Validation


def validate(
    frame: pl.DataFrame,
    suite_name: str,
    parameters: dict[str, Any] | None = None,
    *,
    texts: Mapping[str, str] | pl.DataFrame | None = None,
    bbox_of: derived.BBoxOf | None = None,
) -> CheckOutcome:
    """Validate `frame` against the suite `expectations/<suite_name>.json`.

    `parameters` override the suite parameters (`today` above all).  The helper columns the
    suite lists in `meta.derived` are added unless the frame has them: `texts` (article_id ->
    text, or the raw_articles frame) is needed for `evidence_matches_text`, `bbox_of` replaces
    the gazetteer's country boxes for `coords_in_country`.
    """
    started = time.perf_counter()
    spec = load_suite_dict(suite_name)
    suite = _cached_suite(suite_name)
    suite_meta = spec.get("meta") or {}
    frame = derived.add_derived(
        frame, suite_meta.get("derived", []), texts=texts, bbox_of=bbox_of
    )
    params = _resolve_parameters(parameters)
    pdf = frame.to_pandas()
    with _LOCK:
        batch = _batch_definition().get_batch(batch_parameters={"dataframe": pdf})
        result = batch.validate(
            suite,
            expectation_parameters=params,
            result_format={
                "result_format": "SUMMARY",
                "partial_unexpected_count": PARTIAL_UNEXPECTED_COUNT,
            },
        )
    raw = _json_safe(result.to_json_dict())
    keys = _as_list(suite_meta.get("key"))
    results = sorted(
        raw.get("results", []),
        key=lambda r: ((r.get("expectation_config") or {}).get("meta") or {}).get(ORDER_KEY, 0),
    )
    raw["results"] = results
    rows = [_row_report(r, frame, keys) for r in results]
    failures = [row for row in rows if not row["success"]]
    blocking = not is_review(suite_name)
    outcome = CheckOutcome(
        success=bool(result.success),
        n_expectations=len(rows),
        n_failed=len(failures),
        failures=failures,
        markdown="",
        raw=raw,
        suite_name=suite_name,
        blocking=blocking,
        n_rows=frame.height,
        parameters={k: v for k, v in _json_safe(params).items() if not isinstance(v, list)},
        result=result,
    )
    outcome.seconds = time.perf_counter() - started
    outcome.markdown = render_markdown(outcome, rows, keys)
    return outcome


def _row_report(res: dict[str, Any], frame: pl.DataFrame, keys: list[str]) -> dict[str, Any]:
    config = res.get("expectation_config") or {}
    kwargs = config.get("kwargs") or {}
    meta = config.get("meta") or {}
    result = res.get("result") or {}
    columns = _columns_of(kwargs)
    report: dict[str, Any] = {
        "success": bool(res.get("success")),
        "expectation_type": config.get("type"),
        "columns": columns,
        "severity": config.get("severity", "critical"),
        "unexpected_count": result.get("unexpected_count"),
        "unexpected_percent": result.get("unexpected_percent"),
        "partial_unexpected": _partial(result, columns, frame),
        "observed_value": _tidy(result.get("observed_value")),
        "element_count": result.get("element_count"),
        "why": meta.get("why", ""),
        "exception": _exception_message(res.get("exception_info")),
    }
    mismatched = (result.get("details") or {}).get("mismatched")
    if isinstance(mismatched, dict):  # table column checks: which columns are missing or extra
        report["missing_columns"] = list(mismatched.get("missing") or [])
        if kwargs.get("exact_match", True) is not False:
            report["unexpected_columns"] = list(mismatched.get("unexpected") or [])
    if not report["success"]:
        show = _dedupe(keys + list(meta.get("context_columns", [])) + columns)
        show = [c for c in show if c in frame.columns and c not in derived.DERIVED_COLUMNS]
        idx = [i for i in result.get("partial_unexpected_index_list") or [] if isinstance(i, int)]
        if show and idx:
            report["rows"] = _json_safe(
                frame.select(show)[idx[:PARTIAL_UNEXPECTED_COUNT]].to_dicts()
            )
    return report


# ---------------------------------------------------------------------------------------------
# Markdown


def render_markdown(
    outcome: CheckOutcome, rows: list[dict[str, Any]], keys: list[str] | None = None
) -> str:
    keys = keys or []
    kind = "blocking" if outcome.blocking else "review (warns)"
    passed = outcome.n_expectations - outcome.n_failed
    lines = [
        f"**{outcome.suite_name}** ({kind}): {passed}/{outcome.n_expectations} passed "
        f"on {outcome.n_rows:,} rows",
        "",
        "| | Expectation | Column(s) | Unexpected | Examples | Why |",
        "|---|---|---|---|---|---|",
    ]
    fail_mark = "❌" if outcome.blocking else "⚠️"
    for row in rows:
        mark = "✅" if row["success"] else fail_mark
        name = (row["expectation_type"] or "").removeprefix("expect_")
        cols = ", ".join(row["columns"]) or "(table)"
        if row["exception"]:
            unexpected = "error"
            examples = row["exception"][:120]
        elif row["unexpected_count"] is not None:
            pct = row["unexpected_percent"]
            unexpected = f"{row['unexpected_count']:,}"
            if row["unexpected_count"] and pct is not None:
                unexpected += f" ({pct:.1f}%)"
            examples = ", ".join(_short(v) for v in row["partial_unexpected"][:3])
            if not row["success"] and row.get("rows"):
                examples = "; ".join(_format_row(r, keys) for r in row["rows"][:2])
        elif row.get("missing_columns") or row.get("unexpected_columns"):
            unexpected = "columns"
            parts = []
            if row.get("missing_columns"):
                parts.append("missing: " + ", ".join(row["missing_columns"]))
            if row.get("unexpected_columns"):
                parts.append("not in contract: " + ", ".join(row["unexpected_columns"]))
            examples = "; ".join(parts)
        else:
            unexpected = "" if row["success"] else "observed"
            examples = "" if row["success"] else _short(row["observed_value"])
        lines.append(
            f"| {mark} | `{name}` | {_cell(cols)} | {unexpected} | {_cell(examples)} "
            f"| {_cell(row['why'])} |"
        )
    return "\n".join(lines)


def _format_row(row: dict[str, Any], keys: list[str]) -> str:
    """`a3f9…-1-0: admin1=SY-XX, country=SY` — the row's key, then the values that failed."""
    key = "/".join(_short(row[k], 24) for k in keys if k in row and row[k] is not None)
    rest = ", ".join(f"{k}={_short(v, 24)}" for k, v in row.items() if k not in keys)
    return _short(f"{key}: {rest}" if key and rest else key or rest, 100)


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _short(value: Any, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------------------------
# Helpers


def _partial(result: dict[str, Any], columns: list[str], frame: pl.DataFrame) -> list[Any]:
    """A few unexpected values; integers stay integers (pandas made nullable ints floats)."""
    values = [_tidy(v) for v in result.get("partial_unexpected_list") or []]
    if len(columns) == 1 and columns[0] in frame.columns and frame.schema[columns[0]].is_integer():
        values = [int(v) if isinstance(v, float) and v.is_integer() else v for v in values]
    return values


def _exception_message(info: Any) -> str | None:
    """GX reports an expectation's error flat, or (a metric failed) keyed by metric id."""
    if not isinstance(info, dict):
        return None
    if "raised_exception" in info or "exception_message" in info:
        return info.get("exception_message") if info.get("raised_exception") else None
    for value in info.values():
        message = _exception_message(value)
        if message:
            return message
    return None


def _columns_of(kwargs: dict[str, Any]) -> list[str]:
    if "column" in kwargs:
        return [kwargs["column"]]
    if "column_A" in kwargs:
        return [kwargs["column_A"], kwargs["column_B"]]
    if "column_list" in kwargs:
        return list(kwargs["column_list"])
    return []


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


_MIDNIGHT = re.compile(r"^(\d{4}-\d{2}-\d{2})T00:00:00(\.0+)?$")


def _tidy(value: Any) -> Any:
    """Show a Date that went through pandas as a date again: '2030-01-01T00:00:00' -> '2030-01-01'."""
    if isinstance(value, str):
        m = _MIDNIGHT.match(value)
        return m.group(1) if m else value
    if isinstance(value, list):
        return [_tidy(v) for v in value]
    return value


def _json_safe(value: Any) -> Any:
    """Plain JSON: NaN -> None, dates -> ISO strings, tuples -> lists, unknown -> str."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_json_safe(v) for v in value]
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, (dt.datetime, dt.date)):  # includes pandas Timestamp and NaT
        return None if str(value) == "NaT" else _tidy(value.isoformat())
    if hasattr(value, "item"):  # numpy scalar
        return _json_safe(value.item())
    return str(value)
