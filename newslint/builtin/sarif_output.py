"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers (see docs/output-formats.md).

One run; the driver lists every loaded rule (plus the engine's own
``newslint/...`` rules when they fire) with its documentation; each result
points at a relative, forward-slash URI and carries a fingerprint of the
flagged words in context (``newslint/fingerprints.py``), not of the line
number, so an alert keeps its identity when text above it moves.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import quote

from newslint import __version__, hookimpl
from newslint.findings import Finding, Report
from newslint.fingerprints import flagged_text, normal_path, occurrence_fingerprints
from newslint.reporter import ReportContext, Reporter

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/newslint/newslint"
RULES_DOC_URI = "https://github.com/newslint/newslint/blob/main/docs/rules.md"
FINGERPRINT_KEY = "newslintContextHash/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}

#: Rules the engine itself reports (not contributed by a plugin).
ENGINE_RULES = {
    "newslint/unknown-rule-in-comment": ("UnknownRuleInComment",
                                         "A newslint comment names a rule or plugin that does not exist"),
    "newslint/unused-disable": ("UnusedDisable", "A newslint-disable comment that silences nothing"),
}


def relative_uri(path: str) -> str:
    """A URI reference for ``path``: relative with forward slashes, or a file: URI when absolute."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    posix = normal_path(path.replace(os.sep, "/"))
    # ':' is escaped so that a first segment such as "a:b" cannot read as a scheme.
    return quote(posix, safe="/-._~!$&'()*+,;=@")


def rule_anchor(rule_id: str) -> str:
    """The GitHub anchor of a rule's heading in docs/rules.md (as newslint.docs writes it)."""
    return re.sub(r"[^\w\- ]", "", rule_id.lower()).replace(" ", "-")


def _pascal(rule_id: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", rule_id.split("/")[-1]) if part)


def _first_paragraph(text: str) -> str:
    paragraph = text.strip().split("\n\n", 1)[0]
    return " ".join(paragraph.split())


def rule_descriptor(rule_id: str, registry) -> dict:
    rule = registry.rules.get(rule_id) if registry is not None else None
    if rule is None:
        name, summary = ENGINE_RULES.get(rule_id, (_pascal(rule_id) or "Rule", rule_id))
        return {"id": rule_id, "name": name, "shortDescription": {"text": summary},
                "fullDescription": {"text": summary},
                "defaultConfiguration": {"level": "warning"},
                "properties": {"tags": [rule_id.split("/", 1)[0]]}}
    from newslint.docs import rule_markdown

    documentation = rule.documentation()
    markdown = rule_markdown(rule)
    descriptor = {
        "id": rule.id,
        "name": rule.__name__ if rule.__name__ and rule.__name__[0].isupper() else _pascal(rule.id),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _first_paragraph(documentation) or rule.summary},
        "help": {"text": documentation or rule.summary, "markdown": markdown},
        "helpUri": f"{RULES_DOC_URI}#{rule_anchor(rule.id)}",
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"tags": [rule.plugin()], "fix": rule.fix or "none"},
    }
    return descriptor


def _region(line: int, column: int, end_line: int, end_column: int) -> dict:
    end_line = max(end_line, line)
    if end_line == line:
        end_column = max(end_column, column)
    return {"startLine": max(line, 1), "startColumn": max(column, 1),
            "endLine": max(end_line, 1), "endColumn": max(end_column, 1)}


def _location(finding: Finding, context: ReportContext) -> dict:
    region = _region(finding.line, finding.column, finding.end_line, finding.end_column)
    index = context.lines(finding.path)
    if index is not None:
        region["snippet"] = {"text": flagged_text(index, finding)}
    return {"physicalLocation": {"artifactLocation": {"uri": relative_uri(finding.path),
                                                      "uriBaseId": "%SRCROOT%"},
                                 "region": region}}


def _message(finding: Finding) -> str:
    text = finding.message
    if finding.suggestions:
        text += " (suggestion: " + " / ".join(finding.suggestions) + ")"
    return text


def _fixes(finding: Finding) -> list[dict]:
    if finding.fix is None:
        return []
    return [{"description": {"text": "safe fix (newslint check --fix)" if finding.fix.safe
                             else "unsafe fix (newslint check --fix --unsafe-fixes)"},
             "artifactChanges": [{"artifactLocation": {"uri": relative_uri(finding.path),
                                                       "uriBaseId": "%SRCROOT%"},
                                  "replacements": [{"deletedRegion": _region(e.line, e.column, e.end_line,
                                                                             e.end_column),
                                                    "insertedContent": {"text": e.text}}
                                                   for e in finding.fix.edits]}]}]


def sarif_log(report: Report, context: ReportContext) -> dict:
    registry = context.registry
    rule_ids = list(registry.rules) if registry is not None else []
    for finding in report.findings:
        if finding.rule not in rule_ids:
            rule_ids.append(finding.rule)
    rules = [rule_descriptor(rule_id, registry) for rule_id in rule_ids]
    rule_index = {rule_id: number for number, rule_id in enumerate(rule_ids)}
    fingerprints = occurrence_fingerprints(report.findings, context.lines)
    results = []
    for finding, (value, occurrence) in zip(report.findings, fingerprints):
        result = {
            "ruleId": finding.rule,
            "ruleIndex": rule_index[finding.rule],
            "level": LEVELS.get(finding.severity, "warning"),
            "message": {"text": _message(finding)},
            "locations": [_location(finding, context)],
            "partialFingerprints": {FINGERPRINT_KEY: f"{value}:{occurrence}"},
        }
        fixes = _fixes(finding)
        if fixes:
            result["fixes"] = fixes
        if finding.suggestions:
            result["properties"] = {"suggestions": list(finding.suggestions)}
        results.append(result)
    notifications = [{"level": "error", "message": {"text": error.message},
                      "locations": [{"physicalLocation": {"artifactLocation": {
                          "uri": relative_uri(error.path), "uriBaseId": "%SRCROOT%"}}}]}
                     for error in report.errors]
    root = Path(os.getcwd()).as_uri().rstrip("/") + "/"
    run = {
        "tool": {"driver": {"name": "newslint", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI, "rules": rules}},
        "invocations": [{"executionSuccessful": not report.errors,
                         "toolExecutionNotifications": notifications}],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


class SarifReporter(Reporter):
    name = "sarif"
    summary = "SARIF 2.1.0 (GitHub code scanning and other SARIF viewers)"

    def render(self, report: Report, context: ReportContext) -> str:
        return json.dumps(sarif_log(report, context), ensure_ascii=False, indent=2) + "\n"


@hookimpl
def newslint_reporters():
    return [SarifReporter()]
