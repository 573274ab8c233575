"""Safe YAML loading that remembers the line of every mapping key, for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from newslint.errors import ConfigError


class LineDict(dict):
    """A dict from YAML that knows the 1-based line of each of its keys."""

    lines: dict
    line: int

    def line_of(self, key: Any) -> int | None:
        return getattr(self, "lines", {}).get(key, getattr(self, "line", None))


class _LineLoader(yaml.SafeLoader):
    """yaml.SafeLoader (no object construction, no code) that records key lines."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
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


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path | str, text: str | None = None) -> Any:
    """Load one YAML document safely; errors become ``ConfigError`` naming file and line."""
    path = str(path)
    try:
        if text is None:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read configuration: {error}", path=path) from error
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except ConfigError as error:
        raise ConfigError(error.reason, path=path, line=error.line, key=error.key) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise ConfigError(f"invalid YAML: {problem}", path=path, line=line) from None
