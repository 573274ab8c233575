"""The contract for output formats (contributed through ``newslint_reporters``)."""

from __future__ import annotations

from newslint._records import Record, field

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from typing import ClassVar

    from newslint.findings import Report
    from newslint.positions import LineIndex
    from newslint.registry import Registry


class ReportContext(Record):  # records: dataclasses without their start-up cost (newslint._records)
    """What a reporter may need besides the findings."""

    registry: "Registry"
    #: The failing threshold ("error", "warning", "info" or "never").
    fail_on: str = "warning"
    #: Whether the output goes to a terminal (colour and the like).
    tty: bool = False
    options: dict = field(default_factory=dict)
    #: The text each finding's positions refer to, by the finding's ``path`` (the
    #: path as shown). The check command fills it for files with findings only
    #: (references to texts already in memory); formats that quote the source
    #: (``full``, ``html``) and fingerprints read it through :meth:`lines`.
    sources: dict[str, str] = field(default_factory=dict)
    #: Every file checked, as shown, in order (clean ones too: ``junit``, ``html``).
    checked: list[str] = field(default_factory=list)
    _indexes: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def source(self, path: str) -> str | None:
        """The source text of ``path`` (as findings show it), or None when it is not known."""
        return self.sources.get(path)

    def lines(self, path: str) -> "LineIndex | None":
        """A (cached) line index over ``path``'s source, or None when the source is not known."""
        if path not in self._indexes:
            text = self.sources.get(path)
            if text is None:
                return None
            from newslint.positions import LineIndex

            self._indexes[path] = LineIndex(text)
        return self._indexes[path]


class Reporter:
    #: The value of ``--format`` that selects this reporter.
    name: ClassVar[str] = ""
    #: One line, for ``newslint plugins`` and ``--help``.
    summary: ClassVar[str] = ""

    def render(self, report: "Report", context: ReportContext) -> str:
        raise NotImplementedError
