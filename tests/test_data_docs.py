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
