"""names/lowercase-proper-noun: a proper name written in lowercase ("kyiv")."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from typing import NamedTuple

import regex

from newslint import Flag, Option, Pass, Rule

from ._data import Links, lowercase_set, names_data, proper_names, strings, trie_pattern

# An all-capitals dateline opening a paragraph: "KYIV, Ukraine (AP) — ", "LONDON - ".
_DATELINE = regex.compile(
    r"\p{Lu}[\p{Lu}\p{M}'’.\- ]*(?:,[ \t]*[\p{L}\p{M}.'’ ]{1,40}?)?[ \t]*(?:\([^()\r\n]{1,40}\)[ \t]*)?(?:—|–|--?)\s"
)
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

# A word's edges: not inside another word, nor after an apostrophe (the s of “Kyiv’s”).
_WORD_START = r"(?<![\p{L}\p{N}\p{M}'’])"
_WORD_END = r"(?![\p{L}\p{N}\p{M}])"
_LOWER_WORD = regex.compile(rf"{_WORD_START}\p{{Ll}}[\p{{Ll}}\p{{M}}]*+{_WORD_END}")
_CAPITAL_WORD = regex.compile(rf"{_WORD_START}\p{{Lu}}[\p{{L}}\p{{M}}]++{_WORD_END}")
_AFTER_DETERMINER = regex.compile(
    rf"{_WORD_START}(?i:{'|'.join(sorted(_DETERMINERS))})\s+(\p{{Ll}}[\p{{Ll}}\p{{M}}]*+){_WORD_END}")


class _Word(NamedTuple):
    start: int
    end: int
    text: str          # without a possessive 's
    possessive: bool
    kind: str          # LOWER, CAPITAL (Kyiv, McDonald), CAPITALS (KYIV, Q) or NUMBER


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
        names = names_data(self.data)
        # Lowercase first word → the names that start with it, as (lowercase words, spellings).
        self._known: dict[str, list[tuple[tuple[str, ...], list[str]]]] = {}
        for name, spelling in proper_names(self.data):
            words = tuple(name.lower().split())
            if not words:
                continue
            entries = self._known.setdefault(words[0], [])
            for known_words, spellings in entries:
                if known_words == words:
                    if spelling not in spellings:
                        spellings.append(spelling)  # Nato and NATO: two accepted spellings
                    break
            else:
                entries.append((words, [spelling]))
        for entries in self._known.values():
            entries.sort(key=lambda item: -len(item[0]))  # the longest name first
        self._common = lowercase_set(strings(names.get("capitalised-common-words")))
        self._min_capitalised = max(1, int(self.settings["min-capitalised"]))
        self._min_ratio = max(1, int(self.settings["min-ratio"]))

    # -- checking ------------------------------------------------------------
    def check(self, document):
        text = document.text
        scan = _Scan(document)
        lowercase = Counter(_LOWER_WORD.findall(text))
        evidence = self._evidence(scan, lowercase)
        targets = [word for word in lowercase if word in self._known or word in evidence]
        if not targets:
            return
        pattern = regex.compile(rf"{_WORD_START}(?:{trie_pattern(targets)}){_WORD_END}")
        consumed = 0
        for match in pattern.finditer(text):
            start, form = match.start(), match.group()
            if start < consumed:
                continue  # inside a name of several words flagged already
            paragraph = scan.paragraph(start)
            if paragraph is None or scan.in_link(start) or scan.lowercase_headline(paragraph):
                continue
            if form in self._known:
                words, index = scan.words_around(paragraph, start)
                known = self._known_name(text, words, index) if index is not None else None
                if known is not None:
                    length, names = known
                    end = words[index + length - 1].end
                    proper = scan.spelling_in_use(names)
                    consumed = end
                    yield self.problem(start, end, f"“{text[start:end]}” is a proper name: write “{proper}”",
                                       replacement=proper)
                    continue
            if form in evidence and document.quotes.inside(start, match.end()) is None:
                proper, count = evidence[form]
                yield self.problem(start, match.end(),
                                   f"“{form}” is a name written in lowercase: the story has “{proper}” "
                                   f"{count} times elsewhere", replacement=proper)

    def _evidence(self, scan: "_Scan", lowercase: Counter[str]) -> dict[str, tuple[str, int]]:
        """Words the story capitalises as names often enough: lowercase form → (spelling, count)."""
        text = scan.text
        capitalised: Counter[str] = Counter()
        spellings: dict[str, Counter[str]] = {}
        for match in _CAPITAL_WORD.finditer(text):
            form = match.group()
            key = form.lower()
            if key not in lowercase or key in self._common or form.isupper():
                continue  # most capitals: no lowercase twin to flag
            start = match.start()
            paragraph = scan.paragraph(start)
            if paragraph is None or paragraph.scope == "headline" or _opens(text, start, paragraph.start) \
                    or start < scan.body_start(paragraph) or scan.in_link(start):
                continue
            words, index = scan.words_around(paragraph, start)
            if index is None or _joined(text, words, index, -1, paragraph.start) \
                    or _joined(text, words, index, 1, paragraph.start):
                continue
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

    def words_around(self, paragraph, offset: int) -> tuple[list[_Word], int | None]:
        """The words near ``offset`` in its paragraph (hyphenated ones split, numbers and single
        letters kept for telling titles), and the index of the one starting at ``offset``."""
        start = max(self.body_start(paragraph), offset - self.REACH)
        end = min(paragraph.end, offset + self.REACH)
        words: list[_Word] = []
        index = None
        tokens = self.document.tokens
        position = bisect_left(tokens, start, key=lambda token: token.start)
        while position < len(tokens) and tokens[position].end <= end:
            token = tokens[position]
            position += 1
            part_start = token.start
            for part in token.text.split("-") if "-" in token.text else (token.text,):
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
                    if here == offset:
                        index = len(words)
                    words.append(_Word(here, here + len(bare), bare, possessive, kind))
        return words, index
