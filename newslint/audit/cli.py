"""The ``audit`` and ``audit-report`` subcommands (registered by newslint/cli.py)."""

from __future__ import annotations

import argparse
import sys


def add_parsers(commands) -> None:
    audit = commands.add_parser("audit", help="check a whole archive and store every finding in SQLite")
    audit.add_argument("sources", nargs="+", metavar="SOURCE",
                       help="folders, files, globs ('archive/20*/**/*.md') or .jsonl exports")
    audit.add_argument("--db", metavar="FILE", help="the audit database (created, or resumed when it exists)")
    audit.add_argument("--config", metavar="PATH", help="use this configuration file for every article")
    audit.add_argument("--select", action="append", metavar="RULES",
                       help="check only these rule ids or plugin prefixes (comma separated)")
    audit.add_argument("--ignore", action="append", metavar="RULES",
                       help="do not check these rule ids or plugin prefixes (comma separated)")
    audit.add_argument("--jsonl-text", default="text", metavar="FIELD",
                       help="the field of a .jsonl record holding the article (default: text)")
    audit.add_argument("--jsonl-id", default="id", metavar="FIELD",
                       help="the field of a .jsonl record naming it (default: id)")
    audit.add_argument("--meta-from-path", metavar="REGEX",
                       help="named groups stored as metadata, e.g. '(?P<year>\\d{4})/(?P<section>[^/]+)/'")
    audit.add_argument("--batch-size", type=int, default=200, metavar="N",
                       help="articles per Dask task and per Parquet partition (default: 200)")
    audit.add_argument("--dask", metavar="ADDRESS",
                       help="run on a Dask cluster: a scheduler address, or 'local' for a LocalCluster")
    audit.add_argument("--dask-workers", type=int, default=2, metavar="N",
                       help="workers of --dask local (default: 2)")
    audit.add_argument("--out-parquet", metavar="DIR",
                       help="also (or, without --db, only) write the results as Parquet partitions in DIR")
    audit.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                       help="draw a progress bar on standard error (default: when it is a terminal)")

    report = commands.add_parser("audit-report", help="summarize an audit database")
    report.add_argument("database", metavar="DB")
    report.add_argument("--format", choices=("text", "json", "html"), default="text")
    report.add_argument("--by", default="folder", metavar="FIELD",
                        help="group by rule, folder, source or a metadata field such as year or section "
                             "(default: folder)")
    report.add_argument("--top", type=int, default=20, metavar="N",
                        help="how many groups and offending terms to show (default: 20)")
    report.add_argument("--output-file", "-o", metavar="PATH", help="write the report there instead")


def run(args: argparse.Namespace) -> int:
    from newslint.cli import _selectors

    if args.command == "audit":
        from newslint.audit.run import AuditOptions, run_audit

        options = AuditOptions(
            sources=args.sources, db=args.db, config=args.config, select=_selectors(args.select),
            ignore=_selectors(args.ignore) or [], jsonl_text=args.jsonl_text, jsonl_id=args.jsonl_id,
            meta_from_path=args.meta_from_path, dask=args.dask, dask_workers=args.dask_workers,
            batch_size=max(args.batch_size, 1), out_parquet=args.out_parquet, progress=args.progress)
        summary = run_audit(options)
        rate = summary.checked / summary.seconds if summary.seconds > 0 else 0.0
        print(f"audit: {summary.checked:,} articles checked, {summary.skipped:,} skipped (unchanged), "
              f"{summary.failed:,} could not be checked, {summary.findings:,} findings "
              f"in {summary.seconds:.1f}s ({rate:,.0f} articles/s)", file=sys.stderr)
        return 0
    from newslint.audit.report import report

    text = report(args.database, fmt=args.format, by=args.by, top=max(args.top, 1))
    if args.output_file:
        from newslint.files import write_text_atomically

        write_text_atomically(args.output_file, text)
    else:
        sys.stdout.write(text)
    return 0
