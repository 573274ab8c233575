"""punctuation/foreign-quotes: « » „ ‹ › ‚ in English copy."""

from __future__ import annotations

from newslint import Flag, Pass, Rule
from newslint.quotes import FOREIGN_MARKS

from ._style import english_mark

# White space that typography puts just inside guillemets (« like this »).
_INNER_SPACE = " \t\u00a0\u202f\u2009"
_NAMES = {"«": "a French guillemet", "»": "a French guillemet", "‹": "a single guillemet",
          "›": "a single guillemet", "„": "a German low quotation mark",
          "‚": "a German low quotation mark", "“": "a German closing quotation mark",
          "‘": "a German closing quotation mark"}


def _holds_foreign(text: str) -> bool:
    """Whether the text holds a foreign mark: a search for one character each, at memchr speed."""
    for mark in FOREIGN_MARKS:
        if mark in text:
            return True
    return False


class ForeignQuotes(Rule):
    """Flags quotation marks from other languages' typography in English copy: the
    guillemets « » and ‹ ›, the low marks „ and ‚, and the “ or ‘ that closes a
    German „…“ or ‚…‘ quotation.

    **Why.** English quotes with “ ” and ‘ ’ (or straight " and ' in a
    straight-quote house style). Foreign marks usually arrive with a translated
    quotation or a pasted agency story and look out of place; French copy also
    spaces the text inside guillemets (« comme ceci »), which English does not.

    **Example.** `He called the plan «a disgrace».` becomes
    `He called the plan “a disgrace”.`

    **Fix (safe):** each mark is replaced by the English mark of the same role
    (an opening mark by an opening mark, a closing one by a closing one) in the
    document's own style: curly “ ” ‘ ’ when the document uses curly quotes,
    straight " ' when it uses straight ones. A space just inside the mark
    (« like this ») is removed with it.
    """

    id = "punctuation/foreign-quotes"
    summary = "Guillemets or low quotation marks (« » „ ‹ › ‚) in English copy"
    severity = "warning"
    fix = "safe"
    examples = [
        Flag("He called the plan «a disgrace» on Monday.", "«",
             fixed="He called the plan “a disgrace» on Monday."),
        Flag("He called the plan «a disgrace» on Monday.", "»",
             fixed="He called the plan «a disgrace” on Monday."),
        Flag("The mayor said: « We will rebuild », and left.", "« ",
             fixed="The mayor said: “We will rebuild », and left."),
        Flag("The mayor said: « We will rebuild », and left.", " »",
             fixed="The mayor said: « We will rebuild”, and left."),
        Flag('The "rebels" were told „stay at home“ by the army.', "„",
             fixed='The "rebels" were told "stay at home“ by the army.'),
        Flag("The banner read „Nie wieder“ in red letters.", "“",
             fixed="The banner read „Nie wieder” in red letters."),
        Flag("The word ‹ceasefire› was not used.", "‹", fixed="The word ‘ceasefire› was not used."),
        Pass("He called the plan “a disgrace” on Monday."),
        Pass('He called the plan "a disgrace" on Monday.'),
        Pass("It is the players’ ‘big day’, said the coach."),
        Pass("Shares rose 5% as the index climbed to 7,000 points."),
        Pass("“Hello,” she said."),
    ]

    def check(self, document):
        if not _holds_foreign(document.text):
            return ()  # every finding is a foreign mark, or a “ or ‘ closing a quotation opened by one
        return self._problems(document)

    def _problems(self, document):
        text = document.text
        quotes = document.quotes
        style = quotes.style
        # “ or ‘ closing a German „…“ or ‚…‘ quotation.
        german_closers = {q.close.offset for q in quotes.quotations
                          if q.close is not None and q.open.char in "„‚" and q.close.char in "“‘"}
        claimed = -1  # end of the previous finding, so that two never share a space
        for mark in quotes.marks:
            if mark.char not in FOREIGN_MARKS and mark.offset not in german_closers:
                continue
            paragraph = document.paragraphs[mark.paragraph]
            start, end = mark.offset, mark.offset + 1
            if mark.role == "open":
                while end < paragraph.end and text[end] in _INNER_SPACE:
                    end += 1
                if end == paragraph.end or text[end] in FOREIGN_MARKS:
                    end = mark.offset + 1  # nothing quoted after it: leave the space alone
            else:
                while start > max(paragraph.start, claimed) and text[start - 1] in _INNER_SPACE:
                    start -= 1
                if start == paragraph.start:
                    start = mark.offset
            replacement = english_mark(style, mark.family, mark.role)
            claimed = end
            yield self.problem(
                start, end,
                f"{mark.char} is {_NAMES[mark.char]}: use {replacement} in English copy",
                replacement=replacement,
            )
