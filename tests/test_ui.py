"""The Dagster UI, in a real browser, on a materialised sample.

`sitrep run` materialises the bundled sample into a temporary DAGSTER_HOME and data dir, then
`dagster dev` serves that history on 127.0.0.1 (from an empty folder, so a developer's .env is
not read).  Debian's headless Chromium, driven by Selenium through Debian's chromedriver (no
browser is downloaded), opens the asset graph, the weekly statistics' page with its chart, its
checks and a Data Docs page.  Screenshots are kept in `test-artifacts/` for a human to look at.
The browser is installed by `.ci/run`; without it the tests skip, except in CI, where they fail.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import duckdb
import polars as pl
import pytest

from sitrep.stats.chart import province_label

from .conftest import SAMPLE_INBOX

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1600,1000",
]
ASSETS = ["raw_articles", "parsed_articles", "event_mentions", "events", "weekly_conflict_stats", "published_datasets"]
GROUPS = ["ingest", "nlp", "extract", "merge", "stats", "publish"]
WEEKLY_CHECKS = ["weekly_conflict_stats_contract", "weekly_conflict_stats_review", "weekly_conflict_stats_reconciles"]
UI_TIMEOUT = 90

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _require_browser() -> None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        message = f"{', '.join(missing)} missing: apt-get install chromium chromium-driver (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _graphql(port: int, query: str) -> dict:
    body = json.dumps({"query": query}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=body, headers={"content-type": "application/json"})
    return json.loads(urllib.request.urlopen(req, timeout=10).read())


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The sample materialised by `sitrep run`, served by `dagster dev`: (base url, data dir)."""
    _require_browser()
    tmp = tmp_path_factory.mktemp("ui")
    inbox = tmp / "inbox"
    shutil.copytree(SAMPLE_INBOX, inbox)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SITREP_") or k == "SITREP_CACHE_DIR"}
    env.update(DAGSTER_HOME=str(tmp / "home"), SITREP_DATA_DIR=str(tmp / "data"), SITREP_INBOX=str(inbox))
    bin_dir = Path(sys.executable).parent
    run = subprocess.run([str(bin_dir / "sitrep"), "run"], cwd=tmp, env=env, capture_output=True, text=True, timeout=1200)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]

    port = _free_port()
    log = (tmp / "dagster-dev.log").open("w")
    proc = subprocess.Popen([str(bin_dir / "dagster"), "dev", "--port", str(port), "-w", str(ROOT / "workspace.yaml")],
                            cwd=tmp, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        nodes = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                nodes = _graphql(port, "{ assetNodes { assetKey { path } } }").get("data", {}).get("assetNodes")
                if nodes:
                    break
            except OSError:
                pass
            time.sleep(1)
        assert nodes, f"dagster dev never served the assets:\n{(tmp / 'dagster-dev.log').read_text()[-3000:]}"
        assert set(ASSETS) <= {n["assetKey"]["path"][0] for n in nodes}
        # a browser on 127.0.0.1 is greeted by a newsletter dialog that covers the page; mark it seen
        assert _graphql(port, "mutation { setNuxSeen }")["data"]["setNuxSeen"] is True
        yield f"http://127.0.0.1:{port}", tmp / "data"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
        try:  # dagster dev runs in its own session: whatever of it is left (webserver, daemon, code server) goes
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
        log.close()


@pytest.fixture(scope="module")
def browser(served):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="sitrep-chromium-")
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(UI_TIMEOUT)
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _open(driver, url: str, *texts: str) -> str:
    """Load `url`, wait until every text shows; the page text."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url)

    def ready(d):
        body = d.find_element(By.TAG_NAME, "body").text
        return body if all(t in body for t in texts) else False

    try:
        return WebDriverWait(driver, UI_TIMEOUT, poll_frequency=0.5).until(ready)
    except TimeoutException:
        _shoot(driver, "timeout")
        body = driver.find_element(By.TAG_NAME, "body").text
        missing = [t for t in texts if t not in body]
        raise AssertionError(f"{url}: never showed {missing}; page text:\n{body[:2000]}") from None


def _shoot(driver, name: str) -> Path:
    path = ARTIFACTS / f"ui_{name}.png"
    driver.save_screenshot(str(path))
    return path


def test_asset_graph_shows_every_stage_and_asset(served, browser):
    base, _ = served
    url = f"{base}/assets/published_datasets?view=lineage&lineageScope=upstream&lineageDepth=10"
    # the graph shortens long names in its boxes ("weekly_conf…_stats")
    text = _open(browser, url, *GROUPS, *[a for a in ASSETS if a != "weekly_conflict_stats"], "weekly_conf")
    assert "Materialize all" in text
    assert _shoot(browser, "asset_graph").stat().st_size > 10_000


def test_weekly_stats_page_renders_the_fatalities_chart(served, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, data = served
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as con:
        weekly = con.sql("SELECT * FROM weekly_conflict_stats").pl()
    top = (weekly.with_columns(province_label()).group_by("province").agg(pl.col("fatalities").sum())
           .sort(["fatalities", "province"], descending=[True, False])["province"][0])

    _open(browser, f"{base}/assets/weekly_conflict_stats", "Latest materialization", "fatalities_per_week", "Row count")
    row = browser.find_element(By.XPATH, "//tr[td[1][normalize-space()='fatalities_per_week']]")
    row.find_element(By.XPATH, ".//a[contains(normalize-space(), 'Show Markdown')]").click()
    dialog = WebDriverWait(browser, UI_TIMEOUT).until(lambda d: d.find_element(By.CSS_SELECTOR, "[role=dialog]"))
    # the dialog fades in: wait for a decoded image that is also shown, not just present
    image = WebDriverWait(browser, UI_TIMEOUT).until(
        lambda d: next((i for i in dialog.find_elements(By.CSS_SELECTOR, "img[src^='data:image/png;base64,']")
                        if int(i.get_attribute("naturalWidth") or 0) > 0 and i.is_displayed()), False))
    assert int(image.get_attribute("naturalWidth")) >= 400 and image.size["height"] > 150
    assert top in dialog.text  # the most affected province heads the figures under the chart
    _shoot(browser, "weekly_chart")


def test_checks_render_with_their_great_expectations_result(served, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, data = served
    text = _open(browser, f"{base}/assets/weekly_conflict_stats?view=checks", "Checks (3)", "Execute all")
    for check in WEEKLY_CHECKS:  # the list shortens long names in the middle; the title keeps them whole
        assert browser.find_elements(By.XPATH, f"//*[@title='{check}']"), f"{check} not listed"
    assert re.search(r"weekly_conflict_stats \(blocking\): \d+/\d+ expectations passed on \d+ rows", text), text[:2000]
    _shoot(browser, "checks")

    # the review check: its verdict, what failed in how many rows, the GX table, its Data Docs page
    text = _open(browser, f"{base}/assets/weekly_conflict_stats?view=checks&checkDetail=weekly_conflict_stats_review",
                 "weekly_conflict_stats_review (review)", "unexpected_rows", "data_docs")
    failed = int(re.search(r"failed_expectations (\d+)", text).group(1))
    if failed:
        assert re.search(r"failed expect_\w+\(.*\): (\d[\d,]* rows?|error|observed)", text), text[-1500:]
    row = browser.find_element(By.XPATH, "//tr[td[1][normalize-space()='result']]")
    row.find_element(By.XPATH, ".//a[contains(normalize-space(), 'Show Markdown')]").click()
    dialog = WebDriverWait(browser, UI_TIMEOUT).until(lambda d: d.find_element(By.CSS_SELECTOR, "[role=dialog]"))
    headers = [th.text for th in dialog.find_elements(By.TAG_NAME, "th")]
    assert {"Expectation", "Column(s)", "Unexpected", "Examples"} <= set(headers), headers
    assert len(dialog.find_elements(By.CSS_SELECTOR, "tbody tr")) == int(re.search(r"expectations (\d+)", text).group(1))
    _shoot(browser, "check_review")

    page = re.search(r"(/\S+/data_docs/validations/weekly_conflict_stats_review/\S+\.html)", text)
    assert page and Path(page.group(1)).is_file() and Path(page.group(1)).is_relative_to(data / "data_docs")
    docs_text = _open(browser, Path(page.group(1)).as_uri(), "Expectation Validation Result", "weekly_conflict_stats_review")
    assert "Unsuccessful Expectations" in docs_text
    _shoot(browser, "data_docs_page")


def test_the_run_left_a_data_docs_site_with_every_suite(served):
    from sitrep.quality.suites import suite_names

    _, data = served
    index = (data / "data_docs" / "index.html").read_text(encoding="utf-8")
    for suite in suite_names():
        pages = list((data / "data_docs" / "validations" / suite).rglob("*.html"))
        assert len(pages) == 1, (suite, pages)  # one run, one result per suite
        assert pages[0].relative_to(data / "data_docs").as_posix() in index
        assert (data / "data_docs" / "expectations" / f"{suite}.html").is_file()
