"""The HTML parser: prose from the article's elements, exact source positions, and no failures."""

from __future__ import annotations

import html
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newslint
from newslint.builder import PLACEHOLDER
from newslint.builtin.html import HtmlParser, decode_reference
from newslint.config import load_config
from newslint.positions import LineIndex
from newslint.registry import default_registry
from newslint.runner import check_source

REPEATED = "artifacts/repeated-word"
SPELLING = "names/preferred-spelling"
needs_spelling = pytest.mark.skipif(SPELLING not in default_registry().rules,
                                    reason="names/preferred-spelling is not installed")


def parse(source: str):
    return HtmlParser().parse(source, "x.html")


def blocks(source: str) -> list[tuple[str, str]]:
    doc = parse(source)
    return [(p.scope, doc.paragraph_text(p)) for p in doc.paragraphs]


def findings(source: str, *rules: str, path: str = "x.html"):
    return newslint.check_text(source, path=path, config=load_config(select=list(rules) or [REPEATED]))


def where(source: str, line_text: str, needle: str = "the the", after: int = 0) -> tuple[int, int, int, int]:
    """The (line, column, end line, end column) of ``needle`` on the line that is ``line_text``."""
    line = source.splitlines().index(line_text) + 1
    column = line_text.index(needle, after) + 1
    return line, column, line, column + len(needle)


ARTICLE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Talks in the the capital</title>
<style>p::before { content: "the the"; }</style>
<script>var note = "the the";</script>
</head>
<body>
<h1>Kiev officials meet the the press</h1>
<p class="the the">Officials in <b>Kiev</b> said the the talks would resume,
   according to <a href="http://example.com/the-the" title="the the">Kiev officials</a>.</p>
<p>Run <code>the the</code> and <img src="the-the.png" alt="the the"> done.</p>
<pre>the the in pre</pre>
<blockquote>A quoted line with the the repeat</blockquote>
<ul><li>first item mentions the the thing</li><li>second</li></ul>
<table><tr><td>Ukraine</td><td>the the</td></tr></table>
<figure><figcaption>A caption with the the slip</figcaption></figure>
<!-- the the in a comment -->
<template><p>the the in a template</p></template>
<noscript>the the without script</noscript>
<div>Text in a div with the the repeat<p>and a paragraph</p></div>
</body>
</html>
"""


def test_planted_repeats_are_found_at_their_exact_positions():
    found = [(f.line, f.column, f.end_line, f.end_column) for f in findings(ARTICLE)]
    paragraph = '<p class="the the">Officials in <b>Kiev</b> said the the talks would resume,'
    assert found == [where(ARTICLE, line) for line in (
        "<title>Talks in the the capital</title>",
        "<h1>Kiev officials meet the the press</h1>",
    )] + [where(ARTICLE, paragraph, after=20)] + [where(ARTICLE, line) for line in (
        "<blockquote>A quoted line with the the repeat</blockquote>",
        "<ul><li>first item mentions the the thing</li><li>second</li></ul>",
        "<table><tr><td>Ukraine</td><td>the the</td></tr></table>",
        "<figure><figcaption>A caption with the the slip</figcaption></figure>",
        "<div>Text in a div with the the repeat<p>and a paragraph</p></div>",
    )]


def test_nothing_from_script_style_pre_code_attributes_comments_or_templates():
    doc = parse(ARTICLE)
    for text in ("content:", "var note", "class=", "the-the.png", "alt=", "in pre", "in a comment",
                 "in a template", "without script", "title=\"the the\"", "http://"):
        assert text not in doc.text, text
    first_paragraph = '<p class="the the">Officials in <b>Kiev</b> said the the talks would resume,'
    line = ARTICLE.splitlines().index(first_paragraph) + 1
    assert [f.column for f in findings(ARTICLE) if f.line == line] == [first_paragraph.index("the the", 20) + 1]


@needs_spelling
def test_text_inside_inline_elements_is_found_at_its_own_column():
    found = [(f.line, f.column, f.end_column) for f in findings(ARTICLE, SPELLING)]
    heading = where(ARTICLE, "<h1>Kiev officials meet the the press</h1>", "Kiev")
    bold = where(ARTICLE, '<p class="the the">Officials in <b>Kiev</b> said the the talks would resume,', "Kiev")
    link = where(ARTICLE, '   according to <a href="http://example.com/the-the" title="the the">Kiev '
                          'officials</a>.</p>', "Kiev")
    assert bold[:2] == (11, 36)
    assert found == [(p[0], p[1], p[3]) for p in (heading, bold, link)]


def test_bold_text_keeps_its_source_columns():
    source = "<p>Officials in <b>the the</b> capital.</p>"
    f = findings(source)[0]
    assert (f.line, f.column, f.end_column) == (1, 20, 27)


def test_scopes_of_blocks():
    source = """<title>Page title</title>
