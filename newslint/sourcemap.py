"""Where each character of a document's prose came from in its source file.

A parser builds the prose (``Document.text``) from pieces of the source: runs
copied verbatim, and single characters decoded from longer markup (an HTML
``&ldquo;`` becomes ``“``). ``SourceMap`` records those pieces so that any
offset into the prose maps back to an exact offset in the source, with no
searching. Characters a parser inserts (the break between two blocks) map to
the source position where they were inserted.
"""

from __future__ import annotations

from bisect import bisect_right

from newslint._records import FrozenRecord


class Piece(FrozenRecord):  # as @dataclass(frozen=True, slots=True) made it (newslint._records)
    __slots__ = ("text_start", "text_end", "source_start", "source_end")
    text_start: int
    text_end: int
    source_start: int
    source_end: int

    def __init__(self, text_start: int, text_end: int, source_start: int, source_end: int) -> None:
        _set = object.__setattr__
        _set(self, "text_start", text_start)
        _set(self, "text_end", text_end)
        _set(self, "source_start", source_start)
        _set(self, "source_end", source_end)

    @property
    def verbatim(self) -> bool:
        return self.text_end - self.text_start == self.source_end - self.source_start


class SourceMap:
    """Maps prose offsets to source offsets. The identity map when ``pieces`` is None."""

    __slots__ = ("_pieces", "_text_starts", "text_length", "source_length")

    def __init__(self, pieces: list[Piece] | None, text_length: int, source_length: int) -> None:
        self._pieces = pieces
        self._text_starts = [p.text_start for p in pieces] if pieces is not None else None
        self.text_length = text_length
        self.source_length = source_length

    @classmethod
    def identity(cls, length: int) -> "SourceMap":
        return cls(None, length, length)

    @property
    def is_identity(self) -> bool:
        return self._pieces is None

    def _piece(self, offset: int) -> Piece | None:
        index = bisect_right(self._text_starts, offset) - 1
        if index < 0:
            return None
        return self._pieces[index]

    def start(self, offset: int) -> int:
        """Source offset of the character at prose ``offset`` (for a span's start)."""
        if self._pieces is None:
            return offset
        piece = self._piece(offset)
        if piece is None:
            return 0
        if offset >= piece.text_end:  # an inserted character: past the piece's end
            return piece.source_end
        if piece.verbatim:
            return piece.source_start + offset - piece.text_start
        return piece.source_start

    def end(self, offset: int) -> int:
        """Source offset just after prose character ``offset - 1`` (for a span's end)."""
        if self._pieces is None:
            return offset
        if offset <= 0:
            return self.start(0)
        piece = self._piece(offset - 1)
        if piece is None:
            return 0
        if offset - 1 >= piece.text_end:
            return piece.source_end
        if piece.verbatim:
            return piece.source_start + offset - piece.text_start
        return piece.source_end

    def is_contiguous(self, start: int, end: int) -> bool:
        """True when prose[start:end] is one verbatim run of the source (safe to edit in place)."""
        if self._pieces is None:
            return True
        if start == end:
            piece = self._piece(start)
            return piece is not None and piece.verbatim and piece.text_start <= start <= piece.text_end
        piece = self._piece(start)
        return (piece is not None and piece.verbatim and start >= piece.text_start
                and end <= piece.text_end)

    def editable_span(self, start: int, end: int) -> tuple[int, int, bool] | None:
        """The source range an edit of prose[start:end] may replace, or None when it would touch markup.

        Verbatim runs may be cut anywhere; a decoded piece (an HTML entity, an
        escape) must be covered whole; consecutive pieces must be adjacent in
        the source, so no hidden markup (``**``, a tag) lies between them; and
        no inserted text (a block break) may be inside. The flag says whether
        the range holds a decoded piece, so the replacement can be written in
        the same kind (``&ldquo;`` for ``“``).
        """
        if self._pieces is None:
            return start, end, False
        if start == end:
            return (self.start(start), self.start(start), False) if self.is_contiguous(start, end) else None
        first = bisect_right(self._text_starts, start) - 1
        if first < 0:
            return None
        decoded = False
        source_start = source_end = None
        index = first
        while index < len(self._pieces) and self._pieces[index].text_start < end:
            piece = self._pieces[index]
            if piece.source_end == piece.source_start:
                return None  # text the parser inserted
            if not piece.verbatim:
                if start > piece.text_start or end < piece.text_end:
                    return None  # half of an entity
                decoded = True
                piece_start, piece_end = piece.source_start, piece.source_end
            else:
                piece_start = piece.source_start + max(start, piece.text_start) - piece.text_start
                piece_end = piece.source_start + min(end, piece.text_end) - piece.text_start
            if source_end is not None and piece.source_start != source_end and index != first:
                return None  # markup between the pieces
            if source_start is None:
                source_start = piece_start
            source_end = piece_end if piece.verbatim else piece.source_end
            if piece.verbatim and end < piece.text_end:
                break
            index += 1
        if source_start is None:
            return None
        return source_start, source_end, decoded
