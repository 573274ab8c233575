"""Reading the ``names`` house-style data (rules.yaml, merged with a user's file) for the names rules.

The data is forgiving of shape: a single string is accepted where a list is
expected, and entries that are not mappings are ignored, so that a user's
file extending the dictionary cannot crash a run.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, Iterable, Mapping


import regex

from newslint.lazyre import lazy
from newslint.patterns import trie_pattern as _trie_pattern

# What a form's inner characters may be written as in the text: one white-space
# character for a space (a repeat would slow every scan), either apostrophe, any hyphen.
_CHAR_PATTERNS = {" ": r"\s", "'": "['’]", "’": "['’]", "-": r"[\-‐‑]"}

# What marks a run of non-space characters as a link, an address or a handle rather
# than prose: a scheme, "www.", an @ (e-mail, @handle), a # (hashtag) or a
# top-level domain after a dot ("kyivpost.com/kiev", "bbc.co.uk").
_DOMAIN_ENDING = r"\.(?:com|org|net|gov|edu|info|io|co|uk|ua|ru|de|fr|eu|au|ca|nz|ie|in|tv|me)(?![\p{L}\p{N}])"
LINK_MARK = lazy(regex.compile, r"[@#]|://|\bwww\.|" + _DOMAIN_ENDING, regex.IGNORECASE)
_NON_SPACE = lazy(regex.compile, r"\S*+")
# LINK_MARK's last alternative on its own: the regex module finds its full stop quickly.
_DOMAIN = lazy(regex.compile, _DOMAIN_ENDING, regex.IGNORECASE)


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


@dataclass(frozen=True, slots=True)
class Preferred:
    """One house form and the forms it replaces."""

    house: str
    instead_of: tuple[str, ...]
    exceptions: tuple[str, ...]
    #: The old form is correct when it modifies the next word ("the Ukraine crisis").
    modifier_ok: bool
    source: str


def names_data(data: Mapping[str, Any]) -> Mapping[str, Any]:
    names = data.get("names") if isinstance(data, Mapping) else None
    return names if isinstance(names, Mapping) else {}


def preferred_entries(data: Mapping[str, Any]) -> list[Preferred]:
    entries = []
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
