"""Helpers shared by the punctuation rules: the document's own quotation marks."""

from __future__ import annotations

# The English marks of each style, by family and role.
_ENGLISH = {
    ("curly", "double", "open"): "“", ("curly", "double", "close"): "”",
    ("curly", "single", "open"): "‘", ("curly", "single", "close"): "’",
    ("straight", "double", "open"): "\"", ("straight", "double", "close"): "\"",
    ("straight", "single", "open"): "'", ("straight", "single", "close"): "'",
}


def english_mark(style: str, family: str, role: str) -> str:
    """The English mark for ``family`` ("double"/"single") and ``role`` in ``style``
    ("curly"/"straight"); an apostrophe takes the closing shape."""
    return _ENGLISH[(style if style in ("curly", "straight") else "curly", family,
                     "open" if role == "open" else "close")]

