"""A document's words, found in one pass and shared by every rule.

Rules that look words up (term lists, names, doubled words) read these lists
instead of each scanning the text with its own pattern: the scan costs one
regular-expression pass per document, however many rules use it. A word is a
``Document.tokens`` word: letters, digits and marks, joined by inner
apostrophes or hyphens (``Russia’s``, ``President-elect``).

The lists are parallel: ``starts[i]``, ``ends[i]`` and ``texts[i]`` describe
the i-th word; ``lower`` holds the words in lowercase. On plain text
(newslint.fastre) the scan uses the standard library's ``re``, several times
faster than ``regex`` per match.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from itertools import chain, compress, islice
from operator import add, ne

from newslint.fastre import is_plain
from newslint.lazyre import lazy, regex_compile

#: The word: in ``regex`` for any text, and its exact ``re`` twin for plain text (newslint.fastre).
#: Compiled (and ``regex`` imported) when text that is not plain first needs it.
WORD = lazy(regex_compile, r"[\p{L}\p{N}\p{M}]+(?:['’\-][\p{L}\p{N}\p{M}]+)*")
WORD_PLAIN = re.compile(r"[^\W_]++(?:['’\-][^\W_]++)*+")
#: On ASCII text the same, with the narrowest classes (the scan is a little faster).
WORD_ASCII = re.compile(r"[A-Za-z0-9]++(?:['\-][A-Za-z0-9]++)*+")
_RE_MATCH = type(WORD_PLAIN.match("a"))
#: Words matched at a time (see Words.__init__): every article's in one batch.
_BATCH = 1 << 16


class Words:
    """The words of a text, as parallel lists of start offsets, end offsets and texts."""

    __slots__ = ("starts", "texts", "plain", "_text", "_ends", "_lower", "_compounds", "_after_apostrophe",
                 "_segments", "_parts", "_capitalised")

    def __init__(self, text: str, plain: bool | None = None) -> None:
        self.plain = is_plain(text) if plain is None else plain
        # All the matches, then their starts and texts mapped in C. The matches are many short-lived
        # objects without cycles: the cyclic collector is held off while they exist (it would walk
        # every live object several times over for nothing).
        collecting = gc.isenabled()
        if collecting:
            gc.disable()
        try:
            if self.plain:
                found = (WORD_ASCII if text.isascii() else WORD_PLAIN).finditer(text)
            else:
                found = WORD.finditer(text)
            # The matches a batch at a time: a whole long text's at once would be hundreds of
            # megabytes of match objects (one per word), slower to allocate than to scan.
            matches = list(islice(found, _BATCH))
            match_type = type(matches[0]) if matches else _RE_MATCH  # re's or regex's Match
            self.starts: list[int] = list(map(match_type.start, matches))
            self.texts: list[str] = list(map(match_type.group, matches))
            while len(matches) == _BATCH:
                matches = list(islice(found, _BATCH))
                self.starts.extend(map(match_type.start, matches))
                self.texts.extend(map(match_type.group, matches))
            del matches
        finally:
            if collecting:
                gc.enable()
        self._text = text
        self._ends: list[int] | None = None
        self._lower: list[str] | None = None
        self._compounds: list[int] | None = None
        self._after_apostrophe: frozenset[int] | None = None
        self._segments: frozenset[str] | None = None
        self._parts: list[tuple[int, str, bool]] | None = None
        self._capitalised: frozenset[str] | None = None

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def ends(self) -> list[int]:
        if self._ends is None:
            self._ends = list(map(add, self.starts, map(len, self.texts)))
        return self._ends

    @property
    def lower(self) -> list[str]:
        """Each word in lowercase (``str.lower``)."""
        if self._lower is None:
            self._lower = list(map(str.lower, self.texts))
        return self._lower

    def first_from(self, offset: int) -> int:
        """The index of the first word starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def last_before(self, offset: int) -> int:
        """The index of the last word starting before ``offset`` (-1 when none does)."""
        return bisect_right(self.starts, offset - 1) - 1

    # -- parts of words (split at apostrophes and hyphens), for plain text ---------------
    @property
    def compounds(self) -> list[int]:
        """Indices of the words of several parts (an inner apostrophe or hyphen; plain text only)."""
        if self._compounds is None:
            self._scan_separators()
        return self._compounds  # type: ignore[return-value]

    @property
    def after_apostrophe(self) -> frozenset[int]:
        """Start offsets of the words right after an apostrophe or a single quote (’em, 'tis; plain
        text only)."""
        if self._after_apostrophe is None:
            self._scan_separators()
        return self._after_apostrophe  # type: ignore[return-value]

    def _scan_separators(self) -> None:
        # The apostrophes and hyphens before a letter or digit (found with str.find, faster here
        # than a pattern): after one too, it joins the parts of a word; otherwise an apostrophe
        # opens a word.
        text, starts = self._text, self.starts
        positions = []
        for separator in "'’-":
            at = text.find(separator)
            while at >= 0:
                positions.append(at)
                at = text.find(separator, at + 1)
        positions.sort()
        compounds: list[int] = []
        after = set()
        last = len(text) - 1
        for at in positions:
            if at == last or not text[at + 1].isalnum():
                continue
            if at and text[at - 1].isalnum():
                index = bisect_right(starts, at) - 1
                if not compounds or compounds[-1] != index:
                    compounds.append(index)
            elif text[at] != "-":
                after.add(at + 1)
        self._compounds = compounds
        self._after_apostrophe = frozenset(after)

    def parts(self, index: int) -> list[tuple[int, str, bool]]:
        """The parts of word ``index`` split at apostrophes and hyphens: (start, text, whether an
        apostrophe stands right before it)."""
        start = self.starts[index]
        text = self.texts[index]
        before = self._text[start - 1] if start else ""
        found = []
        for piece in _SEPARATOR.split(text):
            found.append((start, piece, before == "'" or before == "’"))
            start += len(piece) + 1
            before = self._text[start - 1] if start <= len(self._text) else ""
        return found

    @property
    def capitalised(self) -> frozenset[str]:
        """The distinct words holding a capital (or title-case) letter: those unlike their lowercase."""
        if self._capitalised is None:
            # A word equal to some word's lowercase equals its own lowercase (str.lower is idempotent,
            # tests/test_names_fast_paths.py), so "unlike every word's lowercase" is "unlike its own": a
            # comparison per word in C, with no hashing of every word.
            texts = self.texts
            self._capitalised = frozenset(compress(texts, map(ne, texts, self.lower)))
        return self._capitalised

    @property
    def all_parts(self) -> list[tuple[int, str, bool]]:
        """``parts`` of every word of several parts, in text order."""
        if self._parts is None:
            self._parts = [part for index in self.compounds for part in self.parts(index)]
        return self._parts

    @property
    def segments(self) -> frozenset[str]:
        """Every maximal run of letters and digits in the text (words, and their parts)."""
        if self._segments is None:
            texts = self.texts
            compounds = self.compounds
            if compounds:
                # The parts of every word of several parts in one split: the words joined by a
                # separator split exactly into the parts of each in turn (the ``all_parts`` texts).
                # One set built from both (a union would copy the set of the words).
                parts = _SEPARATOR.split("-".join(map(texts.__getitem__, compounds)))
                self._segments = frozenset(chain(texts, parts))
            else:
                self._segments = frozenset(texts)
        return self._segments


_SEPARATOR = re.compile(r"['’\-]")


def paragraph_edges_clean(document) -> bool:
    """Whether every paragraph starts and ends next to white space or an end of the text, so that
    no word of the whole text runs across a paragraph's edge (true of every built-in parser): word
    lists of the whole text then speak for each paragraph too."""
    cached = document.__dict__.get("_newslint_clean_edges")
    if cached is None:
        text = document.text
        last = len(text)
        cached = all((paragraph.start == 0 or text[paragraph.start - 1].isspace())
                     and (paragraph.end >= last or text[paragraph.end].isspace())
                     for paragraph in document.paragraphs)
        document.__dict__["_newslint_clean_edges"] = cached
    return cached
