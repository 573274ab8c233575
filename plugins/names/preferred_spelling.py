"""names/preferred-spelling: an old or deprecated form of a name the house style has replaced (Kiev → Kyiv)."""

from __future__ import annotations

import re
from collections import namedtuple
from functools import lru_cache

from newslint import Flag, Pass, Rule
from newslint.lazyre import REGEX_IGNORECASE, lazy, regex_compile
from newslint.words import paragraph_edges_clean

from ._data import (Links, Preferred, capital_counts, compound_parts, kept_tables, lowercase_set, names_data,
                    preferred_entries, strings, trie_pattern)

_LETTER = r"[\p{L}\p{N}\p{M}]"
# Wording that names an old form on purpose: "formerly Bombay", "what was then Kiev", "known as Madras".
_MENTION = lazy(regex_compile, 
    r"(?:\b(?:formerly|previously|once|earlier)(?:\s+(?:known|called|named|spelt|spelled))?(?:\s+as)?"
    r"|(?:\b(?:was|were)\s+|\(\s*)then"
    r"|\b(?:known|called|spelt|spelled|renamed\s+from)(?:\s+as)?"
    r"|\b(?:old|former|earlier|Russian|Soviet|colonial)(?:[- ]era)?[- ](?:names?|spellings?)(?:\s+(?:of|was|is))?)"
    r"[\s,:(“\"‘']*$",
    REGEX_IGNORECASE,
)
_NEXT_WORD = lazy(regex_compile, r"\s+([\p{L}\p{N}][\p{L}\p{N}\p{M}]*)")
# How far either side of an old form the house form may stand to mark the old one as a deliberate
# mention: "Mumbai (Bombay)", "Kiev, now Kyiv".
_MENTION_WINDOW = 40


# The instead-of form as listed, and its entry (collections' named tuple: typing is not imported at
# run time).
_Variant = namedtuple("_Variant", ["form", "entry"])


def _compile_trie(words: tuple[str, ...], flags: int = 0) -> "re.Pattern[str]":
    # Not inside another word: (?<![^\W_]) is "not after a letter or a digit".
    return re.compile(rf"(?<![^\W_])(?:{trie_pattern(list(words))})(?![^\W_])", flags)


# Cached: configurations with the same dictionary (one per folder with a .newslint.yaml) share it.
_compile_forms = lru_cache(maxsize=512)(_compile_trie)
# A run of words in capitals ("KIEV", "THE UKRAINE"). The capitals variants of the forms are
# looked up in a dictionary rather than doubling the trie and the time to compile it.
_CAPITALS = lazy(regex_compile, rf"(?<!{_LETTER})\p{{Lu}}[\p{{Lu}}\p{{M}}]++"
                          rf"(?:\s\p{{Lu}}[\p{{Lu}}\p{{M}}]*+(?!{_LETTER}))*+(?!{_LETTER})")
_WORD_IN_RUN = lazy(regex_compile, r"\S+")


_SEGMENT = lazy(re.compile, r"[^\W_]+")


def _gate_keys(forms: tuple[str, ...]) -> tuple[frozenset[str], bool]:
    """The longest run of letters and digits of each form, and whether some form has none.

    A form matches (in the trie, or as a run of capitals) only where each of its runs of letters
    and digits is a whole run in the text, one of the document's ``words.segments`` (plain text,
    where ``re`` and ``regex`` agree on letters: newslint.fastre). A document holding none of these
    keys holds none of the forms, however large the dictionary: one set look-up per word part.
    """
    keys = set()
    always = False
    for form in forms:
        runs = _SEGMENT.findall(form)
        if runs:
            keys.add(max(runs, key=len))
        else:
            always = True
    return frozenset(keys), always


def _key(text: str) -> str:
    """A form as a dictionary key: single spaces, straight apostrophes."""
    return " ".join(text.replace("’", "'").split())


