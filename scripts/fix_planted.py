#!/usr/bin/env python3
"""Plant fixable problems in copies of the BBC corpus, run `newslint check --fix`, and verify.

    python scripts/fix_planted.py [--corpus ../shared/corpus/bbc] [--limit N]

Each article gets reversible plants (a doubled word, a space before a full
stop, a doubled comma, guillemets around a quotation, a lowercased place name, a stray
source tag appended). After
`newslint check --fix --unsafe-fixes` the script checks that

- every planted line is back to the original text (or, where the original line
  was itself flagged, that nothing fixable remains on it),
- every line without a fixable finding before the fix is byte-identical,
- a re-check finds no fixable finding.

The copies live in a temporary folder; the corpus is never modified or copied
into the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bbc"
PLANTS = {
    "repeated-word": (re.compile(r"\b(the) (?=[a-z])"), r"\1 \1 "),
    "space-before": (re.compile(r"(?<=[a-z])\.(?= [A-Z])"), " ."),
    "doubled": (re.compile(r"(?<=[a-z]),(?= [a-z])"), ",,"),
    "foreign-quotes": (re.compile(r"\"([A-Z][^\"\n]{10,80}[.,])\""), r"«\1»"),
    "lowercase-name": (re.compile(r"(?<=[a-z] )(London|Europe|Washington|Paris|Britain)\b"), None),
}


def plant(line: str, kind: str, rng: random.Random) -> str | None:
    pattern, replacement = PLANTS[kind]
    matches = list(pattern.finditer(line))
    if not matches:
        return None
    match = rng.choice(matches)
    if replacement is None:
        new = match.group(0).lower()
    else:
        new = match.expand(replacement)
    return line[:match.start()] + new + line[match.end():]


def fixable_lines(report: dict) -> dict[str, set[int]]:
    lines: dict[str, set[int]] = {}
    for finding in report["findings"]:
        if finding["fix"]:
            for line in range(finding["line"], finding["end_line"] + 1):
                lines.setdefault(Path(finding["path"]).name + "|" + Path(finding["path"]).parent.name, set()).add(line)
    return lines


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newslint.cli", *args], cwd=cwd, capture_output=True, text=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    options = parser.parse_args()
    if not options.corpus.is_dir():
        print(f"corpus not found: {options.corpus}", file=sys.stderr)
        return 0
    rng = random.Random(7)
    work = Path(tempfile.mkdtemp(prefix="newslint-planted-"))
    try:
        files = sorted(options.corpus.glob("*/*.txt"))[: options.limit or None]
        originals: dict[Path, list[str]] = {}
        planted: dict[Path, dict[int, str]] = {}
        counts = dict.fromkeys([*PLANTS, "stray-tag"], 0)
        for source in files:
            target = work / source.parent.name / source.name
            target.parent.mkdir(exist_ok=True)
            lines = source.read_text(encoding="utf-8").split("\n")
            originals[target] = list(lines)
            planted[target] = {}
            for kind in PLANTS:
                candidates = [i for i in range(2, len(lines)) if i not in planted[target] and lines[i]]
                rng.shuffle(candidates)
                for index in candidates:
                    new = plant(lines[index], kind, rng)
                    if new is not None:
                        lines[index] = new
                        planted[target][index] = kind
                        counts[kind] += 1
                        break
            ending = "" if lines[-1] == "" else "\n"
            lines_out = "\n".join(lines) + ending + "nbcnews\n"
            counts["stray-tag"] += 1
            target.write_text(lines_out, encoding="utf-8")
        before = json.loads(run(["check", "--format", "json", "--fail-on", "never", "."], work).stdout)
        flagged = fixable_lines(before)
        fixed = run(["check", "--fix", "--unsafe-fixes", "--fail-on", "never", "."], work)
        summary = fixed.stdout.strip().splitlines()[-1] if fixed.stdout.strip() else fixed.stderr
        after = json.loads(run(["check", "--format", "json", "--fail-on", "never", "."], work).stdout)
        remaining_fixable = [f for f in after["findings"] if f["fix"]]
        restored = not_restored = unflagged_changed = 0
        problems = []
        for target, original in originals.items():
            now = target.read_text(encoding="utf-8").split("\n")
            key = target.name + "|" + target.parent.name
            planted_text = None
            for index, kind in planted[target].items():
                if now[index] == original[index]:
                    restored += 1
                elif index + 1 in flagged.get(key, set()) and not any(
                        f["line"] == index + 1 and f["path"].endswith(f"{target.parent.name}/{target.name}")
                        for f in remaining_fixable):
                    restored += 1  # the original line was itself flagged and fixed
                else:
                    not_restored += 1
                    problems.append(f"{target.parent.name}/{target.name}:{index + 1} {kind}: {now[index][:120]!r}")
            if now[-2:] != original[-2:] and now[-1] != original[-1]:
                planted_text = now[-3:]
            for index, line in enumerate(original):
                if index in planted[target] or index + 1 in flagged.get(key, set()):
                    continue
                if index < len(now) and now[index] != line:
                    unflagged_changed += 1
                    problems.append(f"{target.parent.name}/{target.name}:{index + 1} unflagged line changed")
            if "nbcnews" in now:
                not_restored += 1
                problems.append(f"{target.parent.name}/{target.name}: stray tag left {planted_text}")
            else:
                restored += 1
        print(f"{len(files)} articles; planted: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        print(f"--fix: {summary}")
        print(f"planted problems removed: {restored} of {restored + not_restored}")
        print(f"unflagged lines changed: {unflagged_changed}")
        print(f"fixable findings left after --fix: {len(remaining_fixable)}")
        for line in problems[:30]:
            print("  " + line)
        return 0 if not problems and not remaining_fixable else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
