"""Sentence splitting, once per document, shared by every rule.

Conservative by design: a break needs a terminator (. ! ? …) followed by
white space, and no break is made after a known abbreviation, an initial,
an ellipsis running on in lowercase, a quotation closed before an
attribution ("“Stop!” he said"), or a brand or title ending in ! or ? before a
lowercase word ("Yahoo! said", "Shall We Dance? topped the chart").

Linear in the length of the text: the boundary pattern starts only at the
first mark of a run of terminators and never backtracks (its repeats are
possessive), and each boundary looks back at most a few dozen characters for
the word before it. A 20 MB paragraph of dots costs what 20 MB of prose does.
"""

from __future__ import annotations

import re

from newslint.fastre import plain
from newslint.lazyre import lazy, regex_compile

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    import regex

    from newslint.document import Document, Sentence

# A run of terminators, then any closing quotes or brackets, then the white space before the next sentence.
# Compiled (and ``regex`` imported) when text that is not plain first needs it.
_BOUNDARY = lazy(regex_compile, r"(?<![.!?…])(?<term>[.!?…]++)(?<close>[\"'”’»)\]]*+)(?<space>\s++)")
# The same in ``re``, exact on plain text (newslint.fastre) and faster: written to start with the
# terminator, so that the search skips straight from one to the next, and with a full stop rather than
# the class [.!?…], because ``re`` skips to a literal first character in a tight loop but tests a class
# against every character of the text, several times slower. It runs on a copy of the text where ! ?
# and … are full stops: the four characters stand only together in the pattern (in [.!?…]), so on the
# copy it matches where, and as far as, the pattern opening with [.!?…] does on the text (each of them
# is replaced by one character; tests/test_structure_fast_paths.py checks it).
_BOUNDARY_PLAIN = re.compile(r"(?P<term>\.(?<![.!?…].)[.!?…]*+)(?P<close>[\"'”’»)\]]*+)(?P<space>\s++)")
# The groups of both boundary patterns, by number (faster than by name).
_TERM_GROUP, _CLOSE_GROUP, _SPACE_GROUP = 1, 2, 3
#: No abbreviation (nor dotted acronym) ends in this many letters and digits.
_LONGER_THAN_ABBREVIATIONS = 8
# The characters of the word before a terminator ("U.S", "e.g", "Smith"), and how far back to look.
_WORD_CHARS = frozenset(".-&")
_WORD_BEFORE_MAX = 40

ABBREVIATIONS = frozenset("""
mr mrs ms mx dr prof st sr jr rev gen col lt sgt capt cmdr adm maj cpl pte gov sen rep pres
supt insp det cllr hon messrs mme mlle
inc ltd co corp plc llc bros dept est govt assn univ
vs v etc al approx incl excl ca cf ed eds vol vols fig figs no nos op pp para ch sec
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
e.g i.e a.m p.m u.s u.k u.n u.s.a e.u
mt ft ave rd blvd
""".split())

#: Abbreviations that are also everyday words ending a sentence ("He sat.", "in the sun.",
#: "She said no."): before a capitalised word they end the sentence; before a number
#: ("No. 10") or a lowercase word they are abbreviations.
WORD_ABBREVIATIONS = frozenset("sat sun wed mar no".split())


def _is_abbreviation(word: str) -> bool:
    lower = word.lower().rstrip(".")
    if lower in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "J. Smith"
        return True
    # Dotted acronyms and initials: U.S., J.R.R.
    return "." in lower and all(len(part) <= 2 for part in lower.split("."))


