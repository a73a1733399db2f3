"""Safe by default: ad-hoc SQL cannot write, the UI listens on this machine only."""

from __future__ import annotations

import re

import polars as pl
import pytest

from sitrep.cli import main
from sitrep.store.warehouse import Warehouse, insert_frame

from .conftest import ROOT


@pytest.fixture
def warehouse(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_DATA_DIR", str(tmp_path))
    warehouse = Warehouse(tmp_path / "warehouse.duckdb")
    with warehouse.writer() as con:
        insert_frame(con, "raw_articles", pl.DataFrame({"article_id": ["a1"], "source_id": ["a.txt"], "text": ["x"]}))
    return warehouse


@pytest.mark.parametrize("statement", [
    "DELETE FROM raw_articles",
    "UPDATE raw_articles SET text = 'changed'",
    "DROP TABLE raw_articles",
    "CREATE TABLE notes (x INTEGER)",
    "INSERT INTO raw_articles (article_id) VALUES ('a2')",
])
def test_sitrep_sql_refuses_to_write(warehouse, statement, capsys):
    assert main(["sql", statement]) == 1
    assert "read-only" in capsys.readouterr().err
    assert warehouse.frame("SELECT article_id, text FROM raw_articles").rows() == [("a1", "x")]


def test_sitrep_sql_reads(warehouse, capsys):
    assert main(["sql", "SELECT text AS the_text FROM raw_articles"]) == 0
    out = capsys.readouterr().out
    assert "the_text" in out and "│ x " in out


def test_the_ui_listens_on_loopback_only():
    from dagster_webserver.cli import DEFAULT_WEBSERVER_HOST

    recipe = re.search(r"^ui:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), re.M)
    assert recipe and "dagster dev" in recipe.group(1)
    hosts = re.findall(r"(?:--host|-h|--dagit-host)[ =](\S+)", recipe.group(1))
    # no host given means the webserver's default, which must stay the loopback address
    assert all(h in ("127.0.0.1", "localhost") for h in hosts) and (hosts or DEFAULT_WEBSERVER_HOST == "127.0.0.1")
