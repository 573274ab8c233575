#!/usr/bin/env python3
"""Start-up cost: ``newslint check`` on one small article against ``python -c pass``.

    python bench/startup.py [--runs 21] [--cold] [--results-cache] [--against TREE] [--dictionary N]
                            [--article FILE] [--instructions]

Runs both commands as subprocesses with the interpreter running this script
(so the same virtual environment), alternately, and prints the median wall
time of each and the difference: what newslint adds to a bare interpreter.
The first (uncounted) run fills newslint's start-up caches (the plugin list
and the parsed configuration) and Python's bytecode cache (kept in the
temporary folder: PYTHONDONTWRITEBYTECODE is unset for the runs, as an
installed package has its bytecode); ``--cold`` clears the start-up caches
before every run, to show the cost without them. The results cache is off
(``--no-cache``): every run checks the article; ``--results-cache`` leaves it
on, so that every run after the first reads the findings back instead.
``--against TREE`` also times, in the same alternation, the check as another
source tree of newslint has it (a checkout of an earlier commit, say:
``git worktree add /tmp/before HEAD~3``), with its own caches: on a machine
whose speed drifts, the difference of two paired medians is the figure to trust.
``--dictionary N`` puts a ``.newslint.yaml`` beside the article with a house
dictionary of N invented entries (as ``bench/dictionary.py`` writes it): what
a pre-commit run costs a newsroom with a large house style. ``--article FILE``
checks a copy of that article instead of a generated one (one with "US" in it,
say, which the house style's ``regex`` patterns look at). ``--instructions``
also counts, with valgrind, the instructions of one run of each command (and of
the other tree's), caches filled: unlike a time, that count is the same on a
busy machine and a quiet one, for comparing runs made on different days.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsgen import article  # noqa: E402


def newslint_command() -> list[str]:
    script = Path(sys.executable).with_name("newslint")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from newslint.cli import main; sys.exit(main())"]


def bytecode_env(folder: str | Path) -> dict[str, str]:
    """The environment for timed runs: Python may write its bytecode cache (into ``folder``, never
    into the source tree), as it does for an installed package; with PYTHONDONTWRITEBYTECODE set
    (some development shells set it) every run would compile every module from source."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
    return env


def timed(command: list[str], env: dict[str, str], cwd: str | None = None) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.decode()}")
    return elapsed


def instructions(command: list[str], env: dict[str, str], cwd: str | None = None) -> int:
    """The instructions one run of ``command`` executes, counted by valgrind's callgrind."""
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder}/callgrind.out",
                               *command], env=dict(env, PYTHONHASHSEED="0"), cwd=cwd,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode not in (0, 1) or found is None:
        raise SystemExit(f"valgrind run failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="runs of each command (median reported)")
    parser.add_argument("--cold", action="store_true", help="an empty cache directory for every run")
    parser.add_argument("--results-cache", action="store_true",
                        help="leave the results cache on: every run after the first re-reads the article's findings")
    parser.add_argument("--against", type=Path, metavar="TREE",
                        help="also time the check of another newslint source tree (its newslint/ and plugins/)")
    parser.add_argument("--dictionary", type=int, default=0, metavar="N",
                        help="a configuration beside the article with a house dictionary of N entries")
    parser.add_argument("--article", type=Path, metavar="FILE", help="check a copy of this article")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the instructions of one run of each command (needs valgrind)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        text = args.article.read_text(encoding="utf-8") if args.article else article(seed=1, paragraphs=6)
        path.write_text(text, encoding="utf-8")
        if args.dictionary:
            from dictionary import dictionary_yaml

            (Path(folder) / ".newslint.yaml").write_text(dictionary_yaml(args.dictionary), encoding="utf-8")
        cache = Path(folder) / "cache"
        env = dict(bytecode_env(folder), NEWSLINT_CACHE_HOME=str(cache))
        bare = [sys.executable, "-c", "pass"]
        # Results are cached per file too: --no-cache keeps every run a real check.
        check = newslint_command() + ["check"] + ([] if args.results_cache else ["--no-cache"]) + [str(path)]
        other = other_env = None
        if args.against:
            # The other tree's packages come first on the import path, under their installed names; the
            # entry points (the same names) are read from this environment's metadata.
            packages = Path(folder) / "against"
            packages.mkdir()
            (packages / "newslint").symlink_to(args.against.resolve() / "newslint")
            (packages / "newslint_plugins").symlink_to(args.against.resolve() / "plugins")
            other_env = dict(bytecode_env(Path(folder) / "against-bytecode"), PYTHONPATH=str(packages),
                             NEWSLINT_CACHE_HOME=str(Path(folder) / "against-cache"))
            arguments = check[len(newslint_command()):]
            # As the installed command runs it: ``run`` where the tree has it (it ends without teardown).
            other = [sys.executable, "-c", "import sys, newslint.cli as cli; sys.argv[0] = 'newslint'; "
                     "cli.run() if hasattr(cli, 'run') else sys.exit(cli.main())", *arguments]
            timed(other, other_env, folder)
        timed(bare, env)
        timed(check, env, folder)  # fills the start-up and bytecode caches (--cold clears the former each run)
        bare_times, check_times, other_times = [], [], []
        for _ in range(args.runs):
            bare_times.append(timed(bare, env))
            if args.cold:
                shutil.rmtree(cache, ignore_errors=True)
                shutil.rmtree(Path(folder) / "against-cache", ignore_errors=True)
            check_times.append(timed(check, env, folder))
            if other:
                other_times.append(timed(other, other_env, folder))
        counts = None
        if args.instructions:
            if args.cold:
                shutil.rmtree(cache, ignore_errors=True)
            counts = [instructions(bare, env), instructions(check, env, folder)]
            if other:
                counts.append(instructions(other, other_env, folder))
    bare_ms = 1000 * statistics.median(bare_times)
    check_ms = 1000 * statistics.median(check_times)
    print(f"python -c pass           median {bare_ms:7.1f} ms over {args.runs} runs")
    print(f"newslint check (1 file)  median {check_ms:7.1f} ms over {args.runs} runs"
          f"{' (cold: no start-up caches)' if args.cold else ''}"
          f"{f' (a {args.dictionary:,}-entry house dictionary)' if args.dictionary else ''}"
          f"{' (findings from the results cache)' if args.results_cache else ''}")
    print(f"start-up cost over bare python: {check_ms - bare_ms:.1f} ms")
    if other_times:
        other_ms = 1000 * statistics.median(other_times)
        print(f"{str(args.against) + ':':<24} median {other_ms:7.1f} ms over {args.runs} runs; "
              f"start-up cost over bare python: {other_ms - bare_ms:.1f} ms")
    if counts:
        print(f"instructions: python -c pass {counts[0] / 1e6:.1f} M, newslint check {counts[1] / 1e6:.1f} M: "
              f"{(counts[1] - counts[0]) / 1e6:.1f} M over bare python"
              + (f"; {args.against}: {counts[2] / 1e6:.1f} M ({(counts[2] - counts[0]) / 1e6:.1f} M over)"
                 if len(counts) > 2 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
