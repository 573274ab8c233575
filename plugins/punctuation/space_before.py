"""punctuation/space-before: white space before , . ; : ! ? or a closing quotation mark."""

from __future__ import annotations

from bisect import bisect_left

from newslint import Flag, Pass, Rule
from newslint.quotes import FOREIGN_MARKS, STRAIGHT_MARKS
from newslint.rule import TextEdit

from ._scan import mark_spots, spaced_closing_quote

# Spaces or tabs (never a line break) before a punctuation mark.
_SPACE = " \t\u00a0\u202f\u2009"
# What may follow a colon or semicolon in a smiley: :) ;-) :( :'( :] :| :/ :*
_SMILEY_NEXT = frozenset(")(-'[]|/\\*^")


class SpaceBefore(Rule):
    """Flags white space before a comma, full stop, semicolon, colon, exclamation
    or question mark, or before a closing quotation mark: `the agency RIA .`,
    `on Monday , officials said`, `“We will stay ” he said`.

    **Why.** English sets these marks tight against the word they follow. A
    space before them is a typing slip, or a leftover of a deleted word, and at
    a line end it can strand the mark at the start of the next line.

    **Not flagged:** an ellipsis (`and then ... nothing`, `and then … nothing`),
    a mark followed by a letter or digit (`.5`, `.com`, `.NET`, `:30`), smileys
    (`:)`, `;-)`), a mark at the start of a line, and straight quotation marks,
    which open and close alike. Space inside a guillemet is left to
    `punctuation/foreign-quotes`, which removes it with the mark.

    **Fix (safe):** delete the white space.
    """

    id = "punctuation/space-before"
    summary = "A space before , . ; : ! ? or a closing quotation mark"
    severity = "warning"
    fix = "safe"
    examples = [
        Flag("The figures came from the agency RIA .", " .", fixed="The figures came from the agency RIA."),
        Flag("On Monday , officials said the talks had failed.", " ,",
             fixed="On Monday, officials said the talks had failed."),
        Flag("Why would they leave ? Nobody knows.", " ?", fixed="Why would they leave? Nobody knows."),
        Flag("Three things matter :\tprice, speed and trust.", " :"),
        Flag("“We will stay ” he said.", " ”", fixed="“We will stay” he said."),
        Flag("He said ‘never ’ twice.", " ’", fixed="He said ‘never’ twice."),
        Pass("And then ... nothing happened."),
        Pass("And then … nothing happened."),
        Pass("The rate fell to 0 .5% while the site moved to .com and Microsoft's .NET."),
        Pass("She ended her message with a smiley :) and a wink ;-)"),
        Pass("Rock ’n’ roll came back in the ’90s, the troops’ morale too."),
        Pass('He said "no " and left.'),
        Pass("The list ran over two lines\n, which was odd."),
        Pass("The talks failed, officials said. Nobody knows why: the sides will not say!"),
    ]

    def check(self, document):
        # Every mark of , . ; : ! ? right after a space, in order: a scan of the text shared with
        # punctuation/doubled (punctuation._scan). Every finding on a quotation mark is a space
        # before ” or ’ (the only closing marks looked at): one search for each shows whether to
        # look at the quotation marks at all.
        spaced = mark_spots(document).spaced
        quotes = spaced_closing_quote(document.text)
        return self._problems(document, spaced, quotes) if spaced or quotes else ()

    def _problems(self, document, spaced: list[int], quotes: bool):
        text = document.text
        # The spaced marks in a paragraph are the ones it looks at (a mark at its very start, whose
        # space lies before it, is skipped below either way).
        for paragraph in document.paragraphs if spaced else ():
            for mark_at in spaced[bisect_left(spaced, paragraph.start):bisect_left(spaced, paragraph.end)]:
                start = mark_at
                while start > paragraph.start and text[start - 1] in _SPACE:
                    start -= 1
                if start == paragraph.start or text[start - 1].isspace():
                    continue  # the start of a paragraph or of a line
                if self._allowed(text, start, mark_at, paragraph.end):
                    continue
                yield self._problem(start, mark_at, text[mark_at])
        for mark in document.quotes.marks if quotes else ():
            if (mark.role != "close" or mark.char in STRAIGHT_MARKS or mark.char in FOREIGN_MARKS
                    or mark.char in "“‘"):
                continue  # straight marks are ambiguous; foreign ones (and German “) are another rule's
            paragraph = document.paragraphs[mark.paragraph]
            start = mark.offset
            while start > paragraph.start and text[start - 1] in _SPACE:
                start -= 1
            if start == mark.offset or start == paragraph.start or text[start - 1].isspace():
                continue
            after = text[mark.offset + 1] if mark.offset + 1 < paragraph.end else " "
            if after.isalnum():
                continue
            yield self._problem(start, mark.offset, mark.char)

    def _problem(self, start: int, mark_at: int, mark: str):
        # The edit deletes only the white space, so that it never overlaps the fix of
        # another rule on the mark itself (",," is punctuation/doubled's).
        return self.problem(start, mark_at + 1, f"Space before {mark}: delete it",
                            edits=[TextEdit(start, mark_at, "")], suggestions=[mark])

    @staticmethod
    def _allowed(text: str, start: int, mark_at: int, end: int) -> bool:
        mark = text[mark_at]
        after = text[mark_at + 1] if mark_at + 1 < end else " "
        if after.isalnum():
            return True  # .5, .com, .NET, :30
        if mark == ".":
            if after == "." or text[start - 1] in ".…":
                return True  # an ellipsis: ... or . . .
            if text[mark_at + 1:mark_at + 3] == " .":
                return True  # the first point of a spaced ellipsis
        if mark in ":;" and after in _SMILEY_NEXT:
            return True  # :) ;-) :(
        if mark == ":" and text[start - 1].isdigit() and text[mark_at + 1:mark_at + 3].strip()[:1].isdigit():
            return True  # a ratio or score: 3 : 1
        return False
