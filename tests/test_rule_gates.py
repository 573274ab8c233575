"""The cheap whole-text tests ("gates") of the artifacts, punctuation and capitalization rules find
exactly what the rules found without them.

Each gate lets a rule skip a document, a paragraph or a line where it cannot find anything. These
tests turn the gates off and compare whole checks on random texts full of what the rules look for
(and on texts with only a little of it, where the gates do skip), and check the facts each gate
relies on.
"""

from __future__ import annotations

import random
import re

import pytest
import regex

VOCABULARY = (
    "the The THE the the a an in In in said Said told that that had had very very 10 10 in-fighting "
    "break-in Duran Duran Spend Spend Spend was is are de iPhone eBay www.example.com e.g. U.S. a.m. adidas "
    "TK XXX TKTK TK-1 xTK TK’s TK_ @TK [CHECK] [check] [check?] [TO COME] [[name]] {{x}} lorem ipsum Lorem "
    "Ipsum note Note NOTE notes to editors Editor's note: editors’ note EDITOR'S NOTE: TODO: FIXME footnote "
    "reuters reuters.com www.cnn.com ap bbc.co.uk Advertisement ADVERTISEMENT Read more Read more: READ MORE "
    "related Related: Follow us on Twitter follow like us on click here Sign up for our newsletter "
    "Story continues below (Image: Getty) Photo: AP Getty Images Image source, Reuters Picture credit: PA "
    "portwirenews wire.example.com café İstanbul Nº ß ſ K x_y À ÉCOLE £5 KELVIN"
).split(" ")
MARKS = [" ", " ", " ", " ", ", ", ". ", "; ", ": ", "! ", "? ", " “", "” ", "“", "”", "‘", "’", " ‘", "’ ", "'",
         "\"", " \"", "\" ", "-", "—", "\n", "\n", "\n\n", "\n\n", "\r\n", "\r\n\r\n", "\t", "\u00a0", "\u202f",
         "..", "...", "…", ",,", "!!", "??", " ,", " .", " ?", " !", " ;", " :", " ”", " ’", "\t.", "\u00a0,",
         "«", "»", "„", "‚", "‹", "›", " « ", " » ", "(", ")", "[", "]", ":)", ";-)", " : ", "::", ";;", "1..10",
         "../", "http://a.b/c..d", ". . .", "\n» ", "\n- ", "\n* ", "\n. . .\n"]
PROSE = ("Officials said the talks would resume on Monday after a week of delays and The minister told "
         "reporters it was a good deal for everyone").split()
PROSE_MARKS = [" "] * 12 + [", ", ". ", ".\n\n", "\n\n", ".\n"]
RULES = ["artifacts", "punctuation", "capitalization"]


