"""Configuration: the shipped defaults (rules.yaml) with a user's file merged over them.

A user file (``.newslint.yaml``) may set, at its top level:

- ``rules``: per rule id, a severity (``off|info|warning|error``) or a mapping
  with ``severity`` and the rule's options;
- ``select`` / ``ignore``: rule ids or plugin prefixes (``names``, ``punctuation/``);
- ``exclude``: glob patterns, relative to the file's folder, of paths not to check;
- ``names``: house-style name data, merged key by key over the defaults;
- ``style``: the house-style profile (``ap``, ``reuters``, ``guardian``, ``bbc``) whose data
  (``house-styles``) lies under ``names``;
- ``rule-files``, ``styles``, ``custom-rules``: declarative rules (YAML files or folders, Vale
  style folders, definitions inline); see newslint.declarative. They are data, never code.

Everything is validated against the loaded rules; a mistake is a ``ConfigError``
naming the file, line and key.
"""

from __future__ import annotations

import copy
import fnmatch
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from newslint.errors import ConfigError
from newslint.yamlfile import LineDict, load_yaml

if TYPE_CHECKING:
    from newslint.registry import Registry
    from newslint.rule import Rule

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml")
SEVERITY_LEVELS = ("off", "info", "warning", "error")
TOP_LEVEL_KEYS = ("rules", "select", "ignore", "exclude", "names", "formats", "parser-options", "per-path",
                  "rule-timeout", "max-file-size",
                  "style", "house-styles", "rule-files", "styles", "custom-rules")
DATA_SECTIONS = ("names",)
_OPTION_TYPES = {"bool": bool, "int": int, "str": str, "list": list, "map": dict}


def default_config_path() -> Path:
    """The shipped rules.yaml: packaged beside this module, or at the root of a source checkout."""
    packaged = Path(__file__).with_name("rules.yaml")
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules.yaml"


@dataclass
class RuleSettings:
    severity: str
    options: dict[str, Any] = field(default_factory=dict)
    #: Where the rule applies (see newslint.scopes); None keeps the rule's own default.
    scopes: tuple[str, ...] | None = None


@dataclass
class Config:
    """A merged, validated configuration. Build it with ``load_config``."""

    rules: dict[str, RuleSettings]
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    #: The folder exclude patterns are relative to (the user file's folder).
    root: Path | None = None
    #: The files merged, defaults first.
    sources: list[str] = field(default_factory=list)
    #: File extension (".mdx") → parser name ("markdown"), over the parsers' own defaults.
    formats: dict[str, str] = field(default_factory=dict)
    #: Parser name → options for that parser (e.g. markdown: {frontmatter-prose: [title]}).
    parser_options: dict[str, dict] = field(default_factory=dict)
    #: Seconds one rule may spend on one file before it is stopped and reported (0: no limit).
    rule_timeout: float = 10.0
    #: Bytes; a larger file is reported as an error instead of checked.
    max_file_size: int = 50_000_000
    #: ``per-path`` sections: (glob, settings, file they came from), applied by ``for_file``.
    per_path: list[tuple[str, dict, str]] = field(default_factory=list)
    #: The plugins this configuration was validated against.
    registry: "Registry | None" = field(default=None, repr=False, compare=False)
    #: Declarative rules (rule files, Vale styles, custom-rules) by id: data, beside the plugins' rules.
    custom_rules: dict[str, type] = field(default_factory=dict)
    #: The house-style profile chosen (``style:``) and every profile's data (``house-styles:``).
    style: str | None = None
    house_styles: dict[str, Any] = field(default_factory=dict)

    def clone(self) -> "Config":
        return Config(rules=copy.deepcopy(self.rules), select=None if self.select is None else list(self.select),
                      ignore=list(self.ignore), exclude=list(self.exclude), data=copy.deepcopy(self.data),
                      root=self.root, sources=list(self.sources), formats=dict(self.formats),
                      parser_options=copy.deepcopy(self.parser_options), per_path=list(self.per_path),
                      registry=self.registry, custom_rules=dict(self.custom_rules), style=self.style,
                      house_styles=self.house_styles, rule_timeout=self.rule_timeout,
                      max_file_size=self.max_file_size)

    def for_file(self, path: str | os.PathLike | None) -> "Config":
        """This configuration with the ``per-path`` sections matching ``path`` applied."""
        if not self.per_path or path is None:
            return self
        matching = tuple(i for i, (pattern, _, _) in enumerate(self.per_path)
                         if _path_matches(path, pattern, self.root))
        if not matching:
            return self
        cache = self.__dict__.setdefault("_per_path_cache", {})
        if matching not in cache:
            derived = self.clone()
            derived.per_path = []
            for index in matching:
                _, settings, source = self.per_path[index]
                _Layer(settings, source, self.registry, nested=True).apply(derived)
            cache[matching] = derived
        return cache[matching]

    def is_selected(self, rule_id: str) -> bool:
        if self.select is not None and not any(_matches(rule_id, s) for s in self.select):
            return False
        return not any(_matches(rule_id, i) for i in self.ignore)

    def severity_of(self, rule_id: str) -> str:
        return self.rules[rule_id].severity

    def is_excluded(self, path: Path | str) -> bool:
        return any(_path_matches(path, pattern, self.root) for pattern in self.exclude)

    @cached_property
    def active_rules(self) -> list["ActiveRule"]:
        """Instances of the enabled rules, with their severities and scopes. Built once per configuration."""
        from newslint.registry import default_registry

        return self.instantiate(self.registry or default_registry())

    def all_rules(self, registry: "Registry | None" = None) -> dict[str, type["Rule"]]:
        """The plugins' rules and this configuration's declarative rules, by id."""
        from newslint.registry import default_registry

        rules = (registry or self.registry or default_registry()).rules
        return {**rules, **self.custom_rules} if self.custom_rules else rules

    @property
    def rule_data(self) -> dict[str, Any]:
        """The data rules read: the chosen house-style profile with ``names`` etc. merged over it."""
        profile = self.house_styles.get(self.style) if self.style else None
        return _deep_merge(profile, self.data) if isinstance(profile, dict) else self.data

    def instantiate(self, registry: "Registry") -> list["ActiveRule"]:
        active = []
        data = self.rule_data
        for rule_id, rule_class in self.all_rules(registry).items():
            settings = self.rules.get(rule_id) or RuleSettings(rule_class.severity)
            if settings.severity == "off" or not self.is_selected(rule_id):
                continue
            scopes = settings.scopes if settings.scopes is not None else tuple(rule_class.scopes)
            active.append(ActiveRule(rule_class(settings.options, data), settings.severity, scopes))
        return active


