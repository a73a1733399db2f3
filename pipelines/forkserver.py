"""The fork server the multiprocess executor forks every step from, started as early as possible.

Dagster starts the fork server when the first step runs, after the run process has imported
everything; the server then imports everything again (`pipelines.preload`).  `start_early()`,
called by `sitrep run` before its own imports, starts the same server at once, so the two
imports overlap on two cores.  The module list must be the one Dagster would set (it has no
effect on a server already running): the executor's own module first, then the preload.

Step processes inherit the server's environment and the definitions it imported, so a server
must not outlive its run: `stop()` ends it, and the next run in the same process (a test
session, a notebook) starts one with the settings of that run.
"""

from __future__ import annotations

import multiprocessing
import os
import signal

PRELOAD = "pipelines.preload"
PRELOAD_MODULES = ["dagster._core.executor.multiprocess", PRELOAD]


def start_early() -> None:
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD_MODULES)
    forkserver.ensure_running()


def stop() -> None:
    """End the fork server, if one runs (CPython keeps one per process; `_stop` is its own
    shutdown, used by CPython's tests).

    The server is sent SIGTERM first: it holds nothing to save (its steps have ended and wrote
    their own results), and left to exit by itself it would spend 1.5 s tearing down the
    spaCy model and the imported libraries while the run waits for it."""
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    if server is None or not hasattr(server, "_stop"):
        return
    pid = getattr(server, "_forkserver_pid", None)
    if pid is not None:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    server._stop()
