"""Fast paths for text that the standard library's ``re`` reads exactly as ``regex`` does.

Rules use the third-party ``regex`` module for its Unicode classes (``\\p{L}``),
but it costs several times what ``re`` does per match. Most news copy uses only
Latin letters and common punctuation, on which the two modules agree: the same
characters are letters, digits, word characters and white space, and case-
insensitive matching pairs the same letters (``tests/test_perf_paths.py``
checks every character of the set, and every pair of its letters, against the
installed modules). For such text a rule may run an ``re`` pattern as an exact
stand-in for its ``regex`` one, or as a cheap gate that finds nothing only where
the ``regex`` pattern would find nothing.

Characters outside the set (other scripts, combining marks, superscript digits,
the connector punctuation ``‿``) send a text down the ``regex`` path unchanged.
"""

from __future__ import annotations

import re

#: Code point ranges (inclusive) on which ``re`` and ``regex`` agree for the classes rules use:
#: ASCII (less four separators ``re`` calls white space), Latin-1 (less the superscript digits and
#: fractions), Latin Extended A and B (less the Turkish dotted and dotless i and the long s, whose
#: case pairs differ between the modules and from ``str.lower``), general punctuation (less the
#: connector punctuation), currency, letterlike symbols, arrows and the object replacement
#: character that stands in the prose for inline code and links. On these characters two words
#: ``regex`` matches as equal ignoring case are also equal after ``str.lower``.
SAFE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00, 0x1B), (0x20, 0x7F), (0xA0, 0xB1), (0xB4, 0xB8), (0xBA, 0xBB), (0xBF, 0x12F), (0x132, 0x17E),
    (0x180, 0x24F),
    (0x2010, 0x203E), (0x2041, 0x2053), (0x2055, 0x205E), (0x20A0, 0x20C0), (0x2100, 0x214F),
    (0x2190, 0x21FF), (0xFFFC, 0xFFFC),
)


def _char_class(ranges) -> str:
    parts = []
    for low, high in ranges:
        parts.append(f"\\x{low:02x}" if low < 0x100 else f"\\u{low:04x}")
        if high != low:
            parts.append("-" + (f"\\x{high:02x}" if high < 0x100 else f"\\u{high:04x}"))
    return "".join(parts)


_UNSAFE = re.compile("[^" + _char_class(SAFE_RANGES) + "]")

#: The characters ``regex`` matches with ``\s``, for a class in an ``re`` pattern that must agree
#: with ``regex`` on any text: ``re``'s ``\s`` also matches the four separators \x1c-\x1f
#: (tests/test_perf_paths.py checks it against the installed ``regex``, every character).
WHITE_SPACE = r"\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"

#: In ``re`` syntax, on safe text: a letter or mark (``[\\p{L}\\p{M}]``) and a letter, digit or mark
#: (``[\\p{L}\\p{N}\\p{M}]``).
LETTER = r"[^\W\d_]"
WORD_CHAR = r"[^\W_]"

_KEY = "_newslint_plain"


def is_plain(text: str) -> bool:
    """True when every character of ``text`` is in ``SAFE_RANGES``."""
    return text.isascii() or _UNSAFE.search(text) is None


def plain(document) -> bool:
    """``is_plain`` for a document's prose, worked out once per document."""
    cached = document.__dict__.get(_KEY)
    if cached is None:
        cached = document.__dict__[_KEY] = is_plain(document.text)
    return cached

#: The letters of ``SAFE_RANGES`` that are neither capital (Lu) nor small (Ll): ordinal indicators,
#: clicks, title-case digraphs, Hebrew letterlike symbols. Text with one cannot tell a word's case
#: from ``str.islower``/``str.isupper`` alone (``tests/test_perf_paths.py`` keeps the list complete).
ODD_LETTERS = "ªºƻǀǁǂǃǅǈǋǲℵℶℷℸ"
_ODD = re.compile("[" + ODD_LETTERS + "]")


def cased_plain(text: str) -> bool:
    """``is_plain`` and every letter is a capital or a small letter (none of ``ODD_LETTERS``)."""
    return text.isascii() or (_UNSAFE.search(text) is None and _ODD.search(text) is None)


#: Each Latin-1 character's lowercase, as a byte table (none is longer or outside Latin-1).
_LATIN1_LOWER = bytes(ord(chr(code).lower()) for code in range(256))


def lowercase(text: str) -> str:
    """``text.lower()``, faster on Latin-1 text. ``str.lower`` takes a slow path, a look-up of each
    character's full case mapping, on text that is not ASCII; Latin-1 text (a "£" or an "é" in
    English copy) is lowercased as bytes through a table instead (no Latin-1 character's lowercase
    depends on its neighbours)."""
    if not text.isascii():
        try:
            return text.encode("latin-1").translate(_LATIN1_LOWER).decode("latin-1")
        except UnicodeEncodeError:
            pass
    return text.lower()
