"""Configuration: the shipped defaults (rules.yaml) with a user's file merged over them.

A user file (``.newslint.yaml``) may set, at its top level:

- ``rules``: per rule id, a severity (``off|info|warning|error``) or a mapping
  with ``severity`` and the rule's options;
- ``select`` / ``ignore``: rule ids or plugin prefixes (``names``, ``punctuation/``);
- ``exclude``: glob patterns, relative to the file's folder, of paths not to check;
- ``names``: house-style name data, merged key by key over the defaults;
- ``style``: the house-style profile (``ap``, ``reuters``, ``guardian``, ``bbc``) whose data
  (``house-styles``: ``names`` under the shared ``names``, and ``rules``, declarative rules with
  ids ``style/...`` active only under that profile) applies;
- ``rule-files``, ``styles``, ``custom-rules``, ``vale-ini``: declarative rules (YAML files or
  folders, Vale style folders, definitions inline, a Vale configuration); see
  newslint.declarative. They are data, never code;
- ``formats``, ``parser-options``, ``per-path``, ``rule-timeout``, ``max-file-size``
  (docs/configuration.md lists every key).

Everything is validated against the loaded rules; a mistake is a ``ConfigError``
naming the file, line and key.
"""

from __future__ import annotations

import fnmatch
import os
from functools import cached_property

from newslint._records import FrozenRecord, Record, field
from newslint.errors import ConfigError
from newslint.yamlfile import LineDict, load_yaml

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from pathlib import Path  # imported where used: a run without a .newslint.yaml needs none
    from typing import Any, Iterable

    from newslint.registry import Registry
    from newslint.rule import Rule

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml")
SEVERITY_LEVELS = ("off", "info", "warning", "error")
TOP_LEVEL_KEYS = ("rules", "select", "ignore", "exclude", "names", "formats", "parser-options", "per-path",
                  "rule-timeout", "max-file-size",
                  "style", "house-styles", "rule-files", "styles", "custom-rules", "vale-ini")
#: Settings a ``per-path`` section may not hold (they concern the whole run or add per-path sections).
_NOT_PER_PATH = ("exclude", "per-path", "vale-ini")
DATA_SECTIONS = ("names",)
_OPTION_TYPES = {"bool": bool, "int": int, "str": str, "list": list, "map": dict}


def default_config_path() -> Path:
    """The shipped rules.yaml: packaged beside this module, or at the root of a source checkout."""
    from pathlib import Path

    return Path(_default_config_file())


def _default_config_file() -> str:
    # default_config_path with os.path: a run without a .newslint.yaml need not import pathlib.
    packaged = os.path.join(os.path.dirname(__file__), "rules.yaml")
    if os.path.isfile(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(__file__))), "rules.yaml")


class RuleSettings(Record):  # records: dataclasses without their start-up cost (newslint._records)
    severity: str
    options: dict[str, Any] = field(default_factory=dict)
    #: Where the rule applies (see newslint.scopes); None keeps the rule's own default.
    scopes: tuple[str, ...] | None = None


class Config(Record):
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
    #: Each profile's rules (its ``rules:`` data, declarative), by profile and id: only the chosen
    #: profile's are active (``all_rules``); the ids of all of them may be selected, ignored or set.
    style_rules: dict[str, dict[str, type]] = field(default_factory=dict)

    def clone(self) -> "Config":
        return Config(rules=_copy_rules(self.rules), select=None if self.select is None else list(self.select),
                      ignore=list(self.ignore), exclude=list(self.exclude), data=_copy_data(self.data),
                      root=self.root, sources=list(self.sources), formats=dict(self.formats),
                      parser_options=_copy_data(self.parser_options), per_path=list(self.per_path),
                      registry=self.registry, custom_rules=dict(self.custom_rules), style=self.style,
                      house_styles=self.house_styles, rule_timeout=self.rule_timeout,
                      max_file_size=self.max_file_size, style_rules=self.style_rules)

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
        # (Most configurations exclude nothing: asked for every file walked, they answer at once.)
        return bool(self.exclude) and any(_path_matches(path, pattern, self.root) for pattern in self.exclude)

    @cached_property
    def active_rules(self) -> list["ActiveRule"]:
        """Instances of the enabled rules, with their severities and scopes. Built once per configuration."""
        from newslint.registry import default_registry

        return self.instantiate(self.registry or default_registry())

    def all_rules(self, registry: "Registry | None" = None) -> dict[str, type["Rule"]]:
        """The plugins' rules, the chosen house style's rules and this configuration's declarative
        rules, by id."""
        from newslint.registry import default_registry

        rules = (registry or self.registry or default_registry()).rules
        style = self.style_rules.get(self.style) if self.style else None
        if not self.custom_rules and not style:
            return rules
        return {**rules, **(style or {}), **self.custom_rules}

    def rule_ids(self, registry: "Registry | None" = None) -> set[str]:
        """Every rule id this configuration knows: the plugins', the declarative rules' and those of
        every house-style profile (what suppression comments and selectors may name)."""
        ids = set(self.all_rules(registry)) | set(self.custom_rules)
        for rules in self.style_rules.values():
            ids.update(rules)
        return ids

    def style_rule(self, rule_id: str) -> type | None:
        """The class of a house-style rule with this id: the chosen profile's, else any profile's."""
        chosen = self.style_rules.get(self.style) if self.style else None
        if chosen and rule_id in chosen:
            return chosen[rule_id]
        return next((rules[rule_id] for rules in self.style_rules.values() if rule_id in rules), None)

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


class ActiveRule(FrozenRecord):
    rule: "Rule"
    severity: str
    scopes: tuple[str, ...] = ()


