"""What each CLI command does (argument parsing is in cli.py)."""

from __future__ import annotations

import json
import sys
from argparse import Namespace

from newslint.errors import InputError, UsageError
from newslint.findings import SEVERITY_RANK, FileError, Report
from newslint.registry import default_registry
from newslint.reporter import ReportContext


def _selectors(values):
    from newslint.cli import _selectors as split

    return split(values)


def check(args: Namespace) -> int:
    from newslint.files import decode, display_path
    from newslint.runner import ConfigResolver, check_files, check_source

    registry = default_registry()
    reporter = registry.reporters.get(args.format)
    if reporter is None:
        raise UsageError(f"unknown format {args.format!r} (available: {', '.join(sorted(registry.reporters))})")
    resolver = ConfigResolver(registry, config_path=args.config, select=_selectors(args.select),
                              ignore=_selectors(args.ignore) or [])
    paths = args.paths or ["."]
    report = Report()
    if "-" in paths:
        name = args.stdin_filename
        shown = display_path(name) if name else "-"
        try:
            source = decode(sys.stdin.buffer.read(), shown)
        except InputError as error:
            report.errors.append(FileError(shown, error.reason))
        else:
            report.files += 1
            report.findings.extend(check_source(source.text, name, resolver.for_path(name), registry, shown))
        paths = [p for p in paths if p != "-"]
    if paths:
        files = check_files(paths, resolver, registry)
        report.findings.extend(files.findings)
        report.errors.extend(files.errors)
        report.files += files.files
    report.findings.sort(key=lambda f: f.sort_key)
    context = ReportContext(registry, fail_on=args.fail_on, tty=sys.stdout.isatty())
    sys.stdout.write(reporter.render(report, context))
    sys.stdout.flush()
    if report.errors:
        return 2
    if args.fail_on != "never":
        threshold = SEVERITY_RANK[args.fail_on]
        if any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings):
            return 1
    return 0


def _configured_severity(rule_id: str, config) -> str:
    return config.rules[rule_id].severity if rule_id in config.rules else config.registry.rules[rule_id].severity


def list_rules(args: Namespace) -> int:
    from newslint.config import load_config

    registry = default_registry()
    config = load_config(registry=registry)
    rows = [{"id": rule.id, "severity": _configured_severity(rule.id, config),
             "fix": rule.fix or "", "summary": rule.summary} for rule in registry.rules.values()]
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if args.format == "markdown":
        from newslint.docs import rules_markdown

        sys.stdout.write(rules_markdown(registry, config))
        return 0
    width = max((len(r["id"]) for r in rows), default=10)
    print(f"{'RULE':<{width}}  {'SEVERITY':<8}  {'FIX':<6}  SUMMARY")
    for row in rows:
        print(f"{row['id']:<{width}}  {row['severity']:<8}  {row['fix'] or '-':<6}  {row['summary']}")
    return 0


def explain(args: Namespace) -> int:
    from newslint.config import load_config
    from newslint.docs import rule_markdown

    registry = default_registry()
    rule = registry.rules.get(args.rule)
    if rule is None:
        matches = [r for r in registry.rules if r.endswith("/" + args.rule)]
        if len(matches) != 1:
            raise UsageError(f"unknown rule {args.rule!r} (see `newslint rules`)")
        rule = registry.rules[matches[0]]
    sys.stdout.write(rule_markdown(rule, load_config(registry=registry)))
    return 0


def list_plugins(args: Namespace) -> int:
    registry = default_registry()
    for plugin in registry.plugins:
        print(f"{plugin.name} {plugin.version}".rstrip())
        for kind in ("rules", "parsers", "reporters"):
            items = getattr(plugin, kind)
            if items:
                print(f"  {kind}: {', '.join(items)}")
    return 0
