"""Asset keys and group names as constants, so checks, jobs and tests name them one way."""

import dagster as dg

from sitrep.quality.suites import STAGES

RAW_ARTICLES = dg.AssetKey("raw_articles")
PARSED_ARTICLES = dg.AssetKey("parsed_articles")
EVENT_MENTIONS = dg.AssetKey("event_mentions")
EVENTS = dg.AssetKey("events")
WEEKLY_CONFLICT_STATS = dg.AssetKey("weekly_conflict_stats")
ACLED_WEEKLY = dg.AssetKey("acled_weekly")
PUBLISHED_DATASETS = dg.AssetKey("published_datasets")
PIPELINE = frozenset({RAW_ARTICLES, PARSED_ARTICLES, EVENT_MENTIONS, EVENTS, WEEKLY_CONFLICT_STATS, ACLED_WEEKLY,
                      PUBLISHED_DATASETS})

# The warehouse table each asset writes (the checks validate these): one map, the quality layer's.
TABLE_OF = {dg.AssetKey(stage): table for stage, table in STAGES.items()}
