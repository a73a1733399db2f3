"""Helper columns the suites read but Great Expectations cannot compute by itself.

Each `add_*` function is pure: it takes a polars frame (with the contract's columns) and returns
it with one more Boolean column, True where the row passes the rule.  A rule that cannot apply
to a row (no province named, no coordinates) passes there; the suites check presence separately.
The suites name the columns they need in their `meta.derived` list and `add_derived` adds them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

import polars as pl

from sitrep.schema import HEADLINE_SENTENCE

BBox = tuple[float, float, float, float]  # (min_lat, min_lon, max_lat, max_lon)
BBoxOf = Callable[[str], BBox | None]

# Codes outside ISO 3166-1 that the gazetteer (GeoNames), ACLED and the EU use for a real place.
USER_ASSIGNED_COUNTRIES = frozenset({"XK"})  # Kosovo

# Coordinates may sit this far (degrees, ~10 km) outside a country's box: gazetteer rounding.
BBOX_MARGIN_DEG = 0.1


@lru_cache(maxsize=1)
def iso_country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes per pycountry, plus the user-assigned codes we accept."""
    import pycountry

    return frozenset(c.alpha_2 for c in pycountry.countries) | USER_ASSIGNED_COUNTRIES


@lru_cache(maxsize=1)
def iso_subdivision_codes() -> frozenset[str]:
    """Every ISO 3166-2 code pycountry knows (`SY-RA`, `IQ-NI`, ...)."""
    import pycountry

    return frozenset(s.code for s in pycountry.subdivisions)


# ---------------------------------------------------------------------------------------------
# admin1_matches_country


def add_admin1_matches_country(
    frame: pl.DataFrame, *, admin1: str = "admin1", country: str = "country"
) -> pl.DataFrame:
    """`admin1_matches_country`: admin1 is null, or a real ISO 3166-2 code of the row's country.

    "SY-XX" (no such province) and "IQ-NI" on a row whose country is "SY" both fail, and so
    does a province on a row with no country.
    """
    codes = pl.Series(sorted(iso_subdivision_codes()), dtype=pl.String)
    a1 = pl.col(admin1)
    ok = a1.is_null() | (
        a1.is_in(codes.implode()) & (a1.str.split_exact("-", 1).struct.field("field_0") == pl.col(country))
    )
    return frame.with_columns(ok.fill_null(False).alias("admin1_matches_country"))


# ---------------------------------------------------------------------------------------------
# coords_in_country


def default_bbox_of() -> BBoxOf:
    """The gazetteer's `country_bbox`."""
    from sitrep.geo.gazetteer import get_gazetteer

    return get_gazetteer().country_bbox


def add_coords_in_country(
    frame: pl.DataFrame,
    bbox_of: BBoxOf | None = None,
    *,
    margin_deg: float = BBOX_MARGIN_DEG,
    country: str = "country",
    latitude: str = "latitude",
    longitude: str = "longitude",
) -> pl.DataFrame:
    """`coords_in_country`: the point lies inside its country's bounding box.

    `bbox_of(cc)` gives `(min_lat, min_lon, max_lat, max_lon)` or None; by default the
    gazetteer's. Rows without a point or a country, and countries with no known box, pass.
    A box whose min_lon > max_lon crosses the antimeridian (Fiji, Russia) and is read so.
    """
    if bbox_of is None:
        bbox_of = default_bbox_of()
    countries = frame.get_column(country).drop_nulls().unique().to_list() if frame.height else []
    rows = []
    for cc in countries:
        box = bbox_of(cc) if bbox_of is not None else None
        if box is not None:
            min_lat, min_lon, max_lat, max_lon = (float(v) for v in box)
            rows.append((cc, min_lat, min_lon, max_lat, max_lon))
    boxes = pl.DataFrame(
        rows,
        schema={
            country: pl.String,
            "__min_lat": pl.Float64,
            "__min_lon": pl.Float64,
            "__max_lat": pl.Float64,
            "__max_lon": pl.Float64,
        },
        orient="row",
    )
    lat, lon, m = pl.col(latitude), pl.col(longitude), margin_deg
    lat_ok = lat.is_between(pl.col("__min_lat") - m, pl.col("__max_lat") + m)
    plain_lon_ok = lon.is_between(pl.col("__min_lon") - m, pl.col("__max_lon") + m)
    wrapped_lon_ok = (lon >= pl.col("__min_lon") - m) | (lon <= pl.col("__max_lon") + m)
    lon_ok = (
        pl.when(pl.col("__min_lon") <= pl.col("__max_lon"))
        .then(plain_lon_ok)
        .otherwise(wrapped_lon_ok)
    )
    unknown = lat.is_null() | lon.is_null() | pl.col("__min_lat").is_null()
    flags = (
        frame.select(pl.col(country).cast(pl.String), lat, lon)
        .join(boxes, on=country, how="left", maintain_order="left")
        .select((unknown | (lat_ok & lon_ok)).fill_null(False).alias("coords_in_country"))
    )
    return frame.with_columns(flags.get_column("coords_in_country"))


# ---------------------------------------------------------------------------------------------
# evidence_matches_text


def _texts_frame(texts: Mapping[str, str] | pl.DataFrame) -> pl.DataFrame:
    if isinstance(texts, pl.DataFrame):
        title = pl.col("title").cast(pl.String) if "title" in texts.columns else pl.lit(None, pl.String).alias("title")
        out = texts.select(pl.col("article_id").cast(pl.String), pl.col("text").cast(pl.String), title)
    else:
        out = pl.DataFrame(
            {"article_id": list(texts.keys()), "text": list(texts.values()), "title": [None] * len(texts)},
            schema={"article_id": pl.String, "text": pl.String, "title": pl.String},
        )
    return out.unique(subset="article_id", keep="first").rename({"text": "__text", "title": "__title"})


