"""names/inconsistent-spelling."""

from __future__ import annotations

import newslint
from newslint.config import load_config

RULE = "names/inconsistent-spelling"


def _flagged(text: str, **overrides):
    config = load_config(select=[RULE], overrides=overrides or None)
    return [(f.column, f.message, f.suggestions) for f in newslint.check_text(text, config=config)]


def test_minority_form_flagged_with_majority_suggested():
    text = "Colonel Gaddafi ruled. Under Colonel Gaddafi, and Colonel Gadaffi's son, Libya changed."
    assert _flagged(text) == [(59, "“Gadaffi” is spelt “Gaddafi” elsewhere in this story", ("Gaddafi",))]


def test_no_majority_no_finding():
    assert _flagged("Mr Gorbachev spoke. Mr Gorbachov replied.") == []


def test_sentence_start_and_short_words_ignored():
    assert _flagged("Gorbachov spoke. Then Mr Gorbachev and Mr Gorbachev left.") == []
    assert _flagged("Mr Alan met Mr Allan and Mr Allan.") == []


def test_distinct_names_are_not_variants():
    assert _flagged("Hamas and Hamas met Hamad. Austria, Austria and Australia.") == []


def test_house_form_wins_and_replaced_forms_are_left_to_preferred_spelling():
    # Zelenskiy is a form AP replaces: names/preferred-spelling reports it, not this rule.
    assert _flagged("Mr Zelenskiy and Mr Zelenskiy met Mr Zelenskyy.") == []


def test_lookalike_cyrillic_letters():
    text = "In Kharkiv, \u041aharkiv officials spoke."
    assert [c for c, *_ in _flagged(text)] == [13]


def test_exceptions_option():
    text = "Mr Sergeyev met Mr Sergeyev and Mr Sergeyov."
    assert len(_flagged(text)) == 1
    assert _flagged(text, rules={RULE: {"exceptions": ["Sergeyov"]}}) == []
