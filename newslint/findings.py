"""What a check produces: findings, fixes and errors. Mirrors the JSON contract (docs/json.md)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the source text from (line, column) up to (end_line, end_column) with ``text``."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that resolve a finding. ``safe`` fixes never change meaning."""

    safe: bool
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None

    def to_dict(self) -> dict:
        data = asdict(self)
        data["suggestions"] = list(self.suggestions)
        if self.fix is not None:
            data["fix"] = {"safe": self.fix.safe, "edits": [asdict(edit) for edit in self.fix.edits]}
        return data

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.end_line, self.end_column, self.rule)


@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be checked, or a failure while checking it."""

    path: str
    message: str
    #: The Python traceback behind an internal failure (shown with --debug; not in the JSON).
    traceback: str | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict:
        return {"path": self.path, "message": self.message}


@dataclass(slots=True)
class Report:
    """The outcome of checking several files."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files: int = 0

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
