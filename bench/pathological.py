#!/usr/bin/env python3
"""Pathological texts: does any check cost more than linear time?

    python bench/pathological.py [--sizes 2000,8000]

Checks, with the default rules, texts made of one short pattern repeated (quotation marks with no
closing one, abbreviations, doubled words, names, house-style terms, markup...) at two sizes, and
prints each time and the ratio: about the ratio of the sizes (4 for 2,000 and 8,000) is linear; a
ratio near its square (16) is a quadratic pass, flagged.
"""

from __future__ import annotations

import argparse
import sys
import time

import newslint

SHAPES = ["‘", "’", "'a ", "a. ", "Mr. ", "said ", "the the ", "Kiev ", "kiev Kiev Kiev ", "« ", "„", "\"",
          "\" ", "“", "“a ", "“He said ", "“x” ", "(", "[", "U.S. ", "per cent ", "1% of ", "claimed ", "TK ",
          "Read more: ", "— ", "…", "!! ", " ,", "Marchetti Marcheti ", "sources say ", "\n", "\n\n", "<p>",
          "A-B-", "x\u0301 ", "Київ "]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,8000", help="two repeat counts")
    args = parser.parse_args()
    small, large = (int(size) for size in args.sizes.split(","))
    expected = large / small
    config = newslint.load_config(overrides={"rule-timeout": 0})  # no time budget: measure it all
    newslint.check_text("Warm up, said the the editor.", config=config)
    worst = 0.0
    print(f"{'pattern':24} {small:>9} {large:>9}   ratio (linear: {expected:.0f})")
    for shape in SHAPES:
        times = []
        for count in (small, large):
            started = time.perf_counter()
            newslint.check_text(shape * count, path="a.txt", config=config)
            times.append(time.perf_counter() - started)
        ratio = times[1] / max(times[0], 1e-6)
        slow = ratio > 1.5 * expected and times[1] > 0.05
        worst = max(worst, ratio if times[1] > 0.05 else 0)
        print(f"{shape!r:24} {1000 * times[0]:7.1f}ms {1000 * times[1]:7.1f}ms   x{ratio:.1f}"
              f"{'   <-- more than linear?' if slow else ''}")
    print(f"largest ratio among checks over 50 ms: x{worst:.1f} (linear: x{expected:.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