@dataclass(frozen=True)
class ActiveRule:
    rule: "Rule"
    severity: str
    scopes: tuple[str, ...] = ()


def _path_matches(path: str | os.PathLike, pattern: str, root: Path | None) -> bool:
    """Whether a glob matches ``path``: its name, its path relative to ``root``, or a folder above it."""
    absolute = Path(os.path.abspath(path))
    candidates = [absolute.name, absolute.as_posix()]
    if root is not None:
        try:
            candidates.append(absolute.relative_to(root).as_posix())
        except ValueError:
            pass
    pattern = pattern.rstrip("/")
    for candidate in candidates:
        if fnmatch.fnmatchcase(candidate, pattern):
            return True
        # A pattern naming a folder matches everything below it.
        parts = candidate.split("/")
        if any(fnmatch.fnmatchcase("/".join(parts[:i]), pattern) for i in range(1, len(parts))):
            return True
    return False


def _matches(rule_id: str, selector: str) -> bool:
    selector = selector.rstrip("/")
    return rule_id == selector or rule_id.startswith(selector + "/")


def _selector_known(selector: str, registry: "Registry", config: "Config | None" = None) -> bool:
    return any(_matches(rule_id, selector) for rule_id in registry.rules) or \
        (config is not None and any(_matches(rule_id, selector) for rule_id in config.custom_rules))


def _deep_merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _string_list(raw: Any, *, path: str, line: int | None, key: str) -> list[str]:
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise ConfigError("expected a list of strings", path=path, line=line, key=key)
    return list(raw)


