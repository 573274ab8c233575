"""names/lowercase-proper-noun: a proper name written in lowercase ("kyiv")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, namedtuple
from itertools import compress, filterfalse, repeat
from operator import le, ne

from newslint import Flag, Option, Pass, Rule
from newslint.fastre import ODD_LETTERS, cased_plain  # noqa: F401  (cased_plain: what ``fast`` stands for)
from newslint.lazyre import lazy, regex, regex_compile

from ._data import (Links, capital_counts, compound_parts, kept_tables, lowercase_set, names_data, proper_names,
                    strings, trie_pattern)

# An all-capitals dateline opening a paragraph: "KYIV, Ukraine (AP) — ", "LONDON - ".
_DATELINE = lazy(regex_compile, 
    r"\p{Lu}[\p{Lu}\p{M}'’.\- ]*(?:,[ \t]*[\p{L}\p{M}.'’ ]{1,40}?)?[ \t]*(?:\([^()\r\n]{1,40}\)[ \t]*)?(?:—|–|--?)\s"
)
# A letter neither capital nor small (newslint.fastre): text with one takes the general path.
_ODD_LETTER = lazy(re.compile, f"[{ODD_LETTERS}]")
# Small words inside a title between capitalised ones: "Ministry of Defence", "Flight into Danger",
# "The Goat or Who is Sylvia?".
_TITLE_CONNECTORS = frozenset("""
    a an and as at by de del der des di du for from in into is la le of on or the to upon van von with y
