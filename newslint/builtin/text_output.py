"""The concise text format: one line per finding, then a summary."""

from __future__ import annotations

from newslint import hookimpl
from newslint.findings import Report
from newslint.reporter import ReportContext, Reporter


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(report: Report) -> str:
    counts = report.by_severity()
    if not report.findings:
        text = f"No problems found in {_plural(report.files, 'file')}."
    else:
        parts = [_plural(counts[s], s if s != "info" else "info") for s in ("error", "warning")
                 if counts[s]]
        if counts["info"]:
            parts.append(f"{counts['info']} info")
        text = (f"Found {_plural(len(report.findings), 'problem')} ({', '.join(parts)}) "
                f"in {_plural(report.files, 'file')}.")
    if report.errors:
        text += f" {_plural(len(report.errors), 'file')} could not be checked."
    return text


class TextReporter(Reporter):
    name = "text"
    summary = "path:line:col: severity rule-id message, one line each, then a summary"

    def render(self, report: Report, context: ReportContext) -> str:
        lines = [f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}"
                 for f in report.findings]
        lines.extend(f"{e.path}: error: {e.message}" for e in report.errors)
        lines.append(summary_line(report))
        return "\n".join(lines) + "\n"


@hookimpl
def newslint_reporters():
    return [TextReporter()]