class _Layer:
    """One configuration file, validated against the registry."""

    def __init__(self, raw: Any, path: str, registry: "Registry", *, lenient: bool = False,
                 nested: bool = False) -> None:
        self.path = path
        #: A per-path section: it may not set exclude or per-path itself.
        self.nested = nested
        #: The shipped defaults name every built-in rule; a rule whose plugin is not
        #: loaded is skipped there rather than failing every run (a test keeps them in step).
        self.lenient = lenient
        if raw is None:
            raw = LineDict()
        if not isinstance(raw, dict):
            raise ConfigError("the configuration must be a mapping of settings", path=path, line=1)
        self.raw = raw
        self.registry = registry

    def line(self, mapping: Any, key: Any) -> int | None:
        return mapping.line_of(key) if isinstance(mapping, LineDict) else None

    def apply(self, config: Config) -> None:
        raw, path = self.raw, self.path
        allowed = [k for k in TOP_LEVEL_KEYS if not (self.nested and k in ("exclude", "per-path"))]
        for key in raw:
            if key not in allowed:
                raise ConfigError(f"unknown setting (expected one of: {', '.join(allowed)})",
                                  path=path, line=self.line(raw, key), key=str(key))
        self._apply_declarative(config)
        for key in ("select", "ignore"):
            if key in raw:
                selectors = _string_list(raw[key], path=path, line=self.line(raw, key), key=key)
                for selector in selectors:
                    if not _selector_known(selector, self.registry, config):
                        raise ConfigError(f"unknown rule or plugin {selector!r}", path=path,
                                          line=self.line(raw, key), key=key)
                setattr(config, key, selectors)
        if "exclude" in raw:
            config.exclude = _string_list(raw["exclude"], path=path, line=self.line(raw, "exclude"),
                                          key="exclude")
        for section in DATA_SECTIONS:
            if section in raw:
                if not isinstance(raw[section], dict):
                    raise ConfigError("expected a mapping", path=path, line=self.line(raw, section),
                                      key=section)
                config.data[section] = _deep_merge(config.data.get(section, {}), raw[section])
        for key, attribute, kind in (("rule-timeout", "rule_timeout", (int, float)),
                                     ("max-file-size", "max_file_size", int)):
            if key in raw:
                value = raw[key]
                if not isinstance(value, kind) or isinstance(value, bool) or value < 0:
                    raise ConfigError("expected a number of at least 0", path=path, line=self.line(raw, key), key=key)
                setattr(config, attribute, value)
        if "formats" in raw:
            formats = raw["formats"]
            if not isinstance(formats, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                        for k, v in formats.items()):
                raise ConfigError("expected a mapping of file extensions to parser names",
                                  path=path, line=self.line(raw, "formats"), key="formats")
            for extension, parser in formats.items():
                if parser not in self.registry.parsers:
                    raise ConfigError(f"no parser named {parser!r} (available: "
                                      f"{', '.join(sorted(self.registry.parsers))})",
                                      path=path, line=self.line(formats, extension), key=f"formats.{extension}")
                key = extension.lower() if extension.startswith(".") else "." + extension.lower()
                config.formats[key] = parser
        if "parser-options" in raw:
            options = raw["parser-options"]
            if not isinstance(options, dict):
                raise ConfigError("expected a mapping of parser names to options", path=path,
                                  line=self.line(raw, "parser-options"), key="parser-options")
            for name, values in options.items():
                parser = self.registry.parsers.get(name)
                where = f"parser-options.{name}"
                if parser is None:
                    raise ConfigError("no such parser", path=path, line=self.line(options, name), key=where)
                if not isinstance(values, dict):
                    raise ConfigError("expected a mapping", path=path, line=self.line(options, name), key=where)
                for key in values:
                    if key not in parser.options:
                        raise ConfigError(f"unknown option (this parser's options: "
                                          f"{', '.join(sorted(parser.options)) or 'none'})", path=path,
                                          line=self.line(values, key) or self.line(options, name),
                                          key=f"{where}.{key}")
                config.parser_options[name] = {**config.parser_options.get(name, {}), **values}
        if "rules" in raw:
            self._apply_rules(config)
        if "per-path" in raw:
            sections = raw["per-path"]
            if not isinstance(sections, dict):
                raise ConfigError("expected a mapping of globs to settings", path=path,
                                  line=self.line(raw, "per-path"), key="per-path")
            for pattern, settings in sections.items():
                if not isinstance(settings, dict):
                    raise ConfigError("expected a mapping of settings", path=path,
                                      line=self.line(sections, pattern), key=f"per-path.{pattern}")
                _Layer(settings, path, self.registry, nested=True).apply(config.clone())  # validate now
                config.per_path.append((str(pattern), settings, path))

    def _apply_declarative(self, config: Config) -> None:
        """House-style profiles and declarative rules (rule files, Vale styles, custom-rules)."""
        raw, path = self.raw, self.path
        if "house-styles" in raw:
            if not isinstance(raw["house-styles"], dict):
                raise ConfigError("expected a mapping of style names to data", path=path,
                                  line=self.line(raw, "house-styles"), key="house-styles")
            config.house_styles = {**config.house_styles, **raw["house-styles"]}
        if "style" in raw:
            style = raw["style"]
            if not isinstance(style, str) or style not in config.house_styles:
                raise ConfigError(f"unknown house style {style!r} (available: "
                                  f"{', '.join(sorted(config.house_styles))})", path=path,
                                  line=self.line(raw, "style"), key="style")
            config.style = style
        if not any(key in raw for key in ("rule-files", "styles", "custom-rules")):
            return
        from newslint import declarative

        base = Path(os.path.abspath(path)).parent if not path.startswith("<") else Path.cwd()
        found: dict[str, type] = {}
        if "rule-files" in raw:
            files = _string_list(raw["rule-files"], path=path, line=self.line(raw, "rule-files"), key="rule-files")
            found.update(declarative.load_rule_paths(files, base, source=path, line=self.line(raw, "rule-files")))
        if "styles" in raw:
            folders = _string_list(raw["styles"], path=path, line=self.line(raw, "styles"), key="styles")
            found.update(declarative.load_styles(folders, base, source=path, line=self.line(raw, "styles")))
        if "custom-rules" in raw:
            found.update(declarative.build_rules(raw["custom-rules"], path))
        for rule_id in found:
            if rule_id in self.registry.rules:
                raise ConfigError(f"rule id {rule_id!r} is a plugin's rule", path=path, key=rule_id)
        config.custom_rules = {**config.custom_rules, **found}

    def _apply_rules(self, config: Config) -> None:
        rules, path = self.raw["rules"], self.path
        if not isinstance(rules, dict):
            raise ConfigError("expected a mapping of rule ids", path=path, line=self.line(self.raw, "rules"),
                              key="rules")
        for rule_id, entry in rules.items():
            line = self.line(rules, rule_id)
            rule_class = self.registry.rules.get(rule_id) or config.custom_rules.get(rule_id)
            if rule_class is None and self.lenient:
                continue
            if rule_class is None:
                raise ConfigError("unknown rule (see `newslint rules`)", path=path, line=line,
                                  key=f"rules.{rule_id}")
            settings = config.rules.setdefault(rule_id, RuleSettings(rule_class.severity))
            if isinstance(entry, (str, bool)):
                entry = {"severity": entry}
            elif entry is None:
                entry = {}
            if not isinstance(entry, dict):
                raise ConfigError("expected a severity or a mapping of settings", path=path, line=line,
                                  key=f"rules.{rule_id}")
            for key, value in entry.items():
                key_line = self.line(entry, key) or line
                where = f"rules.{rule_id}.{key}"
                if key == "severity":
                    if value is False:  # YAML 1.1 reads a bare `off` as false
                        value = "off"
                    if value not in SEVERITY_LEVELS:
                        raise ConfigError(f"severity must be one of {', '.join(SEVERITY_LEVELS)}, "
                                          f"not {value!r}", path=path, line=key_line, key=where)
                    settings.severity = value
                    continue
                if key == "scopes":
                    settings.scopes = tuple(_string_list(value, path=path, line=key_line, key=where))
                    continue
                option = rule_class.options.get(key)
                if option is None:
                    known = ", ".join(sorted(rule_class.options)) or "none"
                    raise ConfigError(f"unknown option (this rule's options: severity, scopes, {known})",
                                      path=path, line=key_line, key=where)
                expected = _OPTION_TYPES.get(option.type, object)
                if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
                    raise ConfigError(f"expected a value of type {option.type}, not {type(value).__name__}",
                                      path=path, line=key_line, key=where)
                settings.options[key] = value


