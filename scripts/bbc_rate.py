#!/usr/bin/env python3
"""Findings per 1,000 words on the BBC corpus: newslint's false-alarm rate on professional copy.

    python scripts/bbc_rate.py [--corpus ../shared/corpus/bbc] [--rule names/] [--show N]

Prints per-rule counts and the rate, with and without names/preferred-spelling
(period spellings such as Kiev are correct for 2004 and rightly flagged today).
``--show N`` prints up to N flagged snippets per rule, for inspecting every hit.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

import newslint
from newslint.config import load_config

EXCLUDED_FROM_RATE = {"names/preferred-spelling"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bbc"
    parser.add_argument("--corpus", type=Path, default=default)
    parser.add_argument("--rule", action="append", help="only these rules or prefixes")
    parser.add_argument("--show", type=int, default=0, help="print N flagged snippets per rule")
    parser.add_argument("--format", default=".txt", help="wrap articles as: .txt (as they are)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    config = load_config(select=args.rule)
    files = sorted(args.corpus.glob("*/*.txt"))
    words = 0
    counts: collections.Counter[str] = collections.Counter()
    samples: dict[str, list[str]] = collections.defaultdict(list)
    started = time.perf_counter()
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        words += len(text.split())
        for finding in newslint.check_text(text, path=str(path), config=config):
            counts[finding.rule] += 1
            if len(samples[finding.rule]) < args.show:
                line = text.splitlines()[finding.line - 1]
                start = max(0, finding.column - 50)
                snippet = line[start:finding.column - 1] + "[[" + \
                    line[finding.column - 1:finding.end_column - 1 if finding.end_line == finding.line else None] + \
                    "]]" + line[finding.end_column - 1:finding.end_column + 40 if finding.end_line == finding.line else 0]
                samples[finding.rule].append(f"{path.parent.name}/{path.name}:{finding.line}:{finding.column}: {snippet}")
    elapsed = time.perf_counter() - started
    print(f"{len(files)} articles, {words} words, {elapsed:.2f} s")
    print(f"{'rule':<36} {'findings':>8} {'per 1k words':>12}")
    for rule, count in sorted(counts.items()):
        print(f"{rule:<36} {count:>8} {1000 * count / words:>12.3f}")
    counted = sum(c for r, c in counts.items() if r not in EXCLUDED_FROM_RATE)
    print(f"{'all rules':<36} {sum(counts.values()):>8} {1000 * sum(counts.values()) / words:>12.3f}")
    print(f"{'all but names/preferred-spelling':<36} {counted:>8} {1000 * counted / words:>12.3f}")
    for rule, lines in sorted(samples.items()):
        print(f"\n== {rule}")
        for line in lines:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
