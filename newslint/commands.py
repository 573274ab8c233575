"""What each CLI command does (argument parsing is in cli.py)."""

from __future__ import annotations

import os
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
    from newslint.files import SourceText, decode, display_path
    from newslint.runner import ConfigResolver, Input

    registry = default_registry()
    reporter = registry.reporters.get(args.format)
    if reporter is None:
        raise UsageError(f"unknown format {args.format!r} (available: {', '.join(sorted(registry.reporters))})")
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    from newslint import output

    output.validate(args)
    resolver = ConfigResolver(registry, config_path=args.config, select=_selectors(args.select),
                              ignore=_selectors(args.ignore) or [], lasting=True)
    paths = args.paths or ["."]
    report = Report()
    session = _CheckSession(args, registry, report)
    session.prepared = output.prepare(args)  # --since, --baseline: fail before checking anything

    if "-" in paths:
        name = args.stdin_filename
        shown = display_path(name) if name else "-"
        try:
            source = decode(sys.stdin.buffer.read(), shown)
        except InputError as error:
            report.errors.append(FileError(shown, error.reason))
        else:
            session.handle(Input(name, shown, source, None, resolver.for_path(name)))
        paths = [p for p in paths if p != "-"]
    _collect_again()
    if paths:
        from newslint.parallel import run_checks

        roots = [os.path.realpath(p) for p in paths]
        run_checks(session, args, resolver, registry, paths, roots)  # the results cache, --jobs
    # What is left (sorting, the report) makes no cycles worth a collection: the collector, which
    # would walk every object the run still holds, is off until the check returns (cli.main).
    import gc

    gc.disable()
    report.findings.sort(key=lambda f: f.sort_key)
    status = session.finish(reporter)
    from newslint.cli import leave_for_the_end

    leave_for_the_end(session, resolver)  # the findings, texts, configurations and rules
    return status


def _collect_again() -> None:
    """Turn the garbage collector back on (cli.main turns it off for start-up), with what start-up
    made moved out of its way: the plugins, rules and configurations live as long as the run."""
    import gc

    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class _CheckSession:
    """Checks (and with --fix/--diff, fixes) inputs one by one, then reports."""

    def __init__(self, args: Namespace, registry, report: Report) -> None:
        self.args = args
        self.registry = registry
        self.report = report
        self.fixed_problems = 0
        self.fixed_files = 0
        self.diffs: list[str] = []
        self.stdin_output: str | None = None
        self.prepared = (None, None)
        #: The text of each file with findings, and every file checked (for ReportContext).
        self.sources: dict[str, str] = {}
        self.checked: list[str] = []
        self._text = ""

    def handle(self, item, roots: list[str] | None = None) -> None:
        before = len(self.report.findings)
        self.checked.append(item.shown)
        self._text = item.source.text  # what the findings' positions refer to (the fixed text after --fix)
        self._handle(item, roots)
        if len(self.report.findings) > before:
            self.sources[item.shown] = self._text

    def _handle(self, item, roots: list[str] | None = None) -> None:
        from newslint.runner import check_source

        args, report = self.args, self.report
        report.files += 1
        if not (args.fix or args.diff):
            report.findings.extend(check_source(item.source.text, item.path, item.config, self.registry, item.shown,
                                                report_unused_disables=getattr(args, "report_unused_disables", False),
                                                errors=report.errors))
            return
        from newslint.fixer import encode, fix_text, write_atomically

        result = fix_text(item.source.text, item.path, item.config, self.registry,
                          unsafe=args.unsafe_fixes, display=item.shown, errors=report.errors)
        self._text = result.text
        if item.raw is None and args.fix:  # standard input: the fixed text goes to standard output
            self.stdin_output = result.text
        if result.changed:
            if args.diff:
                self.diffs.append(_unified_diff(item.source.text, result.text, item.shown))
            elif item.raw is not None:
                real = os.path.realpath(item.path)
                if roots is not None and not any(real == root or real.startswith(root.rstrip(os.sep) + os.sep)
                                                 for root in roots):
                    report.errors.append(FileError(item.shown, "resolves outside the paths given: not written"))
                    report.findings.extend(result.remaining)
                    return
                try:
                    write_atomically(item.path, encode(result.text, item.source.bom), item.raw)
                except InputError as error:
                    report.errors.append(FileError(item.shown, error.reason))
                    self._text = item.source.text
                    report.findings.extend(
                        _recheck(item, self.registry))
                    return
                except OSError as error:
                    report.errors.append(FileError(item.shown, f"cannot write: {error.strerror or error}"))
                    return
            self.fixed_problems += result.fixed
            self.fixed_files += 1
        report.findings.extend(result.remaining)

    def finish(self, reporter) -> int:
        args, report = self.args, self.report
        from newslint import output

        context = ReportContext(self.registry, fail_on=args.fail_on,
                                tty=sys.stdout.isatty() and not args.output_file,
                                sources=self.sources, checked=self.checked)
        if args.diff:
            sys.stdout.write("".join(self.diffs))
            sys.stdout.flush()
            if report.errors:
                for error in report.errors:
                    print(f"{error.path}: error: {error.message}", file=sys.stderr)
                return 2
            return 1 if self.diffs else 0
        output.apply(args, report, context, self.prepared)  # --since, --baseline, --write-baseline
        try:
            rendered = output.render(args, reporter, report, context)  # --statistics or the format
        except Exception as error:  # a faulty reporter plugin: say so, and still show the findings
            from newslint.isolation import component_failure

            report.errors.append(component_failure("-", "reporter", reporter.name, error))
            rendered = self.registry.reporters["text"].render(report, context)
        if getattr(args, "debug", False):
            for error in report.errors:
                if error.traceback:
                    print(f"{error.path}: {error.message}\n{error.traceback}", file=sys.stderr)
        if self.stdin_output is not None:
            sys.stdout.write(self.stdin_output)
            output.emit(args, rendered, sys.stderr)
        else:
            output.emit(args, rendered, sys.stdout)
        if args.fix:
            remaining = len(report.findings)
            summary = (f"Fixed {self.fixed_problems} problem{'s' if self.fixed_problems != 1 else ''} in "
                       f"{self.fixed_files} file{'s' if self.fixed_files != 1 else ''} ({remaining} remaining).\n")
            (sys.stdout if args.format == "text" and self.stdin_output is None else sys.stderr).write(summary)
        sys.stdout.flush()
        if report.errors:
            return 2
        if args.fail_on != "never":
            threshold = SEVERITY_RANK[args.fail_on]
            if any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings):
                return 1
        return 0


