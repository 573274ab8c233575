"""The Python API: ``check_text`` and ``check_paths``."""

from __future__ import annotations

import os

from newslint.config import Config, load_config
from newslint.findings import Finding, Report
from newslint.registry import default_registry
from newslint.runner import ConfigResolver, check_files, check_source

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from typing import Iterable


def _config(config: Config | str | os.PathLike | None) -> Config | None:
    if config is None or isinstance(config, Config):
        return config
    return load_config(config)


def check_text(text: str, *, path: str | None = None,
               config: Config | str | os.PathLike | None = None) -> list[Finding]:
    """Check ``text`` and return its findings, sorted by position.

    ``path`` names the text in findings and chooses the parser by extension
    (plain text by default). ``config`` is a ``Config`` from ``load_config``, a
    path to a configuration file, or None for the defaults (a ``.newslint.yaml``
    is not searched for: the library does only what it is told).
    """
    registry = default_registry()
    resolved = _config(config) or _default_config(registry)
    return check_source(text, path, resolved, registry, path or "-")


#: The default configuration and the registry it was made for: built once, not on every call of
#: ``check_text`` (building it, and the rules' patterns, costs far more than checking an article).
_defaults: tuple[object, Config] | None = None


def _default_config(registry) -> Config:
    global _defaults
    if _defaults is None or _defaults[0] is not registry:
        _defaults = (registry, load_config(registry=registry))
    return _defaults[1]


def check_paths(paths: Iterable[str | os.PathLike], *,
                config: Config | str | os.PathLike | None = None) -> Report:
    """Check files and directories as the CLI does and return a ``Report``.

    With ``config`` None, each file uses the nearest ``.newslint.yaml`` above it.
    Unreadable files become ``report.errors``; the others are still checked.
    """
    registry = default_registry()
    resolver = ConfigResolver(registry, _config(config))
    return check_files([os.fspath(p) for p in paths], resolver, registry)
