"""Where a finding sits in its source, and a fingerprint of it that survives edits elsewhere.

A fingerprint hashes the rule id, the path, the flagged text and a few words
either side of it *on the same line*, never the line number: inserting,
deleting or editing other lines (paragraphs above it, say) leaves it alone,
and an edit near the flagged words changes it. SARIF's partialFingerprints,
GitLab's fingerprint and baseline entries (``newslint/baseline.py``) all use
this one helper, so a finding has the same identity everywhere.

Two findings of one rule on the same words in one file share a fingerprint;
:func:`occurrence_fingerprints` adds an occurrence index (0, 1, ...) in file
order where a format needs each finding distinct.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from newslint.findings import Finding
    from newslint.positions import LineIndex

#: Words of context taken on each side of the flagged text.
CONTEXT_WORDS = 3
#: At most this many characters of context on each side (long "words" such as URLs).
CONTEXT_CHARS = 60
#: Hex digits kept from the SHA-256.
DIGEST_LENGTH = 32

_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s+")


def span_offsets(index: "LineIndex", finding: "Finding") -> tuple[int, int]:
    """The finding's (start, end) offsets in ``index.text``, clamped to the text."""
    return (_offset(index, finding.line, finding.column),
            _offset(index, finding.end_line, finding.end_column))


def _offset(index: "LineIndex", line: int, column: int) -> int:
    line = min(max(line, 1), index.line_count)
    start, end = index.line_span(line)
    if line < index.line_count:  # the column may point at the line break itself
        end = index.offset(line + 1, 1)
    return min(start + max(column, 1) - 1, end)


def flagged_text(index: "LineIndex", finding: "Finding") -> str:
    start, end = span_offsets(index, finding)
    return index.text[start:max(start, end)]


def context(index: "LineIndex", finding: "Finding") -> tuple[str, str, str]:
    """(words before, flagged text, words after), whitespace collapsed, within the finding's lines."""
    start, end = span_offsets(index, finding)
    end = max(start, end)
    first_line_start = index.line_span(min(max(finding.line, 1), index.line_count))[0]
    last_line_end = index.line_span(min(max(finding.end_line, 1), index.line_count))[1]
    before = index.text[first_line_start:start][-CONTEXT_CHARS * 2:]
    after = index.text[end:max(end, last_line_end)][:CONTEXT_CHARS * 2]
    before_words = _WORD.findall(before)[-CONTEXT_WORDS:]
    after_words = _WORD.findall(after)[:CONTEXT_WORDS]
    # A word cut by the span belongs to the context as far as it goes.
    return (" ".join(before_words)[-CONTEXT_CHARS:], _normal(index.text[start:end]),
            " ".join(after_words)[:CONTEXT_CHARS])


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text)


def fingerprint(finding: "Finding", index: "LineIndex | None", *, with_path: bool = True) -> str:
    """The stable fingerprint: rule, path and the flagged text with its context (no line number).

    Without the source text, the message stands in for the flagged text.
    ``with_path=False`` leaves the path out (a baseline keeps it beside the
    fingerprint, relative to the baseline file).
    """
    path = normal_path(finding.path) if with_path else ""
    if index is not None:
        before, matched, after = context(index, finding)
        material = ("v1", finding.rule, path, before, matched, after)
    else:
        material = ("v1-message", finding.rule, path, finding.message)
    digest = hashlib.sha256("\x1f".join(material).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:DIGEST_LENGTH]


def normal_path(path: str) -> str:
    """``path`` with forward slashes and no leading ``./`` (as CI systems and fingerprints want it)."""
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def occurrence_fingerprints(findings: Iterable["Finding"], index_for) -> list[tuple[str, int]]:
    """(fingerprint, occurrence) for each finding, in order; ``index_for(path)`` gives a LineIndex or None.

    The occurrence counts earlier findings with the same fingerprint, so the
    pair is distinct for every finding even when the same text is flagged twice.
    """
    seen: dict[str, int] = {}
    result = []
    for finding in findings:
        value = fingerprint(finding, index_for(finding.path))
        occurrence = seen.get(value, 0)
        seen[value] = occurrence + 1
        result.append((value, occurrence))
    return result
