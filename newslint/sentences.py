"""Sentence splitting, once per document, shared by every rule.

Conservative by design: a break needs a terminator (. ! ? …) followed by
white space, and no break is made after a known abbreviation, an initial,
an ellipsis running on in lowercase, or a quotation closed before an
attribution ("“Stop!” he said").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from newslint.document import Document, Sentence

# Terminator run, then any closing quotes or brackets, then the white space before the next sentence.
_BOUNDARY = regex.compile(r"(?<term>[.!?…]+)(?<close>[\"'”’»)\]]*)(?<space>\s+)")
_WORD_BEFORE = regex.compile(r"([\p{L}\p{N}.\-&]+)$")

ABBREVIATIONS = frozenset("""
mr mrs ms mx dr prof st sr jr rev gen col lt sgt capt cmdr adm maj cpl pte gov sen rep pres
supt insp det cllr hon messrs mme mlle
inc ltd co corp plc llc bros dept est govt assn univ
vs v etc al approx incl excl ca cf ed eds vol vols fig figs no nos op pp para ch sec
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
e.g i.e a.m p.m u.s u.k u.n u.s.a e.u
mt ft ave rd blvd
""".split())


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
    for paragraph in document.paragraphs:
        start = paragraph.start
        after_terminator = False
        for match in _BOUNDARY.finditer(text, paragraph.start, paragraph.end):
            next_start = match.end()
            if next_start >= paragraph.end:
                break
            if not _is_break(text, match, next_start):
                continue
            end = match.start("space")
            if end > start:
                sentences.append(Sentence(start, end, paragraph.index, after_terminator))
            start = next_start
            after_terminator = True
        end = paragraph.end
        if end > start:
            sentences.append(Sentence(start, end, paragraph.index, after_terminator))
    return sentences


def _is_break(text: str, match: "regex.Match[str]", next_start: int) -> bool:
    terminator = match.group("term")
    following = text[next_start]
    if following.isupper() or following.isdigit() or following in "\"'“‘«(":
        return not (terminator == "." and not match.group("close") and _ends_abbreviation(text, match))
    if not following.islower():
        return False
    # Lowercase after a terminator: a run-on ellipsis, an attribution after a quotation,
    # a brand ("Yahoo! said"), an abbreviation or a sentence that should open with a capital.
    if terminator in ("...", "…") or match.group("close"):
        return False
    if terminator == "!" and _word_before(text, match.start())[:1].isupper():
        return False
    if terminator.startswith(".") and _ends_abbreviation(text, match):
        return False
    return True


def _word_before(text: str, end: int) -> str:
    found = _WORD_BEFORE.search(text, max(0, end - 40), end)
    return found.group(1) if found else ""


def _ends_abbreviation(text: str, match: "regex.Match[str]") -> bool:
    word = _word_before(text, match.start())
    return bool(word) and _is_abbreviation(word)
