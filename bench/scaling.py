#!/usr/bin/env python3
"""Time to check one article of growing size: linear means flat MB/s.

    python bench/scaling.py [--sizes 1,5,20] [--memory]   (sizes in MB)

Generates one article of each size (bench/newsgen.py), checks it with the
default rules in this process and prints seconds, MB/s and findings; then the
MB/s of the largest size against the smallest (1.00 is perfectly linear).
With ``--memory`` each size is checked again under tracemalloc, and the peak
memory the check allocated is printed, against the text's own size: bounded
per file means that ratio stays flat.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import newslint  # noqa: E402
from newsgen import text_of_size  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5,20", help="comma-separated sizes in MB")
    parser.add_argument("--memory", action="store_true", help="also measure peak memory (tracemalloc)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="best of N checks of each size (the VM's speed drifts between runs)")
    args = parser.parse_args()
    # No per-rule time limit: a 20 MB article may take a rule longer than the default budget,
    # and more under tracemalloc.
    config = newslint.load_config(overrides={"rule-timeout": 0})
    newslint.check_text("Warm up, said the the editor.", config=config)
    print(f"{'size MB':>8} {'seconds':>8} {'MB/s':>8} {'findings':>9}" + ("  peak MB  peak/size" if args.memory else ""))
    rates = []
    for size in (float(s) for s in args.sizes.split(",")):
        text = text_of_size(int(size * 1_000_000))
        megabytes = len(text.encode()) / 1_000_000
        elapsed = float("inf")
        for _ in range(max(1, args.repeat)):
            started = time.perf_counter()
            findings = newslint.check_text(text, path="big.txt", config=config)
            elapsed = min(elapsed, time.perf_counter() - started)
        rates.append((megabytes, megabytes / elapsed))
        line = f"{megabytes:>8.1f} {elapsed:>8.2f} {megabytes / elapsed:>8.2f} {len(findings):>9}"
        if args.memory:
            tracemalloc.start()
            newslint.check_text(text, path="big.txt", config=config)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            line += f"  {peak / 1e6:7.1f}  {peak / 1e6 / megabytes:9.1f}"
        print(line)
        del text, findings
    if len(rates) > 1:
        (small, small_rate), (large, large_rate) = rates[0], rates[-1]
        print(f"MB/s at {large:.0f} MB over MB/s at {small:.0f} MB: {large_rate / small_rate:.2f} "
              f"(1.00: time exactly proportional to size)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
