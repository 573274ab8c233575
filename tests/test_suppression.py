"""Suppression comments in Markdown and HTML: <!-- newslint-disable … --> and friends."""

from __future__ import annotations

import pytest

import newslint
from newslint.builtin._markup import directive_from_comment
from newslint.builtin.html import HtmlParser
from newslint.builtin.markdown import MarkdownParser
from newslint.config import load_config

REPEATED = "artifacts/repeated-word"
DOUBLED = "punctuation/doubled"
UNKNOWN = "newslint/unknown-rule-in-comment"
UNUSED = "newslint/unused-disable"


def found(source: str, path: str, select=(REPEATED, DOUBLED)) -> list[tuple[str, int]]:
    config = load_config(select=list(select))
    return [(f.rule, f.line) for f in newslint.check_text(source, path=path, config=config)]


def as_html(markdown_like: str) -> str:
    """The same lines as HTML: each non-comment line its own paragraph."""
    return "\n".join(line if line.startswith("<!--") or not line else f"<p>{line}</p>"
                     for line in markdown_like.split("\n"))


FORMATS = [pytest.param("x.md", lambda s: s, id="markdown"), pytest.param("x.html", as_html, id="html")]


def test_directive_syntax():
    assert directive_from_comment(" newslint-disable ", 0, 9).kind == "disable"
    directive = directive_from_comment(" newslint-disable names/preferred-spelling, punctuation  artifacts ", 3, 9)
    assert (directive.kind, directive.rules, directive.start, directive.end) == (
        "disable", ("names/preferred-spelling", "punctuation", "artifacts"), 3, 9)
    assert directive_from_comment("newslint-disable-next-line names -- the club's name", 0, 1).rules == ("names",)
    assert directive_from_comment(" newslint-disable-line ", 0, 1).kind == "disable-line"
    assert directive_from_comment("\nnewslint-enable\n", 0, 1).kind == "enable"
    assert directive_from_comment(" newslint-disabled ", 0, 1) is None
    assert directive_from_comment(" a note about newslint-disable ", 0, 1) is None


@pytest.mark.parametrize("path, convert", FORMATS)
def test_disable_and_enable_a_region(path, convert):
    source = convert("The the start.\n\n<!-- newslint-disable -->\n\nThe the middle,, here.\n\n"
                     "<!-- newslint-enable -->\n\nThe the end.")
    assert found(source, path) == [(REPEATED, 1), (REPEATED, 9)]


@pytest.mark.parametrize("path, convert", FORMATS)
def test_disable_names_rules_or_plugin_prefixes(path, convert):
    source = convert("<!-- newslint-disable artifacts/repeated-word -->\n\nThe the middle,, here.\n\n"
                     "<!-- newslint-enable artifacts/repeated-word -->\n\n"
                     "<!-- newslint-disable punctuation,artifacts -->\n\nThe the middle,, here.\n\n"
                     "<!-- newslint-enable -->\n\n"
                     "<!-- newslint-disable punctuation artifacts/repeated-word -->\n\nThe the last,, line.")
    assert found(source, path) == [(DOUBLED, 3)]


@pytest.mark.parametrize("path, convert", FORMATS)
def test_disable_next_line(path, convert):
    source = convert("<!-- newslint-disable-next-line artifacts -->\nThe the one,, here.\n\nThe the two.")
    assert found(source, path) == [(DOUBLED, 2), (REPEATED, 4)]


def test_disable_line_works_inside_a_paragraph():
    markdown = ("Officials said the the talks, <!-- newslint-disable-line artifacts/repeated-word -->\n"
                "would resume the the next day.\n")
    assert found(markdown, "x.md") == [(REPEATED, 2)]
    html = ("<p>Officials said the the talks, <!-- newslint-disable-line artifacts/repeated-word -->\n"
            "would resume the the next day.</p>\n")
    assert found(html, "x.html") == [(REPEATED, 2)]


def test_disable_next_line_before_a_line_of_a_paragraph():
    source = "Officials said the talks\n<!-- newslint-disable-next-line -->\nwould resume the the next day.\n"
    assert found(source, "x.md") == []


@pytest.mark.parametrize("path, convert", FORMATS)
def test_unknown_rule_in_a_comment_is_reported_at_the_comment(path, convert):
    source = convert("The first line.\n\n<!-- newslint-disable no-such-rule, artifacts -->\n\nThe the end.")
    findings = newslint.check_text(source, path=path, config=load_config(select=[REPEATED]))
    assert [(f.rule, f.line, f.column) for f in findings] == [(UNKNOWN, 3, 1)]
    assert "no-such-rule" in findings[0].message


def test_comments_in_code_are_not_directives():
    source = "```\n<!-- newslint-disable -->\n```\n\nUse `<!-- newslint-disable -->` here.\n\nThe the end.\n"
    assert MarkdownParser().parse(source, "x.md").directives == []
    assert found(source, "x.md") == [(REPEATED, 7)]
    html = "<pre><!-- newslint-disable --></pre><script><!-- newslint-disable --></script><p>The the end.</p>"
    assert [d.start for d in HtmlParser().parse(html, "x.html").directives] == [html.index("<!--")]
    html = "<script>var a = '<!-- newslint-disable -->';</script><p>The the end.</p>"
    assert HtmlParser().parse(html, "x.html").directives == []


def test_directives_carry_the_comment_source_offsets():
    for source, parser in (("Text.\r\n\r\n<!-- newslint-disable names -->\r\n", MarkdownParser()),
                           ("<p>Text.</p>\r\n<!-- newslint-disable names -->\r\n", HtmlParser())):
        (directive,) = parser.parse(source, "x").directives
        assert source[directive.start:directive.end] == "<!-- newslint-disable names -->"
        assert directive.rules == ("names",)


def test_report_unused_disables(tmp_path, run_cli):
    article = tmp_path / "story.md"
    article.write_text("Fine text here.\n\n<!-- newslint-disable-next-line artifacts -->\nNothing wrong.\n\n"
                       "The the end. <!-- newslint-disable-line artifacts/repeated-word -->\n")
    code, out, _ = run_cli("check", "--select", REPEATED, article)
    assert code == 0 and UNUSED not in out
    code, out, _ = run_cli("check", "--select", REPEATED, "--report-unused-disables", article)
    assert code == 1
    assert out.count(UNUSED) == 1 and "story.md:3:1:" in out
    html = tmp_path / "story.html"
    html.write_text("<p>Fine.</p>\n<!-- newslint-disable artifacts -->\n<p>Nothing wrong.</p>\n")
    code, out, _ = run_cli("check", "--select", REPEATED, "--report-unused-disables", html)
    assert code == 1 and "story.html:2:1:" in out and UNUSED in out
