"""The quote analysis: roles of marks, pairing, multi-paragraph quotations, and its invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.builtin.plaintext import PlainTextParser
from newslint.quotes import ALL_MARKS


def analyse(text):
    document = PlainTextParser().parse(text, "t.txt")
    return document, document.quotes


def roles(text):
    """(char, role) of every mark, in order."""
    _, quotes = analyse(text)
    return [(m.char, m.role) for m in quotes.marks]


def pairs(text):
    """(opening text, closing text or None) of every quotation, in order."""
    document, quotes = analyse(text)
    return [(q.open.char, q.close.char if q.close else None) for q in quotes.quotations]


# -- apostrophes ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "It was a hit in the ’90s.",
    "It was a hit in the '90s.",
    "They played rock ’n’ roll all night.",
    "They played rock 'n' roll all night.",
    "Mary O’Connell won the seat.",
    "Mary O'Connell won the seat.",
    "The troops’ morale was low.",
    "The troops' morale was low.",
    "Russia’s army and Kyiv’s forces don’t agree.",
    "Give ’em a chance, ’til Friday.",
])
def test_apostrophes_are_not_quotation_marks(text):
    document, quotes = analyse(text)
    assert [m.role for m in quotes.marks] == ["apostrophe"] * len(quotes.marks)
    assert quotes.quotations == [] and quotes.stray_closes == []


def test_possessive_inside_a_single_quotation_is_an_apostrophe():
    text = "He said: ‘The troops’ morale is high.’"
    assert roles(text) == [("‘", "open"), ("’", "apostrophe"), ("’", "close")]
    document, quotes = analyse(text)
    assert quotes.quotations[0].close.offset == len(text) - 1


def test_closing_single_after_plural_closes_when_nothing_follows():
    assert pairs("She called them ‘the Bravehearts’ and left.") == [("‘", "’")]


# -- straight marks by context ---------------------------------------------------

def test_straight_double_marks_open_and_close_by_their_neighbours():
    assert roles('He said "we will stay" and left.') == [('"', "open"), ('"', "close")]
    assert roles('"We will stay," he said.') == [('"', "open"), ('"', "close")]
    assert roles('The plan ("phase two") failed.') == [('"', "open"), ('"', "close")]
    assert pairs('She said: "Go."') == [('"', '"')]


def test_ambiguous_straight_mark_closes_the_open_quotation():
    # Between two marks the neighbours do not decide; the open quotation does.
    assert pairs('He said "they called it \'mad\'" today.') == [('"', '"'), ("'", "'")]


def test_feet_and_inches_are_primes_not_quotes():
    _, quotes = analyse('He is 5\' 10" tall and owns a 12" single.')
    assert [m.role for m in quotes.marks] == ["prime", "prime", "prime"]
    assert quotes.quotations == [] and quotes.stray_closes == []
    # A quotation that ends on a number still closes.
    assert pairs('"We won 2-1" he said.') == [('"', '"')]


# -- curly, foreign, German -------------------------------------------------------

def test_german_quotation_pairs_low_opening_with_high_closing():
    text = "Die Zeitung schrieb „Nie wieder“ auf die Seite."
    assert roles(text) == [("„", "open"), ("“", "close")]
    _, quotes = analyse(text)
    (quotation,) = quotes.quotations
    assert not quotation.mismatched


def test_guillemets_pair_and_mismatches_are_recorded():
    assert pairs("Il a dit «non» hier.") == [("«", "»")]
    _, quotes = analyse("He said: “We will stay. »")
    (quotation,) = quotes.quotations
    assert quotation.close.char == "»" and quotation.mismatched


def test_straight_and_curly_marks_of_one_family_are_not_a_mismatch():
    _, quotes = analyse('He said "we will stay” and left.')
    assert not quotes.quotations[0].mismatched


def test_a_closing_mark_of_the_other_family_after_punctuation_closes_as_a_mismatch():
    _, quotes = analyse("He said: “We will stay.’ Then he left.")
    (quotation,) = quotes.quotations
    assert quotation.close.char == "’" and quotation.mismatched
    assert quotes.stray_closes == []


def test_nesting_depth_and_parents():
    _, quotes = analyse("He said “it is ‘fine’ now” today.")
    outer, inner = quotes.quotations
    assert (outer.depth, inner.depth) == (0, 1)
    assert inner.parent is outer and inner.enclosing is outer and outer.enclosing is None


def test_stray_closing_mark():
    _, quotes = analyse("We will stay,” he said.")
    assert [m.char for m in quotes.stray_closes] == ["”"]


# -- multi-paragraph quotations ---------------------------------------------------

def test_multi_paragraph_quotation_continues():
    text = "“We will stay.\n\n“We will fight,” he said."
    _, quotes = analyse(text)
    first, second = quotes.quotations
    assert first.close is None and first.continues and first.reopened_at is None
    assert second.close is not None
    assert first.end == text.index("\n")


def test_unclosed_quotation_before_a_narrative_paragraph_does_not_continue():
    _, quotes = analyse("“We will stay.\n\nThe talks ended.")
    assert not quotes.quotations[0].continues


def test_paragraphs_run_together_reopen_within_one_paragraph():
    text = "He said: “We will stay. “We will fight,” he added."
    _, quotes = analyse(text)
    first, second = quotes.quotations
    assert first.continues and first.reopened_at == second.start == text.index("“We will fight")
    assert first.end == second.start
    assert second.parent is None and second.depth == 0


def test_quotation_carried_over_a_mid_sentence_paragraph_break():
    _, quotes = analyse("He said: “We will stay and\n\nfight to the end,” the mayor said.")
    (quotation,) = quotes.quotations
    assert quotation.continues and quotes.stray_closes == []


# -- style and lookup -------------------------------------------------------------

@pytest.mark.parametrize(("text", "style"), [
    ("“Yes,” she said. It’s done.", "curly"),
    ('"Yes," she said. It’s done.', "straight"),
    ("It’s the players’ day.", "curly"),
    ("It's the players' day.", "straight"),
    ("Il a dit «non».", "curly"),
    ("No quotes here.", "straight"),
])
def test_style(text, style):
    assert analyse(text)[1].style == style


def test_inside_finds_the_innermost_closed_quotation():
    text = "A “b ‘c’ d” e “f"
    _, quotes = analyse(text)
    outer, inner, unclosed = quotes.quotations
    assert quotes.inside(text.index("c"), text.index("c") + 1) is inner
    assert quotes.inside(text.index("b"), text.index("d") + 1) is outer
    assert quotes.inside(text.index("e"), text.index("e") + 1) is None
    assert quotes.inside(text.index("f"), text.index("f") + 1) is None
    assert quotes.inside(0, 1) is None


# -- invariants on any input -------------------------------------------------------

PIECES = list(ALL_MARKS) + ["a", "s", "We", "9", " ", " ", ".", ",", "!", ":", "\n", "\n\n", "(", "—"]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_analysis_invariants(text):
    document, quotes = analyse(text)
    offsets = [m.offset for m in quotes.marks]
    assert offsets == sorted(set(offsets))
    for mark in quotes.marks:
        assert text[mark.offset] == mark.char and mark.char in ALL_MARKS
        assert mark.role in ("open", "close", "apostrophe", "prime")
    starts = [q.start for q in quotes.quotations]
    assert starts == sorted(starts)
    closed = []
    for quotation in quotes.quotations:
        assert quotation.open.role == "open"
        paragraph = document.paragraphs[quotation.open.paragraph]
        assert paragraph.start <= quotation.start < quotation.end <= paragraph.end
        if quotation.close is not None:
            assert quotation.close.offset > quotation.open.offset
            assert quotation.close.paragraph == quotation.open.paragraph
            assert quotation.close.role == "close"
            closed.append((quotation.start, quotation.close.offset))
        if quotation.parent is not None:
            assert quotation.parent.start < quotation.start and quotation.depth == quotation.parent.depth + 1
    # Closed quotations nest: no two cross.
    for a_start, a_end in closed:
        for b_start, b_end in closed:
            assert not (a_start < b_start < a_end < b_end)
    for mark in quotes.stray_closes:
        assert mark.role == "close"
    # ``inside`` agrees with a brute-force search.
    for start in range(0, len(text), 3):
        end = min(len(text), start + 2)
        expected = None
        for quotation in quotes.quotations:
            if quotation.close is not None and quotation.start < start and end <= quotation.close.offset:
                if expected is None or quotation.start > expected.start:
                    expected = quotation
        assert quotes.inside(start, end) is expected
