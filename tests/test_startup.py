"""Start-up: what a check of one small article imports and how it gets its compiled patterns.

The start-up work (docs/performance.md, "Start-up") keeps modules a short check does not need
off its path, replaces dataclasses by records (newslint._records), imports ``regex`` only when a
pattern of it is used (newslint.lazyre) and keeps compiled regular expressions between runs
(newslint.recache). These tests check that each of those behaves as what it replaces; none
of them times anything.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import marshal
import os
import pickle
import re
import subprocess
import sys
import textwrap

import pytest
import regex

from newslint.findings import Edit, FileError, Finding, Fix, Report

PLAIN_ARTICLE = textwrap.dedent("""\
    Council approves new rail fares

    The council approved new fares on Tuesday, officials said. “We will keep talking,” said
    Daniel Reyes, an economist at the bank. According to a senior diplomat, costs rose.
    """)


def _imported_by_check(tmp_path, *extra: str) -> tuple[set[str], str]:
    article = tmp_path / "article.txt"
    article.write_text(PLAIN_ARTICLE, encoding="utf-8")
    code = ("import sys; from newslint.cli import main; code = main(['check', '--no-cache', "
            f"{str(article)!r}{''.join(', ' + repr(a) for a in extra)}]); "
            "sys.stderr.write('modules: ' + ' '.join(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                          timeout=120)
    assert done.returncode in (0, 1), done.stderr
    return set(done.stderr.rsplit("modules: ", 1)[-1].split()), done.stdout


def test_a_plain_text_check_imports_none_of_what_it_does_not_need(tmp_path):
    # Run twice: the first run fills the start-up caches (plugin list, parsed YAML, patterns).
    _imported_by_check(tmp_path)
    modules, out = _imported_by_check(tmp_path)
    assert "problem" in out or "No problems" in out
    # regex (plain Latin text is read with re: newslint.fastre; the house style's declarative rules
    # compile their patterns when first used, and this article holds nothing they look for),
    # typing and pathlib are only for what a short check does not do.
    assert "newslint.declarative" in modules  # the shipped house style's rules were loaded
    for module in ("dataclasses", "inspect", "importlib.metadata", "yaml", "pluggy", "json", "regex", "typing",
                   "pathlib"):
        assert module not in modules, module


def test_text_outside_the_plain_set_still_gets_regex(tmp_path):
    from newslint.api import check_text

    findings = check_text("Officials in Київ said the the plan was sound.", path="a.txt")
    assert any(f.rule == "artifacts/repeated-word" for f in findings)
    assert "regex" in sys.modules


# -- records: what the dataclasses were ---------------------------------------------------------

def _finding() -> Finding:
    return Finding("a.txt", 1, 2, 1, 5, "names/x", "warning", "msg", ("Kyiv",),
                   Fix(True, (Edit(1, 2, 1, 5, "Kyiv"),)))


def test_records_compare_hash_and_show_as_their_dataclasses_did():
    finding = _finding()
    assert finding == _finding() and hash(finding) == hash(_finding())
    assert finding != dataclasses.replace(finding, line=2)
    assert finding != tuple(getattr(finding, f.name) for f in dataclasses.fields(finding))
    assert repr(finding) == (
        "Finding(path='a.txt', line=1, column=2, end_line=1, end_column=5, rule='names/x', severity='warning', "
        "message='msg', suggestions=('Kyiv',), fix=Fix(safe=True, edits=(Edit(line=1, column=2, end_line=1, "
        "end_column=5, text='Kyiv'),)))")
    # A field left out of comparisons and repr.
    assert FileError("a", "b", "traceback") == FileError("a", "b") and repr(FileError("a", "b", "t")) == \
        "FileError(path='a', message='b')"
    # Mutable records are not hashable, as a dataclass with eq is not.
    with pytest.raises(TypeError):
        hash(Report())
    assert Report() == Report() and Report().findings is not Report().findings


def test_frozen_records_refuse_assignment():
    finding = _finding()
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.line = 3  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del finding.rule


def test_records_work_with_the_dataclasses_functions():
    finding = _finding()
    assert dataclasses.is_dataclass(finding) and dataclasses.is_dataclass(Finding)
    assert [f.name for f in dataclasses.fields(Finding)] == [
        "path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "suggestions", "fix"]
    assert dataclasses.asdict(finding)["fix"] == {"safe": True, "edits": ({"line": 1, "column": 2, "end_line": 1,
                                                                         "end_column": 5, "text": "Kyiv"},)}
    assert dataclasses.replace(finding, severity="error").severity == "error"
    assert dataclasses.astuple(Edit(1, 2, 3, 4, "x")) == (1, 2, 3, 4, "x")
    report_fields = {f.name: f for f in dataclasses.fields(Report)}
    assert report_fields["findings"].default_factory is list
    assert not dataclasses.fields(FileError)[2].compare


def test_records_pickle_and_copy():
    finding = _finding()
    for copied in (pickle.loads(pickle.dumps(finding)), copy.copy(finding), copy.deepcopy(finding)):
        assert copied == finding and type(copied) is Finding
    report = Report([finding], [FileError("a", "b", "tb")], 1)
    assert pickle.loads(pickle.dumps(report)) == report


def test_finding_to_dict_is_the_json_contract():
    data = _finding().to_dict()
    assert list(data) == ["path", "line", "column", "end_line", "end_column", "rule", "severity", "message",
                          "suggestions", "fix"]
    assert data["suggestions"] == ["Kyiv"]
    assert data["fix"] == {"safe": True, "edits": [{"line": 1, "column": 2, "end_line": 1, "end_column": 5,
                                                    "text": "Kyiv"}]}
    assert json.loads(json.dumps(data)) == data


def test_declared_records_take_defaults_and_factories():
    from newslint._records import Record, field

    class Settings(Record):
        name: str
        items: list = field(default_factory=list)
        level: int = 2
        hidden: object = field(default=None, repr=False, compare=False)

    first, second = Settings("a"), Settings(name="a", hidden=object())
    assert first == second and first.items == [] and first.items is not second.items
    assert repr(Settings("b", [1], 3)).endswith(".Settings(name='b', items=[1], level=3)")  # the qualified name
    with pytest.raises(TypeError):
        Settings()
    with pytest.raises(TypeError):
        Settings("a", nope=1)


# -- regex on first use ---------------------------------------------------------------------------

def test_the_lazy_regex_module_is_regex():
    from newslint import lazyre

    assert lazyre.REGEX_IGNORECASE == regex.IGNORECASE == re.IGNORECASE
    assert lazyre.regex.compile is regex.compile and lazyre.regex.escape("a b") == regex.escape("a b")
    pattern = lazyre.lazy(lazyre.regex_compile, r"\p{Lu}\p{Ll}+", lazyre.REGEX_IGNORECASE)
    assert pattern.findall("kyiv Київ") == ["kyiv", "Київ"]


def test_regex_constants_are_regex_values():
    from newslint import lazyre

    assert (lazyre.REGEX_IGNORECASE, lazyre.REGEX_V0) == (regex.IGNORECASE, regex.V0)


def test_checked_patterns_fail_at_once_and_compile_on_first_use_once_known(tmp_path):
    # Each step in a fresh interpreter with the same start-up cache (tests/conftest.py sets
    # NEWSLINT_CACHE_HOME for the session; this test has a folder of its own).
    def run(code: str) -> str:
        env = dict(os.environ, NEWSLINT_CACHE_HOME=str(tmp_path))
        done = subprocess.run([sys.executable, "-c", "import sys\nfrom newslint.lazyre import checked_regexes\n"
                               + code], capture_output=True, text=True, env=env, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    first = "p, = checked_regexes([(r'\\p{Lu}+', 0)]); print(type(p).__name__, p.findall('ab CD'))"
    assert run(first) == "Pattern ['CD']"  # new: compiled (and so checked) at once
    assert run(first.replace("print(", "print('regex' in sys.modules, ")) == "False LazyPattern ['CD']"
    # The flags are part of what was found valid: a known pattern with other flags is checked again.
    assert run("p, = checked_regexes([(r'\\p{Lu}+', 2)]); print(type(p).__name__)") == "Pattern"
    # A bad pattern fails while loading, naming itself, however many good ones come with it.
    assert run("import regex\ntry:\n    checked_regexes([(r'\\p{Lu}+', 0), ('a(b', 0)])\n"
               "except regex.error as error:\n    print(error.pattern)") == "a(b"


def test_lazy_regex_is_not_imported_until_used():
    code = ("import sys; from newslint.lazyre import regex, lazy, regex_compile; "
            "p = lazy(regex_compile, r'\\p{L}+'); assert 'regex' not in sys.modules; "
            "assert p.findall('ab cd') == ['ab', 'cd']; assert 'regex' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_white_space_class_is_regex_white_space_on_every_character():
    from newslint.fastre import WHITE_SPACE

    ours = re.compile("[" + WHITE_SPACE + "]")
    theirs = regex.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert bool(ours.match(char)) == bool(theirs.match(char)), hex(code)


def test_escaped_characters_do_not_hide_literals():
    from newslint_plugins.artifacts._common import required_literals

    words, ignorecase = required_literals(r"\(?(?:Image|Photo|Picture): [A-Z]\w+\)?")
    assert set(words) == {"Image", "Photo", "Picture"} and not ignorecase
    assert required_literals(r"(?(1)a|b)") is None


# -- compiled patterns kept between runs ----------------------------------------------------------

def test_kept_code_makes_the_patterns_re_makes(tmp_path, monkeypatch):
    from re import _compiler

    from newslint.recache import kept

    monkeypatch.setenv("NEWSLINT_CACHE_HOME", str(tmp_path))
    original = _compiler.compile
    patterns = [(r"(?P<word>[^\W_]+)(?:['’\-](?P=word))?", 0), (r"\s+that\b", re.IGNORECASE),
                (r"(?x) a b  # a comment", 0), ("[“”\"«»„‘’'‹›‚]", 0), (r"(?i)x(?-i:Y)", 0)]
    for _ in range(2):  # the first run keeps the code, the second reads it back
        with kept():
            assert _compiler.compile is not original
            made = [_compiler.compile(pattern, flags) for pattern, flags in patterns]
        assert _compiler.compile is original
        for (pattern, flags), compiled in zip(patterns, made):
            expected = original(pattern, flags)
            assert compiled == expected, pattern  # same flags, same code
            assert (compiled.groupindex, compiled.groups) == (expected.groupindex, expected.groups)
    assert list((tmp_path / "re").iterdir())


def test_a_pattern_re_warns_about_is_left_to_re(tmp_path, monkeypatch):
    from re import _compiler

    from newslint import recache

    monkeypatch.setenv("NEWSLINT_CACHE_HOME", str(tmp_path))
    with recache.kept():
        with pytest.warns(FutureWarning):
            _compiler.compile("[[a]", 0)  # "possible nested set"
        assert ("[[a]", 0) not in _compiler.compile.__self__.entries


def test_a_damaged_kept_entry_is_compiled_afresh(tmp_path, monkeypatch):
    from re import _compiler

    from newslint import recache, usercache

    monkeypatch.setenv("NEWSLINT_CACHE_HOME", str(tmp_path))
    usercache.write("re", recache._cache_key(), {(r"ab+", 0): marshal.dumps((0, [1, 2, 3], 0, {}, (None,))),
                                                 (r"cd+", 0): b"\xff not marshal data",
                                                 (r"ef+", 0): marshal.dumps("not the parts")})
    with recache.kept():
        compiled = [_compiler.compile(pattern, 0) for pattern in (r"ab+", r"cd+", r"ef+")]
    for pattern, made in zip((r"ab+", r"cd+", r"ef+"), compiled):
        assert made == _compiler.compile(pattern, 0) and made.match(pattern[0] + pattern[1] * 3)


def test_kept_code_is_read_only_for_the_patterns_a_run_compiles(tmp_path, monkeypatch):
    """The cache holds the code of every pattern earlier runs compiled; a run reads (unmarshals)
    only that of the patterns it compiles."""
    from re import _compiler

    from newslint import recache

    monkeypatch.setenv("NEWSLINT_CACHE_HOME", str(tmp_path))
    patterns = [rf"word{index}\s+(?:that|which)" for index in range(20)]
    with recache.kept():
        for pattern in patterns:
            _compiler.compile(pattern, 0)
    read = []
    from types import SimpleNamespace

    counting = SimpleNamespace(loads=lambda data: read.append(data) or marshal.loads(data), dumps=marshal.dumps)
    monkeypatch.setattr(recache, "marshal", counting)  # recache's own reads, not the cache file's
    with recache.kept():
        assert _compiler.compile(patterns[3], 0).match("word3  that")
    assert len(read) == 1  # the one pattern's code, not the twenty


def _every_lazy_regex_pattern() -> list[tuple[str, int]]:
    """The ``regex`` patterns newslint and its plugins compile on first use (all of them: every
    plugin module imported, the shipped configuration's declarative rules loaded)."""
    import gc

    import newslint
    from newslint.lazyre import LazyPattern, regex_compile

    newslint.load_config().active_rules
    found = set()
    for item in gc.get_objects():
        if type(item) is LazyPattern and item._factory is regex_compile:
            found.add((item._args[0], int(item._args[1]) if len(item._args) > 1 else 0))
    return sorted(found)


REGEX_SAMPLE = ("KIEV, March 4 (Reuters) — The US said 5 per cent, “claimed” Mr O’Neill; notes to editors: TK. "
                "Follow us on Twitter at @bbc. Київ, Zelenskyy's aides! Image source, Getty Images\n\nthe the end")


def test_kept_regex_code_makes_the_patterns_regex_makes(tmp_path, monkeypatch):
    # The second run builds each pattern from the code the first kept, as pickle does, with the
    # regex module's C part alone: the same pattern (its pickled data: flags, code, groups and
    # required string) finding the same matches.
    from newslint import lazyre, recache

    monkeypatch.setenv("NEWSLINT_CACHE_HOME", str(tmp_path))
    patterns = _every_lazy_regex_pattern()
    assert len(patterns) > 30
    for run in range(2):
        with recache.kept():
            assert lazyre.KEPT_REGEX is not None
            kept_regex = lazyre.KEPT_REGEX
            made = [lazyre.regex_compile(pattern, flags) for pattern, flags in patterns]
        assert lazyre.KEPT_REGEX is None
        assert len(kept_regex.entries) == len(patterns) and kept_regex.added == (run == 0)
        for (pattern, flags), compiled in zip(patterns, made):
            expected = regex.compile(pattern, flags)
            assert compiled._pickled_data == expected._pickled_data, pattern
            assert [m.span() for m in compiled.finditer(REGEX_SAMPLE)] == \
                [m.span() for m in expected.finditer(REGEX_SAMPLE)], pattern
    assert list((tmp_path / "regex").iterdir())


def test_a_damaged_kept_regex_entry_is_compiled_afresh(tmp_path, monkeypatch):
    # regex's C part runs whatever code it is given: a damaged entry (a flipped byte in its code)
    # could crash the process. Entries are stored with a digest: one that does not match is not used.
    import marshal

    from newslint import lazyre, recache, usercache

    monkeypatch.setenv("NEWSLINT_CACHE_HOME", str(tmp_path))
    pattern = r"(?<!\b\p{Lu}{2,}\s)US(?![.$]| Airways)"
    with recache.kept():
        lazyre.regex_compile(pattern, 0)
    check, blob = usercache.read("regex", recache._regex_cache_key())
    assert check == usercache.digest(blob)
    data = marshal.loads(blob)[(pattern, 0)]
    damaged = bytearray(data[2])
    damaged[len(damaged) // 2] ^= 0xFF
    blob = marshal.dumps({(pattern, 0): (data[0], data[1], bytes(damaged), *data[3:])})
    usercache.write("regex", recache._regex_cache_key(), (check, blob))  # the old digest: a damaged entry
    with recache.kept():
        compiled = lazyre.regex_compile(pattern, 0)
    assert compiled._pickled_data == regex.compile(pattern)._pickled_data
    assert [m.span() for m in compiled.finditer("The US and US Airways")] == [(4, 6)]
    # An entry of the wrong shape (a damaged file that still reads) is compiled afresh too.
    usercache.write("regex", recache._regex_cache_key(), {(pattern, 0): ("ab+", "not the flags")})
    with recache.kept():
        assert lazyre.regex_compile(pattern, 0)._pickled_data == regex.compile(pattern)._pickled_data


def test_a_check_with_kept_regex_code_does_not_import_the_regex_parser(tmp_path):
    # An article the house style's "US" and "per cent" rules need regex patterns for: the first run
    # imports regex and keeps the patterns' code; the next loads only regex's C part, and finds the
    # same. ``import regex`` afterwards works, with that same C part.
    article = tmp_path / "article.txt"
    article.write_text("Fares rise\n\nThe US council said fares would rise 5 per cent, officials said.\n",
                       encoding="utf-8")
    code = ("import sys; from newslint.cli import main; main(['check', '--no-cache', 'article.txt']); "
            "before = sorted(m for m in sys.modules if m.startswith('regex')); import regex; "
            "sys.stderr.write('modules: ' + ' '.join(before) + ' ' + str(regex.compile('a')._pickled_data[0]))")
    env = dict(os.environ, NEWSLINT_CACHE_HOME=str(tmp_path / "cache"))
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env,
                           timeout=120) for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout and "style/us" in runs[0].stdout and "style/percent" in runs[0].stdout
    assert "regex._regex_core" in runs[0].stderr
    assert runs[1].stderr.rsplit("modules: ", 1)[-1] == "regex._regex a", runs[1].stderr


def test_a_lasting_resolver_moves_configurations_and_rules_out_of_the_collectors_way(tmp_path):
    # A command-line run's configurations and rules live as long as the process: once loaded (and
    # set up), they are frozen, so that the cyclic collector never walks them (a large house
    # dictionary's tables are tens of thousands of objects). A resolver for a library caller freezes
    # nothing: gc.freeze acts on every object of the process.
    import gc

    from newslint.registry import default_registry
    from newslint.runner import ConfigResolver

    (tmp_path / ".newslint.yaml").write_text("names:\n  proper: [Grentex]\n", encoding="utf-8")
    path = str(tmp_path / "a.txt")
    gc.unfreeze()
    try:
        library = ConfigResolver(default_registry())
        library.set_up_rules(library.for_path(path))
        assert gc.get_freeze_count() == 0
        lasting = ConfigResolver(default_registry(), lasting=True)
        config = lasting.for_path(path)
        assert gc.get_freeze_count() > 0 and "active_rules" not in config.__dict__  # rules on first use
        gc.unfreeze()
        lasting.set_up_rules(config)
        assert gc.get_freeze_count() > 0 and config.active_rules
        assert gc.isenabled()
    finally:
        gc.unfreeze()
