"""Safe YAML loading that remembers the line of every mapping key, for error messages."""

from __future__ import annotations

import sys

from newslint.errors import ConfigError

TYPE_CHECKING = False  # typing and pathlib are not imported at run time: start-up cost
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any


class LineDict(dict):
    """A dict from YAML that knows the 1-based line of each of its keys."""

    lines: dict
    line: int

    def line_of(self, key: Any) -> int | None:
        return getattr(self, "lines", {}).get(key, getattr(self, "line", None))


_LOADERS: dict[bool, Any] = {}


def _loader(fast: bool = True):
    """yaml.SafeLoader (no object construction, no code) that records key lines; yaml is imported
    only here, when a file is not in the start-up cache. ``fast``: its parser is libyaml's when
    PyYAML has it (CSafeLoader: the same safe constructor, several times faster on a large house
    dictionary); PyYAML's own parser says more about an error (load_yaml asks it then)."""
    loader = _LOADERS.get(fast)
    if loader is None:
        import yaml

        base = getattr(yaml, "CSafeLoader", yaml.SafeLoader) if fast else yaml.SafeLoader

        class _LineLoader(base):
            pass

        _LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
        loader = _LOADERS[fast] = _LineLoader
    return loader


def _construct_mapping(loader, node) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.lines = {}
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise ConfigError("a mapping key must be a plain value", line=key_node.start_mark.line + 1)
        if key in mapping:
            raise ConfigError(f"duplicate key {key!r}", line=key_node.start_mark.line + 1, key=str(key))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


def load_yaml(path: Path | str, text: str | None = None) -> Any:
    """Load one YAML document safely; errors become ``ConfigError`` naming file and line.

    A file (``text`` None) is looked up first in the start-up cache (newslint.usercache), keyed
    by its path, size and modification time; a parse is stored there for the next run.
    """
    path = str(path)
    key = None
    if text is None:
        from newslint import usercache

        key = usercache.file_key(path)
        if key is not None:
            key = (*key, FROZEN_SHAPE)
            cached = usercache.read("yaml", key, slot=key[0])  # one entry per file (key[0]: its real path)
            if cached is not None:
                return _thaw(cached[0])
    try:
        if text is None:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read configuration: {error}", path=path) from error
    import yaml

    try:
        try:
            data = yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
        except yaml.YAMLError:
            data = yaml.load(text, Loader=_loader(fast=False))  # noqa: S506 - for its fuller message
    except ConfigError as error:
        raise ConfigError(error.reason, path=path, line=error.line, key=error.key) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise ConfigError(f"invalid YAML: {problem}", path=path, line=line) from None
    if key is not None:
        frozen = _freeze(data)
        if frozen is not _UNSUPPORTED:
            from newslint import usercache

            usercache.write("yaml", key, (frozen,), slot=key[0])
    return data


# -- the parse as plain data for the cache (marshal), and back ----------------------
#: The shape of a frozen parse (part of its cache key: an entry of another shape is never read).
FROZEN_SHAPE = 2
_UNSUPPORTED = object()
_SCALARS = frozenset((str, bool, int, float, type(None)))


def _freeze(value: Any) -> Any:
    """``value`` as marshal-able data that ``_thaw`` reads back quickly: a scalar as itself, a
    container as a tuple (YAML gives no tuples) holding what can be rebuilt in C: a mapping's keys,
    their lines and its values side by side, and whether every value (or item) is a scalar."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is LineDict:
        if not _SCALARS.issuperset(map(type, value)):
            return _UNSUPPORTED  # a date or a tuple as a key: parsed again next time
        lines = getattr(value, "lines", {})
        items = [_freeze(item) for item in value.values()]
        if any(item is _UNSUPPORTED for item in items):
            return _UNSUPPORTED
        return ("d", getattr(value, "line", None), tuple(value), tuple(map(lines.get, value)), items,
                _SCALARS.issuperset(map(type, value.values())))
    if kind is list:
        if _SCALARS.issuperset(map(type, value)):
            return ("L", value)
        items = [_freeze(item) for item in value]
        return _UNSUPPORTED if any(item is _UNSUPPORTED for item in items) else ("l", items)
    datetime = sys.modules.get("datetime")  # YAML dates: the parser has imported it
    if datetime is not None and kind is datetime.datetime:
        return ("t", value.isoformat())
    if datetime is not None and kind is datetime.date:
        return ("a", value.isoformat())
    return _UNSUPPORTED  # bytes, sets, pairs: parsed again next time


def _thaw(value: Any) -> Any:
    if type(value) is not tuple:
        return value
    tag = value[0]
    if tag == "d":
        _, line, keys, lines, items, scalars = value
        mapping = LineDict(zip(keys, items if scalars else map(_thaw, items)))
        mapping.lines = dict(zip(keys, lines))
        if None in lines:  # (every key the parser reads has a line: not reached from a parse)
            mapping.lines = {key: at for key, at in mapping.lines.items() if at is not None}
        if line is not None:
            mapping.line = line
        return mapping
    if tag == "L":
        return list(value[1])
    if tag == "l":
        return list(map(_thaw, value[1]))
    import datetime

    if tag == "t":
        return datetime.datetime.fromisoformat(value[1])
    return datetime.date.fromisoformat(value[1])
