"""Baselines: record today's findings, then report only new ones (``--write-baseline``, ``--baseline``).

A baseline file is JSON::

    {"version": 1, "tool": "newslint",
     "entries": [{"rule": "deskstyle/no-whom", "path": "articles/a.txt",
                  "fingerprint": "3f2a...", "count": 1}, ...]}

``path`` is relative to the folder holding the baseline file (forward
slashes), so the baseline works whichever folder newslint runs from.
``fingerprint`` hashes the rule and the flagged text with a few words either
side on its line (``newslint/fingerprints.py``), never the line number:
editing, adding or deleting other paragraphs does not bring a recorded finding
back. ``count`` is how many findings share rule, path and fingerprint; with
``--baseline``, that many are left out and any more are reported.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from typing import Callable, Iterable

from newslint.errors import NewslintError
from newslint.findings import Finding
from newslint.fingerprints import fingerprint

VERSION = 1

Key = tuple[str, str, str]


class BaselineError(NewslintError):
    """A baseline file is missing, unreadable or malformed."""


def _relative(path: str, folder: str) -> str:
    if path == "-":
        return path
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, folder)
    except ValueError:  # another drive (Windows)
        relative = absolute
    return relative.replace(os.sep, "/")


def finding_keys(findings: Iterable[Finding], baseline_path: str, index_for: Callable) -> list[Key]:
    """(rule, path relative to the baseline's folder, fingerprint) for each finding."""
    folder = os.path.dirname(os.path.abspath(baseline_path))
    return [(f.rule, _relative(f.path, folder), fingerprint(f, index_for(f.path), with_path=False))
            for f in findings]


def build(findings: Iterable[Finding], baseline_path: str, index_for: Callable) -> dict:
    counts = Counter(finding_keys(findings, baseline_path, index_for))
    entries = [{"rule": rule, "path": path, "fingerprint": value, "count": count}
               for (rule, path, value), count in sorted(counts.items(), key=lambda kv: (kv[0][1], kv[0][0],
                                                                                        kv[0][2]))]
    return {"version": VERSION, "tool": "newslint", "entries": entries}


def write(findings: list[Finding], baseline_path: str, index_for: Callable) -> dict:
    from newslint.errors import InputError
    from newslint.files import write_text_atomically

    data = build(findings, baseline_path, index_for)
    try:
        write_text_atomically(baseline_path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    except InputError as error:
        raise BaselineError(f"baseline {error}") from None
    return data


def load(baseline_path: str) -> Counter:
    """The recorded (rule, path, fingerprint) keys with their counts; malformed files raise BaselineError."""
    where = f"baseline {baseline_path}"
    try:
        with open(baseline_path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise BaselineError(f"{where}: no such file (create it with --write-baseline)") from None
    except OSError as error:
        raise BaselineError(f"{where}: cannot read: {error.strerror or error}") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BaselineError(f"{where}: not valid UTF-8") from None
    except json.JSONDecodeError as error:
        raise BaselineError(f"{where}: not valid JSON: {error.msg} at line {error.lineno}, "
                            f"column {error.colno}") from None
    if not isinstance(data, dict):
        raise BaselineError(f"{where}: expected a JSON object with \"version\" and \"entries\"")
    if data.get("version") != VERSION:
        raise BaselineError(f"{where}: unsupported version {data.get('version')!r} (expected {VERSION})")
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise BaselineError(f"{where}: \"entries\" must be a list")
    counts: Counter = Counter()
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise BaselineError(f"{where}: entry {number} is not an object")
        for name in ("rule", "path", "fingerprint"):
            if not isinstance(entry.get(name), str) or not entry[name]:
                raise BaselineError(f"{where}: entry {number}: \"{name}\" must be a non-empty string")
        count = entry.get("count", 1)
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise BaselineError(f"{where}: entry {number}: \"count\" must be a positive integer")
        counts[(entry["rule"], entry["path"], entry["fingerprint"])] += count
    return counts


def new_findings(findings: list[Finding], baseline_path: str, recorded: Counter,
                 index_for: Callable) -> list[Finding]:
    """The findings the baseline does not account for, in order.

    When more findings share a key than its recorded count, the later ones are reported.
    """
    remaining = Counter(recorded)
    kept = []
    for finding, key in zip(findings, finding_keys(findings, baseline_path, index_for)):
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            kept.append(finding)
    return kept
