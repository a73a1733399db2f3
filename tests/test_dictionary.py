"""docs/data_dictionary.md is what sitrep/schema.py gives: it cannot drift from the contracts."""

from __future__ import annotations

import duckdb

from sitrep import dictionary, schema


def test_committed_dictionary_is_what_the_schemas_give():
    committed = dictionary.PATH.read_text(encoding="utf-8")
    assert committed == dictionary.render(), "docs/data_dictionary.md is stale: run `python -m sitrep.dictionary`"


def test_check_mode_fails_on_a_stale_file(tmp_path):
    stale = tmp_path / "dictionary.md"
    stale.write_text(dictionary.render().replace("| `fatalities` |", "| `deaths` |"), encoding="utf-8")
    assert dictionary.main(["--check", "--path", str(stale)]) == 1
    assert dictionary.main(["--path", str(stale)]) == 0
    assert dictionary.main(["--check", "--path", str(stale)]) == 0


def test_every_published_column_has_a_meaning_an_example_and_its_warehouse_type(tmp_path):
    text = dictionary.render()
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    for table, columns in schema.PUBLISHED_TABLES.items():
        frame = schema.empty_frame(columns)
        con.sql(f"CREATE TABLE {table} AS SELECT * FROM frame")
        sql_types = dict(con.sql(f"SELECT column_name, data_type FROM information_schema.columns "
                                 f"WHERE table_name = '{table}'").fetchall())
        section = text.split(f"### `{table}`", 1)[1].split("### ", 1)[0]
        for c in columns:
            assert c.meaning.strip() and c.example.strip(), f"{table}.{c.name} needs a meaning and an example"
            row = next(line for line in section.splitlines() if line.startswith(f"| `{c.name}` |"))
            cells = [cell.strip() for cell in row.strip("|").split(" | ")]
            assert cells[1] == sql_types[c.name], (table, c.name, cells[1], sql_types[c.name])
            assert c.example.replace("|", "\\|") in cells[3]
