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
"""

from __future__ import annotations

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
