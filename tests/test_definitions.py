"""Every Dagster definition loads: a broken import or asset wiring cannot hide."""

import dagster as dg

from assets import keys
from pipelines.definitions import defs


def test_definitions_load_with_every_stage_check_schedule_and_sensor():
    dg.Definitions.validate_loadable(defs)
    graph = defs.resolve_asset_graph()
    asset_keys = set(graph.get_all_asset_keys())
    assert {keys.RAW_ARTICLES, keys.PARSED_ARTICLES, keys.EVENT_MENTIONS, keys.EVENTS,
            keys.WEEKLY_CONFLICT_STATS, keys.PUBLISHED_DATASETS} <= asset_keys
    check_names = {key.name for key in graph.asset_check_keys}
    for table in keys.TABLE_OF.values():
        assert f"{table}_contract" in check_names and f"{table}_review" in check_names
    assert "weekly_conflict_stats_reconciles" in check_names
    assert defs.resolve_schedule_def("daily_refresh").cron_schedule == "0 5 * * *"
    assert defs.resolve_sensor_def("inbox_sensor") is not None
    assert defs.resolve_job_def("sitrep_all") is not None


def test_assets_are_grouped_by_stage_and_described():
    graph = defs.resolve_asset_graph()
    for key in keys.TABLE_OF:
        node = graph.get(key)
        assert node.group_name in {"ingest", "nlp", "extract", "merge", "stats"}
        assert node.description and len(node.description) > 40
