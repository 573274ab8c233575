"""The Markdown parser: what is prose, where it is in the source, and that it never fails."""

from __future__ import annotations

import html
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newslint
from newslint.builder import PLACEHOLDER
from newslint.builtin.markdown import MarkdownParser
from newslint.config import load_config
from newslint.errors import ConfigError
from newslint.positions import LineIndex
from newslint.registry import default_registry
from newslint.runner import check_source

REPEATED = "artifacts/repeated-word"
SPELLING = "names/preferred-spelling"
HAS_SPELLING = SPELLING in default_registry().rules
needs_spelling = pytest.mark.skipif(not HAS_SPELLING, reason="names/preferred-spelling is not installed")


def parse(source: str, options=None):
    return MarkdownParser().parse(source, "x.md", options)


def blocks(source: str, options=None) -> list[tuple[str, str]]:
    doc = parse(source, options)
    return [(p.scope, doc.paragraph_text(p)) for p in doc.paragraphs]


def findings(source: str, *rules: str, path: str = "x.md"):
    config = load_config(select=list(rules) or [REPEATED])
    return newslint.check_text(source, path=path, config=config)


def spans(source: str, *rules: str) -> list[tuple[str, str]]:
    """(rule, source text at the finding) for each finding."""
    index = LineIndex(source)
    result = []
    for f in findings(source, *rules):
        start = index.offset(f.line, f.column)
        end = index.offset(f.end_line, f.end_column)
        result.append((f.rule, source[start:end]))
    return result