def add_evidence_matches_text(
    frame: pl.DataFrame, texts: Mapping[str, str] | pl.DataFrame
) -> pl.DataFrame:
    """`evidence_matches_text`: `text[char_start:char_end] == evidence` in the article as read.

    `texts` maps article_id to the article's text (a dict, or a frame with `article_id` and
    `text`, such as `raw_articles`). Offsets count characters (code points), as Python slicing
    does. A mention whose article is unknown, whose offsets are missing, reversed or past the
    end, or whose evidence is missing, fails.  A mention read from the headline
    (`sentence_index` -1, no offsets) passes when its evidence is the article's title, its
    whitespace collapsed, as it was read (`texts` must then be a frame with a `title` column).
    """
    start, end, text = pl.col("char_start"), pl.col("char_end"), pl.col("__text")
    length = (end - start).clip(lower_bound=0)
    in_text = (
        text.is_not_null()
        & pl.col("evidence").is_not_null()
        & (start >= 0)
        & (end >= start)
        & (end <= text.str.len_chars())
        & (text.str.slice(start.clip(lower_bound=0), length) == pl.col("evidence"))
    )
    headline = pl.col("__title").str.replace_all(r"\s+", " ").str.strip_chars()
    in_headline = (
        (pl.col("sentence_index") == HEADLINE_SENTENCE) & start.is_null() & end.is_null()
        & (headline == pl.col("evidence"))
    )
    ok = in_text.fill_null(False) | in_headline.fill_null(False)
    if "sentence_index" not in frame.columns:
        frame = frame.with_columns(pl.lit(None, pl.Int64).alias("sentence_index"))
    flags = (
        frame.select("article_id", "sentence_index", "char_start", "char_end", "evidence")
        .join(_texts_frame(texts), on="article_id", how="left", maintain_order="left")
        .select(ok.fill_null(False).alias("evidence_matches_text"))
    )
    return frame.with_columns(flags.get_column("evidence_matches_text"))


# ---------------------------------------------------------------------------------------------
# published_date_matches_source


def add_published_date_matches_source(frame: pl.DataFrame) -> pl.DataFrame:
    """`published_date_matches_source`: the date is null exactly when its source is `unknown`."""
    ok = pl.col("published_date").is_null() == (pl.col("published_from") == "unknown")
    return frame.with_columns(ok.fill_null(False).alias("published_date_matches_source"))


# ---------------------------------------------------------------------------------------------
# sub_event_matches_type

# ACLED's codebook: each sub-event type belongs to one event type.  The suites list the same
# vocabulary in their in-set checks (a test keeps the two in step).  The check is computed here
# because GX's expect_column_pair_values_to_be_in_set loops over rows in Python (iterrows):
# about 0.1 ms a row, 10 s for 100k mentions.
ACLED_SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
}


def add_sub_event_matches_type(frame: pl.DataFrame) -> pl.DataFrame:
    """`sub_event_matches_type`: the sub-event type is one of its event type's (or either is null).

    An "Air/drone strike" coded as "Battles" fails; unknown names fail here too, but the suites'
    in-set checks name them.
    """
    pairs = pl.DataFrame(
        [(t, s) for t, subs in ACLED_SUB_EVENT_TYPES.items() for s in subs],
        schema={"event_type": pl.String, "sub_event_type": pl.String},
        orient="row",
    ).with_columns(__pair_ok=pl.lit(True))
    flags = (
        frame.select(pl.col("event_type").cast(pl.String), pl.col("sub_event_type").cast(pl.String))
        .join(pairs, on=["event_type", "sub_event_type"], how="left", maintain_order="left")
        .select(
            (
                pl.col("event_type").is_null()
                | pl.col("sub_event_type").is_null()
                | pl.col("__pair_ok").fill_null(False)
            ).alias("sub_event_matches_type")
        )
    )
    return frame.with_columns(flags.get_column("sub_event_matches_type"))


# ---------------------------------------------------------------------------------------------

DERIVED_COLUMNS = (
    "admin1_matches_country",
    "coords_in_country",
    "evidence_matches_text",
    "published_date_matches_source",
    "sub_event_matches_type",
)


def add_derived(
    frame: pl.DataFrame,
    names: Iterable[str],
    *,
    texts: Mapping[str, str] | pl.DataFrame | None = None,
    bbox_of: BBoxOf | None = None,
) -> pl.DataFrame:
    """Add each named helper column the frame does not already have.

    A column already present is kept as the caller computed it.  `evidence_matches_text`
    needs `texts`; asking for it without them is an error rather than a silent pass.
    """
    for name in names:
        if name in frame.columns:
            continue
        if name == "admin1_matches_country":
            frame = add_admin1_matches_country(frame)
        elif name == "coords_in_country":
            frame = add_coords_in_country(frame, bbox_of)
        elif name == "evidence_matches_text":
            if texts is None:
                raise ValueError(
                    "evidence_matches_text needs the article texts: pass texts= (a mapping "
                    "article_id -> text, or a frame with article_id and text)"
                )
            frame = add_evidence_matches_text(frame, texts)
        elif name == "published_date_matches_source":
            frame = add_published_date_matches_source(frame)
        elif name == "sub_event_matches_type":
            frame = add_sub_event_matches_type(frame)
        else:
            raise ValueError(f"unknown derived column {name!r}; known: {', '.join(DERIVED_COLUMNS)}")
    return frame
