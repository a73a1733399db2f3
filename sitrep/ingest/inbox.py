"""Read every article in an inbox folder, and say why anything was not read.

SPEC §2 fixes two formats: `*.txt` (metadata from `manifest.csv` or a `<name>.json` sidecar)
and `*.jsonl` (one article per line).  Bad input never stops a run and is never dropped
silently: each problem becomes a `Reject` with a reason the user can act on.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Container, Iterator

import py3langid

from sitrep.ingest.identity import article_id
from sitrep.ingest.language import identified_as_english, plainly_english

METADATA_KEYS = ("published", "outlet", "url", "title")
MIN_CHARS_FOR_LANGUAGE_ID = 60
MAX_REPLACEMENT_SHARE = 0.01


@dataclass(frozen=True)
class RawArticle:
    article_id: str
    source_id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_meta: str | None = None
    text_flag: str | None = None


@dataclass(frozen=True)
class Reject:
    source: str
    reason: str


@dataclass
class InboxRead:
    articles: list[RawArticle] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    duplicates: int = 0


def _clean_meta(value: object) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def decode_text(data: bytes) -> tuple[str | None, str | None]:
    """Decode bytes leniently; return (text, None) or (None, reason)."""
    if b"\x00" in data:
        return None, "binary: contains NUL bytes"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    share = text.count("\ufffd") / max(len(text), 1)
    if share > MAX_REPLACEMENT_SHARE:
        return None, f"not UTF-8: {share:.0%} of characters undecodable"
    return text, None


def text_flag(text: str) -> str | None:
    """Why a kept text deserves a second look: bytes that were not UTF-8 and were replaced
    (a lenient read keeps an article with a few bad bytes, but says so)."""
    bad = text.count("\ufffd")
    return f"not UTF-8: {bad} undecodable byte{'' if bad == 1 else 's'} replaced" if bad else None


def check_text(text: str | None, max_chars: int, known: bool = False) -> str | None:
    """The reason a decoded text is not an article, or None when it is fine.  A `known` text
    (stored by an earlier run, so it passed) skips the language check, the costly part."""
    if text is None or not text.strip():
        return "empty: no text"
    if len(text) > max_chars:
        return f"oversize: {len(text):,} characters (limit {max_chars:,})"
    if known:
        return None
    sample = text[:3000]
    if len(sample.strip()) >= MIN_CHARS_FOR_LANGUAGE_ID and not plainly_english(sample):
        ranking = py3langid.rank(sample)
        if not identified_as_english(ranking):
            return f"not English: looks like '{ranking[0][0]}'"
    return None


def _read_manifest(folder: Path, rejects: list[Reject]) -> dict[str, dict[str, str | None]]:
    path = folder / "manifest.csv"
    if not path.is_file() or path.is_symlink():
        return {}
    meta: dict[str, dict[str, str | None]] = {}
    try:
        rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig", errors="replace")))
        for row in rows:
            name = _clean_meta(row.get("file"))
            if name:
                meta[name] = {k: _clean_meta(row.get(k)) for k in METADATA_KEYS}
    except csv.Error as exc:
        rejects.append(Reject(str(path), f"manifest unreadable: {exc}"))
    return meta


def _read_sidecar(path: Path, rejects: list[Reject]) -> dict[str, str | None]:
    sidecar = path.with_suffix(".json")
    if not sidecar.is_file() or sidecar.is_symlink():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        rejects.append(Reject(str(sidecar), f"sidecar metadata unreadable: {exc}"))
        return {}
    if not isinstance(data, dict):
        rejects.append(Reject(str(sidecar), "sidecar metadata is not a JSON object"))
        return {}
    return {k: _clean_meta(data.get(k)) for k in METADATA_KEYS}


def _iter_txt(path: Path, meta: dict[str, str | None], max_bytes: int,
              known: Container[str] = ()) -> Iterator[RawArticle | Reject]:
    size = path.stat().st_size
    if size > max_bytes:
        yield Reject(str(path), f"oversize: {size:,} bytes (limit {max_bytes:,})")
        return
    text, reason = decode_text(path.read_bytes())
    aid = article_id(text, meta.get("title")) if text is not None else None
    reason = reason or check_text(text, max_bytes, known=aid in known)
    if reason:
        yield Reject(str(path), reason)
        return
    assert text is not None and aid is not None
    yield RawArticle(
        article_id=aid,
        source_id=path.name,
        source=str(path),
        text=text,
        title=meta.get("title"),
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        published_meta=meta.get("published"),
        text_flag=text_flag(text),
    )


def _iter_jsonl(path: Path, max_bytes: int, known: Container[str] = ()) -> Iterator[RawArticle | Reject]:
    with path.open("rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            where = f"{path}:{lineno}"
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                yield Reject(where, f"oversize: {len(raw):,} bytes (limit {max_bytes:,})")
                continue
            line, reason = decode_text(raw)
            if reason:
                yield Reject(where, reason)
                continue
            try:
                record = json.loads(line.strip())
            except json.JSONDecodeError as exc:
                yield Reject(where, f"malformed JSON: {exc.msg} at character {exc.pos + 1}")
                continue
            if not isinstance(record, dict):
                yield Reject(where, "malformed record: not a JSON object")
                continue
            text = record.get("text")
            if not isinstance(text, str):
                yield Reject(where, "no text: record has no 'text' string")
                continue
            aid = article_id(text, _clean_meta(record.get("title")))
            reason = check_text(text, max_bytes, known=aid in known)
            if reason:
                yield Reject(where, reason)
                continue
            source_id = _clean_meta(record.get("id")) or f"{path.name}:{lineno}"
            yield RawArticle(
                article_id=aid,
                source_id=source_id,
                source=where,
                text=text,
                title=_clean_meta(record.get("title")),
                outlet=_clean_meta(record.get("outlet")),
                url=_clean_meta(record.get("url")),
                published_meta=_clean_meta(record.get("published")),
                text_flag=text_flag(text),
            )


def read_inbox(folder: Path, max_bytes: int = 2_000_000, known: Container[str] = ()) -> InboxRead:
    """Read every article in `folder` (not recursive), in file-name order.

    Symbolic links are never followed; files of other kinds are reported, not read.  The same
    headline and text delivered twice are kept once, the second delivery reported as a
    duplicate (`sitrep.ingest.identity`).  Texts whose id is in `known` (stored already) are
    not language-checked again.
    """
    folder = Path(folder)
    result = InboxRead()
    if not folder.is_dir():
        raise FileNotFoundError(f"inbox folder not found: {folder} (set SITREP_INBOX)")
    manifest = _read_manifest(folder, result.rejects)
    for name in sorted(manifest):
        if Path(name).name != name:  # "../x.txt", "sub/x.txt": the inbox is one folder, nothing outside
            result.rejects.append(Reject(str(folder / "manifest.csv"), f"manifest row outside the inbox: {name}"))
        elif not (folder / name).is_file():
            result.rejects.append(Reject(str(folder / "manifest.csv"), f"manifest row for a missing file: {name}"))
    seen: dict[str, str] = {}
    for path in sorted(folder.iterdir()):
        name = path.name
        if path.is_symlink():
            result.rejects.append(Reject(str(path), "symbolic link: not followed"))
            continue
        if path.is_dir():
            # the inbox is one folder: what sits in a subfolder is not read, but never silently
            result.rejects.append(Reject(str(path), "folder: its files are not read (the inbox is not searched recursively)"))
            continue
        if name == "manifest.csv":
            continue
        suffix = path.suffix.lower()
        if suffix == ".json" and path.with_suffix(".txt").exists():
            continue  # a sidecar, read with its article
        if suffix == ".txt":
            meta = {**manifest.get(name, {}), **{k: v for k, v in _read_sidecar(path, result.rejects).items() if v}}
            items = _iter_txt(path, meta, max_bytes, known)
        elif suffix == ".jsonl":
            items = _iter_jsonl(path, max_bytes, known)
        else:
            result.rejects.append(Reject(str(path), f"unsupported file type: '{suffix or name}' (expected .txt or .jsonl)"))
            continue
        try:
            for item in items:
                if isinstance(item, Reject):
                    result.rejects.append(item)
                elif item.article_id in seen:
                    result.duplicates += 1
                    result.rejects.append(
                        Reject(item.source, f"duplicate: same headline and text as {seen[item.article_id]}")
                    )
                else:
                    seen[item.article_id] = item.source
                    result.articles.append(item)
        except OSError as exc:
            result.rejects.append(Reject(str(path), f"unreadable: {exc.strerror or exc}"))
    return result


def inbox_for_file(path: Path, parent: Path | None = None) -> Path:
    """A new folder (under `parent`, else a temporary one) holding a copy of the one article
    file `path`: an inbox is a folder, and a JSONL corpus often comes as one file."""
    folder = Path(tempfile.mkdtemp(prefix="sitrep-inbox-", dir=parent))
    shutil.copy(path, folder / Path(path).name)
    return folder


def now_utc() -> datetime:
    return datetime.now(timezone.utc)
