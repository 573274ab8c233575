"""Rules written as data: YAML rule files, Vale styles and the ``custom-rules`` section of a configuration.

A definition is a mapping whose ``extends`` (or ``type``) names one of the
types below; the format is a superset of Vale's for those types (see
docs/custom-rules.md). Each definition becomes a ``Rule`` subclass built here:
the engine still knows no rule, the configuration carries these as data.

    existence      tokens / raw patterns to flag
    substitution   swap: bad → good, case preserved, safe fix
    consistency    either / variants: one spelling per document
    occurrence     too many (max) or too few (min) tokens in a sentence, paragraph, headline or document
    repetition     the same token twice in a row ("the the")
    conditional    first implies second: an acronym used before or without its definition
    capitalization headlines in title case (AP, Chicago) or sentence case
    metric         a named readability formula over the document, with a threshold

User patterns are compiled with the ``regex`` module and run with a time
limit; nothing in a rule file is ever evaluated or imported.
"""

from __future__ import annotations

import re
import sys

from newslint import fastre
from newslint.errors import ConfigError
from newslint.isolation import RuleTimeout
from newslint.lazyre import REGEX_IGNORECASE, REGEX_V0, checked_regexes, lazy, regex, regex_compile
from newslint.patterns import trie_pattern
from newslint.rule import Problem, Rule

TYPE_CHECKING = False  # the shipped house styles load this module on every run: no typing or pathlib
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, Iterable

TYPES = ("existence", "substitution", "consistency", "occurrence", "repetition", "conditional",
         "capitalization", "metric")
UNSUPPORTED = ("spelling", "sequence", "script", "readability")
LEVELS = {"suggestion": "info", "info": "info", "warning": "warning", "error": "error"}
#: Seconds a rule's patterns may spend on one document before the rule is stopped.
TIMEOUT = 1.0
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*")
# Vale's block scopes, as newslint scopes (newslint.scopes); "text", "raw", "sentence" and
# "paragraph" apply everywhere.
_SCOPES = {"heading": ("heading", "headline"), "title": ("headline",), "list": ("list",),
           "table": ("table",), "blockquote": ("quote",), "headline": ("headline",),
           "caption": ("caption",), "body": ("body",)}
_CHAR_PATTERNS = {" ": r"\s+"}
_warned: set[str] = set()


class PatternTimeout(RuleTimeout):
    """A declarative rule's user pattern ran past ``TIMEOUT`` on a document: an error, not a finding."""


def warn_once(message: str) -> None:
    """A warning on standard error, printed once per run."""
    if message not in _warned:
        _warned.add(message)
        print(f"newslint: warning: {message}", file=sys.stderr)


# -- loading ------------------------------------------------------------------
def load_rule_paths(paths: Iterable[str], base: Path, *, source: str, line: int | None) -> dict[str, type[Rule]]:
    """Rules from rule files and folders (``rule-files``), relative to ``base``."""
    from newslint.yamlfile import load_yaml

    rules: dict[str, type[Rule]] = {}
    for entry in paths:
        path = (base / entry).resolve()
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix in (".yml", ".yaml"))
        elif path.is_file():
            files = [path]
        else:
            raise ConfigError(f"no rule file or folder {entry!r}", path=source, line=line, key="rule-files")
        for file in files:
            raw = load_yaml(file)
            if isinstance(raw, dict) and ("extends" in raw or "type" in raw):
                rule_id = str(raw.get("id") or f"custom/{file.stem}")
                rules.update(build_rules({rule_id: raw}, str(file)))
            elif isinstance(raw, dict):
                rules.update(build_rules(raw, str(file)))
            elif raw is not None:
                raise ConfigError("a rule file must be a rule (with `extends`) or a mapping of rule ids",
                                  path=str(file), line=1)
    return rules


def load_styles(paths: Iterable[str], base: Path, *, source: str, line: int | None) -> dict[str, type[Rule]]:
    """Rules from Vale style folders (``styles``): ``Style/Rule.yml`` becomes ``vale/Style.Rule``."""
    from newslint.yamlfile import load_yaml

    rules: dict[str, type[Rule]] = {}
    for entry in paths:
        folder = (base / entry).resolve()
        if not folder.is_dir():
            raise ConfigError(f"no style folder {entry!r}", path=source, line=line, key="styles")
        for file in sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml")):
            raw = load_yaml(file)
            if not isinstance(raw, dict):
                raise ConfigError("a Vale rule must be a mapping", path=str(file), line=1)
            rules.update(build_rules({f"vale/{folder.name}.{file.stem}": raw}, str(file)))
    return rules


class ValeIni:
    """What newslint takes from a ``.vale.ini``: the rules of the styles it names (``rules``), their
    severities for every file (``severities``, from ``[*]``), and per-glob severities for its other
    sections (``sections``: ``[*.md]`` and the like)."""

    __slots__ = ("rules", "severities", "sections")

    def __init__(self, rules: dict[str, type[Rule]], severities: dict[str, str],
                 sections: list[tuple[str, dict[str, str]]]) -> None:
        self.rules = rules
        self.severities = severities
        self.sections = sections


_VALE_SWITCH = {"no": "off", "yes": None, "suggestion": "info", "warning": "warning", "error": "error"}
_SEVERITY_RANK = {"off": -1, "info": 0, "warning": 1, "error": 2}
_GLOBAL = "\0global"


