"""The ``newslint`` command line.

Exit codes: 0 when nothing at or above the ``--fail-on`` level was found, 1 when
something was, 2 on usage, configuration or input errors.
"""

from __future__ import annotations

import argparse
import os
import sys

from newslint import __version__

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from typing import Sequence

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, sized without importing shutil (argparse builds one for every
    argument added, so every run would pay for the import)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        if width is None:
            try:
                columns = int(os.environ.get("COLUMNS", "0"))
            except ValueError:
                columns = 0
            if columns <= 0:  # as shutil.get_terminal_size does
                try:
                    columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
                except (AttributeError, ValueError, OSError):
                    columns = 0
            width = (columns or 80) - 2
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str):  # argparse's default exit code is already 2; keep its message short
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"newslint: error: {message}\n")


def _selectors(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return number


#: The subcommands, in the order ``--help`` lists them.
COMMANDS = ("check", "rules", "explain", "plugins", "audit", "audit-report", "serve", "lsp")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``command`` (one of COMMANDS), one with that subcommand only.

    A run needs its own subcommand's parser, and building the others costs more than the parsing
    (argparse looks up a translation for every help title and makes a help formatter for every
    argument). Both parsers read that subcommand's arguments alike; they differ only in the list of
    subcommands, which ``main`` never has printed when it builds one (``_command_of``).
    """

    def wanted(name: str) -> bool:
        return command is None or command == name

    parser = _Parser(prog="newslint", description="A linter for news copy.")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    if wanted("check"):
        check = commands.add_parser("check", help="check articles for problems")
        check.add_argument("paths", nargs="*", metavar="PATH",
                           help="files or folders to check ('-' reads standard input); default: .")
        check.add_argument("--config", metavar="PATH", help="use this configuration file for every file")
        check.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                           help="show the traceback of a failing plugin or internal error")
        check.add_argument("--format", default="text", metavar="FORMAT",
                           help="output format: text (default), full, json, jsonl, sarif, github, gitlab, "
                                "junit, html, or one a plugin adds")
        check.add_argument("--select", action="append", metavar="RULES",
                           help="check only these rule ids or plugin prefixes (comma separated)")
        check.add_argument("--ignore", action="append", metavar="RULES",
                           help="do not check these rule ids or plugin prefixes (comma separated)")
        check.add_argument("--fail-on", choices=FAIL_ON, default="warning",
                           help="exit 1 when a finding at or above this severity is found (default: warning)")
        check.add_argument("--fix", action="store_true",
                           help="apply safe fixes and write the files ('-': print the fixed text)")
        check.add_argument("--unsafe-fixes", action="store_true",
                           help="with --fix or --diff, also apply fixes that need an editor's judgment")
        check.add_argument("--diff", action="store_true",
                           help="print the fixes as a unified diff and write nothing (exit 1 when there is one)")
        check.add_argument("--stdin-filename", metavar="PATH",
                           help="the name of the text read from '-': chooses the parser and the config")
        check.add_argument("--report-unused-disables", action="store_true",
                           help="report newslint-disable comments that silence nothing")
        check.add_argument("--output-file", "-o", metavar="PATH",
                           help="write the report to PATH (replaced atomically) instead of standard output")
        check.add_argument("--statistics", action="store_true",
                           help="print how many findings each rule made (and how many are fixable) "
                                "instead of the findings; JSON with --format json")
        check.add_argument("--since", metavar="GIT_REF",
                           help="report only findings on lines added or changed since this git revision "
                                "(committed or not), and in files new since it")
        check.add_argument("--baseline", metavar="FILE",
                           help="report only findings not recorded in this baseline file")
        check.add_argument("--write-baseline", metavar="FILE",
                           help="record every finding in this baseline file (then report none of them)")

        check.add_argument("--jobs", "-j", type=_positive, metavar="N",
                           help="check files in N worker processes (default: one per processor when there "
                                "are more than 8 files, else 1); the report is the same whatever N is")
        check.add_argument("--no-cache", action="store_true",
                           help="neither read nor write the results cache")
        check.add_argument("--cache-dir", metavar="DIR",
                           help="where to keep the results cache (default: .newslint_cache in the current folder)")

    if wanted("rules"):
        rules = commands.add_parser("rules", help="list every rule")
        rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")

    if wanted("explain"):
        explain = commands.add_parser("explain", help="print a rule's documentation")
        explain.add_argument("rule", metavar="RULE")

    if wanted("plugins"):
        commands.add_parser("plugins", help="list loaded plugins and what they contribute")

    if wanted("audit") or wanted("audit-report"):
        from newslint.audit.cli import add_parsers as add_audit_parsers

        add_audit_parsers(commands)  # audit, audit-report (newslint/audit/)

    if wanted("serve"):
        serve = commands.add_parser("serve", help="serve LanguageTool's HTTP API (and newslint's) for editors and CMSs")
        serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
        serve.add_argument("--port", type=int, default=8081, help="port (default: 8081)")
        serve.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes (default: 1)")
        serve.add_argument("--max-body", type=int, default=1024 * 1024, metavar="BYTES",
                           help="largest request body accepted; larger ones get 413 (default: 1048576)")
        serve.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                           help="time limit for checking one request; beyond it 503 (default: 10)")
        serve.add_argument("--config", metavar="PATH", help="configuration file, loaded once at start-up")
        serve.add_argument("--cache-size", type=int, default=256, metavar="N",
                           help="remember the results of the last N distinct texts per worker; 0: off (default: 256)")

    if wanted("lsp"):
        commands.add_parser("lsp", help="run a Language Server Protocol server over standard input and output")
    return parser


def _command_of(argv: list[str]) -> str | None:
    """The subcommand ``argv`` runs, when a parser with that subcommand alone reads it exactly as the
    full one does: the command comes first, or after --debug (the only top-level option that does
    not print and exit); None otherwise (--help, an unknown command, anything unusual)."""
    for argument in argv:
        if argument == "--debug":
            continue
        return argument if argument in COMMANDS else None
    return None


def run() -> None:
    """The ``newslint`` command: ``main``, then the process ends.

    After a check, the interpreter's own shutdown would free every object one by one (the
    configuration, the rules, every module): a quarter of a one-file check's run, and the part of
    a ``--jobs`` run no second process can share. A ``check`` ends the way shutdown begins instead:
    it waits for other threads, runs the ``atexit`` functions (plugins', ``logging``'s,
    ``multiprocessing``'s) and flushes the standard streams, then leaves with ``os._exit``. Python
    does not promise to finalize objects still alive at exit anyway; newslint closes every file it
    writes before. Other commands (and ``main`` called from Python) end as usual.
    """
    global _LEFT_FOR_THE_END
    argv = sys.argv[1:]
    ending = _command_of(argv) == "check" and _quick_exit_possible()
    if ending:
        import gc

        _LEFT_FOR_THE_END = []
        gc.disable()  # on only while files are checked (commands.check): the rest makes no cycles
    try:
        code = main(argv)
    except SystemExit as stop:  # (argparse's usage errors and --help) read as the interpreter reads it
        if stop.code is None or isinstance(stop.code, int):
            code = stop.code or 0
        else:
            print(stop.code, file=sys.stderr)
            code = 1
    if ending:
        _end_now(code)
    sys.exit(code)


#: While ``run`` runs a check it ends with ``_end_now``: what the check built, kept to the end.
_LEFT_FOR_THE_END: list | None = None


def leave_for_the_end(*objects: object) -> None:
    """Keep ``objects`` alive until the process ends, when ``run`` is about to end it without
    teardown: returning would otherwise free them one by one for nothing (a thousand files' results
    and texts: a few milliseconds after the last file, which no ``--jobs`` copy can share). Called
    from Python (``main``), nothing is kept."""
    if _LEFT_FOR_THE_END is not None:
        _LEFT_FOR_THE_END.extend(objects)


def _quick_exit_possible() -> bool:
    import atexit

    return hasattr(atexit, "_run_exitfuncs") and hasattr(os, "_exit")


def _end_now(code: int) -> None:
    """End the process as shutdown would, less freeing every object (see ``run``)."""
    import atexit

    threading = sys.modules.get("threading")
    if threading is not None and hasattr(threading, "_shutdown"):
        threading._shutdown()  # as shutdown does: wait for the threads that are not daemons
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):  # closed, None, or a reader gone
            if stream is sys.stdout:
                code = code or 120  # what Python exits with when it cannot flush standard output
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):
            pass
    command = _command_of(sys.argv[1:] if argv is None else list(argv))
    if command == "check":
        from newslint.recache import kept

        # A check compiles some fifty regular expressions: their code is kept from one run to the
        # next (newslint.recache).
        with kept():
            return _parse_and_run(argv, command)
    return _parse_and_run(argv, command)


def _parse_and_run(argv: Sequence[str] | None, command: str | None) -> int:
    parser = build_parser(command)
    args = parser.parse_args(argv)
    if args.command == "check":
        import gc

        # Start-up allocates much and frees little: collecting meanwhile is wasted work. The
        # collector comes back (commands.check) once the plugins and configuration are loaded,
        # goes again for the report, and is back in any case when this returns (main may be
        # called from Python, as the tests do).
        collecting = gc.isenabled()
        gc.disable()
        try:
            return _main(parser, args)
        finally:
            gc.unfreeze()
            if collecting:
                gc.enable()
    return _main(parser, args)


def _main(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    from newslint.errors import NewslintError

    try:
        return _run(args)
    except NewslintError as error:
        print(f"newslint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as error:  # never a traceback unless asked for
        if args.debug:
            raise
        print(f"newslint: internal error: {type(error).__name__}: {error} "
              f"(run with --debug for the traceback, and please report it)", file=sys.stderr)
        return EXIT_ERROR


def _run(args: argparse.Namespace) -> int:
    from newslint import commands

    if args.command == "check":
        return commands.check(args)
    if args.command == "rules":
        return commands.list_rules(args)
    if args.command == "explain":
        return commands.explain(args)
    if args.command == "plugins":
        return commands.list_plugins(args)
    if args.command in ("audit", "audit-report"):
        from newslint.audit.cli import run as run_audit

        return run_audit(args)
    if args.command == "serve":
        return commands.serve(args)
    if args.command == "lsp":
        return commands.lsp(args)
    raise AssertionError(args.command)


if __name__ == "__main__":  # pragma: no cover - the command as installed (tests run it so)
    run()
