"""The plugin manager and what the loaded plugins contribute.

Built-in parsers and reporters are listed first (and imported when first used),
then every plugin in the
``newslint`` entry-point group (the built-in rule plugins among them), then
any module named in the ``NEWSLINT_PLUGINS`` environment variable (a comma
separated list, for local plugins and tests, as ``PYTEST_PLUGINS`` does).
Configuration files never load code.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Mapping
from functools import lru_cache
from types import ModuleType as _ModuleType

from newslint._records import Record, field
from newslint.errors import NewslintError
from newslint.parser import Parser
from newslint.reporter import Reporter
from newslint.rule import Rule, validate_rule_class

ENTRY_POINT_GROUP = "newslint"


#: What each built-in module contributes: its parsers (name, extensions) and reporters (names). The
#: registry lists them without importing the modules, and imports one when its parser or reporter is
#: first used: checking a text file imports neither the Markdown nor the HTML parser, nor the JSON,
#: SARIF or JUnit writers and what they import (tests/test_perf_paths.py checks this against the modules).
CORE_MANIFEST: dict[str, tuple[tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]]] = {
    "newslint.builtin.plaintext": ((("text", (".txt", ".text")),), ()),
    "newslint.builtin.markdown": ((("markdown", (".md", ".markdown")),), ()),
    "newslint.builtin.html": ((("html", (".html", ".htm")),), ()),
    "newslint.builtin.text_output": ((), ("text",)),
    "newslint.builtin.json_output": ((), ("json",)),
    "newslint.builtin.full_output": ((), ("full",)),
    "newslint.builtin.jsonl_output": ((), ("jsonl",)),
    "newslint.builtin.sarif_output": ((), ("sarif",)),
    "newslint.builtin.github_output": ((), ("github",)),
    "newslint.builtin.gitlab_output": ((), ("gitlab",)),
    "newslint.builtin.junit_output": ((), ("junit",)),
    "newslint.builtin.html_output": ((), ("html",)),
}


class _Pending:
    """A built-in parser or reporter not imported yet: its module, hook and (parsers) extensions."""

    __slots__ = ("module", "hook", "name", "extensions")

    def __init__(self, module: str, hook: str, name: str, extensions: tuple[str, ...] = ()) -> None:
        self.module, self.hook, self.name, self.extensions = module, hook, name, extensions

    def load(self):
        for item in getattr(importlib.import_module(self.module), self.hook)() or ():
            if item.name == self.name:
                return item
        raise PluginError(f"{self.module} no longer contributes {self.name!r}")


class Contributions(Mapping):
    """Parsers or reporters by name, in registration order; a built-in one is imported on first access."""

    def __init__(self) -> None:
        self._items: dict[str, object] = {}

    def add(self, name: str, item: object) -> None:
        self._items[name] = item

    def __getitem__(self, name: str):
        item = self._items[name]
        if isinstance(item, _Pending):
            item = self._items[name] = item.load()
        return item

    def __iter__(self):
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def extensions_of(self, name: str) -> tuple[str, ...]:
        """A parser's extensions, without importing a built-in one."""
        item = self._items[name]
        return tuple(item.extensions)

    def __repr__(self) -> str:
        return f"Contributions({list(self._items)})"


class PluginError(NewslintError):
    """A plugin failed to load or contributed something malformed."""


CORE_PLUGINS = tuple(CORE_MANIFEST)


class PluginInfo(Record):  # records: dataclasses without their start-up cost (newslint._records)
    name: str
    version: str
    rules: list[str] = field(default_factory=list)
    parsers: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)


class Registry(Record):
    """Everything the loaded plugins contribute, by name."""

    rules: dict[str, type[Rule]]
    parsers: Mapping[str, Parser]
    reporters: Mapping[str, Reporter]
    plugins: list[PluginInfo]
    _plugins: list = field(default_factory=list, repr=False, compare=False)
    _manager: object = field(default=None, repr=False, compare=False)

    @property
    def manager(self):
        """The pluggy plugin manager with every plugin registered (made on first use: a run
        calls plain hook functions itself)."""
        if self._manager is None:
            self._manager = _plugin_manager(self._plugins)
        return self._manager

    def parser_for(self, path: str | None, default: str = "text",
                   formats: dict[str, str] | None = None) -> Parser:
        """The parser for ``path``: by the configuration's ``formats`` map, else by extension."""
        if path:
            suffix = os.path.splitext(path)[1].lower()
            chosen = (formats or {}).get(suffix)
            if chosen is not None:
                if chosen not in self.parsers:
                    raise PluginError(f"formats: no parser named {chosen!r} "
                                      f"(available: {', '.join(sorted(self.parsers))})")
                return self.parsers[chosen]
            for name in self.parsers:
                if suffix in _extensions(self.parsers, name):
                    return self.parsers[name]
        return self.parsers[default]

    @property
    def extensions(self) -> set[str]:
        return {ext for name in self.parsers for ext in _extensions(self.parsers, name)}


