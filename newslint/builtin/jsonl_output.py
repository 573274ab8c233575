"""The JSON Lines format: one JSON object per line, for streaming and ``grep``/``jq`` pipelines.

A finding is ``{"type": "finding", ...}`` with exactly the fields of a finding
in the ``json`` format; a file that could not be checked is
``{"type": "error", "path": ..., "message": ...}``. No summary line: count the
lines. A clean run prints nothing.
"""

from __future__ import annotations

import json

from newslint import hookimpl
from newslint.findings import Report
from newslint.reporter import ReportContext, Reporter


#: Line separators that JSON allows raw in strings but ``str.splitlines`` (and some readers) split on.
_SEPARATORS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def _line(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False).translate(_SEPARATORS) + "\n"


class JsonLinesReporter(Reporter):
    name = "jsonl"
    summary = "one JSON object per line: each finding (\"type\": \"finding\") and each error (\"type\": \"error\")"

    def render(self, report: Report, context: ReportContext) -> str:
        lines = [_line({"type": "finding", **finding.to_dict()}) for finding in report.findings]
        lines.extend(_line({"type": "error", **error.to_dict()}) for error in report.errors)
        return "".join(lines)


@hookimpl
def newslint_reporters():
    return [JsonLinesReporter()]
