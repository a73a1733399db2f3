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


def test_loading_the_definitions_and_checking_the_model_import_no_spacy():
    """The run process, the UI and a run with nothing new load the definitions and check that
    the model is installed; the steps that parse import spaCy themselves.  Importing it up
    front would cost every one of them a second."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pipelines.definitions import defs\n"
        "from sitrep.nlp.installed import require_model\n"
        "from sitrep.config import Settings\n"
        "require_model(Settings().spacy_model)\n"
        "heavy = sorted(m for m in ('spacy', 'thinc', 'datasketch', 'scipy') if m in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
