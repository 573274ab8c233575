"""The JSON format: the stable contract described in docs/json.md."""

from __future__ import annotations

import json

from newslint import hookimpl
from newslint.findings import Report
from newslint.reporter import ReportContext, Reporter


class JsonReporter(Reporter):
    name = "json"
    summary = "one JSON object: version, findings, errors, summary (a stable contract)"

    def render(self, report: Report, context: ReportContext) -> str:
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


@hookimpl
def newslint_reporters():
    return [JsonReporter()]