def _texts(count: int, seed: int) -> list[str]:
    """Random texts: some full of what the rules look for, some plain prose with a little of it, in
    Latin-1 or not, some all lowercase or all capitals."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        share = rng.choice([1.0, 0.3, 0.05, 0.01])
        parts = []
        for _ in range(rng.randint(2, 250 if share < 0.1 else 80)):
            parts.append(rng.choice(VOCABULARY) if rng.random() < share else rng.choice(PROSE))
            parts.append(rng.choice(MARKS) if rng.random() < share else rng.choice(PROSE_MARKS))
        text = "".join(parts)
        if rng.random() < 0.5:
            text = text.encode("latin-1", "ignore").decode("latin-1")
        if rng.random() < 0.2:
            text = text.lower()
        elif rng.random() < 0.1:
            text = text.upper()
        texts.append(text)
    return texts


def _gates_off(monkeypatch, config) -> None:
    """Every gate of these rules off: each rule looks at every document, paragraph and line."""
    from newslint_plugins.artifacts import editor_note, repeated_word, stray_tag
    from newslint_plugins.capitalization import sentence_start
    from newslint_plugins.punctuation import _scan, doubled, foreign_quotes, nested_quotes, space_before

    always = lambda *args, **kwargs: True  # noqa: E731
    monkeypatch.setattr(editor_note, "_holds_any", always)
    monkeypatch.setattr(editor_note, "_holds_any_between", always)
    monkeypatch.setattr(repeated_word.RepeatedWord, "_candidates", lambda self, document: None)
    monkeypatch.setattr(stray_tag._LiteralGate, "may_match", always)
    monkeypatch.setattr(sentence_start, "_NOT_CAPITAL", re.compile("(?s)."))
    monkeypatch.setattr(sentence_start, "_OPENING", "")
    monkeypatch.setattr(foreign_quotes, "_holds_foreign", always)
    monkeypatch.setattr(nested_quotes, "_has_nesting", always)
    monkeypatch.setattr(space_before, "spaced_closing_quote", always)

    def every_offset(document):
        # Every offset counts as a doubled mark (every paragraph is searched); the spaced marks are
        # what the rule's pattern found before the shared scan: a mark after one of the spaces.
        text = document.text
        spaced = [m.start() for m in regex.finditer(r"(?<=[ \t\u00a0\u202f\u2009])[,.;:!?]", text)]
        return _scan.MarkSpots(list(range(len(text))), spaced)

    monkeypatch.setattr(doubled, "mark_spots", every_offset)
    monkeypatch.setattr(space_before, "mark_spots", every_offset)
    for active in config.active_rules:
        if active.rule.id == "artifacts/stray-tag":
            active.rule._tag_initials = active.rule._tag_starts = active.rule._boilerplate_starts = None


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_rules_find_the_same_with_their_gates_off(monkeypatch, suffix):
    import newslint

    texts = _texts(150, seed={".txt": 1, ".md": 2, ".html": 3}[suffix])
    config = newslint.load_config(select=RULES)
    fast = [newslint.check_text(text, path="a" + suffix, config=config) for text in texts]
    assert len({finding.rule for findings in fast for finding in findings}) >= 9
    with monkeypatch.context() as patch:
        config = newslint.load_config(select=RULES)  # fresh rule instances
        _gates_off(patch, config)
        slow = [newslint.check_text(text, path="a" + suffix, config=config) for text in texts]
    assert fast == slow


def test_mark_spots_are_every_mark_after_a_space_and_every_doubled_mark():
    from newslint.registry import default_registry
    from newslint_plugins.punctuation import _scan, space_before

    assert _scan.SPACES == space_before._SPACE
    parser = default_registry().parsers["text"]
    doubled = regex.compile(r"([,;:!?])\1+|(?<!\.)\.\.(?!\.)")
    for text in _texts(300, seed=4):
        document = parser.parse(text)
        spots = _scan.mark_spots(document)
        assert spots.spaced == [m.start() for m in regex.finditer(r"(?<=[ \t\u00a0\u202f\u2009])[,.;:!?]", text)]
        # Every match of punctuation/doubled's pattern, in any paragraph, holds a counted spot.
        for paragraph in document.paragraphs:
            for match in doubled.finditer(text, paragraph.start, paragraph.end):
                assert match.start() + 1 in spots.doubled, (text, match)
        assert _scan.spaced_closing_quote(text) == bool(re.search("[ \t\u00a0\u202f\u2009][”’]", text))


def test_lowercase_is_str_lower():
    from newslint_plugins.artifacts._common import lowercase

    for code in range(256):
        assert len(chr(code).lower()) == 1 and ord(chr(code).lower()) < 256
    for text in _texts(200, seed=5) + ["À ÉCOLE £5 ß ÿ µ", "İstanbul KELVIN K", ""]:
        assert lowercase(text) == text.lower()


def test_fewest_needles_tell_whether_a_text_holds_a_needle():
    from newslint_plugins.artifacts._common import fewest_needles

    needles = ["note", "editor's note", "lorem ipsum", "[", "[[", "{{", "TODO", "ab", "b", "abc"]
    fewest = fewest_needles(needles)
    assert set(fewest) == {"note", "lorem ipsum", "[", "{{", "TODO", "b"}
    rng = random.Random(6)
    alphabet = "note editor's lorem ipsum [[{{TODO abc"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        assert any(n in text for n in needles) == any(n in text for n in fewest), text


def test_placeholders_are_whole_words_of_the_word_lists():
    import newslint
    from newslint.registry import default_registry

    config = newslint.load_config(select=["artifacts/editor-note"])
    rule = config.active_rules[0].rule
    assert rule._word_placeholders and not rule._other_placeholders
    parser = default_registry().parsers["text"]
    for text in _texts(300, seed=7):
        document = parser.parse(text)
        for match in rule._placeholder.finditer(text):
            assert match.group() in document.words.segments, (text, match)


def test_stray_tag_line_gates_pass_every_stray_line():
    import newslint
    from newslint_plugins.artifacts import stray_tag

    config = newslint.load_config(select=["artifacts/stray-tag"])
    rule = config.active_rules[0].rule
    rng = random.Random(8)
    lines = [line.strip(" \t") for text in _texts(300, seed=9) for line in re.split("[\r\n]+", text)]
    lines += ["reuters", "www.cnn.com", "cnn.co.uk", "Advertisement", "— Read  more »", ".\u00a0Read more",
              "SKIP ADVERTISEMENT", "Read more: the report", "Follow us on Twitter", "(Image: Getty)",
              "Photo: AP", "Reuters/Getty Images", "ADVERTIſEMENT", "Sponſored content"]
    lines += ["".join(rng.choice("Read more: Advertisement»—. ") for _ in range(rng.randint(1, 30)))
              for _ in range(2000)]
    for line in filter(None, lines):
        joined = "\n" + line
        if rule._tag.fullmatch(line):
            assert line[:1] in rule._tag_initials and rule._tag_starts.search(joined), line
        if stray_tag._normalise(line) in rule._boilerplate:
            assert rule._boilerplate_starts.search(joined.casefold()), line
        if (stray_tag._any_fullmatch(rule._patterns, rule._pattern_literals, line)
                or stray_tag._any_fullmatch(rule._credits, rule._credit_literals, line)):
            assert rule._literal_gate.may_match(line) and rule._literal_gate.may_match(joined), line


def test_sentence_start_opening_marks_are_those_of_its_lead():
    from newslint.document import Sentence
    from newslint_plugins.capitalization import sentence_start

    assert sentence_start._START(Sentence(3, 9, 0)) == 3

    lead = re.compile(sentence_start._LEAD.pattern)
    for mark in sentence_start._OPENING:
        assert lead.fullmatch(mark), mark
    # No letter or digit is part of the lead: after an opening mark, a capital or digit is the word.
    for code in range(0x3000):
        char = chr(code)
        if char.isalnum():
            assert lead.match(char).end() == 0, hex(code)
