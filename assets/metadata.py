"""Materialisation metadata shared by every asset: row counts and a preview table."""

import dagster as dg
import polars as pl

PREVIEW_ROWS = 10
MAX_CELL = 80

def markdown_table(frame: pl.DataFrame, rows: int = PREVIEW_ROWS) -> str:
    """A small markdown table of the first rows (long cells cut), for the Dagster UI."""
    if frame.is_empty():
        return "_no rows_"
    head = frame.head(rows)

    def cell(value: object) -> str:
        text = "" if value is None else str(value)
        text = text.replace("|", "\\|").replace("\n", " ")
        return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"

    lines = ["| " + " | ".join(head.columns) + " |", "|" + "---|" * len(head.columns)]
    for row in head.iter_rows():
        lines.append("| " + " | ".join(cell(v) for v in row) + " |")
    return "\n".join(lines)

def table_metadata(frame: pl.DataFrame, **extra: object) -> dict[str, dg.MetadataValue | object]:
    meta: dict[str, object] = {
        "dagster/row_count": dg.MetadataValue.int(frame.height),
        "preview": dg.MetadataValue.md(markdown_table(frame)),
    }
    meta.update(extra)
    return meta
