#!/usr/bin/env python3
"""newslint's benchmark harness (a script, not a test).

    python bench/bench.py                          # the BBC corpus when present, else generated text
    python bench/bench.py --generated 5            # 5 MB of generated news-like articles
    python bench/bench.py --corpus DIR --compare proselint
    python bench/bench.py --select names,punctuation --repeat 3

Prints MB/s, articles/s, per-file latency (median, p95, max) and peak memory
for newslint's default rule set in one process; with ``--compare proselint``
(``pip install proselint``) runs proselint over the same texts in the same run
and prints the throughput ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

BBC = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bbc"


def load_corpus(args) -> tuple[str, list[tuple[str, str]]]:
    if args.generated:
        from newsgen import article

        texts, total, seed = [], 0, 0
        while total < args.generated * 1_000_000:
            text = article(seed=seed, paragraphs=12)
            texts.append((f"generated/{seed:06d}.txt", text))
            total += len(text.encode())
            seed += 1
        return f"generated ({args.generated} MB)", texts
    corpus = args.corpus or BBC
    if not corpus.is_dir():
        print(f"no corpus at {corpus}; use --generated MB", file=sys.stderr)
        raise SystemExit(2)
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md", ".html"))
    return str(corpus), [(str(p), p.read_text(encoding="utf-8", errors="replace")) for p in files]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def run_newslint(texts, select):
    import newslint

    config = newslint.load_config(select=select)
    newslint.check_text("Warm-up text, said the the editor.", path="w.txt", config=config)
    latencies, findings = [], 0
    started = time.perf_counter()
    for path, text in texts:
        t0 = time.perf_counter()
        findings += len(newslint.check_text(text, path=path, config=config))
        latencies.append(time.perf_counter() - t0)
    return time.perf_counter() - started, latencies, findings


def run_proselint(texts):
    try:
        from proselint.checks import __register__
        from proselint.config import DEFAULT
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)
    LintFile("warm-up", "Warm-up text.").lint(DEFAULT)
    latencies, findings = [], 0
    started = time.perf_counter()
    for path, text in texts:
        t0 = time.perf_counter()
        findings += len(LintFile(path, text).lint(DEFAULT))
        latencies.append(time.perf_counter() - t0)
    return time.perf_counter() - started, latencies, findings


def report(name, elapsed, latencies, findings, megabytes, count):
    print(f"{name:<10} {elapsed:8.2f} s {megabytes / elapsed:8.2f} MB/s {count / elapsed:9.0f} articles/s  "
          f"latency ms: median {1000 * statistics.median(latencies):.2f} p95 {1000 * percentile(latencies, .95):.2f} "
          f"max {1000 * max(latencies):.2f}  findings {findings}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a folder of .txt/.md/.html articles (default: the BBC corpus)")
    parser.add_argument("--generated", type=float, default=0, help="generate this many MB of articles instead")
    parser.add_argument("--compare", choices=["proselint"], help="also run this linter on the same texts")
    parser.add_argument("--select", help="comma-separated rule ids or prefixes (default: every default rule)")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs")
    args = parser.parse_args()
    name, texts = load_corpus(args)
    megabytes = sum(len(t.encode()) for _, t in texts) / 1_000_000
    select = args.select.split(",") if args.select else None
    print(f"corpus: {name}: {len(texts)} articles, {megabytes:.2f} MB")
    tracemalloc.start()
    best = min((run_newslint(texts, select) for _ in range(args.repeat)), key=lambda r: r[0])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    report("newslint", *best, megabytes, len(texts))
    print(f"{'':<10} peak traced memory {peak / 1e6:.1f} MB (under tracemalloc, which slows the run; "
          f"see the un-traced figure below)")
    untraced = min((run_newslint(texts, select) for _ in range(args.repeat)), key=lambda r: r[0])
    report("newslint", *untraced, megabytes, len(texts))
    if args.compare == "proselint":
        other = run_proselint(texts)
        if other is None:
            print("proselint is not installed (pip install proselint): no comparison")
            return 0
        report("proselint", *other, megabytes, len(texts))
        print(f"newslint is {other[0] / untraced[0]:.1f}x proselint's speed on this corpus")
    return 0


if __name__ == "__main__":
    sys.exit(main())
