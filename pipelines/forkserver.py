"""The fork server the multiprocess executor forks every step from, started as early as possible.

Dagster starts the fork server when the first step runs, after the run process has imported
everything; the server then imports everything again (`pipelines.preload`).  `start_early()`,
called by `sitrep run` before its own imports, starts the same server at once, so the two
imports overlap on two cores.  The module list must be the one Dagster would set (it has no
effect on a server already running): the executor's own module first, then the preload.
"""

from __future__ import annotations

import multiprocessing

PRELOAD = "pipelines.preload"
PRELOAD_MODULES = ["dagster._core.executor.multiprocess", PRELOAD]


def start_early() -> None:
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD_MODULES)
    forkserver.ensure_running()
