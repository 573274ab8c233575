"""The names rules' cheap tests give exactly what the full work gives.

Each names rule first asks a necessary condition of the shared word lists (set
operations, counts and substring searches in C) and stops when it fails; the
shared helpers (``names._data.capital_flags``, ``compound_parts``) and the word
lists' ``capitalised`` and ``segments`` stand in for their definitions. These
tests turn the cheap tests off and compare whole checks, on text written to sit
at their edges, and check the helpers against their definitions.
"""

from __future__ import annotations

import os
import random
import sys
from collections import Counter

import pytest

import newslint

# Words and marks of stories that exercise the names rules: names capitalised often and sometimes
# in lowercase, dictionary names in lowercase, all-capitals forms, sentence openings, words of
# several parts, transliteration variants, old forms, and characters off the plain path.
VOCABULARY = (
    "the The THE it It IT us Us US but But he He Grentex grentex GRENTEX Grentex’s Grentex's grentex’s "
    "pro-Grentex anti-grentex 'grentex ’grentex Steel steel Steel’s kyiv Kyiv Kyiv’s kyiv’s KYIV Kiev KIEV "
    "kiev Kiev’s north North macedonia Macedonia nato Nato NATO moscow Moscow pro-russian pro-Russian "
    "Zelenskyy Zelenskiy Zelensky Gorbachev Gorbachov Gaddafi Gadaffi Mohammed Mohamed Кyiv Kharkiv Kharkov "
    "Ukraine ukraine Bombay Mumbai formerly a his their Mr Ms Jobs jobs Defence Ministry ministry of Bank "
    "England 2005 Sound said told co-op ’em don't it’s It’s İstanbul café Nº ĸab ĸab ℂity x_y eBay ebay EBAY "
    "iPhone iphone maker"
).split(" ")
FILLER = "officials said talks would resume on monday after a long week and the council was told of plans".split()
MARKS = [" ", " ", " ", " ", ", ", ". ", ". ", "; ", " “", "” ", "’", "'", "-", "\n", "\n\n", " (", ") ", ": "]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        # A few words of the story repeated often, as names are, among ordinary words.
        favourites = rng.sample(VOCABULARY, rng.randint(1, 6))
        share = rng.choice([0.05, 0.2, 0.6])
        parts = []
        for _ in range(rng.randint(3, 160)):
            pick = rng.random()
            parts.append(rng.choice(FILLER) if pick > share else rng.choice(favourites) if pick < share / 2
                         else rng.choice(VOCABULARY))
            parts.append(rng.choice(MARKS))
        text = "".join(parts)
        texts.append(text)
        texts.append(text.encode("ascii", "ignore").decode())
    return texts


class _Every:
    """A set holding every word."""

    def __contains__(self, item) -> bool:
        return True

    def __bool__(self) -> bool:
        return True


OVERRIDES = [
    None,
    {"rules": {"names/lowercase-proper-noun": {"min-capitalised": 1, "min-ratio": 1},
               "names/inconsistent-spelling": {"min-length": 3, "min-majority": 1}}},
    {"rules": {"names/lowercase-proper-noun": {"min-capitalised": 2, "min-ratio": 2},
               "names/inconsistent-spelling": {"min-length": 4}}},
    # A user's dictionary with forms in lowercase and with a capital inside a word.
    {"names": {"proper": ["eBay", "iPhone maker"],
               "preferred": {"eBay Inc": {"instead-of": ["ebay", "EBAY"], "source": "test"},
                             "Grentex Group": {"instead-of": ["iPhone maker", "grentex"], "source": "test"}}}},
]


def _names_findings(texts: list[str], overrides) -> list[list]:
    config = newslint.load_config(select=["names"], overrides=overrides)  # fresh rule instances
    return [newslint.check_text(text, path="a.txt", config=config) for text in texts]


