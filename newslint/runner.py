"""Running the enabled rules over documents and turning their problems into findings."""

from __future__ import annotations

import gc
import os

from newslint._records import Record
from newslint.config import Config, find_user_config, load_config
from newslint.errors import ConfigError, InputError
from newslint.files import (DEFAULT_EXTENSIONS, SNIFF_BYTES, SourceText, WalkedPath, decode, display_path, iter_files,
                            looks_binary, read_bytes)
from newslint.builder import PLACEHOLDER
from newslint.isolation import MalformedProblem, RuleTimer, component_failure, rule_failure
from newslint.rule import Problem
from newslint.findings import Edit, FileError, Finding, Fix, Report
from newslint.registry import default_registry
from newslint.scopes import ScopeIndex
from newslint.suppression import Suppressions

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Iterable, Iterator

    from newslint.document import Document
    from newslint.registry import Registry
    from newslint.rule import Problem


UNKNOWN_RULE_IN_COMMENT = "newslint/unknown-rule-in-comment"
UNUSED_DISABLE = "newslint/unused-disable"


def findings_for(document: "Document", config: Config, path: str, *,
                 report_unused_disables: bool = False, errors: list[FileError] | None = None) -> list[Finding]:
    """Run the configuration's rules over ``document``; positions are in the document's source.

    Problems outside a rule's scopes and findings silenced by suppression
    comments are dropped; comments naming unknown rules are reported, and
    disables that silenced nothing too when ``report_unused_disables``.

    With an ``errors`` list, a rule that raises, runs past the configuration's
    ``rule-timeout`` or returns a malformed problem becomes an error entry
    naming the plugin, rule and file, and the other rules still run; without
    one, the failure propagates.
    """
    findings: set[Finding] = set()
    scopes = ScopeIndex(document)
    length = len(document.text)
    with RuleTimer(config.rule_timeout) as timer:  # each rule's own time budget
        for active in config.active_rules:
            rule = active.rule
            found: list[Finding] = []
            try:
                timer.start()
                try:
                    for problem in rule.check(document):
                        if not isinstance(problem, Problem) or not 0 <= problem.start <= problem.end <= length \
                                or any(not 0 <= e.start <= e.end <= length for e in problem.edits):
                            raise MalformedProblem(f"returned a malformed problem: {problem!r:.200}")
                        if active.scopes and not scopes.applies(active.scopes, problem.start):
                            continue
                        found.append(_to_finding(document, problem, rule.id, active.severity, path))
                finally:
                    timer.stop()
            except Exception as error:  # a faulty rule never takes the run down
                if errors is None:
                    raise
                errors.append(rule_failure(path, rule, error))
                continue  # what a failing rule found before failing is not trusted
            findings.update(found)
    if document.directives:
        findings = _apply_suppressions(document, findings, config, path, report_unused_disables)
    return sorted(findings, key=lambda f: f.sort_key)


def _apply_suppressions(document, findings, config, path, report_unused):
    suppressions = Suppressions.of(document)
    kept = {f for f in findings if not suppressions.suppresses(f)}
    known = config.rule_ids(config.registry or default_registry())  # declarative and house-style rules too
    for directive in document.directives:
        for selector in directive.rules:
            if not any(r == selector or r.startswith(selector.rstrip("/") + "/") for r in known):
                kept.add(_directive_finding(document, directive, path, UNKNOWN_RULE_IN_COMMENT,
                                            f"Unknown rule or plugin “{selector}” in a newslint comment"))
    if report_unused:
        for directive in suppressions.unused():
            kept.add(_directive_finding(document, directive, path, UNUSED_DISABLE,
                                        "This newslint-disable comment silences nothing: remove it"))
    return kept


def _directive_finding(document, directive, path, rule_id, message) -> Finding:
    lines = document.lines
    return Finding(path, *lines.position(directive.start), *lines.position(directive.end), rule_id,
                   "warning", message)


