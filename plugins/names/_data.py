"""Reading the ``names`` house-style data (rules.yaml, merged with a user's file) for the names rules.

The data is forgiving of shape: a single string is accepted where a list is
expected, and entries that are not mappings are ignored, so that a user's
file extending the dictionary cannot crash a run.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping
from itertools import compress
from operator import itemgetter, ne

from newslint._records import FrozenRecord
from newslint.lazyre import REGEX_IGNORECASE, lazy, regex_compile
from newslint.patterns import trie_pattern as _trie_pattern

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Sequence

# What a form's inner characters may be written as in the text: one white-space
# character for a space (a repeat would slow every scan), either apostrophe, any hyphen.
_CHAR_PATTERNS = {" ": r"\s", "'": "['’]", "’": "['’]", "-": r"[\-‐‑]"}
# The separators inside a word (newslint.words).
_SEPARATOR = lazy(re.compile, r"['’\-]")

# What marks a run of non-space characters as a link, an address or a handle rather
# than prose: a scheme, "www.", an @ (e-mail, @handle), a # (hashtag) or a
# top-level domain after a dot ("kyivpost.com/kiev", "bbc.co.uk").
_DOMAIN_ENDING = r"\.(?:com|org|net|gov|edu|info|io|co|uk|ua|ru|de|fr|eu|au|ca|nz|ie|in|tv|me)(?![\p{L}\p{N}])"
LINK_MARK = lazy(regex_compile, r"[@#]|://|\bwww\.|" + _DOMAIN_ENDING, REGEX_IGNORECASE)
_NON_SPACE = lazy(regex_compile, r"\S*+")
# LINK_MARK's last alternative on its own: the regex module finds its full stop quickly.
_DOMAIN = lazy(regex_compile, _DOMAIN_ENDING, REGEX_IGNORECASE)


def _may_hold_link(text: str) -> bool:
    """False when LINK_MARK cannot match: no @, #, "://", "www." in any case, nor a domain ending
    (cheap tests, where the full pattern costs a slow pass over the text)."""
    return ("@" in text or "#" in text or "://" in text or "www." in text.lower()
            or _DOMAIN.search(text) is not None)


_SPACES = (" ", "\n", "\t", "\r", "\f", "\v", "\u00a0")


class Links:
    """The links, addresses and handles of a text, found once, for "is this offset in one?".

    Each is the whole run of non-space characters around a mark (see
    ``LINK_MARK``). Runs are found left to right and never rescanned, so the
    cost is linear however long a run is.
    """

    __slots__ = ("_starts", "_ends")

    def __init__(self, text: str) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        if not _may_hold_link(text):
            return
        end = 0
        for mark in LINK_MARK.finditer(text):
            if mark.start() < end:
                continue  # inside the run found last
            start = max([text.rfind(space, end, mark.start()) for space in _SPACES]) + 1
            start = max(start, end)
            end = _NON_SPACE.match(text, mark.start()).end()
            self._starts.append(start)
            self._ends.append(end)

    def __bool__(self) -> bool:
        return bool(self._starts)

    def covers(self, offset: int) -> bool:
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]


def strings(value: Any) -> list[str]:
    """A list of strings from a string, a list or nothing."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [item for item in value if isinstance(item, str) and item.strip()]
    return []


class Preferred(FrozenRecord):  # as @dataclass(frozen=True, slots=True) made it (newslint._records)
    """One house form and the forms it replaces."""

    __slots__ = ("house", "instead_of", "exceptions", "modifier_ok", "source")
    house: str
    instead_of: tuple[str, ...]
    exceptions: tuple[str, ...]
    #: The old form is correct when it modifies the next word ("the Ukraine crisis").
    modifier_ok: bool
    source: str

    def __init__(self, house: str, instead_of: tuple[str, ...], exceptions: tuple[str, ...], modifier_ok: bool,
                 source: str) -> None:
        _set = object.__setattr__
        _set(self, "house", house)
        _set(self, "instead_of", instead_of)
        _set(self, "exceptions", exceptions)
        _set(self, "modifier_ok", modifier_ok)
        _set(self, "source", source)


def names_data(data: Mapping[str, Any]) -> Mapping[str, Any]:
    names = data.get("names") if isinstance(data, Mapping) else None
    return names if isinstance(names, Mapping) else {}


def preferred_entries(data: Mapping[str, Any]) -> list[Preferred]:
    """The house forms of ``data``'s ``names.preferred``. The three names rules of a configuration
    are set up with the same ``data`` object, one after another: the entries are made once for it
    (a house dictionary of ten thousand entries took a tenth of a second each time)."""
    kept = _ENTRIES.get(id(data))
    if kept is not None and kept[0] is data:  # (the object is kept alive there: its id is not reused)
        return list(kept[1])
    entries = _preferred_entries(data)
    _ENTRIES.clear()  # only the latest configuration's: its rules are set up together
    _ENTRIES[id(data)] = (data, tuple(entries))
    return entries


_ENTRIES: dict[int, tuple[Mapping[str, Any], tuple[Preferred, ...]]] = {}


def _preferred_entries(data: Mapping[str, Any]) -> list[Preferred]:
    entries: list[Preferred] = []
    preferred = names_data(data).get("preferred")
    if not isinstance(preferred, Mapping):
        return entries
    for house, entry in preferred.items():
        if not isinstance(house, str) or not isinstance(entry, Mapping):
            continue
        entries.append(Preferred(
            house=house,
            instead_of=tuple(strings(entry.get("instead-of"))),
            exceptions=tuple(strings(entry.get("exceptions"))),
            modifier_ok=bool(entry.get("modifier-ok", False)),
            source=str(entry.get("source", "")),
        ))
    return entries


