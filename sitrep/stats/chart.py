"""Fatalities per week for the most affected provinces: the figures, and a PNG line chart of them.

The Dagster UI renders a Markdown image whose source is a base64 `data:` URI, so the chart can
travel inside the `weekly_conflict_stats` materialisation's metadata: nothing to serve, and each
materialisation keeps the picture of the figures it wrote.  Drawn with matplotlib's object API
(no pyplot, no global state), so it is safe in a Dagster step or a thread.
"""

from __future__ import annotations

import io

import polars as pl

TOP_PROVINCES = 5
MAX_DATE_TICKS = 12  # up to this many weeks every week gets a labelled tick


def province_label() -> pl.Expr:
    """`Ar Raqqah (SY-RA)`; a country-level row (no province) is `SY (country level)`."""
    return (
        pl.when(pl.col("admin1").is_null())
        .then(pl.col("country") + pl.lit(" (country level)"))
        .otherwise(pl.coalesce("admin1_name", "admin1") + pl.lit(" (") + pl.col("admin1") + pl.lit(")"))
        .alias("province")
    )


def top_provinces_weekly(weekly: pl.DataFrame, top: int = TOP_PROVINCES) -> pl.DataFrame:
    """`week_start` then one column per province, most fatalities over all weeks first.

    Every week from the first to the last is a row, a week without deaths in a province is 0
    (a gap in a line chart would read as "no data", not "no deaths").  Provinces whose total is
    0 are left out.  Ties are broken by name, so the same table always gives the same chart.
    """
    if weekly.is_empty():
        return pl.DataFrame(schema={"week_start": pl.Date})
    per_week = (
        weekly.with_columns(province_label())
        .group_by("week_start", "province")
        .agg(pl.col("fatalities").fill_null(0).sum())
    )
    totals = (
        per_week.group_by("province").agg(pl.col("fatalities").sum().alias("total"))
        .filter(pl.col("total") > 0)
        .sort(["total", "province"], descending=[True, False])
        .head(top)
    )
    provinces = totals["province"].to_list()
    weeks = pl.DataFrame({
        "week_start": pl.date_range(
            weekly["week_start"].min(), weekly["week_start"].max(), interval="1w", eager=True
        )
    })
    if not provinces:
        return weeks
    wide = (
        per_week.filter(pl.col("province").is_in(provinces))
        .pivot(on="province", index="week_start", values="fatalities")
    )
    return (
        weeks.join(wide, on="week_start", how="left")
        .select("week_start", *[pl.col(p).fill_null(0).cast(pl.Int64) for p in provinces])
        .sort("week_start")
    )


def fatalities_chart_png(wide: pl.DataFrame, title: str = "Fatalities per week, most affected provinces") -> bytes:
    """A PNG line chart of `top_provinces_weekly`'s table (one line per province)."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 3.8), dpi=100)
    ax = fig.subplots()
    weeks = wide["week_start"].to_list()
    provinces = [c for c in wide.columns if c != "week_start"]
    for province in provinces:
        ax.plot(weeks, wide[province].to_list(), marker="o", linewidth=1.8, label=province)
    if not provinces:
        ax.text(0.5, 0.5, "no fatalities counted", ha="center", va="center", transform=ax.transAxes)
    if 0 < len(weeks) <= MAX_DATE_TICKS:
        ax.set_xticks(weeks, [w.isoformat() for w in weeks], rotation=30, ha="right", fontsize=8)
    elif weeks:
        locator = AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.set_ylim(bottom=0)
    ax.set_ylabel("fatalities")
    ax.set_xlabel("week starting")
    ax.set_title(title, fontsize=11)
    ax.grid(True, alpha=0.3)
    if provinces:
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    return buffer.getvalue()
