from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


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
