"""Running the enabled rules over documents and turning their problems into findings."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from newslint.config import Config, find_user_config, load_config
from newslint.errors import ConfigError, InputError
from newslint.files import display_path, iter_files, read_source
from newslint.findings import Edit, FileError, Finding, Fix, Report

if TYPE_CHECKING:
    from newslint.document import Document
    from newslint.registry import Registry
    from newslint.rule import Problem, Rule


def findings_for(document: "Document", active: list[tuple["Rule", str]], path: str) -> list[Finding]:
    """Run ``active`` rules over ``document``; positions are in the document's source."""
    findings: set[Finding] = set()
    for rule, severity in active:
        for problem in rule.check(document):
            findings.add(_to_finding(document, problem, rule.id, severity, path))
    return sorted(findings, key=lambda f: f.sort_key)


def _to_finding(document: "Document", problem: "Problem", rule_id: str, severity: str,
                path: str) -> Finding:
    lines = document.lines
    start, end = document.source_span(problem.start, problem.end)
    line, column = lines.position(start)
    end_line, end_column = lines.position(end)
    fix = None
    if problem.edits and all(document.source_map.is_contiguous(e.start, e.end) for e in problem.edits):
        edits = []
        for edit in problem.edits:
            edit_start, edit_end = document.source_span(edit.start, edit.end)
            edits.append(Edit(*lines.position(edit_start), *lines.position(edit_end), edit.text))
        fix = Fix(problem.safe, tuple(edits))
    return Finding(path, line, column, end_line, end_column, rule_id, severity, problem.message,
                   tuple(problem.suggestions), fix)


class ConfigResolver:
    """The configuration for each file: the one given, or the nearest .newslint.yaml."""

    def __init__(self, registry: "Registry", config: Config | None = None,
                 config_path: str | None = None, select: Iterable[str] | None = None,
                 ignore: Iterable[str] = ()) -> None:
        self.registry = registry
        self.select = list(select) if select is not None else None
        self.ignore = list(ignore)
        self._fixed = config
        if config is None and config_path is not None:
            self._fixed = self._load(config_path)
        self._by_file: dict[Path | None, Config] = {}

    def _load(self, path: str | os.PathLike | None) -> Config:
        return load_config(path, registry=self.registry, select=self.select, ignore=self.ignore)

    def for_path(self, path: str | None) -> Config:
        if self._fixed is not None:
            return self._fixed
        found = find_user_config(Path(path) if path else Path.cwd())
        if found not in self._by_file:
            self._by_file[found] = self._load(found)
        return self._by_file[found]


def check_source(text: str, path: str | None, config: Config, registry: "Registry",
                 display: str | None = None) -> list[Finding]:
    """Parse ``text`` (chosen by ``path``'s extension) and check it."""
    document = registry.parser_for(path).parse(text, path)
    return findings_for(document, config.active_rules, display or path or "-")


def check_files(paths: list[str], resolver: ConfigResolver, registry: "Registry") -> Report:
    report = Report()
    extensions = registry.extensions | {".txt", ".md", ".markdown", ".html", ".htm"}

    def is_excluded(path: str) -> bool:
        return resolver.for_path(path).is_excluded(path)

    for path in iter_files(paths, extensions, is_excluded):
        shown = display_path(path)
        try:
            source = read_source(path)
            config = resolver.for_path(path)
        except (InputError, ConfigError) as error:
            report.errors.append(FileError(shown, getattr(error, "reason", str(error))
                                           if isinstance(error, InputError) else str(error)))
            continue
        report.files += 1
        report.findings.extend(check_source(source.text, path, config, registry, shown))
    return report
