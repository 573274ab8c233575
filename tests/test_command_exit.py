"""The ``newslint`` command ends a check without the interpreter's teardown (newslint.cli.run):
what shutdown would still have done must be done all the same."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PLUGIN = '''
import atexit, sys, threading, time
from newslint import Rule, hookimpl

def _late():
    time.sleep(0.2)
    print("thread finished", flush=False)

def _at_exit():
    print("atexit ran", flush=False)

class Loud(Rule):
    id = "loud/lines"
    summary = "Prints a lot"
    severity = "warning"
    started = False
    def check(self, document):
        if not Loud.started:
            Loud.started = True
            atexit.register(_at_exit)
            threading.Thread(target=_late).start()  # not a daemon: the process waits for it
        sys.stdout.write("x" * 100_000 + "\\n")  # more than any pipe or stream buffer holds
        return ()

@hookimpl
def newslint_rules():
    return [Loud]
'''


def _command(tmp_path, *args: str, plugin: bool = False) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}  # a pipe, as in CI
    if plugin:
        (tmp_path / "loud_plugin.py").write_text(PLUGIN)
        env.update(PYTHONPATH=str(tmp_path), NEWSLINT_PLUGINS="loud_plugin")
    return subprocess.run([sys.executable, "-c", "from newslint.cli import run; run()", *args],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)


@pytest.fixture
def articles(tmp_path):
    (tmp_path / "clean.txt").write_text("The council met on Tuesday, its leader said.\n")
    (tmp_path / "dirty.txt").write_text("Officials in Kiev said the the plan was sound.\n")
    return tmp_path


@pytest.mark.parametrize("args, code", [
    (["check", "--no-cache", "clean.txt"], 0),
    (["check", "--no-cache", "dirty.txt"], 1),
    (["check", "--no-cache", "missing.txt"], 2),
    (["check", "--no-such-option"], 2),
    (["--version"], 0),
    (["rules", "--format", "json"], 0),
])
def test_exit_codes(articles, args, code):
    done = _command(articles, *args)
    assert done.returncode == code, done.stderr
    assert done.stdout or done.stderr


def test_output_is_complete_and_atexit_functions_and_threads_run(articles):
    done = _command(articles, "check", "--no-cache", "clean.txt", "dirty.txt", plugin=True)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines.count("x" * 100_000) == 2  # every byte written reached the pipe
    assert "thread finished" in lines and "atexit ran" in lines
    assert lines.index("thread finished") < lines.index("atexit ran")  # threads first, as at shutdown
    assert done.stdout.rstrip().endswith("atexit ran")
    assert "names/preferred-spelling" in done.stdout and "artifacts/repeated-word" in done.stdout


def test_the_command_keeps_what_a_check_built_to_the_end_and_main_keeps_nothing(articles, monkeypatch, capsys):
    """``run`` ends the process right after a check: the check's results, texts and rules are left
    for the end of the process rather than freed one by one on the way out. Called from Python,
    ``main`` keeps nothing."""
    import gc

    from newslint import cli

    monkeypatch.chdir(articles)
    assert cli.main(["check", "--no-cache", "dirty.txt"]) == 1
    assert cli._LEFT_FOR_THE_END is None

    class Ended(Exception):
        pass

    def end_now(code):
        raise Ended(code)

    monkeypatch.setattr(cli, "_end_now", end_now)
    monkeypatch.setattr(cli, "_LEFT_FOR_THE_END", None)  # restored after the test
    monkeypatch.setattr(sys, "argv", ["newslint", "check", "--no-cache", "dirty.txt"])
    try:
        with pytest.raises(Ended) as ended:
            cli.run()
    finally:
        gc.enable()  # run() leaves the collector off: the process was to end
    assert ended.value.args == (1,)
    sessions = [kept for kept in cli._LEFT_FOR_THE_END if hasattr(kept, "report")]
    assert len(sessions) == 1
    assert {finding.rule for finding in sessions[0].report.findings} >= {"names/preferred-spelling",
                                                                          "artifacts/repeated-word"}
    assert "dirty.txt" in capsys.readouterr().out
