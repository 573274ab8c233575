"""Offsets into a text and their (line, column) positions.

Lines are 1-based; columns are 1-based and count Unicode code points; an end
position is exclusive. ``\\n``, ``\\r\\n`` and a lone ``\\r`` each end a line,
as they do in editors, git and the Language Server Protocol.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MATCH_END = type(_LINE_BREAK.match("\n")).end
_PLUS_ONE = (1).__add__


class LineIndex:
    """Maps offsets in ``text`` to (line, column) and back, in O(log lines)."""

    __slots__ = ("text", "_starts")

    def __init__(self, text: str) -> None:
        self.text = text
        if "\r" in text:
            starts = [0]
            starts.extend(map(_MATCH_END, _LINE_BREAK.finditer(text)))
        else:
            # Only \n ends lines: each line starts one past the end of the one before, summed in C
            # (several times faster than a match per line). The last sum lies past the text.
            starts = list(accumulate(map(_PLUS_ONE, map(len, text.split("\n"))), initial=0))
            starts.pop()
        self._starts = starts

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of ``offset`` (0 <= offset <= len(text))."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside text of length {len(self.text)}")
        line = bisect_right(self._starts, offset) - 1
        # An offset between the \r and \n of a CRLF belongs to the line the CR ends.
        return line + 1, offset - self._starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Return the offset of a 1-based (line, column) position."""
        if not 1 <= line <= len(self._starts):
            raise ValueError(f"line {line} outside 1..{len(self._starts)}")
        offset = self._starts[line - 1] + column - 1
        if not self._starts[line - 1] <= offset <= len(self.text):
            raise ValueError(f"column {column} outside line {line}")
        return offset

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets of the start of ``line`` and of its end (before its line break)."""
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else len(self.text)
        text = self.text
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        return start, end

    def line_text(self, line: int) -> str:
        start, end = self.line_span(line)
        return self.text[start:end]
