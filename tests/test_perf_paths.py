"""The fast paths of the performance work give exactly what the plain paths give.

Fast paths (newslint.fastre, newslint.words, the rules' cheap tests) are only
allowed where they are exact; these tests check the facts they rely on against
the installed ``re`` and ``regex`` modules, and compare whole checks with the
fast paths turned off.
"""

from __future__ import annotations

import importlib
import random
import re
import unicodedata

import pytest
import regex

from newslint import fastre

SAFE = [chr(code) for low, high in fastre.SAFE_RANGES for code in range(low, high + 1)]


def test_re_and_regex_agree_on_every_safe_character():
    pairs = [
        (regex.compile(r"\w"), re.compile(r"\w")),
        (regex.compile(r"\s"), re.compile(r"\s")),
        (regex.compile(r"[\p{L}\p{M}]"), re.compile(fastre.LETTER)),
        (regex.compile(r"[\p{L}\p{N}\p{M}]"), re.compile(fastre.WORD_CHAR)),
        (regex.compile(r"\d"), re.compile(r"\d")),
    ]
    for char in SAFE:
        for ours, theirs in pairs:
            assert bool(ours.match(char)) == bool(theirs.match(char)), (hex(ord(char)), ours.pattern)
        assert len(char.lower()) == 1, hex(ord(char))
        assert not unicodedata.category(char).startswith("M")


def test_case_insensitive_equality_implies_equal_lowercase_on_safe_letters():
    letters = [char for char in SAFE if char.isalpha()]
    for char in letters:
        pattern = regex.compile(regex.escape(char), regex.IGNORECASE)
        same = re.compile(re.escape(char), re.IGNORECASE)
        for other in letters:
            if pattern.fullmatch(other):
                assert char.lower() == other.lower(), (char, other)
                assert same.fullmatch(other), (char, other)


def test_odd_letters_are_every_safe_letter_neither_capital_nor_small():
    odd = {char for char in SAFE if char.isalpha() and unicodedata.category(char) not in ("Lu", "Ll")}
    assert odd == set(fastre.ODD_LETTERS)
    for char in SAFE:
        if unicodedata.category(char) == "Lu":
            assert char.isupper()
        if unicodedata.category(char) == "Ll":
            assert char.islower()


def test_is_plain():
    assert fastre.is_plain("Kyiv’s “mayor” said — “£5m”… 1½".replace("½", ""))
    assert not fastre.is_plain("İstanbul")
    assert not fastre.is_plain("café\u0301")
    assert not fastre.is_plain("Київ")
    assert fastre.cased_plain("Kyiv") and not fastre.cased_plain("Nª 5")


def test_core_manifest_lists_what_each_builtin_module_contributes():
    from newslint.registry import CORE_MANIFEST

    for module_name, (parsers, reporters) in CORE_MANIFEST.items():
        module = importlib.import_module(module_name)
        found_parsers = tuple((p.name, tuple(p.extensions)) for p in getattr(module, "newslint_parsers", lambda: [])())
        found_reporters = tuple(r.name for r in getattr(module, "newslint_reporters", lambda: [])())
        assert (found_parsers, found_reporters) == (tuple(parsers), tuple(reporters)), module_name


def test_checking_a_text_file_imports_no_other_format():
    import subprocess
    import sys

    code = ("import sys, newslint; newslint.check_text('Talks ended, he said.', path='a.txt'); "
            "print(sorted(m for m in sys.modules if m.startswith('newslint.builtin')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "markdown" not in out and "html" not in out and "sarif" not in out


# -- whole checks with the fast paths turned off --------------------------------------
VOCABULARY = ("the The THE the the a an in In In in said Said told according to Critics say it is believed "
              "Research has shown claimed insisted Kiev KIEV kyiv Kyiv Kyiv’s moscow Moscow Grentex grentex "
              "Grentex’s pro-grentex Zelenskyy Zelenskiy Gorbachev Gorbachov TK XXX [CHECK] lorem ipsum "
              "reuters Advertisement 'tis ’em don't break-in co-op anti-government x_y _the the_ "
              "don't don't very very 10 10 İstanbul café Nº").split(" ")
MARKS = [" ", " ", " ", ", ", ". ", "; ", " “", "” ", "’", "'", "-", "\n", "\n\n", "!! ", " ,", " ?", "…"]


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(3, 120)):
            parts.append(rng.choice(VOCABULARY))
            parts.append(rng.choice(MARKS))
        texts.append("".join(parts))
    return texts


