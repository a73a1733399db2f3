"""The `sitrep` command: run the pipeline headless, query the warehouse, trace an event.

    sitrep run                 materialise every asset once through Dagster, print a summary
    sitrep sql "select ..."    a read-only query on the warehouse, printed as a table
    sitrep show EVENT_ID       an event and every sentence behind it
    sitrep evaluate            score against ../shared gold and evaluation sets
    sitrep bench [INBOX]       the pipeline's speed beside bare spaCy's, as JSON on the last line
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from sitrep.config import Settings, dagster_home

DAGSTER_YAML = """\
# Written by sitrep on first use.  Run history lives in this folder.
telemetry:
  enabled: false
run_queue:
  max_concurrent_runs: 1
"""


def prepare_dagster_home(create_storage: bool = False) -> Path:
    """Point Dagster at the project's run history (created on first use, telemetry off).

    With `create_storage` (`make setup`, `sitrep bench`), Dagster's run and event databases
    are created now, as the first run would otherwise do at its start (seconds of migrations).
    """
    home = dagster_home()
    os.environ["DAGSTER_HOME"] = str(home)
    config = home / "dagster.yaml"
    if not config.exists():
        home.mkdir(parents=True, exist_ok=True)
        config.write_text(DAGSTER_YAML)
    if create_storage:
        import dagster as dg

        with dg.DagsterInstance.get():
            pass
    return home


def _print_table(frame, title: str | None = None, fmt: str = "table") -> None:
    """A query result for people (a table, never letters stacked in narrow columns: long
    values are cut with an ellipsis in a terminal, printed whole into a pipe or a file) or for
    programs (`csv`)."""
    if fmt == "csv":
        sys.stdout.write(frame.write_csv())
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for name in frame.columns:
        table.add_column(name, no_wrap=True, overflow="ellipsis", min_width=min(len(name), 12))
    for row in frame.iter_rows():
        table.add_row(*["" if v is None else str(v) for v in row])
    console = Console()
    if not console.is_terminal:
        console = Console(width=max(80, table.__rich_measure__(console, console.options).maximum))
    console.print(table)


def cmd_run(args: argparse.Namespace) -> int:
    from filelock import FileLock, Timeout

    settings = Settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    prepare_dagster_home()
    lock = FileLock(str(settings.data_dir / ".sitrep-run.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        print(f"Another sitrep run is using {settings.data_dir}; waiting for it to finish ...", file=sys.stderr)
        lock.acquire()
    try:
        return _run_locked(settings, args)
    finally:
        lock.release()


LAST_INBOX = ".sitrep-last-inbox"
"""File in the data dir holding the fingerprint of the inbox the last finished run read."""


def _has_nlp_to_share(settings: Settings, fingerprint: str) -> bool:
    """Whether this run may parse articles: the inbox changed since the last finished run, or
    articles were left unparsed.  Only then do step processes pay for their start-up."""
    marker = settings.data_dir / LAST_INBOX
    if not marker.exists() or marker.read_text() != fingerprint or not settings.warehouse_path.exists():
        return True
    from sitrep.stages.freshness import unparsed
    from sitrep.store.warehouse import Warehouse

    return unparsed(Warehouse(settings.warehouse_path)) > 0


def _run_locked(settings: Settings, args: argparse.Namespace) -> int:
    from sitrep.ingest.fingerprint import inbox_fingerprint

    fingerprint = inbox_fingerprint(settings.inbox)
    parallel = settings.nlp_processes > 1 and _has_nlp_to_share(settings, fingerprint)
    if not parallel:
        code = _run_job(settings, args, parallel)
    else:
        from pipelines.forkserver import start_early, stop

        start_early()  # the step processes' fork server warms up while this process imports
        try:
            code = _run_job(settings, args, parallel)
        finally:
            stop()  # it holds this run's settings: the next run in this process starts its own
    if code in (0, 1):  # the run finished (1: a blocking check failed, the data is still read)
        (settings.data_dir / LAST_INBOX).write_text(fingerprint)
    return code


def _run_job(settings: Settings, args: argparse.Namespace, parallel: bool) -> int:
    import dagster as dg

    from pipelines.definitions import sitrep_all_job
    from sitrep.nlp.installed import ModelNotInstalled, require_model

    try:
        require_model(settings.spacy_model)
    except ModelNotInstalled as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not settings.inbox.is_dir():
        print(f"error: inbox folder not found: {settings.inbox} (set SITREP_INBOX)", file=sys.stderr)
        return 2
    print(f"sitrep run: inbox {settings.inbox} -> data dir {settings.data_dir.resolve()}", file=sys.stderr)
    level = "DEBUG" if args.verbose else "INFO"
    run_config = {"loggers": {"console": {"config": {"log_level": level}}},
                  "ops": {"raw_articles": {"config": {"force": bool(getattr(args, "force", False))}}}}
    with dg.DagsterInstance.get() as instance:
        if not parallel:  # one process: every step in this one, no fork server to start
            result = sitrep_all_job().execute_in_process(instance=instance, raise_on_error=False, run_config=run_config)
            return print_summary(settings, result)
        # the steps run in their own processes (multiprocess executor): they rebuild the job
        # from its module and read the same SITREP_* environment this process was given
        with dg.execute_job(dg.reconstructable(sitrep_all_job), instance=instance,
                            raise_on_error=False, run_config=run_config) as result:
            return print_summary(settings, result)


def print_summary(settings: Settings, result) -> int:
    from sitrep.store.warehouse import Warehouse

    checks = result.get_asset_check_evaluations()
    failed_blocking = [c for c in checks if not c.passed and c.severity.value == "ERROR"]
    warned = [c for c in checks if not c.passed and c.severity.value == "WARN"]
    warehouse = Warehouse(settings.warehouse_path)
    counts = warehouse.frame(
        "SELECT (SELECT count(*) FROM articles) AS articles, "
        "(SELECT count(*) FROM rejected_articles) AS rejected, "
        "(SELECT count(*) FROM event_mentions) AS mentions, "
        "(SELECT count(*) FROM events WHERE NOT is_aggregate) AS events, "
        "(SELECT count(*) FROM events WHERE is_aggregate) AS period_totals, "
        "(SELECT count(*) FROM events WHERE NOT is_aggregate AND event_date IS NULL) AS undated, "
        "(SELECT count(*) FROM articles WHERE date_flag IS NOT NULL) AS date_flags, "
        "(SELECT count(*) FROM raw_articles WHERE text_flag IS NOT NULL) AS text_flags, "
        "(SELECT count(DISTINCT week_start) FROM weekly_conflict_stats) AS weeks, "
        "(SELECT coalesce(sum(fatalities), 0) FROM weekly_conflict_stats) AS fatalities"
    ).row(0, named=True)
    reasons = warehouse.frame(
        "SELECT split_part(reason, ':', 1) AS reason, count(*) AS n FROM rejected_articles GROUP BY 1 ORDER BY 2 DESC"
    )
    print()
    print("sitrep run summary")
    print(f"  articles        {counts['articles']:>8}   rejected {counts['rejected']}"
          + (" (" + ", ".join(f"{r}: {n}" for r, n in reasons.iter_rows()) + ")" if reasons.height else ""))
    if counts["text_flags"]:
        print(f"  read leniently  {counts['text_flags']:>8}   (bytes that were not UTF-8 replaced; see raw_articles.text_flag)")
    print(f"  event mentions  {counts['mentions']:>8}")
    print(f"  events          {counts['events']:>8}   period totals kept as claims: {counts['period_totals']}")
    print(f"  undated events  {counts['undated']:>8}   (in no week); articles with a metadata date not used: "
          f"{counts['date_flags']}")
    print(f"  weeks           {counts['weeks']:>8}   fatalities counted: {counts['fatalities']}")
    print(f"  checks          {len(checks) - len(failed_blocking) - len(warned):>8} passed, "
          f"{len(failed_blocking)} failed (blocking), {len(warned)} warnings")
    for c in failed_blocking + warned:
        summary = c.metadata.get("summary")
        print(f"    {'FAILED' if c in failed_blocking else 'warn  '} {c.check_name}: {summary.value if summary else ''}")
    skipped = [e.step_key for e in result.all_events if e.event_type_value == "STEP_SKIPPED"]
    if skipped and result.success:
        print(f"  nothing new     the published release already holds these articles ({len(skipped)} steps skipped; "
              "--force runs them)")
    published = settings.published_dir
    print(f"  published       {published.absolute() if published.exists() else '(nothing yet)'}")
    print(f"  warehouse       {settings.warehouse_path.resolve()}")
    data_docs = settings.data_dir / "data_docs" / "index.html"  # written by sitrep.quality.docs
    print(f"  data docs       {data_docs.resolve() if data_docs.exists() else '(none yet)'}")
    if not result.success or failed_blocking:
        failed_steps = [e.step_key for e in result.all_events if e.is_step_failure]
        if failed_steps:
            print(f"  failed steps: {', '.join(failed_steps)}")
        return 1
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    from sitrep.store.warehouse import Warehouse, query

    settings = Settings()
    if not settings.warehouse_path.exists():
        print(f"error: no warehouse at {settings.warehouse_path}; run `sitrep run` first", file=sys.stderr)
        return 2
    try:
        with Warehouse(settings.warehouse_path).reader() as con:
            frame = query(con, args.query)
    except duckdb.Error as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.format == "csv":
        _print_table(frame, fmt="csv")  # every row: a program reads it
    else:
        _print_table(frame.head(args.limit), title=f"{frame.height} rows" + (f" (first {args.limit})" if frame.height > args.limit else ""))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from sitrep.store.warehouse import Warehouse

    settings = Settings()
    if not settings.warehouse_path.exists():
        print(f"error: no warehouse at {settings.warehouse_path}; run `sitrep run` first", file=sys.stderr)
        return 2
    warehouse = Warehouse(settings.warehouse_path)
    event = warehouse.frame("SELECT * FROM events WHERE event_id = ?", [args.event_id])
    if event.is_empty():
        print(f"error: no event {args.event_id}", file=sys.stderr)
        return 1
    row = event.row(0, named=True)
    for key, value in row.items():
        print(f"{key:>16}: {value}")
    mentions = warehouse.frame(
        "SELECT m.mention_id, m.char_start, m.char_end, m.count_char_start, m.count_char_end, m.fatalities_best, "
        "m.reported_by, m.evidence, a.source_id, a.outlet, a.published_date, r.text FROM event_mentions m "
        "JOIN articles a USING (article_id) JOIN raw_articles r USING (article_id) "
        "WHERE m.event_id = ? ORDER BY a.published_date, m.mention_id", [args.event_id])
    print(f"\n{mentions.height} mention(s):")
    for m in mentions.iter_rows(named=True):
        if m["char_start"] is None:  # read from the headline: no span in the text
            print(f"\n- {m['source_id']} ({m['outlet'] or 'unknown outlet'}, {m['published_date']}) "
                  f"headline, count {m['fatalities_best']}, reported by {m['reported_by']}")
            print(f"  {m['evidence']}")
            continue
        text = m["text"]
        sentence = text[m["char_start"]:m["char_end"]]
        if m["count_char_start"] is not None:
            cs, ce = m["count_char_start"] - m["char_start"], m["count_char_end"] - m["char_start"]
            sentence = sentence[:cs] + "[" + sentence[cs:ce] + "]" + sentence[ce:]
        print(f"\n- {m['source_id']} ({m['outlet'] or 'unknown outlet'}, {m['published_date']}) "
              f"chars {m['char_start']}-{m['char_end']}, count {m['fatalities_best']}, reported by {m['reported_by']}")
        print(f"  {sentence}")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from sitrep.evaluate.command import run_evaluation

    try:
        run_evaluation(args.only, fresh=args.fresh, errors=args.errors, json_out=args.json)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from sitrep.bench import main as bench_main

    settings = Settings()
    source = Path(args.inbox) if args.inbox else settings.inbox
    try:
        return bench_main(source, args.processes or settings.nlp_processes, settings.spacy_model, args.keep, args.log)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitrep", description="Checked weekly conflict statistics from news reports.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="materialise every asset once, headless, and print a summary")
    run.add_argument("-v", "--verbose", action="store_true", help="show Dagster's debug events too")
    run.add_argument("--force", action="store_true",
                     help="run every stage even when the published release already holds this inbox")
    run.set_defaults(func=cmd_run)
    sql = sub.add_parser("sql", help="run a read-only SQL query on the warehouse")
    sql.add_argument("query")
    sql.add_argument("--limit", type=int, default=50, help="rows shown in the table (csv prints all)")
    sql.add_argument("--format", choices=["table", "csv"], default="table")
    sql.set_defaults(func=cmd_sql)
    show = sub.add_parser("show", help="print an event and every sentence behind it")
    show.add_argument("event_id")
    show.set_defaults(func=cmd_show)
    evaluate = sub.add_parser("evaluate", help="score extraction and merging against ../shared gold and eval sets")
    evaluate.add_argument("--only", action="append", choices=["seeds", "fakes", "gva"], help="one set (repeatable)")
    evaluate.add_argument("--fresh", action="store_true", help="parse again instead of reusing earlier parses")
    evaluate.add_argument("--errors", type=int, default=10, help="errors to list per figure (0 for none)")
    evaluate.add_argument("--json", type=Path, help="also write the figures as JSON here")
    evaluate.set_defaults(func=cmd_evaluate)
    bench = sub.add_parser("bench", help="run the pipeline from an empty data dir beside bare spaCy; JSON figures last")
    bench.add_argument("inbox", nargs="?", help="inbox folder or one .jsonl file (default: SITREP_INBOX)")
    bench.add_argument("--processes", type=int, help="processes for both (default: SITREP_NLP_PROCESSES)")
    bench.add_argument("--keep", type=Path, help="write the run's data dir here (empty or new) instead of a temporary one")
    bench.add_argument("--log", type=Path, help="write the run's full log here")
    bench.set_defaults(func=cmd_bench)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    logging.getLogger("sitrep").setLevel(logging.INFO)
    try:
        return args.func(args)
    except BrokenPipeError:  # `sitrep sql ... | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except ValueError as exc:  # a bad setting: say which, without a traceback
        if "SITREP_" not in str(exc):
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
