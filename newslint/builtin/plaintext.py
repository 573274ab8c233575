"""Plain text: paragraphs are blocks separated by blank lines; inside a block,
each line is a paragraph of its own unless the block is hard-wrapped.

Wire copy and CMS exports put one paragraph per line, often with a blank line
only after the headline; hard-wrapped text keeps every line short. A block
whose lines are all at most ``_WRAP_WIDTH`` characters, some breaking
mid-sentence, is read as one wrapped paragraph; otherwise each line is a
paragraph.

A first block of one short line with no closing full stop, followed by more
text, is the headline.
"""

from __future__ import annotations

import re

from newslint import hookimpl
from newslint.document import Document, Paragraph
from newslint.parser import Parser

_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t\f\v]*(?:\r\n|\r|\n)")
# The same where the text has no carriage return (most): opening with a literal, it is searched for
# in a tight loop, where the pattern above is tried at every character (six times the cost).
_BLANK_LINE_LF = re.compile(r"\n[ \t\f\v]*\n")
_LINE = re.compile(r"[^\r\n]+")
_HEADLINE_MAX_WORDS = 20
_WRAP_WIDTH = 100
_LINE_ENDS = (".", "!", "?", ":", "\"", "”", "’", "'", ")")


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the paragraphs of plain text, trimmed of surrounding white space."""
    end = len(text) if end is None else end
    blocks, position = [], start
    returns = text.find("\r", start, end) >= 0
    for match in (_BLANK_LINE if returns else _BLANK_LINE_LF).finditer(text, start, end):
        block_end = match.start()
        if text.find("\n", position, block_end) < 0 and (not returns or text.find("\r", position, block_end) < 0):
            if position < block_end:  # a block of one line (most are): that line, as below
                blocks.append((position, block_end))
        else:
            blocks.extend(_block_paragraphs(text, position, block_end))
        position = match.end()
    blocks.extend(_block_paragraphs(text, position, end))
    spans = []
    for s, e in blocks:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def _block_paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lines = [(match.start(), match.end()) for match in _LINE.finditer(text, start, end)]
    if (len(lines) > 1 and all(e - s <= _WRAP_WIDTH for s, e in lines)
            and any(not text[s:e].rstrip().endswith(_LINE_ENDS) for s, e in lines[:-1])):
        return [(start, end)]  # hard-wrapped (short lines breaking mid-sentence): one paragraph
    return lines


def _is_headline(text: str, span: tuple[int, int], count: int) -> bool:
    line = text[span[0]:span[1]]
    return (count > 1 and "\n" not in line and "\r" not in line
            and not line.rstrip("\"'”’«»“‘‹›").endswith((".", ":", ";", ","))
            and len(line.split()) <= _HEADLINE_MAX_WORDS)


class PlainTextParser(Parser):
    name = "text"
    extensions = (".txt", ".text")

    def parse(self, source: str, path: str | None = None, options=None) -> Document:
        spans = split_paragraphs(source)
        paragraphs = []
        for index, span in enumerate(spans):
            scope = "headline" if index == 0 and _is_headline(source, span, len(spans)) else "body"
            paragraphs.append(Paragraph(index, span[0], span[1], scope))
        return Document(source, paragraphs, path=path, format=self.name)


@hookimpl
def newslint_parsers():
    return [PlainTextParser()]
