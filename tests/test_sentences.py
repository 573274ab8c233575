"""The shared sentence splitter: where sentences end, and that it stays linear on any input."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.builtin.plaintext import PlainTextParser
from newslint.document import Document, Paragraph


def sentences(text: str) -> list[str]:
    doc = PlainTextParser().parse(text, "t.txt")
    return [doc.text[s.start:s.end] for s in doc.sentences]


@pytest.mark.parametrize(("text", "expected"), [
    ("The talks failed. The envoys left.", ["The talks failed.", "The envoys left."]),
    ("Was it wise? Few thought so! Most left.", ["Was it wise?", "Few thought so!", "Most left."]),
    ("Prices rose. analysts were surprised.", ["Prices rose.", "analysts were surprised."]),
    # abbreviations and initials
    ("Dr. Grant met Gen. Moss at 9 a.m. on Monday.", ["Dr. Grant met Gen. Moss at 9 a.m. on Monday."]),
    ("It was J. R. Hartley's book, e.g. the first one.", ["It was J. R. Hartley's book, e.g. the first one."]),
    ("The U.S. envoy arrived.", ["The U.S. envoy arrived."]),
    ("He lives at No. 10 with his cat.", ["He lives at No. 10 with his cat."]),
    # abbreviations that are also words end a sentence before a capital
    ("He sat. Then he spoke.", ["He sat.", "Then he spoke."]),
    ("She said no. The vote failed.", ["She said no.", "The vote failed."]),
    ("They met on Sat. the third of May.", ["They met on Sat. the third of May."]),
    # ellipses that run on, typed with two, three or four dots
    ("He waited... and waited.", ["He waited... and waited."]),
    ("He waited… and waited.", ["He waited… and waited."]),
    ("It was odd.. or so they said.", ["It was odd.. or so they said."]),
    ("It was odd.... or so they said.", ["It was odd.... or so they said."]),
    ("He waited... Then he left.", ["He waited...", "Then he left."]),
    # quotations before their attribution
    ("“Stop!” he shouted. She stopped.", ["“Stop!” he shouted.", "She stopped."]),
    ("“Go.” She went.", ["“Go.”", "She went."]),
    # brands and titles ending in ! or ?
    ("Shares in Yahoo! rose sharply.", ["Shares in Yahoo! rose sharply."]),
    ("The film Shall We Dance? topped the chart.", ["The film Shall We Dance? topped the chart."]),
    ("Fans of ex-Wham! singers came.", ["Fans of ex-Wham! singers came."]),
])
def test_where_sentences_end(text, expected):
    assert sentences(text) == expected


def test_paragraphs_bound_sentences_and_after_terminator_marks_all_but_the_first():
    doc = PlainTextParser().parse("One. Two.\n\nThree", "t.txt")
    found = [(doc.text[s.start:s.end], s.paragraph, s.after_terminator) for s in doc.sentences]
    assert found == [("One.", 0, False), ("Two.", 0, True), ("Three", 1, False)]


@pytest.mark.parametrize("text", [
    "a" + "." * 200_000 + "b",           # one run of terminators
    "a" + ".”" * 100_000 + " b",         # terminators and closing marks interleaved
    "a." + " " * 200_000 + "b",          # one long gap
    "x" * 400_000 + ". y",               # one long word before a terminator
    "U.S. " * 80_000,                    # a boundary every few characters
])
def test_pathological_input_is_split_in_linear_time(text):
    doc = Document(text, [Paragraph(0, 0, len(text))])
    started = time.perf_counter()
    from newslint.sentences import split_sentences

    split_sentences(doc)
    # Quadratic backtracking took minutes on the first input; linear takes milliseconds.
    assert time.perf_counter() - started < 5


PIECES = ["Kyiv", "kyiv", "the", "The", "said", "Mr.", "U.S.", "e.g.", "no", "No.", "sat", "10", " ", "  ",
          "\n", "\n\n", ".", "..", "...", "…", "!", "?", "“", "”", "\"", "(", ")", "’", "Yahoo!", "iPhone"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_sentences_tile_each_paragraph_in_order(text):
    doc = PlainTextParser().parse(text, "t.txt")
    previous_end = -1
    for s in doc.sentences:
        paragraph = doc.paragraphs[s.paragraph]
        assert paragraph.start <= s.start < s.end <= paragraph.end
        assert s.start >= previous_end
        assert not doc.text[s.start].isspace() and not doc.text[s.end - 1].isspace()
        assert s.after_terminator == (s.start != paragraph.start)
        if s.after_terminator:  # a break comes only after a terminator and white space
            gap = doc.text[previous_end:s.start]
            assert gap.strip() == "" and doc.text[previous_end - 1] in ".!?…\"'”’»)]"
        previous_end = s.end
    # Every non-space character of a paragraph belongs to one of its sentences.
    covered = {i for s in doc.sentences for i in range(s.start, s.end)}
    for p in doc.paragraphs:
        assert all(i in covered for i in range(p.start, p.end) if not doc.text[i].isspace())