def _slow_paths(monkeypatch):
    """Every fast path off: no text is plain, so each rule takes its general path."""
    from newslint import words  # (sentences and the document read fastre.plain: patched below)
    from newslint_plugins.artifacts import editor_note, stray_tag
    from newslint_plugins.names import lowercase_proper_noun

    never = lambda text: False  # noqa: E731
    monkeypatch.setattr(fastre, "is_plain", never)
    monkeypatch.setattr(fastre, "cased_plain", never)
    monkeypatch.setattr(words, "is_plain", never)
    monkeypatch.setattr(editor_note, "is_plain", never)
    monkeypatch.setattr(stray_tag, "is_plain", never)
    monkeypatch.setattr(lowercase_proper_noun, "cased_plain", never)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_fast_and_general_paths_find_the_same(monkeypatch, suffix):
    import newslint

    config = newslint.load_config()
    texts = _random_texts(150, seed=11 if suffix == ".txt" else 12)
    fast = [newslint.check_text(text, path="a" + suffix, config=config) for text in texts]
    assert sum(map(len, fast)) > 100
    with monkeypatch.context() as patch:
        _slow_paths(patch)
        config = newslint.load_config()  # fresh rule instances
        slow = [newslint.check_text(text, path="a" + suffix, config=config) for text in texts]
    assert fast == slow


def test_anchor_scan_from_the_word_lists_matches_the_pattern():
    import newslint
    from newslint.registry import default_registry
    from newslint_plugins.attribution import _common

    newslint.load_config().active_rules
    anchors, shaped = _common._anchor_set()
    assert shaped
    parser = default_registry().parsers["text"]
    for text in _random_texts(200, seed=5) + ["it’s so-called anti-government said_x _said it's one-off"]:
        document = parser.parse(text)
        lower = text.lower()
        if not document.words.plain or len(lower) != len(text):
            continue
        expected: dict[str, list[int]] = {}
        for match in _common._anchor_pattern(anchors).finditer(lower):
            expected.setdefault(match.group().replace("’", "'"), []).append(match.start())
        found = _common._anchor_hits(document, anchors)
        assert {k: sorted(v) for k, v in found.items()} == {k: sorted(v) for k, v in expected.items()}, text


def test_required_literals_are_in_every_match():
    from newslint_plugins.artifacts._common import required_literals

    patterns = [r"\[\[[^\[\]\r\n]{1,200}\]\]", r"(?i)\blorem ipsum\b", r"\b(?:TODO|FIXME)\s*:",
                r"(?i)read more:?.*", r"(?:Image|Photo): [A-Z]\w+", r"x(?i:abc)y"]
    rng = random.Random(2)
    alphabet = "[]{}abcxyLOREMlorem ipsum TODOFIXME:Read more:Image Photo: Getty"
    for pattern in patterns:
        literals = required_literals(pattern)
        assert literals is not None, pattern
        words, ignorecase = literals
        compiled = regex.compile(pattern)
        for _ in range(3000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
            if compiled.search(text):
                hay = text.lower() if ignorecase else text
                assert any(word in hay for word in words), (pattern, text)
    assert required_literals(r"[[:alpha:]]x") is None
    assert required_literals(r"\p{Lu}x") is None


def test_no_abbreviation_is_as_long_as_the_sentence_splitter_looks():
    from newslint import sentences

    assert max(map(len, sentences.ABBREVIATIONS)) < sentences._LONGER_THAN_ABBREVIATIONS


def test_lazy_patterns_behave_as_compiled_ones():
    from newslint.lazyre import lazy

    pattern = lazy(re.compile, r"(a)(b)?", re.IGNORECASE)
    assert pattern.pattern == "(a)(b)?" and pattern.flags & re.IGNORECASE
    assert pattern.sub("x", "AbA") == "xx"
    assert [m.span() for m in pattern.finditer("abA")] == [(0, 2), (2, 3)]
    assert pattern.groups == 2


def test_word_lists_are_the_regex_word_pattern():
    from newslint.words import WORD, Words

    texts = _random_texts(200, seed=21)
    texts += [text.encode("ascii", "ignore").decode() for text in texts]
    for text in texts:
        words = Words(text)
        assert list(zip(words.starts, words.texts)) == [(m.start(), m.group()) for m in WORD.finditer(text)]
        assert words.ends == [m.end() for m in WORD.finditer(text)]
        if words.plain:
            separators = {index for index, word in enumerate(words.texts) if not word.isalnum()}
            assert set(words.compounds) == separators
