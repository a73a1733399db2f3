"""Reading the inbox: both formats, metadata, duplicates and rejects with reasons."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.ingest.identity import article_id
from sitrep.ingest.inbox import read_inbox

ENGLISH = (
    "Government forces shelled the town of Maarat al-Numan on Tuesday, killing four civilians, "
    "a war monitor said. Rescue workers said the toll could rise.\n"
)


def write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_txt_with_manifest_and_sidecar(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "b.txt", ENGLISH.replace("four", "five"))
    write(tmp_path / "manifest.csv", "file,published,outlet,url,title\na.txt,2017-08-21,Wire One,,Shelling\nb.txt,2017-01-01,Old,,\n")
    write(tmp_path / "b.json", json.dumps({"published": "2017-08-22", "outlet": "Wire Two"}))
    read = read_inbox(tmp_path)
    assert read.rejects == []
    by_id = {a.source_id: a for a in read.articles}
    assert by_id["a.txt"].published_meta == "2017-08-21"
    assert by_id["a.txt"].title == "Shelling"
    assert by_id["b.txt"].outlet == "Wire Two"  # the sidecar wins over the manifest
    assert by_id["b.txt"].published_meta == "2017-08-22"


def test_jsonl_ids_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "x1", "text": ENGLISH, "published": "2017-08-21T10:00:00Z"}),
        "{not json",
        json.dumps({"id": "x2", "title": "no text here"}),
        json.dumps({"text": ENGLISH.replace("four", "nine")}),
    ]
    write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    read = read_inbox(tmp_path)
    assert [a.source_id for a in read.articles] == ["x1", "feed.jsonl:4"]
    reasons = sorted(r.reason.split(":")[0] for r in read.rejects)
    assert reasons == ["malformed JSON", "no text"]
    assert any(r.source.endswith("feed.jsonl:2") for r in read.rejects)


def test_the_same_story_twice_is_stored_once(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "b.txt", "  " + ENGLISH.replace(" ", "  ") + "\n\n")
    read = read_inbox(tmp_path)
    assert len(read.articles) == 1
    assert read.duplicates == 1
    assert read.rejects[0].reason.startswith("duplicate")
    assert read.articles[0].article_id == article_id(ENGLISH)


def test_unreadable_input_is_rejected_with_a_reason(tmp_path):
    write(tmp_path / "binary.txt", b"\x00\x01\x02PNG")
    write(tmp_path / "empty.txt", "   \n")
    write(tmp_path / "latin1.txt", ("Caf\xe9 " * 50).encode("latin-1"))
    write(tmp_path / "french.txt", "Le gouvernement syrien a annoncé samedi la reprise de la ville après des combats violents.")
    write(tmp_path / "big.txt", ENGLISH * 100)
    write(tmp_path / "image.png", b"\x89PNG")
    (tmp_path / "link.txt").symlink_to(tmp_path / "big.txt")
    read = read_inbox(tmp_path, max_bytes=5_000)
    reasons = {Path(r.source).name: r.reason.split(":")[0] for r in read.rejects}
    assert reasons == {
        "binary.txt": "binary",
        "empty.txt": "empty",
        "latin1.txt": "not UTF-8",
        "french.txt": "not English",
        "big.txt": "oversize",
        "image.png": "unsupported file type",
        "link.txt": "symbolic link",
    }
    assert read.articles == []


def test_a_stored_text_is_not_language_checked_again(tmp_path):
    """Only a stored text skips the (costly) language check; a new one in the same words is
    still checked, so the skip cannot let a new foreign text in."""
    french = "Le gouvernement syrien a annoncé samedi la reprise de la ville après des combats violents."
    write(tmp_path / "french.txt", french)
    write(tmp_path / "news.jsonl", json.dumps({"id": "fr-1", "text": french + " Encore."}) + "\n")
    read = read_inbox(tmp_path, known={article_id(french)})
    assert [a.source_id for a in read.articles] == ["french.txt"]
    assert [r.reason.split(":")[0] for r in read.rejects] == ["not English"]


def test_article_id_ignores_case_and_whitespace():
    assert article_id("Two  killed\r\nin Homs") == article_id("two killed in homs")
    assert article_id("two killed in Homs") != article_id("three killed in Homs")


def test_a_manifest_row_for_a_missing_file_is_reported(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "manifest.csv", "file,published,outlet,url,title\na.txt,2017-08-21,,,\nmissing.txt,2017-08-21,,,\n")
    read = read_inbox(tmp_path)
    assert [r.reason for r in read.rejects] == ["manifest row for a missing file: missing.txt"]


def test_rejects_follow_the_inbox_as_it_is_now(tmp_path):
    from sitrep.stages.ingest import ingest
    from sitrep.store.warehouse import Warehouse

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write(inbox / "a.txt", ENGLISH)
    write(inbox / "empty.txt", "")
    warehouse = Warehouse(tmp_path / "warehouse.duckdb")
    ingest(warehouse, inbox, 100_000)
    assert warehouse.frame("SELECT reason FROM rejected_articles")["reason"].to_list() == ["empty: no text"]
    write(inbox / "empty.txt", ENGLISH.replace("four", "six"))  # the user fixes the file
    ingest(warehouse, inbox, 100_000)
    assert warehouse.frame("SELECT count(*) AS n FROM rejected_articles")["n"][0] == 0
    assert warehouse.frame("SELECT count(*) AS n FROM raw_articles")["n"][0] == 2


def test_a_manifest_row_outside_the_inbox_is_reported_and_not_read(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write(tmp_path / "beside.txt", ENGLISH)
    write(inbox / "manifest.csv", "file,published,outlet,url,title\n../beside.txt,2017-08-21,,,\n")
    read = read_inbox(inbox)
    assert [r.reason for r in read.rejects] == ["manifest row outside the inbox: ../beside.txt"]
    assert read.articles == []


def test_a_few_bytes_that_are_not_utf8_are_read_leniently_and_flagged(tmp_path):
    write(tmp_path / "smudged.txt", ENGLISH.encode() + b"Reported by Caf\xe9 Desk.\n")
    line = json.dumps({"id": "j1", "text": ENGLISH.replace("four", "six")}).encode()
    write(tmp_path / "feed.jsonl", line[:-2] + b" \xff" + line[-2:] + b"\n")
    write(tmp_path / "clean.txt", ENGLISH.replace("four", "nine"))
    read = read_inbox(tmp_path)
    assert read.rejects == []
    flags = {a.source_id: a.text_flag for a in read.articles}
    assert flags["smudged.txt"] == "not UTF-8: 1 undecodable byte replaced"
    assert flags["j1"] == "not UTF-8: 1 undecodable byte replaced"
    assert flags["clean.txt"] is None
    smudged = next(a for a in read.articles if a.source_id == "smudged.txt")
    assert "Caf\ufffd Desk" in smudged.text  # kept, with the bad byte visibly replaced


def test_a_subfolder_is_reported_not_read(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    (tmp_path / "archive").mkdir()
    write(tmp_path / "archive" / "old.txt", ENGLISH.replace("four", "ten"))
    read = read_inbox(tmp_path)
    assert [a.source_id for a in read.articles] == ["a.txt"]
    assert [(Path(r.source).name, r.reason.split(":")[0]) for r in read.rejects] == [("archive", "folder")]


def test_pages_sharing_a_body_under_different_headlines_are_different_articles(tmp_path):
    """A site's login wall is the whole text of many of its pages; only the headlines differ, and
    they are the news.  The same headline and body twice is still one article."""
    wall = "Already a subscriber? Click on the button below to set up your account or log in."
    lines = [
        json.dumps({"id": "p1", "title": "Two shot outside a bar in Elmwood", "text": wall}),
        json.dumps({"id": "p2", "title": "Boy, 4, hurt in accidental shooting", "text": wall}),
        json.dumps({"id": "p3", "title": "Two  shot outside a bar in ELMWOOD", "text": wall + "\n"}),
    ]
    write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    read = read_inbox(tmp_path)
    assert [a.source_id for a in read.articles] == ["p1", "p2"]
    assert [r.reason for r in read.rejects] == [f"duplicate: same headline and text as {tmp_path}/feed.jsonl:1"]
    assert read.articles[0].article_id == article_id(wall, "Two shot outside a bar in Elmwood")


def test_an_article_without_a_headline_keeps_the_id_of_its_text():
    assert article_id("Two killed in Homs", None) == article_id("Two killed in Homs", "  ")
    assert article_id("Two killed in Homs", "Homs clashes") != article_id("Two killed in Homs")
