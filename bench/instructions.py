#!/usr/bin/env python3
"""Instructions, not seconds: what each rule or shared structure costs per article, counted by valgrind.

    python bench/instructions.py [--rule PREFIX ...] [--structure NAME ...] [--articles 300]

Timings on a shared virtual machine drift by a quarter from one run to the next;
the number of instructions a run executes does not (for the same interpreter,
inputs and environment). This script runs itself twice under ``valgrind
--tool=callgrind``: once to set up (parse the articles, build every shared
structure, warm the rules up on other articles so that patterns compiled on
first use are compiled), and once to set up and then do the measured work. The
difference, divided by the number of articles, is the measured work's cost.

``--rule`` measures the rules it selects, as ``--select`` does (on
documents whose shared structures are already built, as ``bench/rules.py``
times them); ``--structure`` measures building a shared structure (``parse``,
``words``, ``words.lower``, ``words.parts``, ``sentences``, ``quotes``,
``lines``) on freshly parsed documents (a structure built from another,
``words.lower`` from ``words``, includes it); with neither, the whole check (``check_text``).
``--compare proselint`` also counts proselint linting the same articles (when
installed), the way ``bench/bench.py`` runs it, and prints the ratio. The
corpus is ``../shared/corpus/bbc`` when present, else generated articles.
Needs valgrind.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rules import SHARED as STRUCTURES  # noqa: E402 - the shared structures, as bench/rules.py times them
from startup import instructions  # noqa: E402 - one run counted by callgrind

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"


def corpus(count: int) -> list[tuple[str, str]]:
    if BBC.is_dir():
        paths = sorted(BBC.glob("*/*.txt"))
        return [(str(path), path.read_text(encoding="utf-8")) for path in paths[:count]]
    from newsgen import article

    return [(f"generated-{seed}.txt", article(seed)) for seed in range(count)]


def work(args: argparse.Namespace, measure: bool) -> None:
    """The run valgrind counts: set-up, and with ``measure`` the measured work."""
    if args.inner_tool == "proselint":
        return proselint_work(args, measure)
    import newslint
    from newslint.registry import default_registry

    texts = corpus(args.articles + args.warm)
    measured, warming = texts[:args.articles], texts[args.articles:]
    config = newslint.load_config(select=args.rule or None)
    registry = default_registry()

    def parse(path: str, text: str):
        return registry.parser_for(path, formats=config.formats).parse(text, path, {})

    def built(path: str, text: str):
        document = parse(path, text)
        for build in STRUCTURES.values():
            build(document)
        return document

    for path, text in warming:  # what is compiled or cached on first use, before counting
        newslint.check_text(text, path=path, config=config)
    if args.structure:
        # The articles are parsed in both runs, unless parsing is what is measured.
        parsed_in_both = "parse" not in args.structure
        documents = [parse(path, text) for path, text in measured] if parsed_in_both or measure else []
        if measure:
            for name in args.structure:
                for document in documents if name in STRUCTURES else ():
                    STRUCTURES[name](document)
    elif args.rule:
        documents = [built(path, text) for path, text in measured]
        if measure:
            for active in config.active_rules:
                for document in documents:
                    for _problem in active.rule.check(document):
                        pass
    elif measure:
        for path, text in measured:
            newslint.check_text(text, path=path, config=config)


def proselint_work(args: argparse.Namespace, measure: bool) -> None:
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    texts = corpus(args.articles + args.warm)
    CheckRegistry().register_many(__register__)
    for path, text in texts[args.articles:args.articles + 10]:  # proselint compiles everything at once
        LintFile(path, text).lint(DEFAULT)
    if measure:
        for path, text in texts[:args.articles]:
            LintFile(path, text).lint(DEFAULT)


def counted(args: argparse.Namespace, measure: bool, folder: str) -> int:
    """Instructions of one run (the start-up caches in ``folder`` already filled)."""
    return instructions(inner_command(args, measure), environment(folder))


def inner_command(args: argparse.Namespace, measure: bool) -> list[str]:
    command = [sys.executable, __file__, "--inner", "measure" if measure else "setup", "--articles", str(args.articles),
               "--inner-tool", args.inner_tool]
    for rule in args.rule or ():
        command += ["--rule", rule]
    for structure in args.structure or ():
        command += ["--structure", structure]
    return command


def environment(folder: str) -> dict[str, str]:
    # The same string hashes in every run (set orders, and so the work, would differ otherwise), and
    # start-up caches of this script's own, filled before counting.
    return dict(os.environ, PYTHONHASHSEED="0", NEWSLINT_CACHE_HOME=os.path.join(folder, "cache"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rule", action="append", help="a rule id or plugin name, as --select takes (repeatable)")
    parser.add_argument("--structure", action="append", choices=["parse", *STRUCTURES],
                        help="a shared structure to build (repeatable)")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--compare", choices=["proselint"], help="also count proselint on the same articles")
    parser.add_argument("--inner", choices=["setup", "measure"], help=argparse.SUPPRESS)
    parser.add_argument("--inner-tool", default="newslint", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.warm = 100
    if args.inner:
        work(args, args.inner == "measure")
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed", file=sys.stderr)
        return 2
    ours = per_article(args)
    what = ", ".join(args.rule or args.structure or ["the whole check"])
    print(f"{what}: {ours / 1e6:.3f} M instructions per article ({args.articles} articles)")
    if args.compare:
        try:
            import proselint  # noqa: F401
        except ImportError:
            print("proselint is not installed: no comparison")
            return 0
        args.inner_tool, args.rule, args.structure = "proselint", None, None
        theirs = per_article(args)
        print(f"proselint: {theirs / 1e6:.3f} M instructions per article; newslint's check takes "
              f"{theirs / ours:.1f}x fewer")
    return 0


def per_article(args: argparse.Namespace) -> float:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(inner_command(args, True), check=True, env=environment(folder))  # fills the caches
        base, total = counted(args, False, folder), counted(args, True, folder)
    return (total - base) / args.articles


if __name__ == "__main__":
    sys.exit(main())
