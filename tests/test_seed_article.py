"""The founding example: a real wire story (in ../shared, never copied here) with every problem newslint exists for."""

from __future__ import annotations

import pytest

import newslint
from conftest import SHARED

SEED = SHARED / "seed" / "article.txt"
pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed/article.txt is absent")


@pytest.fixture(scope="module")
def findings():
    text = SEED.read_text(encoding="utf-8")
    lines = text.splitlines()
    result = []
    for f in newslint.check_text(text, path=str(SEED)):
        span = lines[f.line - 1][f.column - 1:f.end_column - 1] if f.end_line == f.line else None
        result.append((f.line, f.rule, span))
    return result


@pytest.mark.parametrize(("line", "rule", "span"), [
    (2, "names/lowercase-proper-noun", "kyiv"),
    (3, "names/preferred-spelling", "Kiev"),
    (6, "punctuation/foreign-quotes", "»"),
    (8, "punctuation/nested-quotes", None),
    (8, "punctuation/space-before", None),
    (11, "names/lowercase-proper-noun", "kyiv"),
    (12, "artifacts/stray-tag", "nbcnews"),
])
def test_expected_finding(findings, line, rule, span):
    matching = [f for f in findings if f[0] == line and f[1] == rule]
    assert matching, f"expected {rule} on line {line}; got {findings}"
    if span is not None:  # a span may include white space its fix removes (" »")
        assert span in [(f[2] or "").strip() for f in matching]


def test_mismatched_quote_on_line_6(findings):
    assert any(f[0] == 6 and f[1] == "punctuation/unbalanced-quotes" for f in findings)


def test_nested_quote_covers_north(findings):
    assert any(f[0] == 8 and f[1] == "punctuation/nested-quotes" and "North" in (f[2] or "") for f in findings)


def test_space_before_covers_ria_full_stop(findings):
    assert any(f[0] == 8 and f[1] == "punctuation/space-before" and (f[2] or "").strip() == "." for f in findings)


@pytest.mark.parametrize("line", [1, 4, 5, 7])
def test_clean_lines_stay_silent(findings, line):
    assert [f for f in findings if f[0] == line] == []
