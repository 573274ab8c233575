"""Scopes: where in a document a rule applies.

Every prose offset has a block scope (``body``, ``headline``, ``heading``,
``list``, ``table``, ``caption``, ``frontmatter.<field>``), and ``quote`` when
it is inside quotation marks. A rule's scope list names where it applies; an
entry starting with ``~`` names where it does not. ``frontmatter`` matches
every front-matter field. An empty list means everywhere.
"""

from __future__ import annotations

from bisect import bisect_right

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from newslint.document import Document


def _matches(selector: str, block_scope: str, in_quote: bool) -> bool:
    if selector == "quote":
        return in_quote
    return block_scope == selector or block_scope.startswith(selector + ".")


class ScopeIndex:
    """Answers "which scopes hold this offset" in O(log n) per query."""

    def __init__(self, document: "Document") -> None:
        self.document = document
        self._quote_spans: list[tuple[int, int]] | None = None

    def _quotes(self) -> tuple[list[int], list[int]]:
        if self._quote_spans is None:
            spans = sorted((q.start, q.close.offset) for q in self.document.quotes.quotations
                           if q.close is not None and getattr(q, "enclosing", None) is None)
            self._quote_spans = spans
        return self._quote_spans

    def in_quote(self, offset: int) -> bool:
        spans = self._quotes()
        index = bisect_right(spans, (offset, float("inf"))) - 1
        return index >= 0 and spans[index][0] < offset < spans[index][1]

    def applies(self, scopes: tuple[str, ...], offset: int) -> bool:
        if not scopes:
            return True
        paragraph = self.document.paragraph_at(offset)
        block = paragraph.scope if paragraph else "body"
        needs_quote = any(s.lstrip("~") == "quote" for s in scopes)
        in_quote = self.in_quote(offset) if needs_quote else False
        positives = [s for s in scopes if not s.startswith("~")]
        if positives and not any(_matches(s, block, in_quote) for s in positives):
            return False
        return not any(_matches(s[1:], block, in_quote) for s in scopes if s.startswith("~"))
