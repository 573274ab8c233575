"""HTML: prose from the text of an article's elements, with exact source positions.

Tokenised by the standard library's ``html.parser.HTMLParser`` (no dependency;
it never raises on broken markup). Each callback's source offset comes from
``getpos()`` — a line counted by ``\\n`` and a column in characters — turned
into an absolute offset with a table of line starts, so ``\\r\\n`` files map
exactly too.

Character references are decoded here rather than by the tokeniser: with
``convert_charrefs=False`` Python's tokeniser reports ``&name;`` separately,
but it stops at a malformed ``&#`` and passes the rest of the file on as text,
and it copies the rest of the buffer at each such reference. So only ``<`` is
special to the tokeniser; text arrives in whole runs at a known offset, and
every reference in it (``&amp;``, ``&rsquo;``, ``&#8217;``, ``&#x2019;``, the
legacy ones without a semicolon) is decoded as a browser does, its character
mapped to the whole reference in the source.

Blocks (no sentence or quotation crosses one): ``p``, ``h1`` (scope
``headline``), ``h2``–``h6`` (``heading``), ``li``/``dt``/``dd`` (``list``),
``td``/``th`` (``table``), ``figcaption``/``caption`` (``caption``), ``title``
(``headline``), ``blockquote`` and the text directly inside other block
containers (``div``, ``section``, ``article``, ``body`` …), which inherit the
scope of the block around them (``body`` at the top). Inline elements (``b``,
``i``, ``em``, ``strong``, ``a``, ``span`` …) do not break a sentence; ``br``
is a line break. Never prose: ``script``, ``style``, ``pre``, ``template``,
``noscript`` and similar, attributes and comments; ``code``, ``kbd``, ``samp``
and ``img`` are one placeholder character. Comments are read for
``newslint-disable`` directives.
"""

from __future__ import annotations

import html.parser
import re
from html import unescape as _unescape
from html.entities import html5 as _HTML5
from typing import Any, Mapping

from newslint import hookimpl
from newslint.builder import DocumentBuilder
from newslint.builtin._markup import directive_from_comment
from newslint.document import Document
from newslint.parser import Parser

_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_SCOPE_OF = {"h1": "headline", "title": "headline", **{h: "heading" for h in _HEADINGS},
             "li": "list", "dt": "list", "dd": "list", "td": "table", "th": "table",
             "figcaption": "caption", "caption": "caption"}
BLOCK_TAGS = frozenset("""
address article aside blockquote body caption center dd details dialog dir div dl dt fieldset
figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li
main menu nav ol p search section summary table tbody td tfoot th thead title tr ul
""".split())
#: Elements whose content is never prose.
SKIPPED_TAGS = frozenset("""
script style template noscript pre textarea select datalist svg math iframe object canvas video
audio map button option optgroup
""".split())
#: Inline elements that stand for one opaque character.
PLACEHOLDER_TAGS = frozenset({"code", "kbd", "samp"})
VOID_TAGS = frozenset("""
area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr
""".split())
# An open <p> is closed by these (as a browser does).
_CLOSES_P = frozenset("""
address article aside blockquote center details dialog dir div dl fieldset figcaption figure
footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre search section summary table ul
""".split())
_HEADING_TAGS = frozenset(("h1",) + _HEADINGS)

_REFERENCE = re.compile(r"&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]{0,31};?))")
_ONLY_LT = re.compile("<")


class HtmlParser(Parser):
    name = "html"
    extensions = (".html", ".htm")

    def parse(self, source: str, path: str | None = None, options: Mapping[str, Any] | None = None) -> Document:
        builder = DocumentBuilder(source, path, self.name)
        reader = _HtmlReader(source, builder)
        reader.run()
        return builder.build()