def find_user_config(start: Path) -> Path | None:
    """The nearest .newslint.yaml in ``start`` or a folder above it."""
    directory = start if start.is_dir() else start.parent
    directory = Path(os.path.abspath(directory))
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


_DEFAULT_LAYERS: dict[int, Config] = {}


def _defaults(registry: "Registry") -> Config:
    cached = _DEFAULT_LAYERS.get(id(registry))
    if cached is None:
        path = default_config_path()
        cached = Config(rules={}, sources=[str(path)])
        _Layer(load_yaml(path), str(path), registry, lenient=True).apply(cached)
        _DEFAULT_LAYERS[id(registry)] = cached
    config = cached.clone()
    config.registry = registry
    return config


def load_config(path: str | os.PathLike | None = None, *, registry: "Registry | None" = None,
                select: Iterable[str] | None = None, ignore: Iterable[str] = (),
                overrides: dict | None = None) -> Config:
    """The defaults, with the user file at ``path`` (if any) merged over them.

    ``select`` replaces the selection, ``ignore`` extends it (as the CLI flags do);
    ``overrides`` is a mapping in the same shape as a user file.
    """
    from newslint.registry import default_registry

    registry = registry or default_registry()
    config = _defaults(registry)
    if path is not None:
        path = Path(path)
        _Layer(load_yaml(path), str(path), registry).apply(config)
        config.root = Path(os.path.abspath(path)).parent
        config.sources.append(str(path))
    if overrides:
        _Layer(overrides, "<overrides>", registry).apply(config)
    if select is not None:
        selectors = list(select)
        _check_selectors(selectors, registry, "--select", config)
        config.select = selectors
    ignore = list(ignore)
    if ignore:
        _check_selectors(ignore, registry, "--ignore", config)
        config.ignore = config.ignore + ignore
    return config


def _check_selectors(selectors: list[str], registry: "Registry", flag: str, config: Config | None = None) -> None:
    for selector in selectors:
        if not _selector_known(selector, registry, config):
            raise ConfigError(f"{flag}: unknown rule or plugin {selector!r} (see `newslint rules`)")
