"""Progress of long work, reported through a logger every few percent (and at the end).

Dagster shows log lines in the UI and `sitrep run` prints them, so one mechanism serves both.
"""

from __future__ import annotations

import logging
import time


class Progress:
    def __init__(self, label: str, total: int, logger: logging.Logger | None = None, every: float = 0.1):
        self.label = label
        self.total = total
        self.done = 0
        self.logger = logger or logging.getLogger("sitrep")
        self.every = max(1, int(total * every))
        self.started = time.monotonic()
        self._next = self.every

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.done >= self._next or self.done == self.total:
            elapsed = time.monotonic() - self.started
            rate = self.done / elapsed if elapsed > 0 else 0.0
            self.logger.info(f"{self.label}: {self.done}/{self.total} ({rate:.1f}/s)")
            while self._next <= self.done:
                self._next += self.every
