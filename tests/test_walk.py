"""Walking folders: the order, the files left out, and binary files skipped by the reader."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.files import WalkedPath, iter_files, looks_binary

EXTENSIONS = frozenset({".txt", ".md"})


def walked_with_os_walk(paths, extensions, is_excluded=lambda path: False):
    """The walk as os.walk gives it, the reference for newslint.files.iter_files."""
    seen = set()
    for given in paths:
        for root, dirs, files in os.walk(given):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not is_excluded(os.path.join(root, d)))
            for name in sorted(files):
                if name.startswith(".") or os.path.splitext(name)[1].lower() not in extensions:
                    continue
                path = os.path.join(root, name)
                key = os.path.realpath(path)
                if key in seen or is_excluded(path) or looks_binary(path):
                    continue
                seen.add(key)
                yield path


names = st.sampled_from(["a", "b", "B", ".h", "z-1", "ü", "x.y", "e."])  # (extensions: the last dot's)
suffixes = st.sampled_from([".txt", ".md", ".TXT", ".html", ""])
entries = st.recursive(
    st.tuples(names, suffixes, st.booleans()).map(lambda t: ("file",) + t),
    lambda children: st.tuples(st.just("folder"), names, st.lists(children, max_size=4)),
    max_leaves=12,
)


def build(root: Path, tree) -> None:
    for entry in tree:
        if entry[0] == "file":
            _, name, suffix, binary = entry
            path = root / (name + suffix)
            if not path.exists():
                path.write_bytes(b"x\0y" if binary else b"Text.\n")
        else:
            _, name, children = entry
            folder = root / ("d" + name)
            if folder.is_file():
                continue
            folder.mkdir(exist_ok=True)
            build(folder, children)


@settings(max_examples=60, deadline=None)
@given(st.lists(entries, max_size=6), st.booleans())
def test_the_walk_is_the_os_walk_order_and_choice(tree, with_links):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "root"
        root.mkdir()
        build(root, tree)
        if with_links:  # a link to a file already walked, and a link to a folder (not followed)
            files = sorted(p for p in root.rglob("*") if p.is_file())
            if files:
                os.symlink(files[0], root / "zz-link.txt")
            os.symlink(root, root / "zz-folder")

        def excluded(path):
            return path.endswith("B.md")

        expected = list(walked_with_os_walk([str(root)], EXTENSIONS, excluded))
        assert list(iter_files([str(root)], EXTENSIONS, excluded)) == expected
        unsniffed = list(iter_files([str(root)], EXTENSIONS, excluded, sniff=False))
        assert all(type(path) is WalkedPath for path in unsniffed)
        assert [path for path in unsniffed if not looks_binary(path)] == expected


def test_given_files_are_not_walked_paths(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Text.\n")
    assert [type(p) for p in iter_files([str(path)], EXTENSIONS, sniff=False)] == [str]


def test_walked_binary_files_are_skipped_without_an_error_even_over_the_size_limit(tmp_path, run_json):
    (tmp_path / ".newslint.yaml").write_text("max-file-size: 10\n")
    (tmp_path / "big.txt").write_bytes(b"\0" * 100)
    (tmp_path / "ok.txt").write_text("Fine.\n")
    code, data, _ = run_json(str(tmp_path), "--no-cache")
    assert data["summary"]["files"] == 1 and data["errors"] == []
    assert code == 0


def test_a_binary_file_named_on_the_command_line_is_an_error(tmp_path, run_json):
    path = tmp_path / "named.txt"
    path.write_bytes(b"\0\xff\xfe")
    code, data, _ = run_json(str(path), "--no-cache")
    assert code == 2 and len(data["errors"]) == 1


def test_a_walked_file_gets_the_configuration_of_its_folder_as_a_named_one_does(tmp_path, monkeypatch):
    from newslint.registry import default_registry
    from newslint.runner import ConfigResolver

    (tmp_path / ".newslint.yaml").write_text("ignore: [names]\nper-path:\n  '**/deep/*.md':\n"
                                             "    ignore: [punctuation]\n")
    for folder in ("", "sub", "other", "other/deep"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        for name in ("a.txt", "b.md"):
            (tmp_path / folder / name).write_text("Text.\n")
    (tmp_path / "sub" / ".newslint.yaml").write_text("ignore: [artifacts]\n")
    monkeypatch.chdir(tmp_path)
    for root in (".", "sub/..", str(tmp_path)):
        resolver = ConfigResolver(default_registry())
        walked = list(iter_files([root], EXTENSIONS, sniff=False))
        assert len(walked) == 8 and all(type(path) is WalkedPath for path in walked)
        for path in walked:
            config = resolver.for_path(path)
            assert config is resolver.for_path(str(path))  # the general way finds the same (cached) one
            assert ("artifacts" in config.ignore) == (os.sep + "sub" + os.sep in os.path.abspath(path))
            assert ("punctuation" in config.ignore) == path.endswith(os.path.join("deep", "b.md"))
