"""The few places in a document where punctuation/doubled and punctuation/space-before can find
anything, found with a scan of the text instead of a look at every paragraph or quotation mark.

Both rules look for a mark right after another mark or after a space: a doubled mark (",,", "..")
holds two marks side by side, a space before a mark (" ,", " ”") a space and then the mark. Most
documents hold neither. One ``re`` search per mark present finds every such place: a pattern that
starts with one literal character skips from one occurrence of it to the next in a tight loop (a
character-set prefix such as [,.;:!?] costs a function call per character of the text), and looks
one character back from each. The positions found are shared by both rules, which then look only
there (space-before) or only in the paragraphs holding one (doubled).
"""

from __future__ import annotations

import re
from collections import namedtuple

from newslint.lazyre import lazy
from newslint.words import paragraph_edges_clean

#: The spaces that punctuation/space-before walks back over (its ``_SPACE``).
SPACES = " \t\u00a0\u202f\u2009"
#: The marks punctuation/doubled doubles and punctuation/space-before wants tight.
MARKS = ",.;:!?"
#: The closing quotation marks punctuation/space-before looks at (the others are straight,
#: foreign or German closers: ambiguous, or another rule's).
CLOSING_QUOTES = "”’"

# Each mark of MARKS after a space or after the same mark, and each closing quotation mark after a
# space. The character classes list single characters, which ``re`` and ``regex`` read alike.
# Compiled on first use (newslint.lazyre): a class with characters past U+00FF costs a bitmap of
# the whole plane to compile, and a document without a mark never needs its pattern.
_MARK_SPOTS = tuple((mark, lazy(re.compile, f"{re.escape(mark)}(?<=[{re.escape(SPACES + mark)}].)")) for mark in MARKS)
_QUOTE_SPOTS = tuple(lazy(re.compile, f"{re.escape(mark)}(?<=[{re.escape(SPACES)}].)") for mark in CLOSING_QUOTES)
_KEY = "_newslint_punctuation_spots"


# The offsets, in order, of every mark of MARKS right after the same mark (",,", "..", "!!": not
# counting the full stops of an ellipsis), and of every one right after one of SPACES (collections'
# named tuple: typing is not imported at run time).
MarkSpots = namedtuple("MarkSpots", ["doubled", "spaced"])


def mark_spots(document) -> MarkSpots:
    """What the document holds of the above, worked out once per document (for both rules)."""
    found = document.__dict__.get(_KEY)
    if found is None:
        text = document.text
        # Two full stops in a longer run (an ellipsis) are no doubled mark (punctuation/doubled looks
        # for exactly two). Its pattern sees the text only within a paragraph; when every paragraph
        # ends next to white space or the text's end (newslint.words.paragraph_edges_clean), no run
        # of full stops is cut by a paragraph's edge, and the run in the text is the run it sees.
        doubled, spaced = [], []
        for mark, pattern in _MARK_SPOTS:
            if mark not in text:
                continue
            for match in pattern.finditer(text):
                at = match.start()  # the second mark
                if text[at - 1] != mark:
                    spaced.append(at)
                elif mark != "." or not (text.startswith(".", at + 1) or (at >= 2 and text[at - 2] == ".")):
                    doubled.append(at)
                elif not paragraph_edges_clean(document):
                    doubled.append(at)  # the paragraphs could cut the run: count it
        doubled.sort()
        spaced.sort()
        found = document.__dict__[_KEY] = MarkSpots(doubled, spaced)
    return found


def spaced_closing_quote(text: str) -> bool:
    """Whether some mark of CLOSING_QUOTES stands right after one of SPACES."""
    return any(pattern.search(text) is not None for pattern in _QUOTE_SPOTS)
