"""unattributed-quote's nesting test remembers ancestries (linear in the number of quotations): it
answers as a fresh walk up each quotation's ancestry does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.registry import default_registry
from newslint_plugins.attribution.unattributed_quote import _nested

pieces = st.sampled_from(["“", "”", "‘", "’", "\"", "'", " he said. ", "a ", "\n\n", "“We ", "”, she said. "])


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=80).map("".join))
def test_remembered_ancestries_give_the_fresh_answers(text):
    document = default_registry().parser_for("a.txt").parse(text, "a.txt", {})
    quotations = document.quotes.quotations
    holds: dict[int, bool] = {}
    assert [_nested(quotation, holds) for quotation in quotations] == [_nested(q) for q in quotations]


def test_thousands_of_opening_marks_nest_each_in_the_last():
    text = "“a " * 3000
    document = default_registry().parser_for("a.txt").parse(text, "a.txt", {})
    quotations = document.quotes.quotations
    assert len(quotations) == 3000 and quotations[-1].parent is quotations[-2]
    holds: dict[int, bool] = {}
    assert not any(_nested(quotation, holds) for quotation in quotations)
    assert len(holds) == 2999  # each ancestor looked at once
