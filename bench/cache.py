#!/usr/bin/env python3
"""The results cache: an unchanged re-run over 1,000 files.

    python bench/cache.py [--corpus DIR | --generated N] [--runs 5] [--jobs 1]

Copies the BBC corpus (or writes N generated articles) into a temporary
folder, checks it once to fill ``.newslint_cache``, then times re-runs with
nothing changed (median of ``--runs``) and a run with ``--no-cache`` for
comparison, checking that all the reports are identical.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from parallel import BBC, fill, timed  # noqa: E402
from startup import newslint_command  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BBC, help="a folder of articles (default: the BBC corpus)")
    parser.add_argument("--generated", type=int, default=0, help="write this many generated articles instead")
    parser.add_argument("--runs", type=int, default=5, help="re-runs timed (median reported)")
    parser.add_argument("--jobs", default="1", help="--jobs for every run (default: 1)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        cwd = Path(temporary)
        count = fill(cwd / "articles", args.corpus, args.generated)
        base = newslint_command() + ["check", "--fail-on", "never", "-j", args.jobs, "articles"]
        fresh_time, fresh = timed(base + ["--no-cache"], cwd)
        first_time, first = timed(base, cwd)  # fills the cache
        times = []
        for _ in range(args.runs):
            elapsed, again = timed(base, cwd)
            times.append(elapsed)
            if again != fresh:
                raise SystemExit("a cached run's report differs from a fresh one")
        if first != fresh:
            raise SystemExit("the first cached run's report differs from a fresh one")
        size = (cwd / ".newslint_cache" / "results.bin").stat().st_size
    print(f"{count} files; results cache {size / 1000:.0f} kB")
    print(f"--no-cache:                  {fresh_time:6.2f} s")
    print(f"first run (fills the cache): {first_time:6.2f} s")
    print(f"unchanged re-run:            {statistics.median(times):6.2f} s  (median of {args.runs}; "
          f"identical report)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