def _extensions(parsers: Mapping, name: str) -> tuple[str, ...]:
    if isinstance(parsers, Contributions):
        return parsers.extensions_of(name)
    return tuple(parsers[name].extensions)


def _collect_plugins(extra: tuple[object, ...] = ()) -> tuple[list[tuple[str | None, object]], dict[str, str]]:
    """The plugins in the order they register (entry points, ``NEWSLINT_PLUGINS``, then ``extra``),
    each with its name (None: pluggy names it), and the entry-point plugins' versions."""
    plugins: list[tuple[str | None, object]] = []
    names: set[str] = set()
    versions: dict[str, str] = {}
    try:
        for name, value, version in entry_points():
            if name in names:
                continue  # the first distribution on sys.path wins, as pluggy's own loader does
            plugins.append((name, _load_entry_point(value)))
            names.add(name)
            versions[name] = version
    except Exception as error:  # a broken third-party package must not crash the run
        raise PluginError(f"could not load a plugin from the '{ENTRY_POINT_GROUP}' entry points: "
                          f"{type(error).__name__}: {error}") from error
    for module_name in filter(None, (m.strip() for m in os.environ.get("NEWSLINT_PLUGINS", "").split(","))):
        if module_name in names:
            continue
        try:
            plugins.append((module_name, importlib.import_module(module_name)))
        except Exception as error:
            raise PluginError(f"NEWSLINT_PLUGINS: cannot import {module_name!r}: "
                              f"{type(error).__name__}: {error}") from error
        names.add(module_name)
    plugins.extend((None, plugin) for plugin in extra)
    return plugins, versions


def _plugin_manager(plugins: list[tuple[str | None, object]]):
    import pluggy

    from newslint import hookspecs

    manager = pluggy.PluginManager("newslint")
    manager.add_hookspecs(hookspecs)  # the built-in modules (CORE_MANIFEST) join only when used
    for name, plugin in plugins:
        manager.register(plugin, name=name)
    return manager


HOOKS = ("newslint_rules", "newslint_parsers", "newslint_reporters")


def _direct_hooks(plugins: list[tuple[str | None, object]]) -> dict[str, list[tuple[str, object]]] | None:
    """Each hook's implementations, in registration order, as (plugin name, function), read without
    pluggy; None when pluggy itself must register the plugins: one is not a module, is listed twice,
    or marks a function in any way but the plain one (options, other hooks, arguments), where
    pluggy's ordering and validation apply."""
    found: dict[str, list[tuple[str, object]]] = {hook: [] for hook in HOOKS}
    seen: set[int] = set()
    plain = {"wrapper": False, "hookwrapper": False, "optionalhook": False, "tryfirst": False, "trylast": False,
             "specname": None}
    for name, plugin in plugins:
        if not isinstance(plugin, _ModuleType) or id(plugin) in seen or name is None:
            return None
        seen.add(id(plugin))
        for attribute in sorted(vars(plugin)):
            function = vars(plugin)[attribute]
            options = getattr(function, "newslint_impl", None) if callable(function) else None
            if options is None:
                continue
            code = getattr(function, "__code__", None)
            if options != plain or attribute not in HOOKS or code is None or \
                    code.co_argcount or code.co_kwonlyargcount:
                return None
            found[attribute].append((name, function))
    return found


