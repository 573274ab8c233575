"""The document model every rule reads.

A parser turns a source file into a ``Document``: the prose as one string
(``text``), its paragraphs (blocks that no sentence or quotation crosses), and
a ``SourceMap`` back to the source. Sentences, word tokens and quotations are
derived once, on first use, and shared by every rule.

All offsets are into ``text``; ``source_span`` and ``position`` translate them
to the original file.
"""

from __future__ import annotations

from collections import namedtuple
from functools import cached_property

from newslint.positions import LineIndex
from newslint.sourcemap import SourceMap

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from newslint.quotes import QuoteAnalysis
    from newslint.words import Words


# The document's parts are named tuples, not dataclasses: a document has many and a named tuple is
# several times cheaper to build than a frozen dataclass (which sets each field through
# object.__setattr__). They are immutable and compare by value all the same. They are the
# standard library's ``collections.namedtuple`` (``typing.NamedTuple`` makes the same classes, but
# importing ``typing`` is a cost on every start-up).
class Paragraph(namedtuple("Paragraph", ["index", "start", "end", "scope"], defaults=["body"])):
    """A block of prose: a paragraph, heading, list item, table cell or caption.

    ``index: int``, ``start: int``, ``end: int``, ``scope: str = "body"``.
    """

    __slots__ = ()


class Sentence(namedtuple("Sentence", ["start", "end", "paragraph", "after_terminator"], defaults=[False])):
    """``start: int``, ``end: int``, ``paragraph: int``, and ``after_terminator: bool = False``: True
    when the previous sentence ended with . ! or ? (so this one should open with a capital)."""

    __slots__ = ()


class Directive(namedtuple("Directive", ["kind", "rules", "start", "end"])):
    """An in-text control comment, e.g. ``<!-- newslint-disable-next-line names -->``.

    ``kind`` is "disable", "enable", "disable-line" or "disable-next-line";
    ``rules`` the ids or plugin prefixes it names (empty: every rule);
    ``start``/``end`` the comment's source offsets.
    """

    __slots__ = ()


class Token(namedtuple("Token", ["start", "end", "text"])):
    """A word: letters and digits, with inner apostrophes and hyphens (``Russia’s``, ``President-elect``):
    ``start: int``, ``end: int``, ``text: str``.

    A named tuple rather than a dataclass: documents have many tokens and tuples are cheap to build.
    """

    __slots__ = ()




class Document:
    """Prose to check, with its structure and a map back to the source.

    ``source`` is the decoded file (without a byte-order mark); ``text`` is the
    prose the rules see. For plain text they are the same string.
    """

    def __init__(self, text: str, paragraphs: list[Paragraph], *, source: str | None = None,
                 source_map: SourceMap | None = None, path: str | None = None,
                 format: str = "text", directives: list[Directive] | None = None) -> None:
        self.text = text
        self.source = text if source is None else source
        self.source_map = source_map or SourceMap.identity(len(text))
        self.paragraphs = paragraphs
        self.path = path
        self.format = format
        #: Suppression comments found by the parser, in source order.
        self.directives = directives or []

    # -- positions ---------------------------------------------------------
    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.source)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of prose span [start, end)."""
        source_start = self.source_map.start(start)
        source_end = self.source_map.end(end) if end > start else source_start
        return source_start, max(source_start, source_end)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the source of prose offset ``offset``."""
        return self.lines.position(self.source_map.start(offset))

    # -- derived structure, computed once and shared by all rules ----------
    @cached_property
    def sentences(self) -> list[Sentence]:
        from newslint.sentences import split_sentences

        return split_sentences(self)

    @cached_property
    def words(self) -> "Words":
        """The words as parallel lists (starts, ends, texts, lower): one scan, shared by every rule."""
        from newslint.fastre import plain
        from newslint.words import Words

        return Words(self.text, plain(self))  # plain(): worked out once per document, for any who asks

    @cached_property
    def tokens(self) -> list[Token]:
        words = self.words
        return list(map(Token._make, zip(words.starts, words.ends, words.texts)))

    @cached_property
    def quotes(self) -> "QuoteAnalysis":
        from newslint.quotes import analyse_quotes

        return analyse_quotes(self)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph containing ``offset``, if any."""
        from bisect import bisect_right

        starts = self._paragraph_starts
        index = bisect_right(starts, offset) - 1
        if index >= 0 and offset < self.paragraphs[index].end:
            return self.paragraphs[index]
        return None

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_text(self, paragraph: Paragraph) -> str:
        return self.text[paragraph.start:paragraph.end]

    def __repr__(self) -> str:
        return f"<Document {self.path or '-'} {len(self.text)} chars, {len(self.paragraphs)} paragraphs>"
