"""Building a Document from markup, one prose piece at a time.

Parsers for Markdown, HTML and other formats feed the builder the prose they
find, each piece with its place in the source; the builder concatenates the
prose, separates blocks, and records the ``SourceMap`` that gives every rule
exact source positions. A parser never searches for text after the fact.
"""

from __future__ import annotations

from newslint.document import Directive, Document, Paragraph
from newslint.sourcemap import Piece, SourceMap

#: Stands in the prose for something that is not prose but occupies a place in a
#: sentence (inline code, a URL, an image): rules see one opaque character.
PLACEHOLDER = "\ufffc"
BLOCK_SEPARATOR = "\n\n"


class DocumentBuilder:
    def __init__(self, source: str, path: str | None = None, format: str = "text") -> None:
        self.source = source
        self.path = path
        self.format = format
        self._chunks: list[str] = []
        self._pieces: list[Piece] = []
        self._length = 0
        self._paragraphs: list[Paragraph] = []
        self._directives: list[Directive] = []
        self._block_start: int | None = None
        self._block_chunk = 0
        self._block_scope = "body"
        self._last_source_end = 0

    # -- blocks ------------------------------------------------------------
    def start_block(self, scope: str = "body") -> None:
        """Begin a paragraph-like block; ends any open one."""
        self.end_block()
        if self._paragraphs or self._length:
            self._insert(BLOCK_SEPARATOR, self._last_source_end)
        self._block_start = self._length
        self._block_chunk = len(self._chunks)
        self._block_scope = scope

    def end_block(self) -> None:
        if self._block_start is None:
            return
        block = "".join(self._chunks[self._block_chunk:])
        stripped = block.strip()
        if stripped:
            start = self._block_start + (len(block) - len(block.lstrip()))
            end = start + len(stripped)
            self._paragraphs.append(Paragraph(len(self._paragraphs), start, end, self._block_scope))
        self._block_start = None

    # -- prose pieces ------------------------------------------------------
    def add(self, source_start: int, source_end: int) -> None:
        """Prose copied verbatim from source[source_start:source_end]."""
        if source_end <= source_start:
            return
        self._append(self.source[source_start:source_end], source_start, source_end)

    def add_decoded(self, text: str, source_start: int, source_end: int) -> None:
        """Prose that the markup source[source_start:source_end] stands for (``&ldquo;`` → ``“``)."""
        if text:
            self._append(text, source_start, source_end)

    def add_placeholder(self, source_start: int, source_end: int) -> None:
        """Something in a sentence that is not prose (inline code, a URL): one opaque character."""
        self._append(PLACEHOLDER, source_start, source_end)

    def add_break(self, source_offset: int, text: str = "\n") -> None:
        """White space the prose needs but the source does not spell out at this place."""
        self._insert(text, source_offset)

    def add_directive(self, directive: Directive) -> None:
        self._directives.append(directive)

    def _append(self, text: str, source_start: int, source_end: int) -> None:
        last = self._pieces[-1] if self._pieces else None
        if (last is not None and last.verbatim and last.source_end == source_start
                and len(text) == source_end - source_start and last.source_end > last.source_start):
            # Adjacent verbatim runs merge, so an edit may span them.
            self._pieces[-1] = Piece(last.text_start, last.text_end + len(text), last.source_start, source_end)
            self._chunks.append(text)
            self._length += len(text)
            self._last_source_end = source_end
            return
        self._pieces.append(Piece(self._length, self._length + len(text), source_start, source_end))
        self._chunks.append(text)
        self._length += len(text)
        self._last_source_end = source_end

    def _insert(self, text: str, source_offset: int) -> None:
        # An inserted run maps, character by character, to the one source offset.
        self._pieces.append(Piece(self._length, self._length + len(text), source_offset, source_offset))
        self._chunks.append(text)
        self._length += len(text)

    def build(self) -> Document:
        self.end_block()
        text = "".join(self._chunks)
        source_map = SourceMap(self._pieces, len(text), len(self.source))
        return Document(text, self._paragraphs, source=self.source, source_map=source_map, path=self.path,
                        format=self.format, directives=self._directives)
