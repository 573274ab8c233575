"""Quotation marks: which mark opens, which closes, which is an apostrophe.

Computed once per document and shared by every rule that cares about quotes
(punctuation, attribution). Curly and straight marks are both handled; a
straight mark, and a curly one used against its shape (German „…“), is told
apart by its neighbours: a mark after white space (or an opening bracket or
dash) and before a word opens, a mark after a word and before white space or
punctuation closes. When the neighbours do not decide, a straight mark closes
the innermost open quotation of its family if there is one, and a curly mark
takes the role of its shape.

Apostrophes: a single mark between letters or digits (Russia’s, O’Connell,
1990's), at a word's start before a digit or a known elision (’90s, ’em, ’til,
rock ’n’ roll), or after a word when no single quotation is open (the troops’
morale) is an apostrophe. When a single quotation *is* open, a mark after a
plural ``s`` and before a word (‘the troops’ morale is high’) is taken for an
apostrophe if a later mark in the paragraph can close the quotation before
another one opens.

A straight or curly mark right after a digit, with no quotation of its
family open, is a ``prime``: feet and inches (5' 10", a 12" single).

Pairs are matched per paragraph with one stack: a closing mark closes the
innermost open quotation of its family (double or single); quotations of the
other family opened inside it and still open are left unclosed. A closing
mark after punctuation with only a quotation of the other family open closes
that one, as a mismatched pair (“We will stay.’). An unclosed quotation
``continues``:

- when the next paragraph opens with a mark of its family (the convention for
  a quotation running over several paragraphs);
- when, in its own paragraph, a new sentence opens with a mark of its family
  (copy whose paragraph breaks were lost: “We will stay. “We will fight,” he
  said.); ``reopened_at`` is then the offset of that mark;
- when a paragraph break was made mid-sentence (the next paragraph starts in
  lowercase, or the previous one stops on a word or comma) and a closing mark
  of its family in a following paragraph ends it.

Everything is linear in the length of the text: one pass over the marks of
each paragraph and one backward pass for the apostrophe look-ahead.
``QuoteAnalysis.inside`` answers in O(log n).
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from newslint._records import Record

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from newslint.document import Document, Paragraph

DOUBLE_MARKS = "“”\"«»„"
SINGLE_MARKS = "‘’'‹›‚"
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS
#: Marks that do not belong in English copy.
FOREIGN_MARKS = "«»„‹›‚"
#: Marks whose role their shape does not tell (straight quotes).
STRAIGHT_MARKS = "\"'"
#: Typographic (curly) English marks.
CURLY_MARKS = "“”‘’"

# The role a mark has by its shape, when its neighbours do not decide.
_SHAPE_ROLE = {"“": "open", "”": "close", "«": "open", "»": "close", "„": "open",
               "‘": "open", "’": "close", "‹": "open", "›": "close", "‚": "open"}
# Which closing marks properly end a quotation opened by each mark. Straight and
# curly English marks pair with each other (mixing them is a matter of style, not
# of balance); foreign marks pair with their own closers, „ and ‚ also with the
# English closing shape.
_CLOSERS = {"“": "”\"", "\"": "\"”", "«": "»", "„": "“”", "»": "«",
            "‘": "’'", "'": "'’", "‹": "›", "‚": "‘’", "›": "‹"}
# Words that lose their first letters to an apostrophe: ’em, ’til, rock ’n’ roll.
_ELISIONS = frozenset(("em", "til", "tis", "twas", "n", "cause", "cos", "coz", "bout", "round",
                       "ello", "nuff", "kay", "sup", "tween", "gainst", "neath", "scuse", "fraid"))
# How many unclosed quotations a paragraph can hand on to the next.
_MAX_CARRIED = 8
_SPACE = " \t\n\r\f\v\u00a0\u2009\u202f\u2002\u2003"
# After one of these, a mark opens (if a word follows).
_OPEN_CONTEXT = frozenset(_SPACE + "([{—–-/" + ALL_MARKS)
# Before one of these, a mark closes (if a word precedes).
_CLOSE_CONTEXT = frozenset(_SPACE + ".,;:!?)]}—–…" + ALL_MARKS)


# Records (newslint._records): what @dataclass(slots=True) made of them, without the cost of making
# dataclasses at every start-up.
class Mark(Record):
    __slots__ = ("offset", "char", "family", "role", "paragraph")
    offset: int
    char: str
    family: str          # "double" or "single"
    role: str            # "open", "close", "apostrophe" or "prime" (5' 10", a 12" single)
    paragraph: int

    def __init__(self, offset: int, char: str, family: str, role: str, paragraph: int) -> None:
        self.offset = offset
        self.char = char
        self.family = family
        self.role = role
        self.paragraph = paragraph


class Quotation(Record):
    """A matched or unmatched quotation. ``close`` is None when it never closes."""

    __slots__ = ("open", "close", "depth", "parent", "continues", "_paragraph_end", "reopened_at", "enclosing")
    _no_repr = _no_compare = frozenset({"enclosing"})
    open: Mark
    close: Mark | None
    depth: int                       # 0 for an outermost quotation, 1 inside one, ...
    parent: "Quotation | None"       # the quotation (of either family) this one opened inside
    #: Unclosed, but carried on: the next paragraph reopens it (a multi-paragraph
    #: quotation), or a new sentence in its own paragraph does (paragraphs run together),
    #: or a closing mark after a mid-sentence paragraph break ends it.
    continues: bool

    def __init__(self, open: Mark, close: Mark | None, depth: int, parent: "Quotation | None" = None,
                 continues: bool = False, _paragraph_end: int = 0, reopened_at: int | None = None,
                 enclosing: "Quotation | None" = None) -> None:
        self.open = open
        self.close = close
        self.depth = depth
        self.parent = parent
        self.continues = continues
        self._paragraph_end = _paragraph_end
        self.reopened_at = reopened_at
        self.enclosing = enclosing

    @property
    def start(self) -> int:
        return self.open.offset

    @property
    def end(self) -> int:
        """Offset just after the closing mark; when unclosed, the paragraph end (or the
        mark that reopens it in the same paragraph)."""
        return self.close.offset + 1 if self.close else self._paragraph_end

    _paragraph_end: int
    #: When a new sentence in the same paragraph reopens this unclosed quotation
    #: (“We will stay. “We will fight,” he said.), the offset of the reopening mark.
    reopened_at: int | None
    #: The nearest enclosing quotation that closes (None for an outermost one, or one
    #: inside only unclosed quotations). Neither shown nor compared.
    enclosing: "Quotation | None"

    @property
    def family(self) -> str:
        return self.open.family

    @property
    def mismatched(self) -> bool:
        """Closed by a mark of another kind: “…», «…”."""
        return self.close is not None and self.close.char not in _CLOSERS.get(self.open.char, "")


class QuoteAnalysis(Record):
    __slots__ = ("marks", "quotations", "stray_closes", "style", "_starts", "_tree", "_size")
    _factories = {"marks": list, "quotations": list, "stray_closes": list}
    _no_repr = _no_compare = frozenset({"_starts", "_tree", "_size"})
    #: Every quotation mark, in text order, with its role.
    marks: list[Mark]
    #: Every quotation, in the order of their opening marks.
    quotations: list[Quotation]
    #: Closing marks with no open quotation of their family before them in their paragraph.
    stray_closes: list[Mark]
    #: "curly" when the document uses typographic quotes, else "straight".
    style: str
    _starts: list[int] | None
    _tree: list[int] | None
    _size: int

    def __init__(self, marks: list[Mark] | None = None, quotations: list[Quotation] | None = None,
                 stray_closes: list[Mark] | None = None, style: str = "straight", _starts: list[int] | None = None,
                 _tree: list[int] | None = None, _size: int = 0) -> None:
        self.marks = [] if marks is None else marks
        self.quotations = [] if quotations is None else quotations
        self.stray_closes = [] if stray_closes is None else stray_closes
        self.style = style
        self._starts = _starts
        self._tree = _tree
        self._size = _size

    def inside(self, start: int, end: int) -> Quotation | None:
        """The innermost closed quotation containing [start, end), if any (marks excluded).

        O(log n): the quotations containing the span are those opened before ``start``
        and closed at or after ``end``; the innermost is the last opened of them, found
        in a max-tree of closing offsets (built on first use).
        """
        if self._starts is None:
            self._build_index()
        index = bisect_left(self._starts, start) - 1  # type: ignore[arg-type]
        if index < 0:
            return None
        found = self._rightmost(index, end)
        return self.quotations[found] if found >= 0 else None

    def _build_index(self) -> None:
        self._starts = [q.open.offset for q in self.quotations]
        size = 1
        while size < max(1, len(self.quotations)):
            size *= 2
        tree = [-1] * (2 * size)  # (a list, not an array: read without boxing, and no module to import)
        for position, quotation in enumerate(self.quotations):
            if quotation.close is not None:
                tree[size + position] = quotation.close.offset
        for node in range(size - 1, 0, -1):
            tree[node] = max(tree[2 * node], tree[2 * node + 1])
        self._tree = tree
        self._size = size

    def _rightmost(self, index: int, minimum: int) -> int:
        """The largest position <= index whose closing offset is >= minimum, or -1."""
        tree, size = self._tree, self._size
        # Walk up from the leaf, collecting the left siblings that lie wholly before it.
        node = size + index
        if tree[node] >= minimum:
            return index
        while node > 1:
            if node & 1 and tree[node - 1] >= minimum:
                node -= 1
                # Descend to the rightmost leaf of this subtree that qualifies.
                while node < size:
                    node = 2 * node + 1 if tree[2 * node + 1] >= minimum else 2 * node
                return node - size
            node //= 2
        return -1


_CHAR = attrgetter("char")


def _word_after(text: str, offset: int, end: int) -> str:
    """The letters just after ``offset`` (at most a dozen), lowercased."""
    stop = offset
    limit = min(end, offset + 12)
    while stop < limit and text[stop].isalpha():
        stop += 1
    if stop < end and text[stop].isalnum():
        return ""  # a longer word: not an elision
    return text[offset:stop].lower()


def _neighbours(text: str, offset: int, start: int, end: int) -> tuple[str, str]:
    before = text[offset - 1] if offset > start else " "
    after = text[offset + 1] if offset + 1 < end else " "
    return before, after


def _role(text: str, offset: int, end: int, char: str, family: str, before: str, after: str,
          open_counts: dict[str, int], possessive_ok: bool) -> str:
    """The role of the mark ``char`` (of ``family``) at ``offset``, between ``before`` and ``after``
    (as _neighbours gives them). ``possessive_ok`` is read only for a ’ or ' after a letter with a
    single quotation open."""
    space_before = before in _OPEN_CONTEXT
    space_after = after in _CLOSE_CONTEXT
    if before.isdigit() and char in "\"'”’" and not open_counts[family] and (
            space_after or after.isdigit()):
        return "prime"  # 5' 10", a 12" single: feet and inches, not a quotation
    if char in SINGLE_MARKS:
        if before.isalnum() and after.isalnum():
            return "apostrophe"  # Russia’s, O’Connell, don't
        if char in "’'‘" and space_before and after.isalnum():
            if after.isdigit() or _word_after(text, offset + 1, end) in _ELISIONS:
                return "apostrophe"  # ’90s, ’em, ’til, rock ’n’ roll
            if char == "’":
                return "apostrophe"  # a word-initial ’ is shaped as an apostrophe
        if char in "’'" and before.isalpha() and space_after:
            if not open_counts["single"]:
                return "apostrophe"  # the troops’ morale, with no single quotation open
            if possessive_ok:
                return "apostrophe"  # ‘the troops’ morale is high’
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    if char in STRAIGHT_MARKS:
        return "close" if open_counts[family] else "open"
    return _SHAPE_ROLE[char]


def _possessive_candidates(text: str, offsets: list[int], start: int, end: int) -> set[int]:
    """Offsets of single marks after a plural ``s`` and before a word (troops’ morale) that a
    later mark in the paragraph could close instead: an open single quotation's closer is
    then more likely to be the later mark. One backward pass."""
    result: set[int] = set()
    later_close = False  # a close-shaped single mark follows, before any open-shaped one
    for offset in reversed(offsets):
        char = text[offset]
        if char not in SINGLE_MARKS:
            continue
        before, after = _neighbours(text, offset, start, end)
        open_shaped = before in _OPEN_CONTEXT and after not in _CLOSE_CONTEXT
        close_shaped = before not in _OPEN_CONTEXT and after in _CLOSE_CONTEXT
        if (close_shaped and char in "’'" and before in "sSzZ" and after in _SPACE
                and offset + 2 < end and text[offset + 2].isalpha() and later_close):
            result.add(offset)
            continue
        if open_shaped and not (before.isalnum() and after.isalnum()):
            later_close = False
        elif close_shaped:
            later_close = True
    return result


def _reopens(text: str, offset: int, start: int) -> bool:
    """An opening mark that starts a sentence (after . ! ? or …, any closing brackets or
    marks, and white space)."""
    position = offset
    while position > start and text[position - 1] in _SPACE:
        position -= 1
    if position == offset or position == start:
        return False
    while position > start and text[position - 1] in ")]'’”\"»›":
        position -= 1  # closing brackets and marks after the terminator: (…). ‘…’.
    return position > start and text[position - 1] in ".!?…"


def _has_family(quotations: list[Quotation], family: str) -> bool:
    return any(q.open.family == family for q in quotations)


def _after_punctuation(text: str, offset: int, start: int) -> bool:
    return offset > start and text[offset - 1] in ".,;:!?…"


def _opens_paragraph(text: str, start: int, mark: Mark) -> bool:
    """The paragraph begins with this opening mark (after any dash or bullet)."""
    return mark.role == "open" and not text[start:mark.offset].strip(_SPACE + "—–-•*")


def _runs_on(text: str, previous: "Paragraph", paragraph: "Paragraph") -> bool:
    """The paragraph goes on with the previous one's sentence: a paragraph break made
    mid-sentence (it starts in lowercase, or the previous body paragraph stops on a word
    or a comma)."""
    first = text[paragraph.start]
    if first.isalpha() and first.islower():
        return True
    last = text[previous.end - 1]
    return (previous.scope == paragraph.scope == "body"
            and (last.isalnum() or last in ",-–—"))


def analyse_quotes(document: "Document") -> QuoteAnalysis:
    text = document.text
    analysis = QuoteAnalysis()
    # Every mark of the text; each paragraph takes its share by bisection.
    all_offsets = _mark_offsets(text)
    if not all_offsets:
        return analysis  # what the loop below makes of a text without marks: nothing, "straight" style
    marks = analysis.marks
    quotations = analysis.quotations
    # Quotations the previous paragraph left open.
    carried: list[Quotation] = []
    previous: "Paragraph | None" = None
    for paragraph in document.paragraphs:
        start, end = paragraph.start, paragraph.end
        if previous is None or paragraph.index != previous.index + 1:
            carried = []
        runs_on = bool(carried) and _runs_on(text, previous, paragraph)  # type: ignore[arg-type]
        first = bisect_left(all_offsets, start)
        offsets = all_offsets[first:bisect_left(all_offsets, end, first)]
        if not offsets:  # what the loop below leaves of a paragraph without marks, directly
            carried = carried[-_MAX_CARRIED:] if runs_on else []
            previous = paragraph
            continue
        index = paragraph.index
        # _possessive_candidates of the paragraph, worked out when a mark first needs it (rarely: a ’ or '
        # after a letter with a single quotation open).
        possessive: set[int] | None = None
        stack: list[Quotation] = []
        open_counts = {"double": 0, "single": 0}
        first_mark_index = len(marks)
        nested: list[Quotation] = []  # the quotations opened inside another, in order
        for offset in offsets:
            char = text[offset]
            before = text[offset - 1] if offset > start else " "  # as _neighbours gives them
            after = text[offset + 1] if offset + 1 < end else " "
            if char in SINGLE_MARKS:
                family = "single"
                # Most single marks lie inside a word (Russia’s, don't): an apostrophe, as _role
                # says, unless digits stand on both sides (a prime, maybe: _role decides).
                if before.isalnum() and after.isalnum() and not (before.isdigit() and after.isdigit()):
                    marks.append(Mark(offset, char, family, "apostrophe", index))
                    continue
                if open_counts["single"] and char in "’'" and before.isalpha():  # possessive_ok is read
                    if possessive is None:
                        possessive = _possessive_candidates(text, offsets, start, end)
                    role = _role(text, offset, end, char, family, before, after, open_counts, offset in possessive)
                else:
                    role = _role(text, offset, end, char, family, before, after, open_counts, False)
            else:
                family = "double"
                if before.isdigit() or (before in _OPEN_CONTEXT) is (after in _CLOSE_CONTEXT):
                    role = _role(text, offset, end, char, family, before, after, open_counts, False)
                else:  # what _role says, directly: no prime (no digit before), open or close by the neighbours
                    role = "close" if after in _CLOSE_CONTEXT else "open"
            mark = Mark(offset, char, family, role, index)
            marks.append(mark)
            if role not in ("open", "close"):
                continue
            if role == "open":
                if open_counts[family] and _reopens(text, offset, start):
                    # Paragraphs run together: the open quotation stops here and this
                    # mark continues it, as at the start of a new paragraph.
                    while True:
                        quotation = stack.pop()
                        open_counts[quotation.open.family] -= 1
                        quotation._paragraph_end = offset
                        if quotation.open.family == family:
                            quotation.continues = True
                            quotation.reopened_at = offset
                            break
                if stack:
                    quotation = Quotation(mark, None, len(stack), stack[-1], False, end)
                    nested.append(quotation)
                else:
                    quotation = Quotation(mark, None, 0, None, False, end)
                stack.append(quotation)
                quotations.append(quotation)
                open_counts[family] += 1
            elif open_counts[family]:
                # Close the innermost open quotation of this family; any of the other
                # family opened inside it stay unclosed.
                while True:
                    quotation = stack.pop()
                    open_counts[quotation.open.family] -= 1
                    if quotation.open.family == family:
                        quotation.close = mark
                        break
            elif stack and _after_punctuation(text, offset, start) and not (
                    offset + 1 < end and text[offset + 1] in ALL_MARKS):
                # “We will stay.’ : closed by a mark of the other family (mismatched),
                # unless a mark follows (“… ‘a pun.’” has a stray single close).
                quotation = stack.pop()
                open_counts[quotation.open.family] -= 1
                quotation.close = mark
            elif runs_on and _has_family(carried, family):
                # Closes a quotation opened before a mid-sentence paragraph break.
                while True:
                    quotation = carried.pop()
                    if quotation.open.family == family:
                        quotation.continues = True
                        break
            else:
                analysis.stray_closes.append(mark)
        # Link each quotation to its nearest enclosing closed quotation (parents come first).
        for quotation in nested:
            parent = quotation.parent
            quotation.enclosing = parent if parent.close is not None else parent.enclosing
        # A multi-paragraph quotation: the previous paragraph left a quotation open and
        # this one opens with a mark of the same family (its first opening or closing mark).
        if carried:
            first_mark = next((mark for mark in marks[first_mark_index:] if mark.role in ("open", "close")), None)
            if first_mark is not None and _opens_paragraph(text, start, first_mark):
                for quotation in carried:
                    if quotation.open.family == first_mark.family:
                        quotation.continues = True
        # Bounded: a quotation carried further than this is noise, and the cost stays linear.
        carried = ((carried if runs_on else []) + stack)[-_MAX_CARRIED:]
        previous = paragraph
    analysis.style = _style("".join(map(_CHAR, marks)))
    return analysis


def _mark_offsets(text: str) -> list[int]:
    """The offsets of every quotation mark in ``text``, in order. ``str.find`` for each mark the text
    holds, rather than one pattern of them all: ``re`` tests a class of characters against every
    character of the text, several times slower than ``find`` skips to one."""
    offsets: list[int] = []
    append, find = offsets.append, text.find
    kinds = 0
    # An ASCII text holds no curly or foreign mark.
    for char in STRAIGHT_MARKS if text.isascii() else ALL_MARKS:
        if char in text:  # cheaper than a first find (no arguments to parse)
            kinds += 1
            offset = find(char)
            while offset >= 0:
                append(offset)
                offset = find(char, offset + 1)
    if kinds > 1:
        offsets.sort()
    return offsets


def _style(chars: str) -> str:
    """The document's quote style, from its marks' characters: decided by its double marks, else by
    its single marks (apostrophes included), else curly when it uses foreign (typographic) marks."""
    count = chars.count
    for curly, straight in ((count("“") + count("”"), count('"')), (count("‘") + count("’"), count("'"))):
        if curly or straight:
            return "curly" if curly >= straight else "straight"
    return "curly" if any(map(count, FOREIGN_MARKS)) else "straight"
