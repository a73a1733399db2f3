"""Publishing to object storage, against moto's S3 server listening on 127.0.0.1."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import boto3
import polars as pl
import pytest
from moto.server import ThreadedMotoServer

from sitrep import schema
from sitrep.config import Settings
from sitrep.store.objectstore import KEEP_RELEASES, parse_uri, upload_release
from sitrep.store.publish import publish

BUCKET = "sitrep-test"
URI = f"s3://{BUCKET}/team/conflict"


@pytest.fixture(scope="module")
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(s3_server, monkeypatch):
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3_server)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    client = boto3.client("s3")
    client.create_bucket(Bucket=BUCKET)
    yield client
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
        for o in page.get("Contents", []):
            client.delete_object(Bucket=BUCKET, Key=o["Key"])
    client.delete_bucket(Bucket=BUCKET)


def frames(weeks: int) -> dict[str, pl.DataFrame]:
    """Published tables: empty but for `weeks` weekly rows, so each `weeks` is a new release."""
    out = {name: schema.conform(pl.DataFrame(), cols) for name, cols in schema.PUBLISHED_TABLES.items()}
    out["weekly_conflict_stats"] = schema.conform(pl.DataFrame({
        "week_start": [date(2016, 1, 2 + 7 * i) for i in range(weeks)], "country": ["SY"] * weeks,
        "events": [1] * weeks, "fatalities": [i + 1 for i in range(weeks)],
    }), schema.WEEKLY_CONFLICT_STATS)
    return out


def release(tmp_path, weeks: int):
    folder, manifest, _ = publish(frames(weeks), tmp_path, {"extractor_version": "test"})
    return folder.resolve(), manifest


def read_remote(s3) -> tuple[dict, dict[str, bytes]]:
    """What a reader sees: the manifest, then every file it names."""
    manifest = json.loads(s3.get_object(Bucket=BUCKET, Key="team/conflict/manifest.json")["Body"].read())
    files = {}
    for table in manifest["tables"].values():
        for f in table["files"]:
            key = f"team/conflict/{manifest['root']}{f['path']}"
            files[f["path"]] = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    return manifest, files


def test_release_lands_whole_with_the_manifest_written_last(tmp_path, s3):
    folder, manifest = release(tmp_path, weeks=2)
    puts: list[str] = []
    s3.meta.events.register("provide-client-params.s3.PutObject", lambda params, **_: puts.append(params["Key"]))
    key, uploaded = upload_release(folder, URI, s3=s3)
    assert uploaded and key == "team/conflict/manifest.json"
    assert puts[-1] == key and len(puts) == len(schema.PUBLISHED_TABLES) + 2
    remote, files = read_remote(s3)
    assert remote["release"] == manifest["release"]
    for table in remote["tables"].values():
        for f in table["files"]:
            assert hashlib.sha256(files[f["path"]]).hexdigest() == f["sha256"]
    weekly = pl.read_parquet(files["weekly_conflict_stats/part-0.parquet"])
    assert weekly["fatalities"].to_list() == [1, 2]


def test_same_release_is_not_sent_again_and_old_releases_are_pruned(tmp_path, s3):
    folder, _ = release(tmp_path, weeks=1)
    assert upload_release(folder, URI, s3=s3)[1]
    assert not upload_release(folder, URI, s3=s3)[1]
    first = read_remote(s3)[0]["release"]
    for weeks in range(2, KEEP_RELEASES + 3):
        folder, manifest = release(tmp_path, weeks=weeks)
        assert upload_release(folder, URI, s3=s3)[1]
    remote, files = read_remote(s3)
    assert remote["release"] == manifest["release"]
    assert pl.read_parquet(files["weekly_conflict_stats/part-0.parquet"]).height == KEEP_RELEASES + 2
    listed = s3.list_objects_v2(Bucket=BUCKET, Prefix="team/conflict/releases/", Delimiter="/")
    kept = [p["Prefix"] for p in listed["CommonPrefixes"]]
    assert len(kept) == KEEP_RELEASES and not any(first in p for p in kept)


def test_publish_uri_must_be_s3(monkeypatch):
    assert parse_uri("s3://bucket/a/b/").prefix == "a/b"
    with pytest.raises(ValueError, match="SITREP_PUBLISH_URI"):
        parse_uri("/some/folder")
    monkeypatch.setenv("SITREP_PUBLISH_URI", "ftp://host/x")
    with pytest.raises(ValueError, match="SITREP_PUBLISH_URI"):
        Settings()
