"""The whole-text gates and the outcome cache of substitution rules (newslint.declarative) change no
finding.

A gate is read from a rule's definition: strings every match needs in the text (in lowercase when
the rule ignores case, on plain text only). These tests check the reader on random patterns against
``regex`` itself (a text the pattern matches always passes the gate), check what it refuses to read,
and compare whole substitution rules with and without their gates on random texts.
"""

from __future__ import annotations

import random

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newslint
from newslint.declarative import _fewest, _gate_text, _passes, _pattern_gate, build_rules

# Pieces of patterns: literals, escapes, classes, groups, lookarounds and quantifiers.
PIECES = ["a", "b", "c", "U", "S", "per", "cent", " ", "é", "K", "ſ", "İ", "\\.", "\\$", "\\n", "\\t", "\\d",
          "\\s", "\\w", "\\b", "\\p{Lu}", "\\pL", "[ab]", "[^a]", "[\\]a]", "[.$]", ".", "^", "$", "?", "*", "+",
          "??", "+?", "{2}", "{1,3}", "{,2}", "{0}", "(", "(?:", "(?P<g>", "(?<h>", "(?=", "(?!", "(?<=", "(?<!",
          ")", ")", "|", "|", "(?i)", "(?:x){e<=1}", "\\1", "\\x41", "\\K"]
ALPHABET = "abcUSperntK éſİı\n\t.$5 %ABC"


def _compiles(pattern: str, flags: int) -> bool:
    try:
        regex.compile(pattern, flags)
    except (regex.error, ValueError, OverflowError, IndexError, RecursionError):
        return False
    return True


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8), st.lists(st.text(ALPHABET, max_size=30),
                                                                           min_size=1, max_size=4),
       st.booleans())
def test_a_text_the_pattern_matches_passes_the_gate(pieces, texts, ignorecase):
    pattern = "".join(pieces)
    flags = regex.IGNORECASE | regex.V0 if ignorecase else regex.V0
    if not _compiles(pattern, flags):
        return
    gate = _pattern_gate(pattern)
    if gate is None:
        return
    if ignorecase:
        gate = [tuple(needle.lower() for needle in needles) for needles in gate]
    compiled = regex.compile(pattern, flags)
    for text in texts + ["".join(texts), "xx" + pattern + "yy"]:
        if compiled.search(text) is None:
            continue
        # (Ignoring case, a gate is tested only on plain text: _gate_text.)
        if ignorecase and not newslint.fastre.is_plain(text + "".join(n for ns in gate for n in ns)):
            continue
        assert _passes(gate, text.lower() if ignorecase else text), (pattern, text, gate)
        assert _passes(_fewest(gate), text.lower() if ignorecase else text), (pattern, text, gate)


@pytest.mark.parametrize("pattern, gate", [
    (r"(?<!\d\s?)per\s+cent", [("per", "cent")]),
    (r"(?<=\d)\s?(?:per\s+cent|percent)(?![\p{L}\p{N}_])", [("per", "cent"), ("percent",)]),
    (r"(?<!\b\p{Lu}{2,}\s)US(?![.$]| Airways)", [("US",)]),
    (r"U\.S\.(?=\s*\Z|[ \t]*\n)", [("U.S.",)]),
    ("colou?r", [("colo", "r")]),
    ("ab+c", [("a", "c")]),
    ("(ab)+c", [("c",)]),
    ("(?:ab|cd)e", [("ab", "e"), ("cd", "e")]),
    (r"a\nb", [("a\nb",)]),
])
def test_gates_of_known_patterns(pattern, gate):
    assert _pattern_gate(pattern) == gate


@pytest.mark.parametrize("pattern", [
    "(?i)us", "a(?i:b)", "(?:us){e<=1}", r"(a)\1", r"\x41", r"\N{LATIN SMALL LETTER A}", r"\L<words>", r"a\Kb",
    "[[:alpha:]]b", "(?>ab)", "(?|a|b)", "(?(1)a|b)", "(?#c)a", "(?P=n)", "x|", "|x", "(?:)", "a?", ".*", "a{",
])
def test_the_reader_gives_up_on_what_it_cannot_read(pattern):
    assert _pattern_gate(pattern) is None