class PreferredSpelling(Rule):
    """Flags a form of a name that the house style has replaced: “Kiev” for Kyiv,
    “Bombay” for Mumbai, “the Ukraine” for Ukraine.

    **Why.** Renamed places, and spellings transliterated from another
    language, date copy and can give offence; a house style settles on one form
    so that every story uses it.

    **The dictionary** is the `names.preferred` data in rules.yaml, which a
    `.newslint.yaml` can extend: each house form lists the forms it replaces
    (`instead-of`), phrases in which an old form is right (`exceptions`:
    “chicken Kiev”, “Calcutta Cup”, “Odessa, Texas”, matched in any case) and
    the style guide that decided it (`source`). A form is matched as written,
    with a capital first letter, or in capitals (“KIEV” in a dateline). With
    `modifier-ok`, a form is correct when it modifies the next word (“the
    Ukraine crisis”) and is flagged only when it stands as a noun: before
    punctuation, the end of the text, or one of the `names.not-nouns` words
    (“the Ukraine has”, “in the Ukraine and Russia”).

    **Not flagged:** an old form named on purpose: beside the house form
    (“Mumbai (Bombay)”, “Kiev, now Kyiv”) or after “formerly”, “known as”,
    “the old name”; forms inside links, e-mail addresses and hashtags.

    **Example:** “Officials in Kiev’s city hall” → “Officials in Kyiv’s city
    hall”; “KIEV, Dec 3” → “KYIV, Dec 3”; “Dynamo Kiev” → “Dynamo Kyiv” (the
    club's name follows the city's).

    **Fix (safe):** replace the old form with the house form, keeping its case;
    a possessive’s apostrophe stays as written.
    """

    id = "names/preferred-spelling"
    summary = "A name spelt in a form the house style has replaced (Kiev → Kyiv)"
    severity = "warning"
    fix = "safe"
    examples = [
        Flag("Officials in Kiev said the talks would resume.", "Kiev",
             "Officials in Kyiv said the talks would resume."),
        Flag("Kiev’s mayor opened the bridge.", "Kiev", "Kyiv’s mayor opened the bridge."),
        Flag("KIEV, March 4 (Reuters) - Talks resumed.", "KIEV", "KYIV, March 4 (Reuters) - Talks resumed."),
        Flag("Gas prices rose in the Ukraine last winter.", "the Ukraine",
             "Gas prices rose in Ukraine last winter."),
        Flag("The Ukraine has asked for more aid.", "The Ukraine", "Ukraine has asked for more aid."),
        Flag("Dynamo Kiev won the cup.", "Kiev", "Dynamo Kyiv won the cup."),
        Flag("The port of Odessa reopened.", "Odessa", "The port of Odesa reopened."),
        Flag("Flights from Bombay were delayed.", "Bombay", "Flights from Mumbai were delayed."),
        Pass("Officials in Kyiv said the talks would resume."),
        Pass("The restaurant served chicken Kiev and chips."),
        Pass("Historians of Kievan Rus met in Lviv."),
        Pass("Leaders discussed the Ukraine crisis at the summit."),
        Pass("The team from Odessa, Texas, won the state title."),
        Pass("England retained the Calcutta Cup."),
        Pass("The city of Mumbai (formerly Bombay) is India's financial capital."),
    ]

    def setup(self) -> None:
        names = names_data(self.data)
        (self._written, self._capitals, self._longest, forms, self._gate, self._always, self._capital_keys_lower,
         self._other_keys_lower, self._forms_by_key, self._capital_keys) = kept_tables(self, __file__, self._tables)
        self._not_nouns = lowercase_set(strings(names.get("not-nouns")))
        # Compiled when a document first holds a form's words (see check): a large dictionary's
        # trie costs a second or more to compile, and most runs never need it.
        self._forms = lazy(_compile_forms, forms) if forms else None
        self._entries: list[Preferred] | None = None  # read when a form is first met (_variant)
        self._exception_patterns: dict[str, "re.Pattern[str] | None"] = {}

    def _tables(self) -> tuple:
        """What ``setup`` reads off the dictionary (kept in the start-up cache: plain data, each form's
        entry by its index in ``preferred_entries``)."""
        # The forms as written and with a capital first letter (“The Ukraine”), for the trie;
        # in capitals (“KIEV” in a dateline), for runs of capitals: key → (form, entry index).
        written: dict[str, tuple[str, int]] = {}
        capitals: dict[str, tuple[str, int]] = {}
        for index, entry in enumerate(preferred_entries(self.data)):
            for form in entry.instead_of:
                variant = (form, index)
                for spelling in (form, form[:1].upper() + form[1:]):
                    written.setdefault(_key(spelling), variant)
                if not form.isupper():
                    capitals.setdefault(_key(form.upper()), variant)
        longest = max((key.count(" ") + 1 for key in capitals), default=0)
        gate, always = _gate_keys(tuple(written) + tuple(capitals))
        capital_keys_lower = frozenset(key.lower() for key in gate if key[0].isupper() and key != key.lower())
        other_keys_lower = frozenset(key.lower() for key in gate if not (key[0].isupper() and key != key.lower()))
        # Key (a form's longest run of letters and digits) → the written forms it stands for, and the
        # keys of the capitals forms: a document holding a few keys is searched for those forms only.
        forms_by_key: dict[str, list[str]] = {}
        for form in written:
            runs = _SEGMENT.findall(form)
            if runs:
                forms_by_key.setdefault(max(runs, key=len), []).append(form)
        capital_keys = frozenset(max(runs, key=len) for runs in map(_SEGMENT.findall, capitals) if runs)
        return (written, capitals, longest, tuple(sorted(written)), gate, always, capital_keys_lower, other_keys_lower,
                forms_by_key, capital_keys)

    def _variant(self, found: tuple[str, int] | None) -> _Variant | None:
        """The form and entry of a ``_written`` or ``_capitals`` value."""
        if found is None:
            return None
        if self._entries is None:
            self._entries = preferred_entries(self.data)
        form, index = found
        return _Variant(form, self._entries[index])

    # -- checking ------------------------------------------------------------
    def check(self, document):
        if self._forms is None:
            return
        words = document.words
        forms, capitals = self._forms, bool(self._capitals)
        if words.plain and not self._always and paragraph_edges_clean(document):
            # A form matches only where its longest run of letters is a whole word part: the
            # document is searched for the forms whose runs it holds, with a trie of those alone
            # (the whole dictionary's costs seconds to compile at ten thousand entries).
            if not self._may_hold_key(document):
                return
            present = self._gate.intersection(words.segments)
            if not present:
                return
            wanted = tuple(sorted({form for key in present for form in self._forms_by_key.get(key, ())}))
            forms = _compile_forms(wanted) if wanted else None
            capitals = capitals and not self._capital_keys.isdisjoint(present)
        text = document.text
        links: list[Links] = []
        for paragraph in document.paragraphs:
            candidates = [(match.start(), match.end(), self._variant(self._written.get(_key(match.group()))))
                          for match in forms.finditer(text, paragraph.start, paragraph.end)] if forms else []
            if capitals:
                for run in _CAPITALS.finditer(text, paragraph.start, paragraph.end):
                    candidates.extend(self._in_capitals(run))
                candidates.sort(key=lambda candidate: candidate[0])
            for start, end, variant in candidates:
                if variant is not None and not self._is_excused(text, start, end, variant, paragraph, links):
                    written = text[start:end]
                    house = _house_in_case(variant.entry.house, variant.form, written)
                    yield self.problem(start, end, f"House style is “{house}”, not “{' '.join(written.split())}”",
                                       replacement=house)

    def _may_hold_key(self, document) -> bool:
        """Whether a key of the gate may be one of ``words.segments``: a whole word or a part. A key
        starting with a capital (and unlike its lowercase) is a whole word only where its lowercase
        is among those of the words the names rules flag as starting with a capital (capital_counts,
        shared with names/lowercase-proper-noun); any other key, where its lowercase is among the
        words' lowercase forms. Set operations in C on those rule out most stories before the
        segments are needed."""
        if not self._capital_keys_lower.isdisjoint(capital_counts(document)):
            return True
        if self._other_keys_lower and not self._other_keys_lower.isdisjoint(document.words.lower):
            return True
        parts = compound_parts(document)
        return bool(parts) and not self._gate.isdisjoint(parts)

    def _in_capitals(self, match: "regex.Match[str]") -> list[tuple[int, int, _Variant | None]]:
        """The old forms in a run of words in capitals, longest first."""
        words = [(found.start(), found.end(), found.group())
                 for found in _WORD_IN_RUN.finditer(match.string, match.start(), match.end())]
        found_forms = []
        index = 0
        while index < len(words):
            for stop in range(min(len(words), index + self._longest), index, -1):
                found = self._capitals.get(" ".join(word for _, _, word in words[index:stop]))
                if found is not None:
                    found_forms.append((words[index][0], words[stop - 1][1], self._variant(found)))
                    index = stop
                    break
            else:
                index += 1
        return found_forms

    def _is_excused(self, text: str, start: int, end: int, variant: _Variant, paragraph,
                    links: list[Links]) -> bool:
        """An exception (“chicken Kiev”), a modifier (“the Ukraine crisis”), a deliberate mention, a link."""
        entry = variant.entry
        if self._is_exception(text, start, end, entry, paragraph):
            return True
        if entry.modifier_ok and self._modifies_next(text, end, paragraph.end):
            return True
        if self._is_mention(text, start, end, variant, paragraph):
            return True
        if not links:
            links.append(Links(text))  # found once per document, and only when a form is met
        return links[0].covers(start)

    def _is_exception(self, text: str, start: int, end: int, entry: Preferred, paragraph) -> bool:
        if not entry.exceptions:
            return False
        pattern = self._exception_pattern(entry)
        if pattern is None:
            return False
        # Every exception contains an old form: look a phrase's length either side.
        reach = max(len(phrase) for phrase in entry.exceptions) + 8
        window_start = max(paragraph.start, start - reach)
        window_end = min(paragraph.end, end + reach)
        position = window_start
        while (found := pattern.search(text, position, window_end)) is not None and found.start() <= start:
            if end <= found.end():
                return True
            position = found.start() + 1  # a phrase that ends before the form: look again
        return False

    def _exception_pattern(self, entry: Preferred) -> "re.Pattern[str] | None":
        # Compiled on an entry's first match: a 10,000-entry dictionary pays only for the forms it meets.
        if entry.house not in self._exception_patterns:
            phrases = sorted({_key(phrase).lower() for phrase in entry.exceptions})
            self._exception_patterns[entry.house] = _compile_trie(tuple(phrases), re.IGNORECASE) \
                if phrases else None
        return self._exception_patterns[entry.house]

    def _modifies_next(self, text: str, end: int, limit: int) -> bool:
        """True when the form is followed by a word it modifies (“the Ukraine crisis”)."""
        if end < limit and text[end] in "-‐‑":
            return True  # “the Ukraine-Russia border”
        following = _NEXT_WORD.match(text, end, limit)
        if following is None:
            return False  # punctuation or the end: the form stands as a noun
        return following.group(1).lower() not in self._not_nouns

    @staticmethod
    def _is_mention(text: str, start: int, end: int, variant: _Variant, paragraph) -> bool:
        """True when the old form is named on purpose: beside the house form, or after “formerly”."""
        window_start = max(paragraph.start, start - _MENTION_WINDOW)
        house = variant.entry.house
        if house.lower() not in variant.form.lower():  # “Ukraine” stands inside “the Ukraine”
            window = text[window_start:min(paragraph.end, end + _MENTION_WINDOW)]
            at = window.find(house)
            while at >= 0:
                before = window[at - 1] if at else " "
                after = window[at + len(house)] if at + len(house) < len(window) else " "
                if not (before.isalnum() or after.isalnum()):
                    return True
                at = window.find(house, at + 1)
        return _MENTION.search(text, window_start, start) is not None


def _house_in_case(house: str, form: str, written: str) -> str:
    """The house form in the case the old one was written: KIEV → KYIV, The Ukraine → Ukraine."""
    if written == form or " ".join(written.split()) == form:
        return house
    if written.isupper() and not form.isupper():
        return house.upper()
    if written[:1].isupper() and not form[:1].isupper():
        return house[:1].upper() + house[1:]
    return house
