"""The results cache (newslint.resultcache): never changes a result, and anything a result depends on invalidates it."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from conftest import newslint_subprocess

ARTICLES = {
    "a.txt": "Officials in Kiev said the the plan was sound.\n\nCritics say it will fail .\n",
    "b.txt": "“We will not leave,” the mayor said.\n\nPrices rose in March. analysts were surprised.\n",
    "c.md": "# Talks resume\n\nThe minister claimed that the figures were accurate.\n",
    "d.html": "<h1>Port reopens</h1><p>The port reopened on Monday, officials said.</p>\n",
    "clean.txt": "The council met on Tuesday and approved the budget, its leader said.\n",
    "sub/e.txt": "Research has shown that the drug works.\n",
}

# A local rule plugin that records each time it checks a document (to see whether a run used the cache).
COUNTING_PLUGIN = '''
import os
from newslint import Rule, hookimpl


class Counted(Rule):
    """Flags "zebra"; appends a line to $COUNT_FILE for every document it checks."""
    id = "counting/zebra"
    summary = "Zebra"
    severity = "warning"

    def check(self, document):
        with open(os.environ["COUNT_FILE"], "a") as handle:
            handle.write("checked\\n")
        at = document.text.find("zebra")
        if at >= 0:
            yield self.problem(at, at + 5, "A zebra")


@hookimpl
def newslint_rules():
    return [Counted]
'''


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    for name, text in ARTICLES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def caching_on(monkeypatch):
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)


def check(folder: Path, *args, env=None, cwd=None):
    result = newslint_subprocess("check", "--format", "json", "--fail-on", "never", *args, folder,
                                 env=env, cwd=cwd or folder.parent)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_cached_results_are_identical_to_a_fresh_check(corpus):
    fresh = check(corpus, "--no-cache")
    assert fresh["findings"], "the articles should have findings"
    first = check(corpus)                    # fills the cache
    assert (corpus.parent / ".newslint_cache" / "results.bin").is_file()
    second = check(corpus)                   # read from it
    assert first == fresh
    assert second == fresh
    text_fresh = newslint_subprocess("check", "--no-cache", corpus, cwd=corpus.parent).stdout
    text_cached = newslint_subprocess("check", corpus, cwd=corpus.parent).stdout
    assert text_cached == text_fresh


def test_cache_folder_is_tagged_ignored_and_movable(corpus, tmp_path):
    check(corpus)
    folder = corpus.parent / ".newslint_cache"
    assert (folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (folder / ".gitignore").read_text().strip() == "*"
    elsewhere = tmp_path / "elsewhere"
    check(corpus, "--cache-dir", elsewhere)
    assert (elsewhere / "results.bin").is_file()


def test_no_cache_reads_and_writes_nothing(corpus):
    check(corpus, "--no-cache")
    assert not (corpus.parent / ".newslint_cache").exists()
    check(corpus, env={"NEWSLINT_NO_CACHE": "1"})
    assert not (corpus.parent / ".newslint_cache").exists()


def test_a_cache_hit_does_not_run_the_rules(tmp_path):
    (tmp_path / "counting_plugin.py").write_text(COUNTING_PLUGIN)
    count = tmp_path / "count.log"
    env = {"PYTHONPATH": str(tmp_path), "NEWSLINT_PLUGINS": "counting_plugin", "COUNT_FILE": str(count)}
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("A zebra crossed.\n")
    (folder / "b.txt").write_text("A horse crossed.\n")
    first = check(folder, "--select", "counting", env=env)
    assert count.read_text().count("checked") == 2
    second = check(folder, "--select", "counting", env=env)
    assert second == first
    assert count.read_text().count("checked") == 2  # nothing checked again
    (folder / "b.txt").write_text("A zebra and a horse crossed.\n")
    third = check(folder, "--select", "counting", env=env)
    assert count.read_text().count("checked") == 3  # only the changed file
    assert sorted(f["path"] for f in third["findings"]) == ["articles/a.txt", "articles/b.txt"]


def test_a_changed_file_is_checked_again(corpus):
    before = check(corpus)
    (corpus / "clean.txt").write_text("The the council met.\n", encoding="utf-8")
    after = check(corpus)
    assert after == check(corpus, "--no-cache")
    assert len(after["findings"]) == len(before["findings"]) + 1


def test_a_configuration_change_invalidates(corpus):
    before = check(corpus)
    assert any(f["rule"] == "names/preferred-spelling" for f in before["findings"])
    config = corpus / ".newslint.yaml"
    config.write_text("rules:\n  names/preferred-spelling: off\n")
    after = check(corpus)
    assert after == check(corpus, "--no-cache")
    assert not any(f["rule"] == "names/preferred-spelling" for f in after["findings"])
    config.write_text("rules:\n  names/preferred-spelling: error\n")
    severities = {f["severity"] for f in check(corpus)["findings"] if f["rule"] == "names/preferred-spelling"}
    assert severities == {"error"}
    # Options and data, not only severities, are part of the key.
    config.write_text("names:\n  preferred:\n    Kyiv:\n      instead-of: []\n")
    assert not any(f["rule"] == "names/preferred-spelling" for f in check(corpus)["findings"])


def test_command_line_selection_and_options_are_part_of_the_key(corpus):
    everything = check(corpus)
    only = check(corpus, "--select", "artifacts")
    assert {f["rule"].split("/")[0] for f in only["findings"]} == {"artifacts"}
    assert check(corpus) == everything
    (corpus / "x.txt").write_text("Talks ended. <!-- newslint-disable names --> Done.\n")
    plain = check(corpus)
    reported = check(corpus, "--report-unused-disables")
    assert reported == check(corpus, "--report-unused-disables", "--no-cache")
    assert plain == check(corpus, "--no-cache")


def test_a_plugin_change_invalidates(tmp_path):
    """Editing a plugin's code (or its version) makes its cached results stale."""
    plugin = tmp_path / "counting_plugin.py"
    plugin.write_text(COUNTING_PLUGIN)
    env = {"PYTHONPATH": str(tmp_path), "NEWSLINT_PLUGINS": "counting_plugin", "COUNT_FILE": str(tmp_path / "c")}
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("A zebra crossed.\n")
    assert [f["message"] for f in check(folder, "--select", "counting", env=env)["findings"]] == ["A zebra"]
    plugin.write_text(COUNTING_PLUGIN.replace('"A zebra"', '"A striped horse"'))
    os.utime(plugin, ns=(os.stat(plugin).st_atime_ns, os.stat(plugin).st_mtime_ns + 10**9))
    assert [f["message"] for f in check(folder, "--select", "counting", env=env)["findings"]] == ["A striped horse"]


