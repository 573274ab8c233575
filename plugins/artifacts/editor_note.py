"""artifacts/editor-note: a placeholder or a note between editors left in the copy ("TK", "[CHECK]")."""

from __future__ import annotations

import regex

from newslint import Flag, Option, Pass, Rule
from newslint.fastre import is_plain
from newslint.lazyre import lazy

from ._common import compile_patterns, required_literals, sentence_span, starts_sentence

# A bracketed note: [CHECK figures], [TK], [LINK TO COME]. One line, short.
_BRACKET = lazy(regex.compile, r"\[([^\[\]\r\n]{1,120})\]")
# What may follow a lowercase note word inside the brackets: "[check?]", "[link: ...]".
_SEPARATORS = ":?!-–—/.,;"
_WORD_CHAR = r"[\p{L}\p{N}\p{M}_]"
# The share of capital letters above which a paragraph is set in capitals (a headline).
_CAPITALS_SHARE = 0.6
# The word after a placeholder (past opening quotes or brackets) and the word before it.
_NEXT_WORD = lazy(regex.compile, r"[ \t]+[\"'“‘(\[]*([\p{L}\p{N}][\p{L}\p{N}\p{M}]*)")
_WORD_BEFORE = lazy(regex.compile, r"([\p{L}\p{M}][\p{L}\p{M}.'’]*)[ \t]+$")


