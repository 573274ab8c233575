"""artifacts/repeated-word: a word typed twice in a row ("the the")."""

from __future__ import annotations

import regex

from newslint import Flag, Option, Pass, Rule

# Two identical words separated only by spaces or tabs (a line break counts too).
_REPEAT = regex.compile(r"\b(\p{L}+)([ \t]+|[ \t]*\r?\n[ \t]*)(\1)\b", regex.IGNORECASE)


class RepeatedWord(Rule):
    """Flags a word written twice in a row, usually an editing slip: "the the", "of of".

    **Why.** A doubled word survives spell-checkers (each word is spelt
    correctly) and reads as carelessness.

    **Not flagged:** doubles that English allows or that are names: "had had",
    "that that", "is is" in "what it is is", reduplications such as "bye bye",
    and capitalised doubles ("Duran Duran", "Walla Walla"). The list is the
    `allowed` option.

    **Fix (safe):** delete the second word.
    """

    id = "artifacts/repeated-word"
    summary = "A word typed twice in a row"
    severity = "warning"
    fix = "safe"
    options = {
        "allowed": Option(["had", "that", "is", "do", "bye", "no", "yes", "very", "ha", "la", "knock",
                           "so", "now", "there", "well", "far", "many", "long", "tut", "boo", "chop",
                           "pom", "ta", "tsk", "wah", "yada", "blah", "go", "hear", "more", "again"],
                          "Words whose doubling is correct English (lowercase).", "list"),
    }
    examples = [
        Flag("It was the the end of the talks.", "the the", "It was the end of the talks."),
        Flag("The minister said that the the plan was sound.", "the the"),
        Flag("Talks will resume in in March.", "in in", "Talks will resume in March."),
        Flag("The The report was late.", "The The"),
        Pass("He had had enough of the delays."),
        Pass("She said that that decision was final."),
        Pass("The band Duran Duran played."),
        Pass("The officials said the plan, the budget and the timetable were agreed."),
    ]

    def setup(self) -> None:
        self._allowed = frozenset(word.lower() for word in self.settings["allowed"])

    def check(self, document):
        text = document.text
        for paragraph in document.paragraphs:
            for match in _REPEAT.finditer(text, paragraph.start, paragraph.end, overlapped=False):
                first, second = match.group(1), match.group(3)
                if first.lower() in self._allowed:
                    continue
                if second[0].isupper() and not (first == second and first.isupper() and len(first) == 1):
                    if not (first[0].isupper() and second[0].isupper() and first.lower() == "the"):
                        continue  # names: Duran Duran, Walla Walla
                yield self.problem(
                    match.start(), match.end(),
                    f"“{first}” is repeated: delete one",
                    edits=[self._edit(match)],
                    suggestions=[first],
                )

    @staticmethod
    def _edit(match):
        from newslint.rule import TextEdit

        return TextEdit(match.end(1), match.end(3), "")
