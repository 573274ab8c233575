#!/usr/bin/env python3
"""Worker processes: the CLI over 1,000 files with --jobs 1 and --jobs 2.

    python bench/parallel.py [--corpus DIR | --generated N] [--jobs 2] [--runs 7]

Copies the BBC corpus (``../shared/corpus/bbc``, when present) or writes N
generated articles into a temporary folder, then times ``newslint check`` over
it with one job and with ``--jobs`` jobs, alternately, ``--runs`` times
(results cache off; bytecode cached as for an installed package, see
startup.py), checks that both reports are identical, and prints the speed-up:
the median of the runs' ratios (the machine's speed drifts between runs; a
pair run back to back shares the drift) and the ratio of the best times.

It also measures, alternately with the same runs, what the machine itself
allows: a pure-Python loop run whole in one process, and split over N
processes at once. On a virtual machine whose processors share physical cores
with other work, that ceiling is well under N; the speed-up is best read
against it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsgen import article  # noqa: E402
from startup import bytecode_env, newslint_command  # noqa: E402

BBC = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bbc"


def fill(folder: Path, corpus: Path | None, generated: int) -> int:
    if corpus is not None and corpus.is_dir() and not generated:
        files = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md", ".html"))
        for path in files:
            target = folder / path.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        return len(files)
    count = generated or 1000
    for seed in range(count):
        path = folder / f"{seed // 100:02d}" / f"{seed:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(seed=seed, paragraphs=12), encoding="utf-8")
    return count


def timed(command: list[str], cwd: Path) -> tuple[float, bytes]:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=bytecode_env(cwd))
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr.decode()}")
    return elapsed, result.stdout


#: A pure-Python loop, of about the cost of checking the corpus once.
_LOOP = "import sys\ntotal = 0\nfor i in range(int(sys.argv[1])):\n    total += i"
_LOOP_STEPS = 24_000_000


def ceiling_pair(jobs: int) -> float:
    """The speed-up the machine gives now: the loop whole in one process against split over ``jobs``."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", _LOOP, str(_LOOP_STEPS)], check=True)
    whole = time.perf_counter() - started
    started = time.perf_counter()
    parts = [subprocess.Popen([sys.executable, "-c", _LOOP, str(_LOOP_STEPS // jobs)]) for _ in range(jobs)]
    for part in parts:
        part.wait()
    return whole / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BBC, help="a folder of articles (default: the BBC corpus)")
    parser.add_argument("--generated", type=int, default=0, help="write this many generated articles instead")
    parser.add_argument("--jobs", type=int, default=2, help="jobs to compare with one (default: 2)")
    parser.add_argument("--runs", type=int, default=7, help="runs of each")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "articles"
        count = fill(folder, args.corpus, args.generated)
        megabytes = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6
        base = newslint_command() + ["check", "--no-cache", "--fail-on", "never", "articles"]
        timed(base + ["-j1"], Path(temporary))  # warm the start-up caches and the file system
        one, many, ceiling = [], [], []
        for _ in range(args.runs):
            ceiling.append(ceiling_pair(args.jobs))
            elapsed, out_one = timed(base + ["-j1"], Path(temporary))
            one.append(elapsed)
            elapsed, out_many = timed(base + [f"-j{args.jobs}"], Path(temporary))
            many.append(elapsed)
            if out_one != out_many:
                raise SystemExit("the reports differ between -j1 and -j%d" % args.jobs)
    pairs = sorted(a / b for a, b in zip(one, many))
    print(f"{count} files, {megabytes:.2f} MB, {os.cpu_count()} processors, {args.runs} runs of each, alternating")
    print(f"-j1: best {min(one):6.2f} s   median {statistics.median(one):6.2f} s")
    print(f"-j{args.jobs}: best {min(many):6.2f} s   median {statistics.median(many):6.2f} s  (identical report)")
    print(f"speed-up with {args.jobs} jobs: {statistics.median(pairs):.2f}x (median of the {args.runs} paired runs; "
          f"best times: {min(one) / min(many):.2f}x)")
    print(f"the machine's own speed-up for pure-Python work split over {args.jobs} processes: "
          f"{statistics.median(ceiling):.2f}x (median; runs {min(ceiling):.2f}x-{max(ceiling):.2f}x)")
    print(f"newslint's speed-up is {statistics.median(pairs) / statistics.median(ceiling):.0%} of that")
    return 0


if __name__ == "__main__":
    sys.exit(main())
