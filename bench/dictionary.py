#!/usr/bin/env python3
"""A 10,000-entry house dictionary: checking time should not grow with the dictionary's size.

    python bench/dictionary.py [--entries 10000] [--corpus DIR | --generated MB] [--repeat 3]

Writes a configuration file whose ``names.preferred`` section holds
``--entries`` invented house spellings, each replacing an invented old one
(a tenth with exceptions, a tenth with ``modifier-ok``), merged over the
shipped dictionary as a newsroom's ``.newslint.yaml`` would be. Then checks
the BBC corpus (or generated articles) in one process with the default
configuration and with that one, best of ``--repeat`` runs each, and prints
both times and their ratio; also the time to load each configuration.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import load_corpus  # noqa: E402

CONSONANTS = "bcdfghjklmnprstvz"
VOWELS = "aeiou"


def invented(rng: random.Random) -> str:
    syllables = rng.randint(2, 4)
    return "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(syllables)).capitalize() + \
        rng.choice(["", "k", "v", "sk", "n"])


def dictionary_yaml(entries: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    seen: set[str] = set()
    lines = ["names:", "  preferred:"]
    while len(seen) < entries:
        house = invented(rng)
        old = house[:-1] + rng.choice(VOWELS) + house[-1] if len(house) > 3 else house + "a"
        if house in seen or old == house:
            continue
        seen.add(house)
        lines.append(f"    {house}:")
        lines.append(f"      instead-of: [{old}]")
        if len(seen) % 10 == 0:
            lines.append(f'      exceptions: ["{old} Cup", "{old} Road"]')
        if len(seen) % 10 == 5:
            lines.append("      modifier-ok: true")
        lines.append('      source: "bench/dictionary.py"')
    return "\n".join(lines) + "\n"


def timed_run(texts, config) -> float:
    import newslint

    newslint.check_text("Warm-up text, said the the editor.", path="w.txt", config=config)
    started = time.perf_counter()
    for path, text in texts:
        newslint.check_text(text, path=path, config=config)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path, help="a folder of articles (default: the BBC corpus)")
    parser.add_argument("--generated", type=float, default=0, help="generate this many MB of articles instead")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs")
    args = parser.parse_args()
    name, texts = load_corpus(args)
    import newslint

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ".newslint.yaml"
        path.write_text(dictionary_yaml(args.entries), encoding="utf-8")
        started = time.perf_counter()
        default = newslint.load_config()
        default.active_rules
        default_load = time.perf_counter() - started
        started = time.perf_counter()
        large = newslint.load_config(path)
        large.active_rules
        large_load = time.perf_counter() - started
        assert len(large.data["names"]["preferred"]) >= args.entries
        times = {}
        for label, config in (("default", default), ("dictionary", large)):
            times[label] = min(timed_run(texts, config) for _ in range(args.repeat))
    print(f"corpus: {name}: {len(texts)} articles")
    print(f"default dictionary ({len(default.data['names']['preferred'])} entries): "
          f"{times['default']:.2f} s   (configuration loaded in {default_load:.2f} s)")
    print(f"house dictionary (+{args.entries:,} entries):  {times['dictionary']:.2f} s   "
          f"(configuration loaded in {large_load:.2f} s)")
    print(f"ratio: {times['dictionary'] / times['default']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
