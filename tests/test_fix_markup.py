"""Fixes in Markdown and HTML, with LF or CRLF and with or without a BOM: markup is never touched."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.config import load_config
from newslint.fixer import fix_text, is_applicable
from newslint.registry import default_registry

WORDS = ["Kiev", "kyiv", "the the", "said", "officials", "in in", ",,", " .", "«", "»", "“", "”", "Odessa’s",
         "&amp;", "&laquo;", "&raquo;", "TK"]
words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)


@st.composite
def markdown_documents(draw):
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    blocks = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["p", "h", "li", "quote", "code", "emph", "link", "inline"]))
        text = draw(words)
        blocks.append({"p": text, "h": "## " + text, "li": "- " + text, "quote": "> " + text,
                       "code": "```" + newline + text + newline + "```",
                       "emph": f"Officials in **{text}** said.", "link": f"See [{text}](http://kiev.example/the the).",
                       "inline": f"Use `{text}` then {text}."}[kind])
    return newline.join(b + newline for b in blocks)


@st.composite
def html_documents(draw):
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    blocks = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["p", "h", "li", "b", "script", "attr", "pre"]))
        text = draw(words)
        blocks.append({"p": f"<p>{text}</p>", "h": f"<h2>{text}</h2>", "li": f"<ul><li>{text}</li></ul>",
                       "b": f"<p>In <b>{text}</b> today.</p>", "script": f"<script>var s='{text}';</script>",
                       "attr": f'<p title="{text}">{text}</p>', "pre": f"<pre>{text}</pre>"}[kind])
    return newline.join(blocks) + newline


def _markup(text: str, kind: str) -> list[str]:
    if kind == "html":
        return re.findall(r"<[^>]*>|<script>.*?</script>|<pre>.*?</pre>", text, re.S)
    return re.findall(r"```.*?```|`[^`]*`|\]\([^)]*\)|^#+ |^- |^> |\*\*", text, re.S | re.M)


def _check(text: str, path: str, kind: str):
    registry = default_registry()
    config = load_config(registry=registry)
    once = fix_text(text, path, config, registry)
    assert not [f for f in once.remaining if is_applicable(f, False)], (text, once.text)
    assert fix_text(once.text, path, config, registry).text == once.text
    assert _markup(once.text, kind) == _markup(text, kind), (text, once.text)
    if "\r\n" in text:
        assert "\n" not in once.text.replace("\r\n", ""), "a fix introduced a bare LF into CRLF text"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_documents())
def test_markdown_fixes_keep_markup_and_are_idempotent(text):
    _check(text, "a.md", "markdown")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_documents())
def test_html_fixes_keep_markup_and_are_idempotent(text):
    _check(text, "a.html", "html")


def test_html_entity_is_replaced_by_an_entity(tmp_path, run_cli):
    page = tmp_path / "a.html"
    page.write_text("<p>He said &laquo;it was fine&raquo; in <b>Kiev</b>.</p>\n")
    run_cli("check", "--fix", page)
    assert page.read_text() == "<p>He said &ldquo;it was fine&rdquo; in <b>Kyiv</b>.</p>\n"


def test_fix_across_markup_is_not_offered(tmp_path, run_json):
    page = tmp_path / "a.html"
    page.write_text("<p>The <b>the</b> end.</p>\n")
    _, data, _ = run_json("--select", "artifacts/repeated-word", page)
    assert [f["fix"] for f in data["findings"]] == [None]


def test_markdown_file_with_bom_and_crlf_keeps_both(tmp_path, run_cli):
    page = tmp_path / "a.md"
    page.write_bytes(b"\xef\xbb\xbf# Talks\r\n\r\nOfficials in **Kiev** said.\r\n\r\n```\r\nKiev\r\n```\r\n")
    run_cli("check", "--fix", page)
    assert page.read_bytes() == b"\xef\xbb\xbf# Talks\r\n\r\nOfficials in **Kyiv** said.\r\n\r\n```\r\nKiev\r\n```\r\n"
