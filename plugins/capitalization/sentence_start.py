"""capitalization/sentence-start: a sentence or paragraph that opens with a lowercase letter."""

from __future__ import annotations

import re
from operator import itemgetter

from newslint import Flag, Option, Pass, Rule
from newslint.fastre import WHITE_SPACE
from newslint.lazyre import lazy, regex_compile

# What may stand before a sentence's first word: opening quotes and brackets, dashes, bullets.
# In ``re``, with ``regex``'s white space (WHITE_SPACE): the same matches on any text, without
# importing ``regex`` for the many sentences that open with a quotation mark.
_LEAD = lazy(re.compile, "[" + WHITE_SPACE + r"\"'“‘«‹(\[{—–\-*•·]*+")
_WORD = lazy(regex_compile, r"[\p{L}\p{M}\p{N}]++(?:['’\-.][\p{L}\p{M}\p{N}]++)*+")
_CORE = lazy(regex_compile, r"[\p{L}\p{M}\p{N}]++")
# Opening marks of _LEAD, besides white space (the usual characters before a sentence's first word).
_OPENING = "\"'“‘«‹([{—–-*•·"
# A sentence's first character that is not an ASCII capital or digit.
_NOT_CAPITAL = re.compile("[^A-Z0-9]")
# A sentence's start: the first field of the shared Sentence tuple (faster than by name).
_START = itemgetter(0)
_TERMINATORS = (".", "!", "?")
# What may follow a paragraph's last terminator: closing (or stray) quotes and brackets, white space.
_CLOSERS = "\"'”’»«“‘‹›)]} \t\r\n"
# A verb that opens only a question: before anything else it suggests a lost subject
# ("was on form as she won"), which a capital would hide.
_SUBJECTLESS = frozenset("are can could did does had has have is may might must should was were will would".split())
# A paragraph this short, with no closing terminator, is a label (a credit, a tag), not a sentence.
_LABEL_WORDS = 4


