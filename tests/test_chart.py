"""The weekly fatalities chart: which provinces, which weeks, and a real PNG."""

from __future__ import annotations

import datetime as dt
import io

import polars as pl
from PIL import Image

from assets.metadata import chart_markdown
from sitrep import schema
from sitrep.stats.chart import fatalities_chart_png, top_provinces_weekly

W1, W2, W3, W4 = (dt.date(2023, 3, 4) + dt.timedelta(weeks=i) for i in range(4))


def weekly(rows: list[tuple]) -> pl.DataFrame:
    keys = ["week_start", "country", "admin1", "admin1_name", "event_type", "fatalities"]
    return schema.conform(pl.DataFrame([dict(zip(keys, r)) for r in rows]), schema.WEEKLY_CONFLICT_STATS)


FRAME = weekly([
    (W1, "SY", "SY-RA", "Ar Raqqah", "Battles", 12),
    (W1, "SY", "SY-RA", "Ar Raqqah", "Explosions/Remote violence", 3),  # same province, summed
    (W1, "IQ", None, None, "Battles", 40),                               # country level
    (W2, "SY", "SY-ID", "Idlib", "Battles", 9),
    (W4, "SY", "SY-RA", "Ar Raqqah", "Battles", 30),                     # W3 has no events at all
    (W4, "YE", "YE-TA", "Tāʻizz", "Battles", 2),
    (W4, "SY", "SY-HI", "Ḩimş", "Battles", 0),                           # no deaths: not charted
])


def test_most_affected_provinces_first_every_week_zero_filled():
    wide = top_provinces_weekly(FRAME, top=3)
    assert wide.columns == ["week_start", "Ar Raqqah (SY-RA)", "IQ (country level)", "Idlib (SY-ID)"]
    assert wide["week_start"].to_list() == [W1, W2, W3, W4]
    assert wide["Ar Raqqah (SY-RA)"].to_list() == [15, 0, 0, 30]
    assert wide["IQ (country level)"].to_list() == [40, 0, 0, 0]
    assert wide["Idlib (SY-ID)"].to_list() == [0, 9, 0, 0]


def test_provinces_without_deaths_are_left_out():
    assert "Ḩimş (SY-HI)" not in top_provinces_weekly(FRAME, top=10).columns
    assert top_provinces_weekly(schema.empty_frame(schema.WEEKLY_CONFLICT_STATS)).columns == ["week_start"]


def test_chart_is_a_png_embedded_with_its_figures():
    wide = top_provinces_weekly(FRAME)
    png = fatalities_chart_png(wide)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.width >= 600 and image.height >= 250
    colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert len(colours) > 20  # lines, labels and a legend were drawn, not a blank canvas
    md = chart_markdown(png, wide, alt="chart")
    assert md.startswith("![chart](data:image/png;base64,")
    assert "| week_start | Ar Raqqah (SY-RA) |" in md and "| 2023-03-25 | 30 |" in md
