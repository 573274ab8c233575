"""punctuation/unbalanced-quotes: quotations never closed, never opened or closed by the wrong mark."""

from __future__ import annotations

from newslint import Flag, Pass, Rule


class UnbalancedQuotes(Rule):
    """Flags a quotation that is opened and never closed in its paragraph, a
    closing mark with no quotation open, and a quotation closed by a mark of
    another kind (“…»).

    **Why.** An unclosed quotation leaves the reader unsure where the speaker's
    words end and the reporter's begin: the difference between a claim and a
    fact. It is usually an editing slip: a sentence cut or moved, or a closing
    mark lost in a paste.

    **Not flagged:** a quotation that runs over several paragraphs, which by
    convention is left open at the end of each paragraph and reopened at the
    start of the next; the same within one paragraph, when a new sentence
    reopens the quotation (copy whose paragraph breaks were lost: `“We will
    stay. “We will fight,” he said.`); a quotation closed after a paragraph
    break made mid-sentence; an unclosed straight single mark (' is also the
    apostrophe, so it cannot be told from one reliably); feet and inches
    (`5' 10"`, a `12"` single).

    **Example.** `“We will not leave, he said.` opens a quotation that never
    closes.

    **Fix:** add the missing mark where the quoted words end, or delete the
    stray one; for a mismatched pair, make both marks the same kind. There is no
    automatic fix: only the writer knows where the quotation ends.
    """

    id = "punctuation/unbalanced-quotes"
    summary = "A quotation never closed, a closing mark never opened, or a mismatched pair"
    severity = "warning"
    fix = None
    examples = [
        Flag("“We will not leave, the mayor said on Monday.", "“"),
        Flag("The mayor said on Monday that they would stay.” Talks resume today.", "”"),
        Flag("“Kursk is ours, he said. »", "“"),
        Flag('She said: "We are not finished, and walked out.', '"'),
        Flag("He called it ‘a farce and left the room.", "‘"),
        Flag("“We will stay,” he said. “The city is ours.\n\nSo the talks ended.", "“"),
        Pass("“We will not leave,” the mayor said. “Not now.”"),
        Pass("“We will not leave.\n\n“The city is ours,” the mayor said."),
        Pass("It was the ’90s: rock ’n’ roll, O’Connell and the troops’ morale."),
        Pass("The 'Big Four' met; the 'rebels were late, the officials' report said."),
        Pass('She said: "He called it \'a farce\' and left."'),
        Pass("The banner read „Nie wieder“ in red letters."),
    ]

    def check(self, document):
        quotes = document.quotes
        for quotation in quotes.quotations:
            opening = quotation.open
            if quotation.close is None:
                if quotation.continues or opening.char == "'":
                    continue
                yield self.problem(
                    opening.offset, opening.offset + 1,
                    f"{opening.char} opens a quotation that is never closed in its paragraph",
                )
            elif quotation.mismatched:
                closing = quotation.close
                line, column = document.position(closing.offset)
                yield self.problem(
                    opening.offset, opening.offset + 1,
                    f"Quotation opened with {opening.char} is closed with {closing.char} "
                    f"at line {line}, column {column}: use matching marks",
                )
        for mark in quotes.stray_closes:
            if mark.char == "'":
                continue
            yield self.problem(mark.offset, mark.offset + 1,
                               f"{mark.char} closes a quotation that was never opened")
