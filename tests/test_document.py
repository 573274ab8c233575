"""The document model: every derived span lies inside the text, on any input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.builtin.plaintext import PlainTextParser
from newslint.registry import default_registry
from newslint.config import load_config
from newslint.runner import check_source

PIECES = ["Kiev", "kyiv", " ", "  ", "\n", "\n\n", "\r\n", "“", "”", "\"", "'", "’", "«", "»", ".", ",",
          "!", "?", "the", "The", "said", "Mr.", "U.S.", "😀", "e\u0301", "TK", "nbcnews", "...", "…", "(", ")"]
documents = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


def parse(text):
    return PlainTextParser().parse(text, "t.txt")


def test_blank_lines_separate_paragraphs():
    doc = parse("Title here\n\nFirst line\nstill first.\n\nSecond.")
    assert [doc.paragraph_text(p) for p in doc.paragraphs] == ["Title here", "First line\nstill first.", "Second."]
    assert doc.paragraphs[0].scope == "headline"


def test_without_blank_lines_each_line_is_a_paragraph():
    doc = parse("One said.\nTwo said.\n")
    assert [doc.paragraph_text(p) for p in doc.paragraphs] == ["One said.", "Two said."]


def test_sentences_do_not_break_after_abbreviations():
    doc = parse("Mr. Smith met Dr. Jones in the U.S. on Monday. Then they left.")
    assert [doc.text[s.start:s.end] for s in doc.sentences] == [
        "Mr. Smith met Dr. Jones in the U.S. on Monday.", "Then they left."]


def test_tokens_keep_inner_apostrophes_and_hyphens():
    doc = parse("Russia’s President-elect won't")
    assert [t.text for t in doc.tokens] == ["Russia’s", "President-elect", "won't"]


def test_quotations_pair_curly_marks():
    doc = parse("He said “it is ‘fine’ now” today.")
    quotations = doc.quotes.quotations
    assert [(doc.text[q.start], doc.text[q.close.offset]) for q in quotations] == [("“", "”"), ("‘", "’")]


@settings(max_examples=300, deadline=None)
@given(documents)
def test_every_derived_span_lies_inside_the_text(text):
    doc = parse(text)
    n = len(doc.text)
    for p in doc.paragraphs:
        assert 0 <= p.start < p.end <= n
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= n
        paragraph = doc.paragraphs[s.paragraph]
        assert paragraph.start <= s.start and s.end <= paragraph.end
    for t in doc.tokens:
        assert 0 <= t.start < t.end <= n and doc.text[t.start:t.end] == t.text
    for mark in doc.quotes.marks:
        assert 0 <= mark.offset < n and doc.text[mark.offset] == mark.char
    for q in doc.quotes.quotations:
        assert q.close is None or q.close.offset > q.open.offset


@settings(max_examples=200, deadline=None)
@given(documents)
def test_every_finding_lies_inside_the_text_and_round_trips(text):
    registry = default_registry()
    config = load_config(registry=registry)
    doc = parse(text)
    for finding in check_source(text, "t.txt", config, registry):
        start = doc.lines.offset(finding.line, finding.column)
        end = doc.lines.offset(finding.end_line, finding.end_column)
        assert 0 <= start <= end <= len(text)
        assert doc.lines.position(start) == (finding.line, finding.column)
        if finding.fix:
            for edit in finding.fix.edits:
                assert 0 <= doc.lines.offset(edit.line, edit.column) <= doc.lines.offset(edit.end_line, edit.end_column) <= len(text)


def _paragraphs_block_by_block(text: str) -> list[tuple[int, int]]:
    """split_paragraphs without its one-line-block shortcut: every block through _block_paragraphs."""
    from newslint.builtin.plaintext import _BLANK_LINE, _block_paragraphs

    blocks, position = [], 0
    for match in _BLANK_LINE.finditer(text):
        blocks.extend(_block_paragraphs(text, position, match.start()))
        position = match.end()
    blocks.extend(_block_paragraphs(text, position, len(text)))
    spans = []
    for start, end in blocks:
        stripped = text[start:end]
        start += len(stripped) - len(stripped.lstrip())
        end -= len(stripped) - len(stripped.rstrip())
        if end > start:
            spans.append((start, end))
    return spans


@given(st.lists(st.sampled_from(["Word", "end.", " ", "\t", "\n", "\r\n", "\r", "\u3000", "\n \n", "x" * 60]),
                max_size=40).map("".join))
def test_plain_paragraphs_agree_with_the_block_by_block_split(text):
    from newslint.builtin.plaintext import split_paragraphs

    assert split_paragraphs(text) == _paragraphs_block_by_block(text)
