from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def pytest_configure(config):
    """The start-up caches of the runs the tests make (in this process and in the subprocesses,
    which inherit the environment) go to a folder of this session, not the user's cache folder:
    the tests' many temporary configuration files would otherwise each leave an entry there."""
    if "NEWSLINT_CACHE_HOME" not in os.environ:
        import tempfile

        os.environ["NEWSLINT_CACHE_HOME"] = tempfile.mkdtemp(prefix="newslint-test-cache-")


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    from newslint.cli import main

    def run(*args, stdin: bytes | None = None, cwd: Path | None = None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        if stdin is not None:
            import io

            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def run_json(run_cli):
    def run(*args, **kwargs):
        code, out, err = run_cli("check", "--format", "json", *args, **kwargs)
        return code, json.loads(out) if out.strip() else None, err

    return run


def newslint_subprocess(*args, env=None, cwd=None, input=None):
    """Run the installed `newslint` command as a user would."""
    command = [sys.executable, "-m", "newslint.cli", *map(str, args)]
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run(command, capture_output=True, text=True, env=full_env, cwd=cwd, input=input,
                          timeout=120)
