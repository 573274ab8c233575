"""GitHub Actions workflow commands: one ``::warning file=...::message`` line per finding.

GitHub turns each line into an annotation on the pull request's changed files.
Severity error → ``::error``, warning → ``::warning``, info → ``::notice``.
Escaping as GitHub's runner expects: in the message ``%`` → ``%25``, CR →
``%0D``, LF → ``%0A``; in property values also ``:`` → ``%3A`` and ``,`` → ``%2C``.
"""

from __future__ import annotations

from newslint import hookimpl
from newslint.fingerprints import normal_path
from newslint.findings import Finding, Report
from newslint.reporter import ReportContext, Reporter

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding) -> str:
    properties = [("file", normal_path(finding.path)), ("line", str(finding.line)),
                  ("endLine", str(max(finding.end_line, finding.line))), ("col", str(finding.column)),
                  ("endColumn", str(finding.end_column)), ("title", finding.rule)]
    message = finding.message
    if finding.suggestions:
        message += "\nSuggestion: " + " / ".join(finding.suggestions)
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS.get(finding.severity, 'warning')} {props}::{escape_data(message)}"


class GithubReporter(Reporter):
    name = "github"
    summary = "GitHub Actions workflow commands (annotations on the pull request)"

    def render(self, report: Report, context: ReportContext) -> str:
        lines = [command(finding) for finding in report.findings]
        lines.extend(f"::error file={escape_property(normal_path(e.path))},title=newslint::"
                     f"{escape_data('could not be checked: ' + e.message)}" for e in report.errors)
        return "".join(line + "\n" for line in lines)


@hookimpl
def newslint_reporters():
    return [GithubReporter()]