<h1>Headline</h1><h2>Heading</h2><h6>Small heading</h6>
<p>Body text.</p>
<blockquote>Quoted directly.<p>Quoted paragraph.</p></blockquote>
<ul><li>Item one<li>Item two</ul>
<dl><dt>Term<dd>Definition</dl>
<table><caption>Table caption</caption><tr><th>Head<td>Cell</table>
<figure><figcaption>Figure caption</figcaption></figure>
<div>Div text<section>Section text</section></div>
<article><p>Article paragraph</p>Trailing text</article>
Body text outside any element
"""
    assert blocks(source) == [
        ("headline", "Page title"), ("headline", "Headline"), ("heading", "Heading"), ("heading", "Small heading"),
        ("body", "Body text."), ("body", "Quoted directly."), ("body", "Quoted paragraph."),
        ("list", "Item one"), ("list", "Item two"), ("list", "Term"), ("list", "Definition"),
        ("caption", "Table caption"), ("table", "Head"), ("table", "Cell"), ("caption", "Figure caption"),
        ("body", "Div text"), ("body", "Section text"), ("body", "Article paragraph"), ("body", "Trailing text"),
        ("body", "Body text outside any element"),
    ]


def test_inline_elements_do_not_break_a_sentence_and_br_does():
    source = ("<p>A <b>bold</b> <i>it</i> <em>em</em> <strong>st</strong> <a href=x>link</a> <span>sp</span> "
              "<abbr>ab</abbr> <q>q</q> <sup>1</sup> <sub>2</sub> <small>sm</small> <mark>mk</mark> "
              "<time>t</time> end.<br>Next line</p>")
    assert blocks(source) == [("body", "A bold it em st link sp ab q 1 2 sm mk t end.\nNext line")]
    doc = parse(source)
    newline = doc.text.index("\n")
    assert source[doc.source_span(newline, newline + 1)[0]:].startswith("<br>")


def test_code_kbd_and_images_are_placeholders():
    doc = parse("<p>Call <code>the_the()</code> now <img src=a.png> and <kbd>Ctrl</kbd>.</p>")
    assert doc.text == f"Call {PLACEHOLDER} now {PLACEHOLDER} and {PLACEHOLDER}."
    start = doc.text.index(PLACEHOLDER)
    assert doc.source_span(start, start + 1) == (8, 30)


def test_character_references_are_decoded_and_map_to_the_whole_reference():
    source = "<p>He said &ldquo;no&rdquo; &amp; left&#8217;s &#x2019; &nbsp;&copy &ampx AT&T &#; &bogus;</p>"
    doc = parse(source)
    assert doc.text == "He said “no” & left’s ’ \xa0© &x AT&T &#; &bogus;"
    for char, reference in (("“", "&ldquo;"), ("&", "&amp;"), ("’", "&#8217;"), ("\xa0", "&nbsp;"),
                            ("©", "&copy")):
        offset = doc.text.index(char)
        assert source[slice(*doc.source_span(offset, offset + 1))] == reference


def test_entity_positions_in_findings():
    source = "<p>He said &ldquo;the the&rdquo; twice.</p>\n"
    f = findings(source)[0]
    assert (f.line, f.column, f.end_column) == (1, 19, 26)
    source = "<p>He said the&nbsp;the twice.</p>\n"
    assert findings(source) == []  # a no-break space is not a word break the rule looks at


def test_decode_reference():
    assert decode_reference("&amp;") == ("&", 5)
    assert decode_reference("&ampx") == ("&", 4)
    assert decode_reference("&#x2019;") == ("’", 8)
    assert decode_reference("&#99999999999;") == ("\ufffd", 14)
    assert decode_reference("&nosuch;") == ("", 0)


def test_crlf_source_gives_the_same_positions():
    crlf = ARTICLE.replace("\n", "\r\n")
    key = [(f.line, f.column, f.end_line, f.end_column) for f in findings(ARTICLE)]
    assert key and key == [(f.line, f.column, f.end_line, f.end_column) for f in findings(crlf)]
    doc = parse(crlf)
    assert "according" in doc.text
    for paragraph in doc.paragraphs:
        start, end = doc.source_span(paragraph.start, paragraph.end)
        assert crlf[start:end].strip() == crlf[start:end]


def test_a_repeat_across_a_line_break_and_indentation():
    source = "<p>Officials said the\r\n      the talks resumed.</p>"
    doc = parse(source)
    assert doc.text == "Officials said the\r\n      the talks resumed."  # verbatim, so a fix can span it
    f = findings(source)[0]
    assert (f.line, f.column, f.end_line, f.end_column) == (1, 19, 2, 10)
    assert f.fix is not None


def test_no_sentence_crosses_blocks():
    assert findings("<h1>Officials meet the</h1><p>the press</p>") == []
    assert findings("<table><tr><td>the</td><td>the</td></tr></table>") == []
    assert findings("<ul><li>the<li>the</ul>") == []
    assert findings("<div>the<p>the</p></div>") == []


def test_broken_markup():
    assert blocks("<p>One<p>Two</b></i></div>three") == [("body", "One"), ("body", "Two"), ("body", "three")]
    assert blocks("<p>Text <!-- never closed") == [("body", "Text")]
    assert blocks("<p>Text <a href='x") == [("body", "Text")]
    assert blocks("<p>a < b &#; c <![if x]> d</p>") == [("body", "a < b &#; c  d")]
    assert blocks("<script>the the") == []


def test_html_files_are_read_by_extension():
    registry = default_registry()
    assert registry.parser_for("story.html").name == "html"
    assert registry.parser_for("story.HTM").name == "html"


# -- properties -------------------------------------------------------------------

WORDS = ["the", "The", "Kiev", "Kyiv", "said", "talks", "officials", "don’t", "Mr.", "U.S.", "😀"]
word = st.sampled_from(WORDS)
inline_piece = st.one_of(
    word, word.map(lambda w: f"<b>{w}</b>"), word.map(lambda w: f"<em>{w}</em>"),
    word.map(lambda w: f'<a href="http://x.example/{w}" title="{w}">{w}</a>'), word.map(lambda w: f"<code>{w}</code>"),
    st.sampled_from(["&amp;", "&ldquo;", "&rdquo;", "&#8217;", "&#x2019;", "&nbsp;", "&copy", "<br>",
                     "<!-- note -->", "<span>", "</span>", "“", "”", "\"", "'", ",", ".", "!", "?", "&", "<",
                     "\n", "\n   ", "  ", "<img src=x>"]),
)
inline = st.lists(inline_piece, min_size=1, max_size=12).map(" ".join)
block = st.one_of(
    inline.map(lambda s: f"<h1>{s}</h1>"), inline.map(lambda s: f"<h2>{s}</h2>"), inline.map(lambda s: f"<p>{s}</p>"),
    inline.map(lambda s: f"<p>{s}"), inline.map(lambda s: f"<blockquote>{s}</blockquote>"),
    st.lists(inline, min_size=1, max_size=3).map(lambda items: "<ul>" + "".join(f"<li>{i}" for i in items) + "</ul>"),
    st.tuples(inline, inline).map(lambda c: f"<table><tr><td>{c[0]}</td><td>{c[1]}</td></tr></table>"),
    inline.map(lambda s: f"<div>{s}</div>"), inline.map(lambda s: f"<script>{s}</script>"),
    inline.map(lambda s: f"<pre>{s}</pre>"),
    st.sampled_from(["<!-- newslint-disable -->", "<!-- newslint-enable -->", "<hr>"]),
)
documents = st.tuples(st.lists(block, max_size=6), st.sampled_from(["\n", "\r\n"])).map(
    lambda parts: "\n".join(parts[0]).replace("\n", parts[1]))


def assert_spans_map_into_the_source(doc, source: str) -> None:
    text = doc.text
    n, length = len(text), len(source)
    for piece in doc.source_map._pieces or []:
        assert 0 <= piece.source_start <= piece.source_end <= length
        prose = text[piece.text_start:piece.text_end]
        raw = source[piece.source_start:piece.source_end]
        if piece.verbatim and raw:
            assert prose == raw
        elif raw and prose != PLACEHOLDER:
            assert raw.startswith("&") and html.unescape(raw) == prose
    spans = [(p.start, p.end) for p in doc.paragraphs]
    spans += [(s.start, s.end) for s in doc.sentences]
    spans += [(t.start, t.end) for t in doc.tokens]
    for start, end in spans:
        assert 0 <= start < end <= n
        source_start, source_end = doc.source_span(start, end)
        assert 0 <= source_start <= source_end <= length
    for token in doc.tokens:
        source_start, source_end = doc.source_span(token.start, token.end)
        raw = source[source_start:source_end]
        if doc.source_map.is_contiguous(token.start, token.end):
            assert raw == token.text
        elif "<" not in raw and "\n" not in raw:
            assert html.unescape(raw) == token.text  # e.g. don&#8217;t


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_generated_html_maps_every_span_into_the_source(source):
    doc = parse(source)
    assert_spans_map_into_the_source(doc, source)
    for directive in doc.directives:
        assert source.startswith("<!--", directive.start) and source[:directive.end].endswith("-->")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_generated_html_findings_lie_in_the_source_and_match_it(source):
    doc = parse(source)
    registry = default_registry()
    config = load_config(registry=registry)
    for active in config.active_rules:
        for problem in active.rule.check(doc):
            start, end = doc.source_span(problem.start, problem.end)
            assert 0 <= start <= end <= len(source)
            raw = source[start:end]
            if doc.source_map.is_contiguous(problem.start, problem.end):
                assert raw == doc.text[problem.start:problem.end]
            elif "<" not in raw:
                assert html.unescape(raw) == doc.text[problem.start:problem.end]
    index = LineIndex(source)
    for finding in check_source(source, "x.html", config, registry):
        assert 0 <= index.offset(finding.line, finding.column) <= index.offset(finding.end_line, finding.end_column)
    # Nothing is ever reported inside <script> or <pre>.
    for finding in check_source(source, "x.html", load_config(registry=registry, select=[REPEATED]), registry):
        start = index.offset(finding.line, finding.column)
        assert source.rfind("<script>", 0, start) <= source.rfind("</script>", 0, start)
        assert source.rfind("<pre>", 0, start) <= source.rfind("</pre>", 0, start)


MARKUP = ["<", ">", "</", "<!--", "-->", "<!", "<?", "<![CDATA[", "<![", "]]>", "&", "&#", "&#x", ";", "&amp",
          "=", "\"", "'", "/", " ", "\n", "\r\n", "\r", "p", "b", "a", "div", "script", "style", "code", "br",
          "li", "td", "h1", "title", "the", "Kiev", "<p>", "</p>", "<b>", "<script>", "</script>", "😀", "\x00"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(st.sampled_from(MARKUP), max_size=80).map("".join)))
def test_the_parser_never_fails_on_any_input(source):
    assert_spans_map_into_the_source(parse(source), source)


# -- linear time ---------------------------------------------------------------------

PATHOLOGICAL = {
    "unclosed attribute": "<a b=\"" * 60_000, "unquoted attributes": "<a b=c " * 60_000, "open tags": "<a" * 200_000,
    "unclosed comments": "<!--" * 100_000, "comments with >": "<!-- x >" * 60_000, "end tags": "</" * 200_000,
    "declarations": "<!" * 200_000, "instructions": "<?" * 200_000, "broken references": "&#;" * 200_000,
    "divs": "<div>" * 100_000, "unclosed paragraphs": "<p>a" * 100_000, "stray ends": "</x>" * 100_000,
    "lone lt": "< a" * 100_000, "marked sections": "<![x" * 100_000,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_parses_in_linear_time(name):
    started = time.perf_counter()
    parse(PATHOLOGICAL[name])
    assert time.perf_counter() - started < 10, name


def test_a_five_megabyte_article_parses_in_seconds():
    paragraph = ("<p>Officials in <b>Kiev</b> said the talks, which began in <a href=\"http://x.example\">March"
                 "</a>, would resume on <code>Monday</code> &amp; continue &ldquo;soon&rdquo;.<br>\n"
                 "More &#8217;text.</p>\n")
    source = "<html><body><h1>Headline</h1>\n" + paragraph * (5_000_000 // len(paragraph)) + "</body></html>"
    started = time.perf_counter()
    doc = parse(source)
    assert time.perf_counter() - started < 30
    assert len(doc.paragraphs) > 20_000


def test_cli_reports_html_positions(tmp_path, run_json):
    article = tmp_path / "story.html"
    article.write_bytes(b"<h1>Talks</h1>\r\n<p>Officials in <b>Kiev</b> said\r\n"
                        b"<b>the the</b> talks <code>the the</code> resumed.</p>\r\n<script>the the</script>\r\n")
    code, report, _ = run_json("--select", REPEATED, article)
    assert code == 1
    findings = report["findings"] if isinstance(report, dict) else report
    assert [(f["line"], f["column"], f["end_column"]) for f in findings] == [(3, 4, 11)]
