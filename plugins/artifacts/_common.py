"""Helpers shared by the artifacts rules."""

from __future__ import annotations

import re
from bisect import bisect_right

from newslint.errors import ConfigError
from newslint.fastre import lowercase  # noqa: F401 - str.lower, fast on Latin-1 (editor-note)
from newslint.lazyre import regex

#: What may stand between a sentence's start and its first word.
OPENERS = " \t\"'“‘«([{*_"


def compile_patterns(rule_id: str, option: str, patterns: list[str]) -> list["regex.Pattern[str]"]:
    """Compile each pattern (on first use when known valid: newslint.lazyre.checked_regexes); a bad
    one is a ConfigError naming the rule and option."""
    from newslint.lazyre import checked_regexes

    try:
        return checked_regexes([(pattern, 0) for pattern in patterns])
    except regex.error as error:
        raise ConfigError(f"invalid regular expression {error.pattern!r}: {error}",
                          key=f"rules.{rule_id}.{option}") from None


def fewest_needles(needles: list[str]) -> tuple[str, ...]:
    """The needles that hold no other needle (shortest first): a text holds one of ``needles``
    exactly when it holds one of these, so only these need a search."""
    kept: list[str] = []
    for needle in sorted(set(needles), key=lambda needle: (len(needle), needle)):  # the same order in every run
        if not any(other in needle for other in kept):
            kept.append(needle)
    return tuple(kept)


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


# Syntax the ``regex`` module reads differently from ``re`` (or ``re`` rejects): a pattern using any
# of it gets no literal test.
_REGEX_ONLY = (":]", "\\p", "\\P", "\\L", "\\X", "\\G", "\\K", "\\m", "\\M", "(?V", "(?|", "(?(", "(?r",
               "(?f", "(?w", "(?b", "(?e", "{e", "--", "&&", "||", "~~")
_ESCAPED = re.compile(r"\\[^A-Za-z0-9]")


def required_literals(pattern: str) -> tuple[tuple[str, ...], bool] | None:
    """Strings one of which every match of ``pattern`` contains, and whether the pattern ignores
    case; None when none can be told (then the pattern is simply run).

    Read from the pattern's top-level sequence, as the standard library parses it: the longest run
    of literal characters, or an alternation of literal words ("(?:TODO|FIXME)"). A text without any
    of them (in lowercase, ignoring case, on plain text: newslint.fastre) cannot match, so the
    pattern need not be searched paragraph by paragraph.

    The answers are kept in the user's start-up cache (newslint.usercache: per Python version, and
    here per version of this file): parsing the shipped patterns costs more than checking a short
    article.
    """
    global _LITERALS
    from newslint import usercache

    if _LITERALS is None:
        _LITERALS = usercache.read("literals", _literals_key(), _LITERALS_SLOT) or {}
    found = _LITERALS.get(pattern, _UNKNOWN)
    if found is _UNKNOWN:
        if len(_LITERALS) >= 1000:  # patterns of configurations long gone: start again
            _LITERALS = {}
        found = _LITERALS[pattern] = _required_literals(pattern)
        usercache.write("literals", _literals_key(), _LITERALS, _LITERALS_SLOT)
    return found


_LITERALS: dict[str, tuple[tuple[str, ...], bool] | None] | None = None
_UNKNOWN = object()


#: One entry, whatever this module's version (_literals_key): a new one replaces the last.
_LITERALS_SLOT = "required literals"


def _literals_key() -> tuple:
    from newslint import usercache

    return ("required literals", usercache.file_key(__file__))


def _required_literals(pattern: str) -> tuple[tuple[str, ...], bool] | None:
    # An escaped character is a literal to both modules: "\(?(?:Image|Photo)" is no "(?(" conditional.
    if any(marker in _ESCAPED.sub("_", pattern) for marker in _REGEX_ONLY):
        return None
    try:
        import re._parser as parser  # Python 3.11+
        from re._constants import BRANCH, LITERAL, SUBPATTERN, SRE_FLAG_IGNORECASE as IGNORECASE

        parsed = parser.parse(pattern)
    except Exception:  # noqa: BLE001 - anything re cannot read is simply not tested
        return None
    ignorecase = bool(parsed.state.flags & IGNORECASE)
    best: tuple[str, ...] = ()
    run: list[str] = []

    def consider(candidate: tuple[str, ...]) -> None:
        nonlocal best
        if candidate and (not best or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    def literal_words(branches) -> tuple[str, ...] | None:
        words = []
        for branch in branches:
            if not branch or any(op is not LITERAL for op, _ in branch):
                return None
            words.append("".join(chr(code) for _, code in branch))
        return tuple(words)

    for op, argument in list(parsed) + [(None, None)]:
        if op is LITERAL:
            run.append(chr(argument))
            continue
        consider(("".join(run),) if run else ())
        run = []
        if op is SUBPATTERN and argument[1] == 0 and argument[2] == 0:  # a group without local flags
            inner = list(argument[3])
            if len(inner) == 1 and inner[0][0] is BRANCH:
                words = literal_words(inner[0][1][1])
                if words:
                    consider(words)
        elif op is BRANCH:
            words = literal_words(argument[1])
            if words:
                consider(words)
    if not best:
        return None
    if ignorecase:
        best = tuple(word.lower() for word in best)
    return best, ignorecase