def test_fewest_keeps_one_of_alternatives_that_imply_each_other():
    assert _fewest([("US.",), ("US",)]) == [("US",)]
    assert _fewest([("per", "cent"), ("percent",)]) == [("per", "cent")]
    assert _fewest([("ab", "b"), ("ab",)]) in ([("ab",)], [("ab", "b")])
    assert _fewest([("a",), ("b",)]) == [("a",), ("b",)]


DEFINITIONS = {
    "percent": {"extends": "substitution", "message": "Use “%s”, not “%s”", "ignorecase": True,
                "swap": {r"(?<!\d\s?)per\s+cent": "percent"}},
    "percent-sign": {"extends": "substitution", "message": "“%s”, not “%s”", "ignorecase": True, "nonword": True,
                     "swap": {r"(?<=\d)\s?(?:per\s+cent|percent)(?![\p{L}\p{N}_])": "%"}},
    "us": {"extends": "substitution", "message": "“%s”, not “%s”",
           "swap": {r"US\.": "U.S.", r"(?<!\b\p{Lu}{2,}\s)US(?![.$]| Airways)": "U.S."}},
    "us-headline": {"extends": "substitution", "message": "“%s”, not “%s”", "swap": {r"U\.S\.": "US"}},
    "literals": {"extends": "substitution", "message": "“%s”, not “%s”", "ignorecase": True,
                 "exceptions": ["Per Cent"], "swap": {"per cent": "percent", "okay": "OK|all right",
                                                      "kelvin": "K", "sun": "Sun", r"colou?r": "colour",
                                                      r"in\s+vitro": "in vitro"}},
    "literals-case": {"extends": "substitution", "message": "“%s”, not “%s”",
                      "swap": {"Per Cent": "percent", "ſtraße": "Strasse", r"U\.K\.": "UK|U.K"}},
    "ungated": {"extends": "substitution", "message": "%s / %s", "swap": {r"\d+ ?\x70c": "per cent"}},
}
WORDS = ("per cent Per Cent PER CENT per  cent per\ncent percent Percent 5 per cent 5per cent 10percent 7 percent "
         "US US. U.S. US$ US Airways GET US OUT UK U.K. okay Okay OKAY kelvin KELVIN Kelvin color colour Colour "
         "ſtraße PER İ ı café £5 5pc 12 pc the The a ſun SUN ſUN İn vitro İN VITRO ın vitro").split(" ")
MARKS = [" ", " ", " ", ", ", ". ", "\n", "\n\n", "-", "(", ")", "“", "”", "\u00a0", "\t"]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.choice((rng.randint(0, 3), rng.randint(0, 40)))):
            parts.append(rng.choice(WORDS))
            parts.append(rng.choice(MARKS))
        texts.append("".join(parts))
    return texts + ["", "US", "per cent", "PER CENT", "Ǆ per cent", "per cent ſ", "5 per\u00a0cent", "\u212aelvin",
                     # Off the plain path, where ignoring case is not str.lower: no gate.
                     "ſun", "The ſUN rose.", "İn vitro", "İN VITRO tests"]


def _findings(rule, document, gated: bool):
    if not gated:
        rule.gate = None  # an instance attribute hides the class's gate
    try:
        return [(p.start, p.end, p.message, p.suggestions, p.edits, p.safe) for p in rule.check(document)]
    finally:
        rule.__dict__.pop("gate", None)


@pytest.mark.parametrize("seed", range(4))
def test_substitution_rules_find_the_same_with_and_without_gates(seed):
    from newslint.registry import default_registry

    parser = default_registry().parser_for("t.txt")
    classes = build_rules(DEFINITIONS, "test", prefix="test")
    assert classes["test/ungated"].gate is None
    rules = [cls() for cls in classes.values()]
    fresh = [cls() for cls in classes.values()]  # no outcome cache kept from other texts
    skipped = 0
    for text in _texts(150, seed):
        document = parser.parse(text, "t.txt", {})
        for rule, other in zip(rules, fresh):
            gated = _findings(rule, document, True)
            assert gated == _findings(other, parser.parse(text, "t.txt", {}), False), (rule.id, text)
            if rule.gate is not None and not _passes(rule.gate, _gate_text(document, rule.ignorecase)):
                skipped += 1
    assert skipped  # the gates did skip some texts
