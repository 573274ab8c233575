"""capitalization/sentence-start (example text written for this project)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newslint
from newslint.config import load_config
from newslint.fixes import apply_edits
from newslint.positions import LineIndex

RULE = "capitalization/sentence-start"
_CONFIGS: dict = {}


def findings(text: str, overrides: dict | None = None):
    key = repr(overrides)
    if key not in _CONFIGS:
        _CONFIGS[key] = load_config(select=[RULE], overrides=overrides)
    return [f for f in newslint.check_text(text, path="t.txt", config=_CONFIGS[key]) if f.rule == RULE]


def spans(text: str, overrides: dict | None = None) -> list[str]:
    lines = LineIndex(text)
    return [text[lines.offset(f.line, f.column):lines.offset(f.end_line, f.end_column)]
            for f in findings(text, overrides)]


def test_position_message_and_fix():
    text = "The talks failed.\nPrices rose. analysts were surprised."
    [finding] = findings(text)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (2, 14, 2, 22)
    assert finding.message == "A sentence starts in lowercase: write “Analysts”"
    assert finding.fix.safe
    assert apply_edits(text, finding.fix.edits) == "The talks failed.\nPrices rose. Analysts were surprised."


def test_a_paragraph_opening_in_lowercase_after_a_finished_one():
    text = "Troops advanced on Sunday.\nkyiv’s forces held the line."
    [finding] = findings(text)
    assert (finding.line, finding.column, finding.end_column) == (2, 1, 5)
    assert finding.message == "A paragraph starts in lowercase: write “Kyiv”"
    assert apply_edits(text, finding.fix.edits) == "Troops advanced on Sunday.\nKyiv’s forces held the line."


@pytest.mark.parametrize(("text", "span"), [
    ("Was it wise? few thought so.", "few"),
    ("It ended! nobody cheered.", "nobody"),
    ("The envoy left. “we will return,” she said.", "we"),
    ("The envoy left. (he returned later.)", "he"),
    ("Ceasefire holds\n\nthe guns fell silent on Monday.", "the"),
    ("It rained. de Gaulle would have stayed in.", "de"),
    ("The vote was held. Overall. turnout was low.", "turnout"),
])
def test_flagged(text, span):
    assert spans(text) == [span]


@pytest.mark.parametrize("text", [
    "Sales rose. iPhone sales rose faster, and eBay gained.",
    "Visit www.example.com today. example.com is free. @grentex replied. #talks trended.",
    "Mail desk. desk@example.com answers.",
    "Prices rose. 3m people were affected.",
    "Choose one:\n\na) the ceasefire;\n\nb) the talks.",
    "The plan has three parts:\n\nfirst, a ceasefire;\n\nthen talks.",
    "He paused...\n\n…and then he left.",
    "He waited... and waited, then… nothing.",
    "They met at 9 a.m. and left, e.g. by car, at 5 p.m. sharp.",
    "Shares in Yahoo! rose. The musical Shall We Dance? opened.",
    "“Stop!” he shouted. “Why?” asked another.",
    "The text read: “Running late. see you soon.”",
    "grentex profits fall\n\nProfits fell.",
    "The trial continues.\n\nreporting by jane doe",
    "Chelsea win the cup\n\n(after extra time and penalties)\n\nChelsea won.",
    "Sales of adidas shoes rose. adidas said so.",
])
def test_passed(text):
    assert spans(text) == []


def test_a_word_lost_before_a_verb_gets_an_unsafe_fix():
    [finding] = findings("She won the final.\n\nwas on form again as she broke the record.")
    assert finding.message == "A paragraph starts in lowercase with “was”: has a word before it been lost?"
    assert finding.fix is not None and not finding.fix.safe
    # A question may open with the verb: the capital is then the whole fix.
    [question] = findings("She won. was it luck?")
    assert question.fix.safe


def test_allowed_names_are_an_option():
    overrides = {"rules": {RULE: {"allowed": ["grentex"]}}}
    assert spans("Profits rose. grentex said so.", overrides) == []
    assert spans("Profits rose. grentex said so.") == ["grentex"]


PIECES = ["the", "The", "kyiv", "iPhone", "said", "Mr.", "e.g.", "no", "10", " ", "\n", "\n\n", ".", "...",
          "…", "!", "?", ":", ",", "“", "”", "(", ")", "www.example.com", "@desk", "a)", "was"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=50).map("".join))
def test_every_finding_is_a_lowercase_word_and_its_fix_only_capitalises_it(text):
    lines = LineIndex(text)
    for finding in findings(text):
        start = lines.offset(finding.line, finding.column)
        end = lines.offset(finding.end_line, finding.end_column)
        word = text[start:end]
        assert word.isalnum() and word[0].isalpha() and word[0].islower()
        [edit] = finding.fix.edits
        assert edit.text == word[0].upper() + word[1:]
