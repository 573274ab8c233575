"""Positions: 1-based lines, 1-based code-point columns, end exclusive; property-tested."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.positions import LineIndex

# Text rich in line breaks of every kind and in astral characters.
texts = st.text(alphabet=st.sampled_from(list("ab \t.,“”\"'’«»\n\r😀é\u0301\u2028")), max_size=200)
mixed = st.lists(st.sampled_from(["word", " ", "\n", "\r\n", "\r", "Kyiv", "😀", "“", "”", "e\u0301"]),
                 max_size=60).map("".join)


def test_first_position_is_line_1_column_1():
    assert LineIndex("abc").position(0) == (1, 1)


def test_columns_count_code_points_not_utf16_units():
    text = "😀 Kiev"
    assert LineIndex(text).position(text.index("K")) == (1, 3)


def test_crlf_and_lone_cr_end_lines():
    text = "a\r\nb\rc\nd"
    index = LineIndex(text)
    assert [index.position(text.index(ch)) for ch in "abcd"] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert index.line_text(1) == "a"
    assert index.line_count == 4


def test_end_of_text_is_a_valid_position():
    text = "ab\n"
    assert LineIndex(text).position(len(text)) == (2, 1)


@settings(max_examples=300)
@given(st.one_of(texts, mixed), st.data())
def test_offset_round_trips_through_line_and_column(text, data):
    index = LineIndex(text)
    offset = data.draw(st.integers(0, len(text)))
    line, column = index.position(offset)
    assert 1 <= line <= index.line_count
    assert column >= 1
    assert index.offset(line, column) == offset


@settings(max_examples=200)
@given(st.one_of(texts, mixed))
def test_line_text_never_contains_a_line_break(text):
    index = LineIndex(text)
    for line in range(1, index.line_count + 1):
        assert "\n" not in index.line_text(line) and "\r" not in index.line_text(line)


@given(st.one_of(texts, mixed), st.data())
def test_position_matches_counting_line_breaks_by_hand(text, data):
    # Text without \r takes a fast path in LineIndex; both paths must agree with this slow count.
    offset = data.draw(st.integers(0, len(text)))
    before = text[:offset]
    if before.endswith("\r") and text[offset:offset + 1] == "\n":
        before = before[:-1]  # between the \r and \n of a CRLF: still on the line the CR ends
    lines = before.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert LineIndex(text).position(offset) == (len(lines), len(lines[-1]) + 1 + (offset - len(before)))