def position_of(source: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    offset = -1
    for _ in range(occurrence + 1):
        offset = source.index(needle, offset + 1)
    return LineIndex(source).position(offset)


ARTICLE = """\
---
title: Talks in the the capital
slug: the-the-talks
description: Officials met on Monday.
---
# Kiev officials meet the the press

Officials in **Kiev** said the the talks would resume, according to
[Kiev officials](http://example.com/the-the "the the title") and `the the` code.

> A quoted line with the the repeat
> and a second line.

- first item mentions the the thing
- second item

| Country | Capital |
|---------|---------|
| Ukraine | the the |

```
the the in a fence
```

    the the indented code

<div>
the the in an HTML block
</div>

<!-- the the in a comment -->

[ref]: http://example.com/the-the "the the"

Visit https://example.com/the-the or <http://example.com/the-the> today.
![the the](the-the.png)
"""


def where(source: str, line_text: str, needle: str = "the the") -> tuple[int, int, int, int]:
    """The (line, column, end line, end column) of ``needle`` on the line that is ``line_text``."""
    line = source.splitlines().index(line_text) + 1
    column = line_text.index(needle) + 1
    return line, column, line, column + len(needle)


def test_planted_repeats_are_found_at_their_exact_positions():
    found = [(f.line, f.column, f.end_line, f.end_column) for f in findings(ARTICLE)]
    # The prose occurrences: title, heading, paragraph, quote, list item, table cell.
    assert found == [where(ARTICLE, line) for line in (
        "title: Talks in the the capital",
        "# Kiev officials meet the the press",
        "Officials in **Kiev** said the the talks would resume, according to",
        "> A quoted line with the the repeat",
        "- first item mentions the the thing",
        "| Ukraine | the the |",
    )]


def test_nothing_is_reported_from_code_urls_front_matter_fields_or_html():
    reported_lines = {f.line for f in findings(ARTICLE)}
    for text in ("slug: the-the-talks", "[Kiev officials](http://example.com/the-the", "`the the` code",
                 "the the in a fence", "    the the indented code", "the the in an HTML block",
                 "<!-- the the in a comment -->", "[ref]: http://example.com/the-the", "Visit https://",
                 "![the the]"):
        line = next(i for i, content in enumerate(ARTICLE.splitlines(), 1) if text in content)
        if text.startswith("[Kiev officials]"):
            continue  # the link text is prose; its URL and title are not (checked below)
        assert line not in reported_lines, text
    line = position_of(ARTICLE, "[Kiev officials]")[0]
    assert all(f.line != line for f in findings(ARTICLE))


@needs_spelling
def test_text_inside_emphasis_and_link_text_is_found_at_its_own_column():
    found = [(f.line, f.column, f.end_column) for f in findings(ARTICLE, SPELLING)]
    heading = position_of(ARTICLE, "Kiev")
    bold = position_of(ARTICLE, "Kiev**")
    link = position_of(ARTICLE, "Kiev officials]")
    assert bold == (8, 16) and link == (9, 2)
    assert found == [(heading[0], heading[1], heading[1] + 4), (bold[0], bold[1], bold[1] + 4),
                     (link[0], link[1], link[1] + 4)]


def test_bold_text_keeps_its_source_columns():
    source = "Officials in **the the** capital."
    assert spans(source) == [(REPEATED, "the the")]
    f = findings(source)[0]
    assert (f.line, f.column, f.end_column) == (1, 16, 23)


def test_emphasis_delimiters_are_dropped_not_the_text_between():
    assert blocks("**Kiev** officials and _the_ __talks__ ~~ended~~ *now*") == [
        ("body", "Kiev officials and the talks ended now")]
    # Markers that are not delimiters stay: intraword underscores, lone stars.
    assert blocks("snake_case and 2 * 3 and a*b") == [("body", "snake_case and 2 * 3 and a*b")]


def test_link_text_is_prose_and_its_url_and_title_are_not():
    doc = parse('See [Kiev officials](http://x.example/a "A title") now.')
    assert doc.text == "See Kiev officials now."
    start = doc.text.index("Kiev")
    assert doc.source_span(start, start + 4) == (5, 9)


def test_links_cannot_contain_links_but_later_links_still_work():
    assert parse("[a [b](/u) c](/v) and [d](/w)").text == "[a b c](/v) and d"
    assert parse("![a [b](/u)](/v) [c](/w)").text == f"{PLACEHOLDER} c"


def test_reference_links_and_definitions():
    source = "[foo]: /url \"title\"\n\nA [foo] and [Foo][] and [bar][foo] but [x][none].\n"
    assert blocks(source) == [("body", "A foo and Foo and bar but [x][none].")]


def test_inline_code_images_and_urls_are_placeholders():
    doc = parse("Run `the the` with ![alt](i.png) at https://x.example/the-the and <http://a.example>.")
    assert doc.text == f"Run {PLACEHOLDER} with {PLACEHOLDER} at {PLACEHOLDER} and {PLACEHOLDER}."
    code = doc.text.index(PLACEHOLDER)
    assert doc.source_span(code, code + 1) == (4, 13)


def test_escapes_and_entities_are_decoded_and_map_to_the_whole_markup():
    source = "He said &ldquo;no&rdquo; &amp; left \\*early\\* &#8217;&#x2019;"
    doc = parse(source)
    assert doc.text == "He said “no” & left *early* ’’"
    quote = doc.text.index("“")
    assert source[slice(*doc.source_span(quote, quote + 1))] == "&ldquo;"
    star = doc.text.index("*")
    assert source[slice(*doc.source_span(star, star + 1))] == "\\*"
    hexadecimal = len(doc.text) - 1
    assert source[slice(*doc.source_span(hexadecimal, hexadecimal + 1))] == "&#x2019;"
    # Not references: no semicolon, or not a known name.
    assert parse("AT&T &amp &bogus; & more").text == "AT&T &amp &bogus; & more"


def test_entity_positions_in_findings():
    source = "He said &ldquo;the the&rdquo; twice.\n"
    f = findings(source)[0]
    assert (f.line, f.column, f.end_column) == (1, 16, 23)


def test_scopes_of_blocks():
    source = """\
# Headline

## A heading

Second level 1
==============

Body text.

> Quoted text.

- A list item.
  > Quoted in a list.

| a | b |
|---|---|
| c | d |

Footnote marker[^1].

[^1]: The note.
"""
    assert blocks(source) == [
        ("headline", "Headline"), ("heading", "A heading"), ("heading", "Second level 1"),
        ("body", "Body text."), ("body", "Quoted text."), ("list", "A list item."), ("list", "Quoted in a list."),
        ("table", "a"), ("table", "b"), ("table", "c"), ("table", "d"),
        ("body", f"Footnote marker{PLACEHOLDER}."), ("body", "The note."),
    ]


def test_no_sentence_or_repeat_crosses_blocks():
    assert findings("# Officials meet the\n\nthe press\n") == []
    assert findings("| the | the |\n|---|---|\n") == []
    assert findings("- the\n- the\n") == []
    assert findings("> the\n\nthe\n") == []


def test_lines_of_a_paragraph_are_joined_by_their_own_line_breaks():
    source = "> Officials said the\n> the talks resumed.\n"
    doc = parse(source)
    assert doc.text == "Officials said the\nthe talks resumed."
    f = findings(source)[0]
    assert (f.line, f.column, f.end_line, f.end_column) == (1, 18, 2, 6)
    listed = "- Officials said the\n  the talks resumed.\n"
    assert parse(listed).text == "Officials said the\nthe talks resumed."


def test_hard_breaks_and_trailing_blanks_are_not_prose():
    assert parse("One  \ntwo\\\nthree").text == "One\ntwo\nthree"


def test_html_comments_and_tags_are_dropped():
    assert parse("a <!-- note --> b <span>c</span> d<br>e").text == "a b c d\ne"


def test_front_matter_prose_fields_and_their_positions():
    source = '---\ntitle: "Kiev \\"talks\\""\ndescription: \'It\'\'s on\'\nsummary: Not prose\n---\nBody.\n'
    doc = parse(source)
    assert [(p.scope, doc.paragraph_text(p)) for p in doc.paragraphs] == [
        ("frontmatter.title", 'Kiev "talks"'), ("frontmatter.description", "It's on"), ("body", "Body.")]
    start = doc.text.index("Kiev")
    assert doc.position(start) == (2, 9)
    doc = parse(source, {"frontmatter-prose": ["summary"]})
    assert [(p.scope, doc.paragraph_text(p)) for p in doc.paragraphs] == [
        ("frontmatter.summary", "Not prose"), ("body", "Body.")]


def test_front_matter_block_scalars_and_plain_continuations():
    source = "---\ntitle: The first\n  line continues\ndescription: >\n  Folded text\n  goes on\nother: x\n---\n"
    assert blocks(source) == [("frontmatter.title", "The first\nline continues"),
                              ("frontmatter.description", "Folded text\ngoes on")]


def test_frontmatter_prose_option_from_configuration(tmp_path):
    config_file = tmp_path / ".newslint.yaml"
    config_file.write_text("select: [artifacts/repeated-word]\n"
                           "parser-options:\n  markdown:\n    frontmatter-prose: [title, summary]\n")
    source = "---\ntitle: A title\nsummary: The the summary\ndescription: The the description\n---\nBody.\n"
    found = newslint.check_text(source, path="x.md", config=str(config_file))
    assert [(f.line, f.column) for f in found] == [(3, 10)]
    bad = tmp_path / "bad.yaml"
    bad.write_text("parser-options:\n  markdown:\n    front-matter: [title]\n")
    with pytest.raises(ConfigError, match="front-matter"):
        load_config(bad)


def test_crlf_source_gives_the_same_positions():
    lf = ARTICLE
    crlf = ARTICLE.replace("\n", "\r\n")
    key = [(f.rule, f.line, f.column, f.end_line, f.end_column) for f in findings(lf)]
    assert key and key == [(f.rule, f.line, f.column, f.end_line, f.end_column) for f in findings(crlf)]
    doc = parse(crlf)
    assert "\r\n" in doc.text  # the verbatim line breaks of a paragraph
    for paragraph in doc.paragraphs:
        start, end = doc.source_span(paragraph.start, paragraph.end)
        assert not crlf[start:end].endswith("\r")


def test_the_first_level_one_heading_is_the_headline():
    assert blocks("Intro.\n\n# First\n\n# Second\n") == [("body", "Intro."), ("headline", "First"),
                                                          ("heading", "Second")]


def test_markdown_files_are_read_by_extension():
    registry = default_registry()
    assert registry.parser_for("story.md").name == "markdown"
    assert registry.parser_for("story.MARKDOWN").name == "markdown"


# -- properties -------------------------------------------------------------------

WORDS = ["the", "The", "Kiev", "Kyiv", "said", "talks", "officials", "it", "don’t", "Mr.", "U.S.", "😀"]
word = st.sampled_from(WORDS)
inline_piece = st.one_of(
    word, word.map(lambda w: f"**{w}**"), word.map(lambda w: f"_{w}_"), word.map(lambda w: f"~~{w}~~"),
    word.map(lambda w: f"[{w}](http://x.example/{w} \"{w}\")"), word.map(lambda w: f"`{w}`"),
    st.sampled_from(["&amp;", "&ldquo;", "&rdquo;", "&#8217;", "&#x2019;", "\\*", "\\_", "<!-- note -->",
                     "<b>", "</b>", "<br>", "https://x.example/a", "“", "”", "\"", "'", ",", ".", "!", "?",
                     "*", "_", "[", "]", "<", ">", "&", "\\", "  ", "\t"]),
)
inline = st.lists(inline_piece, min_size=1, max_size=12).map(" ".join)
multiline = st.lists(inline, min_size=1, max_size=3).map("\n".join)
block = st.one_of(
    inline.map(lambda s: "# " + s), inline.map(lambda s: "## " + s), multiline,
    multiline.map(lambda s: "\n".join("> " + line for line in s.split("\n"))),
    st.lists(inline, min_size=1, max_size=3).map(lambda items: "\n".join("- " + i for i in items)),
    inline.map(lambda s: f"```\n{s}\n```"), inline.map(lambda s: "    " + s),
    st.tuples(inline, inline).map(lambda cells: f"| {cells[0]} | x |\n|---|---|\n| {cells[1]} | y |"),
    st.sampled_from(["<!-- newslint-disable -->", "<!-- newslint-enable -->", "<div>\nthe the\n</div>", "***"]),
)
front_matter = st.one_of(st.just(""), inline.map(lambda s: f"---\ntitle: {s}\nslug: the-the\n---\n"))
documents = st.tuples(front_matter, st.lists(block, max_size=6), st.sampled_from(["\n", "\r\n"])).map(
    lambda parts: (parts[0] + "\n\n".join(parts[1])).replace("\n", parts[2]))


def _source_of_piece(source: str, piece) -> str:
    """What a non-verbatim piece of prose stands for, decoded from its source."""
    raw = source[piece.source_start:piece.source_end]
    if raw.startswith("&"):
        return html.unescape(raw)
    if raw.startswith("\\") and len(raw) == 2:
        return raw[1]
    return raw


def assert_spans_map_into_the_source(doc, source: str) -> None:
    text = doc.text
    n, length = len(text), len(source)
    pieces = doc.source_map._pieces or []
    for piece in pieces:
        assert 0 <= piece.source_start <= piece.source_end <= length
        if piece.verbatim and piece.source_end > piece.source_start:
            assert text[piece.text_start:piece.text_end] == source[piece.source_start:piece.source_end]
        elif piece.source_end > piece.source_start and text[piece.text_start:piece.text_end] != PLACEHOLDER:
            assert text[piece.text_start:piece.text_end] == _source_of_piece(source, piece)
    spans = [(p.start, p.end) for p in doc.paragraphs]
    spans += [(s.start, s.end) for s in doc.sentences]
    spans += [(t.start, t.end) for t in doc.tokens]
    for start, end in spans:
        assert 0 <= start < end <= n
        source_start, source_end = doc.source_span(start, end)
        assert 0 <= source_start <= source_end <= length
    for token in doc.tokens:
        source_start, source_end = doc.source_span(token.start, token.end)
        if doc.source_map.is_contiguous(token.start, token.end):
            assert source[source_start:source_end] == token.text
    for paragraph in doc.paragraphs:
        for sentence in doc.sentences:
            if sentence.paragraph == paragraph.index:
                assert paragraph.start <= sentence.start and sentence.end <= paragraph.end


def assert_findings_map_into_the_source(doc, source: str, path: str) -> None:
    registry = default_registry()
    config = load_config(registry=registry)
    for active in config.active_rules:
        for problem in active.rule.check(doc):
            start, end = doc.source_span(problem.start, problem.end)
            assert 0 <= start <= end <= len(source)
            if doc.source_map.is_contiguous(problem.start, problem.end):
                assert source[start:end] == doc.text[problem.start:problem.end]
    index = LineIndex(source)
    for finding in check_source(source, path, config, registry):
        start = index.offset(finding.line, finding.column)
        end = index.offset(finding.end_line, finding.end_column)
        assert 0 <= start <= end <= len(source)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_generated_markdown_maps_every_span_into_the_source(source):
    doc = parse(source)
    assert_spans_map_into_the_source(doc, source)
    for directive in doc.directives:
        assert source.startswith("<!--", directive.start) and source[:directive.end].endswith("-->")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_generated_markdown_findings_lie_in_the_source_and_match_it(source):
    assert_findings_map_into_the_source(parse(source), source, "x.md")


MARKUP = list("*_~`[]()!<>&\\#-+=|:>\"' \t\n\r") + ["```", "<!--", "-->", "&amp;", "&#", "---\n", "    ",
                                                     "1. ", "- ", "> ", "[^1]", "[^1]: ", "http://", "www.",
                                                     "<b>", "</b>", "<div>", "a", "the", "\u00a0", "😀"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(st.sampled_from(MARKUP), max_size=80).map("".join)))
