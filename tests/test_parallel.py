"""--jobs: worker processes give exactly the report (and the fixes) one process gives."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from conftest import newslint_subprocess

TEXTS = [
    "Officials in Kiev said the the plan was sound.\n\nCritics say it will fail .\n",
    "“We will not leave,” the mayor said.\n\nPrices rose in March. analysts were surprised.\n",
    "The minister claimed that the figures were accurate.\n",
    "The council met on Tuesday and approved the budget, its leader said.\n",
    "Research has shown that the drug works.\n\nIt was a disaster,, officials said.\n",
    "Talks resume in in March, the envoy said.\n",
]


@pytest.fixture
def tree(tmp_path):
    """Thirty articles in three folders (one with its own configuration), in three formats,
    and two files that cannot be checked."""
    root = tmp_path / "tree"
    for folder_index, folder in enumerate(("desk", "sport", "world")):
        for index in range(10):
            text = TEXTS[(index + folder_index) % len(TEXTS)]
            suffix = (".txt", ".md", ".html")[index % 3]
            if suffix == ".html":
                text = "<p>" + text.replace("\n\n", "</p><p>") + "</p>"
            path = root / folder / f"{index:02d}{suffix}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    (root / "sport" / ".newslint.yaml").write_text("rules:\n  artifacts/repeated-word: error\n"
                                                  "per-path:\n  '05.*':\n    ignore: [names]\n")
    (root / "world" / "latin1.txt").write_bytes(b"caf\xe9\n")
    (root / "world" / "empty.txt").write_text("")
    return root


def run(root: Path, *args, cwd=None):
    return newslint_subprocess("check", "--no-cache", *args, root, cwd=cwd or root.parent)


@pytest.mark.parametrize("fmt", ["text", "json", "junit"])
def test_two_jobs_report_exactly_what_one_job_reports(tree, fmt):
    one = run(tree, "--format", fmt, "--jobs", "1")
    two = run(tree, "--format", fmt, "--jobs", "2")
    three = run(tree, "--format", fmt, "-j", "3")
    assert one.returncode == two.returncode == three.returncode == 2  # the Latin-1 file is an error
    assert one.stdout == two.stdout == three.stdout
    assert one.stderr == two.stderr
    if fmt == "json":
        data = json.loads(one.stdout)
        assert data["summary"]["files"] == 31
        assert [e["path"] for e in data["errors"]] == ["tree/world/latin1.txt"]
        paths = [f["path"] for f in data["findings"]]
        assert paths == sorted(paths)


def test_the_default_uses_workers_for_many_files_and_matches(tree):
    default = run(tree, "--format", "json")
    assert default.stdout == run(tree, "--format", "json", "-j1").stdout


def test_fix_with_jobs_writes_the_same_files(tree, tmp_path):
    copy = tmp_path / "copy" / "tree"
    shutil.copytree(tree, copy)
    one = run(tree, "--fix", "-j1")
    two = run(copy, "--fix", "-j2", cwd=copy.parent)
    assert one.stdout == two.stdout
    assert "Fixed" in one.stdout
    for path in tree.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (copy / path.relative_to(tree)).read_bytes(), path


def test_diff_with_jobs_is_the_same(tree):
    one = run(tree, "--diff", "-j1")
    two = run(tree, "--diff", "-j2")
    assert one.stdout == two.stdout and one.stdout.startswith("--- a/")


def test_jobs_and_the_cache_together(tree):
    fresh = run(tree, "--format", "json", "-j1").stdout
    cwd = tree.parent
    for jobs in ("2", "1", "2"):
        result = newslint_subprocess("check", "--format", "json", "-j", jobs, tree, cwd=cwd)
        assert result.stdout == fresh


def test_jobs_must_be_positive(tree):
    result = run(tree, "--jobs", "0")
    assert result.returncode == 2
    assert "--jobs" in result.stderr


def test_default_jobs():
    from newslint.parallel import PARALLEL_THRESHOLD, cpu_count, default_jobs

    assert default_jobs(1) == 1
    assert default_jobs(PARALLEL_THRESHOLD) == 1
    assert default_jobs(PARALLEL_THRESHOLD + 1) == cpu_count()


@pytest.mark.skipif(not hasattr(os, "fork") or not sys.platform.startswith("linux"), reason="forked workers: Linux")
def test_batches_of_a_worker_that_dies_are_checked_by_the_main_process(tree, run_cli, monkeypatch):
    """A forked copy that dies after taking a batch loses nothing: its batches are checked again."""
    import newslint.parallel as parallel

    expected = run_cli("check", "--no-cache", "--format", "json", "-j1", tree)
    main_process = os.getpid()
    take = parallel._take_batches

    def dying(queue, *rest):
        if os.getpid() != main_process:
            os.read(queue, parallel._TOKEN)  # takes a batch, then dies without a word
            os._exit(3)
        return take(queue, *rest)

    monkeypatch.setattr(parallel, "_take_batches", dying)
    monkeypatch.setattr(parallel, "BATCH_FILES", 2)
    got = run_cli("check", "--no-cache", "--format", "json", "-j3", tree)
    assert got == expected
    assert json.loads(got[1])["summary"]["files"] == 31


@pytest.mark.skipif(not hasattr(os, "fork") or not sys.platform.startswith("linux"), reason="forked workers: Linux")
def test_outcomes_are_applied_in_order_while_the_copies_still_check(tree, run_cli, monkeypatch):
    """The main process applies each batch's outcome as soon as every batch before it is in, not once
    the copies have ended: little is left to do after the last file."""
    import newslint.parallel as parallel

    expected = run_cli("check", "--no-cache", "--format", "json", "-j1", tree)
    main_process = os.getpid()
    take = parallel._take_batches

    def one_batch_in_the_copy(*args):
        batches = take(*args)
        if os.getpid() != main_process:  # the copy checks one batch and ends: the rest falls to the main process
            yield next(batches)
            return
        yield from batches

    applied: list[str] = []
    absorb = parallel.absorb
    monkeypatch.setattr(parallel, "absorb", lambda session, result: (applied.extend(result.checked),
                                                                     absorb(session, result)))
    applied_when_joined: list[int] = []
    waitpid = os.waitpid
    monkeypatch.setattr(parallel, "_take_batches", one_batch_in_the_copy)
    monkeypatch.setattr(os, "waitpid", lambda *args: (applied_when_joined.append(len(applied)), waitpid(*args))[1])
    got = run_cli("check", "--no-cache", "--format", "json", "-j2", tree)
    assert got == expected
    files = json.loads(got[1])["summary"]["files"]
    assert len(applied) == files == 31
    assert applied_when_joined[0] >= files - 2  # all but what waited on the copy's one batch
    assert applied == sorted(applied, key=lambda shown: (Path(shown).parent.name, Path(shown).name))


def test_jobs_from_a_threaded_program_use_spawned_workers_and_match(tree, run_cli, monkeypatch):
    """Called beside other threads, newslint does not fork (a lock held by another thread would stay
    held in the copy): it spawns pool workers, with the same report."""
    import threading

    import newslint.parallel as parallel

    expected = run_cli("check", "--no-cache", "--format", "json", "-j1", tree)
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not parallel._can_fork()
        forked = []
        monkeypatch.setattr(parallel, "_in_forks", lambda *a: forked.append(a) or iter(()))
        got = run_cli("check", "--no-cache", "--format", "json", "-j2", tree)
    finally:
        release.set()
        other.join()
    assert forked == [] and got == expected


@pytest.mark.skipif(not hasattr(os, "fork") or not sys.platform.startswith("linux"), reason="forked workers: Linux")
def test_without_memfd_the_outcomes_go_through_a_temporary_file(tree, run_cli, monkeypatch):
    import newslint.parallel as parallel

    expected = run_cli("check", "--no-cache", "--format", "json", "-j1", tree)
    monkeypatch.delattr(os, "memfd_create")
    opened = []
    original = parallel._results_file
    monkeypatch.setattr(parallel, "_results_file", lambda: opened.append(1) or original())
    assert run_cli("check", "--no-cache", "--format", "json", "-j2", tree) == expected
    assert opened == [1]


def test_what_plugins_print_in_forked_copies_is_printed_once(tmp_path):
    """A rule that prints (a plugin's debug output) prints once per file with any number of jobs,
    and what the main process had printed before forking is not printed again by the copies."""
    plugin = tmp_path / "noisy_plugin.py"
    plugin.write_text(
        "from newslint import Rule, hookimpl\n"
        "class Noisy(Rule):\n"
        "    id = 'noisy/print'\n"
        "    summary = 'Prints the path'\n"
        "    severity = 'warning'\n"
        "    def check(self, document):\n"
        "        print('checked', document.path)\n"
        "        return ()\n"
        "@hookimpl\n"
        "def newslint_rules():\n"
        "    return [Noisy]\n")
    folder = tmp_path / "articles"
    folder.mkdir()
    for index in range(12):
        (folder / f"{index:02d}.txt").write_text("The council met on Tuesday, its leader said.\n")
    script = ("import sys\n"
              "print('before the check')\n"
              "from newslint.cli import main\n"
              "sys.exit(main(sys.argv[1:]))\n")
    import subprocess

    # Output to a pipe, block-buffered (without PYTHONUNBUFFERED), as in CI: what a copy printed
    # waits in its buffer until it ends.
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    environment.update(PYTHONPATH=str(tmp_path), NEWSLINT_PLUGINS="noisy_plugin")
    outputs = []
    for jobs in ("1", "2"):
        result = subprocess.run([sys.executable, "-c", script, "check", "--no-cache", "-j", jobs, str(folder)],
                                capture_output=True, text=True, cwd=tmp_path, timeout=120,
                                env=environment)
        outputs.append(result.stdout)
    for output in outputs:  # (the processes' lines may interleave: counted, not compared line by line)
        assert output.count("before the check") == 1
        assert output.count("checked") == 12
        assert all(output.count(f"{index:02d}.txt") == 1 for index in range(12))


def test_what_rules_set_up_on_first_use_is_set_up_once_and_inherited(tmp_path):
    """The main process checks the first file before it forks: a rule's set-up on first use (a
    pattern compiled, a module imported) is done there once, and the copies inherit it."""
    plugin = tmp_path / "lazy_plugin.py"
    plugin.write_text(
        "import os\n"
        "from newslint import Rule, hookimpl\n"
        "SET_UP = []\n"
        "class Lazy(Rule):\n"
        "    id = 'lazy/set-up'\n"
        "    summary = 'Sets up on first use'\n"
        "    severity = 'warning'\n"
        "    def check(self, document):\n"
        "        if not SET_UP:\n"
        "            SET_UP.append(os.getpid())\n"
        f"            with open({str(tmp_path / 'set-ups')!r}, 'a') as log:\n"
        "                log.write(f'{os.getpid()}\\n')\n"
        "        return ()\n"
        "@hookimpl\n"
        "def newslint_rules():\n"
        "    return [Lazy]\n")
    if not hasattr(os, "fork") or not hasattr(os, "memfd_create"):
        pytest.skip("no fork here: spawned workers set up each their own")
    folder = tmp_path / "articles"
    folder.mkdir()
    for index in range(40):
        (folder / f"{index:02d}.txt").write_text("The council met on Tuesday, its leader said.\n")
    import subprocess

    environment = dict(os.environ, PYTHONPATH=str(tmp_path), NEWSLINT_PLUGINS="lazy_plugin")
    result = subprocess.run([sys.executable, "-c", "import sys; from newslint.cli import main; sys.exit(main())",
                             "check", "--no-cache", "-j", "2", str(folder)],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120, env=environment)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len((tmp_path / "set-ups").read_text().split()) == 1  # one process set it up: the others inherited it


@pytest.mark.skipif(not hasattr(os, "pread"), reason="forked workers (and their frames): Linux")
def test_frames_are_read_as_far_as_they_are_whole(tmp_path):
    """The main process reads a copy's outcomes while the copy still writes them: a frame is taken
    only once written whole, and a damaged one (a copy that died while writing) ends the reading,
    its batch left to be checked again."""
    from newslint.parallel import _FRAME_HEADER, _read_frames, _write_frame

    results = os.open(tmp_path / "results", os.O_RDWR | os.O_CREAT)
    try:
        _write_frame(results, (0, ["first"]))
        first_end = os.lseek(results, 0, os.SEEK_CUR)
        _write_frame(results, (1, ["second"]))
        whole = os.pread(results, 1000, first_end)
        os.ftruncate(results, first_end + len(whole) - 3)  # the second frame, still being written
        outcomes: dict = {}
        offset = _read_frames(results, 0, outcomes)
        assert (outcomes, offset) == ({0: ["first"]}, first_end)
        os.pwrite(results, whole, first_end)  # now whole
        offset = _read_frames(results, offset, outcomes)
        assert outcomes == {0: ["first"], 1: ["second"]} and offset == first_end + len(whole)
        damaged = (5).to_bytes(_FRAME_HEADER, "little") + b"xxxxx"
        os.pwrite(results, damaged, offset)
        assert _read_frames(results, offset, outcomes) == offset and len(outcomes) == 2
    finally:
        os.close(results)
