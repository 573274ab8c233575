"""Markdown: CommonMark, with GFM tables, strikethrough, bare-URL autolinks and
footnotes, and YAML (or TOML) front matter.

Our own scanner, not a Markdown library: the rules need the exact source place
of every prose character, and the usual libraries give line numbers for
blocks at best and nothing for inline text. The block pass follows the
CommonMark algorithm (the one commonmark.js uses: match open containers, start
new blocks, lazy continuation); the inline pass follows the spec's delimiter
stack for emphasis and links. Both are linear: every search for a closing
marker is bounded or remembered, and nesting is capped.

What becomes prose, block by block (each its own Paragraph, so no sentence or
quotation runs from one into the next):

- ATX and setext headings: scope ``heading``, the first level-1 heading ``headline``;
- paragraphs: ``body``; inside a list item ``list``; inside a footnote ``body``;
- block quotes: their blocks keep their own scope (the ``>`` markers are skipped);
- table cells: ``table``, one block per cell;
- front-matter fields named by the ``frontmatter-prose`` option: ``frontmatter.<field>``.

Not prose: code blocks, HTML blocks, reference definitions, thematic breaks,
link URLs and titles, emphasis markers. Inline code, images, autolinks and bare
URLs become one placeholder character; HTML comments are read for
``newslint-disable`` directives.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from html.entities import html5 as _HTML5
from typing import Any, Mapping

from newslint import hookimpl
from newslint.builder import DocumentBuilder
from newslint.builtin._markup import Finder, directive_from_comment, iter_comments
from newslint.document import Document
from newslint.parser import Parser

DEFAULT_FRONTMATTER_PROSE = ("title", "description")
#: Containers nested deeper than this are read as text: keeps every line's work bounded.
MAX_NESTING = 48
#: Longest link destination, title or raw HTML tag the inline scanner looks for.
MAX_CONSTRUCT = 4096

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

# -- block patterns (applied with .match(line, position), so no ^ anchors) ----
_MAYBE_SPECIAL = re.compile(r"[#`~*+_=<>0-9\-|\[:]")
_ATX = re.compile(r"#{1,6}(?:[ \t]+|$)")
_ATX_CLOSING = re.compile(r"[ \t]+#+[ \t]*$")
_FENCE = re.compile(r"`{3,}(?!.*`)|~{3,}")
_CLOSING_FENCE = re.compile(r"(`{3,}|~{3,})[ \t]*$")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*$")
_THEMATIC = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$")
_BULLET = re.compile(r"[*+-]")
_ORDERED = re.compile(r"(\d{1,9})([.)])")
_FOOTNOTE_DEF = re.compile(r"\[\^([^\]\s]{1,999})\]:")
_TABLE_DELIMITER = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")

_TAG_NAME = r"[A-Za-z][A-Za-z0-9-]*"
_ATTRIBUTE = (r"(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*"
              r"(?:\s*=\s*(?:[^\"'=<>`\x00-\x20]+|'[^']*'|\"[^\"]*\"))?)")
_OPEN_TAG = rf"<({_TAG_NAME}){_ATTRIBUTE}*\s*/?>"
_CLOSE_TAG = rf"</({_TAG_NAME})\s*>"
_BLOCK_TAG_NAMES = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|"
    "dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|"
    "header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|"
    "param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul")
_HTML_BLOCK_OPEN = [
    re.compile(r"<(?:script|pre|textarea|style)(?:\s|>|$)", re.IGNORECASE),
    re.compile(r"<!--"),
    re.compile(r"<\?"),
    re.compile(r"<![A-Za-z]"),
    re.compile(r"<!\[CDATA\["),
    re.compile(rf"</?(?:{_BLOCK_TAG_NAMES})(?:\s|/?>|$)", re.IGNORECASE),
    re.compile(rf"(?:{_OPEN_TAG}|{_CLOSE_TAG})[ \t]*$"),
]
_HTML_BLOCK_CLOSE = [
    re.compile(r"</(?:script|pre|textarea|style)>", re.IGNORECASE),
    re.compile(r"-->"),
    re.compile(r"\?>"),
    re.compile(r">"),
    re.compile(r"\]\]>"),
]

# -- inline patterns -----------------------------------------------------------
_SPECIAL = re.compile(r"[\\`*_~\[\]!<&\r\n]|https?://|ftp://|www\.")
_RAW_OPEN_TAG = re.compile(_OPEN_TAG)
_RAW_CLOSE_TAG = re.compile(_CLOSE_TAG)
_AUTOLINK_URI = re.compile(r"<[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\x00-\x20]*>")
_AUTOLINK_EMAIL = re.compile(
    r"<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*>")
_ENTITY = re.compile(r"&(?:#[xX]([0-9a-fA-F]{1,6});|#([0-9]{1,7});|([A-Za-z][A-Za-z0-9]{0,31});)")
_BARE_URL = re.compile(r"(?:https?://|ftp://|www\.)[A-Za-z0-9_\-][^\s<\]]*")
_ENTITY_AT_END = re.compile(r"&[A-Za-z0-9]+;\Z")
_LINK_LABEL = re.compile(r"\[((?:[^\\\[\]]|\\.){0,999})\]", re.DOTALL)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]{1,999})\]")
_BACKTICKS = re.compile(r"`+")

# -- front matter ------------------------------------------------------------
_YAML_KEY = re.compile(r"(?:\"([^\"\\]*)\"|'([^']*)'|([A-Za-z0-9_][^:#\s]*(?:[ \t]+[^:#\s]+)*))"
                       r"[ \t]*:(?=[ \t]|$)[ \t]*")
_TOML_KEY = re.compile(r"(?:\"([^\"\\]*)\"|'([^']*)'|([A-Za-z0-9_\-]+))[ \t]*=[ \t]*")
_BLOCK_SCALAR = re.compile(r"[|>][+-]?[1-9]?[+-]?[ \t]*(?:#.*)?$")
_YAML_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
                 "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
                 "_": "\xa0", "L": "\u2028", "P": "\u2029"}
_HEX_ESCAPE_LENGTH = {"x": 2, "u": 4, "U": 8}


def _normalize_label(label: str) -> str:
    return " ".join(label.split()).casefold()


def _is_space_or_tab(char: str) -> bool:
    return char == " " or char == "\t"


def _is_punctuation(char: str) -> bool:
    if char in _ASCII_PUNCTUATION:
        return True
    if ord(char) < 128:
        return False
    return unicodedata.category(char)[0] in "PS"


class MarkdownParser(Parser):
    name = "markdown"
    extensions = (".md", ".markdown")
    options = {
        "frontmatter-prose": "Front-matter fields whose values are prose to check "
                             "(a list; default: title, description). Each is its own block, "
                             "with the scope frontmatter.<field>.",
    }

    def parse(self, source: str, path: str | None = None, options: Mapping[str, Any] | None = None) -> Document:
        fields = (options or {}).get("frontmatter-prose", DEFAULT_FRONTMATTER_PROSE)
        if isinstance(fields, str):
            fields = [fields]
        try:
            fields = frozenset(str(f) for f in fields)
        except TypeError:
            fields = frozenset(DEFAULT_FRONTMATTER_PROSE)
        builder = DocumentBuilder(source, path, self.name)
        _MarkdownReader(source, builder, fields).read()
        return builder.build()


# =============================================================================
# Blocks
# =============================================================================

class _Block:
    __slots__ = ("kind", "parent", "children", "open", "lines", "level", "fence_char", "fence_length",
                 "fence_offset", "html_type", "marker_offset", "padding", "span", "columns", "depth")

    def __init__(self, kind: str, parent: "_Block | None") -> None:
        self.kind = kind
        self.parent = parent
        self.children: list[_Block] = []
        self.open = True
        #: (start, end, end with line break) source offsets of each content line.
        self.lines: list[tuple[int, int, int]] = []
        self.level = 0
        self.fence_char = ""
        self.fence_length = 0
        self.fence_offset = 0
        self.html_type = 0
        self.marker_offset = 0
        self.padding = 0
        self.span: tuple[int, int] | None = None
        self.columns = 0
        self.depth = 0 if parent is None else parent.depth + (kind in _CONTAINERS)


_CONTAINERS = frozenset({"document", "quote", "item", "footnote"})
_ACCEPTS_LINES = frozenset({"paragraph", "code", "html", "table"})


class _MarkdownReader:
    def __init__(self, source: str, builder: DocumentBuilder, frontmatter_fields: frozenset[str]) -> None:
        self.src = source
        self.builder = builder
        self.frontmatter_fields = frontmatter_fields
        self.refs: set[str] = set()
        self.footnotes: set[str] = set()
        self.directives = []
        self.comment_finder = Finder(source, "-->")
        # per-line state
        self.line = ""
        self.line_start = 0
        self.pos = 0
        self.column = 0
        self.next_nonspace = 0
        self.next_nonspace_column = 0
        self.indent = 0
        self.indented = False
        self.blank = False
        self.partially_consumed_tab = False
        self._cached_nonspace = -1
        self._cached_nonspace_column = 0
        self._cached_from = 0
        self.doc = _Block("document", None)
        self.tip = self.doc
        self.old_tip = self.doc
        self.last_matched = self.doc
        self.all_closed = True
        self.seen_headline = False
        self.block_starts = (self._start_quote, self._start_atx_heading, self._start_fence,
                             self._start_html_block, self._start_table, self._start_setext_heading,
                             self._start_thematic_break, self._start_footnote, self._start_list_item,
                             self._start_indented_code)

    # -- driver ---------------------------------------------------------------
    def read(self) -> None:
        src = self.src
        position = self._front_matter()
        n = len(src)
        line_re = _LINE
        while position < n:
            match = line_re.match(src, position)
            full_end = match.end()
            end = full_end
            while end > position and src[end - 1] in "\r\n":
                end -= 1
            self._incorporate(position, end, full_end)
            position = full_end
        while self.tip is not None:
            self._finalize(self.tip)
        self._emit()

    # -- line state helpers (after commonmark.js) ------------------------------
    def _find_next_nonspace(self) -> None:
        if self._cached_from <= self.pos <= self._cached_nonspace:
            # Still in the blanks before the place found last time: the answer stands.
            i, column = self._cached_nonspace, self._cached_nonspace_column
            self.blank = i >= len(self.line)
            self.next_nonspace = i
            self.next_nonspace_column = column
            self.indent = column - self.column
            self.indented = self.indent >= 4
            return
        line = self.line
        i = self.pos
        column = self.column
        n = len(line)
        while i < n:
            c = line[i]
            if c == " ":
                i += 1
                column += 1
            elif c == "\t":
                i += 1
                column += 4 - (column % 4)
            else:
                break
        self.blank = i >= n
        self.next_nonspace = i
        self.next_nonspace_column = column
        self._cached_nonspace, self._cached_nonspace_column = i, column
        self._cached_from = self.pos
        self.indent = column - self.column
        self.indented = self.indent >= 4

    def _advance_next_nonspace(self) -> None:
        self.pos = self.next_nonspace
        self.column = self.next_nonspace_column
        self.partially_consumed_tab = False

    def _advance_offset(self, count: int, columns: bool) -> None:
        line = self.line
        n = len(line)
        while count > 0 and self.pos < n:
            if line[self.pos] == "\t":
                chars_to_tab = 4 - (self.column % 4)
                if columns:
                    self.partially_consumed_tab = chars_to_tab > count
                    advance = min(count, chars_to_tab)
                    self.column += advance
                    if not self.partially_consumed_tab:
                        self.pos += 1
                    count -= advance
                else:
                    self.partially_consumed_tab = False
                    self.column += chars_to_tab
                    self.pos += 1
                    count -= 1
            else:
                self.partially_consumed_tab = False
                self.pos += 1
                self.column += 1
                count -= 1

    def _peek(self) -> str:
        return self.line[self.pos] if self.pos < len(self.line) else ""

    def _char_at(self, i: int) -> str:
        return self.line[i] if i < len(self.line) else ""

    # -- the tree -----------------------------------------------------------------
    def _add_child(self, kind: str) -> _Block:
        while self.tip.kind not in _CONTAINERS:
            self._finalize(self.tip)
        block = _Block(kind, self.tip)
        self.tip.children.append(block)
        self.tip = block
        return block

    def _finalize(self, block: _Block) -> None:
        block.open = False
        if block.kind == "paragraph":
            self._resolve_reference_definitions(block)
            if not block.lines and block.parent is not None and block.parent.children \
                    and block.parent.children[-1] is block:
                block.parent.children.pop()
        self.tip = block.parent

    def _close_unmatched(self) -> None:
        if not self.all_closed:
            while self.old_tip is not self.last_matched and self.old_tip is not None:
                parent = self.old_tip.parent
                self._finalize(self.old_tip)
                self.old_tip = parent
            self.all_closed = True

    def _add_line(self) -> None:
        tip = self.tip
        if tip.kind == "code":
            return
        tip.lines.append((self.line_start + self.pos, self.line_start + len(self.line), self.line_end))

    # -- one line --------------------------------------------------------------------
    def _incorporate(self, start: int, end: int, full_end: int) -> None:
        self.line = self.src[start:end]
        self.line_start = start
        self.line_end = full_end
        self.pos = 0
        self.column = 0
        self.blank = False
        self.partially_consumed_tab = False
        self._cached_nonspace = -1
        self.old_tip = self.tip
        container = self.doc
        while container.children and container.children[-1].open:
            container = container.children[-1]
            self._find_next_nonspace()
            result = self._continue(container)
            if result == 1:
                container = container.parent
                break
            if result == 2:
                return
        self.all_closed = container is self.old_tip
        self.last_matched = container

        matched_leaf = container.kind not in ("paragraph", "table") and container.kind in _ACCEPTS_LINES
        while not matched_leaf:
            self._find_next_nonspace()
            if not self.indented and not _MAYBE_SPECIAL.match(self.line, self.next_nonspace):
                self._advance_next_nonspace()
                break
            for start_block in self.block_starts:
                result = start_block(container)
                if result:
                    container = self.tip
                    if result == 2:
                        matched_leaf = True
                    break
            else:
                self._advance_next_nonspace()
                break

        if not self.all_closed and not self.blank and self.tip.kind == "paragraph":
            self._add_line()  # a lazy continuation line
            return
        self._close_unmatched()
        kind = container.kind
        if kind in _ACCEPTS_LINES:
            self._add_line()
            if kind == "html" and 1 <= container.html_type <= 5 \
                    and _HTML_BLOCK_CLOSE[container.html_type - 1].search(self.line, self.pos):
                self._finalize(container)
        elif self.pos < len(self.line) and not self.blank:
            self._add_child("paragraph")
            self._advance_next_nonspace()
            self._add_line()

    def _continue(self, block: _Block) -> int:
        """0: the line continues ``block``; 1: it does not; 2: the line is used up."""
        kind = block.kind
        if kind == "quote":
            if not self.indented and self._char_at(self.next_nonspace) == ">":
                self._advance_next_nonspace()
                self._advance_offset(1, False)
                if _is_space_or_tab(self._peek()):
                    self._advance_offset(1, True)
                return 0
            return 1
        if kind == "item":
            if self.blank:
                if not block.children:
                    return 1
                self._advance_next_nonspace()
                return 0
            if self.indent >= block.marker_offset + block.padding:
                self._advance_offset(block.marker_offset + block.padding, True)
                return 0
            return 1
        if kind == "footnote":
            if self.blank:
                self._advance_next_nonspace()
                return 0
            if self.indent >= 4:
                self._advance_offset(4, True)
                return 0
            return 1
        if kind == "code":
            if block.fence_length:
                if self.indent <= 3 and self._char_at(self.next_nonspace) == block.fence_char:
                    match = _CLOSING_FENCE.match(self.line, self.next_nonspace)
                    if match and match.group(1)[0] == block.fence_char \
                            and len(match.group(1)) >= block.fence_length:
                        self._finalize(block)
                        return 2
                remaining = block.fence_offset
                while remaining > 0 and _is_space_or_tab(self._peek()):
                    self._advance_offset(1, True)
                    remaining -= 1
                return 0
            if self.indent >= 4:
                self._advance_offset(4, True)
                return 0
            if self.blank:
                self._advance_next_nonspace()
                return 0
            return 1
        if kind == "html":
            return 1 if self.blank and block.html_type in (6, 7) else 0
        if kind in ("paragraph", "table"):
            return 1 if self.blank else 0
        if kind in ("heading", "thematic"):
            return 1
        return 0

    # -- block starts: 0 no match, 1 a container started, 2 a leaf started -------
    def _start_quote(self, container: _Block) -> int:
        if self.indented or self._char_at(self.next_nonspace) != ">" or container.depth >= MAX_NESTING:
            return 0
        self._advance_next_nonspace()
        self._advance_offset(1, False)
        if _is_space_or_tab(self._peek()):
            self._advance_offset(1, True)
        self._close_unmatched()
        self._add_child("quote")
        return 1

    def _start_atx_heading(self, container: _Block) -> int:
        if self.indented:
            return 0
        match = _ATX.match(self.line, self.next_nonspace)
        if not match:
            return 0
        self._advance_next_nonspace()
        self._advance_offset(len(match.group()), False)
        self._close_unmatched()
        heading = self._add_child("heading")
        heading.level = match.group().count("#")
        line = self.line
        start, end = self.pos, len(line)
        rest = line[start:].strip(" \t")
        if rest and not rest.strip("#"):
            end = start  # only a closing sequence: an empty heading
        else:
            closing = _ATX_CLOSING.search(line, start)
            if closing is not None:
                end = closing.start()
        while start < end and _is_space_or_tab(line[start]):
            start += 1
        while end > start and _is_space_or_tab(line[end - 1]):
            end -= 1
        heading.span = (self.line_start + start, self.line_start + end)
        self.pos = len(line)
        return 2

    def _start_fence(self, container: _Block) -> int:
        if self.indented:
            return 0
        match = _FENCE.match(self.line, self.next_nonspace)
        if not match:
            return 0
        length = len(match.group())
        self._close_unmatched()
        block = self._add_child("code")
        block.fence_length = length
        block.fence_char = match.group()[0]
        block.fence_offset = self.indent
        self._advance_next_nonspace()
        self._advance_offset(length, False)
        return 2

    def _start_html_block(self, container: _Block) -> int:
        if self.indented or self._char_at(self.next_nonspace) != "<":
            return 0
        for html_type, pattern in enumerate(_HTML_BLOCK_OPEN, 1):
            if html_type == 7 and (container.kind == "paragraph" or
                                   (not self.all_closed and not self.blank and self.tip.kind == "paragraph")):
                continue
            if pattern.match(self.line, self.next_nonspace):
                self._close_unmatched()
                block = self._add_child("html")
                block.html_type = html_type
                return 2
        return 0

    def _start_table(self, container: _Block) -> int:
        if self.indented or container.kind != "paragraph" or not container.lines:
            return 0
        line = self.line
        if "|" not in line or not _TABLE_DELIMITER.match(line, self.next_nonspace):
            return 0
        columns = len(_split_cells(line, self.next_nonspace, len(line)))
        header = container.lines[-1]
        if len(_split_cells(self.src, header[0], header[1])) != columns:
            return 0
        self._close_unmatched()
        paragraph = container
        paragraph.lines.pop()
        parent = paragraph.parent
        table = _Block("table", parent)
        table.columns = columns
        table.lines.append(header)
        if paragraph.lines:
            self._finalize(paragraph)
            parent.children.append(table)
        else:
            paragraph.open = False
            parent.children[parent.children.index(paragraph, max(0, len(parent.children) - 1))] = table
        self.tip = table
        self.pos = len(line)
        return 2

    def _start_setext_heading(self, container: _Block) -> int:
        if self.indented or container.kind != "paragraph":
            return 0
        match = _SETEXT.match(self.line, self.next_nonspace)
        if not match:
            return 0
        self._close_unmatched()
        self._resolve_reference_definitions(container)
        if not container.lines:
            return 0
        container.kind = "heading"
        container.level = 1 if self.line[self.next_nonspace] == "=" else 2
        self.pos = len(self.line)
        return 2

    def _start_thematic_break(self, container: _Block) -> int:
        if self.indented or not _THEMATIC.match(self.line, self.next_nonspace):
            return 0
        self._close_unmatched()
        self._add_child("thematic")
        self.pos = len(self.line)
        return 2

    def _start_footnote(self, container: _Block) -> int:
        if self.indented or self._char_at(self.next_nonspace) != "[" or container.depth >= MAX_NESTING:
            return 0
        match = _FOOTNOTE_DEF.match(self.line, self.next_nonspace)
        if not match:
            return 0
        self.footnotes.add(_normalize_label(match.group(1)))
        self._close_unmatched()
        self._add_child("footnote")
        self._advance_next_nonspace()
        self._advance_offset(len(match.group()), False)
        return 1

    def _start_list_item(self, container: _Block) -> int:
        if self.indented or container.depth >= MAX_NESTING:
            return 0
        line = self.line
        at = self.next_nonspace
        match = _BULLET.match(line, at)
        if not match:
            match = _ORDERED.match(line, at)
            if not match or (container.kind == "paragraph" and int(match.group(1)) != 1):
                return 0
        marker_end = match.end()
        following = self._char_at(marker_end)
        if following and not _is_space_or_tab(following):
            return 0
        if container.kind == "paragraph" and not line[marker_end:].strip(" \t"):
            return 0
        marker_offset = self.indent
        self._advance_next_nonspace()
        self._advance_offset(marker_end - at, True)
        spaces_start_column, spaces_start_pos = self.column, self.pos
        while True:
            self._advance_offset(1, True)
            if not (self.column - spaces_start_column < 5 and _is_space_or_tab(self._peek())):
                break
        blank_item = self.pos >= len(line)
        spaces_after_marker = self.column - spaces_start_column
        if spaces_after_marker >= 5 or spaces_after_marker < 1 or blank_item:
            padding = marker_end - at + 1
            self.column, self.pos = spaces_start_column, spaces_start_pos
            self.partially_consumed_tab = False
            if _is_space_or_tab(self._peek()):
                self._advance_offset(1, True)
        else:
            padding = marker_end - at + spaces_after_marker
        self._close_unmatched()
        item = self._add_child("item")
        item.marker_offset = marker_offset
        item.padding = padding
        return 1

    def _start_indented_code(self, container: _Block) -> int:
        if self.indented and self.tip.kind not in ("paragraph", "table") and not self.blank:
            self._advance_offset(4, True)
            self._close_unmatched()
            self._add_child("code")
            return 2
        return 0

    # -- reference definitions --------------------------------------------------------
    def _resolve_reference_definitions(self, paragraph: _Block) -> None:
        lines = paragraph.lines
        if not lines or self.src[lines[0][0]:lines[0][0] + 1] != "[":
            return
        content, runs = _content(self.src, lines)
        position = 0
        while position < len(content) and content[position] == "[":
            end = _parse_reference_definition(content, position, self.refs)
            if end is None:
                break
            position = end
        if position == 0:
            return
        # Drop the lines the definitions used (a definition always ends a line).
        consumed = bisect_right([run[0] for run in runs], position - 1)
        if consumed and position < len(content) and runs[consumed - 1][0] + runs[consumed - 1][2] > position:
            consumed -= 1
        del lines[:consumed]

    # -- front matter -------------------------------------------------------------------------
    def _front_matter(self) -> int:
        """Read the front matter; return where the Markdown body starts."""
        src = self.src
        first = _LINE.match(src, 0)
        opener = src[:first.end()].rstrip("\r\n").rstrip(" \t")
        if opener not in ("---", "+++") or first.end() == len(opener):
            return 0
        closers = ("---", "...") if opener == "---" else ("+++",)
        lines = []
        position = first.end()
        n = len(src)
        while position < n:
            match = _LINE.match(src, position)
            full_end = match.end()
            end = full_end
            while end > position and src[end - 1] in "\r\n":
                end -= 1
            if src[position:end].rstrip(" \t") in closers:
                self._front_matter_fields(lines, toml=opener == "+++")
                return full_end
            lines.append((position, end, full_end))
            position = full_end
        return 0  # never closed: not front matter

    def _front_matter_fields(self, lines: list[tuple[int, int, int]], toml: bool) -> None:
        src = self.src
        wanted = self.frontmatter_fields
        index = 0
        while index < len(lines):
            start, end, _ = lines[index]
            index += 1
            if start == end or src[start] in " \t#-":
                continue
            match = (_TOML_KEY if toml else _YAML_KEY).match(src, start, end)
            if match is None:
                continue
            key = next(g for g in match.groups() if g is not None)
            if key not in wanted:
                continue
            scope = f"frontmatter.{key}"
            value = match.end()
            if value >= end:
                continue
            first = src[value]
            if first == '"':
                self._quoted_value(value, end, scope, double=True)
            elif first == "'":
                self._quoted_value(value, end, scope, double=False)
            elif toml:
                continue
            elif first in "|>" and _BLOCK_SCALAR.match(src, value, end):
                index = self._block_scalar(lines, index, scope)
            elif first in "[{&*!%@`" or (first in "-?:" and src[value + 1:value + 2] in ("", " ", "\t")):
                continue
            else:
                index = self._plain_value(lines, index, value, end, scope)

    def _quoted_value(self, start: int, end: int, scope: str, double: bool) -> None:
        src = self.src
        pieces = []  # (kind, a, b, text)
        i = start + 1
        while i < end:
            c = src[i]
            if double and c == "\\" and i + 1 < end:
                code = src[i + 1]
                if code in _HEX_ESCAPE_LENGTH:
                    width = _HEX_ESCAPE_LENGTH[code]
                    digits = src[i + 2:i + 2 + width]
                    if len(digits) == width and all(d in "0123456789abcdefABCDEF" for d in digits):
                        value = int(digits, 16)
                        text = chr(value) if value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else "\ufffd"
                        pieces.append(("decoded", i, i + 2 + width, text))
                        i += 2 + width
                        continue
                pieces.append(("decoded", i, i + 2, _YAML_ESCAPES.get(code, code)))
                i += 2
                continue
            if c == ('"' if double else "'"):
                if not double and src[i + 1:i + 2] == "'":
                    pieces.append(("decoded", i, i + 2, "'"))
                    i += 2
                    continue
                break
            j = i + 1
            while j < end and src[j] not in ('"\\' if double else "'"):
                j += 1
            pieces.append(("verbatim", i, j, None))
            i = j
        else:
            return  # not closed on this line: not read
        self.builder.start_block(scope)
        for kind, a, b, text in pieces:
            if kind == "verbatim":
                self.builder.add(a, b)
            else:
                self.builder.add_decoded(text, a, b)

    def _plain_value(self, lines, index: int, start: int, end: int, scope: str) -> int:
        src = self.src
        segments = [(start, _strip_comment(src, start, end))]
        while index < len(lines):
            line_start, line_end, _ = lines[index]
            text = src[line_start:line_end]
            stripped = text.lstrip(" \t")
            if not stripped or stripped is text or stripped.startswith("#") or len(stripped) == len(text):
                break
            content_start = line_end - len(stripped)
            segments.append((content_start, _strip_comment(src, content_start, line_end)))
            index += 1
        self._emit_segments(segments, scope)
        return index

    def _block_scalar(self, lines, index: int, scope: str) -> int:
        src = self.src
        blocks: list[list[tuple[int, int]]] = [[]]
        indent = None
        while index < len(lines):
            line_start, line_end, _ = lines[index]
            text = src[line_start:line_end]
            stripped = text.lstrip(" ")
            if not stripped.strip():
                index += 1
                if blocks[-1]:
                    blocks.append([])
                continue
            width = len(text) - len(stripped)
            if width == 0 or (indent is not None and width < indent):
                break
            if indent is None:
                indent = width
            content_start = line_start + indent
            end = line_end
            while end > content_start and src[end - 1] in " \t":
                end -= 1
            blocks[-1].append((content_start, end))
            index += 1
        for segments in blocks:
            if segments:
                self._emit_segments(segments, scope)
        return index

    def _emit_segments(self, segments: list[tuple[int, int]], scope: str) -> None:
        """One block of verbatim line pieces, joined by their own line breaks."""
        builder = self.builder
        builder.start_block(scope)
        src = self.src
        for number, (start, end) in enumerate(segments):
            if number:
                previous_end = segments[number - 1][1]
                line_break = previous_end
                while line_break < start and src[line_break] not in "\r\n":
                    line_break += 1
                width = 2 if src.startswith("\r\n", line_break) else 1
                if line_break < start:
                    builder.add(line_break, line_break + width)
                else:
                    builder.add_break(previous_end)
            builder.add(start, end)

    # -- output --------------------------------------------------------------------------
    def _emit(self) -> None:
        stack: list[tuple[_Block, str, int]] = [(self.doc, "body", 0)]
        while stack:
            block, scope, index = stack.pop()
            if index >= len(block.children):
                continue
            stack.append((block, scope, index + 1))
            child = block.children[index]
            kind = child.kind
            if kind == "quote":
                stack.append((child, scope, 0))
            elif kind == "item":
                stack.append((child, "list", 0))
            elif kind == "footnote":
                stack.append((child, "body", 0))
            elif kind == "paragraph":
                self._emit_inline(child.lines, scope)
            elif kind == "heading":
                if child.level == 1 and not self.seen_headline:
                    self.seen_headline = True
                    heading_scope = "headline"
                else:
                    heading_scope = "heading"
                if child.span is not None:
                    lines = [(child.span[0], child.span[1], child.span[1])]
                else:
                    lines = child.lines
                self._emit_inline(lines, heading_scope)
            elif kind == "table":
                self._emit_table(child)
            elif kind == "html" and child.lines:
                self._comments(child.lines[0][0], child.lines[-1][1])
        for directive in sorted(self.directives, key=lambda d: (d.start, d.end)):
            self.builder.add_directive(directive)

    def _comments(self, start: int, end: int) -> None:
        for comment_start, comment_end, body in iter_comments(self.src, start, end, self.comment_finder):
            directive = directive_from_comment(body, comment_start, comment_end)
            if directive is not None:
                self.directives.append(directive)

    def _emit_table(self, table: _Block) -> None:
        src = self.src
        for row_number, (start, end, _) in enumerate(table.lines):
            cells = _split_cells(src, start, end)[:table.columns]
            for cell_start, cell_end in cells:
                self._emit_inline([(cell_start, cell_end, cell_end)], "table")

    def _emit_inline(self, lines: list[tuple[int, int, int]], scope: str) -> None:
        if not lines:
            return
        content, runs = _content(self.src, lines)
        builder = self.builder
        builder.start_block(scope)
        if not content.strip():
            return
        inline = _Inline(content, self.refs, self.footnotes)
        items = inline.parse()
        run_starts = [run[0] for run in runs]

        def source_start(offset: int) -> int:
            run = runs[max(0, bisect_right(run_starts, offset) - 1)]
            return run[1] + min(offset - run[0], run[2])

        def source_end(offset: int) -> int:
            if offset <= 0:
                return runs[0][1]
            run = runs[max(0, bisect_right(run_starts, offset - 1) - 1)]
            return run[1] + min(offset - run[0], run[2])

        def add_verbatim(start: int, end: int) -> None:
            r = bisect_right(run_starts, start) - 1
            last = len(runs) - 1
            while start < end:
                run_content, run_source, run_length = runs[r]
                piece_end = min(end, run_content + run_length)
                if piece_end > start:
                    builder.add(run_source + start - run_content, run_source + piece_end - run_content)
                    start = piece_end
                if r >= last:
                    break
                r += 1

        pending_start = pending_end = -1  # adjacent verbatim items are added in one go
        directives = self.directives
        index = 0
        count = len(items)
        while index < count:
            kind, start, end, text, skip_to = items[index]
            index = skip_to if skip_to else index + 1
            if kind == _T:
                if start < end:
                    if start == pending_end:
                        pending_end = end
                    else:
                        if pending_end > pending_start:
                            add_verbatim(pending_start, pending_end)
                        pending_start, pending_end = start, end
                continue
            if kind == _X:
                continue
            if pending_end > pending_start:
                add_verbatim(pending_start, pending_end)
                pending_start = pending_end = -1
            if kind == _D:
                builder.add_decoded(text, source_start(start), source_end(end))
            elif kind == _P:
                builder.add_placeholder(source_start(start), source_end(end))
            elif kind == _B:
                builder.add_break(source_start(start))
            elif kind == _C:
                directive = directive_from_comment(text, source_start(start), source_end(end))
                if directive is not None:
                    directives.append(directive)
        if pending_end > pending_start:
            add_verbatim(pending_start, pending_end)


def _strip_comment(src: str, start: int, end: int) -> int:
    """The end of a plain YAML scalar on one line: before a `` #`` comment and trailing blanks."""
    comment = src.find(" #", start, end)
    tab_comment = src.find("\t#", start, end)
    if tab_comment >= 0 and (comment < 0 or tab_comment < comment):
        comment = tab_comment
    if comment >= 0:
        end = comment
    while end > start and src[end - 1] in " \t":
        end -= 1
    return end