def _recheck(item, registry):
    from newslint.runner import check_source

    return check_source(item.source.text, item.path, item.config, registry, item.shown, errors=[])


def _unified_diff(before: str, after: str, shown: str) -> str:
    import difflib

    absolute = os.path.isabs(shown)
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=shown if absolute else f"a/{shown}",
                                 tofile=shown if absolute else f"b/{shown}")
    text = "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
                   for line in lines)
    return text


def _configured_severity(rule_id: str, config) -> str:
    return config.rules[rule_id].severity if rule_id in config.rules else config.all_rules()[rule_id].severity


def _cwd_config(registry):
    """The defaults with the nearest .newslint.yaml (whose declarative rules `rules`/`explain` list too)."""
    from pathlib import Path

    from newslint.config import find_user_config, load_config

    return load_config(find_user_config(Path.cwd()), registry=registry)


def list_rules(args: Namespace) -> int:
    from newslint.config import load_config

    registry = default_registry()
    config = _cwd_config(registry)
    rows = [{"id": rule.id, "severity": _configured_severity(rule.id, config),
             "fix": rule.fix or "", "summary": rule.summary} for rule in config.all_rules(registry).values()]
    if args.format == "json":
        import json

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
    config = _cwd_config(registry)
    rules = config.all_rules(registry)
    rule = rules.get(args.rule)
    if rule is None:
        matches = [r for r in rules if r.endswith("/" + args.rule)]
        if len(matches) != 1:
            raise UsageError(f"unknown rule {args.rule!r} (see `newslint rules`)")
        rule = rules[matches[0]]
    sys.stdout.write(rule_markdown(rule, config))
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


def serve(args: Namespace) -> int:
    """``newslint serve``: the HTTP server (needs the ``newslint[server]`` extra)."""
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.max_body < 1:
        raise UsageError("--max-body must be positive")
    if args.timeout <= 0:
        raise UsageError("--timeout must be positive")
    if args.cache_size < 0:
        raise UsageError("--cache-size must be 0 or more")
    if not 0 <= args.port <= 65535:
        raise UsageError("--port must be between 0 and 65535")
    _require_extra("server", ("starlette", "uvicorn", "multipart"))
    from newslint.server import serve as run

    try:
        run(host=args.host, port=args.port, workers=args.workers, max_body=args.max_body,
            timeout=args.timeout, config_path=args.config, cache_size=args.cache_size)
    except SystemExit as stop:  # uvicorn exits 3 when it cannot bind: a usage error here
        return 0 if stop.code in (0, None) else 2
    return 0


def lsp(args: Namespace) -> int:
    """``newslint lsp``: the language server over standard input/output (needs ``newslint[lsp]``)."""
    _require_extra("lsp", ("pygls", "lsprotocol"))
    from newslint.lsp import main as run

    run()
    return 0


def _require_extra(extra: str, modules: tuple[str, ...]) -> None:
    import importlib.util

    missing = [name for name in modules if importlib.util.find_spec(name) is None]
    if missing:
        raise UsageError(f"`newslint {'serve' if extra == 'server' else extra}` needs the {extra} extra: "
                         f"pip install 'newslint[{extra}]' (missing: {', '.join(missing)})")
