"""JUnit XML, which Jenkins, GitLab, Azure DevOps and most CI systems render as test results.

One ``<testsuite>`` per checked file; one ``<testcase>`` per finding, failing
with ``<failure message="MESSAGE" type="RULE">path:line:col: ...</failure>``;
a clean file gets one passing testcase; a file that could not be checked gets
one testcase with an ``<error>``. Characters XML 1.0 cannot carry become U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from newslint import hookimpl
from newslint.findings import Report
from newslint.reporter import ReportContext, Reporter

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids (most control characters) replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _element(parent, tag: str, **attributes) -> ET.Element:
    return ET.SubElement(parent, tag, {k: clean(str(v)) for k, v in attributes.items()})


def junit_tree(report: Report, context: ReportContext) -> ET.Element:
    by_path: dict[str, list] = {}
    for path in context.checked:
        by_path.setdefault(path, [])
    for finding in report.findings:
        by_path.setdefault(finding.path, []).append(finding)
    errors: dict[str, list] = {}
    for error in report.errors:
        errors.setdefault(error.path, []).append(error)
        by_path.setdefault(error.path, [])
    root = ET.Element("testsuites", {"name": "newslint"})
    total_tests = total_failures = total_errors = 0
    for path, findings in by_path.items():
        file_errors = errors.get(path, [])
        tests = max(1, len(findings) + len(file_errors))
        suite = _element(root, "testsuite", name=path, tests=tests, failures=len(findings),
                         errors=len(file_errors), skipped=0)
        for finding in findings:
            location = f"{finding.path}:{finding.line}:{finding.column}"
            case = _element(suite, "testcase", name=f"{finding.rule} at {location}", classname=path,
                            file=path, line=finding.line)
            failure = _element(case, "failure", message=finding.message, type=finding.rule)
            body = f"{location}: {finding.severity} {finding.rule} {finding.message}"
            if finding.suggestions:
                body += "\nSuggestion: " + " / ".join(finding.suggestions)
            failure.text = clean(body)
        for error in file_errors:
            case = _element(suite, "testcase", name="newslint could check the file", classname=path, file=path)
            element = _element(case, "error", message=error.message, type="newslint/file-error")
            element.text = clean(f"{error.path}: {error.message}")
        if not findings and not file_errors:
            _element(suite, "testcase", name="newslint found no problems", classname=path, file=path)
        total_tests += tests
        total_failures += len(findings)
        total_errors += len(file_errors)
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", str(total_errors))
    return root


class JunitReporter(Reporter):
    name = "junit"
    summary = "JUnit XML: a testsuite per file, a failing testcase per finding"

    def render(self, report: Report, context: ReportContext) -> str:
        tree = junit_tree(report, context)
        ET.indent(tree)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tree, encoding="unicode") + "\n"


@hookimpl
def newslint_reporters():
    return [JunitReporter()]