def _content(src: str, lines: list[tuple[int, int, int]]) -> tuple[str, list[tuple[int, int, int]]]:
    """A block's inline content (its lines joined by their own line breaks, the last
    without one) and its runs: (content offset, source offset, length)."""
    parts = []
    runs = []
    length = 0
    last = len(lines) - 1
    for number, (start, end, full_end) in enumerate(lines):
        stop = end if number == last else full_end
        if stop < start:
            stop = start
        parts.append(src[start:stop])
        runs.append((length, start, stop - start))
        length += stop - start
    return "".join(parts), runs


def _split_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of a table row's cells (trimmed), split at pipes not escaped by a backslash."""
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    if start < end and text[start] == "|":
        start += 1
    if end > start and text[end - 1] == "|" and (end - 2 < start or text[end - 2] != "\\"):
        end -= 1
    cells = []
    cell_start = start
    i = start
    while i < end:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "|":
            cells.append((cell_start, i))
            cell_start = i + 1
        i += 1
    cells.append((cell_start, end))
    trimmed = []
    for a, b in cells:
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t":
            b -= 1
        trimmed.append((a, b))
    return trimmed


def _skip_spaces(text: str, i: int, n: int, newlines: int = 1) -> int:
    """Past spaces and tabs and up to ``newlines`` line breaks."""
    while i < n:
        c = text[i]
        if c == " " or c == "\t":
            i += 1
        elif (c == "\n" or c == "\r") and newlines > 0:
            newlines -= 1
            i += 2 if text.startswith("\r\n", i) else 1
        else:
            break
    return i


