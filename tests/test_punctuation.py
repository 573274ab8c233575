"""The punctuation plugin: exact positions, fixes and the cases its rules must leave alone."""

from __future__ import annotations

import pytest

import newslint
from newslint.config import load_config
from newslint.fixes import apply_edits

CONFIG = load_config(select=["punctuation"])


def findings(text, rule=None):
    """(rule, line, column, end_column, span) of the punctuation findings in ``text``."""
    result = []
    lines = text.split("\n")
    for f in newslint.check_text(text, config=CONFIG):
        if rule is None or f.rule == rule:
            span = lines[f.line - 1][f.column - 1:f.end_column - 1] if f.line == f.end_line else None
            result.append((f.rule, f.line, f.column, f.end_column, span))
    return result


def fixed(text, rule):
    """``text`` with every fix of ``rule`` applied (one finding at a time, last first)."""
    found = [f for f in newslint.check_text(text, config=CONFIG) if f.rule == rule and f.fix]
    edits = [e for f in found for e in f.fix.edits]
    return apply_edits(text, edits)


# -- foreign-quotes ---------------------------------------------------------------

def test_foreign_quotes_columns_and_spaces_inside():
    text = "The mayor said: « We will rebuild », then left."
    assert findings(text, "punctuation/foreign-quotes") == [
        ("punctuation/foreign-quotes", 1, 17, 19, "« "),
        ("punctuation/foreign-quotes", 1, 34, 36, " »"),
    ]
    assert fixed(text, "punctuation/foreign-quotes") == "The mayor said: “We will rebuild”, then left."


def test_foreign_quotes_follow_the_document_style():
    text = 'He said "no" twice. Then she wrote «never» on the form.'
    assert fixed(text, "punctuation/foreign-quotes") == 'He said "no" twice. Then she wrote "never" on the form.'
    text = "He said “no” twice. Then she wrote «never» on the form."
    assert fixed(text, "punctuation/foreign-quotes") == "He said “no” twice. Then she wrote “never” on the form."


def test_german_pair_is_fixed_by_role():
    text = "The banner read „Nie wieder“ in red."
    assert [f[4] for f in findings(text, "punctuation/foreign-quotes")] == ["„", "“"]
    assert fixed(text, "punctuation/foreign-quotes") == "The banner read “Nie wieder” in red."


def test_reversed_guillemets_are_fixed_by_role():
    text = "Er sagte »nein« und ging."
    assert fixed(text, "punctuation/foreign-quotes") == "Er sagte “nein” und ging."


def test_single_guillemets():
    text = "The word ‹truce› was avoided."
    assert fixed(text, "punctuation/foreign-quotes") == "The word ‘truce’ was avoided."


# -- unbalanced-quotes ------------------------------------------------------------

def test_unclosed_quotation_is_reported_at_its_opening_mark():
    text = "The mayor said: “We will stay and fight.\n\nThe talks ended."
    assert findings(text, "punctuation/unbalanced-quotes") == [
        ("punctuation/unbalanced-quotes", 1, 17, 18, "“")]


def test_mismatched_pair_names_the_closing_mark_and_its_position():
    text = "He said: “We will stay. » Then he left."
    found = [f for f in newslint.check_text(text, config=CONFIG) if f.rule == "punctuation/unbalanced-quotes"]
    assert [(f.line, f.column) for f in found] == [(1, 10)]
    assert "»" in found[0].message and "column 25" in found[0].message
    assert found[0].fix is None


def test_stray_closing_mark():
    text = "We will stay,” he said."
    assert findings(text, "punctuation/unbalanced-quotes") == [
        ("punctuation/unbalanced-quotes", 1, 14, 15, "”")]


@pytest.mark.parametrize("text", [
    "“We will stay.\n\n“We will fight,” the mayor said.",
    "He said: “We will stay. “We will fight,” he added.",
    "He said: “We will stay and\n\nfight,” the mayor said.",
    "He said 'no, and left.",
    "The 'Big Four' met. The officials' report and the 'rebels were late.",
    "He is 5' 10\" tall and owns a 12\" single.",
    "It was the ’90s, the era of rock ’n’ roll and O’Connell; the troops’ morale was high.",
    "He said: “It is ‘fine’ now.”",
])
def test_balanced_or_ambiguous_quotes_pass(text):
    assert findings(text, "punctuation/unbalanced-quotes") == []


def test_unclosed_curly_single_is_reported():
    assert findings("He called it ‘a farce and left.", "punctuation/unbalanced-quotes") == [
        ("punctuation/unbalanced-quotes", 1, 14, 15, "‘")]


# -- nested-quotes ----------------------------------------------------------------

