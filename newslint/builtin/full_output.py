"""The full format: each finding with its source line and a caret line under the flagged words.

Colour only on a terminal, and never when ``NO_COLOR`` is set to anything
non-empty (https://no-color.org). Long lines (a paragraph is often one line)
are cut to a window around the flagged words.
"""

from __future__ import annotations

import os
import unicodedata

from newslint import hookimpl
from newslint.builtin.text_output import summary_line
from newslint.findings import Finding, Report
from newslint.fingerprints import span_offsets
from newslint.reporter import ReportContext, Reporter

#: Characters of a long line shown around the flagged words.
WINDOW = 100
_COLOURS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def use_colour(context: ReportContext) -> bool:
    return context.tty and not os.environ.get("NO_COLOR")


def _width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _printable(text: str) -> str:
    """Tabs as four spaces, other control characters as U+FFFD, so carets line up."""
    return "".join("    " if c == "\t" else "\ufffd" if ord(c) < 32 or ord(c) == 127 else c for c in text)


def _window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """A slice of ``line`` around [start, end) at most about WINDOW characters wide, with ellipses."""
    if len(line) <= WINDOW:
        return line, start, end
    span = end - start
    left = max(0, start - max(10, (WINDOW - span) // 2))
    right = min(len(line), max(end + 10, left + WINDOW))
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    return prefix + line[left:right] + suffix, start - left + len(prefix), end - left + len(prefix)


class FullReporter(Reporter):
    name = "full"
    summary = "each finding with its source line and carets under the flagged words, then a summary"

    def render(self, report: Report, context: ReportContext) -> str:
        colour = use_colour(context)
        blocks = [self._finding(f, context, colour) for f in report.findings]
        blocks.extend(f"{e.path}: error: {e.message}\n" for e in report.errors)
        blocks.append(summary_line(report) + "\n")
        return "\n".join(blocks)

    def _finding(self, finding: Finding, context: ReportContext, colour: bool) -> str:
        def paint(code: str, text: str) -> str:
            return f"{code}{text}{_RESET}" if colour else text

        sev = paint(_COLOURS.get(finding.severity, _BOLD), finding.severity)
        head = (f"{paint(_BOLD, f'{finding.path}:{finding.line}:{finding.column}:')} {sev} "
                f"{paint(_DIM, finding.rule)} {finding.message}")
        out = [head]
        index = context.lines(finding.path)
        if index is not None and 1 <= finding.line <= index.line_count:
            line_start, line_end = index.line_span(finding.line)
            start, end = span_offsets(index, finding)
            text = index.text[line_start:line_end]
            rel_start = min(start - line_start, len(text))
            rel_end = min(max(end, start) - line_start, len(text))
            shown, a, b = _window(text, rel_start, rel_end)
            shown = _printable(shown[:a]), _printable(shown[a:b]), _printable(shown[b:])
            number = str(finding.line)
            gutter = " " * len(number)
            pad = " " * sum(_width(c) for c in shown[0])
            carets = "^" * max(1, sum(_width(c) for c in shown[1]))
            note = ""
            if finding.end_line > finding.line and not (finding.end_line == finding.line + 1
                                                        and finding.end_column == 1):
                note = f" (continues to line {finding.end_line})"
            out.append(f"{paint(_DIM, gutter + ' |')}")
            out.append(f"{paint(_DIM, number + ' |')} {shown[0]}{paint(_COLOURS.get(finding.severity, ''), shown[1]) if colour else shown[1]}{shown[2]}")
            out.append(f"{paint(_DIM, gutter + ' |')} {pad}{paint(_COLOURS.get(finding.severity, _BOLD), carets)}{note}")
            tail = gutter + " ="
        else:
            tail = "  ="
        if finding.suggestions:
            out.append(f"{paint(_DIM, tail)} suggestion: {' / '.join(finding.suggestions)}")
        if finding.fix is not None:
            out.append(f"{paint(_DIM, tail)} fix: {'safe (newslint check --fix)' if finding.fix.safe else 'unsafe (--fix --unsafe-fixes)'}")
        return "\n".join(out) + "\n"


@hookimpl
def newslint_reporters():
    return [FullReporter()]