def test_plugin_versions_are_part_of_the_code_fingerprint():
    from newslint.registry import PluginInfo, default_registry
    from newslint.resultcache import code_fingerprint

    registry = default_registry()
    before = code_fingerprint(registry)
    original = list(registry.plugins)
    try:
        registry.plugins[:] = [PluginInfo(p.name, p.version + ".post1", p.rules, p.parsers, p.reporters)
                               if p.name == "names" else p for p in original]
        assert code_fingerprint(registry) != before
    finally:
        registry.plugins[:] = original
    assert code_fingerprint(registry) == before


def test_a_damaged_cache_file_is_ignored_and_replaced(corpus):
    fresh = check(corpus, "--no-cache")
    check(corpus)
    results = corpus.parent / ".newslint_cache" / "results.bin"
    results.write_bytes(b"\x00garbage")
    assert check(corpus) == fresh
    assert results.read_bytes() != b"\x00garbage"
    assert check(corpus) == fresh


def test_files_with_errors_are_not_cached(corpus):
    (corpus / "bad.txt").write_bytes(b"caf\xe9 au lait\n")  # not UTF-8: an error every time
    first = newslint_subprocess("check", "--format", "json", corpus, cwd=corpus.parent)
    second = newslint_subprocess("check", "--format", "json", corpus, cwd=corpus.parent)
    assert first.returncode == second.returncode == 2
    assert json.loads(first.stdout)["errors"] == json.loads(second.stdout)["errors"] != []


