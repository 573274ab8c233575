"""The contract for output formats (contributed through ``newslint_reporters``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from newslint.findings import Report
    from newslint.registry import Registry


@dataclass
class ReportContext:
    """What a reporter may need besides the findings."""

    registry: "Registry"
    #: The failing threshold ("error", "warning", "info" or "never").
    fail_on: str = "warning"
    #: Whether the output goes to a terminal (colour and the like).
    tty: bool = False
    options: dict = field(default_factory=dict)


class Reporter:
    #: The value of ``--format`` that selects this reporter.
    name: ClassVar[str] = ""
    #: One line, for ``newslint plugins`` and ``--help``.
    summary: ClassVar[str] = ""

    def render(self, report: "Report", context: ReportContext) -> str:
        raise NotImplementedError