def load_vale_ini(entry: str, base: Path, *, source: str, line: int | None) -> ValeIni:
    """A Vale configuration (``vale-ini``): ``StylesPath``, ``MinAlertLevel``, and in each section
    ``BasedOnStyles`` and ``Style.Rule = NO|YES|suggestion|warning|error``. It is read as data with
    configparser; any other setting is reported on standard error and ignored."""
    import configparser  # only for a configuration that names a .vale.ini

    path = (base / entry).resolve()
    if not path.is_file():
        raise ConfigError(f"no .vale.ini at {entry!r}", path=source, line=line, key="vale-ini")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read {entry!r}: {error}", path=source, line=line, key="vale-ini") from None
    parser = configparser.ConfigParser(interpolation=None, strict=False, default_section="\0defaults",
                                       comment_prefixes=("#", ";"), inline_comment_prefixes=None)
    parser.optionxform = str  # rule names are case-sensitive (MyStyle.Rule)
    try:
        parser.read_string(f"[{_GLOBAL}]\n" + text, source=str(path))
    except configparser.Error as error:
        where = getattr(error, "lineno", None) or next(iter(getattr(error, "errors", None) or []), (None,))[0]
        raise ConfigError("not a valid .vale.ini (expected key = value lines under [glob] sections)",
                          path=str(path), line=where - 1 if where else None) from None
    ini = str(path)

    def line_of(section: str, key: str) -> int | None:
        current = _GLOBAL
        for number, raw in enumerate(text.splitlines(), 1):
            stripped = raw.strip()
            if stripped.startswith("[") and stripped.endswith("]"):
                current = stripped[1:-1].strip()
            elif current == section and stripped.split("=", 1)[0].strip() == key:
                return number
        return None

    styles_path: Path | None = None
    minimum: str | None = None
    for key, value in parser[_GLOBAL].items():
        if key.lower() == "stylespath":
            styles_path = (path.parent / value.strip()).resolve()
        elif key.lower() == "minalertlevel":
            minimum = LEVELS.get(value.strip().lower())
            if minimum is None:
                raise ConfigError("MinAlertLevel must be suggestion, warning or error", path=ini,
                                  line=line_of(_GLOBAL, key), key=key)
        else:
            warn_once(f"{ini}: {key} is not supported; ignored")
    # Each section: the styles it bases itself on and its rule switches, in file order.
    sections: list[tuple[str, list[str], dict[str, str]]] = []
    for header in parser.sections():
        name = header.strip()
        if name == _GLOBAL:
            continue
        if name.lower() == "formats" or not name:
            warn_once(f"{ini}: [{name}] is not supported; ignored")
            continue
        based: list[str] = []
        switches: dict[str, str] = {}
        for key, value in parser[header].items():
            if key.lower() == "basedonstyles":
                based += [s.strip() for s in value.split(",") if s.strip()]
            elif "." in key and not key.startswith("."):
                switch = value.strip().lower()
                if switch not in _VALE_SWITCH:
                    raise ConfigError("a rule is set to NO, YES, suggestion, warning or error", path=ini,
                                      line=line_of(name, key), key=f"[{name}] {key}")
                switches[key] = switch
            else:
                warn_once(f"{ini}: [{name}] {key} is not supported; ignored")
        sections.append((name, based, switches))
    # The styles named anywhere, loaded once from StylesPath (Vale's built-in style is not a folder).
    rules: dict[str, type[Rule]] = {}
    by_style: dict[str, list[str]] = {}
    wanted = [s for _, based, _ in sections for s in based] + \
             [k.split(".", 1)[0] for _, _, switches in sections for k in switches]
    for style in dict.fromkeys(wanted):
        if style == "Vale":
            warn_once(f"{ini}: Vale's built-in style (Vale.Spelling, Vale.Terms, ...) is not supported; skipped")
            continue
        named = next((n for n, based, _ in sections if style in based), None)
        where = line_of(named, "BasedOnStyles") if named else None
        if styles_path is None:
            raise ConfigError(f"StylesPath is not set, so style {style!r} cannot be found", path=ini, line=where)
        folder = styles_path / style
        if not folder.is_dir():
            if named is None:  # only a rule switch names it
                warn_once(f"{ini}: no style folder {style!r} in {styles_path}; its rule settings are ignored")
                continue
            raise ConfigError(f"no style folder {style!r} in StylesPath ({styles_path})", path=ini, line=where,
                              key="BasedOnStyles")
        loaded = load_styles([str(folder)], base, source=ini, line=where)
        rules.update(loaded)
        by_style[style] = list(loaded)

    def severities(based: list[str], switches: dict[str, str], section: str) -> dict[str, str]:
        result = {rule_id: rules[rule_id].severity for style in based for rule_id in by_style.get(style, [])}
        for key, switch in switches.items():
            rule_id = f"vale/{key}"
            if rule_id not in rules:
                if key.split(".", 1)[0] in by_style:
                    warn_once(f"{ini}: [{section}] {key}: no such rule (or its type is not supported); ignored")
                continue
            result[rule_id] = _VALE_SWITCH[switch] or rules[rule_id].severity
        if minimum is not None:
            result = {rule_id: "off" if _SEVERITY_RANK[level] < _SEVERITY_RANK[minimum] else level
                      for rule_id, level in result.items()}
        return result

    everywhere = {rule_id: "off" for rule_id in rules}  # a rule applies where a section turns it on
    per_glob: list[tuple[str, dict[str, str]]] = []
    for name, based, switches in sections:
        levels = severities(based, switches, name)
        if name == "*":
            everywhere.update(levels)
        elif levels:
            per_glob += [(glob, levels) for glob in _expand_braces(name)]
    return ValeIni(rules, everywhere, per_glob)