def test_nested_quotes_span_and_fix():
    text = "“Over the day, the “North” group held,” he said."
    assert findings(text, "punctuation/nested-quotes") == [
        ("punctuation/nested-quotes", 1, 20, 27, "“North”")]
    assert fixed(text, "punctuation/nested-quotes") == "“Over the day, the ‘North’ group held,” he said."


def test_nested_straight_quotes_fix_to_straight_singles():
    text = '"They call it "progress" here," she said.'
    assert fixed(text, "punctuation/nested-quotes") == '"They call it \'progress\' here," she said.'


def test_nested_inside_a_multi_paragraph_quotation():
    text = "“They call it “progress”.\n\n“It is not,” she said."
    assert [f[4] for f in findings(text, "punctuation/nested-quotes")] == ["“progress”"]


def test_no_nesting_reported_inside_an_unclosed_quotation():
    text = "“We lost, he said, “and they won” the match.\n\nThe end."
    assert findings(text, "punctuation/nested-quotes") == []
    assert [f[4] for f in findings(text, "punctuation/unbalanced-quotes")] == ["“"]


def test_nested_pair_holding_single_quotes_has_no_fix():
    text = "“He wrote “a ‘small’ win” today,” she said."
    found = [f for f in newslint.check_text(text, config=CONFIG) if f.rule == "punctuation/nested-quotes"]
    assert len(found) == 1 and found[0].fix is None


# -- space-before -----------------------------------------------------------------

def test_space_before_span_covers_the_spaces_and_the_mark():
    text = "The figures came from the agency RIA  .\nOn Monday , officials said so ; then left ?"
    assert [(f[1], f[2], f[4]) for f in findings(text, "punctuation/space-before")] == [
        (1, 37, "  ."), (2, 10, " ,"), (2, 30, " ;"), (2, 42, " ?")]
    assert fixed(text, "punctuation/space-before") == \
        "The figures came from the agency RIA.\nOn Monday, officials said so; then left?"


def test_space_before_a_closing_curly_mark():
    text = "“We will stay ” he said."
    assert findings(text, "punctuation/space-before") == [
        ("punctuation/space-before", 1, 14, 16, " ”")]


@pytest.mark.parametrize("text", [
    "And then ... nothing.",
    "And then … nothing.",
    "And then . . . nothing.",
    "The rate is 0 .5% and the site moved to .com, with .NET.",
    "The kick-off is at 3 :30 today.",
    "She signed off :) and then ;-) again.",
    "It won 3 : 1 on the night.",
    "Rock ’n’ roll in the ’90s.",
    'He said "no " to the plan.',
    "  . An indented line",
    "First line\n  , continued.",
    "Prices rose « en masse » in Paris.",
])
def test_space_before_leaves_these_alone(text):
    assert findings(text, "punctuation/space-before") == []


# -- doubled ----------------------------------------------------------------------

def test_doubled_span_and_fix():
    text = "It ended on Monday.. Who pays?? We won!!!"
    assert [(f[2], f[4]) for f in findings(text, "punctuation/doubled")] == [(19, ".."), (30, "??"), (39, "!!!")]
    assert fixed(text, "punctuation/doubled") == "It ended on Monday. Who pays? We won!"


@pytest.mark.parametrize("text", [
    "And then... nothing.",
    "And then.... nothing.",
    "What?! she asked.",
    "The file is ../data/a.txt or C:\\..\\b.",
    "See https://example.com/a..b or www.example.com/x..y.",
    "Use std::string here.",
    "Loop over 1..10.",
])
def test_doubled_leaves_these_alone(text):
    assert findings(text, "punctuation/doubled") == []


# -- scale ------------------------------------------------------------------------

def test_long_pathological_inputs_stay_linear():
    """Deep nesting, long runs and dense marks: a quadratic scan would take minutes here."""
    import time

    from newslint.builtin.plaintext import PlainTextParser
    from newslint.registry import default_registry

    rules = [rule() for rule_id, rule in default_registry().rules.items() if rule_id.startswith("punctuation/")]
    texts = ["“" * 20_000 + " a " + "”" * 20_000, "“a " * 20_000, "a" + " " * 200_000 + "b",
             "a" + " " * 200_000 + ".", "..,,::" * 30_000, "“a b\n\n" * 20_000, "a, " * 50_000 + "'s " * 50_000,
             "« " * 20_000 + " »" * 20_000]
    started = time.perf_counter()
    for text in texts:
        document = PlainTextParser().parse(text, "t.txt")
        for rule in rules:
            for _ in rule.check(document):
                pass
        for offset in range(0, len(text), 50):
            document.quotes.inside(offset, offset + 1)
    assert time.perf_counter() - started < 30