def decode_reference(raw: str) -> tuple[str, int]:
    """Decode the character reference at the start of ``raw`` (which starts with ``&``).

    Returns the text and how many characters of ``raw`` it stands for; ("", 0)
    when ``raw`` starts with no reference (an ``&`` that is just an ampersand).
    """
    if raw.startswith("&#"):
        body = raw[2:]
        semicolon = body.endswith(";")
        digits = body[:-1] if semicolon else body
        hexadecimal = digits[:1] in ("x", "X")
        number = digits[1:] if hexadecimal else digits
        if not number or len(number) > 8:
            return ("\ufffd", len(raw)) if number else ("", 0)
        return _unescape("&#" + digits + ";"), len(raw)
    name = raw[1:]
    if name in _HTML5:
        return _HTML5[name], len(raw)
    bare = name[:-1] if name.endswith(";") else name
    # Legacy references without a semicolon: the longest known prefix (&ampx → &x).
    for length in range(min(len(bare), 6), 1, -1):
        prefix = bare[:length]
        if prefix in _HTML5:
            return _HTML5[prefix], 1 + length
    return "", 0


class _Entry:
    __slots__ = ("tag", "scope", "start")

    def __init__(self, tag: str, scope: str, start: int) -> None:
        self.tag = tag
        self.scope = scope
        self.start = start


