#!/usr/bin/env python3
"""Findings per 1,000 words on the BBC corpus: newslint's false-alarm rate on professional copy.

    python scripts/bbc_rate.py [--corpus ../shared/corpus/bbc] [--rule names/] [--show N]

Prints per-rule counts and the rate, with and without names/preferred-spelling
(period spellings such as Kiev are correct for 2004 and rightly flagged today).
``--show N`` prints up to N flagged snippets per rule, for inspecting every hit.

House-style convention rules (``style/``: percent / per cent, US / U.S.) are not
noise: under the default ``ap`` profile they flag British copy for being British.
They are counted apart from the rate, under the default style and again under
``--style`` (``bbc`` unless told), the profile this copy was written in.
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
#: House-style conventions, reported apart: not accuracy findings but the chosen profile's spellings.
CONVENTIONS = "style/"


def _is_convention(rule: str) -> bool:
    return rule.startswith(CONVENTIONS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bbc"
    parser.add_argument("--corpus", type=Path, default=default)
    parser.add_argument("--rule", action="append", help="only these rules or prefixes")
    parser.add_argument("--show", type=int, default=0, help="print N flagged snippets per rule")
    parser.add_argument("--format", default=".txt", help="wrap articles as: .txt (as they are)")
    parser.add_argument("--style", default="bbc",
                        help="the house-style profile to count the style/ conventions under as well (default bbc)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    config = load_config(select=args.rule)
    # The conventions again under the copy's own style (only the style/ rules, if selected at all).
    selected = [s for s in args.rule or [CONVENTIONS.rstrip("/")] if _is_convention(s.rstrip("/") + "/")]
    own = load_config(select=selected, overrides={"style": args.style}) if selected else None
    files = sorted(args.corpus.glob("*/*.txt"))
    words = 0
    counts: collections.Counter[str] = collections.Counter()
    own_counts: collections.Counter[str] = collections.Counter()
    samples: dict[str, list[str]] = collections.defaultdict(list)
    started = time.perf_counter()
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        words += len(text.split())
        runs = [(config, counts, "")] + ([(own, own_counts, f" ({args.style})")] if own is not None else [])
        for run_config, run_counts, label in runs:
            for finding in newslint.check_text(text, path=str(path), config=run_config):
                run_counts[finding.rule] += 1
                key = finding.rule + label
                if len(samples[key]) < args.show:
                    line = text.splitlines()[finding.line - 1]
                    start = max(0, finding.column - 50)
                    snippet = line[start:finding.column - 1] + "[[" + \
                        line[finding.column - 1:finding.end_column - 1 if finding.end_line == finding.line else None] + \
                        "]]" + line[finding.end_column - 1:finding.end_column + 40 if finding.end_line == finding.line else 0]
                    samples[key].append(f"{path.parent.name}/{path.name}:{finding.line}:{finding.column}: {snippet}")
    elapsed = time.perf_counter() - started
    print(f"{len(files)} articles, {words} words, {elapsed:.2f} s")
    print(f"{'rule':<36} {'findings':>8} {'per 1k words':>12}")
    accuracy = {rule: count for rule, count in counts.items() if not _is_convention(rule)}
    for rule, count in sorted(accuracy.items()):
        print(f"{rule:<36} {count:>8} {1000 * count / words:>12.3f}")
    counted = sum(c for r, c in accuracy.items() if r not in EXCLUDED_FROM_RATE)
    print(f"{'all rules':<36} {sum(accuracy.values()):>8} {1000 * sum(accuracy.values()) / words:>12.3f}")
    print(f"{'all but names/preferred-spelling':<36} {counted:>8} {1000 * counted / words:>12.3f}")
    conventions = sorted({r for r in counts if _is_convention(r)} | set(own_counts))
    if conventions:
        default_style = config.style or "-"
        print(f"\nHouse-style conventions (not in the rate): style {default_style} (the default) "
              f"and style {args.style}")
        print(f"{'rule':<36} {default_style:>8} {args.style:>8}")
        for rule in conventions:
            print(f"{rule:<36} {counts[rule]:>8} {own_counts[rule]:>8}")
        print(f"{'all style/ rules':<36} {sum(counts[r] for r in conventions):>8} "
              f"{sum(own_counts.values()):>8}")
    for rule, lines in sorted(samples.items()):
        print(f"\n== {rule}")
        for line in lines:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
