"""The plugin manager and what the loaded plugins contribute.

Built-in parsers and reporters are registered first, then every plugin in the
``newslint`` entry-point group (the built-in rule plugins among them), then
any module named in the ``NEWSLINT_PLUGINS`` environment variable (a comma
separated list, for local plugins and tests, as ``PYTEST_PLUGINS`` does).
Configuration files never load code.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from functools import lru_cache

import pluggy

from newslint import hookspecs
from newslint.errors import NewslintError
from newslint.parser import Parser
from newslint.reporter import Reporter
from newslint.rule import Rule, validate_rule_class

ENTRY_POINT_GROUP = "newslint"
CORE_PLUGINS = ("newslint.builtin.plaintext", "newslint.builtin.markdown", "newslint.builtin.html",
                "newslint.builtin.text_output",
                "newslint.builtin.json_output", "newslint.builtin.full_output",
                "newslint.builtin.jsonl_output", "newslint.builtin.sarif_output",
                "newslint.builtin.github_output", "newslint.builtin.gitlab_output",
                "newslint.builtin.junit_output", "newslint.builtin.html_output")


class PluginError(NewslintError):
    """A plugin failed to load or contributed something malformed."""


@dataclass
class PluginInfo:
    name: str
    version: str
    rules: list[str] = field(default_factory=list)
    parsers: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)


@dataclass
class Registry:
    """Everything the loaded plugins contribute, by name."""

    manager: pluggy.PluginManager
    rules: dict[str, type[Rule]]
    parsers: dict[str, Parser]
    reporters: dict[str, Reporter]
    plugins: list[PluginInfo]

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
            for parser in self.parsers.values():
                if suffix in parser.extensions:
                    return parser
        return self.parsers[default]

    @property
    def extensions(self) -> set[str]:
        return {ext for parser in self.parsers.values() for ext in parser.extensions}


def _plugin_manager(extra: tuple[object, ...] = ()) -> pluggy.PluginManager:
    manager = pluggy.PluginManager("newslint")
    manager.add_hookspecs(hookspecs)
    for module_name in CORE_PLUGINS:
        manager.register(importlib.import_module(module_name), name=module_name)
    try:
        manager.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    except Exception as error:  # a broken third-party package must not crash the run
        raise PluginError(f"could not load a plugin from the '{ENTRY_POINT_GROUP}' entry points: "
                          f"{type(error).__name__}: {error}") from error
    for module_name in filter(None, (m.strip() for m in os.environ.get("NEWSLINT_PLUGINS", "").split(","))):
        if manager.has_plugin(module_name):
            continue
        try:
            manager.register(importlib.import_module(module_name), name=module_name)
        except Exception as error:
            raise PluginError(f"NEWSLINT_PLUGINS: cannot import {module_name!r}: "
                              f"{type(error).__name__}: {error}") from error
    for plugin in extra:
        manager.register(plugin)
    return manager


def _plugin_versions(manager: pluggy.PluginManager) -> dict[str, str]:
    from newslint import __version__

    versions = {name: __version__ for name in CORE_PLUGINS}
    for plugin, dist in manager.list_plugin_distinfo():
        versions[manager.get_name(plugin)] = dist.version
    return versions


def build_registry(extra_plugins: tuple[object, ...] = ()) -> Registry:
    manager = _plugin_manager(extra_plugins)
    versions = _plugin_versions(manager)
    infos: dict[str, PluginInfo] = {}

    def info(name: str) -> PluginInfo:
        if name not in infos:
            infos[name] = PluginInfo(name, versions.get(name, ""))
        return infos[name]

    rules: dict[str, type[Rule]] = {}
    for impl in manager.hook.newslint_rules.get_hookimpls():
        for rule in impl.function() or ():
            problems = validate_rule_class(rule)
            if problems:
                raise PluginError(f"plugin {impl.plugin_name!r}: " + "; ".join(problems))
            if rule.id in rules and rules[rule.id] is not rule:
                raise PluginError(f"plugin {impl.plugin_name!r}: rule id {rule.id!r} is already registered")
            rules[rule.id] = rule
            info(impl.plugin_name).rules.append(rule.id)
    parsers: dict[str, Parser] = {}
    for impl in manager.hook.newslint_parsers.get_hookimpls():
        for parser in impl.function() or ():
            parsers[parser.name] = parser
            info(impl.plugin_name).parsers.append(parser.name)
    reporters: dict[str, Reporter] = {}
    for impl in manager.hook.newslint_reporters.get_hookimpls():
        for reporter in impl.function() or ():
            reporters[reporter.name] = reporter
            info(impl.plugin_name).reporters.append(reporter.name)
    plugins = sorted(infos.values(), key=lambda p: (p.name in CORE_PLUGINS, p.name))
    return Registry(manager, dict(sorted(rules.items())), parsers, reporters, plugins)


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The registry of every installed plugin, built once per process."""
    return build_registry()
