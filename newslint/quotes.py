"""Quotation marks: which mark opens, which closes, which is an apostrophe.

Computed once per document and shared by the punctuation and attribution
rules. Curly and straight marks are both handled; a straight mark, and a curly
one used against its shape (German „…“), is told apart by its neighbours.
Pairs are matched per paragraph with a stack per family (double, single).

Apostrophes: a single mark between letters (Russia’s, O’Connell), at a word's
start before an elision (’90s, ’em, ’til, rock ’n’ roll), or after a word when
no single quotation is open (the troops’ morale) is an apostrophe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.document import Document

DOUBLE_MARKS = "“”\"«»„"
SINGLE_MARKS = "‘’'‹›‚"
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS
#: Marks that do not belong in English copy.
FOREIGN_MARKS = "«»„‹›‚"

# The role a mark has by its shape, when its neighbours do not decide.
_SHAPE_ROLE = {"“": "open", "”": "close", "«": "open", "»": "close", "„": "open",
               "‘": "open", "’": "close", "‹": "open", "›": "close", "‚": "open"}
# Which closing marks properly end a quotation opened by each mark.
_CLOSERS = {"“": "”", "\"": "\"", "«": "»", "„": "“”", "»": "«",
            "‘": "’", "'": "'", "‹": "›", "‚": "‘’", "›": "‹"}
_ELISIONS = ("em", "til", "tis", "twas", "n", "cause", "bout", "round", "ello")
_MARK = re.compile("[" + re.escape(ALL_MARKS) + "]")
_OPEN_CONTEXT = set(" \t\n\r([{—–-/\u00a0") | set(ALL_MARKS)


@dataclass(slots=True)
class Mark:
    offset: int
    char: str
    family: str          # "double" or "single"
    role: str            # "open", "close" or "apostrophe"
    paragraph: int


@dataclass(slots=True)
class Quotation:
    """A matched or unmatched quotation. ``close`` is None when it never closes."""

    open: Mark
    close: Mark | None
    depth: int                       # 0 for an outermost quotation
    parent: "Quotation | None" = None
    continues: bool = False          # unclosed, but the next paragraph reopens (multi-paragraph quote)

    @property
    def start(self) -> int:
        return self.open.offset

    @property
    def end(self) -> int:
        """Offset just after the closing mark (or the paragraph end, when unclosed)."""
        return self.close.offset + 1 if self.close else self._paragraph_end

    _paragraph_end: int = 0

    @property
    def mismatched(self) -> bool:
        return self.close is not None and self.close.char not in _CLOSERS.get(self.open.char, "")


@dataclass(slots=True)
class QuoteAnalysis:
    marks: list[Mark] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)
    #: Closing marks with no opening mark before them in their paragraph.
    stray_closes: list[Mark] = field(default_factory=list)
    #: "curly" when the document uses typographic double quotes, else "straight".
    style: str = "straight"

    def inside(self, start: int, end: int) -> Quotation | None:
        """The innermost closed quotation containing [start, end), if any."""
        best = None
        for quotation in self.quotations:
            if quotation.close is not None and quotation.start < start and end <= quotation.close.offset:
                if best is None or quotation.depth > best.depth:
                    best = quotation
        return best


def _family(char: str) -> str:
    return "double" if char in DOUBLE_MARKS else "single"


def _role(text: str, offset: int, start: int, end: int, open_families: dict[str, int]) -> str:
    char = text[offset]
    before = text[offset - 1] if offset > start else " "
    after = text[offset + 1] if offset + 1 < end else " "
    space_before = before in _OPEN_CONTEXT
    space_after = after.isspace() or after in ".,;:!?)]}—–" or after in ALL_MARKS
    family = _family(char)
    if family == "single":
        if before.isalnum() and after.isalnum():
            return "apostrophe"  # Russia’s, O’Connell, don't
        if char in "’'" and space_before and after.isalnum():
            word = text[offset + 1:offset + 6].lower()
            if after.isdigit() or word.startswith(_ELISIONS):
                return "apostrophe"  # ’90s, ’em, ’til, rock ’n’ roll
            if char == "’":
                return "apostrophe"
        if char in "’'" and not space_before and not open_families.get("single"):
            return "apostrophe"  # the troops’ morale, with no single quotation open
        if char == "‘" and after.isdigit():
            return "apostrophe"  # a misturned ‘90s
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    if char in "\"'":
        return "close" if open_families.get(family) else "open"
    return _SHAPE_ROLE[char]


def analyse_quotes(document: "Document") -> QuoteAnalysis:
    text = document.text
    analysis = QuoteAnalysis()
    curly = straight = 0
    previous_unclosed: list[Quotation] = []
    for paragraph in document.paragraphs:
        start, end = paragraph.start, paragraph.end
        stacks: dict[str, list[Quotation]] = {"double": [], "single": []}
        depth_counts = {"double": 0, "single": 0}
        opened_here: list[Quotation] = []
        first_mark: Mark | None = None
        for found in _MARK.finditer(text, start, end):
            offset = found.start()
            char = text[offset]
            family = _family(char)
            role = _role(text, offset, start, end, depth_counts)
            mark = Mark(offset, char, family, role, paragraph.index)
            analysis.marks.append(mark)
            if first_mark is None and role != "apostrophe":
                first_mark = mark
            if family == "double":
                if char in "“”":
                    curly += 1
                elif char == "\"":
                    straight += 1
            stack = stacks[family]
            if role == "open":
                parent = _innermost(stacks)
                quotation = Quotation(mark, None, len(stack), parent)
                quotation._paragraph_end = end
                stack.append(quotation)
                opened_here.append(quotation)
                analysis.quotations.append(quotation)
                depth_counts[family] = len(stack)
            elif role == "close":
                if stack:
                    stack.pop().close = mark
                    depth_counts[family] = len(stack)
                elif family == "double" or char in "‘’›‚":
                    analysis.stray_closes.append(mark)
        # Multi-paragraph quotations: an unclosed quotation continues when the next
        # paragraph opens with a quotation mark of the same family.
        if first_mark is not None and first_mark.role == "open":
            for quotation in previous_unclosed:
                if quotation.open.family == first_mark.family:
                    quotation.continues = True
        previous_unclosed = [q for q in opened_here if q.close is None]
    analysis.style = "curly" if curly >= straight and curly else "straight"
    return analysis


def _innermost(stacks: dict[str, list[Quotation]]) -> Quotation | None:
    candidates = [stack[-1] for stack in stacks.values() if stack]
    return max(candidates, key=lambda q: q.open.offset) if candidates else None
