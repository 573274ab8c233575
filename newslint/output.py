"""What ``newslint check`` does with a finished report: --since, --baseline, --write-baseline,
--statistics and --output-file (the options live in cli.py; commands.py calls these)."""

from __future__ import annotations

import sys
from argparse import Namespace
from collections import Counter

from newslint.errors import UsageError
from newslint.findings import SEVERITY_RANK, Report
from newslint.reporter import ReportContext


def validate(args: Namespace) -> None:
    """Refuse combinations that cannot mean anything, before any file is read."""
    write_baseline = getattr(args, "write_baseline", None)
    if write_baseline and getattr(args, "baseline", None):
        raise UsageError("--write-baseline records every finding and then applies that baseline; "
                         "it cannot be combined with --baseline")
    if write_baseline and getattr(args, "since", None):
        raise UsageError("--write-baseline records every finding; it cannot be combined with --since")
    if getattr(args, "diff", False) and (write_baseline or getattr(args, "statistics", False)):
        raise UsageError("--diff prints fixes, not findings: it cannot be combined with "
                         "--write-baseline or --statistics")


def prepare(args: Namespace):
    """Work that can fail before checking: the changed lines for --since, the --baseline file."""
    since = getattr(args, "since", None)
    changes = None
    if since:
        from newslint.changes import changed_lines

        changes = changed_lines(since, args.paths or ["."])
    recorded = None
    if getattr(args, "baseline", None):
        from newslint import baseline

        recorded = baseline.load(args.baseline)
    return changes, recorded


def apply(args: Namespace, report: Report, context: ReportContext, prepared) -> None:
    """Filter ``report.findings`` by --since and --baseline; write --write-baseline."""
    changes, recorded = prepared
    if changes is not None:
        report.findings = [f for f in report.findings
                           if f.path != "-" and changes.touches(f.path, f.line, _last_line(f))]
    write_baseline = getattr(args, "write_baseline", None)
    if write_baseline:
        from newslint import baseline

        data = baseline.write(report.findings, write_baseline, context.lines)
        entries = data["entries"]
        print(f"newslint: wrote {write_baseline}: {len(report.findings)} finding"
              f"{'s' if len(report.findings) != 1 else ''} in {len(entries)} entr"
              f"{'ies' if len(entries) != 1 else 'y'}.", file=sys.stderr)
        report.findings = []
    elif recorded is not None:
        from newslint import baseline

        report.findings = baseline.new_findings(report.findings, args.baseline, recorded, context.lines)


def _last_line(finding) -> int:
    if finding.end_line > finding.line and finding.end_column == 1:
        return finding.end_line - 1  # a span ending at the start of a line does not touch it
    return max(finding.end_line, finding.line)


def statistics(report: Report, as_json: bool = False) -> str:
    """Counts per rule, most frequent first: rule, count, fixable (safe fix), unsafe-fixable."""
    counts = Counter(f.rule for f in report.findings)
    safe = Counter(f.rule for f in report.findings if f.fix is not None and f.fix.safe)
    unsafe = Counter(f.rule for f in report.findings if f.fix is not None and not f.fix.safe)
    severity = {}
    for finding in report.findings:
        if SEVERITY_RANK[finding.severity] > SEVERITY_RANK.get(severity.get(finding.rule, ""), 0):
            severity[finding.rule] = finding.severity
    ordered = sorted(counts, key=lambda rule: (-counts[rule], rule))
    if as_json:
        rows = [{"rule": rule, "count": counts[rule], "fixable": safe[rule], "unsafe_fixable": unsafe[rule],
                 "severity": severity[rule]} for rule in ordered]
        import json

        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    width = max([len("RULE"), len("Total")] + [len(rule) for rule in ordered])
    lines = [f"{'RULE':<{width}}  {'COUNT':>5}  {'FIXABLE':>7}  {'UNSAFE':>6}"]
    for rule in ordered:
        lines.append(f"{rule:<{width}}  {counts[rule]:>5}  {safe[rule]:>7}  {unsafe[rule]:>6}")
    lines.append(f"{'Total':<{width}}  {sum(counts.values()):>5}  {sum(safe.values()):>7}  "
                 f"{sum(unsafe.values()):>6}")
    text = "\n".join(lines) + "\n"
    if safe:
        text += f"{sum(safe.values())} fixable with `newslint check --fix`.\n"
    for error in report.errors:
        text += f"{error.path}: error: {error.message}\n"
    return text


def render(args: Namespace, reporter, report: Report, context: ReportContext) -> str:
    if getattr(args, "statistics", False):
        return statistics(report, as_json=args.format in ("json", "jsonl"))
    return reporter.render(report, context)


def emit(args: Namespace, rendered: str, stream) -> None:
    """The report to --output-file (atomically) or to ``stream``."""
    output_file = getattr(args, "output_file", None)
    if output_file:
        from newslint.errors import InputError
        from newslint.files import write_text_atomically

        try:
            write_text_atomically(output_file, rendered)
        except InputError as error:
            raise UsageError(f"--output-file {error}") from None
        return
    stream.write(rendered)
