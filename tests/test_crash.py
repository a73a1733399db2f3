"""Runs killed with SIGKILL, and two runs at once, lose and corrupt nothing.

Each scenario drives the real `sitrep run` in subprocesses on a copy of the bundled sample and
compares what it finally publishes with what one clean, uninterrupted run publishes.  The runs
use one spaCy process and small batches, so a kill lands between (or inside) many transactions.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import polars as pl
import pytest

from sitrep.cli import main

from .conftest import ROOT, SAMPLE_INBOX

RUN_ENV = {"SITREP_NLP_PROCESSES": "1", "SITREP_NLP_BATCH": "1"}
LATE_FILE = "feed.jsonl"  # arrives after the first release in the kill scenario


def copy_inbox(dest: Path, skip: tuple[str, ...] = ()) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for path in SAMPLE_INBOX.iterdir():
        if path.name not in skip:
            shutil.copy(path, dest / path.name)
    return dest


def env_for(inbox: Path, data: Path, dagster_home: Path) -> dict[str, str]:
    dagster_home.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SITREP_") or k == "SITREP_CACHE_DIR"}
    env.update(RUN_ENV, SITREP_INBOX=str(inbox), SITREP_DATA_DIR=str(data), DAGSTER_HOME=str(dagster_home))
    return env


def run_in_process(inbox: Path, data: Path, dagster_home: Path) -> None:
    with pytest.MonkeyPatch.context() as mp:
        for name, value in env_for(inbox, data, dagster_home).items():
            mp.setenv(name, value)
        assert main(["run"]) == 0


def start(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "sitrep.cli", "run", "-v"], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def kill_when(env: dict[str, str], pattern: str, delay: float) -> str:
    """Start a run, SIGKILL it `delay` seconds after a line matches `pattern`; returns its output."""
    proc = start(env)
    seen = []
    assert proc.stdout is not None
    for line in proc.stdout:
        seen.append(line)
        if re.search(pattern, line):
            time.sleep(delay)
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=60)
    proc.stdout.close()
    output = "".join(seen)
    assert proc.returncode == -signal.SIGKILL, f"the run ended before {pattern!r}:\n{output[-3000:]}"
    return output


def release(data: Path) -> dict | None:
    """The current release after checking it is whole: every file opens and matches the manifest."""
    published = data / "published"
    if not published.exists():
        return None
    manifest = json.loads((published / "manifest.json").read_text())
    for name, table in manifest["tables"].items():
        rows = 0
        for entry in table["files"]:
            path = published / entry["path"]
            assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], path
            rows += pl.read_parquet(path).height
        assert rows == table["rows"], name
    return manifest


def content(data: Path) -> dict[str, str]:
    """What the current release says, table by table, with event ids set aside: an event keeps
    the id it was first given (sitrep.merge.events), so a corpus read in two runs names its
    events differently from the same corpus read at once, with the same events and figures."""
    release(data)  # whole and readable first
    out = {}
    for folder in sorted((data / "published").iterdir()):
        if folder.is_dir():
            frame = pl.read_parquet(folder / "*.parquet")
            frame = frame.drop([c for c in frame.columns if c == "event_id"])
            out[folder.name] = hashlib.sha256(frame.sort(frame.columns, nulls_last=True).write_csv().encode()).hexdigest()
    return out


def assert_warehouse_consistent(data: Path) -> None:
    """What each transaction writes together is there together, whatever moment the kill came."""
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        # a parse batch writes the article, its parse and its places in one transaction
        assert con.execute(
            "SELECT count(*) FROM articles ANTI JOIN parsed_docs USING (article_id)").fetchone()[0] == 0
        assert con.execute(
            "SELECT count(*) FROM parsed_docs ANTI JOIN articles USING (article_id)").fetchone()[0] == 0
        # an extraction batch writes the mentions with the marker that says how many there are
        assert con.execute(
            "SELECT count(*) FROM extracted_articles x LEFT JOIN "
            "(SELECT article_id, count(*) AS n FROM event_mentions GROUP BY 1) m USING (article_id) "
            "WHERE coalesce(m.n, 0) <> x.n_mentions").fetchone()[0] == 0
        # the merge writes the events and every mention's event id together
        assert con.execute(
            "SELECT count(*) FROM event_mentions WHERE event_id IS NOT NULL "
            "AND event_id NOT IN (SELECT event_id FROM events)").fetchone()[0] == 0
    finally:
        con.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict:
    """What one clean, uninterrupted run on the whole sample publishes."""
    base = tmp_path_factory.mktemp("reference")
    inbox = copy_inbox(base / "inbox")
    run_in_process(inbox, base / "data", base / "dagster")
    assert release(base / "data") is not None
    return content(base / "data")


# The moments the runs are killed at: inside parsing (one of three new articles committed), with
# events written but not the weekly figures, and while publishing.
KILLS = [
    (r"parsed_articles: 1/3", 0.0),
    (r'STEP_START - Started execution of step "weekly_tables"', 0.0),
    (r'STEP_START - Started execution of step "published_datasets"', 0.2),
]


def test_runs_killed_at_any_moment_lose_nothing(tmp_path, reference):
    inbox = copy_inbox(tmp_path / "inbox", skip=(LATE_FILE,))
    data = tmp_path / "data"
    run_in_process(inbox, data, tmp_path / "dagster")
    assert release(data) is not None
    first = content(data)
    assert first != reference
    shutil.copy(SAMPLE_INBOX / LATE_FILE, inbox / LATE_FILE)  # new articles arrive
    env = env_for(inbox, data, tmp_path / "dagster")
    for pattern, delay in KILLS:
        kill_when(env, pattern, delay)
        assert release(data) is not None  # whole and readable after every kill
        # the last release is untouched, unless the kill came after the new one was swapped in
        assert content(data) in (first, reference), pattern
        assert_warehouse_consistent(data)
    done = subprocess.run([sys.executable, "-m", "sitrep.cli", "run"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert content(data) == reference
    assert_warehouse_consistent(data)
    assert not list(data.glob(".published-*")) and not list((data / ".releases").glob(".staging-*"))


def test_two_runs_at_once_equal_one_run(tmp_path, reference):
    inbox = copy_inbox(tmp_path / "inbox")
    data = tmp_path / "data"
    env = env_for(inbox, data, tmp_path / "dagster")
    runs = [start(env), start(env)]
    outputs = [proc.communicate(timeout=900)[0] for proc in runs]
    assert [proc.returncode for proc in runs] == [0, 0], outputs
    waited = [out for out in outputs if "Another sitrep run is using" in out]
    assert len(waited) == 1, "exactly one run must wait for the other"
    assert re.search(r"Another sitrep run is using .*; waiting for it to finish", waited[0])
    assert content(data) == reference
    releases = [p for p in (data / ".releases").iterdir() if not p.name.startswith(".")]
    assert len(releases) == 1, "the second run published nothing new"
