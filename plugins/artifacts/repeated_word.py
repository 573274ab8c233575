"""artifacts/repeated-word: a word typed twice in a row ("the the")."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import compress, count
from operator import eq

from newslint import Flag, Option, Pass, Rule
from newslint.rule import TextEdit
from newslint.words import paragraph_edges_clean
from newslint.lazyre import REGEX_IGNORECASE, lazy, regex_compile

from ._common import starts_sentence

# A whole word (the document's own token shape: inner apostrophes and hyphens
# join), typed twice, separated only by spaces or tabs or one line break. Each
# side must be a whole word, so "break-in in 1999" and "in in-fighting" are not
# doubles; the possessive quantifiers keep a word from being cut short, and the
# leading \b skips the middles of words quickly.
_WORD_CHAR = r"[\p{L}\p{N}\p{M}]"
_REPEAT = lazy(regex_compile, 
    rf"\b(?<!{_WORD_CHAR}['’\-])"
    r"([\p{L}\p{M}]++(?:['’\-][\p{L}\p{M}]++)*+)"
    r"([ \t]++|[ \t]*+(?:\r\n|\r|\n)[ \t]*+)"
    r"(\1)"
    rf"(?!{_WORD_CHAR})(?!['’\-]{_WORD_CHAR})",
    REGEX_IGNORECASE,
)

# _REPEAT's separator, alone: ``re`` reads these literal characters as ``regex`` does.
_SEPARATOR = re.compile(r"[ \t]+|[ \t]*(?:\r\n|\r|\n)[ \t]*")

# The word just before a match, on the same line.
_WORD_BEFORE = lazy(regex_compile, r"([\p{L}\p{M}]+)[ \t]+$")


class RepeatedWord(Rule):
    """Flags a word written twice in a row, usually an editing slip: "the the", "of of".

    **Why.** A doubled word survives spell-checkers (each word is spelt
    correctly) and reads as carelessness.

    **Example.** "Talks will resume in in March." is flagged; the fix makes it
    "Talks will resume in March."

    **Not flagged:**

    - doubles that English allows: "had had", "that that", "is is" in
      "what it is is", spoken intensifiers ("really really") and
      reduplications such as "bye bye" (the `allowed` option);
    - part of a longer word: "a break-in in May", "in in-fighting";
    - a verb's particle followed by the same preposition: "came in in third
      place", "took over over the summer", "switched on on Monday" (the
      `particles` option, after a word ending in -ed or -ing or one of
      `particle-verbs`);
    - names: a capitalised second word ("Duran Duran", "Walla Walla", the band
      The The in mid-sentence), and a capitalised first word in mid-sentence
      followed by the ordinary word ("fans of Take That that night",
      "Theresa May may").

    **Fix (safe):** delete the second word.
    """

    id = "artifacts/repeated-word"
    summary = "A word typed twice in a row"
    severity = "warning"
    fix = "safe"
    options = {
        "allowed": Option(["had", "that", "is", "do", "bye", "no", "yes", "very", "really", "much", "ha",
                           "la", "knock", "so", "now", "there", "well", "far", "many", "long", "tut", "boo",
                           "chop", "pom", "ta", "tsk", "wah", "yada", "blah", "bla", "go", "hear", "more",
                           "again", "hip", "oh", "ah", "ooh", "hush", "bang", "night", "cha", "choo", "dum",
                           "mahi", "pooh"],
                          "Words whose doubling is correct English (lowercase).", "list"),
        "particles": Option(["in", "on", "off", "over", "up", "out", "down"],
                            "Particles that may end a phrasal verb and then start a phrase: "
                            "“came in in third place”.", "list"),
        "particle-verbs": Option(["come", "comes", "came", "go", "goes", "went", "gone", "get", "gets", "got",
                                  "set", "sets", "put", "puts", "let", "lets", "keep", "keeps", "kept", "hold",
                                  "holds", "held", "bring", "brings", "brought", "take", "takes", "took", "taken",
                                  "give", "gives", "gave", "given", "fall", "falls", "fell", "fallen", "break",
                                  "breaks", "broke", "broken", "run", "runs", "ran", "turn", "turns", "move",
                                  "moves", "step", "steps", "kick", "kicks", "log", "logs", "sign", "signs",
                                  "check", "checks", "stand", "stands", "stood", "sit", "sits", "sat", "pay",
                                  "pays", "paid", "sell", "sells", "sold", "send", "sends", "sent", "cut", "cuts",
                                  "shut", "shuts", "sworn", "grew", "grown", "threw", "thrown", "drew", "drawn",
                                  "won", "hung", "stuck", "dug", "shook", "woke", "spun", "swung", "phase",
                                  "phases", "pass", "passes", "hand", "hands", "call", "calls", "switch",
                                  "switches", "carry", "carries", "tune", "tunes"],
                                 "Verb forms, besides those ending in -ed or -ing, that take a particle.",
                                 "list"),
    }
    examples = [
        Flag("It was the the end of the talks.", "the the", "It was the end of the talks."),
        Flag("The minister said that the the plan was sound.", "the the"),
        Flag("Talks will resume in in March.", "in in", "Talks will resume in March."),
        Flag("The The report was late.", "The The", "The report was late."),
        Flag("Officials said the\nthe budget was agreed.\n\nTalks resume on Monday.", "the\nthe",
             "Officials said the budget was agreed.\n\nTalks resume on Monday."),
        Flag("“We we were surprised,” she said.", "We we", "“We were surprised,” she said."),
        Flag("Prices rose. And and then they fell.", "And and", "Prices rose. And then they fell."),
        Pass("He had had enough of the delays."),
        Pass("She said that that decision was final."),
        Pass("The band Duran Duran played."),
        Pass("The officials said the plan, the budget and the timetable were agreed."),
        Pass("The house was empty after a break-in in May."),
        Pass("Support drained away in in-fighting over the leadership."),
        Pass("Hundreds of fans of Take That that night queued for hours."),
        Pass("Tickets for The The sold out within an hour."),
        Pass("“I was really really nervous,” the singer said."),
        Pass("The crowd waved bye bye to the team bus."),
        Pass("The new rules came in in April."),
        Pass("She finished the race and was handed over over the border."),
    ]

    def setup(self) -> None:
        settings = self.settings
        self._allowed = frozenset(word.lower() for word in settings["allowed"])
        self._particles = frozenset(word.lower() for word in settings["particles"])
        self._particle_verbs = frozenset(word.lower() for word in settings["particle-verbs"])

    def check(self, document):
        candidates = self._candidates(document)
        if candidates is None:
            return self._searched(document)
        return self._tried(document, candidates) if candidates else ()

    def _searched(self, document):
        """Every match in every paragraph."""
        text = document.text
        for paragraph in document.paragraphs:
            for match in _REPEAT.finditer(text, paragraph.start, paragraph.end, overlapped=False):
                problem = self._problem(document, paragraph, match)
                if problem is not None:
                    yield problem

    def _tried(self, document, candidates: list[int]):
        """The matches at the candidates (see _candidates)."""
        text = document.text
        for paragraph in document.paragraphs:
            # Every match starts at a candidate (its first word), so _REPEAT is tried only there: the
            # matches finditer would find, left to right, each search resuming where a match ends.
            low, high = bisect_left(candidates, paragraph.start), bisect_left(candidates, paragraph.end)
            resume = paragraph.start
            for at in candidates[low:high]:
                if at < resume:
                    continue
                match = _REPEAT.match(text, at, paragraph.end)
                if match is None:
                    continue
                resume = match.end()
                problem = self._problem(document, paragraph, match)
                if problem is not None:
                    yield problem

    def _problem(self, document, paragraph, match):
        first = match.group(1)
        if first.lower() in self._allowed or self._is_name(document, match):
            return None
        if first.lower() in self._particles and self._ends_phrasal_verb(document.text, paragraph.start, match):
            return None
        return self.problem(
            match.start(), match.end(),
            f"“{first}” is repeated: delete one",
            edits=[TextEdit(match.end(1), match.end(3), "")],
            suggestions=[first],
        )

    def _candidates(self, document) -> list[int] | None:
        """The start offsets, in order, of the first words of the only pairs _REPEAT can match, read
        off the shared word lists: two neighbouring words, the same word of letters outside
        ``allowed``, with only _REPEAT's separator between them. None when the lists cannot tell
        (then every paragraph is searched).

        A match's two words are whole words of the document's word lists (each starts at a word
        boundary and runs to white space or a word's end), neighbours in them, equal after
        ``str.lower`` when the text is plain (newslint.fastre), and what stands between them is
        _REPEAT's separator. A paragraph window could cut a word short only where a paragraph ends
        inside one, which no parser does; that is checked too. Anything else (other scripts,
        combining marks) is searched with _REPEAT as before.
        """
        words = document.words
        if not words.plain:
            return None
        lower = words.lower
        found = []
        following = lower[1:]
        if any(map(eq, lower, following)):  # one pass in C; rarely true
            text, starts, ends, allowed = document.text, words.starts, words.ends, self._allowed
            for index in compress(count(), map(eq, lower, following)):  # the pairs' indices, in C
                word = lower[index]
                if word not in allowed and not any(char.isdigit() for char in word) and \
                        _SEPARATOR.fullmatch(text, ends[index], starts[index + 1]):
                    found.append(starts[index])
        return found if paragraph_edges_clean(document) else None

    def _ends_phrasal_verb(self, text: str, paragraph_start: int, match: "regex.Match[str]") -> bool:
        """True when the first word is the particle of a phrasal verb: "came in | in April"."""
        before = _WORD_BEFORE.search(text, max(paragraph_start, match.start() - 40), match.start())
        if before is None:
            return False
        verb = before.group(1).lower()
        return verb.endswith(("ed", "ing")) or verb in self._particle_verbs

    @staticmethod
    def _is_name(document, match: "regex.Match[str]") -> bool:
        """True when capitals show the pair is (part of) a name rather than a slip."""
        first, second = match.group(1), match.group(3)
        if not first[0].isupper():
            return False
        at_start = starts_sentence(document, match.start())
        if second[0].isupper():
            if first == second and first.isupper() and len(first) == 1:
                return False  # "I I think"
            # "The The report" opening a sentence is a slip; the band The The elsewhere is a name.
            return not (first.lower() == "the" and at_start)
        # A capitalised word, then the same word in lowercase: a slip at a sentence's
        # start ("The the"), a name followed by the ordinary word elsewhere ("Take That that").
        return not at_start