@pytest.mark.parametrize("overrides", OVERRIDES)
def test_the_names_rules_find_the_same_without_their_cheap_tests(monkeypatch, overrides):
    from newslint_plugins.names.inconsistent_spelling import InconsistentSpelling
    from newslint_plugins.names.lowercase_proper_noun import LowercaseProperNoun
    from newslint_plugins.names.preferred_spelling import PreferredSpelling

    texts = _texts(200, seed=31)
    fast = _names_findings(texts, overrides)
    assert sum(map(len, fast)) > 100
    assert {finding.rule for found in fast for finding in found} == {
        "names/preferred-spelling", "names/lowercase-proper-noun", "names/inconsistent-spelling"}
    with monkeypatch.context() as patch:
        always = lambda self, *args: True  # noqa: E731
        # Every dictionary name and every word written with a capital is looked at.
        patch.setattr(LowercaseProperNoun, "_candidates", lambda self, document: (set(self._known_keys), _Every()))
        patch.setattr(InconsistentSpelling, "_may_have_twins", always)
        patch.setattr(PreferredSpelling, "_may_hold_key", always)
        slow = _names_findings(texts, overrides)
    assert fast == slow


def test_inconsistent_spelling_forgets_what_it_told_past_its_limit(monkeypatch):
    from newslint_plugins.names import inconsistent_spelling

    texts = _texts(40, seed=32)
    expected = _names_findings(texts, None)
    monkeypatch.setattr(inconsistent_spelling, "_TOLD_LIMIT", 5)
    assert _names_findings(texts, None) == expected


def test_lowercase_is_idempotent_on_every_character():
    # Words.capitalised and names._data.capital_flags rely on it: a word equal to the lowercase of
    # some word is equal to its own lowercase.
    for code in range(sys.maxunicode + 1):
        lowered = chr(code).lower()
        assert lowered.lower() == lowered, hex(code)


def test_shared_word_facts_are_their_definitions():
    from newslint.registry import default_registry
    from newslint_plugins.names._data import capital_counts, capital_flags, compound_parts

    parser = default_registry().parsers["text"]
    texts = _texts(100, seed=33) + ["", "x", "-", "'tis the co-op’s 'em-dash", "İstanbul’s café-bar", "a--b c-'d"]
    for text in texts:
        document = parser.parse(text)
        words = document.words
        lowercase = set(words.lower)
        parts = [part for _, part, _ in words.all_parts]
        assert words.capitalised == frozenset(words.texts) - lowercase
        assert words.segments == frozenset(words.texts) | frozenset(parts)
        assert compound_parts(document) == parts
        flags = capital_flags(document)
        assert len(flags) == len(words.texts)
        for flag, word in zip(flags, words.texts):
            if flag:
                assert word in words.capitalised, (text, word)
            elif word in words.capitalised:
                assert not word[0].isupper(), (text, word)
        assert capital_counts(document) == Counter(lower for flag, lower in zip(flags, words.lower) if flag)


def test_the_ascii_paths_of_names_tell_words_as_the_regex_patterns_do():
    from newslint_plugins.names import inconsistent_spelling as module

    rng = random.Random(34)
    letters = "aeiouyjvfAEIOUYJVFbkmnrsBKMNRS'"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    words += ["Zelenskyy", "Zelenskiy", "Gorbachev", "Gorbachov", "Sergeyev", "Sergeyov", "Yanukovych", "Mohammed",
              "Ivanoff", "Ivaneff", "O'Neill", "McDonald", "Ab", "ABc", "Kiev's", "Kiev’s", "Кyiv", "Café"]
    for word in words:
        key = word.lower()
        key = module._OV_EV.sub("ov", key)
        key = module._Y_I.sub("i", key)
        assert module._skeleton(word) == module._DOUBLED.sub(r"\1", key), word
        for minimum in (1, 3, 5):
            expected = None
            if len(word) >= minimum and word[0].isupper():
                bare = word[:-2] if word.endswith(module._POSSESSIVE) else word
                if len(bare) >= minimum and "-" not in bare and \
                        module._CAPITALISED.fullmatch(bare.translate(module._LOOKALIKES)):
                    expected = bare
            assert module._compared(word, minimum) == expected, (word, minimum)


