#!/usr/bin/env python3
"""Benchmark `newslint audit`: one process, then Dask (LocalCluster), then kill-and-resume.

    python bench/make_archive.py /tmp/archive -n 100000
    python bench/audit_bench.py /tmp/archive                    # --workers 2 --kill-after 5
    python bench/audit_bench.py /tmp/archive --skip-dask

Each audit runs as a separate `newslint audit` process on a fresh database, as a
user would run it; files/s counts from process start to exit (the Dask run
includes starting its cluster). The kill-and-resume check starts an audit,
kills it (SIGKILL) after ``--kill-after`` seconds, resumes it, and compares the
findings with the uninterrupted single-process audit: row for row, by a hash of
the sorted rows.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

META = r"(?P<year>\d{4})/(?P<section>[^/]+)/"


def audit_command(archive: str, db: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "newslint.cli", "audit", archive, "--db", db, "--meta-from-path", META,
            "--no-progress", *extra]


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr}")
    print("   ", result.stderr.strip().splitlines()[-1])
    return elapsed


def digest(db: str) -> tuple[int, int, str]:
    """(files, findings, sha256 of the sorted finding rows)."""
    with sqlite3.connect(db) as connection:
        files = connection.execute("SELECT COUNT(*) FROM files").fetchone()[0]
        rows = sorted(connection.execute(
            'SELECT files.source, files.path, files.sha256, rule, severity, line, "column", end_line, end_column, '
            "message, matched, suggestion FROM findings JOIN files ON files.id = findings.file_id"))
    return files, len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()[:16]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("archive", help="an archive made by bench/make_archive.py")
    parser.add_argument("--workers", type=int, default=2, help="Dask LocalCluster workers (default: 2)")
    parser.add_argument("--batch-size", type=int, default=500, help="articles per Dask task (default: 500)")
    parser.add_argument("--kill-after", type=float, default=5.0, metavar="SECONDS",
                        help="kill the interrupted audit after this long (default: 5)")
    parser.add_argument("--skip-dask", action="store_true", help="no Dask run")
    parser.add_argument("--workdir", help="where the databases go (default: a temporary folder)")
    args = parser.parse_args()
    work = args.workdir or tempfile.mkdtemp(prefix="newslint-audit-bench-")
    os.makedirs(work, exist_ok=True)
    archive = args.archive
    results = {}

    single = os.path.join(work, "single.sqlite")
    print(f"single process: {single}")
    seconds = timed(audit_command(archive, single))
    results["single"] = digest(single)
    files = results["single"][0]
    print(f"  {files:,} files in {seconds:.1f}s: {files / seconds:,.0f} files/s; "
          f"{results['single'][1]:,} findings")

    if not args.skip_dask:
        dask_db = os.path.join(work, "dask.sqlite")
        print(f"dask local, {args.workers} workers: {dask_db}")
        seconds = timed(audit_command(archive, dask_db, "--dask", "local", "--dask-workers", str(args.workers),
                                      "--batch-size", str(args.batch_size)))
        results["dask"] = digest(dask_db)
        print(f"  {results['dask'][0]:,} files in {seconds:.1f}s: {results['dask'][0] / seconds:,.0f} files/s; "
              f"{results['dask'][1]:,} findings; identical to single process: "
              f"{results['dask'] == results['single']}")

    killed = os.path.join(work, "killed.sqlite")
    print(f"kill and resume: {killed}")
    process = subprocess.Popen(audit_command(archive, killed), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    time.sleep(args.kill_after)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        with sqlite3.connect(killed) as connection:
            recorded = connection.execute("SELECT COUNT(*) FROM files").fetchone()[0]
            torn = connection.execute("SELECT COUNT(*) FROM files WHERE findings != "
                                      "(SELECT COUNT(*) FROM findings WHERE file_id = files.id)").fetchone()[0]
        print(f"  killed after {args.kill_after:.1f}s with {recorded:,} files recorded "
              f"({torn} with missing findings)")
    else:
        print(f"  the audit finished before {args.kill_after}s: nothing to kill (use a bigger archive)")
    seconds = timed(audit_command(archive, killed))
    results["resumed"] = digest(killed)
    print(f"  resumed in {seconds:.1f}s; files {results['resumed'][0]:,}, findings {results['resumed'][1]:,}; "
          f"identical to the uninterrupted audit: {results['resumed'] == results['single']}")
    ok = all(value == results["single"] for value in results.values())
    print("OK" if ok else "MISMATCH", {name: value for name, value in results.items()})
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