def kept_tables(rule, module_file: str, build: Callable[[], tuple]) -> tuple:
    """``build()``: the tables a names rule makes from its configuration's ``names`` data (marshal-able
    values), kept in the user's start-up cache (newslint.usercache). Making them entry by entry took
    a tenth of a second per rule with a 10,000-entry house dictionary; reading them back, a few
    milliseconds. An entry is keyed by the rule, the code that builds it (``module_file`` and this
    file) and a digest of the ``names`` data, which must be plain data (it is, from YAML); the
    newest few entries are kept (one per dictionary in use)."""
    from newslint import usercache

    digest = None if usercache.disabled() else _names_digest(rule.data)
    if digest is None:
        return build()
    key = ("names tables", rule.id, usercache.file_key(module_file), usercache.file_key(__file__), digest)
    kept = usercache.read("names", key)
    if kept is not None:
        return tuple(kept)
    tables = build()
    usercache.write("names", key, tables)
    usercache.prune("names", _KEPT_TABLES)
    return tables


#: Entries of names tables kept in the start-up cache: each names rule's for a few dictionaries.
_KEPT_TABLES = 12
_DIGESTS: dict[int, tuple[Mapping[str, Any], str | None]] = {}


def _names_digest(data: Mapping[str, Any]) -> str | None:
    """A digest of ``data``'s ``names`` section (None when it is not plain data), worked out once for
    the data object the names rules of a configuration share."""
    kept = _DIGESTS.get(id(data))
    if kept is not None and kept[0] is data:  # (the object is kept alive there: its id is not reused)
        return kept[1]
    from newslint import usercache

    text = usercache.plain_text(dict(names_data(data)))
    digest = None if text is None else usercache.digest(text.encode("utf-8", "backslashreplace")).hex()
    _DIGESTS.clear()  # only the latest configuration's: its rules are set up together
    _DIGESTS[id(data)] = (data, digest)
    return digest


def proper_names(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Names a lowercase spelling of which is an error, ``names.proper`` and every house form,
    each as (the name, the spelling to write).

    A listed name that the house style replaces (Zelensky, when a user's file
    prefers Zelenskyy) is written in its house form.
    """
    entries = preferred_entries(data)
    replaced = {form: entry.house for entry in entries for form in entry.instead_of}
    names = [(name, replaced.get(name, name)) for name in strings(names_data(data).get("proper"))]
    names.extend((entry.house, entry.house) for entry in entries)
    return list(dict.fromkeys(names))


def lowercase_set(values: Iterable[str]) -> frozenset[str]:
    return frozenset(value.lower() for value in values)


def trie_pattern(words: list[str]) -> str:
    """One alternation matching exactly ``words``, factored as a trie (see newslint.patterns),
    with spaces, apostrophes and hyphens matching their typographic variants."""
    return _trie_pattern(words, _CHAR_PATTERNS)


# -- what the names rules read off the document's shared word lists, found once per document ----
_FLAGS_KEY = "_newslint_names_capital_flags"
_PARTS_KEY = "_newslint_names_compound_parts"
_COUNTS_KEY = "_newslint_names_capital_counts"
#: bytes.translate table: 1 for a capital ASCII letter, 0 for any other byte.
_ASCII_CAPITALS = bytes(int(65 <= code <= 90) for code in range(256))


def capital_flags(document) -> Sequence[int]:
    """For each of the document's words, whether the names rules take it as written with a capital:
    set for every word that starts with a capital and is unlike its lowercase, and only for words
    unlike their lowercase (those of ``Words.capitalised``); what the names rules look for in a word
    written with a capital is its first letter. On ASCII text, whether the first letter is a
    capital, read in C from the text's bytes mapped to 1 (A-Z) and 0; otherwise whether the word is
    unlike its lowercase, one comparison per word in C. No word is hashed."""
    flags = document.__dict__.get(_FLAGS_KEY)
    if flags is None:
        words = document.words
        text, starts = document.text, words.starts
        if len(starts) > 1 and text.isascii():
            flags = itemgetter(*starts)(text.encode("ascii").translate(_ASCII_CAPITALS))
        else:
            flags = list(map(ne, words.texts, words.lower))
        document.__dict__[_FLAGS_KEY] = flags
    return flags


def compound_parts(document) -> list[str]:
    """The texts of the parts of the document's words of several parts (split at apostrophes and
    hyphens: the texts of ``Words.all_parts``), in text order. The words joined by a separator
    split, in C, into the parts of each in turn."""
    parts = document.__dict__.get(_PARTS_KEY)
    if parts is None:
        words = document.words
        compounds, texts = words.compounds, words.texts
        parts = _SEPARATOR.split("-".join(map(texts.__getitem__, compounds))) if compounds else []
        document.__dict__[_PARTS_KEY] = parts
    return parts


def capital_counts(document) -> Counter[str]:
    """The lowercase of each word written with a capital (``capital_flags``), with how many have it."""
    found = document.__dict__.get(_COUNTS_KEY)
    if found is None:
        found = document.__dict__[_COUNTS_KEY] = Counter(compress(document.words.lower, capital_flags(document)))
    return found
