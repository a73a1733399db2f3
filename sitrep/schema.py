"""Column contracts of every table sitrep writes.

SPEC §2 fixes the published columns; tools outside the project read them, so they live in one
place and every writer, check and data dictionary takes them from here.  Each column carries a
polars dtype and a one-line meaning (the data dictionary is generated from these).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True)
class Column:
    name: str
    dtype: pl.DataType
    meaning: str
    example: str = ""


HEADLINE_SENTENCE = -1
"""`event_mentions.sentence_index` of a mention read from the article's headline, which has no
span in the text (its `char_start`/`char_end` are null, its evidence is the title)."""


def _cols(*items: tuple) -> tuple[Column, ...]:
    return tuple(Column(*item) for item in items)


RAW_ARTICLES = _cols(
    ("article_id", pl.String, "Hash of the article's normalised headline and text: one id per story however often delivered", "a3f9c0d2e1b47788"),
    ("source_id", pl.String, "The id the inbox gave the article: the JSONL `id`, else the file name", "001_b29287ec1055ce37.txt"),
    ("source", pl.String, "Where it was read: the file, and for JSONL the line number", "inbox/feed.jsonl:12"),
    ("text", pl.String, "The article's text exactly as read (character offsets index this)", "BEIRUT (AFP) - At least 70 Islamic State militants were killed ..."),
    ("title", pl.String, "Title from the metadata, if any", "70 Islamic State militants killed in Syria clashes: monitor"),
    ("outlet", pl.String, "Outlet from the metadata, if any", "Arab News"),
    ("url", pl.String, "URL from the metadata, if any", "https://news.example.org/syria-clashes-70-killed"),
    ("published_meta", pl.String, "Publication date or date-time as the metadata gave it", "2017-08-21"),
    ("read_at", pl.Datetime("us", "UTC"), "When sitrep first read it", "2026-11-22 07:36:17+00"),
    ("text_flag", pl.String, "Why the text needs a second look (bytes that were not UTF-8, replaced), else null",
     "not UTF-8: 2 undecodable bytes replaced"),
)

ARTICLES = _cols(
    ("article_id", pl.String, "Hash of the article's normalised headline and text", "a3f9c0d2e1b47788"),
    ("source_id", pl.String, "The id the inbox gave the article (JSONL `id`, else the file name)", "001_b29287ec1055ce37.txt"),
    ("title", pl.String, "Title: metadata first, else the first line of the text", "70 Islamic State militants killed in Syria clashes: monitor"),
    ("outlet", pl.String, "Publishing outlet: metadata first, else a dateline or sign-off in the text", "Middle East Eye"),
    ("wire_agency", pl.String, "Wire agency the copy credits (AFP, AP, Reuters, ...), if any", "AFP"),
    ("url", pl.String, "URL from the metadata", "https://news.example.org/syria-clashes-70-killed"),
    ("published_date", pl.Date, "Publication date, the anchor for relative dates", "2014-08-22"),
    ("published_from", pl.String, "Where the date came from: metadata, text (a dateline) or unknown", "metadata"),
    ("date_flag", pl.String, "Why a metadata date was not used (future, impossible), else null", "metadata date in the future: 2031-01-01"),
    ("n_sentences", pl.Int64, "Sentences in the cleaned text", "11"),
    ("n_words", pl.Int64, "Word tokens in the cleaned text", "402"),
    ("n_boilerplate_lines", pl.Int64, "Lines removed as boilerplate (newsletter blurbs, captions, tags)", "3"),
    ("story_id", pl.String, "Near-duplicate group: the same wire story republished shares one id (the smallest article_id)", "a3f9c0d2e1b47788"),
)

EVENT_MENTIONS = _cols(
    ("mention_id", pl.String, "Id of this report of an event: article, sentence and span", "a3f9c0d2e1b47788-3-0"),
    ("article_id", pl.String, "Article the sentence is in", "a3f9c0d2e1b47788"),
    ("event_id", pl.String, "Event this mention was merged into (see `events`)", "ev-5d41402abc4b2a76"),
    ("sentence_index", pl.Int64, "Index of the sentence in the article (0-based; -1: the headline)", "0"),
    ("char_start", pl.Int64, "Start of the evidence in the article text as read (null when read from the headline)", "0"),
    ("char_end", pl.Int64, "End of the evidence; text[char_start:char_end] is the evidence (null from the headline)", "160"),
    ("evidence", pl.String, "The sentence (or the part of it) that states the event", "At least 70 ... killed ..."),
    ("event_type", pl.String, "ACLED event type", "Battles"),
    ("sub_event_type", pl.String, "ACLED sub-event type", "Armed clash"),
    ("actor1", pl.String, "Normalised actor who did it", "Military Forces of Syria"),
    ("actor2", pl.String, "Normalised actor it was done to", "Islamic State"),
    ("victims", pl.String, "Who the dead were: civilians, militants, troops, or null", "militants"),
    ("fatalities_low", pl.Int64, "Smallest death count the text supports", "70"),
    ("fatalities_best", pl.Int64, "Conservative best count (ACLED rules)", "70"),
    ("fatalities_high", pl.Int64, "Largest count the text states, if it gives one", "80"),
    ("count_char_start", pl.Int64, "Start of the words that gave the count", "0"),
    ("count_char_end", pl.Int64, "End of the words that gave the count", "11"),
    ("date_start", pl.Date, "First day the event may have happened", "2014-08-20"),
    ("date_end", pl.Date, "Last day the event may have happened", "2014-08-22"),
    ("event_date", pl.Date, "The day the event is coded to (the range's middle)", "2014-08-21"),
    ("time_precision", pl.Int64, "1 day, 2 within a week, 3 within a month (ACLED)", "2"),
    ("date_expression", pl.String, "The words the date was resolved from", "in 48 hours"),
    ("location", pl.String, "Most specific place named", "Tabqa"),
    ("country", pl.String, "ISO 3166-1 alpha-2", "SY"),
    ("admin1", pl.String, "ISO 3166-2 province code", "SY-RA"),
    ("admin1_name", pl.String, "Province name", "Ar Raqqah"),
    ("latitude", pl.Float64, "Latitude of the place", "35.84"),
    ("longitude", pl.Float64, "Longitude of the place", "38.55"),
    ("geo_precision", pl.Int64, "1 town or site, 2 part of a region, 3 province or wider (ACLED)", "1"),
    ("reported_by", pl.String, "Who the article says reported it", "Syrian Observatory for Human Rights"),
    ("is_aggregate", pl.Boolean, "A period total (a month's campaign), never added to events", "false"),
    ("published_date", pl.Date, "Publication date of the article", "2014-08-22"),
    ("injured", pl.Int64, "Injured people the sentence reports (never added to deaths)", "12"),
    ("antecedent_id", pl.String, "Mention this one continues (a count told in the next sentence)", "a3f9c0d2e1b47788-2-0"),
    ("extractor_version", pl.String, "Version of the extraction rules that produced the row", "1"),
)

EVENTS = _cols(
    ("event_id", pl.String, "Id of the real-world event", "ev-5d41402abc4b2a76"),
    ("event_date", pl.Date, "Day the event is coded to", "2014-08-21"),
    ("date_start", pl.Date, "First possible day", "2014-08-20"),
    ("date_end", pl.Date, "Last possible day", "2014-08-22"),
    ("time_precision", pl.Int64, "1 day, 2 week, 3 month", "2"),
    ("event_type", pl.String, "ACLED event type", "Battles"),
    ("sub_event_type", pl.String, "ACLED sub-event type", "Armed clash"),
    ("actor1", pl.String, "Normalised actor who did it", "Military Forces of Syria"),
    ("actor2", pl.String, "Normalised actor it was done to", "Islamic State"),
    ("country", pl.String, "ISO 3166-1 alpha-2", "SY"),
    ("admin1", pl.String, "ISO 3166-2 province code", "SY-RA"),
    ("admin1_name", pl.String, "Province name", "Ar Raqqah"),
    ("location", pl.String, "Most specific place", "Tabqa"),
    ("latitude", pl.Float64, "Latitude", "35.84"),
    ("longitude", pl.Float64, "Longitude", "38.55"),
    ("geo_precision", pl.Int64, "1 town, 2 part of a region, 3 province or wider", "1"),
    ("fatalities", pl.Int64, "Conservative count: the lowest credible figure among the reports", "70"),
    ("fatalities_low", pl.Int64, "Lowest figure reported", "70"),
    ("fatalities_high", pl.Int64, "Highest figure reported", "70"),
    ("victims", pl.String, "Who the dead were", "militants"),
    ("n_mentions", pl.Int64, "Mentions (sentences) behind the event", "2"),
    ("n_articles", pl.Int64, "Articles behind the event", "1"),
    ("n_outlets", pl.Int64, "Distinct outlets behind the event", "1"),
    ("is_aggregate", pl.Boolean, "A period total kept as a claim, never counted in a week", "false"),
)

WEEKLY_CONFLICT_STATS = _cols(
    ("week_start", pl.Date, "First day of the week (a Saturday for ACLED weeks, a Monday for ISO)", "2014-08-16"),
    ("country", pl.String, "ISO 3166-1 alpha-2", "SY"),
    ("admin1", pl.String, "ISO 3166-2 province code, null for a country-level row", "SY-RA"),
    ("admin1_name", pl.String, "Province name", "Ar Raqqah"),
    ("event_type", pl.String, "ACLED event type", "Battles"),
    ("sub_event_type", pl.String, "ACLED sub-event type", "Armed clash"),
    ("events", pl.Int64, "Dated non-aggregate events", "1"),
    ("fatalities", pl.Int64, "Sum of the events' conservative fatalities", "70"),
    ("civilian_fatalities", pl.Int64, "Fatalities of events whose victims were civilians", "0"),
    ("n_articles", pl.Int64, "Distinct articles behind the events", "1"),
    ("centroid_latitude", pl.Float64, "Latitude of the province's centroid (country's for country rows)", "35.9"),
    ("centroid_longitude", pl.Float64, "Longitude of the province's centroid", "38.9"),
)

ACLED_WEEKLY = _cols(
    ("WEEK", pl.Date, "First day of the week, as week_start in weekly_conflict_stats", "2014-08-16"),
    ("REGION", pl.String, "ACLED's region of the country", "Middle East"),
    ("COUNTRY", pl.String, "Country name as ACLED writes it", "Syria"),
    ("ADMIN1", pl.String, "Province name, null for a country-level row", "Ar Raqqah"),
    ("EVENT_TYPE", pl.String, "ACLED event type", "Battles"),
    ("SUB_EVENT_TYPE", pl.String, "ACLED sub-event type", "Armed clash"),
    ("EVENTS", pl.Int64, "Dated non-aggregate events", "1"),
    ("FATALITIES", pl.Int64, "Sum of the events' conservative fatalities", "70"),
    ("POPULATION_EXPOSURE", pl.Int64, "Always null: sitrep has no population grid to estimate it", "null"),
    ("DISORDER_TYPE", pl.String, "ACLED disorder type of the event type", "Political violence"),
    ("ID", pl.String, "ISO 3166-2 province code (country code on a country-level row), to join back", "SY-RA"),
    ("CENTROID_LATITUDE", pl.Float64, "Latitude of the province's centroid (country's for country rows)", "35.9"),
    ("CENTROID_LONGITUDE", pl.Float64, "Longitude of the province's centroid", "38.9"),
)

REJECTED_ARTICLES = _cols(
    ("source", pl.String, "The file (and line) that was not read", "inbox/bad.bin"),
    ("reason", pl.String, "Why it was not read", "binary: NUL bytes"),
    ("rejected_at", pl.Datetime("us", "UTC"), "When it was rejected", "2026-11-22 07:36:17+00"),
)

PUBLISHED_TABLES: dict[str, tuple[Column, ...]] = {
    "articles": ARTICLES,
    "event_mentions": EVENT_MENTIONS,
    "events": EVENTS,
    "weekly_conflict_stats": WEEKLY_CONFLICT_STATS,
    "acled_weekly": ACLED_WEEKLY,
}


def polars_schema(columns: tuple[Column, ...]) -> dict[str, pl.DataType]:
    return {c.name: c.dtype for c in columns}


def column_names(columns: tuple[Column, ...]) -> list[str]:
    return [c.name for c in columns]


def empty_frame(columns: tuple[Column, ...]) -> pl.DataFrame:
    return pl.DataFrame(schema=polars_schema(columns))


def conform(frame: pl.DataFrame, columns: tuple[Column, ...]) -> pl.DataFrame:
    """Select and cast `frame` to the contract: every column present, in order, with its dtype."""
    exprs = []
    for c in columns:
        if c.name in frame.columns:
            exprs.append(pl.col(c.name).cast(c.dtype))
        else:
            exprs.append(pl.lit(None, dtype=c.dtype).alias(c.name))
    return frame.select(exprs)