def _path_matches(path: str | os.PathLike, pattern: str, root: Path | None) -> bool:
    """Whether a glob matches ``path``: its name, its path relative to ``root``, or a folder above it."""
    from pathlib import Path

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
        (config is not None and any(_matches(rule_id, selector) for rule_id in config.custom_rules)) or \
        (config is not None and any(_matches(rule_id, selector) for rules in config.style_rules.values()
                                    for rule_id in rules))


_SCALARS = frozenset((str, int, float, bool, type(None)))


def _copy_data(value: Any) -> Any:
    """``copy.deepcopy`` of configuration data (what YAML gives: mappings, lists, scalars), made
    several times faster for the shapes it has: every load_config copies the defaults' data."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list:
        return value[:] if _SCALARS.issuperset(map(type, value)) else [_copy_data(item) for item in value]
    if kind is dict or kind is LineDict:
        copied = kind((key, _copy_data(item)) for key, item in value.items())
        if kind is LineDict:  # and the lines of its keys (a dict of numbers), as deepcopy copies them
            copied.__dict__.update({name: _copy_data(item) for name, item in value.__dict__.items()})
        return copied
    import copy  # anything else (rare): importing copy is a start-up cost

    return copy.deepcopy(value)


def _copy_rules(rules: dict[str, RuleSettings]) -> dict[str, RuleSettings]:
    """``copy.deepcopy(rules)``: each rule's settings copied, with their options (``_copy_data``)."""
    copied = {}
    for rule_id, settings in rules.items():
        twin = copied[rule_id] = type(settings).__new__(type(settings))  # copy.copy(settings), then:
        twin.__dict__.update(vars(settings))
        twin.options = _copy_data(settings.options)
    return copied


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
        allowed = [k for k in TOP_LEVEL_KEYS if not (self.nested and k in _NOT_PER_PATH)]
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
            self._apply_house_styles(config)
        if "style" in raw:
            style = raw["style"]
            if not isinstance(style, str) or style not in config.house_styles:
                raise ConfigError(f"unknown house style {style!r} (available: "
                                  f"{', '.join(sorted(config.house_styles))})", path=path,
                                  line=self.line(raw, "style"), key="style")
            config.style = style
        if not any(key in raw for key in ("rule-files", "styles", "custom-rules", "vale-ini")):
            return
        from pathlib import Path

        from newslint import declarative

        base = Path(os.path.abspath(path)).parent if not path.startswith("<") else Path.cwd()
        found: dict[str, type] = {}
        vale = None
        if "vale-ini" in raw:
            entry = raw["vale-ini"]
            if not isinstance(entry, str):
                raise ConfigError("expected the path of a .vale.ini", path=path, line=self.line(raw, "vale-ini"),
                                  key="vale-ini")
            vale = declarative.load_vale_ini(entry, base, source=path, line=self.line(raw, "vale-ini"))
            found.update(vale.rules)
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
        if vale is not None:
            # The .vale.ini says where each rule applies: on for every file ([*]) or only for some
            # (a [*.md] section becomes a per-path section); the `rules:` of this file still override.
            for rule_id, severity in vale.severities.items():
                config.rules[rule_id] = RuleSettings(severity)
            for glob, severities in vale.sections:
                config.per_path.append((glob, {"rules": dict(severities)}, path))

    def _apply_house_styles(self, config: Config) -> None:
        """``house-styles``: profiles of data (``names``, ...) and rules, merged over the shipped ones
        key by key; each profile's ``rules`` become declarative rules (ids ``style/<name>``)."""
        raw, path = self.raw, self.path
        styles = raw["house-styles"]
        if not isinstance(styles, dict):
            raise ConfigError("expected a mapping of style names to data", path=path,
                              line=self.line(raw, "house-styles"), key="house-styles")
        merged = dict(config.house_styles)
        style_rules = dict(config.style_rules)
        for name, profile in styles.items():
            where = f"house-styles.{name}"
            if profile is None:
                profile = {}
            if not isinstance(profile, dict):
                raise ConfigError("expected a mapping (names, rules)", path=path, line=self.line(styles, name),
                                  key=where)
            merged[name] = _deep_merge(merged.get(name) or {}, profile)
            if "rules" in profile:
                from newslint import declarative

                built = declarative.build_rules(profile["rules"], path, prefix="style", key=f"{where}.rules")
                for rule_id in built:
                    if rule_id in self.registry.rules:
                        raise ConfigError(f"rule id {rule_id!r} is a plugin's rule", path=path,
                                          line=self.line(profile["rules"], rule_id), key=f"{where}.rules")
                style_rules[str(name)] = {**style_rules.get(str(name), {}), **built}
        config.house_styles = merged
        config.style_rules = style_rules

    def _apply_rules(self, config: Config) -> None:
        rules, path = self.raw["rules"], self.path
        if not isinstance(rules, dict):
            raise ConfigError("expected a mapping of rule ids", path=path, line=self.line(self.raw, "rules"),
                              key="rules")
        for rule_id, entry in rules.items():
            line = self.line(rules, rule_id)
            rule_class = self.registry.rules.get(rule_id) or config.custom_rules.get(rule_id) \
                or config.style_rule(rule_id)
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


def find_user_config(start: str | os.PathLike) -> Path | None:
    """The nearest .newslint.yaml in ``start`` or a folder above it."""
    # With os.path: pathlib is imported only when there is a file to return.
    start = os.fspath(start)
    folder = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start))
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                from pathlib import Path

                return Path(candidate)
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


_DEFAULT_LAYERS: dict[int, Config] = {}


def _defaults(registry: "Registry") -> Config:
    cached = _DEFAULT_LAYERS.get(id(registry))
    if cached is None:
        path = _default_config_file()
        cached = Config(rules={}, sources=[path])
        _Layer(load_yaml(path), path, registry, lenient=True).apply(cached)
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
        from pathlib import Path

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
