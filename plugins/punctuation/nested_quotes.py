"""punctuation/nested-quotes: double quotation marks inside a double quotation."""

from __future__ import annotations

from operator import attrgetter

from newslint import Flag, Pass, Rule
from newslint.quotes import FOREIGN_MARKS
from newslint.rule import TextEdit

from ._style import english_mark

_PARENT = attrgetter("parent")


def _has_nesting(quotations) -> bool:
    """Whether a quotation has a parent (a quotation is never false), told in C."""
    return any(map(_PARENT, quotations))


class NestedQuotes(Rule):
    """Flags a quotation in double marks inside another quotation in double marks.

    **Why.** English alternates: a quotation within a quotation takes single
    marks (double within single, in British headline style). Doubles inside
    doubles make it impossible to see where each quotation ends.

    **Example.** `“We defeated the “North” group,” he said.` should be
    `“We defeated the ‘North’ group,” he said.`

    **Not flagged:** a double quotation inside one that is never closed: that
    is an unbalanced quotation (see `punctuation/unbalanced-quotes`), not
    nesting. A quotation running over several paragraphs counts as closed.

    **Fix (safe):** the inner pair becomes single marks in the document's
    style (‘ ’ or '). No fix is offered when the inner quotation itself holds
    a single-quoted one, which would then need double marks.
    """

    id = "punctuation/nested-quotes"
    summary = "Double quotation marks inside a double quotation (use single marks)"
    severity = "warning"
    fix = "safe"
    examples = [
        Flag("“We defeated the “North” group,” he said.", "“North”",
             fixed="“We defeated the ‘North’ group,” he said."),
        Flag('"They call it "progress", but it is not," she said.', '"progress"',
             fixed='"They call it \'progress\', but it is not," she said.'),
        Flag("“The so-called “reform” failed.\n\n“It failed again,” he said.", "“reform”"),
        Flag("He said: “I read “War and Peace” twice.”", "“War and Peace”",
             fixed="He said: “I read ‘War and Peace’ twice.”"),
        Pass("“We defeated the ‘North’ group,” he said."),
        Pass("‘Stop the “reform”’, say unions"),
        Pass("“We will stay,” he said. “The city is ours.”"),
        Pass("“We lost, he said. “The city is theirs,” the mayor added."),
        Pass('"We will stay," he said, "and fight."'),
    ]

    def check(self, document):
        if not _has_nesting(document.quotes.quotations):
            return ()  # every finding is a quotation inside another: one with a parent
        return self._problems(document)

    def _problems(self, document):
        quotes = document.quotes
        style = quotes.style
        with_single_inside = {id(q.parent) for q in quotes.quotations
                              if q.parent is not None and q.family == "single"}
        for quotation in quotes.quotations:
            parent = quotation.parent
            if (quotation.family != "double" or quotation.close is None or quotation.mismatched
                    or parent is None or parent.family != "double"):
                continue
            if parent.close is None and (not parent.continues or parent.reopened_at is not None):
                # The outer quotation is unclosed (unbalanced, not nested), or a new
                # sentence reopens it in the same paragraph: it may have lacked its
                # closing mark, so single marks inside may not be the fix.
                continue
            opening, closing = quotation.open, quotation.close
            if opening.char in FOREIGN_MARKS or closing.char in FOREIGN_MARKS:
                continue  # punctuation/foreign-quotes replaces those
            left = english_mark(style, "single", "open")
            right = english_mark(style, "single", "close")
            edits = ()
            if id(quotation) not in with_single_inside:
                edits = (TextEdit(opening.offset, opening.offset + 1, left),
                         TextEdit(closing.offset, closing.offset + 1, right))
            inner = document.text[opening.offset + 1:min(closing.offset, opening.offset + 31)]
            shown = inner if opening.offset + 31 >= closing.offset else inner[:29] + "…"
            yield self.problem(
                opening.offset, closing.offset + 1,
                f"Quotation inside a quotation: use single marks ({left}{shown}{right})",
                edits=edits,
            )
