#!/usr/bin/env python3
"""Where a check's time goes: each rule, and each structure the rules share, on a corpus.

    python bench/rules.py [--corpus ../shared/corpus/bbc] [--repeat 3] [--rule PREFIX]

Parses every article, builds the shared structures (words, sentences,
quotations, line index) one after another, then runs each enabled rule on its
own, and prints the milliseconds each took over the whole corpus (the mean of
``--repeat`` passes). Shared structures are timed apart, so that a rule's
figure is its own work, not the cost of being the first to ask for words or
sentences. Without the BBC corpus, generated news-like text is used.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

SHARED = {
    "words": lambda doc: doc.words,
    "words.lower": lambda doc: doc.words.lower,
    # The word parts some rule reads (names, attribution: compounds; artifacts/editor-note, names:
    # segments). ``capitalised`` is read by none.
    "words.parts": lambda doc: (doc.words.compounds, doc.words.segments),
    "sentences": lambda doc: doc.sentences,
    "quotes": lambda doc: doc.quotes,
    "lines": lambda doc: doc.lines,
}


def corpus_texts(folder: Path) -> list[tuple[str, str]]:
    if folder.is_dir():
        return [(str(path), path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*/*.txt"))]
    from newsgen import article

    return [(f"generated-{seed}.txt", article(seed)) for seed in range(1000)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
    parser.add_argument("--corpus", type=Path, default=default)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rule", action="append", help="only these rules or prefixes")
    args = parser.parse_args()

    import newslint
    from newslint.registry import default_registry

    texts = corpus_texts(args.corpus)
    config = newslint.load_config(select=args.rule)
    registry = default_registry()
    times: collections.Counter[str] = collections.Counter()
    clock = time.perf_counter
    for _ in range(args.repeat):
        for path, text in texts:
            parser_ = registry.parser_for(path, formats=config.formats)
            started = clock()
            document = parser_.parse(text, path, {})
            times["(parse)"] += clock() - started
            for name, build in SHARED.items():
                started = clock()
                build(document)
                times[f"({name})"] += clock() - started
            for active in config.active_rules:
                started = clock()
                for _problem in active.rule.check(document):
                    pass
                times[active.rule.id] += clock() - started
    total = sum(times.values())
    print(f"{len(texts)} articles, mean of {args.repeat} passes")
    for name, seconds in times.most_common():
        print(f"{name:<36} {1000 * seconds / args.repeat:8.1f} ms {100 * seconds / total:5.1f} %")
    print(f"{'total':<36} {1000 * total / args.repeat:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
