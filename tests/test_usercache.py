"""The start-up caches keep one entry per slot: a changed file replaces its entry, it does not add one."""

from __future__ import annotations

import os

from newslint import usercache
from newslint.yamlfile import load_yaml


def entries(folder, kind):
    return sorted(os.listdir(folder / kind)) if (folder / kind).is_dir() else []


def test_a_slot_holds_one_entry_valid_for_its_key(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_HOME", str(tmp_path))
    usercache.write("things", ("stamp", 1), "first", slot="a thing")
    assert usercache.read("things", ("stamp", 1), slot="a thing") == "first"
    usercache.write("things", ("stamp", 2), "second", slot="a thing")
    assert usercache.read("things", ("stamp", 1), slot="a thing") is None  # stale: replaced
    assert usercache.read("things", ("stamp", 2), slot="a thing") == "second"
    usercache.write("things", ("stamp", 1), "other", slot="another thing")
    assert len(entries(tmp_path, "things")) == 2


def test_without_a_slot_each_key_has_its_own_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_HOME", str(tmp_path))
    usercache.write("things", 1, "one")
    usercache.write("things", 2, "two")
    assert (usercache.read("things", 1), usercache.read("things", 2)) == ("one", "two")
    assert len(entries(tmp_path, "things")) == 2


def test_an_edited_yaml_file_replaces_its_cached_parse(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_HOME", str(cache))
    path = tmp_path / ".newslint.yaml"
    for version in range(5):
        path.write_text(f"rules:\n  artifacts/repeated-word: error\n# edit {version}\n" + "#" * version)
        os.utime(path, ns=(version * 10**9, version * 10**9))
        assert load_yaml(path) == {"rules": {"artifacts/repeated-word": "error"}}
        assert load_yaml(path) == {"rules": {"artifacts/repeated-word": "error"}}  # from the cache
    assert len(entries(cache, "yaml")) == 1


def _cache_files(folder) -> dict[str, bytes]:
    return {os.path.relpath(os.path.join(root, name), folder): open(os.path.join(root, name), "rb").read()
            for root, _, names in os.walk(folder) for name in names}


def test_once_filled_the_caches_are_only_read(tmp_path):
    # Each run has another string hash seed, as separate processes have: anything built from a set's
    # order (a pattern, a key) would differ from run to run, and be compiled and written again each time.
    import subprocess
    import sys

    article = tmp_path / "article.txt"
    article.write_text("Council approves new fares\n\nThe US council approved the plan, officials said. "
                       "“We will keep talking,” said Daniel Reyes. Costs rose 5 per cent.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    # A working folder nothing writes to: it is on the import path of ``python -c``, and the plugin
    # list's entry is keyed by the modification times of those folders.
    quiet = tmp_path / "cwd"
    quiet.mkdir()

    def run(seed: int) -> None:
        env = dict(os.environ, NEWSLINT_CACHE_HOME=str(cache), PYTHONHASHSEED=str(seed))
        done = subprocess.run([sys.executable, "-c", "import sys; from newslint.cli import main; sys.exit(main())",
                               "check", "--no-cache", str(article)],
                              capture_output=True, text=True, env=env, cwd=quiet, timeout=120)
        assert done.returncode == 1 and "style/" in done.stdout, done.stdout + done.stderr

    run(1)
    filled = _cache_files(cache)
    assert {"plugins", "yaml", "re", "lexicons"} <= {name.split(os.sep)[0] for name in filled}
    for seed in (2, 3):
        run(seed)
        assert _cache_files(cache) == filled
