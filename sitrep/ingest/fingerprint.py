"""A cheap fingerprint of an inbox folder: what the sensor and `sitrep run` compare between runs."""

from __future__ import annotations

import hashlib
from pathlib import Path


def inbox_fingerprint(inbox: Path) -> str:
    """A hash of the names, sizes and modification times of the inbox's files."""
    digest = hashlib.sha256()
    if inbox.is_dir():
        for path in sorted(inbox.iterdir()):
            if path.is_file() and not path.is_symlink():
                stat = path.stat()
                digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:20]