def test_the_parser_never_fails_on_any_input(source):
    doc = parse(source)
    assert_spans_map_into_the_source(doc, source)


# -- linear time ---------------------------------------------------------------------

PATHOLOGICAL = {
    "emphasis": "*a " * 100_000, "underscores": "_a" * 100_000, "tildes": "~~a" * 100_000,
    "open brackets": "[" * 200_000 + "a", "unclosed links": "[a](" * 100_000, "images": "![" * 100_000,
    "backticks": "`a``b" * 60_000, "unclosed tags": "<a b=\"" * 60_000, "comments": "<!-- " * 100_000,
    "entities": "&amp" * 100_000, "nested quotes": "> " * 100_000, "nested lists": "- " * 100_000,
    "deep list lines": "\n".join(" " * (2 * i) + "- a" for i in range(1000)),
    "references": "[a]: <b\n" * 40_000, "table": "a|b\n-|-\n" + "c|d\n" * 40_000,
    "backslashes": "\\" * 300_000, "bare urls": "http://x " * 40_000,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_parses_in_linear_time(name):
    source = PATHOLOGICAL[name]
    started = time.perf_counter()
    parse(source)
    assert time.perf_counter() - started < 10, name


def test_a_five_megabyte_article_parses_in_seconds():
    paragraph = ("Officials in **Kiev** said the talks, which began in [March](http://x.example/a \"t\"), "
                 "would resume on `Monday` &amp; continue &ldquo;soon&rdquo;. See https://x.example/b.\n")
    chunk = paragraph * 3 + "\n- An item\n- Another *item*\n\n```\ncode\n```\n\n> Quoted text.\n\n"
    source = "# Headline\n\n" + chunk * (5_000_000 // len(chunk))
    assert len(source) > 4_900_000
    started = time.perf_counter()
    doc = parse(source)
    assert time.perf_counter() - started < 30
    assert len(doc.paragraphs) > 30_000


def test_cli_reports_markdown_positions(tmp_path, run_json):
    article = tmp_path / "story.md"
    article.write_text("# Talks\n\nOfficials in **Kiev** said\nthe the talks `the the` resumed.\n")
    code, report, _ = run_json("--select", REPEATED, article)
    assert code == 1
    findings = report["findings"] if isinstance(report, dict) else report
    assert [(f["line"], f["column"]) for f in findings] == [(4, 1)]
