"""A self-contained HTML page: each article with its problems highlighted in place.

No network requests, scripts or external styles (a Content-Security-Policy
forbids them); everything is escaped. Each flagged stretch of text is a
``<mark>`` with ``data-findings`` (the ids of the findings covering it; overlapping
findings split the text into stretches), ``data-rule``, ``data-severity``,
``data-message`` and a ``title`` shown on hover; clicking it jumps to the
finding in the list under the article (rule, message, suggestion). A summary
table counts findings per file and rule.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from newslint import __version__, hookimpl
from newslint.builtin.text_output import summary_line
from newslint.findings import SEVERITY_RANK, Finding, Report
from newslint.fingerprints import span_offsets
from newslint.reporter import ReportContext, Reporter

_STYLE = """
:root { color-scheme: light dark; --err: #d1242f; --warn: #bf8700; --info: #0969da; --muted: #6e7781; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 72rem;
       padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2.5rem; word-break: break-all; }
table { border-collapse: collapse; margin: 1rem 0; } th, td { border: 1px solid #8884; padding: .25rem .6rem;
  text-align: left; vertical-align: top; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.source { font: 14px/1.6 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; border: 1px solid #8884;
  border-radius: 6px; padding: .5rem 0; overflow-x: auto; }
.line { white-space: pre-wrap; overflow-wrap: anywhere; padding: 0 .75rem 0 4.5rem; text-indent: -3.75rem; }
.line::before { content: attr(data-line); display: inline-block; width: 3rem; margin-right: .75rem;
  text-align: right; color: var(--muted); text-indent: 0; user-select: none; }
.line.flagged { background: #8881; }
mark { background: #f5c51855; color: inherit; border-bottom: 2px solid var(--warn); border-radius: 2px;
  cursor: pointer; }
mark.sev-error { background: #d1242f33; border-bottom-color: var(--err); }
mark.sev-info { background: #0969da22; border-bottom-color: var(--info); }
mark.overlap { background: #e3660055; box-shadow: inset 0 -4px 0 #d1242f55; }
mark.point::after { content: "\\2038"; color: var(--err); font-weight: bold; }
a.hl { color: inherit; text-decoration: none; }
.sev { font-weight: 600; } .sev.error { color: var(--err); } .sev.warning { color: var(--warn); }
.sev.info { color: var(--info); }
ol.findings li { margin: .3rem 0; } ol.findings li:target { background: #f5c51840; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.muted { color: var(--muted); } .clean { color: #1a7f37; }
"""


def _e(value) -> str:
    return escape(str(value), quote=True)


def _describe(finding: Finding) -> str:
    text = f"{finding.rule} ({finding.severity}): {finding.message}"
    if finding.suggestions:
        text += "\nSuggestion: " + " / ".join(finding.suggestions)
    return text


class HtmlReporter(Reporter):
    name = "html"
    summary = "one self-contained HTML page: each article with its problems highlighted in place"

    def render(self, report: Report, context: ReportContext) -> str:
        numbered = list(enumerate(report.findings, 1))
        by_path: dict[str, list[tuple[int, Finding]]] = {}
        for number, finding in numbered:
            by_path.setdefault(finding.path, []).append((number, finding))
        parts = ['<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
                 '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
                 'style-src \'unsafe-inline\'; img-src data:; form-action \'none\'; base-uri \'none\'">\n',
                 '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
                 f'<meta name="generator" content="newslint {_e(__version__)}">\n',
                 '<title>newslint report</title>\n<style>', _STYLE, '</style>\n</head>\n<body>\n',
                 '<h1>newslint report</h1>\n', f'<p id="summary-line">{_e(summary_line(report))}</p>\n']
        file_ids = {path: f"file-{n}" for n, path in enumerate(by_path, 1)}
        parts.append(self._summary(report, context, by_path, file_ids))
        for path, items in by_path.items():
            parts.append(self._file(path, items, context, file_ids[path]))
        if report.errors:
            parts.append('<section id="errors">\n<h2>Files that could not be checked</h2>\n<ul>\n')
            parts.extend(f'<li><code>{_e(e.path)}</code>: {_e(e.message)}</li>\n' for e in report.errors)
            parts.append('</ul>\n</section>\n')
        parts.append('</body>\n</html>\n')
        return "".join(parts)

    def _summary(self, report: Report, context: ReportContext, by_path, file_ids) -> str:
        rows = ['<section id="summary">\n<h2>Summary</h2>\n<table class="summary">\n<thead><tr><th>File</th>'
                '<th>Rule</th><th>Severity</th><th>Findings</th></tr></thead>\n<tbody>\n']
        for path, items in by_path.items():
            counts = Counter((f.rule, f.severity) for _, f in items)
            ordered = sorted(counts.items(), key=lambda kv: (-SEVERITY_RANK.get(kv[0][1], 0), kv[0][0]))
            for row, ((rule, severity), count) in enumerate(ordered):
                cell = (f'<td rowspan="{len(ordered)}"><a href="#{file_ids[path]}"><code>{_e(path)}</code></a>'
                        f'</td>') if row == 0 else ""
                rows.append(f'<tr>{cell}<td><code>{_e(rule)}</code></td>'
                            f'<td><span class="sev {_e(severity)}">{_e(severity)}</span></td>'
                            f'<td class="n">{count}</td></tr>\n')
        clean = [p for p in context.checked if p not in by_path and p not in {e.path for e in report.errors}]
        for path in clean:
            rows.append(f'<tr><td><code>{_e(path)}</code></td><td colspan="3" class="clean">no problems</td>'
                        f'</tr>\n')
        rows.append('</tbody>\n</table>\n')
        totals = Counter(f.rule for f in report.findings)
        if totals:
            rows.append('<table class="totals">\n<thead><tr><th>Rule</th><th>Findings</th><th>Files</th>'
                        '</tr></thead>\n<tbody>\n')
            files_per_rule = Counter(rule for items in by_path.values() for rule in {f.rule for _, f in items})
            for rule, count in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])):
                rows.append(f'<tr><td><code>{_e(rule)}</code></td><td class="n">{count}</td>'
                            f'<td class="n">{files_per_rule[rule]}</td></tr>\n')
            rows.append('</tbody>\n</table>\n')
        rows.append('</section>\n')
        return "".join(rows)

    def _file(self, path: str, items: list[tuple[int, Finding]], context: ReportContext, file_id: str) -> str:
        parts = [f'<section class="file" id="{file_id}" data-path="{_e(path)}">\n<h2><code>{_e(path)}</code> '
                 f'<span class="muted">({len(items)} problem{"s" if len(items) != 1 else ""})</span></h2>\n']
        index = context.lines(path)
        anchored: set[int] = set()
        if index is not None:
            parts.append(self._source(index, items, anchored))
        parts.append('<ol class="findings">\n')
        for number, finding in items:
            back = (f' <a href="#m-{number}" class="muted">(in the text)</a>' if number in anchored else "")
            suggestion = ""
            if finding.suggestions:
                suggestion = (' — suggestion: ' + " / ".join(f"<q>{_e(s)}</q>" for s in finding.suggestions))
            fix = ""
            if finding.fix is not None:
                fix = f' <span class="muted">[{"safe" if finding.fix.safe else "unsafe"} fix]</span>'
            parts.append(f'<li id="f-{number}" data-finding="{number}" data-rule="{_e(finding.rule)}" '
                         f'data-line="{finding.line}" data-column="{finding.column}" '
                         f'data-end-line="{finding.end_line}" data-end-column="{finding.end_column}">'
                         f'<code>{finding.line}:{finding.column}</code> '
                         f'<span class="sev {_e(finding.severity)}">{_e(finding.severity)}</span> '
                         f'<code>{_e(finding.rule)}</code> {_e(finding.message)}{suggestion}{fix}{back}</li>\n')
        parts.append('</ol>\n</section>\n')
        return "".join(parts)

    def _source(self, index, items: list[tuple[int, Finding]], anchored: set[int]) -> str:
        spans = []
        for number, finding in items:
            start, end = span_offsets(index, finding)
            spans.append((start, max(start, end), number, finding))
        text = index.text
        out = ['<div class="source">\n']
        for line in range(1, index.line_count + 1):
            line_start, line_end = index.line_span(line)
            if line == index.line_count and line_start == line_end == len(text) and line > 1:
                break  # the empty "line" after a final line break
            here = [s for s in spans if (s[0] < line_end and s[1] > line_start)
                    or (s[0] == s[1] and line_start <= s[0] <= line_end)]
            if not here:
                out.append(f'<div class="line" data-line="{line}">{_e(text[line_start:line_end])}</div>\n')
                continue
            cuts = {line_start, line_end}
            for start, end, _, _ in here:
                cuts.update(min(max(p, line_start), line_end) for p in (start, end))
            cuts = sorted(cuts)
            pieces = []
            for position in cuts:  # zero-length findings: a point marker
                for start, end, number, finding in here:
                    if start == end == position:
                        pieces.append(self._mark(position, position, [(number, finding)], "", anchored))
                if position == line_end:
                    break
                following = cuts[cuts.index(position) + 1]
                segment = text[position:following]
                covering = [(n, f) for s, e, n, f in here if s < e and s <= position and e >= following]
                pieces.append(self._mark(position, following, covering, segment, anchored) if covering
                              else _e(segment))
            out.append(f'<div class="line flagged" data-line="{line}">{"".join(pieces)}</div>\n')
        out.append('</div>\n')
        return "".join(out)

    @staticmethod
    def _mark(start: int, end: int, covering: list[tuple[int, Finding]], segment: str, anchored: set[int]) -> str:
        # The most severe finding, then the innermost (latest start), colours the stretch and takes the click.
        primary_number, primary = max(covering, key=lambda nf: (SEVERITY_RANK.get(nf[1].severity, 0),
                                                                nf[1].line, nf[1].column))
        ids = [n for n, _ in covering]
        new = [n for n in ids if n not in anchored]
        anchored.update(new)
        id_attribute = f' id="m-{new[0]}"' if new else ""
        extra = "".join(f'<span id="m-{n}"></span>' for n in new[1:])
        title = "\n\n".join(_describe(f) for _, f in covering)
        point = " point" if start == end else ""
        point += " overlap" if len(covering) > 1 else ""
        return (f'{extra}<a class="hl" href="#f-{primary_number}"><mark{id_attribute} class="sev-{_e(primary.severity)}'
                f'{point}" data-findings="{" ".join(map(str, ids))}" data-rule="{_e(primary.rule)}" '
                f'data-severity="{_e(primary.severity)}" data-message="{_e(primary.message)}" '
                f'title="{_e(title)}">{_e(segment)}</mark></a>')


@hookimpl
def newslint_reporters():
    return [HtmlReporter()]
