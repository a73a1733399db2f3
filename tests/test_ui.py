"""`dagster dev` from the project root serves the assets on 127.0.0.1."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_dagster_dev_serves_the_assets_on_loopback(tmp_path):
    port = _free_port()
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path), "SITREP_DATA_DIR": str(tmp_path / "data")}
    (tmp_path / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    dagster = Path(sys.executable).parent / "dagster"
    # run from an empty folder so a developer's .env (their DAGSTER_HOME) is not read
    proc = subprocess.Popen([str(dagster), "dev", "--port", str(port), "-w", str(ROOT / "workspace.yaml")],
                            cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        query = json.dumps({"query": "{ assetNodes { assetKey { path } } }"}).encode()
        deadline = time.monotonic() + 120
        data = None
        while time.monotonic() < deadline:
            try:
                req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=query,
                                             headers={"content-type": "application/json"})
                data = json.loads(urllib.request.urlopen(req, timeout=5).read())
                if data.get("data", {}).get("assetNodes"):
                    break
            except OSError:
                pass
            time.sleep(1)
        assert data is not None, "the UI never answered"
        keys = {n["assetKey"]["path"][0] for n in data["data"]["assetNodes"]}
        assert {"raw_articles", "parsed_articles", "event_mentions", "events", "weekly_conflict_stats", "published_datasets"} <= keys
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
