"""Materialisation metadata shared by every asset: row counts and a preview table; charts."""

import base64

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

CHART_TABLE_WEEKS = 12

def chart_markdown(png: bytes, figures: pl.DataFrame, alt: str) -> str:
    """The chart as a Markdown image (a base64 `data:` URI, which the Dagster UI renders),
    then the figures behind it for the latest weeks, so the numbers can be read exactly."""
    image = base64.b64encode(png).decode("ascii")
    latest = figures.sort("week_start", descending=True).head(CHART_TABLE_WEEKS).sort("week_start")
    shown = f"the last {CHART_TABLE_WEEKS} weeks" if figures.height > CHART_TABLE_WEEKS else "every week"
    return (
        f"![{alt}](data:image/png;base64,{image})\n\n"
        f"Fatalities per week ({shown}):\n\n{markdown_table(latest, rows=CHART_TABLE_WEEKS)}"
    )
