"""The names rules' reading of the shared word parts gives what the general path gives.

names/lowercase-proper-noun takes its candidates from ``words.segments`` (the
words and their parts) instead of the words' lowercase forms and substring
searches of the text; names/inconsistent-spelling collapses doubled letters of
ASCII names with an empty replacement. These tests compare them with the
general path and with the ``regex`` pattern they stand for.
"""

from __future__ import annotations

import random

import pytest

import newslint
from test_names_fast_paths import _Every  # a set holding every word

# Names and their lowercase forms as whole words, parts of words, substrings of other words and of
# links, after apostrophes, in capitals and opening sentences.
PIECES = (
    "Kyiv kyiv kyivpost.com Kyivan kyivan pro-kyiv pro-Kyiv kyiv-based 'kyiv ’kyiv KYIV Kyiv’s kyiv's "
    "Grentex grentex grentexes Grentex-led anti-grentex 'grentex grentex’s GRENTEX "
    "north North macedonia Macedonia moscow Moscow muscovite nato Nato NATO natos "
    "It it US us Steel steel steels a his the The said that"
).split()
MARKS = [" ", " ", " ", ", ", ". ", "; ", " “", "” ", "-", "\n\n", " (", ") "]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        favourites = rng.sample(PIECES, rng.randint(1, 5))
        parts = []
        for _ in range(rng.randint(5, 120)):
            parts.append(rng.choice(favourites) if rng.random() < 0.5 else rng.choice(PIECES))
            parts.append(rng.choice(MARKS))
        texts.append("".join(parts))
    return texts


@pytest.mark.parametrize("overrides", [
    None,
    {"rules": {"names/lowercase-proper-noun": {"min-capitalised": 1, "min-ratio": 1}}},
    {"names": {"proper": ["Grentex Group", "Grentex"]}},
])
def test_lowercase_proper_noun_candidates_from_segments_miss_nothing(monkeypatch, overrides):
    from newslint_plugins.names.lowercase_proper_noun import LowercaseProperNoun

    texts = _texts(300, seed=41)
    config = newslint.load_config(select=["names/lowercase-proper-noun"], overrides=overrides)
    fast = [newslint.check_text(text, path="a.txt", config=config) for text in texts]
    assert sum(map(len, fast)) > 50
    monkeypatch.setattr(LowercaseProperNoun, "_candidates", lambda self, document: (set(self._known_keys), _Every()))
    config = newslint.load_config(select=["names/lowercase-proper-noun"], overrides=overrides)
    slow = [newslint.check_text(text, path="a.txt", config=config) for text in texts]
    assert fast == slow


def test_doubled_letters_collapse_as_the_regex_pattern_does():
    from newslint_plugins.names import inconsistent_spelling as module

    rng = random.Random(42)
    alphabet = "aabbnnsy'’-\n. zZ"
    words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(20000)]
    words += ["", "a", "aa", "aaa", "abba", "mississippi", "\n\n", "a\n\na", "''", "zzZZ"]
    for word in words:
        assert module._DOUBLED_ASCII.sub("", word) == module._DOUBLED.sub(r"\1", word), repr(word)