def _to_finding(document: "Document", problem: "Problem", rule_id: str, severity: str,
                path: str) -> Finding:
    lines = document.lines
    start, end = document.source_span(problem.start, problem.end)
    line, column = lines.position(start)
    end_line, end_column = lines.position(end)
    fix = None
    if problem.edits:
        edits = []
        for edit in problem.edits:
            span = document.source_map.editable_span(edit.start, edit.end)
            if span is None or PLACEHOLDER in document.text[edit.start:edit.end]:
                edits = []  # a fix that would change markup is never offered
                break
            edit_start, edit_end, decoded = span
            replacement = encode_like_source(edit.text, document.source[edit_start:edit_end]) if decoded else edit.text
            edits.append(Edit(*lines.position(edit_start), *lines.position(edit_end), replacement))
        if edits:
            fix = Fix(problem.safe, tuple(edits))
    return Finding(path, line, column, end_line, end_column, rule_id, severity, problem.message,
                   tuple(problem.suggestions), fix)


def encode_like_source(text: str, source: str) -> str:
    """Write ``text`` as the source wrote what it replaces: HTML entities stay entities."""
    if "&" not in source:
        return text
    from html.entities import codepoint2name

    return "".join(ch if ch.isascii() and ch not in "&<>" else
                   f"&{codepoint2name[ord(ch)]};" if ord(ch) in codepoint2name else f"&#{ord(ch)};"
                   for ch in text)


class ConfigResolver:
    """The configuration for each file: the one given, or the nearest .newslint.yaml."""

    def __init__(self, registry: "Registry", config: Config | None = None,
                 config_path: str | None = None, select: Iterable[str] | None = None,
                 ignore: Iterable[str] = (), *, lasting: bool = False) -> None:
        self.registry = registry
        #: The configurations live as long as the process (a command-line run): each, once loaded, is
        #: moved out of the cyclic collector's way (``gc.freeze``), never to be walked again.
        self.lasting = lasting
        self.select = list(select) if select is not None else None
        self.ignore = list(ignore)
        self._fixed = config
        if config is None and config_path is not None:
            self._fixed = self._load(config_path)
        self._by_file: dict[Path | None, Config] = {}
        #: Folder → the configuration file found for it (one search per folder, not per file).
        self._by_folder: dict[str, Path | None] = {}
        #: A walked file's folder as written in its path → its configuration (see for_path).
        self._by_walked_folder: dict[str, Config] = {}

    def _load(self, path: str | os.PathLike | None) -> Config:
        # Loading allocates much and frees little (a large house dictionary is tens of thousands of
        # objects): the cyclic collector is held off meanwhile, as during a check.
        with _CollectorHeldOff():
            config = load_config(path, registry=self.registry, select=self.select, ignore=self.ignore)
            if self.lasting:
                gc.freeze()
            return config

    def set_up_rules(self, config: Config) -> None:
        """Set ``config``'s rules up now, if not yet (they are otherwise on first use); for ``lasting``
        configurations, with the collector held off and what they made then frozen, as in ``_load``
        (a large house dictionary's tables are tens of thousands of objects)."""
        if not self.lasting or "active_rules" in config.__dict__:
            return
        with _CollectorHeldOff():
            config.active_rules
            gc.freeze()

    def for_path(self, path: str | None) -> Config:
        """The configuration for ``path``, its per-path sections applied."""
        return self._before_per_path(path).for_file(path)

    def excludes(self, path: str) -> bool:
        """Whether ``path``'s configuration excludes it from the check. ``exclude`` is never set in a
        per-path section: the configuration before them decides, without deriving the per-path one."""
        return self._before_per_path(path).is_excluded(path)

    def _before_per_path(self, path: str | None) -> Config:
        if self._fixed is not None:
            return self._fixed
        if type(path) is WalkedPath:
            # A file the walk found (a thousand in a folder, say): its folder's configuration is
            # looked up once, by the folder as the paths write it, without a system call per file.
            folder = os.path.dirname(path)
            config = self._by_walked_folder.get(folder)
            if config is None:
                config = self._by_walked_folder[folder] = self._for_folder(os.path.abspath(folder or os.curdir))
            return config
        folder = os.path.abspath(path) if path else os.getcwd()
        if not os.path.isdir(folder):
            folder = os.path.dirname(folder)
        return self._for_folder(folder)

    def _for_folder(self, folder: str) -> Config:
        """The configuration of the files in ``folder`` (an absolute path), before per-path sections."""
        found = self._by_folder.get(folder, False)
        if found is False:
            found = self._by_folder[folder] = find_user_config(folder)
        if found not in self._by_file:
            self._by_file[found] = self._load(found)
        return self._by_file[found]