def _expand_braces(glob: str) -> list[str]:
    """Vale's ``*.{md,txt}`` as the globs ``*.md`` and ``*.txt``."""
    match = re.search(r"\{([^{}]*)\}", glob)
    if match is None:
        return [glob]
    return [expanded for choice in match.group(1).split(",")
            for expanded in _expand_braces(glob[:match.start()] + choice.strip() + glob[match.end():])]


def build_rules(definitions: Any, source: str, *, prefix: str = "custom",
                key: str = "custom-rules") -> dict[str, type[Rule]]:
    """Rule classes from a mapping of id → definition; unsupported types are skipped with a warning.

    An id without a ``/`` gets ``prefix`` (``custom/``; a house-style profile's rules get ``style/``).
    """
    if not isinstance(definitions, dict):
        raise ConfigError("expected a mapping of rule ids to definitions", path=source, key=key)
    rules: dict[str, type[Rule]] = {}
    for name, definition in definitions.items():
        line = definitions.line_of(name) if hasattr(definitions, "line_of") else None
        rule_id = str(name)
        if "/" not in rule_id:
            rule_id = f"{prefix}/{rule_id}"
        if not _ID.fullmatch(rule_id):
            raise ConfigError("a rule id is plugin/name (letters, digits, . _ -)", path=source, line=line,
                              key=rule_id)
        if not isinstance(definition, dict):
            raise ConfigError("expected a rule definition (a mapping with `extends`)", path=source, line=line,
                              key=rule_id)
        kind = str(definition.get("extends") or definition.get("type") or "")
        if kind in UNSUPPORTED or kind not in TYPES:
            warn_once(f"{source}: rule {rule_id}: type {kind or '(none)'!r} is not supported; rule skipped")
            continue
        rules[rule_id] = _make_class(rule_id, kind, definition, source, line)
    return rules


def _make_class(rule_id: str, kind: str, definition: dict, source: str, line: int | None) -> type[Rule]:
    def fail(reason: str, key: str | None = None) -> ConfigError:
        where = definition.line_of(key) if key and hasattr(definition, "line_of") else line
        return ConfigError(reason, path=source, line=where or line, key=f"{rule_id}.{key}" if key else rule_id)

    level = str(definition.get("level", definition.get("severity", "warning")))
    if level not in LEVELS:
        raise fail("level must be suggestion, info, warning or error", "level")
    base = _BASES[kind]
    action = definition.get("action") or {}
    fix = base.default_fix
    if isinstance(action, dict) and action.get("name") in ("remove", "replace", "edit"):
        fix = "unsafe" if fix is None else fix
    scope = definition.get("scope", "text")
    scopes: tuple[str, ...] = ()
    for name in ([scope] if isinstance(scope, str) else scope if isinstance(scope, list) else []):
        name = str(name)
        negate = name.startswith("~")
        for mapped in _SCOPES.get(name.lstrip("~"), ()):
            scopes += ("~" + mapped if negate else mapped,)
    message = str(definition.get("message") or definition.get("description") or f"{rule_id} ({kind})")
    link = str(definition.get("link") or "")
    cited = str(definition.get("source") or "")  # where a house rule comes from (a style guide entry)
    doc = (f"{definition.get('description') or message}\n\n**Type:** {kind}, defined in `{source}`."
           + (f"\n\n**Source:** {cited}" if cited else "")
           + (f"\n\n**Link:** {link}" if link else "")
           + f"\n\n**Fix:** {fix or 'none'} (a declarative rule).")
    summary = _format(message, *["…"] * message.count("%s"))
    attrs = {"id": rule_id, "summary": summary[:120], "severity": LEVELS[level], "fix": fix,
             "scopes": scopes, "examples": [], "__doc__": doc, "definition": definition, "source": source,
             "link": link, "options": {}}
    cls = type(f"Declarative_{kind}", (base,), attrs)
    try:
        cls.compile_definition(definition)
    except (regex.error, ValueError, TypeError) as error:
        raise fail(f"invalid {kind} rule: {error}") from None
    return cls


# -- matching helpers ------------------------------------------------------------
def _literal(token: str) -> bool:
    return not re.search(r"[\\.^$*+?{}\[\]|()]", token)


def _trie(words: list[str]) -> str:
    """One alternation, factored as a trie (one pass however many words)."""
    return trie_pattern(words, _CHAR_PATTERNS)


def _alternation(tokens: list[str], ignorecase: bool) -> str:
    """Literal tokens as one trie, regex tokens as alternatives beside it."""
    literals = [t for t in tokens if _literal(t)]
    patterns = [t for t in tokens if not _literal(t)]
    if ignorecase:
        literals = sorted({t.lower() for t in literals})
    parts = ([_trie(literals)] if literals else []) + [f"(?:{p})" for p in patterns]
    return "|".join(parts) if parts else r"(?!x)x"