def _link_destination(text: str, i: int, n: int) -> int | None:
    """End of a link destination starting at ``i``, or None."""
    limit = min(n, i + MAX_CONSTRUCT)
    if i < n and text[i] == "<":
        j = i + 1
        while j < limit:
            c = text[j]
            if c == ">":
                return j + 1
            if c in "<\r\n":
                return None
            j += 2 if c == "\\" else 1
        return None
    depth = 0
    j = i
    while j < limit:
        c = text[j]
        if c == "\\" and j + 1 < n and text[j + 1] in _ASCII_PUNCTUATION:
            j += 2
            continue
        if c == "(":
            depth += 1
            if depth > 32:
                return None
        elif c == ")":
            if depth == 0:
                break
            depth -= 1
        elif c <= " " or c == "\x7f":
            break
        j += 1
    else:
        if j >= limit and limit < n:
            return None
    if j == i or depth:
        return None
    return j


def _link_title(text: str, i: int, n: int) -> int | None:
    if i >= n:
        return None
    opener = text[i]
    closer = {'"': '"', "'": "'", "(": ")"}.get(opener)
    if closer is None:
        return None
    limit = min(n, i + MAX_CONSTRUCT)
    j = i + 1
    while j < limit:
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if c == closer:
            return j + 1
        if opener == "(" and c == "(":
            return None
        j += 1
    return None


