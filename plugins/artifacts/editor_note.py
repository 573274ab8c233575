"""artifacts/editor-note: a placeholder or a note between editors left in the copy ("TK", "[CHECK]")."""

from __future__ import annotations

import re

from newslint import Flag, Option, Pass, Rule
from newslint.fastre import is_plain
from newslint.lazyre import REGEX_IGNORECASE, lazy, regex, regex_compile

from ._common import (compile_patterns, fewest_needles, lowercase, required_literals, sentence_span,
                      starts_sentence)

# A bracketed note: [CHECK figures], [TK], [LINK TO COME]. One line, short.
# Literal characters only: in ``re``, which matches them exactly as ``regex`` does, and faster.
_BRACKET = lazy(re.compile, r"\[([^\[\]\r\n]{1,120})\]")
# What may follow a lowercase note word inside the brackets: "[check?]", "[link: ...]".
_SEPARATORS = ":?!-–—/.,;"
_WORD_CHAR = r"[\p{L}\p{N}\p{M}_]"
# The share of capital letters above which a paragraph is set in capitals (a headline).
_CAPITALS_SHARE = 0.6
# The word after a placeholder (past opening quotes or brackets) and the word before it.
_NEXT_WORD = lazy(regex_compile, r"[ \t]+[\"'“‘(\[]*([\p{L}\p{N}][\p{L}\p{N}\p{M}]*)")
_WORD_BEFORE = lazy(regex_compile, r"([\p{L}\p{M}][\p{L}\p{M}.'’]*)[ \t]+$")


def _placeholder_pattern(words: tuple[str, ...]) -> "regex.Pattern[str]":
    """The placeholder words as whole words (EditorNote.setup)."""
    return regex.compile(
        r"(?<![\p{L}\p{N}\p{M}_.@#/\\\-'’])"
        rf"(?:{'|'.join(regex.escape(word) for word in words)})"
        rf"(?!{_WORD_CHAR})(?![\-'’@/]{_WORD_CHAR})")


def _words_pattern(words: tuple[str, ...], after: str) -> "regex.Pattern[str]":
    """Any of ``words``, ignoring case, after no word character and before ``after`` (EditorNote.setup)."""
    return regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(word) for word in words) + r")" + after,
                         REGEX_IGNORECASE)


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
        # The patterns are built from escaped words (they cannot fail) and compiled on first use.
        self._placeholder = lazy(_placeholder_pattern, tuple(words)) if words else None
        context = [word.casefold() for word in settings["placeholder-context"]]
        self._context = lazy(_words_pattern, tuple(context), r"(?!\w)") if context else None
        self._bracket_notes = sorted(settings["bracket-notes"], key=len, reverse=True)
        published = settings["published-notes"]
        # For the cheap test in check: only when the notes themselves are plain (newslint.fastre).
        self._published_lower = tuple(note.lower() for note in published) \
            if is_plain("".join(published)) else None
        self._published = lazy(_words_pattern, tuple(published), r"(?=\s*[:–—-])") if published else None
        self._patterns = compile_patterns(self.id, "patterns", settings["patterns"])
        self._pattern_literals = [required_literals(pattern) for pattern in settings["patterns"]]
        # For the first test in check. A placeholder of letters and digits is a whole word of the
        # document's word lists wherever the placeholder pattern matches it: its look-behind and
        # look-aheads refuse the characters that would join it to a word before or after (letters,
        # digits, marks, apostrophes, hyphens), so the word scan starts and ends a word with it.
        self._word_placeholders = frozenset(word for word in words if word.isalnum())
        self._other_placeholders = tuple(word for word in words if not word.isalnum())
        # What every match of a bracketed note, placeholder, pattern or published note holds, as few
        # strings as tell it (_common.fewest_needles), in the text or in the text in lowercase (on
        # plain text). A document without any of them has nothing to look at. "Always": a pattern
        # without required literals, or published notes that are not plain, leave no such test.
        literals = [needed for needed in self._pattern_literals if needed is not None]
        self._always = len(literals) < len(self._pattern_literals) or (
            self._published is not None and self._published_lower is None)
        self._needles = fewest_needles(
            ["["] * bool(self._bracket_notes) + list(self._other_placeholders)
            + [word for words, ignorecase in literals if not ignorecase for word in words])
        self._lower_needles = fewest_needles(
            list(self._published_lower or ()) * (self._published is not None)
            + [word for words, ignorecase in literals if ignorecase for word in words])

    def check(self, document):
        text = document.text
        scan = document.words
        plain = scan.plain  # is_plain(text), worked out once by the shared word scan
        lowered = lowercase(text) if plain and self._lower_needles else None
        # Cheap tests on the whole text first: a bracketed note needs a "[", a placeholder one of
        # the placeholder words (a whole word: see setup), a pattern one of its literals, a
        # published note its words in some case (on plain text, where ``regex`` ignoring case and
        # ``str.lower`` agree: newslint.fastre). A document with none of the needles (setup) costs
        # these few searches, one C-level scan each.
        placeholders = self._placeholder is not None and (
            not self._word_placeholders.isdisjoint(scan.segments) or _holds_any(text, self._other_placeholders))
        if not (placeholders or self._always or _holds_any(text, self._needles) or (
                self._lower_needles and (lowered is None or _holds_any(lowered, self._lower_needles)))):
            return ()
        return self._problems(document, plain, lowered, placeholders)

    def _problems(self, document, plain: bool, lowered: str | None, placeholders: bool):
        text = document.text
        brackets = self._bracket_notes and "[" in text
        published = self._published is not None
        if published and self._published_lower is not None and plain:
            published = any(note in lowered for note in self._published_lower)
        patterns = []  # each with where its literals must be, in each paragraph searched (or None)
        for pattern, literals in zip(self._patterns, self._pattern_literals):
            needles = None
            if literals is not None:
                words, ignorecase = literals
                if not ignorecase and not any(word in text for word in words):
                    continue
                if ignorecase and plain and not any(word in lowered for word in words):
                    continue
                if not ignorecase or plain:
                    needles = (lowered if ignorecase else text, words)
            patterns.append((pattern, needles))
        notes = (lowered, self._published_lower) if published and self._published_lower is not None and plain \
            else None
        # A match in a paragraph holds what the whole text was searched for above in that paragraph
        # (the text in lowercase has the text's offsets: newslint.fastre): a paragraph without it is
        # not searched.
        for paragraph in document.paragraphs:
            found: list[tuple[int, int, str]] = []
            for pattern, needles in patterns:
                if needles is not None and not _holds_any_between(*needles, paragraph.start, paragraph.end):
                    continue
                if pattern.search(text, paragraph.start, paragraph.end) is None:
                    continue
                for match in pattern.finditer(text, paragraph.start, paragraph.end):
                    if match.end() > match.start():
                        found.append((match.start(), match.end(), "Placeholder or editors’ note"))
            if brackets and text.find("[", paragraph.start, paragraph.end) >= 0:
                found.extend(self._brackets(text, paragraph))
            if published and (notes is None or _holds_any_between(*notes, paragraph.start, paragraph.end)):
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


def _holds_any(text: str, needles) -> bool:
    """Whether ``text`` holds one of ``needles``. A needle's first character is looked for first:
    a search for one character runs at the speed of ``memchr``, and many needles ("[", "{{") start
    with one most texts lack."""
    return any(needle[:1] in text and needle in text for needle in needles)


def _holds_any_between(text: str, needles, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds one of ``needles``."""
    return any(text.find(needle, start, end) >= 0 for needle in needles)


def _capitals_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


