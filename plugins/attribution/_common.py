"""What the attribution rules share: word lists compiled once, and one analysis per document.

Speed matters here (the four rules run over every sentence of every story),
so nothing is scanned twice:

- every word list (a ``Lexicon``) is compiled once, when a rule is set up; each
  phrase gets an *anchor*, its first word that is not a common function word
  ("disaster" in "a disaster"), and the anchors of every lexicon join one
  plugin-wide set;
- per document, one ``Analysis`` (cached on the document, shared by the four
  rules) finds every anchor word at once: one pass in C over the document's
  shared lowercase word list (or, for text that is not plain, one trie-shaped
  regular expression); each rule then confirms its phrases only at the offsets
  of its own anchors (an anchored ``match`` forwards, a short ``search``
  backwards for words before the anchor), and an anchor that is a whole phrase
  by itself needs neither;
- everything else is built on first use and only as far as a rule needs it:
  quoted spans, the sentence of an offset and "does this sentence carry an
  attribution" are bisect look-ups over lists built once per document, and a
  rule runs its costlier tests (the attribution of a sentence, say) only for
  the candidates that pass its cheap ones.

Everything is linear in the length of the text, plus a logarithmic factor per
hit; no rule compares every sentence with every other.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import namedtuple
from collections.abc import Mapping
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter, lt, or_

from newslint.errors import ConfigError
from newslint.fastre import lowercase as _lowercase  # str.lower, fast on Latin-1
from newslint.lazyre import lazy
from newslint.patterns import trie_pattern as _trie_pattern

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from typing import Iterable

    from newslint.document import Document
    from newslint.words import Words

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
    # The trie is built with the pattern, on first use: most documents never search these.
    return lazy(_phrase_pattern, frozenset(keys), suffix)


def _phrase_pattern(keys: frozenset[str], suffix: str) -> "re.Pattern[str]":
    return re.compile(r"(?<![^\W_])" + trie_pattern(keys) + suffix, re.IGNORECASE)


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
        self.values: dict[str, object]
        #: The part of each phrase from its anchor on → [(words before the anchor, phrase)], longest first.
        self.by_rest: dict[str, list[tuple[str, str]]]
        #: Anchors at which the longest part of a phrase is the anchor word itself, with no pattern to
        #: match: those that begin no longer part, or only longer parts that go on with a letter or a
        #: digit ("says" after "say"). An anchor is found as a whole word or a whole part of one,
        #: followed by no letter or digit, so such a part cannot match where it was found.
        self.alone: frozenset[str]
        #: Of those, the anchors that are a whole phrase with no words before them: anchor → the
        #: phrase's value. A hit there is the anchor word itself.
        self.simple: dict[str, object]
        self.values, self.by_rest, self.anchors, self._keys, self.alone, self.simple = _kept_tables(phrases, rule,
                                                                                                    option)
        #: Matches, at an anchor, the longest part of a phrase from its anchor on (built and compiled
        #: when first needed; ``rest_for`` compiles only the parts that start with one anchor).
        self.rest = lazy(_rest_pattern, tuple(self.by_rest)) if self.by_rest else None
        self._rest_by_anchor: dict[tuple[str, bool], "re.Pattern[str]"] = {}
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


def _kept_tables(phrases: Mapping[str, object], rule: str, option: str) -> tuple:
    """``_tables`` of ``phrases``, kept in the user's start-up cache (newslint.usercache) when the
    phrases and their values can be: building them for the shipped word lists costs several times
    what checking a short article does. The entry is keyed by the phrases and this file's version,
    and filed under the rule and option it is for (an edited list replaces its entry)."""
    from newslint import usercache

    key = ("lexicon tables", usercache.file_key(__file__), tuple(phrases.items()))
    slot = ("lexicon", rule, option) if rule else None
    kept = usercache.read("lexicons", key, slot)
    if kept is not None:
        return tuple(kept)
    tables = _tables(phrases, rule, option)
    usercache.write("lexicons", key, tables, slot)  # (nothing is kept for values marshal cannot store)
    return tables


def _tables(phrases: Mapping[str, object], rule: str, option: str) -> tuple:
    """A ``Lexicon``'s look-up tables: values, by_rest, anchors, the sorted parts from the anchors on,
    alone and simple (see ``Lexicon``)."""
    values: dict[str, object] = {}
    for phrase, value in phrases.items():
        if not isinstance(phrase, str) or not phrase.strip():
            raise ConfigError(f"expected a non-empty phrase, not {phrase!r}",
                              key=f"rules.{rule}.{option}" if rule else None)
        key = normalise(phrase)
        if not _WORD.fullmatch(key.split(" ")[0]):
            raise ConfigError(f"a phrase must be words: {phrase!r}",
                              key=f"rules.{rule}.{option}" if rule else None)
        values.setdefault(key, value)
    by_rest: dict[str, list[tuple[str, str]]] = {}
    found = set()
    for key in values:
        words = key.split(" ")
        index = next((i for i, word in enumerate(words) if word not in _STOP), 0)
        found.add(words[index])
        by_rest.setdefault(" ".join(words[index:]), []).append((" ".join(words[:index]), key))
    for entries in by_rest.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    anchors = frozenset(found)
    keys = sorted(by_rest)
    alone = frozenset(anchor for anchor in anchors if anchor in by_rest and not _longer_key(keys, anchor, _WORD_CHAR))
    simple = {anchor: values[anchor] for anchor in alone if by_rest[anchor] == [("", anchor)]}
    return values, by_rest, anchors, keys, alone, simple


def _may_end_with(source: str, offset: int, before: str) -> bool:
    """A cheap test that ``_before(before)`` can match just before ``offset`` in the lowercased text
    (a necessary condition): white space ends there, and the last of the words ends where that white
    space begins, within the pattern's reach (an apostrophe in the words, which the pattern also
    reads as ’, is left to the pattern)."""
    if offset == 0 or not source[offset - 1].isspace():
        return False
    last = _LAST_WORDS.get(before)
    if last is None:
        last = _LAST_WORDS[before] = before.rsplit(" ", 1)[-1]
    return "'" in last or source[max(0, offset - 80):offset].rstrip().endswith(last)


#: The last word of each run of words before an anchor, as ``_may_end_with`` has needed them.
_LAST_WORDS: dict[str, str] = {}


def _longer_key(keys: list[str], prefix: str, going_on: "re.Pattern[str] | None" = None) -> bool:
    """Whether the sorted ``keys`` hold one that starts with ``prefix`` and is longer (and, with
    ``going_on``, does not go on with a character that pattern matches)."""
    index = bisect_left(keys, prefix)
    while index < len(keys) and keys[index].startswith(prefix):
        if keys[index] != prefix and not (going_on is not None and going_on.match(keys[index], len(prefix))):
            return True
        index += 1
    return False


#: A letter or a digit (what never follows an anchor where the document scan found it).
_WORD_CHAR = re.compile(r"[^\W_]")


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


# A named tuple (collections' rather than typing's: typing is not imported at run time). ``phrase``
# is as normalised in the lexicon.
Hit = namedtuple("Hit", ["start", "end", "phrase", "value"])


#: ``Hit`` (and ``Sentence``) start offsets; building a hit with ``_new(Hit, (...))`` is one C call
#: (``Hit(...)`` goes through a Python-level ``__new__``).
_START = itemgetter(0)
_new = tuple.__new__


class Analysis:
    """The per-document facts every attribution rule needs; build with ``analysis(document)``."""

    def __init__(self, document: "Document") -> None:
        # (Not the document itself: it holds this analysis, and a cycle would keep the document and
        # all it holds alive until the garbage collector runs.)
        self.words = document.words
        self.text = text = document.text
        lowered = _lowercase(text)
        # Offsets must line up with the text: a few characters lowercase to two.
        self.lower = lowered if len(lowered) == len(text) else None
        self.sentences = document.sentences
        self.sentence_starts = list(map(_START, self.sentences))
        self.paragraphs = document.paragraphs
        self.quotations = document.quotes.quotations
        # Built on first use (a document with no candidate for any rule never needs them): for
        # each sentence the index of the first and last sentences of its paragraph, and the
        # quoted spans.
        self._bounds: tuple[list[int], list[int]] | None = None
        self._paragraph_flags: dict[tuple[int, int], bool] = {}
        self._quoted_starts: list[int] | None = None
        self._quoted_ends: list[int] = []
        self._anchor_version = -1
        self._anchor_found: dict[str, list[int]] = {}
        self._found: dict[int, list[Hit]] = {}
        self._starts: dict[int, list[int]] = {}
        self._attributed: dict[tuple[int, ...], list[bool]] = {}

    def _paragraph_bounds(self) -> tuple[list[int], list[int]]:
        """For each sentence, the indices of the first and last sentences of its paragraph."""
        if self._bounds is None:
            sentences = self.sentences
            first = [0] * len(sentences)
            last = [0] * len(sentences)
            for index, sentence in enumerate(sentences):
                same = index and sentences[index - 1].paragraph == sentence.paragraph
                first[index] = first[index - 1] if same else index
            for index in range(len(sentences) - 1, -1, -1):
                same = index + 1 < len(sentences) and sentences[index + 1].paragraph == sentences[index].paragraph
                last[index] = last[index + 1] if same else index
            self._bounds = (first, last)
        return self._bounds

    def _quoted_spans(self) -> list[int]:
        """The starts of the quoted spans (outermost quotations, closed or running on, merged
        where they overlap); their ends go to ``_quoted_ends``."""
        if self._quoted_starts is None:
            spans = sorted([(quotation.open.offset, quotation.close.offset + 1 if quotation.close is not None
                             else quotation.end)
                            for quotation in self.quotations
                            if quotation.enclosing is None and (quotation.close is not None or quotation.continues)])
            starts = [span[0] for span in spans]
            ends = [span[1] for span in spans]
            if any(map(lt, starts[1:], ends)):  # some overlap (seldom): merge them
                merged: list[list[int]] = []
                for start, end in spans:
                    if merged and start < merged[-1][1]:
                        merged[-1][1] = max(merged[-1][1], end)
                    else:
                        merged.append([start, end])
                starts = [span[0] for span in merged]
                ends = [span[1] for span in merged]
            self._quoted_ends = ends
            self._quoted_starts = starts
        return self._quoted_starts

    # -- positions -----------------------------------------------------------
    def quoted(self, offset: int) -> bool:
        """Inside quotation marks (a closed quotation, or one running on to the next paragraph)."""
        starts = self._quoted_starts
        if starts is None:
            starts = self._quoted_spans()
        index = bisect_right(starts, offset) - 1
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
        """Every anchor word of every lexicon found in the text → its offsets (not in text order),
        from one scan of the text."""
        if self._anchor_version != _VERSION:
            words, shaped = _anchor_set()
            if self.lower is not None and shaped and self.words.plain:
                found = _anchor_list(self.words, self.text, words)
            else:
                found = {}
                if self.lower is not None:
                    matches = _anchor_pattern(words).finditer(self.lower)
                else:
                    matches = re.compile(_anchor_pattern(words).pattern, re.IGNORECASE).finditer(self.text)
                for match in matches:
                    word = match.group()
                    if self.lower is None:
                        word = word.lower()
                    _add(found, word.replace("’", "'"), match.start())
            self._anchor_version, self._anchor_found = _VERSION, found
        return self._anchor_found

    def find(self, lexicon: Lexicon) -> list[Hit]:
        """Every occurrence of the lexicon's phrases, in text order (quoted or not); at each
        anchor, the longest phrase."""
        key = id(lexicon)
        found = self._found.get(key)
        if found is None:
            found = []
            anchors, whole, others = self._split_anchors(lexicon)
            for word in whole:  # the anchor word is a whole phrase, and each hit is that word
                size, value = len(word), lexicon.simple[word]
                found += [_new(Hit, (offset, offset + size, word, value)) for offset in anchors[word]]
            if others:
                found += self._confirm(lexicon, anchors, others)
            # (Hits of different anchors share a start only through the words before an anchor;
            # the order of such ties was never defined.)
            found.sort(key=_START)
            self._found[key] = found
        return found

    def starts(self, lexicon: Lexicon) -> list[int]:
        """The start offsets of ``find(lexicon)``, in order (without building every hit)."""
        key = id(lexicon)
        starts = self._starts.get(key)
        if starts is None:
            found = self._found.get(key)
            if found is not None:
                starts = list(map(_START, found))
            else:
                starts = []
                anchors, whole, others = self._split_anchors(lexicon)
                for word in whole:
                    starts += anchors[word]
                if others:
                    starts += map(_START, self._confirm(lexicon, anchors, others))
                starts.sort()
            self._starts[key] = starts
        return starts

    def _split_anchors(self, lexicon: Lexicon) -> tuple[dict[str, list[int]], list[str], list[str]]:
        """The document's anchors, and the lexicon's anchor words found in it, split into those that
        are whole phrases (each hit is the word: no pattern to try) and the others."""
        anchors = self._anchors()
        # (``intersection`` walks the few words found, not the lexicon's many anchors.)
        simple = lexicon.simple if self.lower is not None else {}
        whole, others = [], []
        for word in lexicon.anchors.intersection(anchors):
            (whole if word in simple else others).append(word)
        return anchors, whole, others

    def _confirm(self, lexicon: Lexicon, anchors: dict[str, list[int]], words: list[str]) -> list[Hit]:
        """The hits at the offsets of the anchors ``words``: at each, the longest part of a phrase from
        the anchor on, and the words before it."""
        # The few texts whose lowercase changes length are matched as they are, ignoring case.
        ignore_case = self.lower is None
        source = self.text if ignore_case else self.lower
        by_rest = lexicon.by_rest
        values = lexicon.values
        alone = () if ignore_case else lexicon.alone
        rests = lexicon._rest_by_anchor
        found: list[Hit] = []
        for word in words:
            if word in alone:
                # A hit is the whole word (followed by no letter or digit): it is its own longest
                # part of a phrase.
                rest = None
                size = len(word)
                entries = by_rest[word]
            else:
                rest = rests.get((word, ignore_case)) or lexicon.rest_for(word, ignore_case)
            for offset in anchors[word]:
                if rest is None:
                    end = offset + size
                else:
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
                    found.append(_new(Hit, (start, end, phrase, values[phrase])))
                    break
        return found

    def attributed(self, *lexicons: Lexicon, mask: Lexicon | None = None) -> list[bool]:
        """Per sentence: does a phrase of the lexicons (reporting verbs, source words) occur
        outside quotation marks in it? Phrases inside a ``mask`` phrase do not count (the
        "admits" of "far more than anyone admits")."""
        key = tuple(id(lexicon) for lexicon in lexicons) + (id(mask),)
        flags = self._attributed.get(key)
        if flags is None:
            masked: list[Hit] = self.find(mask) if mask is not None else []
            if masked and not any(bisect_left(starts, hit.start) < bisect_left(starts, hit.end)
                                  for starts in map(self.starts, lexicons) for hit in masked):
                masked = []  # no phrase starts inside a mask phrase: the mask changes nothing
            if not masked and len(lexicons) > 1:
                # With no mask, each lexicon's flags are its own: combine those (shared with the
                # rules that ask for one lexicon).
                flags = self.attributed(lexicons[0])
                for lexicon in lexicons[1:]:
                    flags = list(map(or_, flags, self.attributed(lexicon)))
            elif not masked and mask is not None:
                flags = self.attributed(lexicons[0])
            else:
                flags = [False] * len(self.sentences)
                mask_starts = list(map(_START, masked))
                sentence_starts = self.sentence_starts
                quoted_starts = self._quoted_spans()
                quoted_ends = self._quoted_ends
                for lexicon in lexicons:
                    for start in self.starts(lexicon):
                        if masked:
                            index = bisect_right(mask_starts, start) - 1
                            if index >= 0 and start < masked[index].end:
                                continue
                        index = bisect_right(quoted_starts, start) - 1
                        if index >= 0 and start < quoted_ends[index]:
                            continue  # inside quotation marks
                        index = bisect_right(sentence_starts, start) - 1
                        if index >= 0:
                            flags[index] = True
            self._attributed[key] = flags
        return flags

    def all_near(self, flags: list[bool], offsets: "Iterable[int]") -> bool:
        """Whether each offset is in a sentence that is flagged in ``flags``, or next to one (and
        after the start of the first sentence); in C, with no loop over the offsets."""
        # near[i + 1]: True in flags[i - 1:i + 2]; near[0] stands for "before the first sentence".
        near = [False]
        near += map(or_, map(or_, [False] + flags[:-1], flags), flags[1:] + [False])
        return all(map(near.__getitem__, map(bisect_right, repeat(self.sentence_starts), offsets)))

    def paragraph_has(self, flags: list[bool], index: int) -> bool:
        """Any sentence of the paragraph of sentence ``index`` is flagged in ``flags``."""
        first, last = self._paragraph_bounds()
        key = (id(flags), first[index])
        found = self._paragraph_flags.get(key)
        if found is None:
            found = any(flags[first[index]:last[index] + 1])
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
        first = self._paragraph_bounds()[0][index]
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
    """``_anchor_list`` with each word's offsets in text order."""
    return {word: sorted(offsets) for word, offsets in _anchor_list(document.words, document.text, anchors).items()}


