"""names/inconsistent-spelling: one name spelt two ways in the same story (Zelenskyy … Zelenskiy)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import compress
from operator import methodcaller

from newslint import Flag, Option, Pass, Rule
from newslint.lazyre import lazy, regex_compile

from ._data import capital_flags, kept_tables, lowercase_set, preferred_entries, strings

# Cyrillic letters that look like Latin ones: “Кyiv” typed with a Cyrillic К.
_LOOKALIKES = str.maketrans({
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ѕ": "s", "І": "I", "Ј": "J", "Ѕ": "S",
})
# Compiled on first use (newslint.lazyre): a story with no name to compare never needs them.
_LATIN_WORD = lazy(regex_compile, r"[\p{Latin}\p{M}'’\-]+")
_CAPITALISED = lazy(regex_compile, r"\p{Lu}\p{Ll}[\p{L}\p{M}'’\-]*")
_POSSESSIVE = ("'s", "’s")
# The transliteration variants a name may be written in: y/i/iy/yy/ii/ij, a -ov/-ev/-yev ending.
_Y_I_SOURCE, _OV_EV_SOURCE, _DOUBLED_SOURCE = r"(?:iy|yy|ij|ii|yi|y)", r"(?:[iy]?[eo]v|off|eff)\b", r"(.)\1+"
_Y_I = lazy(regex_compile, _Y_I_SOURCE)
_OV_EV = lazy(regex_compile, _OV_EV_SOURCE)
_DOUBLED = lazy(regex_compile, _DOUBLED_SOURCE)
# The same in the standard library's re, for ASCII words (_skeleton).
_Y_I_ASCII = lazy(re.compile, _Y_I_SOURCE)
_OV_EV_ASCII = lazy(re.compile, _OV_EV_SOURCE)
# A run of one character collapsed to one, as _DOUBLED with r"\1" does, by dropping each character
# followed by the same one (the last of each run stays; ``.`` is the same on both sides): an empty
# replacement, and no repeat to match, make it cheaper per position than _DOUBLED_SOURCE with a
# replacement function.
_DOUBLED_ASCII = lazy(re.compile, r"(.)(?=\1)")
#: A match's first group: the replacement for _DOUBLED (as the template r"\1", without the cost of
#: reading a template at each call).
_FIRST_GROUP = methodcaller("group", 1)
#: How many distinct words the rule remembers what it told of (see _may_have_twins).
_TOLD_LIMIT = 65536


@lru_cache(maxsize=65536)
def _skeleton(word: str) -> str:
    """The form all the transliteration variants of a name share."""
    key = word.lower()
    if key.isascii():
        # The same substitutions in the standard library's re, on ASCII the twin of regex (the same
        # ``.``, ``\b`` and letters), each made only where it can apply: an -ov or -ev ending needs a
        # v or "ff", a y/i variant a y, "ij" or "ii".
        if "v" in key or "ff" in key:
            key = _OV_EV_ASCII.sub("ov", key)
        if "y" in key or "ij" in key or "ii" in key:
            key = _Y_I_ASCII.sub("i", key)
        return _DOUBLED_ASCII.sub("", key)
    key = _OV_EV.sub("ov", key)
    key = _Y_I.sub("i", key)
    return _DOUBLED.sub(_FIRST_GROUP, key)


def _distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, or ``limit + 1`` once it is known to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


@lru_cache(maxsize=65536)
def _group_key(word: str) -> str:
    """The skeleton of a word read with look-alike Cyrillic letters as Latin ones."""
    return _skeleton(word.translate(_LOOKALIKES))


@lru_cache(maxsize=65536)
def _compared(text: str, min_length: int) -> str | None:
    """The name a word (of the document's word lists) is compared as, without a possessive 's, or
    None when it does not count: shorter than ``min_length``, not a capital and small letters
    (Latin, once look-alike Cyrillic letters are read as Latin), or hyphenated."""
    if len(text) < min_length or not text[0].isupper():
        return None
    word = text[:-2] if text.endswith(_POSSESSIVE) else text
    if len(word) < min_length or "-" in word:
        return None
    if word.isascii():
        # _CAPITALISED on ASCII (no Cyrillic to read as Latin): a capital (text[0]), a small letter,
        # then letters and apostrophes.
        return word if word[1:2].islower() and word.replace("'", "").isalpha() else None
    return word if _CAPITALISED.fullmatch(word.translate(_LOOKALIKES)) else None


class InconsistentSpelling(Rule):
    """Flags a name spelt two ways in the same story: “Zelenskyy” in one
    paragraph and “Zelenskiy” in another, “Gaddafi” and “Gadaffi”,
    “Gorbachev” and “Gorbachov”, or “Кyiv” typed with a Cyrillic К.

    **Why.** A reader meeting two spellings wonders whether they are two people
    or places; copy assembled from several wire stories, each with its own
    transliteration, is the usual cause.

    **What counts as a variant.** Only the differences transliteration and
    typing produce, never any two similar words: y for i (“-skyy”, “-skiy”,
    “-sky”), a doubled letter (“Mohammed”, “Mohamed”), an -ov or -ev ending,
    and Cyrillic letters that look like Latin ones; the two forms must also be
    within two edits of each other. Only capitalised words of at least
    `min-length` letters inside a sentence count (a sentence's first word may
    be any word). Distinct names that merely look alike (Hamas and Hamad,
    Austria and Australia) are never variants of each other.

    **Which form wins.** The house form, when the `names.preferred` dictionary
    lists one of them; otherwise the form the story uses most, provided it
    appears at least `min-majority` times and more often than any other. A
    form written with look-alike Cyrillic letters is always flagged beside its
    Latin spelling. Names in `exceptions` are never flagged.

    **Example:** “Mr Zelenskyy met … Later, Zelenskyy said … Zelenskiy
    added” → flags “Zelenskiy”, suggesting “Zelenskyy”.

    **Fix (unsafe):** replace the minority form with the majority (or house)
    form; check first that the two really are one person or place.
    """

    id = "names/inconsistent-spelling"
    summary = "A name spelt two ways in one story (Zelenskyy / Zelenskiy)"
    severity = "warning"
    fix = "unsafe"
    options = {
        "min-length": Option(5, "Shortest word (in letters) compared.", "int"),
        "min-majority": Option(2, "How often the majority form must appear before a minority one is flagged.",
                               "int"),
        "exceptions": Option([], "Names never flagged as a variant of another (both forms are right).", "list"),
    }
    examples = [
        Flag("Mr Yanukovych spoke first. Later, Mr Yanukovych met aides and Mr Yanukovich left.", "Yanukovich",
             "Mr Yanukovych spoke first. Later, Mr Yanukovych met aides and Mr Yanukovych left."),
        Flag("Colonel Gaddafi ruled Libya. Opponents of Colonel Gaddafi fled; Colonel Gadaffi stayed.",
             "Gadaffi"),
        Flag("Mikhail Gorbachev spoke. Then Mr Gorbachev left, and Mr Gorbachov returned.", "Gorbachov"),
        Flag("The Prophet Mohammed was quoted. Followers of Mohammed and of Mohamed met.", "Mohamed"),
        Flag("Troops reached Kharkiv. Officials in Kharkiv said more came to \u041aharkiv overnight.",
             "\u041aharkiv", "Troops reached Kharkiv. Officials in Kharkiv said more came to Kharkiv overnight."),
        Flag("The Sergeyev report came out. Mr Sergeyev spoke and Mr Sergeyov left.", "Sergeyov"),
        Pass("Mr Zelenskyy spoke first. Later, Mr Zelenskyy met aides."),
        Pass("Leaders of Hamas met in Gaza. Sheikh Hamad of Qatar and Hamas officials attended."),
        Pass("Teams from Austria and Australia played. Austria won; Australia lost."),
        Pass("Mr Gorbachev spoke. Mr Gorbachov replied."),
        Pass("Officials from Philips and Phillips spoke. Philips said Phillips was wrong."),
        Pass("Officials in Kharkiv and Kharkiv’s mayor met; Kharkov was not mentioned. Ms Kerry and Ms Kerri."),
    ]

    def setup(self) -> None:
        self._min_length = max(1, int(self.settings["min-length"]))
        self._min_majority = max(1, int(self.settings["min-majority"]))
        self._exceptions = lowercase_set(strings(self.settings["exceptions"]))
        self._house, self._replaced = kept_tables(self, __file__, self._tables)
        #: What _may_have_twins has told of each distinct capitalised word met (see _tell); the group
        #: key of each name met, the names met with each key and the words told of each key.
        self._told: dict[str, str | int] = {}
        self._key_of: dict[str, str] = {}
        self._names_of: dict[str, set[str]] = {}
        self._texts_of: dict[str, list[str]] = {}

    def _tables(self) -> tuple:
        """The house forms by their lowercase, and the lowercase of the forms they replace (kept in
        the start-up cache)."""
        entries = preferred_entries(self.data)
        house = {entry.house.lower(): entry.house for entry in entries if " " not in entry.house}
        return house, frozenset(form.lower() for entry in entries for form in entry.instead_of)

    def _may_have_twins(self, document) -> bool:
        """Whether two of the names the words written with a capital are compared as share a group
        key: the test ``check`` makes with ``twins``. Each distinct word is told once per rule (the
        same words recur from story to story): the group key of its name when another name met so
        far shares that key, else -1 (_tell). A story whose words all tell -1 has no two names
        sharing a key (its own names have all been met by then), which look-ups in C show for most
        stories; in the others, the names of the words with a shared key are compared."""
        told = self._told
        written = set(compress(document.words.texts, capital_flags(document)))
        new = written.difference(told)
        if new:  # words met for the first time
            if len(told) + len(new) > _TOLD_LIMIT:
                self._forget()
                new = written
            self._tell(new)
        keys = set(map(told.__getitem__, written))
        keys.discard(-1)
        if not keys:
            return False
        # Some words have a key that two names share: do two of this story's names share it?
        minimum = self._min_length
        written = list(written)
        names_by_key: dict[str, set[str]] = defaultdict(set)
        for text in compress(written, map(keys.__contains__, map(told.__getitem__, written))):
            names_by_key[told[text]].add(_compared(text, minimum))
        return any(len(names) > 1 for names in names_by_key.values())

    def _tell(self, texts) -> None:
        """Tell each of ``texts`` (once per rule): the group key of the name it is compared as where
        another name met so far has that key, else -1. A key two names share from now on is told of
        every word of both."""
        told, key_of, names_of, texts_of = self._told, self._key_of, self._names_of, self._texts_of
        minimum = self._min_length
        compared, skeleton = _compared.__wrapped__, _skeleton.__wrapped__  # remembered here instead
        for text in texts:
            name = compared(text, minimum)
            if name is None:
                told[text] = -1
                continue
            key = key_of.get(name)
            if key is None:
                key = key_of[name] = skeleton(name if name.isascii() else name.translate(_LOOKALIKES))  # _group_key
                names = names_of.setdefault(key, set())
                names.add(name)
                if len(names) == 2:  # the key is now shared: tell it of the words of the first name
                    for earlier in texts_of[key]:
                        told[earlier] = key
            texts_of.setdefault(key, []).append(text)
            told[text] = key if len(names_of[key]) > 1 else -1

    def _forget(self) -> None:
        """Forget what was told (past _TOLD_LIMIT words)."""
        self._told.clear()
        self._key_of.clear()
        self._names_of.clear()
        self._texts_of.clear()

    def _mid_sentence_starts(self, document) -> set[int]:
        """Offsets of the first word of each sentence and paragraph (capitalised for another reason)."""
        starts = document.words.starts
        first = set()
        for boundary in [s.start for s in document.sentences] + [p.start for p in document.paragraphs]:
            index = bisect_left(starts, boundary)
            if index < len(starts):
                first.add(starts[index])
        return first

    def check(self, document):
        words = document.words
        texts, starts = words.texts, words.starts
        if not texts:
            return
        # The words that can count, each told once per distinct word (most are not names).
        minimum = self._min_length
        # (A word with a capital differs from its lowercase: words.capitalised, made in C.)
        if not self._may_have_twins(document):
            return
        compared = {text: name for text in frozenset(compress(texts, capital_flags(document)))
                    if (name := _compared(text, minimum)) is not None}
        if not compared:
            return
        # Only a name written two ways can be flagged: keep the words that share their skeleton with
        # another word of the story (most stories have none, and stop here).
        by_key: dict[str, set[str]] = defaultdict(set)
        for word in compared.values():
            by_key[_group_key(word)].add(word)
        twins = {word for forms in by_key.values() if len(forms) > 1 for word in forms}
        if not twins:
            return
        compared = {text: word for text, word in compared.items() if word in twins}
        firsts = None
        occurrences: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for index in compress(range(len(texts)), map(compared.__contains__, texts)):
            word = compared[texts[index]]
            start = starts[index]
            if firsts is None:
                firsts = self._mid_sentence_starts(document)
            if start in firsts:
                continue
            occurrences[word].append((start, start + len(word)))
        groups: dict[str, list[str]] = defaultdict(list)
        for word in occurrences:
            groups[_group_key(word)].append(word)
        problems = []
        for forms in groups.values():
            if len(forms) < 2:
                continue
            problems.extend(self._check_group(forms, occurrences))
        problems.sort(key=lambda problem: problem.start)
        yield from problems

    def _check_group(self, forms: list[str], occurrences):
        counts = Counter({form: len(occurrences[form]) for form in forms})
        ranked = counts.most_common()
        house = next((f for f in forms if self._house.get(f.lower()) == f), None)
        target = house
        if target is None:
            target, top = ranked[0]
            if top < self._min_majority or (len(ranked) > 1 and ranked[1][1] == top):
                target = None  # no clear majority: only a look-alike spelling loses, to its Latin twin
        for form, count in ranked:
            latin = form.translate(_LOOKALIKES)
            if latin != form:
                if latin not in counts:
                    continue
                goal = latin
            else:
                if target is None or form == target or form.lower() in self._replaced:
                    continue  # names/preferred-spelling reports a replaced form
                if house is None and count >= counts[target]:
                    continue
                if form.lower() in self._exceptions or target.lower() in self._exceptions:
                    continue
                if _distance(form.lower(), target.lower()) > 2:
                    continue
                goal = target
            for start, end in occurrences[form]:
                yield self.problem(start, end, f"“{form}” is spelt “{goal}” elsewhere in this story",
                                   replacement=goal)
