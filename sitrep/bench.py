"""`sitrep bench`: the whole pipeline against spaCy's own speed on the same texts, in one run.

The NLP stage bounds the pipeline, so the figure that matters is how close `sitrep run` (from
an empty data dir, everything included: Dagster, ingest, checks, merging, publishing) comes to
bare `nlp.pipe` of the full model over the same texts with as many processes.  Both are
measured here, one after the other, so a busy machine slows both alike.  The bound is given
exactly the texts the pipeline hands spaCy (boilerplate blanked) and is timed over `nlp.pipe`
alone, model loading excluded: a strict bound.  Memory is the peak of the summed resident
memory of the run's whole process tree (the run, the fork server, the step processes),
sampled every 0.2 s.  Then `sitrep run` again on the same inbox: `rerun_fraction` is what a
run with nothing new costs beside the first.  On a machine shared with other work, wall-clock
figures move with the load; `cpu_ratio` (the bound's CPU seconds over the run's) moves much less.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

SAMPLE_EVERY_S = 0.2


@dataclass
class TreeSampler:
    """Peak summed RSS, and CPU seconds, of a process and all its descendants, sampled in a thread.

    A step process's CPU time is its last sample before it ends (up to `SAMPLE_EVERY_S` of it
    can be missed); the kernel's children accounting cannot be used, because the fork server's
    children are not all waited for by the time the run exits.
    """

    pid: int
    peak_bytes: int = 0

    def __post_init__(self) -> None:
        self._cpu: dict[tuple[int, float], float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def cpu_seconds(self) -> float:
        return sum(self._cpu.values())

    def _sample(self) -> int:
        try:
            root = psutil.Process(self.pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return 0
        total = 0
        for proc in procs:
            try:
                with proc.oneshot():
                    total += proc.memory_info().rss
                    times = proc.cpu_times()
                    self._cpu[(proc.pid, proc.create_time())] = times.user + times.system
            except psutil.NoSuchProcess:
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_bytes = max(self.peak_bytes, self._sample())
            self._stop.wait(SAMPLE_EVERY_S)

    def __enter__(self) -> "TreeSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def prepare_inbox(source: Path, workdir: Path) -> Path:
    """An inbox folder for `source`: the folder itself, or a folder holding a copy of the file."""
    if source.is_dir():
        return source
    if not source.is_file():
        raise FileNotFoundError(f"inbox not found: {source}")
    from sitrep.ingest.inbox import inbox_for_file

    return inbox_for_file(source, parent=workdir)


def prepare_home(home: Path) -> Path:
    """A Dagster home for the timed run, set up as `make setup` sets up the project's (its
    databases created), so the run is timed as a user's would be, not a first-ever run."""
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    subprocess.run([sys.executable, "-c", "from sitrep.cli import prepare_dagster_home; "
                    "prepare_dagster_home(create_storage=True)"], env=env, check=True)
    return home


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_pipeline(inbox: Path, data_dir: Path, dagster_home: Path, processes: int,
                 log: Path | None = None) -> tuple[float, float, int, int]:
    """`sitrep run` in a child process: (seconds, CPU seconds of its tree, peak RSS bytes of its
    tree, exit code)."""
    env = {**os.environ, "SITREP_INBOX": str(inbox), "SITREP_DATA_DIR": str(data_dir),
           "DAGSTER_HOME": str(dagster_home), "SITREP_NLP_PROCESSES": str(processes)}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "run"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    with TreeSampler(proc.pid) as tree:
        output, _ = proc.communicate()
    seconds = time.perf_counter() - started
    if log is not None:
        log.write_text(output)
    if proc.returncode not in (0, 1):  # 1: the run finished with a blocking check failed
        sys.stderr.write(output[-4000:])
        raise RuntimeError(f"sitrep run failed with exit code {proc.returncode}")
    summary = output[output.rfind("sitrep run summary"):] if "sitrep run summary" in output else output[-2000:]
    if proc.returncode:
        failures = [line for line in output.splitlines() if "STEP_FAILURE" in line or "Error" in line]
        summary = "\n".join(failures[-20:]) + "\n" + summary
    print(summary, file=sys.stderr)
    return seconds, tree.cpu_seconds, tree.peak_bytes, proc.returncode


