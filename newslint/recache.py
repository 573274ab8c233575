"""Compiled regular expressions kept from one run of ``newslint check`` to the next.

Compiling a regular expression runs the standard library's parser and code generator, written in
Python: for the fifty or so patterns a check of one short article needs (the rules' own, the
shared word and sentence scans, argparse's), about a sixth of the whole start-up. What they
produce is a list of numbers, the matcher's code, which ``_sre.compile`` turns into a pattern
object at once. While the CLI runs a check (``kept``), ``re`` compiles through this module: a
pattern compiled by an earlier run gets its code from the user's start-up cache
(newslint.usercache: per Python version and per ``_sre`` code format), and a new one is compiled
as ``re._compiler.compile`` does it, its code then stored for the next run.

The patterns are the very objects ``re.compile`` makes (they compare equal to them:
tests/test_startup.py); only where their code comes from differs. Bytes patterns, debug
compiles, patterns ``re`` warns about and anything unexpected go to ``re`` itself, and nothing
changes when the start-up caches are off (``NEWSLINT_NO_CACHE``).
"""

from __future__ import annotations

import _sre
from re import _compiler, _parser

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: Kept patterns beyond this many are dropped (all but those of the current run) when the cache is
#: written: they are the patterns of configurations used once.
LIMIT = 2000
_DEBUG = 128  # re.DEBUG


def _cache_key() -> tuple:
    return ("sre code", _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS)


def parts(pattern: str, flags: int) -> tuple | None:
    """What ``re._compiler.compile`` hands ``_sre.compile`` for ``pattern`` (a str) and ``flags``:
    the final flags, the code, the number of groups, and the group names both ways; None when
    ``re`` warns about the pattern (it is then compiled by ``re`` itself, and warns every time)."""
    import warnings  # only for a pattern not kept yet

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        parsed = _parser.parse(pattern, flags)
    if caught:
        return None
    code = list(map(int, _compiler._code(parsed, flags)))  # plain ints (some are named constants): marshal-able
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


class _Kept:
    """The kept code, and ``compile`` in the place of ``re._compiler.compile``."""

    def __init__(self, original) -> None:
        from newslint import usercache

        self.original = original
        entries = usercache.read("re", _cache_key())
        self.entries: dict[tuple[str, int], tuple] = entries if isinstance(entries, dict) else {}
        self.used: set[tuple[str, int]] = set()
        self.added = False

    def compile(self, pattern: Any, flags: int = 0) -> Any:
        if type(pattern) is not str or flags & _DEBUG:
            return self.original(pattern, flags)
        key = (pattern, int(flags))
        entry = self.entries.get(key)
        if entry is not None:
            try:
                compiled = _sre.compile(pattern, *entry)
            except Exception:  # noqa: BLE001 - a damaged entry: compile afresh
                entry = None
        if entry is None:
            try:
                entry = parts(pattern, flags)
                if entry is None:
                    return self.original(pattern, flags)
                compiled = _sre.compile(pattern, *entry)
            except Exception:  # noqa: BLE001 - an `re` whose internals differ from 3.11's: let it compile
                return self.original(pattern, flags)
            self.entries[key] = entry
            self.added = True
        self.used.add(key)
        return compiled

    def save(self) -> None:
        if not self.added:
            return
        from newslint import usercache

        entries = self.entries
        if len(entries) > LIMIT:
            entries = {key: entries[key] for key in self.used}
        usercache.write("re", _cache_key(), entries)


class kept:  # noqa: N801 - used as a function: ``with kept():`` (a class: contextlib costs an import)
    """Within the block, ``re`` compiles with the kept code (and keeps the code it makes)."""

    def __init__(self) -> None:
        self._kept: _Kept | None = None

    def __enter__(self) -> None:
        from newslint import usercache

        original = _compiler.compile
        if isinstance(getattr(original, "__self__", None), _Kept) or usercache.disabled():
            return  # inside one already, or nowhere to keep the code
        self._kept = _Kept(original)
        _compiler.compile = self._kept.compile

    def __exit__(self, *exc) -> None:
        if self._kept is not None:
            _compiler.compile = self._kept.original
            self._kept.save()
            self._kept = None
