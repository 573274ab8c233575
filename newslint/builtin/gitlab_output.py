"""GitLab Code Quality: a JSON array of issues for the merge-request widget.

``check_name`` is the rule id, and the description starts with it too (GitLab
does not show check_name). Severity info → info, warning → minor, error →
major. The fingerprint hashes the rule, path and the flagged words in context
plus an occurrence index (``newslint/fingerprints.py``): it leaves out the
line number, so it survives edits above the finding, and it is distinct for
every finding (GitLab collapses entries that share one). A file that could not
be checked is an entry with check_name ``newslint/file-error``, severity
``critical``. UTF-8, no BOM.
"""

from __future__ import annotations

import hashlib
import json

from newslint import hookimpl
from newslint.findings import Report
from newslint.fingerprints import normal_path, occurrence_fingerprints
from newslint.reporter import ReportContext, Reporter

SEVERITIES = {"info": "info", "warning": "minor", "error": "major"}
FILE_ERROR = "newslint/file-error"


def code_quality(report: Report, context: ReportContext) -> list[dict]:
    entries = []
    for finding, (value, occurrence) in zip(report.findings,
                                            occurrence_fingerprints(report.findings, context.lines)):
        description = f"{finding.rule}: {finding.message}"
        if finding.suggestions:
            description += f" (suggestion: {' / '.join(finding.suggestions)})"
        entries.append({
            "type": "issue",
            "description": description,
            "check_name": finding.rule,
            "fingerprint": f"{value}-{occurrence}",
            "severity": SEVERITIES.get(finding.severity, "minor"),
            "categories": ["Style"],
            "location": {"path": normal_path(finding.path),
                         "lines": {"begin": finding.line, "end": max(finding.end_line, finding.line)}},
        })
    for error in report.errors:
        digest = hashlib.sha256(f"{FILE_ERROR}\x1f{normal_path(error.path)}".encode("utf-8", "surrogatepass"))
        entries.append({
            "type": "issue",
            "description": f"{FILE_ERROR}: could not be checked: {error.message}",
            "check_name": FILE_ERROR,
            "fingerprint": digest.hexdigest()[:32],
            "severity": "critical",
            "categories": ["Bug Risk"],
            "location": {"path": normal_path(error.path), "lines": {"begin": 1}},
        })
    return entries


class GitlabReporter(Reporter):
    name = "gitlab"
    summary = "GitLab Code Quality JSON (the merge-request widget's codequality report)"

    def render(self, report: Report, context: ReportContext) -> str:
        return json.dumps(code_quality(report, context), ensure_ascii=False, indent=2) + "\n"


@hookimpl
def newslint_reporters():
    return [GitlabReporter()]