""".split())
# Characters before a word that make its capital a sign of a name rather than of a
# sentence's, a quotation's or a list item's start: a letter or digit (“in Kyiv”),
# a comma, a semicolon or a closing bracket; or a hyphen joining it to a word (“pro-Kremlin”).
_MID_SENTENCE = frozenset(",;)%")
_HYPHENS = ("-", "‐", "‑")
_POSSESSIVE = ("'s", "’s")
# Words before a lowercase word that make it a common noun: “a yahoo”, “his apple”.
_DETERMINERS = frozenset("a an another any each every her his its my no our some such their this these those your".split())

LOWER, CAPITAL, CAPITALS, NUMBER = "lower", "capital", "capitals", "number"
#: How far _joined looks from a word: at most three words either side.
_JOIN_REACH = 3

# A word's edges: not inside another word, nor after an apostrophe (the s of “Kyiv’s”).
_WORD_START = r"(?<![\p{L}\p{N}\p{M}'’])"
_WORD_END = r"(?![\p{L}\p{N}\p{M}])"
_LOWER_WORD = lazy(regex_compile, rf"{_WORD_START}\p{{Ll}}[\p{{Ll}}\p{{M}}]*+{_WORD_END}")
_CAPITAL_WORD = lazy(regex_compile, rf"{_WORD_START}\p{{Lu}}[\p{{L}}\p{{M}}]++{_WORD_END}")
_AFTER_DETERMINER = lazy(regex_compile, 
    rf"{_WORD_START}(?i:{'|'.join(sorted(_DETERMINERS))})\s+(\p{{Ll}}[\p{{Ll}}\p{{M}}]*+){_WORD_END}")


# A word: its offsets, its text without a possessive 's, whether it had one, and its kind: LOWER,
# CAPITAL (Kyiv, McDonald), CAPITALS (KYIV, Q) or NUMBER (collections' named tuple: typing is not
# imported at run time).
_Word = namedtuple("_Word", ["start", "end", "text", "possessive", "kind"])


class LowercaseProperNoun(Rule):
    """Flags a proper name written in lowercase: “kyiv’s forces”, “talks in
    moscow”.

    **Why.** A lowercase name looks like a typing slip, or like a common noun,
    and spell-checkers do not catch it: “kyiv” is spelt correctly.

    **What counts as a name.** A word of the `names.proper` list in rules.yaml,
    or any house form of `names.preferred`, is always a name. So is a word the
    story itself capitalises elsewhere, when the evidence favours a name over a
    common noun: at least `min-capitalised` capitalised uses, and `min-ratio`
    times as many as lowercase ones (a lowercase use after “a”, “his”,
    “their”... is a common noun's and counts twice). A capital counts only
    mid-sentence (not opening a sentence, a quotation, a paragraph or a list
    item), outside a headline and an all-capitals dateline (“KYIV, Ukraine —”),
    and standing alone, not inside a title of several capitalised words (“the
    Defence Ministry”, “Bank of England”, “Mr Jobs”, “Flight into Danger”).
    Words of the `names.capitalised-common-words` list (government, budget, the
    Lords, Apple, the Sun), which copy capitalises in titles or as names of
    firms but are ordinary words too, never count.

    **Not flagged:** words in links, e-mail addresses, @handles and #hashtags
    (“@kyivindependent”, “kyivpost.com”); a headline set all in lowercase on
    purpose; and, unless the dictionary knows the name, a lowercase word inside
    a quotation, which may reproduce a message as it was written.

    **Example:** “Troops left kyiv’s suburbs.” → “Troops left Kyiv’s suburbs.”

    **Fix (safe):** capitalise the name as the dictionary, or the rest of the
    story, spells it.
    """

    id = "names/lowercase-proper-noun"
    summary = "A proper name written in lowercase (kyiv)"
    severity = "warning"
    fix = "safe"
    options = {
        "min-capitalised": Option(
            3, "How many standalone mid-sentence capitalised uses make a word that is not in the "
               "dictionary a name.", "int"),
        "min-ratio": Option(
            3, "How many times as many capitalised uses as lowercase ones (a lowercase use after a, his, "
               "their... counting twice) make a word that is not in the dictionary a name.", "int"),
    }
    examples = [
        Flag("Troops left kyiv’s suburbs at dawn.", "kyiv", "Troops left Kyiv’s suburbs at dawn."),
        Flag("Talks in moscow ended without a deal.", "moscow", "Talks in Moscow ended without a deal."),
        Flag("The talks are about north macedonia joining.", "north macedonia",
             "The talks are about North Macedonia joining."),
        Flag("The pro-russian party lost seats.", "russian", "The pro-Russian party lost seats."),
        Flag("Shares in Grentex rose, and analysts said Grentex would expand. Staff at Grentex were "
             "pleased. The grentex board agreed.", "grentex",
             "Shares in Grentex rose, and analysts said Grentex would expand. Staff at Grentex were "
             "pleased. The Grentex board agreed."),
        Pass("Troops left Kyiv’s suburbs at dawn."),
        Pass("Follow @kyivindependent or read kyivpost.com for updates."),
        Pass("The Government said the government would act. The Government agreed."),
        Pass("The Defence Ministry said the ministry had no comment. The Defence Ministry denied it."),
        Pass("KYIV, Ukraine — Officials met in the capital."),
        Pass("Mr Jobs said the jobs were safe, and Mr Jobs smiled."),
    ]

    def setup(self) -> None:
        self._known, self._known_keys, self._known_rests, self._reach, self._common = \
            kept_tables(self, __file__, self._tables)
        self._min_capitalised = max(1, int(self.settings["min-capitalised"]))
        self._min_ratio = max(1, int(self.settings["min-ratio"]))

    def _tables(self) -> tuple:
        """What ``setup`` reads off the names data (kept in the start-up cache: plain data)."""
        # Lowercase first word → the names that start with it, as (lowercase words, spellings).
        known: dict[str, list[tuple[tuple[str, ...], list[str]]]] = {}
        for name, spelling in proper_names(self.data):
            words = tuple(name.lower().split())
            if not words:
                continue
            entries = known.setdefault(words[0], [])
            for known_words, spellings in entries:
                if known_words == words:
                    if spelling not in spellings:
                        spellings.append(spelling)  # Nato and NATO: two accepted spellings
                    break
            else:
                entries.append((words, [spelling]))
        for entries in known.values():
            entries.sort(key=lambda item: -len(item[0]))  # the longest name first
        # First word → the other words of each name it starts, when every name it starts has more
        # than one (“north” → [("macedonia",)]): one of those needs all its words in the text.
        rests = {key: [words[1:] for words, _ in entries] for key, entries in known.items()
                 if all(len(words) > 1 for words, _ in entries)}
        # Words either side of a lowercase name that telling it looks at: the longest name's.
        reach = max([_JOIN_REACH] + [len(words) for entries in known.values() for words, _ in entries])
        common = lowercase_set(strings(names_data(self.data).get("capitalised-common-words")))
        return known, frozenset(known), rests, reach, common

    # -- checking ------------------------------------------------------------
    def check(self, document):
        text = document.text
        plain = document.words.plain
        if plain:
            # Most stories stop here: the few words that can be flagged, from the shared word lists.
            listed, evidence_keys = self._candidates(document)
            if not listed and not evidence_keys:
                return
        # cased_plain(text), its is_plain half worked out once by the shared word scan (words.plain).
        fast = plain and (text.isascii() or _ODD_LETTER.search(text) is None)
        scan = _Scan(document)
        lowercase = _LowercaseWords(document) if fast else Counter(_LOWER_WORD.findall(text))
        if fast:
            evidence = self._evidence(scan, lowercase, evidence_keys) if evidence_keys else {}
            targets = [word for word in listed | evidence.keys() if word in lowercase]
        else:
            evidence = self._evidence(scan, lowercase)
            targets = [word for word in lowercase if word in self._known or word in evidence]
        if not targets:
            return
        if fast:
            occurrences = _lowercase_occurrences(document, set(targets))
        else:
            pattern = regex.compile(rf"{_WORD_START}(?:{trie_pattern(targets)}){_WORD_END}")
            occurrences = [(match.start(), match.group()) for match in pattern.finditer(text)]
        consumed = 0
        for start, form in occurrences:
            if start < consumed:
                continue  # inside a name of several words flagged already
            paragraph = scan.paragraph(start)
            if paragraph is None or scan.in_link(start) or scan.lowercase_headline(paragraph):
                continue
            if form in self._known:
                words, index = scan.words_around(paragraph, start, self._reach)
                known = self._known_name(text, words, index) if index is not None else None
                if known is not None:
                    length, names = known
                    end = words[index + length - 1].end
                    proper = scan.spelling_in_use(names)
                    consumed = end
                    yield self.problem(start, end, f"“{text[start:end]}” is a proper name: write “{proper}”",
                                       replacement=proper)
                    continue
            if form in evidence and document.quotes.inside(start, start + len(form)) is None:
                proper, count = evidence[form]
                yield self.problem(start, start + len(form),
                                   f"“{form}” is a name written in lowercase: the story has “{proper}” "
                                   f"{count} times elsewhere", replacement=proper)

    # -- the words that can be flagged ---------------------------------------------------------
    # ``check`` flags only a lowercase use, as _LOWER_WORD finds it: a whole word written in small
    # letters, or such a part of a word of several parts. On plain text (newslint.fastre) the shared
    # word lists hold the same runs of letters as the patterns see, so the words below, found with
    # set operations and counts in C and a look at the few written with a capital at least
    # ``min-capitalised`` times, are all ``check`` can flag, on the fast path and the general one:
    # most stories have none.

    def _candidates(self, document) -> tuple[set[str], set[str]]:
        """The first words of dictionary names written in lowercase, and the words that may be
        evidence (``_evidence`` finds none outside them): those written with a capital at least
        ``min-capitalised`` times and ``min-ratio`` times as often as in lowercase, as whole words or
        parts, and in lowercase somewhere. Capitals that cannot count are left out where C finds them
        cheaply: those all in capitals (“US”) and those opening a sentence after “. ” (``_evidence``
        skips them); every lowercase use with a space either side counts."""
        words = document.words
        text, texts = document.text, words.texts
        least, ratio, common = self._min_capitalised, self._min_ratio, self._common
        parts = compound_parts(document)
        # The lowercase of the words and of the parts written with a capital, with counts.
        in_words = capital_counts(document)
        in_parts: dict[str, int] = {}
        keys = list(compress(in_words.keys(), map(le, repeat(least), in_words.values())))  # count >= least
        if parts:
            parts_lower = list(map(str.lower, parts))
            for key in compress(parts_lower, map(ne, parts, parts_lower)):  # the few parts with a capital
                in_parts[key] = in_parts.get(key, 0) + 1
            keys.extend(key for key, count in in_parts.items() if in_words.get(key, 0) < least <= count + in_words.get(key, 0))
        # The dictionary's first words written in lowercase as whole words or parts: those among
        # ``words.segments`` (shared: a look-up per key, with no hashing of every word). ``check``
        # flags a known word only where _LowercaseWords counts it (fast path) or _LOWER_WORD finds
        # it (general path): a whole word or a part in small letters, one of the segments.
        segments = words.segments
        known = set(self._known_keys.intersection(segments))
        if known and self._known_rests:
            # A name of several words is flagged only where the text holds its other words as written
            # in the dictionary (_known_name).
            rests = self._known_rests
            known = {key for key in known if key not in rests
                     or any(all(word in text for word in rest) for rest in rests[key])}
        found = set()
        after: Counter[str] | None = None
        # Those that can be words _LowercaseWords counts (letters, not a common word) and that the
        # text holds in lowercase as a whole word or a part, one of ``words.segments`` (a key is
        # added below only if it is among the words, ``lowercase > 0``, or the parts): tests in C.
        for key in filter(str.isalpha, filterfalse(common.__contains__, filter(segments.__contains__, keys))):
            if len(key) < 2:
                continue
            count = in_words.get(key, 0) + in_parts.get(key, 0)
            if count < ratio * text.count(f" {key} "):
                continue
            upper = key.upper()
            if upper != key and upper.isupper() and upper.lower() == key:
                count -= texts.count(upper) + parts.count(upper)  # in capitals: “US”
            title = key[0].upper() + key[1:]
            if title != upper and title != key and title.lower() == key:
                count -= text.count(f". {title} ")  # opening a sentence: “. It ”, “. It’s”
                if key in in_parts:
                    count -= text.count(f". {title}’") + text.count(f". {title}'")
            if count < least:
                continue
            lowercase = texts.count(key)  # whole words written as the key
            if words.after_apostrophe and lowercase:  # less those right after an apostrophe (’em)
                if after is None:
                    starts = words.starts
                    after = Counter(texts[bisect_right(starts, offset) - 1] for offset in words.after_apostrophe)
                lowercase -= after[key]
            if (lowercase > 0 or key in parts) and count >= ratio * lowercase:
                found.add(key)
        return known, found

    def _evidence(self, scan: "_Scan", lowercase: Counter[str], keys: set[str] | None = None
                  ) -> dict[str, tuple[str, int]]:
        """Words the story capitalises as names often enough: lowercase form → (spelling, count).
        With ``keys`` (the fast path), only those words can be (``_candidates``)."""
        text = scan.text
        capitalised: Counter[str] = Counter()
        spellings: dict[str, Counter[str]] = {}
        if keys is not None:
            found = _capital_occurrences(scan.document, keys)
        else:
            found = ((match.start(), match.group()) for match in _CAPITAL_WORD.finditer(text))
        for start, form in found:
            key = form.lower()
            if key not in lowercase or key in self._common or form.isupper():
                continue  # most capitals: no lowercase twin to flag
            paragraph = scan.paragraph(start)
            if paragraph is None or paragraph.scope == "headline" or _opens(text, start, paragraph.start) \
                    or start < scan.body_start(paragraph):
                continue
            words, index = scan.words_around(paragraph, start, _JOIN_REACH)
            if index is None or _joined(text, words, index, -1, paragraph.start) \
                    or _joined(text, words, index, 1, paragraph.start) or scan.in_link(start):
                continue  # (links last: they are found in the whole text once asked for)
            capitalised[key] += 1
            spellings.setdefault(key, Counter())[form] += 1
        likely = [key for key, count in capitalised.items()
                  if count >= self._min_capitalised and count >= self._min_ratio * lowercase[key]]
        if not likely:
            return {}
        # A lowercase use after "a", "his", "their"... is a common noun's: it counts twice.
        after_determiner = Counter(_AFTER_DETERMINER.findall(text))
        return {key: (spellings[key].most_common(1)[0][0], capitalised[key]) for key in likely
                if capitalised[key] >= self._min_ratio * (lowercase[key] + after_determiner[key])}

    def _known_name(self, text: str, words: list[_Word], index: int) -> tuple[int, list[str]] | None:
        """(number of words, spellings) of the dictionary name starting at ``words[index]``."""
        for known_words, names in self._known.get(words[index].text, ()):
            length = len(known_words)
            run = words[index:index + length]
            if len(run) == length and all(w.text == k for w, k in zip(run, known_words)) and \
                    all(not a.possessive and text[a.end:b.start].isspace() for a, b in zip(run, run[1:])):
                return length, names
        return None


def _opens(text: str, start: int, paragraph_start: int) -> bool:
    """True when a word's capital may be a sentence's, a quotation's or a list item's, not a name's."""
    before = text[max(paragraph_start, start - 8):start]
    if before.endswith(_HYPHENS):
        return not before[:-1][-1:].isalnum()  # a list item's dash, not a compound's hyphen
    before = before.rstrip()
    return not before or not (before[-1].isalnum() or before[-1] in _MID_SENTENCE)


def _joined(text: str, words: list[_Word], index: int, step: int, paragraph_start: int) -> bool:
    """True when words[index] runs into a capitalised neighbour, directly or past connectors
    (“Defence Ministry”, “Bank of England”, “Q Magazine”, “Sound of 2005”). Past a connector, a
    capital that opens a sentence does not count: “Shares in Grentex”."""
    current = index
    while True:
        other = current + step
        if not 0 <= other < len(words):
            return False
        first, second = (words[current], words[other]) if step > 0 else (words[other], words[current])
        gap = text[first.end:second.start]
        if first.possessive or not (gap.isspace() or gap in _HYPHENS):
            return False
        kind = words[other].kind
        if kind in (CAPITAL, CAPITALS):
            return current == index or not _opens(text, words[other].start, paragraph_start)
        if kind == NUMBER and step > 0:
            return True
        if words[other].text not in _TITLE_CONNECTORS or abs(other - index) >= 3:
            return False
        current = other


# -- the shared word lists, read as _LOWER_WORD and _CAPITAL_WORD read the text ---------------
# On text newslint.fastre calls cased_plain (no combining marks, every letter a capital or a small
# letter), a match of either pattern is a part of a word (a run of letters and digits between
# apostrophes, hyphens and the word's ends) that is all small letters, or a capital and at least one
# more letter, and has no apostrophe right before it (the s of “Kyiv’s”). The functions below find
# those parts from the document's shared word lists, in text order, instead of scanning the text.

class _LowercaseWords:
    """What ``Counter(_LOWER_WORD.findall(text))`` counts, for the few words the rule asks about
    (``in``, ``[]``): the whole words written as the key, less those right after an apostrophe (’em),
    and the parts of words written so (pro-russian), each counted in C on first asking. (A key that
    is no word nor part counts none: none of the three holds it.)"""

    def __init__(self, document) -> None:
        self._words = document.words
        self._counts: dict[str, int] = {}
        self._after: Counter[str] | None = None
        self._parts: Counter[str] | None = None

    def __getitem__(self, key: str) -> int:
        if not (key.isalpha() and key.islower()):
            return 0
        count = self._counts.get(key)
        if count is None:
            words = self._words
            count = words.texts.count(key)
            if count and words.after_apostrophe:
                if self._after is None:
                    texts, starts = words.texts, words.starts
                    self._after = Counter(texts[bisect_right(starts, offset) - 1] for offset in words.after_apostrophe)
                count -= self._after[key]
            if words.compounds:
                if self._parts is None:
                    self._parts = Counter(part for _, part, apostrophe in words.all_parts
                                          if not apostrophe and part.isalpha() and part.islower())
                count += self._parts[key]
            self._counts[key] = count
        return count

    def __contains__(self, key: str) -> bool:
        return self[key] > 0


def _occurrences(document, forms: set[str]) -> list[tuple[int, str]]:
    """(start, text) of the whole words that are ``forms`` and do not follow an apostrophe."""
    words = document.words
    texts, starts = words.texts, words.starts
    after = words.after_apostrophe
    # Forms in lowercase are among the words' lowercase forms wherever they are words (whose
    # strings the names rules have hashed already).
    lower = words.lower if all(form.lower() == form for form in forms) else texts
    return [(starts[index], texts[index]) for index in compress(range(len(texts)), map(forms.__contains__, lower))
            if texts[index] in forms and starts[index] not in after]


def _capital_occurrences(document, keys: set[str]) -> list[tuple[int, str]]:
    """(start, text) of the matches of _CAPITAL_WORD whose lowercase is one of ``keys``, in text
    order: whole words of letters, more than one and the first a capital, not right after an
    apostrophe, and such parts of words."""
    words = document.words
    texts, starts, after = words.texts, words.starts, words.after_apostrophe
    found = []
    for index in compress(range(len(texts)), map(keys.__contains__, words.lower)):
        form = texts[index]
        if len(form) > 1 and form[0].isupper() and form.isalpha() and starts[index] not in after:
            found.append((starts[index], form))
    if words.compounds:
        found.extend((start, part) for start, part, apostrophe in words.all_parts
                     if not apostrophe and len(part) > 1 and part[0].isupper() and part.isalpha()
                     and part.lower() in keys)
        found.sort()
    return found


def _lowercase_occurrences(document, targets: set[str]) -> list[tuple[int, str]]:
    """(start, text) of the lowercase words (as _LOWER_WORD finds them) that are ``targets``, in text order."""
    words = document.words
    found = _occurrences(document, targets)
    found.extend((start, part) for start, part, apostrophe in words.all_parts if not apostrophe and part in targets)
    found.sort()
    return found


class _Scan:
    """What the rule looks up about one document, each part found once and only when asked."""

    #: How far either side of a word its neighbours are read (titles, names of several words).
    REACH = 100

    def __init__(self, document) -> None:
        self.document = document
        self.text = document.text
        self._links: Links | None = None
        self._body_starts: dict[int, int] = {}
        self._lowercase_headlines: dict[int, bool] = {}
        self._spellings: dict[str, bool] = {}
        self._word_parts: dict[int, list[_Word]] = {}

    def paragraph(self, offset: int):
        return self.document.paragraph_at(offset)

    def in_link(self, offset: int) -> bool:
        if self._links is None:
            self._links = Links(self.text)
        return bool(self._links) and self._links.covers(offset)

    def body_start(self, paragraph) -> int:
        """Where a paragraph's prose starts: after an all-capitals dateline, if it has one."""
        if paragraph.index not in self._body_starts:
            dateline = _DATELINE.match(self.text, paragraph.start, paragraph.end)
            self._body_starts[paragraph.index] = dateline.end() if dateline else paragraph.start
        return self._body_starts[paragraph.index]

    def lowercase_headline(self, paragraph) -> bool:
        """A headline set all in lowercase on purpose."""
        if paragraph.scope != "headline":
            return False
        if paragraph.index not in self._lowercase_headlines:
            self._lowercase_headlines[paragraph.index] = not any(
                char.isupper() for char in self.document.paragraph_text(paragraph))
        return self._lowercase_headlines[paragraph.index]

    def spelling_in_use(self, names: list[str]) -> str:
        """Of a name's accepted spellings (Nato, NATO), the one the story uses, else the first."""
        if len(names) > 1:
            for name in names:
                if name not in self._spellings:
                    self._spellings[name] = regex.search(
                        rf"{_WORD_START}{regex.escape(name)}{_WORD_END}", self.text) is not None
                if self._spellings[name]:
                    return name
        return names[0]

    def words_around(self, paragraph, offset: int, reach: int | None = None) -> tuple[list[_Word], int | None]:
        """The words near ``offset`` in its paragraph (hyphenated ones split, numbers and single
        letters kept for telling titles), and the index of the one starting at ``offset``.

        With ``reach``, only at least that many words either side of it (within the same window):
        all that telling a title or a name of several words looks at, at a fraction of the cost.
        """
        start = max(self.body_start(paragraph), offset - self.REACH)
        end = min(paragraph.end, offset + self.REACH)
        shared = self.document.words
        starts, texts = shared.starts, shared.texts
        first = bisect_left(starts, start)
        at = bisect_right(starts, offset) - 1
        if reach is None or at < first or starts[at] + len(texts[at]) > end:
            words: list[_Word] = []
            position = first
            while position < len(starts) and starts[position] + len(texts[position]) <= end:
                words.extend(self._parts(position))
                position += 1
            index = next((i for i, word in enumerate(words) if word.start == offset), None)
            return words, index
        before: list[_Word] = []
        position = at - 1
        while position >= first and len(before) < reach:
            before[:0] = self._parts(position)
            position -= 1
        words = before + self._parts(at)
        index = next((i for i in range(len(before), len(words)) if words[i].start == offset), None)
        if index is None:
            return words, None
        position = at + 1
        while position < len(starts) and len(words) - index - 1 < reach and \
                starts[position] + len(texts[position]) <= end:
            words.extend(self._parts(position))
            position += 1
        return words, index

    def _parts(self, position: int) -> list[_Word]:
        """The words (parts between hyphens) of shared word ``position`` that count: letters or numbers."""
        found = self._word_parts.get(position)
        if found is not None:
            return found
        shared = self.document.words
        token_text = shared.texts[position]
        part_start = shared.starts[position]
        found = []
        for part in token_text.split("-") if "-" in token_text else (token_text,):
            here, part_start = part_start, part_start + len(part) + 1
            possessive = part.endswith(_POSSESSIVE)
            bare = part[:-2] if possessive else part
            if not bare:
                continue
            if bare.isalpha():
                kind = LOWER if bare.islower() else CAPITALS if bare.isupper() else \
                    CAPITAL if bare[0].isupper() else ""
            else:
                kind = NUMBER if bare[0].isdigit() else ""
            if kind:
                found.append(_Word(here, here + len(bare), bare, possessive, kind))
        self._word_parts[position] = found
        return found