def test_fix_does_not_use_the_cache(corpus):
    check(corpus)
    result = newslint_subprocess("check", "--fix", corpus / "a.txt", cwd=corpus.parent)
    assert "Fixed" in result.stdout
    assert "the the" not in (corpus / "a.txt").read_text()
    after = check(corpus)
    assert after == check(corpus, "--no-cache")


def test_config_fingerprint_covers_every_setting():
    from newslint.config import load_config
    from newslint.resultcache import config_fingerprint

    base = config_fingerprint(load_config())
    variants = [
        load_config(select=["names"]),
        load_config(ignore=["names"]),
        load_config(overrides={"rules": {"artifacts/repeated-word": "error"}}),
        load_config(overrides={"rules": {"attribution/unattributed-quote": {"min-words": 6}}}),
        load_config(overrides={"rules": {"artifacts/repeated-word": {"scopes": ["body"]}}}),
        load_config(overrides={"names": {"proper": ["Grentex"]}}),
        load_config(overrides={"formats": {".text": "markdown"}}),
    ]
    fingerprints = {config_fingerprint(config) for config in variants}
    assert base not in fingerprints
    assert len(fingerprints) == len(variants)
    assert config_fingerprint(load_config()) == base


def test_config_fingerprint_tells_apart_values_equal_in_python():
    # 1 and True, 1 and 1.0, "1" and 1 are different settings to a rule (a key that is not a string
    # is skipped by the names rules, say), though some compare equal.
    from newslint.config import load_config
    from newslint.resultcache import config_fingerprint

    values = [1, True, 1.0, "1", [1], None]
    fingerprints = {config_fingerprint(load_config(overrides={"names": {"extra": value}})) for value in values}
    fingerprints |= {config_fingerprint(load_config(overrides={"names": {"extra": {value: "x"}}}))
                     for value in (1, "1", True)}
    assert len(fingerprints) == len(values) + 3


FINGERPRINT_SCRIPT = """
import sys
from newslint.config import load_config
from newslint.resultcache import config_fingerprint
extra = {"sets": {"b", "a", "c"}} if sys.argv[1] == "set" else {"entries": {"Zeta": ["x"], "Alpha": ["y"]}}
print(config_fingerprint(load_config(overrides={"names": extra})).hex())
"""


@pytest.mark.parametrize("kind", ["plain", "set"])
def test_config_fingerprint_is_the_same_in_every_process(kind):
    # Another string hash seed in each process: a fingerprint built from a set's order would differ,
    # and every file would be checked again on every run. Plain data is written by repr, other data
    # (a set from a !!set tag, say) sorted.
    import subprocess

    found = set()
    for seed in (1, 2, 3):
        env = dict(os.environ, PYTHONHASHSEED=str(seed), NEWSLINT_NO_CACHE="1")
        done = subprocess.run([sys.executable, "-c", FINGERPRINT_SCRIPT, kind], capture_output=True, text=True,
                              env=env, timeout=120, check=True)
        found.add(done.stdout.strip())
    assert len(found) == 1


def test_the_cache_is_written_atomically(corpus, monkeypatch):
    """The cache file is replaced in one rename: a reader never sees half of it."""
    import newslint.usercache as usercache

    calls = []
    real = os.replace
    monkeypatch.setattr(usercache.os, "replace", lambda a, b: (calls.append((a, b)), real(a, b)))
    from newslint.cli import main

    monkeypatch.chdir(corpus.parent)
    assert main(["check", "--fail-on", "never", str(corpus)]) == 0
    assert any(str(b).endswith("results.bin") for _, b in calls)
    assert not [p for p in (corpus.parent / ".newslint_cache").iterdir() if p.name.endswith(".tmp")]


def test_unchanged_rerun_output_matches_in_process(corpus, monkeypatch, capsys):
    from newslint.cli import main

    monkeypatch.chdir(corpus.parent)
    main(["check", "--no-cache", "--fail-on", "never", str(corpus)])
    fresh = capsys.readouterr().out
    assert "problems" in fresh
    for _ in range(2):
        main(["check", "--fail-on", "never", str(corpus)])
        assert capsys.readouterr().out == fresh
