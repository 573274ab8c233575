"""What the attribution rules share: word lists compiled once, and one analysis per document.

Speed matters here (the four rules run over every sentence of every story),
so nothing is scanned twice:

- every word list (a ``Lexicon``) is compiled once, when a rule is set up; each
  phrase gets an *anchor*, its first word that is not a common function word
  ("disaster" in "a disaster"), and the anchors of every lexicon join one
  plugin-wide set;
- per document, one ``Analysis`` (cached on the document, shared by the four
  rules) scans the lowercased text once for all anchor words, with one
  trie-shaped regular expression; each rule then confirms its phrases only at
  the offsets of its own anchors (an anchored ``match`` forwards, a short
  ``search`` backwards for words before the anchor);
- quoted spans, the sentence of an offset and "does this sentence carry an
  attribution" are bisect look-ups over lists built once per document.

Everything is linear in the length of the text, plus a logarithmic factor per
hit; no rule compares every sentence with every other.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import compress
from typing import TYPE_CHECKING, Iterable, Mapping, NamedTuple

from newslint.errors import ConfigError
from newslint.lazyre import lazy
from newslint.patterns import trie_pattern as _trie_pattern

if TYPE_CHECKING:
    from newslint.document import Document

#: Block scopes where the attribution rules look: not headlines, headings or front matter.
PROSE_SCOPES = frozenset(("body", "list", "caption", "table"))

#: Every anchor word of every lexicon built so far (the document scan finds all of them at once),
#: and a counter bumped whenever the set grows.
_ANCHORS: set[str] = set()
_VERSION = 0
#: Function words never used as anchors (too common to scan for): "a disaster" is found at "disaster".
_STOP = frozenset("a an the to in into of on at as is are was were be been being has have had it its and or for "
                  "by with from that this these those out one all no not there than so up down over off".split())
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def normalise(phrase: str) -> str:
    return _SPACE.sub(" ", phrase.strip().lower().replace("’", "'"))


def trie_pattern(phrases: Iterable[str]) -> str:
    """A regular expression matching exactly ``phrases`` (lowercase), shaped as a trie: fast in ``re``."""
    return _trie_pattern(phrases, {" ": r"\s+", "'": "['’]"}, sort=True)


@lru_cache(maxsize=256)
def _before(words: str, ignore_case: bool = False) -> "re.Pattern[str]":
    """Matches ``words`` (and white space) ending where a search stops: the words before an anchor."""
    return re.compile(r"(?<![^\W_])" + trie_pattern([words]) + r"\s+$", re.IGNORECASE if ignore_case else 0)


@lru_cache(maxsize=64)
def _anchor_pattern(words: frozenset[str]) -> "re.Pattern[str]":
    return re.compile(r"\b" + trie_pattern(words) + r"\b")


def phrase_regex(phrases: Iterable[str], rule: str = "", option: str = "", *,
                 suffix: str = r"(?![^\W_])") -> "re.Pattern[str]":
    """A case-insensitive pattern finding any of ``phrases`` as whole words, for searching
    short stretches of text (around a candidate) rather than whole documents."""
    keys = set()
    for phrase in phrases:
        if not isinstance(phrase, str) or not phrase.strip():
            raise ConfigError(f"expected a non-empty phrase, not {phrase!r}",
                              key=f"rules.{rule}.{option}" if rule else None)
        keys.add(normalise(phrase))
    if not keys:
        return lazy(re.compile, r"(?!)")
    return lazy(re.compile, r"(?<![^\W_])" + trie_pattern(keys) + suffix, re.IGNORECASE)


class Lexicon:
    """Phrases (matched as whole words, case-insensitively, any white space between words)
    each tagged with a value (a category, a note). Built once per rule, in ``setup``.

    Each phrase is found through one *anchor*: its first word that is not a common function
    word ("disaster" in "a disaster"), so that the document scan never stops on "the" or "to";
    the words before the anchor are then checked backwards, the rest forwards."""

    def __init__(self, phrases: Mapping[str, object] | Iterable[str], *, rule: str = "", option: str = "") -> None:
        global _VERSION
        if not isinstance(phrases, Mapping):
            phrases = {phrase: None for phrase in phrases}
        self.values: dict[str, object] = {}
        for phrase, value in phrases.items():
            if not isinstance(phrase, str) or not phrase.strip():
                raise ConfigError(f"expected a non-empty phrase, not {phrase!r}",
                                  key=f"rules.{rule}.{option}" if rule else None)
            key = normalise(phrase)
            if not _WORD.fullmatch(key.split(" ")[0]):
                raise ConfigError(f"a phrase must be words: {phrase!r}",
                                  key=f"rules.{rule}.{option}" if rule else None)
            self.values.setdefault(key, value)
        #: The part of each phrase from its anchor on → [(words before the anchor, phrase)], longest first.
        self.by_rest: dict[str, list[tuple[str, str]]] = {}
        anchors = set()
        for key in self.values:
            words = key.split(" ")
            index = next((i for i, word in enumerate(words) if word not in _STOP), 0)
            anchors.add(words[index])
            self.by_rest.setdefault(" ".join(words[index:]), []).append((" ".join(words[:index]), key))
        for entries in self.by_rest.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        self.anchors = frozenset(anchors)
        #: Matches, at an anchor, the longest part of a phrase from its anchor on (built and compiled
        #: when first needed; ``rest_for`` compiles only the parts that start with one anchor).
        self.rest = lazy(_rest_pattern, tuple(self.by_rest)) if self.by_rest else None
        self._keys = sorted(self.by_rest)
        self._rest_by_anchor: dict[tuple[str, bool], "re.Pattern[str]"] = {}
        #: Anchors that begin no longer part of a phrase than themselves: at one of these the longest
        #: part is the anchor word itself, with no pattern to match.
        self.alone = frozenset(anchor for anchor in self.anchors if not _longer_key(self._keys, anchor))
        if not self.anchors <= _ANCHORS:
            _ANCHORS.update(self.anchors)
            _VERSION += 1

    def rest_for(self, anchor: str, ignore_case: bool = False) -> "re.Pattern[str]":
        """``rest`` for the parts of phrases that start with ``anchor``: at that anchor, the only
        parts ``rest`` can match (an anchor found in the text is a whole word), and a small pattern
        to compile where the whole one would cost more than checking a short article."""
        pattern = self._rest_by_anchor.get((anchor, ignore_case))
        if pattern is None:
            keys = self._keys
            index = bisect_left(keys, anchor)
            matching = []
            while index < len(keys) and keys[index].startswith(anchor):
                matching.append(keys[index])
                index += 1
            pattern = re.compile(trie_pattern(matching) + r"(?![^\W_])", re.IGNORECASE if ignore_case else 0)
            self._rest_by_anchor[(anchor, ignore_case)] = pattern
        return pattern

    def __bool__(self) -> bool:
        return bool(self.values)

    def value(self, matched: str) -> object:
        return self.values.get(normalise(matched))


def _may_end_with(source: str, offset: int, before: str) -> bool:
    """A cheap test that ``_before(before)`` can match just before ``offset`` in the lowercased text:
    white space ends there and the last of the words stands before it (an apostrophe in the words,
    which the pattern also reads as ’, is left to the pattern)."""
    if offset == 0 or not source[offset - 1].isspace():
        return False
    last = before.rsplit(" ", 1)[-1]
    return "'" in last or source.find(last, max(0, offset - 80), offset) >= 0


def _longer_key(keys: list[str], prefix: str) -> bool:
    """Whether the sorted ``keys`` hold one that starts with ``prefix`` and is longer."""
    index = bisect_left(keys, prefix)
    while index < len(keys) and keys[index].startswith(prefix):
        if keys[index] != prefix:
            return True
        index += 1
    return False


def _rest_pattern(keys: tuple[str, ...]) -> "re.Pattern[str]":
    return re.compile(trie_pattern(keys) + r"(?![^\W_])")


_LEXICONS: dict[tuple, Lexicon] = {}


def lexicon(phrases: Mapping[str, object] | Iterable[str], *, rule: str = "", option: str = "") -> Lexicon:
    """The ``Lexicon`` of these phrases, shared by every rule that asks for the same ones (the
    reporting verbs of three rules are then found once per document)."""
    items = tuple(phrases.items()) if isinstance(phrases, Mapping) else tuple((p, None) for p in phrases)
    try:
        key = items
        hash(key)
    except TypeError:
        return Lexicon(dict(items), rule=rule, option=option)
    found = _LEXICONS.get(key)
    if found is None:
        found = _LEXICONS[key] = Lexicon(dict(items), rule=rule, option=option)
    return found


class Hit(NamedTuple):
    start: int
    end: int
    phrase: str      # as normalised in the lexicon
    value: object


class Analysis:
    """The per-document facts every attribution rule needs; build with ``analysis(document)``."""

    def __init__(self, document: "Document") -> None:
        self.document = document
        self.text = text = document.text
        lowered = text.lower()
        # Offsets must line up with the text: a few characters lowercase to two.
        self.lower = lowered if len(lowered) == len(text) else None
        self.sentences = document.sentences
        self.sentence_starts = [sentence.start for sentence in self.sentences]
        # For each sentence, the index of the first and last sentences of its paragraph.
        self._first = first = [0] * len(self.sentences)
        self._last = last = [0] * len(self.sentences)
        for index, sentence in enumerate(self.sentences):
            same = index and self.sentences[index - 1].paragraph == sentence.paragraph
            first[index] = first[index - 1] if same else index
        for index in range(len(self.sentences) - 1, -1, -1):
            same = index + 1 < len(self.sentences) and \
                self.sentences[index + 1].paragraph == self.sentences[index].paragraph
            last[index] = last[index + 1] if same else index
        self._paragraph_flags: dict[tuple[int, int], bool] = {}
        self.paragraphs = document.paragraphs
        self.quotations = document.quotes.quotations
        spans: list[tuple[int, int]] = []
        for quotation in self.quotations:
            if quotation.enclosing is not None:
                continue
            if quotation.close is not None:
                spans.append((quotation.start, quotation.close.offset + 1))
            elif quotation.continues:
                spans.append((quotation.start, quotation.end))
        spans.sort()
        merged: list[list[int]] = []
        for start, end in spans:
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._quoted_starts = [span[0] for span in merged]
        self._quoted_ends = [span[1] for span in merged]
        self._anchor_version = -1
        self._anchor_hits: dict[str, list[int]] = {}
        self._found: dict[int, list[Hit]] = {}
        self._attributed: dict[tuple[int, ...], list[bool]] = {}

    # -- positions -----------------------------------------------------------
    def quoted(self, offset: int) -> bool:
        """Inside quotation marks (a closed quotation, or one running on to the next paragraph)."""
        index = bisect_right(self._quoted_starts, offset) - 1
        return index >= 0 and offset < self._quoted_ends[index]

    def sentence_index(self, offset: int) -> int:
        """The index of the sentence holding ``offset`` (-1 before the first)."""
        return bisect_right(self.sentence_starts, offset) - 1

    def scope(self, sentence_index: int) -> str:
        return self.paragraphs[self.sentences[sentence_index].paragraph].scope

    def in_prose(self, sentence_index: int) -> bool:
        """The sentence is body copy (or a list item, caption or table cell): not a headline,
        heading or front matter, where attribution is not expected."""
        return (sentence_index >= 0 and self.scope(sentence_index) in PROSE_SCOPES
                and not self.headline_like(sentence_index))

    # -- words ------------------------------------------------------------------
    def _anchors(self) -> dict[str, list[int]]:
        """Offsets of every anchor word of every lexicon, from one scan of the text."""
        if self._anchor_version != _VERSION:
            words, shaped = _anchor_set()
            hits: dict[str, list[int]] = {}
            if self.lower is not None and shaped and self.document.words.plain:
                hits = _anchor_hits(self.document, words)
            elif self.lower is not None:
                for match in _anchor_pattern(words).finditer(self.lower):
                    hits.setdefault(match.group(), []).append(match.start())
            else:
                pattern = re.compile(_anchor_pattern(words).pattern, re.IGNORECASE)
                for match in pattern.finditer(self.text):
                    hits.setdefault(match.group().lower(), []).append(match.start())
            if any("’" in word for word in hits):
                for word in [w for w in hits if "’" in w]:
                    hits.setdefault(word.replace("’", "'"), []).extend(hits.pop(word))
            self._anchor_version, self._anchor_hits = _VERSION, hits
        return self._anchor_hits

    def find(self, lexicon: Lexicon) -> list[Hit]:
        """Every occurrence of the lexicon's phrases, in text order (quoted or not); at each
        anchor, the longest phrase."""
        key = id(lexicon)
        found = self._found.get(key)
        if found is None:
            found = []
            if lexicon.rest is not None:
                # The few texts whose lowercase changes length are matched as they are, ignoring case.
                ignore_case = self.lower is None
                source = self.text if ignore_case else self.lower
                by_rest = lexicon.by_rest
                alone = () if ignore_case else lexicon.alone
                hits = self._anchors()
                for word in hits.keys() & lexicon.anchors:
                    rest = None
                    for offset in hits[word]:
                        if word in alone:
                            # A hit is the whole word (followed by no letter or digit): it is its own
                            # longest part of a phrase.
                            end = offset + len(word)
                            entries = by_rest[word]
                        else:
                            if rest is None:
                                rest = lexicon.rest_for(word, ignore_case)
                            match = rest.match(source, offset)
                            if match is None:
                                continue
                            matched = match.group()
                            end = match.end()
                            entries = by_rest.get(matched) or by_rest[normalise(matched)]
                        for before, phrase in entries:
                            start = offset
                            if before:
                                if not ignore_case and not _may_end_with(source, offset, before):
                                    continue
                                backward = _before(before, ignore_case).search(source, max(0, offset - 80), offset)
                                if backward is None:
                                    continue
                                start = backward.start()
                            found.append(Hit(start, end, phrase, lexicon.values[phrase]))
                            break
                found.sort(key=lambda hit: hit.start)
            self._found[key] = found
        return found

    def attributed(self, *lexicons: Lexicon, mask: Lexicon | None = None) -> list[bool]:
        """Per sentence: does a phrase of the lexicons (reporting verbs, source words) occur
        outside quotation marks in it? Phrases inside a ``mask`` phrase do not count (the
        "admits" of "far more than anyone admits")."""
        key = tuple(id(lexicon) for lexicon in lexicons) + (id(mask),)
        flags = self._attributed.get(key)
        if flags is None:
            flags = [False] * len(self.sentences)
            masked: list[Hit] = self.find(mask) if mask is not None else []
            mask_starts = [hit.start for hit in masked]
            for lexicon in lexicons:
                for hit in self.find(lexicon):
                    if masked:
                        index = bisect_right(mask_starts, hit.start) - 1
                        if index >= 0 and hit.start < masked[index].end:
                            continue
                    if not self.quoted(hit.start):
                        index = self.sentence_index(hit.start)
                        if index >= 0:
                            flags[index] = True
            self._attributed[key] = flags
        return flags

    def paragraph_has(self, flags: list[bool], index: int) -> bool:
        """Any sentence of the paragraph of sentence ``index`` is flagged in ``flags``."""
        key = (id(flags), self._first[index])
        found = self._paragraph_flags.get(key)
        if found is None:
            found = any(flags[self._first[index]:self._last[index] + 1])
            self._paragraph_flags[key] = found
        return found

    def headline_like(self, index: int) -> bool:
        """The sentence is in a first paragraph that reads as a headline: one short line followed
        by more text (the parser marks most; this also catches one ending in an ellipsis or a quote)."""
        sentence = self.sentences[index]
        if sentence.paragraph != 0 or len(self.paragraphs) < 2:
            return False
        paragraph = self.paragraphs[0]
        if paragraph.scope != "body":
            return True
        line = self.text[paragraph.start:paragraph.end]
        return ("\n" not in line and len(line.split()) <= 20
                and line.rstrip("\"'”’").endswith(("...", "…")))

    def covered(self, attributed: list[bool], index: int) -> bool:
        """The sentence carries an attribution, or its paragraph is one attributed statement:
        the sentence before it in its paragraph, or the paragraph's first sentence, is attributed."""
        if attributed[index]:
            return True
        first = self._first[index]
        return first < index and (attributed[index - 1] or attributed[first])