def entry_points() -> list[tuple[str, str, str]]:
    """(name, value, distribution version) of each entry point in the ``newslint`` group, in the
    order of the distributions on ``sys.path``.

    Finding them means reading the metadata of every installed distribution, which costs more than
    the rest of a small run; the list is kept in the user's cache (newslint.usercache), keyed by the
    folders of ``sys.path`` and their modification times (installing or removing a package changes
    its folder's) and by the modification times of the plugins' own entry-point files.
    """
    from newslint import usercache

    key = _environment_key()
    slot = tuple(folder for folder, _ in key[1])  # one entry per import path, whatever is installed
    cached = usercache.read("plugins", key, slot)
    if cached is not None:
        found, files = cached
        if all(usercache.file_key(path) == tuple(stamp) for path, stamp in files):
            return [tuple(item) for item in found]
    import importlib.metadata

    found, files = [], []
    for dist in importlib.metadata.distributions():
        points = [point for point in dist.entry_points if point.group == ENTRY_POINT_GROUP]
        if not points:
            continue
        for point in points:
            found.append((point.name, point.value, dist.version))
        location = getattr(dist, "_path", None)
        if location is not None:
            stamp = usercache.file_key(os.path.join(location, "entry_points.txt"))
            if stamp is not None:
                files.append((os.path.join(location, "entry_points.txt"), stamp))
    usercache.write("plugins", key, (found, files), slot)
    return found


def _environment_key() -> tuple:
    """The import path, each folder on it with its modification time."""
    stamps = []
    for entry in sys.path:
        folder = os.path.abspath(entry or os.curdir)
        try:
            stamps.append((folder, os.stat(folder).st_mtime_ns))
        except OSError:
            stamps.append((folder, None))
    return (ENTRY_POINT_GROUP, tuple(stamps))


def _load_entry_point(value: str) -> object:
    module_name, _, attribute = value.partition(":")
    plugin = importlib.import_module(module_name.strip())
    for part in filter(None, attribute.strip().split(".")):
        plugin = getattr(plugin, part)
    return plugin


def build_registry(extra_plugins: tuple[object, ...] = ()) -> Registry:
    from newslint import __version__

    plugins, entry_versions = _collect_plugins(extra_plugins)
    versions = {name: __version__ for name in CORE_PLUGINS}
    versions.update(entry_versions)
    hooks = _direct_hooks(plugins)
    manager = None
    if hooks is None:  # pluggy registers them: its validation, its order
        manager = _plugin_manager(plugins)
        hooks = {hook: [(impl.plugin_name, impl.function) for impl in getattr(manager.hook, hook).get_hookimpls()]
                 for hook in HOOKS}
    infos: dict[str, PluginInfo] = {}

    def info(name: str) -> PluginInfo:
        if name not in infos:
            infos[name] = PluginInfo(name, versions.get(name, ""))
        return infos[name]

    rules: dict[str, type[Rule]] = {}
    for plugin_name, function in hooks["newslint_rules"]:
        for rule in function() or ():
            problems = validate_rule_class(rule)
            if problems:
                raise PluginError(f"plugin {plugin_name!r}: " + "; ".join(problems))
            if rule.id in rules and rules[rule.id] is not rule:
                raise PluginError(f"plugin {plugin_name!r}: rule id {rule.id!r} is already registered")
            rules[rule.id] = rule
            info(plugin_name).rules.append(rule.id)
    parsers = Contributions()
    reporters = Contributions()
    for module_name, (module_parsers, module_reporters) in CORE_MANIFEST.items():
        for name, extensions in module_parsers:
            parsers.add(name, _Pending(module_name, "newslint_parsers", name, extensions))
            info(module_name).parsers.append(name)
        for name in module_reporters:
            reporters.add(name, _Pending(module_name, "newslint_reporters", name))
            info(module_name).reporters.append(name)
    for plugin_name, function in hooks["newslint_parsers"]:
        for parser in function() or ():
            parsers.add(parser.name, parser)
            info(plugin_name).parsers.append(parser.name)
    for plugin_name, function in hooks["newslint_reporters"]:
        for reporter in function() or ():
            reporters.add(reporter.name, reporter)
            info(plugin_name).reporters.append(reporter.name)
    listed = sorted(infos.values(), key=lambda p: (p.name in CORE_PLUGINS, p.name))
    registry = Registry(dict(sorted(rules.items())), parsers, reporters, listed)
    registry._plugins, registry._manager = plugins, manager
    return registry


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The registry of every installed plugin, built once per process."""
    return build_registry()
