"""--since GIT_REF: only findings on lines a commit or an uncommitted change touched."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from newslint.changes import _unquote, parse_diff

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

RULE = "artifacts/repeated-word"


def line(n: int) -> str:
    """A line with one repeated word, distinct per n."""
    return f"Paragraph {n} said the the talks would resume.\n"


@pytest.fixture
def git(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    for name, value in {"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Desk",
                        "GIT_AUTHOR_EMAIL": "desk@example.org", "GIT_COMMITTER_NAME": "Desk",
                        "GIT_COMMITTER_EMAIL": "desk@example.org"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("GIT_DIR", raising=False)
    monkeypatch.delenv("GIT_WORK_TREE", raising=False)
    repo = tmp_path / "repo"
    repo.mkdir()

    def run(*args):
        return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout

    run("init", "-q", "-b", "main")
    return repo, run


def findings(run_json, repo, *args):
    code, data, err = run_json("--select", RULE, *args, cwd=repo)
    assert code in (0, 1), err
    return sorted((f["path"], f["line"]) for f in data["findings"])


def test_since_reports_only_changed_lines(git, run_json):
    repo, run = git
    (repo / "articles").mkdir()
    (repo / "articles" / "a.txt").write_text("".join(line(n) for n in range(1, 6)), encoding="utf-8")
    (repo / "articles" / "old name.txt").write_text("".join(line(n) for n in range(10, 14)), encoding="utf-8")
    (repo / "articles" / "gone.txt").write_text(line(20), encoding="utf-8")
    (repo / "articles" / "untouched.txt").write_text(line(30), encoding="utf-8")
    run("add", "-A")
    run("commit", "-q", "-m", "base")
    base = run("rev-parse", "HEAD").strip()

    # A commit: modify line 2 of a.txt, rename "old name.txt" and change its line 3, delete gone.txt.
    text = (repo / "articles" / "a.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    text[1] = "Paragraph 2 now said the the talks had ended.\n"
    (repo / "articles" / "a.txt").write_text("".join(text), encoding="utf-8")
    run("mv", "articles/old name.txt", "articles/nouveau nom é.txt")
    renamed = (repo / "articles" / "nouveau nom é.txt")
    moved = renamed.read_text(encoding="utf-8").splitlines(keepends=True)
    moved[2] = "Paragraph 12 was rewritten: it was the the end.\n"
    renamed.write_text("".join(moved), encoding="utf-8")
    run("rm", "-q", "articles/gone.txt")
    run("add", "-A")
    run("commit", "-q", "-m", "edit")

    # Uncommitted: a line inserted after line 4 of a.txt (unstaged), a new untracked file, a staged new file.
    text = (repo / "articles" / "a.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    text.insert(4, line(99))
    (repo / "articles" / "a.txt").write_text("".join(text), encoding="utf-8")
    (repo / "articles" / "new.txt").write_text("Clean line.\n" + line(40) + line(41), encoding="utf-8")
    (repo / "articles" / "staged.txt").write_text(line(50), encoding="utf-8")
    run("add", "articles/staged.txt")

    everything = findings(run_json, repo, "articles")
    assert len(everything) == 6 + 4 + 1 + 2 + 1  # a.txt, the renamed file, untouched, new, staged

    assert findings(run_json, repo, "--since", base, "articles") == sorted([
        ("articles/a.txt", 2), ("articles/a.txt", 5),           # committed change, unstaged insertion
        ("articles/nouveau nom é.txt", 3),                        # renamed: only its changed line
        ("articles/new.txt", 2), ("articles/new.txt", 3),        # untracked: every line
        ("articles/staged.txt", 1),                               # staged new file
    ])
    # Since the last commit: only the uncommitted work.
    assert findings(run_json, repo, "--since", "HEAD", "articles") == sorted([
        ("articles/a.txt", 5), ("articles/new.txt", 2), ("articles/new.txt", 3), ("articles/staged.txt", 1)])
    # A single file, from a subfolder, with a relative path.
    assert findings(run_json, repo / "articles", "--since", base, "a.txt") == [("a.txt", 2), ("a.txt", 5)]
    # Nothing changed since the working tree's own state: nothing to report but untracked files.
    run("add", "-A")
    run("commit", "-q", "-m", "all")
    assert findings(run_json, repo, "--since", "HEAD", "articles") == []


def test_since_in_other_formats_and_exit_code(git, run_cli):
    repo, run = git
    (repo / "a.txt").write_text(line(1) + line(2), encoding="utf-8")
    run("add", "-A")
    run("commit", "-q", "-m", "base")
    code, out, _ = run_cli("check", "--select", RULE, "--since", "HEAD", ".", cwd=repo)
    assert code == 0 and "No problems found" in out
    (repo / "a.txt").write_text(line(1) + line(3), encoding="utf-8")
    code, out, _ = run_cli("check", "--select", RULE, "--since", "HEAD", "--format", "github", ".", cwd=repo)
    assert code == 1 and out.count("::warning") == 1 and "line=2," in out


def test_since_outside_a_repository_is_an_error(tmp_path, run_cli, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "a.txt").write_text(line(1), encoding="utf-8")
    code, out, err = run_cli("check", "--since", "HEAD", "a.txt", cwd=tmp_path)
    assert code == 2 and out == ""
    assert "--since" in err and "not in a git repository" in err


def test_since_with_an_unknown_revision_is_an_error(git, run_cli):
    repo, run = git
    (repo / "a.txt").write_text(line(1), encoding="utf-8")
    run("add", "-A")
    run("commit", "-q", "-m", "base")
    for ref in ("no-such-branch", "--output=/tmp/x", "HEAD~5"):
        code, out, err = run_cli("check", f"--since={ref}", "a.txt", cwd=repo)
        assert code == 2 and out == ""
        assert "--since" in err and ("unknown git revision" in err or "not a git revision" in err)


def test_since_path_outside_the_repository_is_an_error(git, run_cli, tmp_path):
    repo, run = git
    (repo / "a.txt").write_text(line(1), encoding="utf-8")
    run("add", "-A")
    run("commit", "-q", "-m", "base")
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(line(2), encoding="utf-8")
    code, _, err = run_cli("check", "--since", "HEAD", "a.txt", outside, cwd=repo)
    assert code == 2 and "outside the git repository" in err


def test_parse_diff():
    diff = (
        "diff --git a/x.txt b/x.txt\n--- a/x.txt\n+++ b/x.txt\n@@ -2 +2 @@\n-old\n+new\n"
        "@@ -5,0 +6,2 @@\n+a\n+b\n@@ -9,3 +11,0 @@\n-gone\n-gone\n-gone\n"
        "diff --git a/r.txt b/s.txt\nsimilarity index 100%\nrename from r.txt\nrename to s.txt\n"
        "diff --git a/d.txt b/d.txt\ndeleted file mode 100644\n--- a/d.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
        'diff --git "a/t\\tab.txt" "b/t\\tab.txt"\n--- "a/t\\tab.txt"\n+++ "b/t\\tab.txt"\n@@ -0,0 +1 @@\n+y\n'
    )
    assert parse_diff(diff) == {"x.txt": {2, 6, 7}, "s.txt": set(), "t\tab.txt": {1}}


def test_parse_diff_never_reads_hunk_content_as_headers():
    # Added lines whose text begins "++ b/..." or "@@" appear as "+++ b/..." and "+@@": still content.
    diff = ("diff --git a/x.txt b/x.txt\n--- a/x.txt\n+++ b/x.txt\n@@ -1,2 +1,4 @@\n-a\n-b\n"
            "+++ b/evil.txt\n+@@ -1 +100,5 @@\n+diff --git a/y b/y\n+line\u2028with separator\n"
            "\\ No newline at end of file\n"
            "diff --git a/z.txt b/z.txt\n--- a/z.txt\n+++ b/z.txt\n@@ -3,0 +4 @@\n+-- not a header\n")
    assert parse_diff(diff) == {"x.txt": {1, 2, 3, 4}, "z.txt": {4}}


def test_unquote():
    assert _unquote('"caf\\303\\251 \\"q\\".txt"') == 'café "q".txt'
    assert _unquote("plain name.txt") == "plain name.txt"
