"""A real pre-commit run, in a scratch git repository, against this checkout's hook."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None or shutil.which("git") is None or not (REPO / ".git").exists(),
    reason="needs pre-commit, git and a git checkout of newslint")


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_precommit_hook_fails_a_bad_article_and_passes_a_clean_one(tmp_path):
    repo = tmp_path / "articles"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "bad.md").write_text("Officials in Kiev said the the talks would resume.\n")
    (repo / "clean.txt").write_text("Officials in Kyiv said the talks would resume.\n")
    (repo / "notes.py").write_text("# the the: not an article, never checked\n")
    _git(repo, "add", ".")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t")

    def try_repo(*files):
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "newslint", "--files", *files],
                              cwd=repo, env=env, capture_output=True, text=True, timeout=600)

    bad = try_repo("bad.md", "notes.py")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.md:1:" in bad.stdout and "artifacts/repeated-word" in bad.stdout
    assert "notes.py" not in bad.stdout.split("newslint")[-1]
    clean = try_repo("clean.txt")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout


def test_precommit_with_fix_modifies_then_passes(tmp_path):
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("newslint's checkout has no commit yet")
    repo = tmp_path / "articles"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO}\n    rev: {head.stdout.strip()}\n    hooks:\n      - id: newslint\n"
        f"        args: [--fix]\n")
    article = repo / "story.md"
    article.write_text("Officials in Kiev said the the talks would resume on Monday.\n")
    _git(repo, "add", ".")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"))

    def run():
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--files", "story.md"], cwd=repo,
                              env=env, capture_output=True, text=True, timeout=600)

    first = run()
    assert first.returncode == 1, first.stdout + first.stderr
    assert article.read_text() == "Officials in Kyiv said the talks would resume on Monday.\n"
    assert "files were modified by this hook" in first.stdout
    second = run()
    assert second.returncode == 0, second.stdout + second.stderr
