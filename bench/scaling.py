#!/usr/bin/env python3
"""Time to check one article of growing size: linear means flat MB/s.

    python bench/scaling.py [--sizes 1,5,20]   (sizes in MB)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import newslint  # noqa: E402
from newsgen import text_of_size  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5,20", help="comma-separated sizes in MB")
    args = parser.parse_args()
    config = newslint.load_config()
    newslint.check_text("Warm up.", config=config)
    print(f"{'size MB':>8} {'seconds':>8} {'MB/s':>8} {'findings':>9}")
    for size in (float(s) for s in args.sizes.split(",")):
        text = text_of_size(int(size * 1_000_000))
        started = time.perf_counter()
        findings = newslint.check_text(text, path="big.txt", config=config)
        elapsed = time.perf_counter() - started
        megabytes = len(text.encode()) / 1_000_000
        print(f"{megabytes:>8.1f} {elapsed:>8.2f} {megabytes / elapsed:>8.2f} {len(findings):>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
