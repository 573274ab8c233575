"""Applying fix edits to source text."""

from __future__ import annotations

from typing import Iterable

from newslint.findings import Edit
from newslint.positions import LineIndex


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (given in line/column positions of ``text``)."""
    lines = LineIndex(text)
    spans = sorted((lines.offset(e.line, e.column), lines.offset(e.end_line, e.end_column), e.text)
                   for e in edits)
    pieces, position = [], 0
    for start, end, replacement in spans:
        if start < position:
            raise ValueError("overlapping edits")
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
