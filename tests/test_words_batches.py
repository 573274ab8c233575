"""Words are matched in batches (a long text's match objects are never all alive at once): the
lists are those of one pass over the whole text, whatever the batch size."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import newslint.words as words_module
from newslint.words import WORD, WORD_PLAIN, Words

pieces = st.sampled_from(["word", "Kyiv’s", "long-term", "à", "ça", " ", "  ", ".", "\n", "“", "9", "_", "x", "Київ", "e\u0301"])
texts = st.lists(pieces, max_size=60).map("".join)


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(min_value=1, max_value=5))
def test_batches_give_the_lists_of_one_pass(text, batch):
    original = words_module._BATCH
    words_module._BATCH = batch
    try:
        found = Words(text)
    finally:
        words_module._BATCH = original
    pattern = WORD_PLAIN if found.plain else WORD
    matches = list(pattern.finditer(text))
    assert found.starts == [match.start() for match in matches]
    assert found.texts == [match.group() for match in matches]


def test_a_text_of_exactly_one_batch_and_of_one_more_word(monkeypatch):
    monkeypatch.setattr(words_module, "_BATCH", 4)
    assert Words("one two three four").texts == ["one", "two", "three", "four"]
    assert Words("one two three four five").starts == [0, 4, 8, 14, 19]
    assert Words("").starts == []