def _wrapped(body: str, nonword: bool) -> str:
    return body if nonword else rf"(?<![\p{{L}}\p{{N}}_])(?:{body})(?![\p{{L}}\p{{N}}_])"


def _wrap(body: str, nonword: bool, ignorecase: bool) -> "regex.Pattern[str]":
    return _compile(_wrapped(body, nonword), REGEX_IGNORECASE | REGEX_V0 if ignorecase else REGEX_V0)


def _compile(pattern: str, flags: int = 0) -> "regex.Pattern[str]":
    # Checked now, compiled on first use when known valid (newslint.lazyre): loading the default
    # configuration then needs no ``regex`` at all.
    return checked_regexes([(pattern, flags)])[0]


# -- whole-text gates --------------------------------------------------------------
# A gate is what every match of a rule's pattern needs the text to hold: alternatives, each a tuple
# of strings that must all be in the text (each a run of literal characters the match consumes). A
# text holding none of the alternatives cannot match, so the rule need not run its pattern there.
# The gate is read from the definition by the small reader below, which knows only the syntax it
# can read exactly and gives up (no gate: the pattern is always run) on anything else.

#: Alternatives of a gate beyond which a concatenation keeps only its left part (a weaker test).
_GATE_LIMIT = 16
#: Escapes that match one character or none of a class, never a fixed string: no literal.
_CLASS_ESCAPES = frozenset("dDsSwWbBAZzmM")
#: Escapes that stand for one control character.
_CHAR_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_QUANTIFIER = re.compile(r"[*+?]|\{\d*(?:,\d*)?\}")


class _GiveUp(Exception):
    """Syntax the gate reader does not know: the pattern gets no gate."""


def _pattern_gate(pattern: str) -> list[tuple[str, ...]] | None:
    """The gate of a ``regex`` pattern (see above), or None when it cannot be told or is empty.

    Literal characters of the pattern's own sequence and of its groups count; what lookarounds,
    classes, escapes of classes and quantified atoms hold does not (a quantified atom may match
    nothing). Inline flags, back-references, conditionals, fuzzy matching (``{e<=1}``), nested sets
    and any escape other than a class's or a punctuation character's give up."""
    try:
        gate, end = _read_alternation(pattern, 0)
    except _GiveUp:
        return None
    if end != len(pattern) or any(not conjunction for conjunction in gate):
        return None  # an unmatched ")", or an alternative that needs nothing
    return gate


def _read_alternation(pattern: str, i: int) -> tuple[list[tuple[str, ...]], int]:
    gate, i = _read_sequence(pattern, i)
    while i < len(pattern) and pattern[i] == "|":
        more, i = _read_sequence(pattern, i + 1)
        gate = gate + more  # either branch may match: either's needs
    if any(not conjunction for conjunction in gate):
        gate = [()]
    return gate, i


