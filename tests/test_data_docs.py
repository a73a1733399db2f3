"""Great Expectations Data Docs: every check's result becomes a page of the site in the data dir."""

from __future__ import annotations

import datetime as dt

import polars as pl

from sitrep import schema
from sitrep.quality import docs
from sitrep.quality.runner import validate


def weekly(admin1: list[str | None]) -> pl.DataFrame:
    n = len(admin1)
    return schema.conform(pl.DataFrame({
        "week_start": [dt.date(2023, 3, 4)] * n, "country": ["IQ"] * n, "admin1": admin1,
        "admin1_name": ["Kirkūk" if a else None for a in admin1], "event_type": ["Battles"] * n,
        "sub_event_type": ["Armed clash"] * n, "events": [1] * n, "fatalities": [3] * n,
        "civilian_fatalities": [0] * n, "n_articles": [1] * n,
        "centroid_latitude": [35.4] * n, "centroid_longitude": [44.4] * n,
    }), schema.WEEKLY_CONFLICT_STATS)


def test_a_failed_result_gets_a_page_that_says_what_failed(tmp_path, monkeypatch):
    outcome = validate(weekly(["IQ-KI", None, None]), "weekly_conflict_stats_review")
    assert not outcome.success
    page = docs.record(outcome, tmp_path, "run-one")

    assert page.is_relative_to(tmp_path / "data_docs" / "validations" / "weekly_conflict_stats_review" / "run-one")
    html = page.read_text(encoding="utf-8")
    assert "run-one" in html and "weekly_conflict_stats_review" in html
    assert "2 unexpected values found" in html  # the two rows without a province
    index = docs.index_page(tmp_path).read_text(encoding="utf-8")
    assert "validations/weekly_conflict_stats_review/run-one/" in index
    assert (tmp_path / "data_docs" / "expectations" / "weekly_conflict_stats_review.html").is_file()


def test_only_the_latest_runs_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(docs, "KEEP_RUNS", 2)
    ok = validate(weekly(["IQ-KI"]), "weekly_conflict_stats_review")
    pages = [docs.record(ok, tmp_path, f"run-{i}") for i in range(3)]
    assert not pages[0].exists() and pages[1].is_file() and pages[2].is_file()
    index = docs.index_page(tmp_path).read_text(encoding="utf-8")
    assert "/run-0/" not in index and "/run-1/" in index and "/run-2/" in index
    stored = sorted(p.relative_to(tmp_path / "gx" / "validations").parts[1] for p in (tmp_path / "gx" / "validations").rglob("*.json"))
    assert stored == ["run-1", "run-2"]
    assert not (tmp_path / "gx" / "validations" / "weekly_conflict_stats_review" / "run-0").exists()


def test_results_stored_without_a_build_get_their_pages_from_the_next_build(tmp_path):
    """A step stores its results; the run's last checking step builds the site once, with the
    pages of the earlier steps' results, and of a run that was cut short before its build."""
    ok = validate(weekly(["IQ-KI"]), "weekly_conflict_stats_review")
    failed = validate(weekly(["IQ-KI", None]), "weekly_conflict_stats_review")
    cut_short = docs.record_all([failed], tmp_path, "run-cut-short", build=False)[0]
    early = docs.record_all([ok], tmp_path, "run-two", build=False)[0]
    assert not cut_short.exists() and not early.exists()
    assert not docs.index_page(tmp_path).exists()

    last = docs.record_all([ok], tmp_path, "run-two")[0]
    assert early.is_file() and last.is_file() and cut_short.is_file()
    assert "1 unexpected values found" in cut_short.read_text(encoding="utf-8")  # GX's wording
    index = docs.index_page(tmp_path).read_text(encoding="utf-8")
    assert "/run-cut-short/" in index and "/run-two/" in index


def test_the_last_checking_step_of_a_run_is_the_one_that_builds():
    from types import SimpleNamespace

    from assets import keys
    from assets.checks import Verdict, _later_checks_in_run

    def verdicts(*check_names):
        return [Verdict(outcome=None, check_name=name, blocking=True) for name in check_names]

    def run(selection):
        return SimpleNamespace(run=SimpleNamespace(asset_selection=selection))

    whole_job = run(None)
    assert _later_checks_in_run(whole_job, verdicts("events_contract", "events_review"))
    assert not _later_checks_in_run(whole_job, verdicts("weekly_conflict_stats_contract", "acled_weekly_contract"))
    # a run of the events asset alone, from the UI: its step is the last that checks anything
    assert not _later_checks_in_run(run(frozenset({keys.EVENTS})), verdicts("events_contract"))
    assert _later_checks_in_run(run(frozenset({keys.EVENTS, keys.WEEKLY_CONFLICT_STATS})), verdicts("events_contract"))
    assert not _later_checks_in_run(run(frozenset({keys.EVENTS, keys.PUBLISHED_DATASETS})), verdicts("events_contract"))
