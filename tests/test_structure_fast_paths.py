"""The shared sentence and quotation structures' fast paths give exactly what their general forms give.

``split_sentences`` looks for boundaries on plain text with a pattern that opens with a full stop, run on a
copy of the text where ! ? and … are full stops, and decides most breaks inline (the word before a full
stop found from the last space); ``analyse_quotes`` finds its marks with ``str.find``, decides most roles
inline, works out the possessive look-ahead only when a mark needs it, and counts the marks' styles at
the end. The general forms below are the code these replaced, kept verbatim (less the shared helpers,
which they still call): on every text, the results must be equal, field by field.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newslint import quotes as quotes_module
from newslint import sentences as sentences_module
from newslint.builtin.markdown import MarkdownParser
from newslint.builtin.plaintext import PlainTextParser
from newslint.document import Sentence
from newslint.fastre import is_plain
from newslint.quotes import (ALL_MARKS, CURLY_MARKS, SINGLE_MARKS, STRAIGHT_MARKS, Mark, Quotation, QuoteAnalysis,
                             _after_punctuation, _has_family, _neighbours, _opens_paragraph,
                             _possessive_candidates, _reopens, _runs_on, _word_after)
from newslint.sentences import (WORD_ABBREVIATIONS, _ends_abbreviation, _is_abbreviation, _word_before)

# -- the general forms -------------------------------------------------------------------------

_BOUNDARY_CLASS = re.compile(r"(?P<term>[.!?…](?<![.!?…].)[.!?…]*+)(?P<close>[\"'”’»)\]]*+)(?P<space>\s++)")
_LONGER_THAN_ABBREVIATIONS = sentences_module._LONGER_THAN_ABBREVIATIONS


def general_split_sentences(document) -> list[Sentence]:
    text = document.text
    sentences = []
    finditer = (_BOUNDARY_CLASS if is_plain(text) else sentences_module._BOUNDARY).finditer
    for paragraph in document.paragraphs:
        paragraph_start, paragraph_end, index = paragraph.start, paragraph.end, paragraph.index
        start = paragraph_start
        for match in finditer(text, paragraph_start, paragraph_end):
            next_start = match.end()
            if next_start >= paragraph_end:
                break
            if not _is_break(text, match, next_start):
                continue
            end = match.start(3)
            if end > start:
                sentences.append(Sentence(start, end, index, start != paragraph_start))
            start = next_start
        if paragraph_end > start:
            sentences.append(Sentence(start, paragraph_end, index, start != paragraph_start))
    return sentences


def _is_break(text, match, next_start) -> bool:
    terminator, close = match.group(1, 2)
    following = text[next_start]
    if following.isupper() or following.isdigit() or following in "\"'“‘«(":
        if terminator != "." or close:
            return True
        at = match.start()
        if at >= _LONGER_THAN_ABBREVIATIONS and text[at - _LONGER_THAN_ABBREVIATIONS:at].isalnum():
            return True
        word = _word_before(text, at)
        if not word or not _is_abbreviation(word):
            return True
        return following.isupper() and word.lower() in WORD_ABBREVIATIONS
    if not following.islower():
        return False
    if "…" in terminator or terminator.count(".") >= 2 or close:
        return False
    if terminator[-1] in "!?" and _word_before(text, match.start()).rsplit("-", 1)[-1][:1].isupper():
        return False
    if terminator.startswith(".") and _ends_abbreviation(text, match):
        return False
    return True


_MARK = re.compile("[" + re.escape(ALL_MARKS) + "]")
_SHAPE_ROLE = quotes_module._SHAPE_ROLE
_OPEN_CONTEXT, _CLOSE_CONTEXT = quotes_module._OPEN_CONTEXT, quotes_module._CLOSE_CONTEXT
_ELISIONS, _MAX_CARRIED = quotes_module._ELISIONS, quotes_module._MAX_CARRIED


def _family(char):
    return "double" if char in quotes_module.DOUBLE_MARKS else "single"


def _role(text, offset, start, end, open_counts, possessive_ok):
    char = text[offset]
    before, after = _neighbours(text, offset, start, end)
    space_before = before in _OPEN_CONTEXT
    space_after = after in _CLOSE_CONTEXT
    if before.isdigit() and char in "\"'”’" and not open_counts[_family(char)] and (
            space_after or after.isdigit()):
        return "prime"
    if char in SINGLE_MARKS:
        if before.isalnum() and after.isalnum():
            return "apostrophe"
        if char in "’'‘" and space_before and after.isalnum():
            if after.isdigit() or _word_after(text, offset + 1, end) in _ELISIONS:
                return "apostrophe"
            if char == "’":
                return "apostrophe"
        if char in "’'" and before.isalpha() and space_after:
            if not open_counts["single"]:
                return "apostrophe"
            if possessive_ok:
                return "apostrophe"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    if char in STRAIGHT_MARKS:
        return "close" if open_counts[_family(char)] else "open"
    return _SHAPE_ROLE[char]


def general_analyse_quotes(document) -> QuoteAnalysis:
    from bisect import bisect_left

    text = document.text
    analysis = QuoteAnalysis()
    marks = analysis.marks
    quotations = analysis.quotations
    counts = {"double": [0, 0, 0], "single": [0, 0, 0]}
    carried = []
    previous = None
    all_offsets = [match.start() for match in _MARK.finditer(text)]
    for paragraph in document.paragraphs:
        start, end = paragraph.start, paragraph.end
        if previous is None or paragraph.index != previous.index + 1:
            carried = []
        runs_on = bool(carried) and _runs_on(text, previous, paragraph)
        first = bisect_left(all_offsets, start)
        offsets = all_offsets[first:bisect_left(all_offsets, end, first)]
        if not offsets:
            carried = carried[-_MAX_CARRIED:] if runs_on else []
            previous = paragraph
            continue
        possessive = _possessive_candidates(text, offsets, start, end)
        stack = []
        open_counts = {"double": 0, "single": 0}
        first_index = len(quotations)
        first_mark = None
        for offset in offsets:
            char = text[offset]
            if char in SINGLE_MARKS:
                family = "single"
                before = text[offset - 1] if offset > start else " "
                after = text[offset + 1] if offset + 1 < end else " "
                if before.isalnum() and after.isalnum() and not (before.isdigit() and after.isdigit()):
                    marks.append(Mark(offset, char, family, "apostrophe", paragraph.index))
                    counts[family][0 if char in CURLY_MARKS else 1 if char in STRAIGHT_MARKS else 2] += 1
                    continue
            else:
                family = "double"
            role = _role(text, offset, start, end, open_counts, offset in possessive)
            mark = Mark(offset, char, family, role, paragraph.index)
            marks.append(mark)
            counts[family][0 if char in CURLY_MARKS else 1 if char in STRAIGHT_MARKS else 2] += 1
            if role not in ("open", "close"):
                continue
            if first_mark is None:
                first_mark = mark
            if role == "open":
                if open_counts[family] and _reopens(text, offset, start):
                    while True:
                        quotation = stack.pop()
                        open_counts[quotation.open.family] -= 1
                        quotation._paragraph_end = offset
                        if quotation.open.family == family:
                            quotation.continues = True
                            quotation.reopened_at = offset
                            break
                quotation = Quotation(mark, None, len(stack), stack[-1] if stack else None)
                quotation._paragraph_end = end
                stack.append(quotation)
                quotations.append(quotation)
                open_counts[family] += 1
            elif open_counts[family]:
                while True:
                    quotation = stack.pop()
                    open_counts[quotation.open.family] -= 1
                    if quotation.open.family == family:
                        quotation.close = mark
                        break
            elif stack and _after_punctuation(text, offset, start) and not (
                    offset + 1 < end and text[offset + 1] in ALL_MARKS):
                quotation = stack.pop()
                open_counts[quotation.open.family] -= 1
                quotation.close = mark
            elif runs_on and _has_family(carried, family):
                while True:
                    quotation = carried.pop()
                    if quotation.open.family == family:
                        quotation.continues = True
                        break
            else:
                analysis.stray_closes.append(mark)
        for quotation in quotations[first_index:]:
            parent = quotation.parent
            if parent is not None:
                quotation.enclosing = parent if parent.close is not None else parent.enclosing
        if carried and first_mark is not None and _opens_paragraph(text, start, first_mark):
            for quotation in carried:
                if quotation.open.family == first_mark.family:
                    quotation.continues = True
        carried = ((carried if runs_on else []) + stack)[-_MAX_CARRIED:]
        previous = paragraph
    foreign = counts["double"][2] + counts["single"][2]
    analysis.style = "curly" if foreign else "straight"
    for family in ("double", "single"):
        curly, straight = counts[family][:2]
        if curly or straight:
            analysis.style = "curly" if curly >= straight else "straight"
            break
    return analysis


# -- comparison ------------------------------------------------------------------------------------

def _quotes_key(analysis):
    """Every field, including the ones records neither show nor compare (``enclosing``)."""
    def mark(m):
        return None if m is None else (m.offset, m.char, m.family, m.role, m.paragraph)

    position = {id(q): i for i, q in enumerate(analysis.quotations)}
    return ([mark(m) for m in analysis.marks],
            [(mark(q.open), mark(q.close), q.depth, position.get(id(q.parent), q.parent), q.continues,
              q._paragraph_end, q.reopened_at, q.end, position.get(id(q.enclosing), q.enclosing))
             for q in analysis.quotations],
            [mark(m) for m in analysis.stray_closes], analysis.style)


_PARSERS = [(PlainTextParser(), "t.txt"), (MarkdownParser(), "t.md")]


def _check(text: str) -> None:
    for parser, path in _PARSERS:
        document = parser.parse(text, path)
        assert sentences_module.split_sentences(document) == general_split_sentences(document), (path, text)
        fast = quotes_module.analyse_quotes(document)
        general = general_analyse_quotes(document)
        assert _quotes_key(fast) == _quotes_key(general), (path, text)
        assert fast == general
        # Again with the shared word scan built (the document's plain() worked out already).
        document.words
        assert sentences_module.split_sentences(document) == general_split_sentences(document), (path, text)


# -- texts -----------------------------------------------------------------------------------------

PIECES = (
    "Mr Mr. mr. Dr. St. No. no. sat. Sat. Sun. sun. Wed. Mar. U.S. U.S.A. e.g. i.e. a.m. p.m. etc. approx. "
    "J. R. A.B.C. Co. Inc. vs. v. Jan. fig. ca. AT&T Yahoo! Wham! Jeopardy! Dance? Why? What?! ex-Wham! "
    "government. Grentex. internationally. President-elect. 10. 1990s. 5'10\" 12\" 3’ 2.5 No.10 "
    "Russia’s Russia's O’Connell O'Connell don't can’t troops’ troops' ’90s '90s ’em 'til rock ’n’ roll "
    "the The THE he He said told officials talks resumed café Zoë İstanbul Кyiv ß Ⅻ ² ½ ª Nº"
).split(" ")
MARKS = [" ", " ", " ", " ", ". ", ".", "! ", "? ", "… ", "... ", ".. ", ".\u00a0", ",", "; ", ":", "-", " — ",
         "\n", "\n\n", "\n\n", " (", ") ", "]", "“", "”", "‘", "’", "\"", "'", "«", "»", "„", "‚", "‹", "›",
         " “", "” ", " ‘", "’ ", " \"", "\" ", " '", "' ", ".” ", ".’ ", ".\" ", ".' ", "!” ", "?’ ", ".) ",
         "\t", "  ", "\u2009", "\n- ", "\n* ", "\n# ", "\n> "]


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 80)):
            parts.append(rng.choice(PIECES))
            parts.append(rng.choice(MARKS))
        text = "".join(parts)
        texts.append(text)
        texts.append(text.encode("ascii", "ignore").decode())  # the ASCII paths
    return texts


HAND_WRITTEN = [
    "", " ", ".", "a.", "a. B", "“", "'", "\"\"", "a.\n\nB", ".\n\n.", "The talks failed. The envoys left.",
    "Was it wise? Few thought so! Most left.", "He waited… and waited. Then… Nothing.", "Dr. Grant met Gen. Moss.",
    "It was J. R. Hartley's book, e.g. the first one.", "He lives at No. 10. He sat. Then he spoke.",
    "“Stop!” he shouted. She stopped. “Go.” She went.", "Shares in Yahoo! rose. The film Shall We Dance? topped it.",
    "“We will stay. “We will fight,” he said.", "“We will stay.’ He left.", "‘the troops’ morale is high’ he said",
    "He said: “It was\n\nbroken.” Then “we”\n\n“went on.”", "„Wir bleiben“, sagte er. «Non» et ‹oui›.",
    "He is 5' 10\" tall; a 12\" single.", "“One ‘two “three” four’ five”", "” stray ’ stray \" x",
    "a" + "." * 50 + "B", "x" * 60 + ". Y", "co-op. The", "AT&T. The", "e.g. The", "U.S.A. The", "Ⅻ. The",
    "İ. The", "He wrote 'Why?' and left.", "The U.S.\u00a0Army", "He said (“no.”) Then", "It ends.”)] The",
    "(Reuters.) The", "Mr.\tSmith", "abc!? def", "abc?! Def", "Yahoo!! said", "x-Wham! said",
]


@pytest.mark.parametrize("text", HAND_WRITTEN)
def test_hand_written_texts(text):
    _check(text)


def test_random_texts():
    for text in _random_texts(400, seed=3):
        _check(text)


_TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(MARKS),
                           st.text(alphabet="aZ9.!?…“”‘’\"'«»„‚‹› \n\u00a0éКß-(&", max_size=8)),
                 max_size=60).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_generated_texts(text):
    _check(text)


def test_the_scan_copy_matches_where_the_class_pattern_does():
    """On plain text, _BOUNDARY_PLAIN on the copy with ! ? … as full stops matches where, and as far as,
    the pattern opening with the class [.!?…] does on the text, in any range."""
    for text in _random_texts(200, seed=4) + HAND_WRITTEN:
        if not is_plain(text):
            continue
        scan = text.replace("!", ".").replace("?", ".").replace("…", ".")
        for start, end in ((0, len(text)), (len(text) // 3, len(text)), (0, len(text) // 2)):
            expected = [m.span(1) + m.span(2) + m.span(3) for m in _BOUNDARY_CLASS.finditer(text, start, end)]
            found = [m.span(1) + m.span(2) + m.span(3)
                     for m in sentences_module._BOUNDARY_PLAIN.finditer(scan, start, end)]
            assert found == expected, text


def test_mark_offsets_are_every_mark():
    for text in _random_texts(200, seed=5) + HAND_WRITTEN + [ALL_MARKS, ALL_MARKS[::-1] * 3]:
        assert quotes_module._mark_offsets(text) == [m.start() for m in _MARK.finditer(text)], text


# -- paragraphs of plain text: the blank-line pattern for text without carriage returns ----------

LINE_PIECES = ["Word", "two words.", " ", "  ", "\t", "\f", "\v", "\n", "\n", "\n\n", "\n \n", "\n\t\n", "\r\n",
               "\r", "\r\n\r\n", "\n\r", "x" * 120, "“Quote,” he said.", "Headline"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES), max_size=30), st.data())
@example(["Word", "\n \n", "Word"], None)  # a blank line holding a space, between lines that would wrap
def test_paragraphs_without_carriage_returns_are_those_the_general_pattern_finds(pieces, data):
    from newslint.builtin import plaintext

    text = "".join(pieces)
    spans = [(0, len(text))]
    if data is not None:
        start = data.draw(st.integers(0, len(text)))
        spans.append((start, data.draw(st.integers(start, len(text)))))
    fast = [plaintext.split_paragraphs(text, start, end) for start, end in spans]
    kept = plaintext._BLANK_LINE_LF
    try:
        plaintext._BLANK_LINE_LF = plaintext._BLANK_LINE  # the pattern for any text, everywhere
        assert [plaintext.split_paragraphs(text, start, end) for start, end in spans] == fast
    finally:
        plaintext._BLANK_LINE_LF = kept