class EditorNote(Rule):
    """Flags a placeholder or a note between editors that was meant to be
    resolved before publication: "TK" (to come), "TKTK", "XXX", "[CHECK
    figures]", "[LINK]", "[TO COME]", "[FACT CHECK]", "[NEEDS SOURCE]",
    "[[…]]", "{{name}}", "lorem ipsum", "NOTE TO EDITORS:".

    **Why.** Each marks a fact still missing or unchecked; published, it tells
    readers the story was not finished.

    **Example.** "The scheme will cost TK million." is flagged at "TK".

    **Precision first.** A short placeholder (TK, XXX) is also a name, a
    Roman numeral or a film, so it is not flagged:

    - inside a longer word or a web address ("TKO", ".xxx", "XXX-rated");
    - before a capitalised word or a number ("TK Maxx", "XXX Olympiad",
      "flight TK 1980") or after a capitalised word in mid-sentence
      ("Super Bowl XXX");
    - in a paragraph set in capitals, or in a sentence with a word from
      `placeholder-context` ("the film XXX", "an XXX rating").

    A bracketed note (`bracket-notes`) must open the brackets; written in
    lowercase it counts only alone or before punctuation ("[link]",
    "[check?]"), so editorial insertions in quotes ("[to come back]") pass.
    "Editor's note:" opening a paragraph or brackets is a published note and
    passes, as does "the paper ran an editor's note: …"; opening a sentence in
    the middle of a paragraph it is a note left in the copy
    (`published-notes`).

    **How to fix:** supply the missing fact or link and delete the note. There
    is no automatic fix: only a person knows what belongs there.
    """

    id = "artifacts/editor-note"
    summary = "A placeholder or editors' note left in the copy (TK, [CHECK], XXX)"
    severity = "error"
    fix = None
    scopes = ("~frontmatter",)
    options = {
        "placeholders": Option([], "Placeholder words, written in capitals, flagged as whole words "
                                   "(the shipped list is in rules.yaml).", "list"),
        "placeholder-context": Option([], "Words that, in the same sentence, show a short placeholder "
                                          "(three letters or fewer) is a name or a title instead.", "list"),
        "bracket-notes": Option([], "Words that open an editors' note in square brackets.", "list"),
        "published-notes": Option([], "Notes that are published when they open a paragraph "
                                      "(Editor's note:); flagged elsewhere.", "list"),
        "patterns": Option([], "Regular expressions flagged wherever they match (template "
                               "placeholders, lorem ipsum, notes to editors).", "list"),
    }
    examples = [
        Flag("The scheme will cost TK million, officials said.", "TK"),
        Flag("The spokesman, TKTK, declined to comment.", "TKTK"),
        Flag("The fund has raised £XXX so far.", "XXX"),
        Flag("Turnout was 61% [CHECK figures] in the first round.", "[CHECK figures]"),
        Flag("The report is available online [LINK].", "[LINK]"),
        Flag("The mayor said the bridge would reopen [TO COME].", "[TO COME]"),
        Flag("Rents rose by a third [needs source?] over five years.", "[needs source?]"),
        Flag("Dear [[first name]], the council writes.", "[[first name]]"),
        Flag("The school opened in 1962. NOTE TO EDITORS: confirm the date.", "NOTE TO EDITORS:"),
        Flag("Lorem ipsum dolor sit amet, the draft began.", "Lorem ipsum"),
        Flag("The plant employs 300 people. EDITOR'S NOTE: numbers from 2019.", "EDITOR'S NOTE"),
        Pass("A new TK Maxx store opens in the town centre on Friday."),
        Pass("The boxer won by a TKO in the third round."),
        Pass("The film XXX topped the box office on its opening weekend."),
        Pass("Regulators approved the .xxx domain for adult websites."),
        Pass("The magazine ran an XXX-rated cover story."),
        Pass("Tickets for Super Bowl XXX sold out in hours."),
        Pass("“I didn’t want [to come back] so soon,” she said."),
        Pass("Editor's note: this article was updated to correct a date.\nThe museum reopens in May."),
        Pass("The passengers were booked on flight TK 1980 to Istanbul."),
        Pass("Fans held up a sign [sic] during the match."),
        Pass("The paper ran an editor's note: the photograph had been altered."),
    ]

    def setup(self) -> None:
        settings = self.settings
        words = sorted(settings["placeholders"], key=len, reverse=True)
        self._placeholders = frozenset(words)
        self._placeholder = None
        if words:
            self._placeholder = regex.compile(
                r"(?<![\p{L}\p{N}\p{M}_.@#/\\\-'’])"
                rf"(?:{'|'.join(regex.escape(word) for word in words)})"
                rf"(?!{_WORD_CHAR})(?![\-'’@/]{_WORD_CHAR})")
        context = [word.casefold() for word in settings["placeholder-context"]]
        self._context = regex.compile(
            r"(?<!\w)(?:" + "|".join(regex.escape(word) for word in context) + r")(?!\w)",
            regex.IGNORECASE) if context else None
        self._bracket_notes = sorted(settings["bracket-notes"], key=len, reverse=True)
        published = settings["published-notes"]
        # For the cheap test in check: only when the notes themselves are plain (newslint.fastre).
        self._published_lower = tuple(note.lower() for note in published) \
            if is_plain("".join(published)) else None
        self._published = regex.compile(
            r"(?<!\w)(?:" + "|".join(regex.escape(note) for note in published) + r")(?=\s*[:–—-])",
            regex.IGNORECASE) if published else None
        self._patterns = compile_patterns(self.id, "patterns", settings["patterns"])
        self._pattern_literals = [required_literals(pattern) for pattern in settings["patterns"]]

    def check(self, document):
        text = document.text
        # Cheap tests on the whole text first: a bracketed note needs a "[", a placeholder one of
        # the placeholder words, a published note its words in some case (on plain text, where
        # ``regex`` ignoring case and ``str.lower`` agree: newslint.fastre).
        brackets = self._bracket_notes and "[" in text
        placeholders = self._placeholder is not None and any(word in text for word in self._placeholders)
        published = self._published is not None
        plain = is_plain(text)
        lowered = text.lower() if plain else None
        if published and self._published_lower is not None and plain:
            published = any(note in lowered for note in self._published_lower)
        patterns = []
        for pattern, literals in zip(self._patterns, self._pattern_literals):
            if literals is not None:
                words, ignorecase = literals
                if not ignorecase and not any(word in text for word in words):
                    continue
                if ignorecase and plain and not any(word in lowered for word in words):
                    continue
            patterns.append(pattern)
        for paragraph in document.paragraphs:
            found: list[tuple[int, int, str]] = []
            for pattern in patterns:
                if pattern.search(text, paragraph.start, paragraph.end) is None:
                    continue
                for match in pattern.finditer(text, paragraph.start, paragraph.end):
                    if match.end() > match.start():
                        found.append((match.start(), match.end(), "Placeholder or editors’ note"))
            if brackets:
                found.extend(self._brackets(text, paragraph))
            if published:
                found.extend(self._published_notes(text, paragraph))
            if placeholders:
                found.extend(self._placeholder_words(document, paragraph))
            if not found:
                continue
            # One finding per note: "[TK]" is a bracketed note, not also a placeholder inside it.
            found.sort(key=lambda item: (item[0], -item[1]))
            reach = -1
            for start, end, what in found:
                if start < reach:
                    continue
                reach = end
                yield self.problem(start, end, f"{what} “{text[start:end]}” left in the copy: "
                                               "resolve it before publication")

    def _brackets(self, text, paragraph):
        for match in _BRACKET.finditer(text, paragraph.start, paragraph.end):
            content = match.group(1).strip()
            for note in self._bracket_notes:
                head, rest = content[:len(note)], content[len(note):]
                if head.casefold() != note.casefold():
                    continue
                if rest and rest[0].isalnum():
                    continue  # a longer word: [CHECKPOINT]
                if rest and rest[0] not in _SEPARATORS and head != note.upper():
                    continue  # lowercase words running on: an insertion in a quote
                yield match.start(), match.end(), "Editors’ note"
                break

    def _published_notes(self, text, paragraph):
        if self._published is None:
            return
        for match in self._published.finditer(text, paragraph.start, paragraph.end):
            position = match.start()
            while position > paragraph.start and text[position - 1] in " \t\"'“‘*_":
                position -= 1
            if position == paragraph.start or text[position - 1] in "\r\n([":
                continue  # opening its paragraph, line or brackets: a published note
            if text[position - 1] not in ".!?…":
                continue  # part of a sentence: "the paper ran an editor's note: ..."
            yield match.start(), match.end(), "Editors’ note"

    def _placeholder_words(self, document, paragraph):
        if self._placeholder is None:
            return
        text = document.text
        capitals = None
        for match in self._placeholder.finditer(text, paragraph.start, paragraph.end):
            word = match.group()
            if len(word) <= 3:
                if capitals is None:
                    capitals = _capitals_share(text[paragraph.start:paragraph.end])
                if capitals > _CAPITALS_SHARE or self._names_something(document, paragraph, match):
                    continue
            yield match.start(), match.end(), "Placeholder"

    def _names_something(self, document, paragraph, match) -> bool:
        """True when a short placeholder word is more likely a name, numeral or title."""
        text = document.text
        following = _NEXT_WORD.match(text, match.end(), paragraph.end)
        if following:
            word = following.group(1)
            if (word[0].isupper() or word[0].isdigit()) and word not in self._placeholders:
                return True  # TK Maxx, XXX Olympiad, flight TK 1980
        before = _WORD_BEFORE.search(text, max(paragraph.start, match.start() - 60), match.start())
        if before and before.group(1)[0].isupper() and before.group(1) not in self._placeholders:
            if not starts_sentence(document, before.start(1)):
                return True  # Super Bowl XXX, Pope Pius XXX
        if self._context is not None:
            if self._context.search(text, *sentence_span(document, match.start())):
                return True
        return False


def _capitals_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


