"""Compiled regular expressions kept from one run of ``newslint check`` to the next.

Compiling a regular expression runs the standard library's parser and code generator, written in
Python: for the fifty or so patterns a check of one short article needs (the rules' own, the
shared word and sentence scans, argparse's), about a sixth of the whole start-up. What they
produce is a list of numbers, the matcher's code, which ``_sre.compile`` turns into a pattern
object at once. While the CLI runs a check (``kept``), ``re`` compiles through this module: a
pattern compiled by an earlier run gets its code from the user's start-up cache
(newslint.usercache: per Python version and per ``_sre`` code format), and a new one is compiled
as ``re._compiler.compile`` does it, its code then stored for the next run. Each pattern's code is
stored apart and read only when that pattern is compiled: the cache holds the patterns of every
run before (those of other articles, other configurations), and one run needs a fraction of them.

The patterns are the very objects ``re.compile`` makes (they compare equal to them:
tests/test_startup.py); only where their code comes from differs. Bytes patterns, debug
compiles, patterns ``re`` warns about and anything unexpected go to ``re`` itself, and nothing
changes when the start-up caches are off (``NEWSLINT_NO_CACHE``).
"""

from __future__ import annotations

import _sre
import marshal
from re import _compiler, _parser

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: Kept patterns beyond this many are dropped (all but those of the current run) when the cache is
#: written: they are the patterns of configurations used once.
LIMIT = 2000
_DEBUG = 128  # re.DEBUG


#: How the kept entries are stored: each marshalled on its own, and read back only when its pattern
#: is compiled (a run compiles a fraction of the patterns kept: reading them all cost more).
_ENTRY_FORMAT = 2


def _cache_key() -> tuple:
    return ("sre code", _ENTRY_FORMAT, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS)


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
        #: (pattern, flags) → what ``parts`` gives for them, marshalled.
        self.entries: dict[tuple[str, int], bytes] = entries if isinstance(entries, dict) else {}
        self.used: set[tuple[str, int]] = set()
        self.added = False

    def compile(self, pattern: Any, flags: int = 0) -> Any:
        if type(pattern) is not str or flags & _DEBUG:
            return self.original(pattern, flags)
        key = (pattern, int(flags))
        entry = self.entries.get(key)
        if entry is not None:
            try:
                compiled = _sre.compile(pattern, *marshal.loads(entry))
            except Exception:  # noqa: BLE001 - a damaged entry: compile afresh
                entry = None
        if entry is None:
            try:
                made = parts(pattern, flags)
                if made is None:
                    return self.original(pattern, flags)
                compiled = _sre.compile(pattern, *made)
            except Exception:  # noqa: BLE001 - an `re` whose internals differ from 3.11's: let it compile
                return self.original(pattern, flags)
            self.entries[key] = marshal.dumps(made)
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