def parsed_texts(warehouse_path: Path) -> tuple[list[tuple[str, bool]], int]:
    """The texts the pipeline parsed, as it handed them to spaCy (each article's headline, when
    it came with one, then its cleaned text), each marked whether it is an article, and the
    articles' word count."""
    from sitrep.stages.parse import title_line
    from sitrep.store.warehouse import Warehouse
    from sitrep.text.boilerplate import clean

    frame = Warehouse(warehouse_path).frame(
        "SELECT r.text, r.title, a.n_words FROM raw_articles r JOIN articles a USING (article_id) ORDER BY r.source")
    texts: list[tuple[str, bool]] = []
    for text, title in zip(frame["text"], frame["title"]):
        line = title_line(title)
        if line is not None:
            texts.append((line, False))
        texts.append((clean(text).text, True))
    return texts, int(frame["n_words"].sum() or 0)


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime + _children_cpu()


def bound(texts: list[tuple[str, bool]], model: str, processes: int, batch_size: int = 32) -> tuple[float, float, int]:
    """Bare `nlp.pipe` of the full model (every component it ships enabled) over the texts,
    headlines included: (seconds, CPU seconds of this process and its workers, the articles'
    words)."""
    import multiprocessing

    import spacy

    from sitrep.stages.parse import sizes

    nlp = spacy.load(model)
    cpu_before = _own_cpu()
    started = time.perf_counter()
    words = 0
    for doc, is_article in nlp.pipe(texts, as_tuples=True, n_process=processes, batch_size=batch_size):
        if is_article:
            words += sizes(doc)[1]  # the pipeline's own count of an article's words
    seconds = time.perf_counter() - started
    for worker in multiprocessing.active_children():  # reaped, so their CPU time is counted
        worker.join()
    return seconds, _own_cpu() - cpu_before, words


def bench(source: Path, processes: int, model: str, keep: Path | None = None, log: Path | None = None) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="sitrep-bench-"))
    try:
        inbox = prepare_inbox(source, workdir)
        data_dir = keep or workdir / "data"
        if data_dir.exists() and any(data_dir.iterdir()):
            raise ValueError(f"{data_dir} is not empty: the benchmark starts from an empty data dir")
        home = prepare_home(workdir / "dagster_home")
        print(f"sitrep bench: pipeline on {inbox} ({processes} processes) ...", file=sys.stderr)
        seconds, cpu, peak, code = run_pipeline(inbox, data_dir, home, processes, log)
        print("sitrep bench: the same inbox again (a re-run: nothing new) ...", file=sys.stderr)
        rerun_s, _, _, _ = run_pipeline(inbox, data_dir, home, processes)
        texts, words = parsed_texts(data_dir / "warehouse.duckdb")
        print(f"sitrep bench: bare nlp.pipe of {model} on the same {len(texts)} texts ...", file=sys.stderr)
        bound_s, bound_cpu, bound_words = bound(texts, model, processes)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    articles = sum(1 for _, is_article in texts if is_article)
    words_per_s = words / seconds if seconds else 0.0
    bound_wps = bound_words / bound_s if bound_s else 0.0
    return {
        "articles": articles,
        "words": words,
        "seconds": round(seconds, 2),
        "articles_per_s": round(articles / seconds, 2) if seconds else 0.0,
        "words_per_s": round(words_per_s, 1),
        "bound_seconds": round(bound_s, 2),
        "bound_words_per_s": round(bound_wps, 1),
        "ratio": round(words_per_s / bound_wps, 3) if bound_wps else 0.0,
        "peak_rss_mb": round(peak / 2**20, 1),
        "cpu_seconds": round(cpu, 1),
        "cores_busy": round(cpu / seconds, 2) if seconds else 0.0,
        "bound_cpu_seconds": round(bound_cpu, 1),
        "cpu_ratio": round(bound_cpu / cpu, 3) if cpu else 0.0,
        "rerun_seconds": round(rerun_s, 2),
        "rerun_fraction": round(rerun_s / seconds, 3) if seconds else 0.0,
        "processes": processes,
        "run_exit_code": code,
    }


def main(source: Path, processes: int, model: str, keep: Path | None = None, log: Path | None = None) -> int:
    result = bench(source, processes, model, keep, log)
    print(json.dumps(result))
    return 0
