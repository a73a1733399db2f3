"""`sitrep evaluate`: every figure against ../shared, with the errors behind it.

    sitrep evaluate                 seeds gold, fakes_dev and gva_dev
    sitrep evaluate --only seeds    one set
    sitrep evaluate --json out.json the figures as JSON too (the tests read these)

Parses are kept under `<data dir>/eval/<set>/` so a second evaluation costs only the
extraction; pass `--fresh` to parse again.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

from sitrep.config import PROJECT_ROOT, Settings
from sitrep.evaluate.external import score_fakes, score_gva
from sitrep.evaluate.report import Report
from sitrep.evaluate.runner import run_stages
from sitrep.ingest.inbox import inbox_for_file
from sitrep.evaluate.seeds import score_seeds

DEFAULT_SHARED = PROJECT_ROOT.parent / "shared"
SETS = ("seeds", "fakes", "gva")


def shared_dir() -> Path:
    return Path(os.environ.get("SITREP_SHARED", DEFAULT_SHARED))


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate_set(name: str, shared: Path, work: Path, settings: Settings) -> Report:
    work.mkdir(parents=True, exist_ok=True)
    if name == "seeds":
        warehouse = run_stages(shared / "corpus" / "seeds", work, settings)
        gold = json.loads((shared / "gold" / "seed_events.json").read_text())
        texts = dict(warehouse.frame("SELECT article_id, text FROM raw_articles").iter_rows())
        return score_seeds(gold, warehouse.table("articles"), warehouse.table("event_mentions"),
                           warehouse.table("weekly_conflict_stats"), texts, warehouse.table("events"))
    stem = {"fakes": "fakes_dev", "gva": "gva_dev"}[name]
    corpus = shared / "eval" / f"{stem}.jsonl"
    inbox = inbox_for_file(corpus)
    try:
        warehouse = run_stages(inbox, work, settings)
    finally:
        shutil.rmtree(inbox, ignore_errors=True)
    gold = _read_jsonl(shared / "eval" / f"{stem}_gold.jsonl")
    rejects = warehouse.frame("SELECT source, reason FROM rejected_articles WHERE starts_with(source, ?)",
                              [f"{inbox}/"])
    repeats = duplicate_records(rejects, _record_ids(corpus))
    scorer = score_fakes if name == "fakes" else score_gva
    return scorer(gold, warehouse.table("articles"), warehouse.table("event_mentions"), repeats)


def _record_ids(path: Path) -> list[str | None]:
    """The `id` of each line of a JSONL file, by line number (blank or broken lines give None)."""
    ids: list[str | None] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                record = json.loads(line) if line.strip() else None
            except json.JSONDecodeError:
                record = None
            ids.append(record.get("id") if isinstance(record, dict) else None)
    return ids


def duplicate_records(rejects, ids: list[str | None]) -> dict[str, str]:
    """Record id -> id of the record whose text it repeats, from this run's duplicate rejects.

    The inbox stores a text delivered twice once and rejects the second delivery as a
    duplicate, naming both by `file:line`.  The second record was read: its article is the
    first one's, so the scorer judges it by the first one's events rather than as an article
    the pipeline never saw.
    """
    repeats: dict[str, str] = {}
    for source, reason in rejects.iter_rows():
        match = _DUPLICATE.match(reason)
        if not match:
            continue
        line, first = int(source.rsplit(":", 1)[1]), int(match.group(1))
        if ids[line - 1] and ids[first - 1]:
            repeats[ids[line - 1]] = ids[first - 1]
    return repeats


_DUPLICATE = re.compile(r"duplicate: same (?:headline and )?text as .*:(\d+)$")


def run_evaluation(only: list[str] | None = None, fresh: bool = False, errors: int = 10,
                   json_out: Path | None = None, data_dir: Path | None = None) -> dict[str, Report]:
    settings = Settings()
    shared = shared_dir()
    if not shared.exists():
        raise FileNotFoundError(f"{shared} not found: set SITREP_SHARED to the folder with gold/ and eval/")
    base = (data_dir or settings.data_dir) / "eval"
    reports: dict[str, Report] = {}
    for name in only or SETS:
        work = base / name
        if fresh and work.exists():
            shutil.rmtree(work)
        started = time.monotonic()
        report = evaluate_set(name, shared, work, settings)
        report.notes.append(f"evaluated in {time.monotonic() - started:.1f} s")
        reports[name] = report
        print(report.render(max_errors=errors), flush=True)
        print()
    if json_out is not None:
        json_out.write_text(json.dumps({k: r.as_dict() for k, r in reports.items()}, indent=2))
    return reports