def split_sentences(document: "Document") -> list["Sentence"]:
    from newslint.document import Sentence

    text = document.text
    sentences: list[Sentence] = []
    append = sentences.append
    # tuple.__new__ builds a named tuple in one C call (Sentence(...) goes through a Python __new__).
    make = tuple.__new__
    if plain(document):
        scan = text  # the same text with ! ? … as full stops (see _BOUNDARY_PLAIN)
        if "!" in text or "?" in text or "…" in text:
            scan = text.replace("!", ".").replace("?", ".").replace("…", ".")
        finditer = _BOUNDARY_PLAIN.finditer
    else:
        scan, finditer = text, _BOUNDARY.finditer
    for paragraph in document.paragraphs:
        paragraph_start, paragraph_end, index = paragraph.start, paragraph.end, paragraph.index
        start = paragraph_start
        for match in finditer(scan, paragraph_start, paragraph_end):
            next_start = match.end()
            if next_start >= paragraph_end:
                break
            # Read from ``text`` (not the match: ``scan`` has full stops for ! ? …).
            at, end = match.start(), match.start(_SPACE_GROUP)
            following = text[next_start]
            if following.isupper() or following.isdigit() or following in "\"'“‘«(":
                # A break, unless a lone full stop (no closing mark: at + 1 == end) ends an abbreviation
                # ("Mr. Smith", "No. 10"); an abbreviation that is also a word ("He sat. The") ends a
                # sentence before a capital all the same.
                if at + 1 == end and text[at] == ".":
                    word = _abbreviation_before(text, at)
                    if word and not (following.isupper() and word.lower() in WORD_ABBREVIATIONS):
                        continue
            elif not following.islower() or not _breaks_before_lowercase(text, match, at, end):
                continue
            if end > start:
                append(make(Sentence, (start, end, index, start != paragraph_start)))
            start = next_start
        if paragraph_end > start:
            append(make(Sentence, (start, paragraph_end, index, start != paragraph_start)))
    return sentences


def _abbreviation_before(text: str, at: int) -> str:
    """The word before the full stop at ``at`` if it is an abbreviation (or an initial), else ""."""
    if at >= _LONGER_THAN_ABBREVIATIONS and text[at - _LONGER_THAN_ABBREVIATIONS:at].isalnum():
        return ""  # no abbreviation (_long_word_before, inlined: most breaks end here)
    # Most words follow a space: when the characters from the last space (within the look-back of
    # _word_before) are all letters and digits, they are the word _word_before finds (a space is
    # no word character), in one C search.
    space = text.rfind(" ", at - _WORD_BEFORE_MAX if at > _WORD_BEFORE_MAX else 0, at)
    word = text[space + 1:at]
    if space >= 0 and word.isalnum():
        # _is_abbreviation for a word without dots (nor any in its lowercase): listed, or an initial.
        return word if word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) else ""
    word = _word_before(text, at)
    return word if word and _is_abbreviation(word) else ""


def _breaks_before_lowercase(text: str, match: "regex.Match[str]", at: int, end: int) -> bool:
    """Lowercase after a terminator: a run-on ellipsis ("...", "…", a typed ".." or "...."), an
    attribution after a quotation, a brand or a title ending in ! or ? ("Yahoo! said", "Shall We
    Dance? topped the chart") or an abbreviation make no break; a sentence that should open with a
    capital does."""
    terminator = text[at:match.end(_TERM_GROUP)]
    if "…" in terminator or terminator.count(".") >= 2 or match.end(_TERM_GROUP) != end:  # a closing mark
        return False
    if terminator[-1] in "!?" and _word_before(text, at).rsplit("-", 1)[-1][:1].isupper():
        return False
    if terminator.startswith(".") and _ends_abbreviation(text, match):
        return False
    return True


def _word_before(text: str, end: int) -> str:
    """The word (letters, digits, inner dots, hyphens, ampersands) ending at ``end``."""
    start = end
    limit = max(0, end - _WORD_BEFORE_MAX)
    while start > limit and (text[start - 1].isalnum() or text[start - 1] in _WORD_CHARS):
        start -= 1
    return text[start:end]


def _long_word_before(text: str, end: int) -> bool:
    """The word before ``end`` ends in more letters and digits than any abbreviation (or the last
    part of a dotted acronym) has: it is not one, whatever lies further back (cheap: one slice)."""
    return end >= _LONGER_THAN_ABBREVIATIONS and text[end - _LONGER_THAN_ABBREVIATIONS:end].isalnum()


def _ends_abbreviation(text: str, match: "regex.Match[str]") -> bool:
    if _long_word_before(text, match.start()):
        return False
    word = _word_before(text, match.start())
    return bool(word) and _is_abbreviation(word)