def _parse_reference_definition(content: str, i: int, refs: set[str]) -> int | None:
    """Parse ``[label]: destination "title"`` at ``i``; record the label and return
    the offset after the line it ends on, or None."""
    n = len(content)
    match = _LINK_LABEL.match(content, i)
    if match is None or not content.startswith(":", match.end()) or not match.group(1).strip():
        return None
    j = _skip_spaces(content, match.end() + 1, n)
    destination_end = _link_destination(content, j, n)
    if destination_end is None:
        if content.startswith("<>", j):
            destination_end = j + 2
        else:
            return None
    before_title = destination_end
    k = _skip_spaces(content, destination_end, n)
    end = None
    if k > destination_end and k < n:
        title_end = _link_title(content, k, n)
        if title_end is not None:
            end = _line_end_after(content, title_end, n)
    if end is None:
        end = _line_end_after(content, before_title, n)
    if end is None:
        return None
    refs.add(_normalize_label(match.group(1)))
    return end


def _line_end_after(content: str, i: int, n: int) -> int | None:
    """If only spaces and tabs follow ``i`` on its line, the offset after the line break."""
    while i < n and content[i] in " \t":
        i += 1
    if i >= n:
        return n
    if content[i] == "\r":
        return i + 2 if content.startswith("\r\n", i) else i + 1
    if content[i] == "\n":
        return i + 1
    return None


