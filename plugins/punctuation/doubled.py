"""punctuation/doubled: a punctuation mark typed twice (,, .. ;; :: !! ??)."""

from __future__ import annotations

from bisect import bisect_left

from newslint import Flag, Pass, Rule
from newslint.lazyre import lazy, regex_compile

from ._scan import mark_spots

# A run of one mark: two or more commas, semicolons, colons, ! or ?; exactly two full
# stops (three or more are an ellipsis).
_DOUBLED = lazy(regex_compile, r"([,;:!?])\1+|(?<!\.)\.\.(?!\.)")
_SPACE = lazy(regex_compile, r"\s")


class Doubled(Rule):
    """Flags a punctuation mark typed twice: `,,` `..` `;;` `::` `!!` `??` (or
    more times).

    **Why.** A doubled mark is a typing or editing slip (a sentence shortened
    and its stop retyped), and `!!` or `??` is shouting that news copy avoids.

    **Not flagged:** an ellipsis (`...` and longer runs of full stops), mixed
    marks such as `?!`, paths and addresses (`../data`, `http://example.com`),
    code such as `std::string`, and ranges such as `1..10`.

    **Example.** `The deal was signed on Monday..` becomes `The deal was signed
    on Monday.`

    **Fix (safe):** keep one mark.
    """

    id = "punctuation/doubled"
    summary = "A punctuation mark typed twice (,, .. ;; :: !! ??)"
    severity = "warning"
    fix = "safe"
    examples = [
        Flag("The deal was signed on Monday..", "..", fixed="The deal was signed on Monday."),
        Flag("Officials said,, however, that talks would resume.", ",,",
             fixed="Officials said, however, that talks would resume."),
        Flag("Who pays for it??", "??", fixed="Who pays for it?"),
        Flag("We won!!! the captain shouted.", "!!!", fixed="We won! the captain shouted."),
        Flag("Three points;; none was agreed.", ";;"),
        Flag("The agenda:: budget, roads and schools.", "::"),
        Pass("And then... nothing happened."),
        Pass("And then.... nothing happened."),
        Pass("You did what?! she asked."),
        Pass("The file is at ../data/report.txt on the server."),
        Pass("See http://example.com/a..b?x=1 for details."),
        Pass("The class is called std::string in the library."),
        Pass("The loop runs over 1..10 in the example."),
    ]

    def check(self, document):
        # Every match holds a mark right after the same mark (not two of an ellipsis, which _DOUBLED
        # skips): a scan of the text, shared with punctuation/space-before, finds them all, and a
        # paragraph without one is not searched (punctuation._scan).
        doubled = mark_spots(document).doubled
        return self._problems(document, doubled) if doubled else ()

    def _problems(self, document, doubled: list[int]):
        text = document.text
        token = (0, 0, False)  # the last token looked at: start, end, is it an address
        for paragraph in document.paragraphs:
            at = bisect_left(doubled, paragraph.start)
            if at == len(doubled) or doubled[at] >= paragraph.end:
                continue
            for match in _DOUBLED.finditer(text, paragraph.start, paragraph.end):
                start, end = match.start(), match.end()
                before = text[start - 1] if start > paragraph.start else " "
                after = text[end] if end < paragraph.end else " "
                run = match.group()
                if before in "/\\" or after in "/\\":
                    continue  # a path: ../data, C:\\..
                if run[0] == ":" and after.isalnum():
                    continue  # std::string, fe80::1
                if run[0] == "." and before.isdigit() and after.isdigit():
                    continue  # a range: 1..10
                if not token[0] <= start < token[1]:
                    token = self._token(text, start, paragraph.start, paragraph.end)
                if token[2]:
                    continue
                yield self.problem(start, end, f"{run} is doubled: keep one {run[0]}",
                                   replacement=run[0])

    @staticmethod
    def _token(text: str, start: int, low: int, high: int) -> tuple[int, int, bool]:
        """The white-space-delimited token at ``start`` (at most 200 characters either
        side) and whether it is a URL or an address."""
        token_start = start
        limit = max(low, start - 200)
        while token_start > limit and not text[token_start - 1].isspace():
            token_start -= 1
        token_end = start
        limit = min(high, start + 200)
        while token_end < limit and not text[token_end].isspace():
            token_end += 1
        token = text[token_start:token_end].lower()
        return token_start, token_end, "://" in token or token.startswith("www.") or "@" in token