class _HtmlReader(html.parser.HTMLParser):
    def __init__(self, source: str, builder: DocumentBuilder) -> None:
        self.source = source
        self.builder = builder
        starts = [0]
        position = source.find("\n")
        while position >= 0:
            starts.append(position + 1)
            position = source.find("\n", position + 1)
        self._line_starts = starts
        self._stack: list[_Entry] = []
        self._positions: dict[str, list[int]] = {}
        self._skipping = 0
        self._code: int | None = None  # stack index of the open placeholder element
        self._block_open = False
        self._directives = []
        self._broken_until = -1
        self._pending_break: int | None = None
        self._skip_blanks_at = -1
        super().__init__(convert_charrefs=False)

    # -- keep "&" ordinary for the tokeniser (see the module docstring) ----------
    def reset(self) -> None:
        super().reset()
        self._only_lt()

    def clear_cdata_mode(self) -> None:
        super().clear_cdata_mode()
        self._only_lt()

    def _only_lt(self) -> None:
        if getattr(self, "interesting", None) is getattr(html.parser, "interesting_normal", None):
            self.interesting = _ONLY_LT

    def close(self) -> None:
        """Finish, treating a construct the tokeniser could not complete as a browser does.

        Python 3.11's tokeniser re-reads the rest of the file for every ``<`` it
        cannot complete at the end (quadratic on unclosed tags or comments). An
        unclosed comment or a tag with no ``>`` after it runs to the end of the
        file, as in a browser; any other broken tag ends at the next ``>``.
        """
        while self.rawdata and not self.cdata_elem and self.rawdata != "<":
            rest = self.rawdata
            if not rest.startswith("<"):
                break
            close = -1 if rest.startswith(("<!--", "<?")) else rest.find(">")
            consumed = close + 1 if close >= 0 else len(rest)
            self.updatepos(0, consumed)
            self.rawdata = rest[consumed:]
            self.feed("")
        super().close()

    def parse_html_declaration(self, i: int) -> int:
        try:
            return super().parse_html_declaration(i)
        except AssertionError:  # _markupbase asserts on some malformed "<![" sections
            close = self.rawdata.find(">", i + 2)
            return close + 1 if close >= 0 else -1

    def run(self) -> None:
        try:
            self.feed(self.source)
            self.close()
        except Exception:  # the tokeniser choked on something: keep the prose read so far
            pass
        while self._stack:
            self._pop(len(self._stack) - 1, len(self.source), len(self.source))
        for directive in sorted(self._directives, key=lambda d: (d.start, d.end)):
            self.builder.add_directive(directive)

    # -- positions ---------------------------------------------------------------
    def _offset(self) -> int:
        line, column = self.getpos()
        starts = self._line_starts
        if 1 <= line <= len(starts):
            return min(starts[line - 1] + column, len(self.source))
        return len(self.source)

    # -- the element stack ---------------------------------------------------------------
    @property
    def _scope(self) -> str:
        return self._stack[-1].scope if self._stack else "body"

    def _last(self, tag: str) -> int:
        positions = self._positions.get(tag)
        return positions[-1] if positions else -1

    def _push(self, tag: str, start: int) -> None:
        scope = _SCOPE_OF.get(tag) or self._scope
        self._positions.setdefault(tag, []).append(len(self._stack))
        self._stack.append(_Entry(tag, scope, start))
        if tag in SKIPPED_TAGS:
            self._skipping += 1
        elif tag in PLACEHOLDER_TAGS and self._code is None and not self._skipping:
            self._code = len(self._stack) - 1
            self._ensure_block()

    def _pop(self, index: int, at: int, end: int) -> None:
        """Close the element at stack ``index`` and everything opened inside it.

        ``at`` is where the closing happens in the source; ``end`` the end of the
        closing tag when the element at ``index`` is closed by its own end tag.
        """
        stack = self._stack
        while len(stack) > index:
            entry = stack.pop()
            position = len(stack)
            self._positions[entry.tag].pop()
            if entry.tag in SKIPPED_TAGS:
                self._skipping -= 1
            if self._code == position:
                self._code = None
                self._ensure_block()
                self.builder.add_placeholder(entry.start, end if position == index else at)
            if entry.tag in BLOCK_TAGS:
                self._block_open = False

    def _close_implied(self, tag: str, at: int) -> None:
        """End tags a browser implies before a start tag: <p> before a block, <li> before <li> …"""
        if tag in _CLOSES_P:
            p = self._last("p")
            if p >= 0 and p > max(self._last(t) for t in ("td", "th", "caption", "table", "button", "li")):
                self._pop(p, at, at)
        if tag == "li":
            self._close_if_inside("li", ("ul", "ol", "menu"), at)
        elif tag in ("dt", "dd"):
            item = max(self._last("dt"), self._last("dd"))
            if item > self._last("dl"):
                self._pop(item, at, at)
        elif tag in ("td", "th"):
            cell = max(self._last("td"), self._last("th"))
            if cell > max(self._last("tr"), self._last("table")):
                self._pop(cell, at, at)
        elif tag == "tr":
            self._close_if_inside("tr", ("table", "thead", "tbody", "tfoot"), at)
        elif tag in ("thead", "tbody", "tfoot"):
            section = max(self._last("thead"), self._last("tbody"), self._last("tfoot"))
            if section > self._last("table"):
                self._pop(section, at, at)
        if tag in _HEADING_TAGS and self._stack and self._stack[-1].tag in _HEADING_TAGS:
            self._pop(len(self._stack) - 1, at, at)

    def _close_if_inside(self, tag: str, containers: tuple[str, ...], at: int) -> None:
        index = self._last(tag)
        if index >= 0 and index > max(self._last(c) for c in containers):
            self._pop(index, at, at)

    # -- prose ---------------------------------------------------------------------
    def _ensure_block(self) -> None:
        if not self._block_open:
            self._pending_break = None
            self.builder.start_block(self._scope)
            self._block_open = True
        elif self._pending_break is not None:
            self.builder.add_break(self._pending_break)
            self._pending_break = None

    def _break(self, at: int) -> None:
        """A <br>: a line break, unless the source breaks the line right after it anyway."""
        if self._block_open and not self._skipping and self._code is None:
            if self._pending_break is not None:
                self.builder.add_break(self._pending_break)
            self._pending_break = at

    def _prose(self, start: int, end: int) -> None:
        """Text from source[start:end] (between tags): verbatim runs and decoded references."""
        if self._skipping or self._code is not None or start >= end:
            return
        source = self.source
        builder = self.builder
        position = start
        if self._skip_blanks_at == start:  # after a comment that had a blank before it
            while position < end and source[position] in " \t":
                position += 1
        if self._pending_break is not None:
            following = position
            while following < end and source[following] in " \t":
                following += 1
            if following < end and source[following] in "\r\n":
                self._pending_break = None  # "<br>" then a line break: one break, the source's
        for match in _REFERENCE.finditer(source, position, end):
            if match.start() > position:
                self._verbatim(position, match.start())
            text, width = decode_reference(match.group())
            if width:
                self._ensure_block()
                builder.add_decoded(text, match.start(), match.start() + width)
                if width < len(match.group()):
                    self._verbatim(match.start() + width, match.end())
            else:
                self._verbatim(match.start(), match.end())
            position = match.end()
        if end > position:
            self._verbatim(position, end)

    def _verbatim(self, start: int, end: int) -> None:
        if not self._block_open:
            text = self.source[start:end]
            stripped = text.lstrip()
            if not stripped:
                return
            start += len(text) - len(stripped)
        self._ensure_block()
        self.builder.add(start, end)

    # -- tokeniser callbacks ----------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        self._start_tag(tag, self_closing=False)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self._start_tag(tag, self_closing=True)

    def _start_tag(self, tag: str, self_closing: bool) -> None:
        start = self._offset()
        end = start + len(self.get_starttag_text() or "")
        if tag in VOID_TAGS:
            if tag == "br":
                self._break(start)
            elif tag == "img":
                if self._block_open and not self._skipping and self._code is None:
                    self._ensure_block()
                    self.builder.add_placeholder(start, end)
            elif tag in BLOCK_TAGS:
                self._close_implied(tag, start)
                self._block_open = False
            return
        if self_closing:
            # <div/> and <span/> in XHTML-style markup: an empty element.
            if tag in BLOCK_TAGS:
                self._close_implied(tag, start)
                self._block_open = False
            elif tag in PLACEHOLDER_TAGS and not self._skipping and self._code is None:
                self._ensure_block()
                self.builder.add_placeholder(start, end)
            return
        self._close_implied(tag, start)
        if tag in BLOCK_TAGS:
            self._block_open = False
        self._push(tag, start)

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        close = self.source.find(">", start)
        end = close + 1 if close >= 0 else len(self.source)
        index = self._last(tag)
        if index < 0:
            if tag == "br":  # </br> is read as <br>
                self._break(start)
            elif tag in BLOCK_TAGS:
                self._block_open = False
            return
        self._pop(index, start, end)
        if tag in BLOCK_TAGS:
            self._block_open = False

    def handle_data(self, data: str) -> None:
        start = self._offset()
        end = start + len(data)
        if start < self._broken_until:
            return
        if data[:1] == "<" and (data[1:2] in ("!", "?", "/") or data[1:2].isalpha()):
            return  # an unterminated tag or comment near the end of the file: markup, not prose
        following = self.source[end:end + 1]
        if data == "<" and (following in ("!", "?", "/") or following.isalpha()):
            # The tokeniser gave up on an unterminated construct after its "<": what follows
            # up to the next "<" is the rest of it.
            following = self.source.find("<", end)
            self._broken_until = following if following >= 0 else len(self.source)
            return
        if self.source.startswith(data, start):
            self._prose(start, end)
        # else: the tokeniser handed back text we cannot place; leave it out rather than misplace it

    def handle_entityref(self, name: str) -> None:  # not called: "&" is ordinary text here
        start = self._offset()
        end = start + 1 + len(name) + (1 if self.source.startswith(";", start + 1 + len(name)) else 0)
        self._prose(start, end)

    def handle_charref(self, name: str) -> None:  # not called: "&" is ordinary text here
        start = self._offset()
        end = start + 2 + len(name) + (1 if self.source.startswith(";", start + 2 + len(name)) else 0)
        self._prose(start, end)

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        if not self.source.startswith("<!--", start):
            return  # a bogus comment such as <!x> or </ x>
        close = self.source.find(">", start + 4 + len(data))
        end = close + 1 if close >= 0 else len(self.source)
        directive = directive_from_comment(data, start, end)
        if directive is not None:
            self._directives.append(directive)
        if start == 0 or self.source[start - 1] in " \t\r\n":
            self._skip_blanks_at = end  # "a <!-- note --> b" reads "a b"

    def unknown_decl(self, data: str) -> None:
        pass


@hookimpl
def newslint_parsers():
    return [HtmlParser()]
