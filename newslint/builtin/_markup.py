"""Helpers shared by the Markdown and HTML parsers: suppression comments and
bounded searches that keep both parsers linear on malformed input."""

from __future__ import annotations

import re

from newslint.document import Directive

_DIRECTIVE = re.compile(r"\s*newslint-(disable-next-line|disable-line|disable|enable)(?=\s|$)(.*)\Z", re.DOTALL)
# "-- reason" after the rule list is a comment for the reader (as in ESLint).
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")
_SEPARATORS = re.compile(r"[\s,]+")


def directive_from_comment(body: str, start: int, end: int) -> Directive | None:
    """The directive an HTML comment's ``body`` (between ``<!--`` and ``-->``) holds, if any.

    ``start``/``end`` are the source offsets of the whole comment.
    """
    match = _DIRECTIVE.match(body)
    if match is None:
        return None
    rest = match.group(2)
    reason = _REASON.search(rest)
    if reason is not None:
        rest = rest[:reason.start()]
    rules = tuple(part for part in _SEPARATORS.split(rest) if part)
    return Directive(match.group(1), rules, start, end)


class Finder:
    """``text.find(needle, position)`` for positions that mostly increase, in amortised linear time.

    A parser that looks for the end of a construct (``-->`` after ``<!--``) at
    every opener would rescan the rest of the text each time when the end is
    missing; remembering the last answer makes every later search from a
    position before it free.
    """

    __slots__ = ("text", "needle", "_from", "_found")

    def __init__(self, text: str, needle: str) -> None:
        self.text = text
        self.needle = needle
        self._from = -1
        self._found = -2

    def find(self, position: int, end: int | None = None) -> int:
        """The first occurrence at or after ``position`` that ends by ``end``, or -1."""
        found = self._cached(position)
        if found is None:
            found = self.text.find(self.needle, position)
            self._from, self._found = position, found
        if found >= 0 and end is not None and found + len(self.needle) > end:
            return -1
        return found

    def _cached(self, position: int) -> int | None:
        if self._from < 0 or position < self._from:
            return None
        if self._found == -1:
            return -1
        if position <= self._found:
            return self._found
        return None


def iter_comments(text: str, start: int, end: int, finder: Finder | None = None):
    """(start, end, body) of every complete ``<!-- … -->`` in text[start:end]."""
    finder = finder or Finder(text, "-->")
    position = start
    while True:
        opened = text.find("<!--", position, end)
        if opened < 0:
            return
        if text.startswith("<!-->", opened):
            yield opened, opened + 5, ""
            position = opened + 5
            continue
        if text.startswith("<!--->", opened):
            yield opened, opened + 6, ""
            position = opened + 6
            continue
        closed = finder.find(opened + 4, end)
        if closed < 0:
            return
        yield opened, closed + 3, text[opened + 4:closed]
        position = closed + 3