_COMPOUND_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")


_ANCHOR_SET: tuple[int, frozenset[str], bool, frozenset[str]] = (-1, frozenset(), True, frozenset())
_PARTS = re.compile(r"['\-]")


def _anchor_set() -> tuple[frozenset[str], bool]:
    """Every anchor so far, and whether each is one word of the document's word lists (letters and
    digits, inner ' and -); rebuilt only when a new lexicon adds anchors. (Also kept: the parts that
    can begin an anchor inside a word of several parts.)"""
    global _ANCHOR_SET
    if _ANCHOR_SET[0] != _VERSION:
        words = frozenset(_ANCHORS)
        starters = frozenset(_PARTS.split(anchor)[0] for anchor in words) | words
        _ANCHOR_SET = (_VERSION, words, all(_COMPOUND_WORD.fullmatch(anchor) for anchor in words), starters)
    return _ANCHOR_SET[1], _ANCHOR_SET[2]


def _anchor_hits(document: "Document", anchors: frozenset[str]) -> dict[str, list[int]]:
    """What ``_anchor_pattern(anchors).finditer(text.lower())`` finds (word → offsets), read off the
    document's shared word lists instead of scanning the text again (plain text only: newslint.fastre).

    A word is a run of letters and digits with inner apostrophes or hyphens, so an anchor (one such
    run) found at a word boundary is a whole word, or a run of a word's parts from one apostrophe or
    hyphen to another: "government" in "anti-government". At each part the longest anchor is taken
    and the scan goes on after it, as the regular expression's does. A word boundary is also missing
    next to an underscore, which is a word character but not part of a word here: a text with one
    is looked at word by word. The common case costs no Python-level loop over the words."""
    words = document.words
    text = document.text
    starts = words.starts
    lower = words.lower
    hits: dict[str, list[int]] = {}
    if "_" in text:
        for index, word in enumerate(lower):
            if word in anchors or not word.isalnum():
                _compound_hits(text, starts[index], word, anchors, hits)
        return hits
    present = anchors.intersection(lower)
    if present:
        flags = list(map(present.__contains__, lower))
        for word, start in zip(compress(lower, flags), compress(starts, flags)):
            hits.setdefault(word, []).append(start)
    for index in words.compounds:  # the words with an inner apostrophe or hyphen
        word = lower[index]
        if word not in present:  # a whole word that is an anchor is its own longest match
            _compound_hits(text, starts[index], word, anchors, hits)
    return hits


