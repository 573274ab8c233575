"""The attribution plugin's fast paths give exactly what its general paths give.

``plugins/attribution/_common.py`` takes shortcuts where they are exact: an anchor word that is a
whole phrase needs no pattern, a cheap test comes before the search backwards for the words before
an anchor, the start offsets of hits are gathered without building the hits, Latin-1 text is
lowercased through a table, the quotation rule stops early when every quotation is next to an
attribution. Each test here runs the shortcut and the general path on random news-like text.
"""

from __future__ import annotations

import os
import random
import re

import pytest

from newslint.registry import default_registry
from newslint_plugins.attribution import LoadedVerb, UnattributedClaim, UnattributedQuote, VagueSource, _common

WORDS = ("said says told added according to claimed claims admitted insisted slammed blasted as that the he she "
         "it is was has been had widely thought believed said to is said to are believed to some critics many "
         "analysts sources a source one source research has shown studies suggest a disaster low morale furious "
         "40 civilians killed at least have been 30% of adults per cent one in five people Mr Smith The UK "
         "government admits far more than anyone admits it is also it was also it has long been now also "
         "anti-government it's it’s one-off so-called dubbed album read banner statement spokesman in a "
         "statement as saying put it hit out went on in the words of Said SAID Critics IT Is").split(" ")
MARKS = [" ", " ", " ", " ", ", ", ". ", "; ", ": ", " “", "” ", "“", "”", " \"", "\" ", "’", "'", "-", "\n",
         "\n\n", "? ", "  ", " _", "_"]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(2, 90)):
            parts.append(rng.choice(WORDS))
            parts.append(rng.choice(MARKS))
        texts.append("".join(parts))
    texts += ["Officials said it is “widely believed”, he said. £5m, Zoë said; İstanbul is said to be calm.",
              "ÀLSO ÉTÉ: critics say — it is thought that anti-government sources said_so it’s one-off."]
    return texts


@pytest.fixture(scope="module")
def rules():
    return [LoadedVerb(), UnattributedClaim(), UnattributedQuote(), VagueSource()]


@pytest.fixture(scope="module")
def documents():
    parser = default_registry().parsers["text"]
    return [parser.parse(text) for text in _texts(300, seed=8)]


def _lexicons(rules) -> list[_common.Lexicon]:
    verb, claim, quote, vague = rules
    return [verb._lexicon, claim._cues, claim._reporting, claim._sources, quote._reporting, quote._sources,
            vague._lexicon, vague._reporting]


def _key(hit):
    return hit.start, hit.end, hit.phrase


def test_latin1_lowercase_is_str_lower():
    for code in range(256):
        assert len(chr(code).lower()) == 1 and ord(chr(code).lower()) < 256
    samples = ["".join(map(chr, range(256))), "£5m for ÀÉÎÕÜ and Ÿ", "Kyiv’s “mayor”", "İstanbul",
               "ASCII Only"]
    for text in samples + _texts(50, seed=3):
        assert _common._lowercase(text) == text.lower()


def test_hits_without_shortcuts_are_the_same(rules, documents, monkeypatch):
    """Every anchor through its pattern and every search backwards made: the hits are the same."""
    lexicons = _lexicons(rules)
    fast = []
    for document in documents:
        info = _common.Analysis(document)
        fast.append([sorted(map(_key, info.find(lexicon))) for lexicon in lexicons])
    for lexicon in lexicons:
        monkeypatch.setattr(lexicon, "alone", frozenset())
        monkeypatch.setattr(lexicon, "simple", {})
    monkeypatch.setattr(_common, "_may_end_with", lambda source, offset, before: True)
    slow = []
    for document in documents:
        info = _common.Analysis(document)
        slow.append([sorted(map(_key, info.find(lexicon))) for lexicon in lexicons])
    assert fast == slow
    assert sum(len(hits) for found in fast for hits in found) > 1000


def test_may_end_with_is_a_necessary_condition():
    rng = random.Random(4)
    befores = ["it is", "it was", "is", "a", "one", "in the", "as", "there", "than the"]
    for text in _texts(100, seed=5):
        source = text.lower()
        for _ in range(20):
            offset = rng.randint(0, len(source))
            for before in befores:
                if _common._before(before).search(source, max(0, offset - 80), offset):
                    assert _common._may_end_with(source, offset, before), (source[max(0, offset - 80):offset], before)


def test_starts_are_those_of_the_hits(rules, documents):
    for document in documents:
        for lexicon in _lexicons(rules):
            starts = _common.Analysis(document).starts(lexicon)  # without the hits
            assert starts == [hit.start for hit in _common.Analysis(document).find(lexicon)]


def _attributed_by_hand(info, lexicons, mask=None) -> list[bool]:
    flags = [False] * len(info.sentences)
    masked = info.find(mask) if mask is not None else []
    for lexicon in lexicons:
        for hit in info.find(lexicon):
            if any(m.start <= hit.start for m in masked):
                last = [m for m in masked if m.start <= hit.start][-1]
                if hit.start < last.end:
                    continue
            quoted = [q for q in _quoted_by_hand(info) if q[0] <= hit.start]
            if quoted and hit.start < quoted[-1][1]:
                continue
            index = info.sentence_index(hit.start)
            if index >= 0:
                flags[index] = True
    return flags


