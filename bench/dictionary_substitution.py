#!/usr/bin/env python3
"""A 10,000-entry substitution rule against the default rules on the BBC corpus; prints the time ratio.

    python bench/dictionary_substitution.py [--corpus ../shared/corpus/bbc]

The target: the default rules plus the dictionary take at most 1.5× the default rules' time.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import newslint
from newslint.config import load_config


def run(config, texts) -> tuple[float, int]:
    started = time.perf_counter()
    count = sum(len(newslint.check_text(text, config=config)) for text in texts)
    return time.perf_counter() - started, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path,
                        default=Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bbc")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(args.corpus.glob("*/*.txt"))]
    with tempfile.TemporaryDirectory() as folder:
        rules = Path(folder) / "dictionary.yml"
        lines = ["extends: substitution", "id: bench/dictionary", "message: \"Use '%s' instead of '%s'\"",
                 "ignorecase: true", "swap:"]
        lines += [f"  zzterm{i:05d}x: replacement{i}" for i in range(9990)]
        lines += [f"  {w}: {r}" for w, r in [("utilise", "use"), ("in order to", "to"), ("whilst", "while"),
                                              ("amongst", "among"), ("commence", "begin"), ("prior to", "before"),
                                              ("in excess of", "more than"), ("a number of", "some"),
                                              ("at this moment in time", "now"), ("purchase", "buy")]]
        rules.write_text("\n".join(lines) + "\n", encoding="utf-8")
        user = Path(folder) / ".newslint.yaml"
        user.write_text(f"rule-files: [{rules.name}]\n", encoding="utf-8")
        started = time.perf_counter()
        with_dictionary = load_config(user)
        load = time.perf_counter() - started
        default = load_config()
        run(default, texts[:20])  # warm up both
        run(with_dictionary, texts[:20])
        base, base_count = run(default, texts)
        extended, extended_count = run(with_dictionary, texts)
    print(f"{len(texts)} articles; loading the 10,000-entry rule file: {load:.2f} s")
    print(f"default rules:              {base:.2f} s ({base_count} findings)")
    print(f"default + 10,000-entry rule: {extended:.2f} s ({extended_count} findings)")
    print(f"ratio: {extended / base:.2f}x (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