def _compound_hits(text: str, start: int, word: str, anchors: frozenset[str], hits: dict[str, list[int]]) -> None:
    """The anchors in a word of several parts (or one next to an underscore), as the anchor pattern finds them."""
    normal = word.replace("’", "'")
    if anchors is _ANCHOR_SET[1] and _ANCHOR_SET[3].isdisjoint(_PARTS.split(normal)):
        return  # no part is an anchor, nor the first part of one with an apostrophe or a hyphen
    # Where each part starts and ends: [start0, end0, start1, end1, ...] in the word.
    bounds = [0]
    for position, char in enumerate(normal):
        if char in "'-":
            bounds.append(position)
            bounds.append(position + 1)
    bounds.append(len(normal))
    part_starts = bounds[0::2]
    part_ends = bounds[1::2]
    open_end = not text[start + len(normal):start + len(normal) + 1] == "_"
    part = 0 if not (start and text[start - 1] == "_") else 1
    while part < len(part_starts):
        begin = part_starts[part]
        for last in range(len(part_ends) - 1, part - 1, -1):
            end = part_ends[last]
            if end == len(normal) and not open_end:
                continue
            candidate = normal[begin:end]
            if candidate in anchors:
                hits.setdefault(candidate, []).append(start + begin)
                part = last + 1
                break
        else:
            part += 1


_CACHE_KEY = "_newslint_attribution"


def analysis(document: "Document") -> Analysis:
    """The document's shared attribution analysis, built on first use."""
    cached = document.__dict__.get(_CACHE_KEY)
    if cached is None:
        cached = Analysis(document)
        document.__dict__[_CACHE_KEY] = cached
    return cached


def words_in(text: str) -> list[str]:
    return _WORD.findall(text)


def shorten(text: str, limit: int = 40) -> str:
    text = _SPACE.sub(" ", text.strip())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
