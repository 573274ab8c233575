"""What a check produces: findings, fixes and errors. Mirrors the JSON contract (docs/json.md)."""

from __future__ import annotations

from newslint._records import FrozenRecord, Record

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


# Frozen records (newslint._records): what @dataclass(frozen=True, slots=True) made of them, without
# the cost of making dataclasses at every start-up.
class Edit(FrozenRecord):
    """Replace the source text from (line, column) up to (end_line, end_column) with ``text``."""

    __slots__ = ("line", "column", "end_line", "end_column", "text")
    line: int
    column: int
    end_line: int
    end_column: int
    text: str

    def __init__(self, line: int, column: int, end_line: int, end_column: int, text: str) -> None:
        _set = object.__setattr__
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "end_line", end_line)
        _set(self, "end_column", end_column)
        _set(self, "text", text)

    def to_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "text": self.text}


class Fix(FrozenRecord):
    """Edits that resolve a finding. ``safe`` fixes never change meaning."""

    __slots__ = ("safe", "edits")
    safe: bool
    edits: tuple[Edit, ...]

    def __init__(self, safe: bool, edits: tuple[Edit, ...]) -> None:
        _set = object.__setattr__
        _set(self, "safe", safe)
        _set(self, "edits", edits)


class Finding(FrozenRecord):
    __slots__ = ("path", "line", "column", "end_line", "end_column", "rule", "severity", "message",
                 "suggestions", "fix")
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    suggestions: tuple[str, ...]
    fix: Fix | None

    def __init__(self, path: str, line: int, column: int, end_line: int, end_column: int, rule: str,
                 severity: str, message: str, suggestions: tuple[str, ...] = (), fix: Fix | None = None) -> None:
        _set = object.__setattr__
        _set(self, "path", path)
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "end_line", end_line)
        _set(self, "end_column", end_column)
        _set(self, "rule", rule)
        _set(self, "severity", severity)
        _set(self, "message", message)
        _set(self, "suggestions", suggestions)
        _set(self, "fix", fix)

    def to_dict(self) -> dict:
        fix = self.fix
        return {"path": self.path, "line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "rule": self.rule, "severity": self.severity,
                "message": self.message, "suggestions": list(self.suggestions),
                "fix": None if fix is None else {"safe": fix.safe, "edits": [edit.to_dict() for edit in fix.edits]}}

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.end_line, self.end_column, self.rule)


class FileError(FrozenRecord):
    """A file that could not be checked, or a failure while checking it."""

    __slots__ = ("path", "message", "traceback")
    #: The traceback is neither compared nor shown.
    _no_compare = _no_repr = frozenset({"traceback"})
    path: str
    message: str
    #: The Python traceback behind an internal failure (shown with --debug; not in the JSON).
    traceback: str | None

    def __init__(self, path: str, message: str, traceback: str | None = None) -> None:
        _set = object.__setattr__
        _set(self, "path", path)
        _set(self, "message", message)
        _set(self, "traceback", traceback)

    def to_dict(self) -> dict:
        return {"path": self.path, "message": self.message}


class Report(Record):
    """The outcome of checking several files."""

    __slots__ = ("findings", "errors", "files")
    _factories = {"findings": list, "errors": list}
    findings: list[Finding]
    errors: list[FileError]
    files: int

    def __init__(self, findings: list[Finding] | None = None, errors: list[FileError] | None = None,
                 files: int = 0) -> None:
        self.findings = [] if findings is None else findings
        self.errors = [] if errors is None else errors
        self.files = files

    def by_severity(self) -> dict[str, int]:
        counts = dict.fromkeys(SEVERITIES, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    def to_dict(self) -> dict:
        return {
            "version": 1,
            "findings": [finding.to_dict() for finding in self.findings],
            "errors": [error.to_dict() for error in self.errors],
            "summary": {"files": self.files, "findings": len(self.findings),
                        "by_severity": self.by_severity()},
        }