def _quoted_by_hand(info) -> list[list[int]]:
    spans = []
    for quotation in info.quotations:
        if quotation.enclosing is None and quotation.close is not None:
            spans.append((quotation.start, quotation.close.offset + 1))
        elif quotation.enclosing is None and quotation.continues:
            spans.append((quotation.start, quotation.end))
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def test_quoted_spans_and_attribution_flags(rules, documents):
    verb, claim, quote, vague = rules
    for document in documents:
        info = _common.Analysis(document)
        spans = _quoted_by_hand(info)
        assert list(zip(info._quoted_spans(), info._quoted_ends)) == [tuple(span) for span in spans]
        assert info.attributed(quote._reporting) == _attributed_by_hand(info, [quote._reporting])
        assert info.attributed(quote._reporting, quote._sources) == \
            _attributed_by_hand(info, [quote._reporting, quote._sources])
        assert info.attributed(claim._reporting, claim._sources, mask=claim._cues) == \
            _attributed_by_hand(info, [claim._reporting, claim._sources], mask=claim._cues)


def test_all_near(documents):
    for document in documents:
        info = _common.Analysis(document)
        flags = [random.Random(len(document.text)).random() < 0.3 for _ in info.sentences]
        offsets = [quotation.start for quotation in info.quotations]
        expected = all(0 <= (index := info.sentence_index(offset)) and True in flags[max(0, index - 1):index + 2]
                       for offset in offsets)
        assert info.all_near(flags, offsets) == expected


def test_quotation_rule_stopping_early_finds_the_same(rules, documents, monkeypatch):
    quote = rules[2]
    early = [list(quote.check(document)) for document in documents]
    for document in documents:
        document.__dict__.pop(_common._CACHE_KEY, None)
    monkeypatch.setattr(_common.Analysis, "all_near", lambda self, flags, offsets: False)
    full = [list(quote.check(document)) for document in documents]
    assert early == full
    assert sum(map(len, early)) > 5


PERCENT_TEXTS = [
    "About 30% of adults in the region have no savings at all.",
    "Shares rose 4% on Monday. Some 12%   of   pupils failed.",
    "Roughly 40%\u00a0OF\tpupils said so; 5 % of people did not.",
    "Only 10%of voters came. In all, 20% of the public agree, and 7% Of Britons.",
    "“About 30% of adults have no savings,” he said. 15% of.\n\n25% of\npatients",
    "100% of%of 3% of one in five US citizens 9%",
]


def test_percent_gate_finds_the_same(rules, documents, monkeypatch):
    """``unattributed-claim`` makes a hit only of a "%" that "of" follows: the same findings as
    making one of every "%"."""
    from newslint_plugins.attribution import unattributed_claim

    claim = rules[1]
    parser = default_registry().parsers["text"]
    texts = PERCENT_TEXTS + [" ".join(random.Random(seed).choices(
        ["30%", "%", "of", "OF", "adults", "people", "the", "said", ".", "\n\n", "12", "per", "cent"], k=60))
        for seed in range(200)]

    def findings():
        result = []
        for document in list(documents) + [parser.parse(text) for text in texts]:
            document.__dict__.pop(_common._CACHE_KEY, None)
            result.append([(p.start, p.end, p.message) for p in claim.check(document)])
        return result

    gated = findings()
    monkeypatch.setattr(unattributed_claim, "_PERCENT_OF", re.compile("%"))
    assert gated == findings()
    assert sum(1 for found in gated for finding in found if "statistic" in finding[2]) > 5


def test_lexicon_tables_read_back_from_the_start_up_cache_are_those_built(tmp_path, monkeypatch):
    from newslint.errors import ConfigError

    monkeypatch.setenv("NEWSLINT_CACHE_HOME", str(tmp_path))
    phrases = {"said": ("said", "past"), "is said to": None, "according to": "source", "a senior  official": None,
               "Sources close to": "vague", "it’s understood": None}
    fresh = _common._tables(phrases, "attribution/x", "verbs")
    built = _common.Lexicon(phrases, rule="attribution/x", option="verbs")  # builds them, and keeps them
    assert os.listdir(tmp_path / "lexicons")
    monkeypatch.setattr(_common, "_tables", lambda *args: pytest.fail("built again, not read back"))
    read = _common.Lexicon(phrases, rule="attribution/x", option="verbs")
    for lexicon in (built, read):
        assert (lexicon.values, lexicon.by_rest, lexicon.anchors, lexicon._keys, lexicon.alone, lexicon.simple) \
            == fresh
        assert [type(table) for table in (lexicon.values, lexicon.by_rest, lexicon.anchors, lexicon.alone)] \
            == [dict, dict, frozenset, frozenset]
    # Other phrases are another entry; a bad phrase is still refused (nothing is kept for it).
    monkeypatch.undo()
    monkeypatch.setenv("NEWSLINT_CACHE_HOME", str(tmp_path))
    assert _common.Lexicon({"claimed": None}, rule="attribution/x", option="verbs").anchors == {"claimed"}
    for _ in range(2):
        with pytest.raises(ConfigError):
            _common.Lexicon({"—": None}, rule="attribution/x", option="verbs")