def _then(gate: list[tuple[str, ...]], more: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The gate of a sequence: each alternative of ``gate`` with each of ``more``."""
    joined = [left + right for left in gate for right in more]
    return joined if len(joined) <= _GATE_LIMIT else gate  # dropping a need only weakens the test


def _read_sequence(pattern: str, i: int) -> tuple[list[tuple[str, ...]], int]:
    gate: list[tuple[str, ...]] = [()]
    run: list[str] = []  # the literal characters read last, in a row

    def flush() -> None:
        nonlocal gate
        if run:
            gate = _then(gate, [("".join(run),)])
            run.clear()

    n = len(pattern)
    while i < n:
        char = pattern[i]
        if char in "|)":
            break
        atom: list[tuple[str, ...]] | None = None  # an atom's gate (None: a literal character, in run)
        if char == "\\":
            if i + 1 >= n:
                raise _GiveUp
            escaped = pattern[i + 1]
            if not escaped.isalnum():  # "\." is a full stop
                run.append(escaped)
                i += 2
            elif escaped in _CHAR_ESCAPES:
                run.append(_CHAR_ESCAPES[escaped])
                i += 2
            elif escaped in _CLASS_ESCAPES:
                atom, i = [()], i + 2
            elif escaped in "pP":  # \p{Lu} or \pL
                if pattern.startswith("{", i + 2):
                    close = pattern.find("}", i + 2)
                    if close < 0:
                        raise _GiveUp
                    i = close + 1
                else:
                    i += 3
                atom = [()]
            else:  # \x41, \1, \N{...}, \L<list>, \K, \G ...
                raise _GiveUp
        elif char == "[":
            i += 1
            if pattern.startswith("^", i):
                i += 1
            if pattern.startswith("]", i):
                i += 1
            while i < n and pattern[i] != "]":
                if pattern[i] == "[":  # a POSIX class or a nested set
                    raise _GiveUp
                i += 2 if pattern[i] == "\\" else 1
            if i >= n:
                raise _GiveUp
            atom, i = [()], i + 1
        elif char == "(":
            if pattern.startswith("?", i + 1):
                head = pattern[i + 2:i + 4]
                if head[:1] == ":":
                    look, i = False, i + 3
                elif head in ("<=", "<!") or head[:1] in ("=", "!"):
                    look, i = True, i + (4 if head[:1] == "<" else 3)
                elif head[:1] == "<" or head == "P<":
                    close = pattern.find(">", i)
                    if close < 0:
                        raise _GiveUp
                    look, i = False, close + 1
                else:  # flags, comments, atomic and branch-reset groups, conditionals, (?P=name) ...
                    raise _GiveUp
            else:
                look, i = False, i + 1
            inner, i = _read_alternation(pattern, i)
            if i >= n or pattern[i] != ")":
                raise _GiveUp
            i += 1
            atom = [()] if look else inner  # a lookaround consumes nothing it checks
        elif char in "*+?{":
            raise _GiveUp  # a quantifier of nothing, or a brace that is no quantifier (fuzzy matching)
        elif char in ".^$":
            atom, i = [()], i + 1
        else:
            run.append(char)
            i += 1
        quantifier = _QUANTIFIER.match(pattern, i)
        if quantifier is not None:
            i = quantifier.end()
            if pattern.startswith(("?", "+"), i):  # lazy or possessive
                i += 1
            if atom is None:
                run.pop()  # a quantified character may be missing
            atom = [()]
        elif pattern.startswith("{", i):
            raise _GiveUp
        if atom is not None:
            flush()
            gate = _then(gate, atom)
    flush()
    return gate, i


_UNSEEN = object()
#: Where a document's text in lowercase is kept once made (for the gates of rules that ignore case).
_LOWER_KEY = "_newslint_declarative_lower"


def _gate_text(document, ignorecase: bool) -> str | None:
    """The text a gate is tested on, or None when no gate can be tested on this document.

    Ignoring case, ``regex`` pairs the same letters as ``str.lower`` on plain text (newslint.fastre):
    where a match ignoring case holds a literal, the text in lowercase holds the literal in
    lowercase. Other text has no gate."""
    if not ignorecase:
        return document.text
    cached = document.__dict__.get(_LOWER_KEY)
    if cached is None:
        if not fastre.plain(document):
            return None
        cached = document.__dict__[_LOWER_KEY] = fastre.lowercase(document.text)
    return cached


def _fewest(gate: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The same gate without the alternatives another implies: a text holding each needle of
    ("US.",) holds ("US",), so ("US",) alone tells the same."""
    kept = list(dict.fromkeys(gate))
    for needles in list(kept):
        if any(other != needles and all(any(need in needle for needle in needles) for need in other)
               for other in kept):
            kept.remove(needles)
    return kept


def _passes(gate: list[tuple[str, ...]] | None, text: str | None) -> bool:
    """False only when ``text`` holds none of the gate's alternatives."""
    return gate is None or text is None or any(all(needle in text for needle in needles) for needles in gate)


def _format(message: str, *values: str) -> str:
    """Vale's message template: each ``%s`` takes the next value (or nothing), ``%%`` is a ``%``, and
    any other ``%`` stands as written ("the % sign")."""
    parts = message.replace("%%", "\0").split("%s")
    filled = list(values)[:len(parts) - 1] + [""] * (len(parts) - 1 - len(values))
    return (parts[0] + "".join(value + part for value, part in zip(filled, parts[1:]))).replace("\0", "%")


def _same_case(replacement: str, written: str) -> str:
    if written.isupper() and len(written) > 1 and not replacement.isupper():
        return replacement.upper()
    if written[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class DeclarativeRule(Rule):
    """A rule built from a YAML definition (see newslint.declarative)."""

    default_fix = None
    definition: dict = {}
    source = ""
    link = ""

    @classmethod
    def compile_definition(cls, definition: dict) -> None:
        """Validate and compile the definition once per class (per configuration)."""

    def setup(self) -> None:
        d = self.definition
        self.message = str(d.get("message") or self.summary)
        self.ignorecase = bool(d.get("ignorecase", False))
        self.nonword = bool(d.get("nonword", False))
        exceptions = d.get("exceptions") or []
        self.exceptions = {str(e).lower() if self.ignorecase else str(e) for e in exceptions}
        action = d.get("action") or {}
        self.action = action if isinstance(action, dict) else {}

    def excepted(self, text: str) -> bool:
        return (text.lower() if self.ignorecase else text) in self.exceptions

    def check(self, document):
        try:
            problems = list(self.run(document))
        except TimeoutError:
            # Not a finding: the run's fault isolation records it as an error naming the rule and
            # file (exit code 2), and every other rule still runs (newslint.isolation).
            raise PatternTimeout(f"a regular expression ran past its limit of {TIMEOUT:g} s on this file "
                                 f"and was stopped (check the rule's patterns in {self.source})") from None
        yield from problems

    def run(self, document) -> Iterable[Problem]:
        raise NotImplementedError

    def finditer(self, pattern, text: str, start: int = 0, end: int | None = None):
        return pattern.finditer(text, start, len(text) if end is None else end, timeout=TIMEOUT)

    def action_edit(self, start: int, end: int, written: str) -> str | None:
        name = self.action.get("name")
        params = self.action.get("params") or []
        if name == "remove":
            return ""
        if name == "replace" and params:
            return str(params[0])
        if name == "edit" and len(params) >= 3 and params[0] == "regex":
            return regex.sub(str(params[1]), str(params[2]), written, timeout=TIMEOUT)
        return None


class Existence(DeclarativeRule):
    @classmethod
    def compile_definition(cls, d):
        tokens = [str(t) for t in (d.get("tokens") or [])]
        raw = "".join(str(r) for r in (d.get("raw") or []))
        if not tokens and not raw:
            raise ValueError("needs `tokens` or `raw`")
        ignorecase = bool(d.get("ignorecase", False))
        parts = []
        if tokens:
            parts.append(_wrapped(_alternation(tokens, ignorecase), bool(d.get("nonword"))))
        if raw:
            parts.append(f"(?:{raw})")
        cls.pattern = _compile("|".join(parts), REGEX_IGNORECASE if ignorecase else 0)

    def run(self, document):
        text = document.text
        for match in self.finditer(self.pattern, text):
            written = match.group()
            if not written or self.excepted(written):
                continue
            replacement = self.action_edit(match.start(), match.end(), written)
            yield self.problem(match.start(), match.end(), _format(self.message, written),
                               replacement=replacement)


class Substitution(DeclarativeRule):
    default_fix = "safe"

    @classmethod
    def compile_definition(cls, d):
        swap = d.get("swap")
        if not isinstance(swap, dict) or not swap:
            raise ValueError("needs a `swap` map of bad → good")
        ignorecase = bool(d.get("ignorecase", False))
        cls.literal = {}
        regexes = []
        for bad, good in swap.items():
            bad, good = str(bad), str(good)
            if _literal(bad):
                cls.literal.setdefault(" ".join(bad.split()).lower() if ignorecase else " ".join(bad.split()), good)
            else:
                regexes.append((bad, good))
        cls.regex_goods = {f"_k{i}": good for i, (_, good) in enumerate(regexes)}
        parts = [_alternation(list(cls.literal), ignorecase)] if cls.literal else []
        parts += [f"(?P<_k{i}>{bad})" for i, (bad, _) in enumerate(regexes)]
        cls.pattern = _wrap("|".join(parts), bool(d.get("nonword")), ignorecase)
        # The gate (see _pattern_gate): a literal key's words (the trie takes any white space between
        # them), or what a pattern needs. Ignoring case, it is tested on the text in lowercase, so only
        # plain needles in lowercase (_gate_text).
        gate: list[tuple[str, ...]] | None = [tuple(key.split(" ")) for key in cls.literal]
        for bad, _ in regexes:
            needs = _pattern_gate(bad)
            if needs is None:
                gate = None
                break
            gate += needs
        if gate and ignorecase:
            gate = [tuple(needle.lower() for needle in needles) for needles in gate]
            if not all(fastre.is_plain(needle) for needles in gate for needle in needles):
                gate = None
        cls.gate = _fewest(gate) if gate else None

    def setup(self) -> None:
        super().setup()
        # What a match makes, by its group and text (_outcome): the same for every match alike, and
        # most matches are alike ("US", again and again).
        self._outcomes: dict[tuple[str | None, str], tuple | None] = {}
        self._group_names = tuple(self.regex_goods)

    def run(self, document):
        text = document.text
        if self.gate is not None and not _passes(self.gate, _gate_text(document, self.ignorecase)):
            return
        names, outcomes = self._group_names, self._outcomes
        for match in self.finditer(self.pattern, text):
            written = match.group()
            if not written:
                continue
            # The first of the patterns' groups that took part (None: a literal key matched).
            if len(names) == 1:
                group = names[0] if match.group(names[0]) is not None else None
            else:
                group = next((name for name, value in zip(names, match.group(*names)) if value is not None),
                             None) if names else None
            key = (group, written)
            outcome = outcomes.get(key, _UNSEEN)
            if outcome is _UNSEEN:
                if len(outcomes) >= 4096:  # texts of many forms: start again rather than grow
                    outcomes.clear()
                outcome = outcomes[key] = self._outcome(group, written)
            if outcome is not None:
                message, replacement, choices = outcome
                yield self.problem(match.start(), match.end(), message, replacement=replacement,
                                   suggestions=choices)

    def _outcome(self, group: str | None, written: str) -> tuple[str, str | None, tuple[str, ...]] | None:
        """The message, fix and suggestions for a match of ``group`` (see run) reading ``written``;
        None when it is not flagged."""
        if self.excepted(written):
            return None
        if group is not None:
            good = self.regex_goods[group]
        else:
            key = " ".join(written.split())
            good = self.literal.get(key.lower() if self.ignorecase else key)
            if good is None:
                return None
        choices = tuple(_same_case(g.strip(), written) for g in good.split("|"))
        if written in choices:
            return None
        # The message shows the match without the white space a pattern may take in (" per cent").
        return (_format(self.message, " or ".join(choices), written.strip()),
                choices[0] if len(choices) == 1 else None, choices)


class Consistency(DeclarativeRule):
    @classmethod
    def compile_definition(cls, d):
        groups: list[tuple[list[str], str | None]] = []
        for key, value in (d.get("either") or {}).items():
            groups.append(([str(key)] + [str(v) for v in (value if isinstance(value, list) else [value])], None))
        for entry in d.get("variants") or []:
            if isinstance(entry, dict):
                preferred = str(entry["preferred"]) if entry.get("preferred") else None
                forms = [str(f) for f in entry.get("forms") or []]
                groups.append((([preferred] if preferred else []) + forms, preferred))
            elif isinstance(entry, list):
                groups.append(([str(f) for f in entry], None))
        if not groups:
            raise ValueError("needs `either` or `variants`")
        ignorecase = bool(d.get("ignorecase", False))
        cls.groups = []
        for forms, preferred in groups:
            pattern = _wrap("|".join(f"(?P<_v{i}>{f if not _literal(f) else regex.escape(f)})"
                                     for i, f in enumerate(forms)), bool(d.get("nonword")), ignorecase)
            cls.groups.append((forms, preferred, pattern))

    def run(self, document):
        text = document.text
        for forms, preferred, pattern in self.groups:
            seen: list[tuple[int, int, int]] = []
            for match in self.finditer(pattern, text):
                index = int(match.lastgroup[2:])
                seen.append((index, match.start(), match.end()))
            used = [index for index, _, _ in seen]
            if preferred is not None:
                reference = 0
            elif len(set(used)) > 1:
                reference = used[0]  # the form the document uses first
            else:
                continue
            for index, start, end in seen:
                if index != reference:
                    written = text[start:end]
                    yield self.problem(start, end, _format(self.message, written, forms[reference]),
                                       replacement=_same_case(forms[reference], written) if self.fix else None,
                                       suggestions=[forms[reference]])


class Occurrence(DeclarativeRule):
    @classmethod
    def compile_definition(cls, d):
        if "max" not in d and "min" not in d:
            raise ValueError("needs `max` or `min`")
        cls.limit_max = int(d["max"]) if "max" in d else None
        cls.limit_min = int(d["min"]) if "min" in d else None
        token = str(d.get("token") or r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")
        cls.pattern = _compile(token, REGEX_IGNORECASE if d.get("ignorecase") else 0)
        cls.unit = str(d.get("scope", "sentence")) if not isinstance(d.get("scope"), list) else "sentence"

    def units(self, document):
        if self.unit == "sentence":
            return [(s.start, s.end) for s in document.sentences]
        if self.unit in ("paragraph", "heading", "headline", "title"):
            wanted = {"paragraph": None, "heading": ("heading", "headline")}.get(self.unit, ("headline",))
            return [(p.start, p.end) for p in document.paragraphs if wanted is None or p.scope in wanted]
        return [(0, len(document.text))]

    def run(self, document):
        text = document.text
        for start, end in self.units(document):
            matches = list(self.finditer(self.pattern, text, start, end))
            count = len(matches)
            if self.limit_max is not None and count > self.limit_max:
                first, last = matches[0].start(), matches[-1].end()
                yield self.problem(first, last, _format(self.message, str(count)))
            elif self.limit_min is not None and count < self.limit_min and text[start:end].strip():
                yield self.problem(start, end, _format(self.message, str(count)))


class Repetition(DeclarativeRule):
    @classmethod
    def compile_definition(cls, d):
        tokens = [str(t) for t in (d.get("tokens") or [r"[^\s]+"])]
        cls.pattern = _compile("|".join(f"(?:{t})" for t in tokens), REGEX_IGNORECASE if d.get("ignorecase") else 0)
        cls.alpha = bool(d.get("alpha", False))

    def run(self, document):
        text = document.text
        for paragraph in document.paragraphs:
            previous = None
            for match in self.finditer(self.pattern, text, paragraph.start, paragraph.end):
                word = match.group()
                if self.alpha and not word.isalpha():
                    previous = None
                    continue
                same = previous is not None and (previous.group().lower() == word.lower() if self.ignorecase
                                                 else previous.group() == word)
                if same and not text[previous.end():match.start()].strip() and not self.excepted(word):
                    yield self.problem(previous.start(), match.end(), _format(self.message, word),
                                       replacement=previous.group() if self.fix else None)
                previous = match


class Conditional(DeclarativeRule):
    @classmethod
    def compile_definition(cls, d):
        if not d.get("first") or not d.get("second"):
            raise ValueError("needs `first` and `second`")
        flags = REGEX_IGNORECASE if d.get("ignorecase") else 0
        cls.first, cls.second = checked_regexes([(str(d["first"]), flags), (str(d["second"]), flags)])
        cls.before = bool(d.get("before", True))

    def run(self, document):
        text = document.text
        defined: dict[str, int] = {}
        for match in self.finditer(self.second, text):
            key = match.group(1) if match.re.groups else match.group()
            if key is not None:
                defined.setdefault(key, match.start())
        for match in self.finditer(self.first, text):
            key = match.group(1) if match.re.groups and match.group(1) is not None else match.group()
            if self.excepted(key):
                continue
            where = defined.get(key)
            if where is None or (self.before and match.end() <= where):
                start, end = match.span(1) if match.re.groups and match.group(1) is not None else match.span()
                yield self.problem(start, end, _format(self.message, key))


_MINOR_AP = frozenset("a an and as at but by for from in into nor of off on onto or out over per so the to up "
                      "via vs with yet".split())
_MINOR_AP = frozenset(w for w in _MINOR_AP if len(w) <= 3)
_MINOR_CHICAGO = frozenset("a an and as at but by for from in into nor of on onto or over per so the to up "
                           "via vs with yet".split())
_WORD = lazy(regex_compile, r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")  # compiled on first use


class Capitalization(DeclarativeRule):
    @classmethod
    def compile_definition(cls, d):
        match = str(d.get("match", "$title"))
        if match not in ("$title", "$sentence", "$lower", "$upper"):
            raise ValueError("`match` must be $title, $sentence, $lower or $upper")
        cls.match = match
        cls.style = str(d.get("style", "AP")).lower()
        cls.indicators = [str(i) for i in (d.get("indicators") or [":"])]

    def setup(self) -> None:
        super().setup()
        self.exception_words = {str(e) for e in (self.definition.get("exceptions") or [])}

    def expected(self, words: list[str]) -> list[str]:
        minor = _MINOR_CHICAGO if self.style == "chicago" else _MINOR_AP
        out = []
        for index, word in enumerate(words):
            if word in self.exception_words or (word.isupper() and len(word) > 1):
                out.append(word)
            elif self.match == "$upper":
                out.append(word.upper())
            elif self.match == "$lower":
                out.append(word.lower())
            elif index == 0 or (out and out[-1].endswith(tuple(self.indicators))):
                out.append(word[:1].upper() + word[1:])
            elif self.match == "$sentence":
                out.append(word if word[:1].islower() or word.lower() != word and word[1:] != word[1:].lower()
                           else word.lower())
            elif word.lower() in minor and index != len(words) - 1:
                out.append(word.lower())
            else:
                out.append(word[:1].upper() + word[1:])
        return out

    def run(self, document):
        text = document.text
        paragraphs = [p for p in document.paragraphs if p.scope in ("headline", "heading")] \
            if not self.scopes else document.paragraphs
        for paragraph in paragraphs:
            heading = text[paragraph.start:paragraph.end].strip()
            if not heading:
                continue
            words = heading.split()
            if self.match == "$sentence":
                # A capitalised word after the first may be a name: only flag it when listed words disagree.
                bad = [w for i, w in enumerate(words) if i and w[:1].isupper() and not w.isupper()
                       and w.strip(".,:;!?'’\"“”") not in self.exception_words
                       and not words[i - 1].endswith(tuple(self.indicators))]
                wrong = bool(bad) and len(bad) * 2 >= len(words) - 1 or not words[0][:1].isupper() \
                    and words[0][:1].isalpha()
            else:
                wrong = self.expected(words) != words
            if wrong:
                start = paragraph.start + text[paragraph.start:paragraph.end].index(heading)
                yield self.problem(start, start + len(heading), _format(self.message, heading))


def _syllables(word: str) -> int:
    word = word.lower()
    groups = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
        groups -= 1
    return max(1, groups)


def readability(text: str, sentences: int) -> dict[str, float]:
    """The named formulas a metric rule may use, computed from counts (no user expressions)."""
    words = _WORD.findall(text)
    count = max(1, len(words))
    sentences = max(1, sentences)
    syllables = sum(_syllables(w) for w in words)
    complex_words = sum(1 for w in words if _syllables(w) >= 3)
    letters = sum(len(w) for w in words)
    return {
        "flesch-reading-ease": 206.835 - 1.015 * count / sentences - 84.6 * syllables / count,
        "flesch-kincaid": 0.39 * count / sentences + 11.8 * syllables / count - 15.59,
        "gunning-fog": 0.4 * (count / sentences + 100 * complex_words / count),
        "coleman-liau": 0.0588 * (100 * letters / count) - 0.296 * (100 * sentences / count) - 15.8,
        "words-per-sentence": count / sentences,
    }


_FORMULAS = ("flesch-reading-ease", "flesch-kincaid", "gunning-fog", "coleman-liau", "words-per-sentence")
_CONDITION = re.compile(r"\s*(<=|>=|<|>|==)\s*(-?\d+(?:\.\d+)?)\s*")
_COMPARE = {"<": float.__lt__, ">": float.__gt__, "<=": float.__le__, ">=": float.__ge__, "==": float.__eq__}


class Metric(DeclarativeRule):
    @classmethod
    def compile_definition(cls, d):
        formula = str(d.get("formula", "")).strip()
        if formula not in _FORMULAS:
            raise ValueError(f"`formula` must name one of: {', '.join(_FORMULAS)} (no expressions)")
        condition = _CONDITION.fullmatch(str(d.get("condition", "")))
        if condition is None:
            raise ValueError("`condition` must be a comparison with a number, e.g. '> 8'")
        cls.formula = formula
        cls.operator, cls.threshold = condition.group(1), float(condition.group(2))

    def run(self, document):
        text = document.text
        if not _WORD.search(text):
            return
        value = readability(text, len(document.sentences))[self.formula]
        if _COMPARE[self.operator](float(value), self.threshold):
            first = _WORD.search(text)
            yield self.problem(first.start(), first.end(), _format(self.message, f"{value:.2f}"))


_BASES: dict[str, type[DeclarativeRule]] = {
    "existence": Existence, "substitution": Substitution, "consistency": Consistency,
    "occurrence": Occurrence, "repetition": Repetition, "conditional": Conditional,
    "capitalization": Capitalization, "metric": Metric,
}