# =============================================================================
# Inlines
# =============================================================================

# Item kinds: verbatim text, decoded text, placeholder, inserted break, comment (dropped), dropped.
_T, _D, _P, _B, _C, _X = range(6)


class _Delimiter:
    __slots__ = ("item", "char", "count", "original", "can_open", "can_close", "previous", "next")

    def __init__(self, item, char, count, can_open, can_close, previous):
        self.item = item
        self.char = char
        self.count = count
        self.original = count
        self.can_open = can_open
        self.can_close = can_close
        self.previous = previous
        self.next = None


class _Bracket:
    __slots__ = ("item", "start", "image", "bottom")

    def __init__(self, item, start, image, bottom):
        self.item = item
        self.start = start
        self.image = image
        self.bottom = bottom


class _Inline:
    """The inline scanner: turns one block's content into items of prose and not-prose."""

    def __init__(self, content: str, refs: set[str], footnotes: set[str]) -> None:
        self.c = content
        self.n = len(content)
        self.refs = refs
        self.footnotes = footnotes
        #: [kind, start, end, text, skip_to] in content offsets.
        self.items: list[list] = []
        self.top: _Delimiter | None = None
        self.brackets: list[_Bracket] = []
        #: Brackets below this stack height may not open a link (they would hold one).
        self.inactive_below = 0
        self._backtick_runs: dict[int, list[int]] | None = None
        self._finders: dict[str, Finder] = {}

    def _add(self, kind: int, start: int, end: int, text: str | None = None) -> int:
        self.items.append([kind, start, end, text, 0])
        return len(self.items) - 1

    def parse(self) -> list[list]:
        c, n = self.c, self.n
        i = 0
        search = _SPECIAL.search
        while i < n:
            match = search(c, i)
            j = match.start() if match else n
            if j > i:
                self._text(i, j)
            if match is None:
                break
            i = j
            ch = c[i]
            if ch == "\\":
                i = self._backslash(i)
            elif ch == "`":
                i = self._backticks(i)
            elif ch == "*" or ch == "_" or ch == "~":
                i = self._delimiter_run(i)
            elif ch == "[":
                i = self._open_bracket(i)
            elif ch == "!":
                if c.startswith("![", i):
                    index = self._add(_T, i, i + 2)
                    self.brackets.append(_Bracket(index, i, True, self.top))
                    i += 2
                else:
                    self._add(_T, i, i + 1)
                    i += 1
            elif ch == "]":
                i = self._close_bracket(i)
            elif ch == "<":
                i = self._angle(i)
            elif ch == "&":
                i = self._entity(i)
            elif ch == "\r" or ch == "\n":
                end = i + 2 if c.startswith("\r\n", i) else i + 1
                self._add(_T, i, end)
                i = end
                while i < n and c[i] in " \t":  # a continuation line's indentation
                    i += 1
            else:
                i = self._bare_url(i)
        self._process_emphasis(None)
        return self.items

    def _text(self, start: int, end: int) -> None:
        c = self.c
        if end >= self.n or c[end] in "\r\n":
            while end > start and c[end - 1] in " \t":
                end -= 1  # trailing blanks (a hard break's two spaces) are markup
        if end > start:
            self._add(_T, start, end)

    def _finder(self, needle: str) -> Finder:
        finder = self._finders.get(needle)
        if finder is None:
            finder = self._finders[needle] = Finder(self.c, needle)
        return finder

    # -- single constructs ----------------------------------------------------
    def _backslash(self, i: int) -> int:
        c = self.c
        following = c[i + 1] if i + 1 < self.n else ""
        if following and following in _ASCII_PUNCTUATION:
            self._add(_D, i, i + 2, following)
            return i + 2
        if following == "\n" or following == "\r":
            return i + 1  # a hard line break: the backslash is markup
        self._add(_T, i, i + 1)
        return i + 1

    def _backticks(self, i: int) -> int:
        c, n = self.c, self.n
        j = i
        while j < n and c[j] == "`":
            j += 1
        length = j - i
        if self._backtick_runs is None:
            runs: dict[int, list[int]] = {}
            for match in _BACKTICKS.finditer(c):
                runs.setdefault(match.end() - match.start(), []).append(match.start())
            self._backtick_runs = runs
        starts = self._backtick_runs.get(length)
        if starts:
            k = bisect_left(starts, j)
            if k < len(starts):
                end = starts[k] + length
                self._add(_P, i, end)
                return end
        self._add(_T, i, j)
        return j

    def _delimiter_run(self, i: int) -> int:
        c, n = self.c, self.n
        char = c[i]
        j = i
        while j < n and c[j] == char:
            j += 1
        count = j - i
        index = self._add(_T, i, j)
        if char == "~" and count > 2:
            return j
        before = c[i - 1] if i > 0 else "\n"
        after = c[j] if j < n else "\n"
        before_space, after_space = before.isspace(), after.isspace()
        before_punct = not before_space and _is_punctuation(before)
        after_punct = not after_space and _is_punctuation(after)
        left = not after_space and (not after_punct or before_space or before_punct)
        right = not before_space and (not before_punct or after_space or after_punct)
        if char == "_":
            can_open = left and (not right or before_punct)
            can_close = right and (not left or after_punct)
        else:
            can_open, can_close = left, right
        if can_open or can_close:
            delimiter = _Delimiter(index, char, count, can_open, can_close, self.top)
            if self.top is not None:
                self.top.next = delimiter
            self.top = delimiter
        return j

    def _open_bracket(self, i: int) -> int:
        c = self.c
        if c.startswith("[^", i) and self.footnotes:
            match = _FOOTNOTE_REF.match(c, i)
            if match and _normalize_label(match.group(1)) in self.footnotes:
                self._add(_P, i, match.end())  # a footnote marker: not prose, but holds a place
                return match.end()
        index = self._add(_T, i, i + 1)
        self.brackets.append(_Bracket(index, i, False, self.top))
        return i + 1

    def _close_bracket(self, i: int) -> int:
        brackets = self.brackets
        if not brackets:
            self._add(_T, i, i + 1)
            return i + 1
        opener = brackets[-1]
        if not opener.image and len(brackets) - 1 < self.inactive_below:
            brackets.pop()
            self.inactive_below = min(self.inactive_below, len(brackets))
            self._add(_T, i, i + 1)
            return i + 1
        end = self._link_tail(opener, i)
        brackets.pop()
        self.inactive_below = min(self.inactive_below, len(brackets))
        if end is None:
            self._add(_T, i, i + 1)
            return i + 1
        items = self.items
        if opener.image:
            item = items[opener.item]
            item[0], item[1], item[2] = _P, opener.start, end
            item[4] = len(items)  # everything after it, up to here, is inside the image
            self._remove_delimiters_above(opener.bottom)
        else:
            self._process_emphasis(opener.bottom)
            items[opener.item][0] = _X
            self._add(_X, i, end)
            self.inactive_below = len(brackets)
        return end

    def _link_tail(self, opener: _Bracket, i: int) -> int | None:
        """The end of the link or image closed by the ``]`` at ``i``, or None if it is not one."""
        c, n = self.c, self.n
        j = i + 1
        if j < n and c[j] == "(":
            end = self._inline_link(j)
            if end is not None:
                return end
        if j < n and c[j] == "[":
            match = _LINK_LABEL.match(c, j)
            if match is not None:
                label = match.group(1)
                if label.strip():
                    return match.end() if _normalize_label(label) in self.refs else None
                text = c[opener.start + (2 if opener.image else 1):i]
                if len(text) <= 999 and _normalize_label(text) in self.refs:
                    return match.end()
                return None
        if not self.refs:
            return None
        text_start = opener.start + (2 if opener.image else 1)
        if i - text_start > 999:
            return None
        text = c[text_start:i]
        if text.strip() and _normalize_label(text) in self.refs:
            return i + 1
        return None

    def _inline_link(self, j: int) -> int | None:
        c, n = self.c, self.n
        p = _skip_spaces(c, j + 1, n)
        if p < n and c[p] == ")":
            return p + 1
        destination_end = _link_destination(c, p, n)
        if destination_end is None:
            return None
        q = _skip_spaces(c, destination_end, n)
        if q < n and c[q] == ")":
            return q + 1
        if q == destination_end:
            return None
        title_end = _link_title(c, q, n)
        if title_end is None:
            return None
        r = _skip_spaces(c, title_end, n)
        if r < n and c[r] == ")":
            return r + 1
        return None

    def _angle(self, i: int) -> int:
        c, n = self.c, self.n
        limit = min(n, i + MAX_CONSTRUCT)
        match = _AUTOLINK_URI.match(c, i, limit) or _AUTOLINK_EMAIL.match(c, i, limit)
        if match:
            self._add(_P, i, match.end())
            return match.end()
        if c.startswith("<!--", i):
            if c.startswith("<!-->", i) or c.startswith("<!--->", i):
                end = i + (5 if c.startswith("<!-->", i) else 6)
                self._add(_X, i, end)
                return end
            close = self._finder("-->").find(i + 4)
            if close >= 0:
                return self._comment(i, close + 3, c[i + 4:close])
        elif c.startswith("<?", i):
            close = self._finder("?>").find(i + 2)
            if close >= 0:
                self._add(_X, i, close + 2)
                return close + 2
        elif c.startswith("<![CDATA[", i):
            close = self._finder("]]>").find(i + 9)
            if close >= 0:
                self._add(_X, i, close + 3)
                return close + 3
        elif c.startswith("<!", i) and i + 2 < n and c[i + 2].isascii() and c[i + 2].isalpha():
            close = self._finder(">").find(i + 2)
            if close >= 0:
                self._add(_X, i, close + 1)
                return close + 1
        else:
            match = _RAW_OPEN_TAG.match(c, i, limit) or _RAW_CLOSE_TAG.match(c, i, limit)
            if match:
                name = match.group(1).lower()
                if name == "img" and match.group().startswith("<img"):
                    self._add(_P, i, match.end())
                else:
                    self._add(_X, i, match.end())
                    following = match.end()
                    while following < n and c[following] in " \t":
                        following += 1
                    if name == "br" and not match.group().startswith("</") \
                            and not (following < n and c[following] in "\r\n"):
                        self._add(_B, i, i)
                return match.end()
        self._add(_T, i, i + 1)
        return i + 1

    def _comment(self, start: int, end: int, body: str) -> int:
        """Drop a comment so that it leaves no doubled or trailing blank behind."""
        c, n = self.c, self.n
        self._add(_C, start, end, body)
        if end >= n or c[end] in "\r\n":
            previous = self.items[-2] if len(self.items) > 1 else None
            if previous is not None and previous[0] == _T and previous[2] == start:
                while previous[2] > previous[1] and c[previous[2] - 1] in " \t":
                    previous[2] -= 1
        elif c[end] in " \t" and (start == 0 or c[start - 1] in " \t\r\n"):
            while end < n and c[end] in " \t":
                end += 1
        return end

    def _entity(self, i: int) -> int:
        match = _ENTITY.match(self.c, i)
        if match:
            hex_digits, digits, name = match.groups()
            if name is not None:
                text = _HTML5.get(name + ";")
            else:
                value = int(hex_digits, 16) if hex_digits is not None else int(digits)
                text = chr(value) if 0 < value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else "\ufffd"
            if text is not None:
                self._add(_D, i, match.end(), text)
                return match.end()
        self._add(_T, i, i + 1)
        return i + 1

    def _bare_url(self, i: int) -> int:
        c = self.c
        previous = c[i - 1] if i > 0 else " "
        match = None
        if previous.isspace() or previous in "*_~(":
            match = _BARE_URL.match(c, i)
        if match is None:
            self._add(_T, i, i + 1)
            return i + 1
        end = match.end()
        opens = c.count("(", i, end)
        closes = c.count(")", i, end)
        while end > i:
            last = c[end - 1]
            if last in "?!.,:*_~'\"":
                end -= 1
            elif last == ")" and closes > opens:
                end -= 1
                closes -= 1
            elif last == ";":
                entity = _ENTITY_AT_END.search(c, i, end)
                if entity is None:
                    break
                end = entity.start()
            else:
                break
        self._add(_P, i, end)
        return end

    # -- emphasis ---------------------------------------------------------------------
    def _remove(self, delimiter: _Delimiter) -> None:
        if delimiter.previous is not None:
            delimiter.previous.next = delimiter.next
        if delimiter.next is not None:
            delimiter.next.previous = delimiter.previous
        else:
            self.top = delimiter.previous
        delimiter.previous = delimiter.next = None

    def _remove_delimiters_above(self, bottom: _Delimiter | None) -> None:
        while self.top is not None and self.top is not bottom:
            self._remove(self.top)

    def _process_emphasis(self, bottom: _Delimiter | None) -> None:
        """The spec's "process emphasis": pair delimiter runs above ``bottom``; paired
        markers are dropped from the prose, unpaired ones stay as text."""
        closer = self.top
        first = None
        while closer is not None and closer is not bottom:
            first = closer
            closer = closer.previous
        closer = first
        openers_bottom: dict[tuple, _Delimiter | None] = {}
        items = self.items
        while closer is not None:
            if not closer.can_close:
                closer = closer.next
                continue
            char = closer.char
            key = (char, closer.count) if char == "~" else (char, closer.can_open, closer.original % 3)
            floor = openers_bottom.get(key, bottom)
            opener = closer.previous
            found = False
            while opener is not None and opener is not bottom and opener is not floor:
                if opener.char == char and opener.can_open:
                    if char == "~":
                        found = opener.count == closer.count
                    else:
                        odd = ((opener.can_close or closer.can_open)
                               and (opener.original + closer.original) % 3 == 0
                               and not (opener.original % 3 == 0 and closer.original % 3 == 0))
                        found = not odd
                    if found:
                        break
                opener = opener.previous
            if found:
                used = closer.count if char == "~" else (2 if opener.count >= 2 and closer.count >= 2 else 1)
                opener.count -= used
                closer.count -= used
                items[opener.item][2] -= used
                items[closer.item][1] += used
                between = closer.previous
                while between is not None and between is not opener:
                    earlier = between.previous
                    self._remove(between)
                    between = earlier
                if opener.count == 0:
                    self._remove(opener)
                if closer.count == 0:
                    following = closer.next
                    self._remove(closer)
                    closer = following
            else:
                following = closer.next
                openers_bottom[key] = closer.previous
                if not closer.can_open:
                    self._remove(closer)
                closer = following
        self._remove_delimiters_above(bottom)


@hookimpl
def newslint_parsers():
    return [MarkdownParser()]
