#!/usr/bin/env python3
"""Generate an archive of short news articles for audits: ARCHIVE/YEAR/SECTION/NNNNNNN.txt.

    python bench/make_archive.py /tmp/archive                 # 100,000 articles
    python bench/make_archive.py /tmp/archive -n 20000 --jsonl 2000

Articles come from bench/newsgen.py (deterministic for a seed); about a third
get planted problems (old spellings, doubled words, a space before a comma,
an editor's note) so an audit has something to count. ``--jsonl M`` also
writes ARCHIVE/export.jsonl with M records ({"id", "year", "section", "body"}).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import newsgen  # noqa: E402

YEARS = [str(year) for year in range(2016, 2026)]
SECTIONS = ["politics", "business", "world", "sport", "culture"]
PLANTS = [
    lambda t: t.replace("Kyiv", "Kiev"),
    lambda t: t + "\nOfficials in Odessa said the talks would resume.\n",
    lambda t: t.replace(" the ", " the the ", 1),
    lambda t: t.replace(", ", " , ", 1),
    lambda t: t + "\nThe scheme will cost [CHECK figures] million.\n",
    lambda t: t + "\nThe delegation flew on to Bombay and Peking.\n",
]


def make_article(seed: int) -> tuple[str, str, str]:
    """(year, section, text) of article number ``seed``."""
    rng = random.Random(seed * 7919 + 1)
    text = newsgen.article(seed=seed, paragraphs=rng.randint(2, 5))
    if rng.random() < 0.35:
        for plant in rng.sample(PLANTS, rng.randint(1, 3)):
            text = plant(text)
    return rng.choice(YEARS), rng.choice(SECTIONS), text


def make_archive(root: str | os.PathLike, count: int, *, jsonl: int = 0, start: int = 0) -> int:
    """Write ``count`` articles (and ``jsonl`` export records) under ``root``; returns the bytes written."""
    root = Path(root)
    written = 0
    made: set[Path] = set()
    for number in range(start, start + count):
        year, section, text = make_article(number)
        folder = root / year / section
        if folder not in made:
            folder.mkdir(parents=True, exist_ok=True)
            made.add(folder)
        data = text.encode("utf-8")
        (folder / f"{number:07d}.txt").write_bytes(data)
        written += len(data)
    if jsonl:
        root.mkdir(parents=True, exist_ok=True)
        with open(root / "export.jsonl", "w", encoding="utf-8") as handle:
            for number in range(start + count, start + count + jsonl):
                year, section, text = make_article(number)
                handle.write(json.dumps({"id": f"cms-{number}", "year": year, "section": section,
                                         "body": text}, ensure_ascii=False) + "\n")
                written += len(text.encode("utf-8"))
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", help="the folder to write (created)")
    parser.add_argument("-n", "--count", type=int, default=100_000, help="articles (default: 100,000)")
    parser.add_argument("--jsonl", type=int, default=0, metavar="M", help="also write export.jsonl of M records")
    args = parser.parse_args()
    started = time.perf_counter()
    written = make_archive(args.root, args.count, jsonl=args.jsonl)
    print(f"{args.count:,} articles (+{args.jsonl:,} in export.jsonl), {written / 1e6:.1f} MB "
          f"in {time.perf_counter() - started:.1f}s under {args.root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