def check_source(text: str, path: str | None, config: Config, registry: "Registry",
                 display: str | None = None, *, report_unused_disables: bool = False,
                 errors: list[FileError] | None = None) -> list[Finding]:
    """Parse ``text`` (chosen by ``path``'s extension) and check it.

    With an ``errors`` list, a failing parser or rule is recorded there and
    the check goes on as far as it can; without one, the failure propagates.
    """
    shown = display or path or "-"
    parser = registry.parser_for(path, formats=config.formats)
    # A check allocates many short-lived objects and few cycles: the cyclic collector is held off
    # until it ends (then, as usual, it runs when its thresholds say), rather than walking every
    # live object again and again meanwhile.
    with _CollectorHeldOff():
        try:
            document = parser.parse(text, path, config.parser_options.get(parser.name, {}))
        except Exception as error:
            if errors is None:
                raise
            errors.append(component_failure(shown, "parser", parser.name, error))
            return []
        return findings_for(document, config, shown, report_unused_disables=report_unused_disables, errors=errors)


class _CollectorHeldOff:
    """Within the block, the cyclic garbage collector does not run (if it was on, it is on again
    after). A class rather than contextlib's decorator: contextlib costs an import at start-up."""

    __slots__ = ("_collecting",)

    def __enter__(self) -> None:
        self._collecting = gc.isenabled()
        if self._collecting:
            gc.disable()

    def __exit__(self, *exc) -> None:
        if self._collecting:
            gc.enable()


class Input(Record):  # records: dataclasses without their start-up cost (newslint._records)
    """One file (or standard input) to check: where it is, how to show it, and its text."""

    path: str | None          # None for standard input without --stdin-filename
    shown: str
    source: SourceText
    raw: bytes | None         # the bytes read, for files (to detect changes before writing)
    config: Config


def iter_inputs(paths: list[str], resolver: ConfigResolver, registry: "Registry",
                errors: list[FileError]) -> Iterator[Input]:
    """Each readable file under ``paths`` with its configuration; unreadable ones go to ``errors``."""
    for path in iter_paths(paths, resolver, registry):
        item = read_input(path, resolver, errors)
        if item is not None:
            yield item


def iter_paths(paths: list[str], resolver: ConfigResolver, registry: "Registry") -> Iterator[str]:
    """The files under ``paths`` to check, in order (excluded ones left out)."""
    extensions = registry.extensions | set(DEFAULT_EXTENSIONS)
    return iter_files(paths, extensions, resolver.excludes, sniff=False)  # read_input skips binary files


def read_input(path: str, resolver: ConfigResolver, errors: list[FileError]) -> Input | None:
    """One file read and decoded, with its configuration; None (and an entry in ``errors``) when
    it cannot be checked."""
    shown = display_path(path)
    try:
        config = resolver.for_path(path)
        walked = type(path) is WalkedPath  # found in a folder: a binary file is skipped, as if not found
        size = os.path.getsize(path) if os.path.isfile(path) else 0
        if config.max_file_size and size > config.max_file_size:
            if walked and looks_binary(path):
                return None
            raise InputError(path, f"is {size:,} bytes, over the limit of {config.max_file_size:,} "
                                   f"(max-file-size in the configuration)")
        raw = read_bytes(path)
        if walked and b"\0" in raw[:SNIFF_BYTES]:
            return None
        source = decode(raw, shown)
    except InputError as error:
        errors.append(FileError(shown, error.reason))
        return None
    except ConfigError as error:
        errors.append(FileError(shown, str(error)))
        return None
    return Input(path, shown, source, raw, config)


def check_files(paths: list[str], resolver: ConfigResolver, registry: "Registry", *,
                report_unused_disables: bool = False) -> Report:
    report = Report()
    for item in iter_inputs(paths, resolver, registry, report.errors):
        report.files += 1
        report.findings.extend(check_source(item.source.text, item.path, item.config, registry, item.shown,
                                            report_unused_disables=report_unused_disables, errors=report.errors))
    return report
