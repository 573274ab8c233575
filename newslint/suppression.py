"""Suppression comments: which findings a document's directives silence.

Directives come from the parser (``<!-- newslint-disable … -->`` in Markdown
and HTML). Each names rule ids or plugin prefixes, or nothing for every rule:

- ``disable`` … ``enable``: from the end of one comment to the start of the other;
- ``disable-line``: the source line(s) the comment is on;
- ``disable-next-line``: the line after the one the comment ends on.
"""

from __future__ import annotations

from newslint._records import Record, field

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from newslint.document import Directive, Document
    from newslint.findings import Finding


def _names(rule_id: str, selectors: tuple[str, ...]) -> bool:
    if not selectors:
        return True
    return any(rule_id == s or rule_id.startswith(s.rstrip("/") + "/") for s in selectors)


class _Region(Record):  # records: dataclasses without their start-up cost (newslint._records)
    directive: "Directive"
    start_line: int
    start_column: int
    end_line: int
    end_column: int          # exclusive; a huge number for "to the end of the line"
    used: bool = False


class Suppressions(Record):
    regions: list[_Region] = field(default_factory=list)

    @classmethod
    def of(cls, document: "Document") -> "Suppressions":
        lines = document.lines
        regions: list[_Region] = []
        open_disables: list[tuple["Directive", tuple[int, int]]] = []
        for directive in document.directives:
            start = lines.position(directive.start)
            end = lines.position(directive.end)
            if directive.kind == "disable":
                open_disables.append((directive, end))
            elif directive.kind == "enable":
                still_open = []
                for opened, opened_at in open_disables:
                    closes = not directive.rules or (opened.rules and set(opened.rules) <= set(directive.rules))
                    if closes:
                        regions.append(_Region(opened, *opened_at, *start))
                    else:
                        still_open.append((opened, opened_at))
                open_disables = still_open
            elif directive.kind == "disable-line":
                regions.append(_Region(directive, start[0], 1, end[0], 1 << 30))
            elif directive.kind == "disable-next-line":
                regions.append(_Region(directive, end[0] + 1, 1, end[0] + 1, 1 << 30))
        end_of_text = lines.position(len(document.source))
        for opened, opened_at in open_disables:
            regions.append(_Region(opened, *opened_at, end_of_text[0], 1 << 30))
        return cls(regions)

    def suppresses(self, finding: "Finding") -> bool:
        position = (finding.line, finding.column)
        hit = False
        for region in self.regions:
            if (region.start_line, region.start_column) <= position < (region.end_line, region.end_column) \
                    and _names(finding.rule, region.directive.rules):
                region.used = True
                hit = True
        return hit

    def unused(self) -> list["Directive"]:
        return [region.directive for region in self.regions if not region.used]
