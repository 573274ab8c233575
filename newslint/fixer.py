"""Applying fixes: repeatedly, without overlaps, until nothing fixable is left.

Each pass checks the text, picks fixable findings whose edits do not overlap
(in position order), applies them, and checks again, as textlint does: a fix
that conflicted with another gets its turn on the next pass. The loop is
bounded. Only the characters inside the chosen edits change; line endings,
everything else and (in files) the byte-order mark are left as they were.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newslint.errors import InputError
from newslint.findings import Finding
from newslint.positions import LineIndex

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.registry import Registry

MAX_PASSES = 10


@dataclass
class FixResult:
    text: str
    #: Fixes applied, over all passes.
    fixed: int = 0
    #: Findings left after the last pass (with positions in the fixed text).
    remaining: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed > 0


def is_applicable(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and bool(finding.fix.edits) and (finding.fix.safe or unsafe)


def _choose(text: str, findings: list[Finding], unsafe: bool) -> tuple[list[tuple[int, int, str]], int]:
    """Edits (as offsets) of the fixable findings that overlap nothing chosen before them, and their count."""
    lines = LineIndex(text)
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[int, int, str]] = []
    count = 0
    for finding in findings:
        if not is_applicable(finding, unsafe):
            continue
        spans = [(lines.offset(e.line, e.column), lines.offset(e.end_line, e.end_column), e.text)
                 for e in finding.fix.edits]
        if any(_overlaps(start, end, other_start, other_end)
               for start, end, _ in spans for other_start, other_end in taken):
            continue
        if any(_overlaps(*a[:2], *b[:2]) for i, a in enumerate(spans) for b in spans[i + 1:]):
            continue  # a malformed fix whose own edits overlap is never applied
        for start, end, replacement in spans:
            taken.append((start, end))
            chosen.append((start, end, replacement))
        count += 1
    return sorted(chosen), count


def _overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Whether two edits conflict. An insertion conflicts with an edit at or around its point."""
    if start == end and other_start == other_end:
        return start == other_start
    if start == end:
        return other_start <= start <= other_end
    if other_start == other_end:
        return start <= other_start <= end
    return start < other_end and other_start < end


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    pieces, position = [], 0
    for start, end, replacement in edits:
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def fix_text(text: str, path: str | None, config: "Config", registry: "Registry", *,
             unsafe: bool = False, display: str | None = None, max_passes: int = MAX_PASSES,
             errors: list | None = None) -> FixResult:
    from newslint.runner import check_source

    result = FixResult(text)
    for _ in range(max_passes):
        findings = _check(result.text, path, config, registry, display, errors)
        edits, count = _choose(result.text, findings, unsafe)
        if not edits:
            result.remaining = findings
            return result
        fixed_text = _apply(result.text, edits)
        if fixed_text == result.text:  # fixes that change nothing would loop forever
            result.remaining = findings
            return result
        result.text = fixed_text
        result.fixed += count
    result.remaining = _check(result.text, path, config, registry, display, errors)
    return result


def _check(text, path, config, registry, display, errors):
    """Check one pass; a failing rule is recorded once in ``errors``, however many passes run."""
    from newslint.runner import check_source

    if errors is None:
        return check_source(text, path, config, registry, display)
    found: list = []
    findings = check_source(text, path, config, registry, display, errors=found)
    errors.extend(error for error in found if error not in errors)
    return findings


def encode(text: str, bom: bool) -> bytes:
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def write_atomically(path: str, data: bytes, original: bytes) -> None:
    """Replace ``path`` with ``data`` (temp file in the same folder, fsync, rename), keeping its mode.

    Refuses, with an ``InputError``, when the file no longer holds ``original``:
    someone changed it after it was read.
    """
    try:
        with open(path, "rb") as handle:
            current = handle.read()
    except OSError as error:
        raise InputError(path, f"cannot re-read before writing: {error.strerror or error}") from None
    if current != original:
        raise InputError(path, "changed on disk while it was being checked: not overwritten")
    from newslint.files import replace_atomically

    replace_atomically(path, data, os.stat(path).st_mode & 0o7777)