def test_preferred_entries_are_made_once_per_data_object(monkeypatch):
    from newslint_plugins.names import _data

    made = []
    real = _data._preferred_entries
    monkeypatch.setattr(_data, "_preferred_entries", lambda data: made.append(data) or real(data))
    first = {"names": {"preferred": {"Kyiv": {"instead-of": ["Kiev"]}}}}
    second = {"names": {"preferred": {"Odesa": {"instead-of": ["Odessa"]}}}}
    assert [e.house for e in _data.preferred_entries(first)] == ["Kyiv"]
    assert [e.house for e in _data.preferred_entries(first)] == ["Kyiv"]
    assert [e.house for e in _data.preferred_entries(second)] == ["Odesa"]  # another configuration's data
    assert [e.house for e in _data.preferred_entries(first)] == ["Kyiv"]
    assert made == [first, second, first]
    # Callers get a list of their own: changing it changes nothing for the next caller.
    _data.preferred_entries(first).clear()
    assert [e.house for e in _data.preferred_entries(first)] == ["Kyiv"]
    # A whole configuration's names rules share one making (their tables not kept: see below).
    made.clear()
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    config = newslint.load_config()
    config.active_rules
    assert len(made) == 1


def _kept_tables_findings(config, text):
    return [(f.rule, f.column, f.message) for f in newslint.check_text(text, path="a.txt", config=config)
            if f.rule.startswith("names/")]


def test_names_tables_are_kept_for_the_next_run_until_the_names_data_changes(monkeypatch, tmp_path):
    # The names rules' tables come from the start-up cache when a configuration with the same names
    # data was set up before (another run), and the rules then find exactly what they found.
    from newslint_plugins.names import _data
    from newslint_plugins.names.inconsistent_spelling import InconsistentSpelling
    from newslint_plugins.names.lowercase_proper_noun import LowercaseProperNoun
    from newslint_plugins.names.preferred_spelling import PreferredSpelling

    monkeypatch.setenv("NEWSLINT_CACHE_HOME", str(tmp_path))
    made = []
    for rule in (InconsistentSpelling, LowercaseProperNoun, PreferredSpelling):
        monkeypatch.setattr(rule, "_tables", lambda self, real=rule._tables: made.append(self.id) or real(self))
    text = ("Officials in Kiev met. KIEV, March 4 - Grentex rose. Shares in Grentex rose and Grentex grew; "
            "the grentex board met in kyiv. Colonel Gaddafi spoke, Colonel Gaddafi left and Colonel Gadaffi stayed.")
    house = {"names": {"preferred": {"Grentex": {"instead-of": ["Grentexx"]}}}}

    def findings(overrides):
        made.clear()
        _data._DIGESTS.clear()  # a new run: nothing remembered in memory
        found = _kept_tables_findings(newslint.load_config(overrides=overrides), text)
        return found, len(made)

    built, makings = findings(house)
    assert makings == 3 and {rule for rule, _, _ in built} == {"names/preferred-spelling", "names/inconsistent-spelling",
                                                             "names/lowercase-proper-noun"}
    assert findings(house) == (built, 0)  # read back: no entry made
    assert len(os.listdir(tmp_path / "names")) == 3  # one entry per rule
    edited = {"names": {"preferred": {"Grentek": {"instead-of": ["Grentex"]}}}}
    changed, makings = findings(edited)
    assert makings == 3 and "House style is “Grentek”, not “Grentex”" in str(changed)
    # Entries are kept for a few dictionaries only.
    for index in range(_data._KEPT_TABLES):
        findings({"names": {"proper": [f"Place{index}"]}})
    assert len(os.listdir(tmp_path / "names")) == _data._KEPT_TABLES
