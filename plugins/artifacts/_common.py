"""Helpers shared by the artifacts rules."""

from __future__ import annotations

from bisect import bisect_right

import regex

from newslint.errors import ConfigError

#: What may stand between a sentence's start and its first word.
OPENERS = " \t\"'“‘«([{*_"


def compile_patterns(rule_id: str, option: str, patterns: list[str]) -> list["regex.Pattern[str]"]:
    """Compile each pattern; a bad one is a ConfigError naming the rule and option."""
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(regex.compile(pattern))
        except regex.error as error:
            raise ConfigError(f"invalid regular expression {pattern!r}: {error}",
                              key=f"rules.{rule_id}.{option}") from None
    return compiled


def sentence_span(document, offset: int) -> tuple[int, int]:
    """The document's sentence holding ``offset`` (its paragraph when no sentence does)."""
    sentences = document.sentences
    index = bisect_right(sentences, offset, key=lambda sentence: sentence.start) - 1
    if index >= 0 and offset < sentences[index].end:
        return sentences[index].start, sentences[index].end
    paragraph = document.paragraph_at(offset)
    return (paragraph.start, paragraph.end) if paragraph else (offset, offset)


def starts_sentence(document, offset: int) -> bool:
    """True when only opening quotes or brackets stand between a sentence's start and ``offset``."""
    start, _ = sentence_span(document, offset)
    return not document.text[start:offset].strip(OPENERS)
