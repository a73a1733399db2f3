"""Copy a published release to object storage (S3 or any S3-compatible server), atomically.

`SITREP_PUBLISH_URI=s3://bucket/prefix` adds this target to the local `published/` folder,
which stays the default and the source.  Object stores have no rename, so atomicity comes from
the order of writes: a release's files go under a new key prefix `releases/<id>/` that no
reader knows yet, then `<prefix>/manifest.json` (a single PUT, which S3 applies whole) is
replaced last and names that release.  A reader who reads the manifest first and then the files
it lists always sees one whole release; older releases stay readable until pruned.  The
endpoint and credentials are boto3's own settings (`AWS_ENDPOINT_URL`, `AWS_ACCESS_KEY_ID`, a
profile, an instance role), so nothing here is S3-vendor specific.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

KEEP_RELEASES = 3
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Target:
    bucket: str
    prefix: str

    def key(self, *parts: str) -> str:
        return "/".join(p.strip("/") for p in (self.prefix, *parts) if p.strip("/"))


def parse_uri(uri: str) -> Target:
    """`s3://bucket/some/prefix` -> Target('bucket', 'some/prefix')."""
    parsed = urlparse(uri)
    if parsed.scheme != "s3" or not parsed.netloc:
        raise ValueError(f"SITREP_PUBLISH_URI must look like s3://bucket/prefix, not {uri!r}")
    return Target(parsed.netloc, parsed.path.strip("/"))


def client():
    import boto3

    return boto3.client("s3")


def remote_manifest(s3, target: Target) -> dict | None:
    try:
        body = s3.get_object(Bucket=target.bucket, Key=target.key(MANIFEST))["Body"].read()
    except s3.exceptions.NoSuchKey:
        return None
    return json.loads(body)


def upload_release(release_dir: Path, uri: str, s3=None) -> tuple[str, bool]:
    """Upload the local release in `release_dir` to `uri`; returns (manifest key, uploaded?).

    Nothing is sent when the remote manifest already names this release.
    """
    target = parse_uri(uri)
    s3 = s3 or client()
    manifest = json.loads((release_dir / MANIFEST).read_text())
    release = manifest["release"]
    current = remote_manifest(s3, target)
    if current is not None and current.get("release") == release:
        return target.key(MANIFEST), False
    root = target.key("releases", release)
    for table in manifest["tables"].values():
        for f in table["files"]:
            s3.upload_file(str(release_dir / f["path"]), target.bucket, f"{root}/{f['path']}")
    earlier = (current.get("history") or [current["release"]]) if current else []
    history = [release, *[r for r in earlier if r != release]][:KEEP_RELEASES]
    body = json.dumps({**manifest, "root": f"releases/{release}/", "history": history}, indent=2).encode()
    s3.put_object(Bucket=target.bucket, Key=f"{root}/{MANIFEST}", Body=body, ContentType="application/json")
    s3.put_object(Bucket=target.bucket, Key=target.key(MANIFEST), Body=body, ContentType="application/json")
    _prune(s3, target, keep=set(history))
    return target.key(MANIFEST), True


def _prune(s3, target: Target, keep: set[str]) -> None:
    """Delete the releases the manifest's history no longer names (newest first, `KEEP_RELEASES`)."""
    prefix = target.key("releases") + "/"
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=target.bucket, Prefix=prefix, Delimiter="/")
    releases = [p["Prefix"] for page in pages for p in page.get("CommonPrefixes", [])]
    for old in releases:
        if old[len(prefix):].rstrip("/") in keep:
            continue
        objects = s3.get_paginator("list_objects_v2").paginate(Bucket=target.bucket, Prefix=old)
        keys = [{"Key": o["Key"]} for page in objects for o in page.get("Contents", [])]
        for i in range(0, len(keys), 1000):
            s3.delete_objects(Bucket=target.bucket, Delete={"Objects": keys[i:i + 1000]})
