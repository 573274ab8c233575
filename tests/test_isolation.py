"""A faulty plugin never takes the run down: it becomes a named error, and every other finding is still reported."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import newslint_subprocess

BAD_PLUGINS = textwrap.dedent('''
    import time

    from newslint import Flag, Pass, Rule, hookimpl
    from newslint.reporter import Reporter
    from newslint.rule import Problem


    class Raises(Rule):
        """Raises. Fix: none."""
        id = "faulty/raises"
        summary = "raises"

        def check(self, document):
            yield self.problem(0, 1, "first")
            raise RuntimeError("boom in the rule")


    class Hangs(Rule):
        """Hangs forever. Fix: none."""
        id = "faulty/hangs"
        summary = "hangs"

        def check(self, document):
            while True:
                time.sleep(0.01)
            yield


    class Malformed(Rule):
        """Returns nonsense. Fix: none."""
        id = "faulty/malformed"
        summary = "malformed"

        def check(self, document):
            yield Problem(-5, 10**9, "out of range")


    class BrokenReporter(Reporter):
        name = "broken"

        def render(self, report, context):
            raise ValueError("reporter exploded")


    @hookimpl
    def newslint_rules():
        return [Raises, Hangs, Malformed]


    @hookimpl
    def newslint_reporters():
        return [BrokenReporter()]
''')

ARTICLE = "Officials in Kiev said the the talks would resume.\nkyiv officials agreed.\n"


@pytest.fixture
def faulty(tmp_path):
    (tmp_path / "faulty_plugins.py").write_text(BAD_PLUGINS)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / ".newslint.yaml").write_text("rule-timeout: 1\n")
    return tmp_path


def _run(faulty, *args, plugins=True):
    env = {"PYTHONPATH": str(faulty), "NEWSLINT_PLUGINS": "faulty_plugins" if plugins else ""}
    return newslint_subprocess("check", *args, "a.txt", env=env, cwd=faulty)


def test_faulty_rules_become_named_errors_and_every_other_finding_is_kept(faulty):
    with_bad = _run(faulty, "--format", "json")
    without = _run(faulty, "--format", "json", plugins=False)
    assert with_bad.returncode == 2
    data, clean = json.loads(with_bad.stdout), json.loads(without.stdout)
    assert data["findings"] == clean["findings"] and clean["findings"]
    messages = sorted(e["message"] for e in data["errors"])
    assert len(messages) == 3
    assert "rule faulty/hangs: stopped after its time budget of 1 s per file" in messages[0]
    assert "rule faulty/malformed: returned a malformed problem" in messages[1]
    assert "rule faulty/raises: raised RuntimeError: boom in the rule" in messages[2]
    assert all(e["path"] == "a.txt" and "plugin “faulty”" in e["message"] for e in data["errors"])
    assert "Traceback" not in with_bad.stderr


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="the time budget needs setitimer")
@pytest.mark.parametrize("installed", ["own", "default", "ignore"])
def test_a_program_s_own_alarm_handler_is_back_after_a_check(installed):
    """The per-rule time budget borrows SIGALRM for the length of a check: whatever the calling
    program had there (its handler, the default, ignoring it) is there again after, and no timer
    is left running."""
    import signal

    import newslint

    def own(signum, frame):  # pragma: no cover - never called
        pass

    handler = {"own": own, "default": signal.SIG_DFL, "ignore": signal.SIG_IGN}[installed]
    previous = signal.signal(signal.SIGALRM, handler)
    try:
        config = newslint.load_config(overrides={"rule-timeout": 5})
        assert newslint.check_text("Officials in Kiev said the the plan was sound.\n", config=config)
        assert signal.getsignal(signal.SIGALRM) == handler
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_debug_shows_the_traceback(faulty):
    result = _run(faulty, "--debug", "--select", "faulty/raises")
    assert result.returncode == 2
    assert "Traceback" in result.stderr and "boom in the rule" in result.stderr


def test_a_faulty_reporter_is_reported_and_the_findings_still_shown(faulty):
    result = _run(faulty, "--format", "broken", "--ignore", "faulty")
    assert result.returncode == 2
    assert "reporter “broken” failed: ValueError: reporter exploded" in result.stdout
    assert "a.txt:1:14: warning names/preferred-spelling" in result.stdout


def test_file_over_the_size_limit_is_an_error(tmp_path, run_json):
    (tmp_path / ".newslint.yaml").write_text("max-file-size: 10\n")
    (tmp_path / "big.txt").write_text(ARTICLE)
    (tmp_path / "ok.txt").write_text("Short.\n")
    code, data, _ = run_json(tmp_path)
    assert code == 2
    assert [e["path"].rsplit("/", 1)[-1] for e in data["errors"]] == ["big.txt"]
    assert "over the limit of 10" in data["errors"][0]["message"]
    assert data["summary"]["files"] == 1


def test_symlink_loop_is_reported_not_followed(tmp_path, run_json):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "ok.txt").write_text("Short.\n")
    code, data, _ = run_json(tmp_path / "loop.txt", tmp_path / "ok.txt")
    assert code == 2 and data["errors"][0]["path"].endswith("loop.txt")
    assert data["summary"]["files"] == 1