def _add(found: dict[str, list[int]], word: str, start: int) -> None:
    entry = found.get(word)
    if entry is None:
        found[word] = [start]
    else:
        entry.append(start)


def _anchor_list(words: "Words", text: str, anchors: frozenset[str]) -> dict[str, list[int]]:
    """What ``_anchor_pattern(anchors).finditer(text.lower())`` finds, word → offsets (not in text
    order), read off the document's shared word lists instead of scanning the text again (plain text
    only: newslint.fastre).

    A word is a run of letters and digits with inner apostrophes or hyphens, so an anchor (one such
    run) found at a word boundary is a whole word, or a run of a word's parts from one apostrophe or
    hyphen to another: "government" in "anti-government". At each part the longest anchor is taken
    and the scan goes on after it, as the regular expression's does. A word boundary is also missing
    next to an underscore, which is a word character but not part of a word here: a text with one
    is looked at word by word."""
    starts = words.starts
    lower = words.lower
    found: dict[str, list[int]] = {}
    if "_" in text:
        for index, word in enumerate(lower):
            if word in anchors or not word.isalnum():
                _compound_hits(text, starts[index], word, anchors, found)
        return found
    # The whole words that are anchors and their starts, in one pass in C (``zip`` reuses its pair
    # for each word passed over); then grouped by word.
    for word, start in compress(zip(lower, starts), map(anchors.__contains__, lower)):
        if word in found:
            found[word].append(start)
        else:
            found[word] = [start]
    # The words with an inner apostrophe or hyphen (but those that are anchors: each is its own
    # longest match). Most hold no part that is an anchor or begins one: one test of all their parts
    # at once (the test ``_compound_hits`` makes of each) passes them all over.
    compounds = words.compounds
    if compounds and (anchors is not _ANCHOR_SET[1] or not _ANCHOR_SET[3].isdisjoint(
            _PARTS.split("'".join(map(lower.__getitem__, compounds)).replace("’", "'")))):
        for index in compounds:
            word = lower[index]
            if word not in anchors:
                _compound_hits(text, starts[index], word, anchors, found)
    return found


def _compound_hits(text: str, start: int, word: str, anchors: frozenset[str], found: dict[str, list[int]]) -> None:
    """The anchors in a word of several parts (or one next to an underscore), as the anchor pattern
    finds them: added to ``found`` (see ``_anchor_list``)."""
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
                _add(found, candidate, start + begin)
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