class SentenceStart(Rule):
    """Flags a sentence or a paragraph that opens with a lowercase letter:
    “The talks failed. the envoys left.”

    **Why.** A lowercase start is a slip (often left by an edit that cut the
    start of a sentence) and reads as carelessness.

    **How sentences are found.** The shared sentence splitter breaks only
    after . ! ? or … followed by white space, and not after an abbreviation or
    an initial (“e.g. the”, “J. smith”), an ellipsis that runs on in lowercase
    (“and then... nothing”), a quotation before its attribution (“‘Go!’ he
    said”) or a brand or title ending in ! or ? (“Yahoo! said”, “Shall We
    Dance? topped the chart”). A paragraph's first sentence is checked when the paragraph before
    it ended a sentence (or was a headline): a paragraph that continues one
    left open by a colon, a comma or a hard-wrapped line is not.

    **Not flagged:** names styled with an inner capital (iPhone, eBay),
    brands styled in lowercase (the `allowed` option), web addresses,
    @handles and #hashtags, numbers, list markers (“a)”), a paragraph opening
    with an ellipsis (a continuation), a sentence inside a quotation that
    opened before it (quoted words may be reproduced as written: a text
    message, a post), a headline set all in lowercase on purpose, a note in
    brackets with no full stop (“(after extra time)”) and a short label with
    no full stop (a source tag, a credit).
    A lowercase particle of a name does take a capital at the start of a
    sentence (“De Gaulle said”, as AP and Chicago advise), so it is flagged.

    **Example:** “Prices rose. analysts were surprised.” → “Prices rose.
    Analysts were surprised.”

    **Fix (safe):** capitalise the first letter. When the first word is a
    verb that opens only a question (“was on form as she won.”), a word has
    probably been lost before it: the capital is offered as an unsafe fix,
    for an editor to check.
    """

    id = "capitalization/sentence-start"
    summary = "A sentence or paragraph that starts with a lowercase letter"
    severity = "warning"
    fix = "safe"
    options = {
        "allowed": Option(["adidas", "bebo", "dunnhumby", "ebookers"],
                          "Names styled in lowercase that may open a sentence as they are.", "list"),
    }
    examples = [
        Flag("Prices rose in March. analysts were surprised.", "analysts",
             "Prices rose in March. Analysts were surprised."),
        Flag("The envoy left. “we will return,” she said.", "we", "The envoy left. “We will return,” she said."),
        Flag("Talks ended.\n\nkyiv’s envoy flew home.", "kyiv", "Talks ended.\n\nKyiv’s envoy flew home."),
        Flag("Was it wise? few thought so.", "few", "Was it wise? Few thought so."),
        Flag("The vote was close. de Gaulle would have approved.", "de"),
        Pass("Sales of the device rose. iPhone sales rose faster."),
        Pass("The firm sold it on eBay. eBay took a fee."),
        Pass("Visit www.example.com for details. example.com is free."),
        Pass("They met at 9 a.m. and talked until noon."),
        Pass("He waited... and waited."),
        Pass("“Stop!” he shouted."),
        Pass("The plan has three parts:\n\nfirst, a ceasefire;\n\nthen talks."),
        Pass("The trial continues.\n\nreporting by jane doe"),
    ]

    def setup(self) -> None:
        self._allowed = frozenset(word.lower() for word in self.settings["allowed"])

    def check(self, document):
        text = document.text
        sentences = document.sentences
        if not sentences:
            return ()
        # The first character of every sentence, gathered in C: only those not an ASCII capital or
        # digit are looked at (for the rest _check_start finds no lowercase letter).
        firsts = "".join(itemgetter(*map(_START, sentences))(text))
        candidates = []
        for found in _NOT_CAPITAL.finditer(firsts):
            sentence = sentences[found.start()]
            first = found.group()
            if first.isalnum() and not first.islower():
                continue  # a capital or a digit: the common case, told at once (_check_start agrees)
            if first in _OPENING:
                # “We ...: _LEAD stops at the letter or digit after the mark (neither is in it), and
                # _check_start finds no lowercase letter there (nor anything past the sentence's end).
                after = sentence.start + 1
                if after >= sentence.end or (text[after].isalnum() and not text[after].islower()):
                    continue
            candidates.append(sentence)
        return self._problems(document, candidates) if candidates else ()

    def _problems(self, document, candidates):
        text = document.text
        paragraphs = {paragraph.index: paragraph for paragraph in document.paragraphs}
        order = {paragraph.index: position for position, paragraph in enumerate(document.paragraphs)}
        for sentence in candidates:
            paragraph = paragraphs.get(sentence.paragraph)
            if paragraph is None:
                continue
            if not sentence.after_terminator and not self._opens_sentence(document, paragraph, order):
                continue
            if paragraph.scope == "headline" and not any(c.isupper() for c in document.paragraph_text(paragraph)):
                continue  # a headline set in lowercase on purpose
            problem = self._check_start(text, sentence.start, sentence.end, sentence.after_terminator)
            if problem is None:
                continue
            if sentence.after_terminator and self._inside_quotation(document, sentence.start):
                continue
            yield problem

    @staticmethod
    def _inside_quotation(document, offset: int) -> bool:
        """True for a sentence that starts inside a quotation opened before it: the quoted words
        may be reproduced as written (a text message, a post)."""
        quotation = document.quotes.inside(offset, offset + 1)
        return quotation is not None and quotation.start < offset

    def _opens_sentence(self, document, paragraph, order) -> bool:
        """Whether a paragraph's first word should have a capital: the paragraph before ended a sentence."""
        text = document.text
        whole = text[paragraph.start:paragraph.end]
        own = whole.rstrip(_CLOSERS)
        if not own.endswith(_TERMINATORS):
            if len(own.split()) <= _LABEL_WORDS:
                return False  # a label: "reporting by jane doe", a source tag
            if whole.startswith("(") and whole.endswith(")"):
                return False  # a note in brackets: "(after extra time)"
        position = order[paragraph.index]
        if position == 0:
            return True
        previous = document.paragraphs[position - 1]
        if previous.scope == "headline":
            return True
        before = text[previous.start:previous.end].rstrip(_CLOSERS)
        return before.endswith(_TERMINATORS) and not before.endswith(("...", "…"))

    def _check_start(self, text: str, start: int, end: int, after_terminator: bool):
        lead = _LEAD.match(text, start, end)
        at = lead.end()
        if at >= end or not text[at].islower():
            return None  # a capital, a number, a symbol, an ellipsis, a handle
        word = _WORD.match(text, at, end)
        if word is None:
            return None
        written = word.group()
        if any(char.isupper() for char in written[1:]) or "." in written.rstrip("."):
            return None  # iPhone, eBay; example.com, e.g.
        after = text[word.end():word.end() + 3]
        if after.startswith(("@", "://")):
            return None  # an e-mail address, a link
        if after.startswith(")") and len(written) <= 4:
            return None  # a list marker: a) iv)
        if written.lower() in self._allowed:
            return None
        core = _CORE.match(text, at, end).group()
        capitalised = core[:1].upper() + core[1:]
        where = "sentence" if after_terminator else "paragraph"
        if core in _SUBJECTLESS and not text[start:end].rstrip(_CLOSERS).endswith("?"):
            return self.problem(at, at + len(core),
                                f"A {where} starts in lowercase with “{core}”: has a word before it been lost?",
                                replacement=capitalised, safe=False)
        return self.problem(at, at + len(core), f"A {where} starts in lowercase: write “{capitalised}”",
                            replacement=capitalised)
