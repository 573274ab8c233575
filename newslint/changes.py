"""Which lines changed since a git revision (``newslint check --since REF``).

The changed lines of a file are the lines added or modified between ``REF``
and the working tree (committed, staged and unstaged changes alike), from
``git diff --unified=0 --no-color -M REF`` (over the whole work tree, so that a
file moved into PATHS from elsewhere is a rename); a renamed file counts only
its new path's added lines; a file untracked by git (and not ignored) is new
since any revision, so all of its lines count. Deleted lines leave nothing to
report. Git counts lines by ``\\n``: a file using lone ``\\r`` line breaks will
not match up.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from typing import Iterable

from newslint.errors import NewslintError

_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


class GitError(NewslintError):
    """git could not say what changed (not a repository, unknown revision, git missing)."""


@dataclass
class ChangedLines:
    """Changed line numbers per file (by real path); ``None`` means every line (a new, untracked file)."""

    root: str
    files: dict[str, set[int] | None] = field(default_factory=dict)

    def lines_for(self, path: str) -> set[int] | None | bool:
        """The changed lines of ``path``, None for all of them, or False when none changed."""
        key = os.path.realpath(path)
        if key not in self.files:
            return False
        return self.files[key]

    def touches(self, path: str, line: int, end_line: int | None = None) -> bool:
        """Whether any line from ``line`` to ``end_line`` of ``path`` changed."""
        lines = self.lines_for(path)
        if lines is None:
            return True
        if lines is False:
            return False
        return any(n in lines for n in range(line, max(line, end_line or line) + 1))


def _git(args: list[str], cwd: str) -> str:
    command = ["git", "-c", "core.quotepath=false", *args]
    try:
        completed = subprocess.run(command, cwd=cwd, capture_output=True, timeout=300,
                                   env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"})
    except FileNotFoundError:
        raise GitError("--since needs git, and git is not installed (or not on PATH)") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} took too long") from None
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]} failed: {message[-1] if message else f'exit {completed.returncode}'}")
    return completed.stdout.decode("utf-8", "surrogateescape")


def _unquote(path: str) -> str:
    """A path as git prints it: C-quoted ("a\\tb", octal bytes) when it has unusual characters."""
    if not (len(path) >= 2 and path.startswith('"') and path.endswith('"')):
        return path
    raw = bytearray()
    body = path[1:-1]
    i = 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            following = body[i + 1]
            if following in "01234567":
                raw.append(int(body[i + 1:i + 4], 8))
                i += 4
                continue
            raw.append(_ESCAPES.get(following, ord(following)))
            i += 2
            continue
        raw.extend(char.encode("utf-8", "surrogateescape"))
        i += 1
    return raw.decode("utf-8", "surrogateescape")


def parse_diff(diff: str) -> dict[str, set[int]]:
    """Added line numbers per new path (relative to the repository root) in a ``--unified=0`` diff."""
    files: dict[str, set[int]] = {}
    current: set[int] | None = None
    old_left = new_left = 0  # lines of the current hunk still to read: its content is never a header
    for line in diff.split("\n"):
        if old_left > 0 or new_left > 0:
            if line.startswith("-"):
                old_left -= 1
            elif line.startswith("+"):
                new_left -= 1
            elif line.startswith(" "):
                old_left -= 1
                new_left -= 1
            elif not line.startswith("\\"):  # "\ No newline at end of file" belongs to the hunk
                old_left = new_left = 0
            if old_left > 0 or new_left > 0 or line.startswith(("-", "+", " ", "\\")):
                continue
        if line.startswith("diff --git "):
            current = None
        elif line.startswith("+++ "):
            target = line[4:].rstrip("\t")
            if target == "/dev/null":
                current = None
                continue
            target = _unquote(target)
            if target.startswith("b/"):
                target = target[2:]
            current = files.setdefault(target, set())
        elif line.startswith("rename to ") and current is None:
            # A pure rename has no +++ line and no hunks: nothing added.
            files.setdefault(_unquote(line[len("rename to "):]), set())
        elif line.startswith("@@"):
            match = _HUNK.match(line)
            if match:
                old_left = int(match.group(2)) if match.group(2) is not None else 1
                start = int(match.group(3))
                new_left = int(match.group(4)) if match.group(4) is not None else 1
                if current is not None:
                    current.update(range(start, start + new_left))
    return files


def _repository_root(paths: list[str]) -> str:
    first = os.path.abspath(paths[0]) if paths else os.getcwd()
    folder = first if os.path.isdir(first) else os.path.dirname(first)
    while folder and not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    try:
        return os.path.realpath(_git(["rev-parse", "--show-toplevel"], folder or os.getcwd()).strip())
    except GitError as error:
        raise GitError(f"--since: {folder or os.getcwd()} is not in a git repository ({error})") from None


def changed_lines(ref: str, paths: Iterable[str]) -> ChangedLines:
    """The lines of ``paths`` (files or folders) added or modified since ``ref``, untracked files whole."""
    paths = [p for p in paths if p != "-"] or ["."]
    root = _repository_root(paths)
    if ref.startswith("-"):
        raise GitError(f"--since: {ref!r} is not a git revision")
    try:
        _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], root)
    except GitError:
        raise GitError(f"--since: unknown git revision {ref!r} in {root}") from None
    specs = []
    for path in paths:
        real = os.path.realpath(path)
        if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
            raise GitError(f"--since: {path} is outside the git repository at {root}")
        specs.append(":(top,literal)" + (os.path.relpath(real, root).replace(os.sep, "/")
                                         if real != root else "."))
    # The whole tree, not just PATHS: rename detection needs both sides of a rename in the diff
    # (a file moved into PATHS from elsewhere is a rename, not new text).
    diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv", "-M",
                 "--src-prefix=a/", "--dst-prefix=b/", ref, "--"], root)
    result = ChangedLines(root)
    for relative, lines in parse_diff(diff).items():
        result.files[os.path.realpath(os.path.join(root, relative))] = lines
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z", "--", *specs], root)
    for relative in filter(None, untracked.split("\0")):
        result.files[os.path.realpath(os.path.join(root, relative))] = None
    return result