class _KeptRegex:
    """``regex.compile`` with kept code: a pattern compiled by an earlier run is made by the ``regex``
    module's C part from what pickling keeps of a pattern (``Pattern._pickled_data``: the pattern,
    its flags, code, groups and required string), which is how ``pickle`` rebuilds one. The
    module's Python part (its parser and code generator), whose import alone costs a quarter of a
    short check's start-up, is then not imported at all; the C part is loaded on its own, under its
    own name, so that a later ``import regex`` uses it. A new pattern is compiled by ``regex``
    itself and its code kept. Keyed by the installed ``regex``'s files (its ``__init__.py`` and
    its C part: another version never reads this one's code); like every start-up cache, the
    entry is newslint's own, written whole (newslint.usercache)."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, int], tuple] | None = None  # read when a first pattern is compiled
        self.used: set[tuple[str, int]] = set()
        self.added = False

    def compile(self, pattern: str, flags: int = 0) -> Any:
        if self.entries is None:
            self.entries = _read_kept_regex()
        key = (pattern, int(flags))
        data = self.entries.get(key)
        compiled = None
        if data is not None:
            try:
                compiled = _regex_core_free().compile(*data)
            except Exception:  # noqa: BLE001 - a damaged entry: compile afresh
                compiled = None
        if compiled is None:
            from newslint.lazyre import regex

            compiled = regex.compile(pattern, flags)
            try:
                self.entries[key] = tuple(compiled._pickled_data)
                self.added = True
            except Exception:  # noqa: BLE001 - a regex without it: nothing kept
                pass
        self.used.add(key)
        return compiled

    def save(self) -> None:
        if not self.added:
            return
        from newslint import usercache

        entries = self.entries or {}
        if len(entries) > LIMIT:
            entries = {key: entries[key] for key in self.used if key in entries}
        blob = marshal.dumps(entries)
        usercache.write("regex", _regex_cache_key(), (usercache.digest(blob), blob))


def _read_kept_regex() -> dict[tuple[str, int], tuple]:
    """The kept ``regex`` code, if the entry is whole: ``regex``'s C part trusts the code it is
    given (a damaged one can crash the process, where ``_sre`` checks its code), so the entries
    are stored with a digest, and a mismatch means none."""
    from newslint import usercache

    stored = usercache.read("regex", _regex_cache_key())
    try:
        check, blob = stored
        if usercache.digest(blob) == check:
            entries = marshal.loads(blob)
            if isinstance(entries, dict):
                return entries
    except (TypeError, ValueError, EOFError):
        pass
    return {}


def _regex_extension() -> str | None:
    """The file of ``regex``'s C part (``regex/_regex.*.so``), found without importing ``regex``
    (once per process)."""
    global _REGEX_EXTENSION
    if _REGEX_EXTENSION is False:
        import os
        from importlib.machinery import EXTENSION_SUFFIXES

        from newslint.lazyre import regex_spec

        spec = regex_spec()
        locations = spec.submodule_search_locations if spec is not None else None
        paths = (os.path.join(folder, "_regex" + suffix) for folder in locations or () for suffix in EXTENSION_SUFFIXES)
        _REGEX_EXTENSION = next(filter(os.path.isfile, paths), None)
    return _REGEX_EXTENSION


_REGEX_EXTENSION: str | None | bool = False


def _regex_cache_key() -> tuple:
    from newslint import usercache
    from newslint.lazyre import regex_key

    extension = _regex_extension()
    return ("regex code", regex_key(), usercache.file_key(extension) if extension else None)


def _regex_core_free() -> Any:
    """``regex``'s C part (``regex._regex``): the one imported already, or loaded on its own."""
    import sys

    module = sys.modules.get("regex._regex")
    if module is None:
        from importlib.machinery import ExtensionFileLoader, ModuleSpec

        path = _regex_extension()
        if path is None:
            raise ImportError("regex._regex")
        loader = ExtensionFileLoader("regex._regex", path)
        module = loader.create_module(ModuleSpec("regex._regex", loader, origin=path))
        loader.exec_module(module)
        sys.modules["regex._regex"] = module
    return module


class kept:  # noqa: N801 - used as a function: ``with kept():`` (a class: contextlib costs an import)
    """Within the block, ``re`` compiles with the kept code (and keeps the code it makes)."""

    def __init__(self) -> None:
        self._kept: _Kept | None = None

    def __enter__(self) -> None:
        from newslint import lazyre, usercache

        original = _compiler.compile
        if isinstance(getattr(original, "__self__", None), _Kept) or usercache.disabled():
            return  # inside one already, or nowhere to keep the code
        self._kept = _Kept(original)
        _compiler.compile = self._kept.compile
        self._kept_regex = lazyre.KEPT_REGEX = _KeptRegex()

    def __exit__(self, *exc) -> None:
        if self._kept is not None:
            from newslint import lazyre

            _compiler.compile = self._kept.original
            lazyre.KEPT_REGEX = None
            self._kept.save()
            self._kept_regex.save()
            self._kept = None
