"""Hypothesis strategies for adversarial documents (shared by the fuzz tests and scripts/fuzz_hypothesis.py)."""

from __future__ import annotations

from hypothesis import strategies as st

NASTY = ["\u200b", "\u200d", "\u202e", "\u2066", "\u2069", "\ufeff", "\u0301", "\u0336", "\u00a0", "\u2028",
         "\r", "\n", "\r\n", "\t", "\x00", "\x0b", "😀", "👩‍👩‍👧", "𝕂", "Кiев", "Киев", "ﬁ", "İ", "ß"]
WORDS = ["Kiev", "kyiv", "the", "the the", "said", "“", "”", "‘", "’", "\"", "'", "«", "»", "„", ".", ",", ",,",
         " .", "...", "…", "!", "?", "TK", "[CHECK]", "nbcnews", "Mr.", "U.S.", "(", ")", "&amp;", "&ldquo;", "&#",
         "&#x110000;", "<", ">", "<p>", "</p>", "<b>", "<!--", "-->", "<!-- newslint-disable -->", "<script>",
         "**", "*", "_", "`", "```", "[", "](", "](http://x)", "#", "> ", "- ", "1. ", "|", "---", "\\", "~~~"]
pieces = st.one_of(st.sampled_from(WORDS), st.sampled_from(NASTY), st.text(max_size=5))


@st.composite
def documents(draw, max_pieces: int = 80):
    parts = draw(st.lists(pieces, max_size=max_pieces))
    if draw(st.integers(0, 9)) == 0:  # deep nesting
        depth = draw(st.integers(10, 200))
        opener, closer = draw(st.sampled_from([("> ", ""), ("- ", ""), ("<ul><li>", "</li></ul>"),
                                               ("“", "”"), ("(", ")"), ("**", "**")]))
        parts = [opener * depth] + parts + [closer * depth]
    if draw(st.integers(0, 19)) == 0:  # a very long line
        parts.append(draw(st.sampled_from(["word ", "the ", "“", ".", "a"])) * 20_000)
    return "".join(parts)
