"""Regular expressions compiled on first use.

Rules build large patterns from their word lists (a trie of every reporting verb,
every name form). Compiling them all costs more than checking a short article,
and most are never needed for it: a rule whose cheap tests find nothing never
searches. ``lazy(re.compile, source, flags)`` stands in for the compiled pattern
and compiles it the first time one of its methods or attributes is used; from
then on those are plain attribute reads, as fast as on the pattern itself.

Only patterns that cannot fail to compile (built from escaped words) should be
lazy: a user's invalid expression must still be reported when the
configuration is loaded.

The ``regex`` module itself is imported only when a pattern of it is first used
(importing it costs about as much as checking a short article, and plain Latin
text mostly needs the standard library's ``re``: newslint.fastre). Modules take
``regex`` from here, ``from newslint.lazyre import regex``, and make its
patterns with ``lazy(regex_compile, source, flags)``; ``REGEX_IGNORECASE`` is
the flag, read without importing the module.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable


_FORWARDED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "pattern", "flags",
              "groups", "groupindex", "scanner")


class LazyPattern:
    """A compiled pattern, made by ``factory(*args)`` when first used."""

    __slots__ = ("_factory", "_args", "_compiled") + _FORWARDED

    def __init__(self, factory: Callable[..., Any], *args: Any) -> None:
        self._factory = factory
        self._args = args
        self._compiled = None

    def compiled(self) -> Any:
        if self._compiled is None:
            compiled = self._factory(*self._args)
            for name in _FORWARDED:
                setattr(self, name, getattr(compiled, name, None))
            self._compiled = compiled
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        # Only reached while a forwarded attribute is still unset, or for anything else.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._args[0]!r:.60})"


def lazy(factory: Callable[..., Any], *args: Any) -> LazyPattern:
    """``factory(*args)`` (``re.compile``, ``regex.compile``...) on first use."""
    return LazyPattern(factory, *args)


class LazyModule:
    """A module imported the first time one of its attributes is read; its attributes are then
    copied here, so that later reads are plain attribute reads."""

    def __init__(self, name: str) -> None:
        self.__name = name

    def __getattr__(self, attribute: str) -> Any:
        # Only reached before the import (and for attributes the module lacks).
        module = importlib.import_module(self.__name)
        self.__dict__.update(vars(module))
        return getattr(module, attribute)

    def __repr__(self) -> str:
        return f"<lazily imported module {self.__name!r}>"


#: The ``regex`` module, imported on first use.
regex = LazyModule("regex")
#: ``regex.IGNORECASE`` (``re.IGNORECASE`` has the same value; tests/test_perf_paths.py checks both)
#: and ``regex.V0``, read without importing the module (tests/test_startup.py checks them).
REGEX_IGNORECASE = 2
REGEX_V0 = 0x2000


#: While the command line runs a check (newslint.recache.kept): ``regex`` patterns compiled from
#: the code an earlier run kept, without the ``regex`` module's Python parser.
KEPT_REGEX: Any = None


def regex_compile(pattern: str, flags: int = 0, **options: Any) -> Any:
    """``regex.compile``, importing ``regex`` on the first call: ``lazy(regex_compile, ...)``."""
    kept = KEPT_REGEX
    if kept is not None and not options:
        return kept.compile(pattern, flags)
    return regex.compile(pattern, flags, **options)


def checked_regexes(patterns: list[tuple[str, int]]) -> list[Any]:
    """``regex.compile(pattern, flags)`` of each (pattern, flags) from a configuration: a bad
    pattern raises ``regex.error`` now, while the configuration loads.

    A pattern this version of ``regex`` has compiled before (recorded in the user's start-up cache,
    newslint.usercache) cannot fail, and is compiled only when first used (``lazy``): most documents
    never need most patterns, and importing ``regex`` and compiling cost more than checking a short
    article.
    """
    from newslint import usercache

    key = ("valid patterns", 2, regex_key())
    known = _KNOWN.get(key)
    if known is None:
        known = _KNOWN[key] = set(map(tuple, usercache.read("patterns", key, "valid patterns") or ()))
    compiled = []
    learned = False
    for pattern, flags in patterns:
        if (pattern, flags) in known:
            compiled.append(lazy(regex_compile, pattern, flags))
            continue
        compiled.append(regex_compile(pattern, flags))  # (its code kept for the next run, when kept)
        known.add((pattern, flags))
        learned = True
    if learned:
        if len(known) > _KNOWN_LIMIT:  # patterns of configurations used once: keep only these
            known.intersection_update(patterns)
        usercache.write("patterns", key, sorted(known), "valid patterns")
    return compiled


_KNOWN: dict[tuple, set[tuple[str, int]]] = {}
#: Patterns recorded as valid beyond this many are dropped when one more is recorded.
_KNOWN_LIMIT = 2000


def regex_key() -> tuple:
    """What tells the installed ``regex`` apart from another version, without importing it: its
    ``__init__.py``'s path, size, modification time and inode (newslint.usercache.file_key); its
    version when the file cannot be found. Worked out once per process."""
    global _REGEX_KEY
    if _REGEX_KEY is None:
        _REGEX_KEY = _regex_key()
    return _REGEX_KEY


_REGEX_KEY: tuple | None = None


def _regex_key() -> tuple:
    import sys

    from newslint.usercache import file_key

    module = sys.modules.get("regex")
    if module is not None:
        origin = getattr(module, "__file__", None)
    else:
        spec = regex_spec()
        origin = spec.origin if spec is not None else None
    stamp = file_key(origin) if origin else None
    return ("file",) + stamp if stamp is not None else ("version", regex.__version__)


def regex_spec() -> Any:
    """Where the ``regex`` package lies (its module spec, or None), found without importing it;
    looked up once per process."""
    global _REGEX_SPEC
    if _REGEX_SPEC is False:
        from importlib.machinery import PathFinder

        _REGEX_SPEC = PathFinder.find_spec("regex")
    return _REGEX_SPEC


_REGEX_SPEC: Any = False
