"""The artifacts plugin: stray tags, editor notes and repeated words, with exact positions and fixes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newslint
from newslint.config import load_config
from newslint.errors import ConfigError
from newslint.fixes import apply_edits
from newslint.positions import LineIndex

STRAY = "artifacts/stray-tag"
NOTE = "artifacts/editor-note"
REPEAT = "artifacts/repeated-word"


def check(text: str, rule: str, overrides: dict | None = None):
    config = load_config(select=[rule], overrides=overrides)
    return [f for f in newslint.check_text(text, path="story.txt", config=config) if f.rule == rule]


def span(text: str, finding) -> str:
    lines = LineIndex(text)
    return text[lines.offset(finding.line, finding.column):lines.offset(finding.end_line, finding.end_column)]


def positions(findings):
    return [(f.line, f.column, f.end_line, f.end_column) for f in findings]


# -- artifacts/stray-tag ------------------------------------------------------

STORY = [
    "Harbour dues to rise",
    "The port authority will raise harbour dues by 4% from April, its chair said.",
    "Fishing crews said the increase would cost each boat about £900 a year.",
    "nbcnews",
]


def test_stray_tag_exact_position_and_message():
    text = "\n".join(STORY)
    (finding,) = check(text, STRAY)
    assert positions([finding]) == [(4, 1, 4, 8)]
    assert span(text, finding) == "nbcnews"
    assert finding.severity == "warning"
    assert "nbcnews" in finding.message
    assert finding.fix is not None and finding.fix.safe is False


def test_stray_tag_column_after_indentation():
    text = "The ferry was late.\n   Advertisement  \nPassengers waited.\n"
    (finding,) = check(text, STRAY)
    assert positions([finding]) == [(2, 4, 2, 17)]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("where", [0, 1, 2, 3])
@pytest.mark.parametrize("final_newline", [True, False])
@pytest.mark.parametrize("tag", ["nbcnews", "Advertisement", "READ MORE", "(Image: Getty)"])
def test_unsafe_fix_deletes_exactly_one_line(newline, where, final_newline, tag):
    lines = STORY[:3]
    lines = lines[:where] + [tag] + lines[where:]
    text = newline.join(lines) + (newline if final_newline else "")
    (finding,) = check(text, STRAY)
    assert finding.line == where + 1
    fixed = apply_edits(text, finding.fix.edits)
    expected = newline.join(STORY[:3]) + (newline if final_newline else "")
    assert fixed == expected
    # Exactly one line gone, and nothing else changed: no stray \r, no joined lines.
    assert fixed.splitlines() == [line for line in text.splitlines() if line != tag]


def test_fix_of_a_document_that_is_only_a_tag_empties_it():
    (finding,) = check("Advertisement", STRAY)
    assert apply_edits("Advertisement", finding.fix.edits) == ""


@pytest.mark.parametrize("text", [
    "Reuters",  # a capitalised credit or byline, not a tag
    "NBC News could not verify the report.",
    "The regulator banned the advertisement.",
    "Click-through rates fell.",
    "The firm said it would follow up on Twitter complaints.",
    "Picture: a crowd outside the court",  # a caption, not a credit
])
def test_stray_tag_passes_copy(text):
    assert check(f"The council met on Monday.\n{text}\nIt will meet again in May.", STRAY) == []


def test_hard_wrapped_sentence_is_not_a_stray_line():
    text = "Broadcasters must clear every\nadvertisement\nwith the regulator first.\n"
    assert check(text, STRAY) == []
    # The same word after a finished sentence is a leftover.
    assert len(check("The regulator approved it.\nAdvertisement\nwith thanks.\n", STRAY)) == 1


def test_consecutive_stray_lines_are_each_flagged():
    text = "The bridge reopened.\nShare this article\nreuters.com\nAdvertisement\nTraffic was light.\n"
    assert [span(text, f) for f in check(text, STRAY)] == ["Share this article", "reuters.com", "Advertisement"]


def test_a_newsroom_adds_its_own_tag():
    text = "The bridge reopened.\ndailyplanet\nTraffic was light.\n"  # mid-article: no lone-word guess
    assert check(text, STRAY) == []
    overrides = {"rules": {STRAY: {"tags": ["dailyplanet"]}}}
    (finding,) = check(text, STRAY, overrides)
    assert span(text, finding) == "dailyplanet"
    # Web-address forms of a tag come with it.
    assert len(check("The bridge reopened.\nwww.dailyplanet.com\nTraffic was light.\n", STRAY, overrides)) == 1


def test_a_lone_lowercase_word_at_the_end_is_a_tag_unless_disabled():
    text = "The bridge reopened.\ndailyplanet\n"
    (finding,) = check(text, STRAY)
    assert span(text, finding) == "dailyplanet"
    assert check(text, STRAY, {"rules": {STRAY: {"lone-word-at-edges": False}}}) == []
    assert check("The bridge reopened.\nTraffic was light.\n", STRAY) == []


def test_a_bad_pattern_is_a_config_error():
    with pytest.raises(ConfigError, match="patterns"):
        check("Advertisement", STRAY, {"rules": {STRAY: {"patterns": ["(unclosed"]}}})


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["The vote is on Friday.", "Rents rose again this year.", "",
                                 "Officials said the plan was sound."]), min_size=1, max_size=8),
       st.integers(min_value=0, max_value=8), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_stray_line_fix_removes_that_line_only(lines, where, newline, final_newline):
    where = min(where, len(lines))
    lines = lines[:where] + ["cnn.com"] + lines[where:]
    text = newline.join(lines) + (newline if final_newline else "")
    (finding,) = check(text, STRAY)
    assert finding.line == where + 1
    others = lines[:where] + lines[where + 1:]
    assert apply_edits(text, finding.fix.edits) == newline.join(others) + (newline if final_newline else "")


# -- artifacts/editor-note ----------------------------------------------------

def test_editor_note_exact_columns_and_no_fix():
    text = "Turnout was TK per cent.\nThe report is online [LINK TO COME] now.\n"
    findings = check(text, NOTE)
    assert positions(findings) == [(1, 13, 1, 15), (2, 22, 2, 36)]
    assert [span(text, f) for f in findings] == ["TK", "[LINK TO COME]"]
    assert all(f.severity == "error" and f.fix is None for f in findings)


def test_a_bracketed_placeholder_is_one_finding():
    text = "The spokesman, [TK], declined to comment."
    assert [span(text, f) for f in check(text, NOTE)] == ["[TK]"]


@pytest.mark.parametrize(("text", "match"), [
    ("The deal is worth £TKTK.", "TKTK"),
    ("Figures [FACT CHECK] show a rise.", "[FACT CHECK]"),
    ("Rents rose by a third [NEEDS SOURCE].", "[NEEDS SOURCE]"),
    ("It opened in 1962 [check date].", None),  # lowercase words running on: an insertion
    ("It opened in 1962 [check?].", "[check?]"),
    ("Hello {{first_name}}, the letter began.", "{{first_name}}"),
    ("Notes to editors\nThe firm employs 40 people.", "Notes to editors"),
])
def test_editor_note_cases(text, match):
    found = [span(text, f) for f in check(text, NOTE)]
    assert found == ([match] if match else [])


@pytest.mark.parametrize("text", [
    "TK Maxx reported higher sales.",
    "The winner took the title by TKO.",
    "THE TK MAXX SALE STARTS TODAY",
    "The XXX Olympiad was held in Moscow.",
    "The movie XXX made $44m in its first weekend.",
    "The new .xxx web addresses went on sale.",
    "Editor’s note: an earlier version of this story gave the wrong date.",
    "In a note to editors, the company apologised.",
    "“We wanted [the council] to listen,” she said.",
    "He wrote the word XXXX in the sand.",
])
def test_editor_note_passes(text):
    assert check(text, NOTE) == []


# -- artifacts/repeated-word --------------------------------------------------

def test_repeated_word_exact_columns_and_fix():
    text = "Ministers met on Monday.\nThey said the the deal was close.\n"
    (finding,) = check(text, REPEAT)
    assert positions([finding]) == [(2, 11, 2, 18)]
    assert finding.fix.safe is True
    assert apply_edits(text, finding.fix.edits) == "Ministers met on Monday.\nThey said the deal was close.\n"


@pytest.mark.parametrize("text", [
    "The shop was hit by a break-in in May.",
    "Years of in-fighting in in-trays and inboxes.",
    "Voters told Theresa May may be the favourite.",
    "The singer was really really pleased.",
])
def test_repeated_word_passes(text):
    assert check(text, REPEAT) == []


WORDS = ["the", "The", "THE", "in", "In", "on", "plan", "Plan", "it's", "well-known", "é", "É"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "  ", "\t", " ", ", ", ". ", "\n"])),
                max_size=25))
def test_every_repeated_word_finding_is_two_equal_words_and_its_fix_leaves_one(pieces):
    text = "".join(word + gap for word, gap in pieces)
    for finding in check(text, REPEAT):
        words = span(text, finding).split()
        assert len(words) == 2 and words[0].casefold() == words[1].casefold()
        fixed = apply_edits(text, finding.fix.edits)
        lines = LineIndex(text)
        start = lines.offset(finding.line, finding.column)
        assert fixed == text[:start] + words[0] + text[lines.offset(finding.end_line, finding.end_column):]


@pytest.mark.parametrize(("text", "flagged"), [
    ("Editor's note: this story has been updated.", False),
    ("The mill closed in 1990. (Editor's note: it reopened in 2001.)", False),
    ("The magazine printed an editor's note: the interview was cut.", False),
    ("The mill closed in 1990. EDITOR'S NOTE: check the year.", True),
])
def test_editors_note_is_flagged_only_as_a_leftover(text, flagged):
    assert bool(check(text, NOTE)) is flagged


def test_doubled_placeholder_is_flagged_twice():
    text = "The fund will cost TK TK a year."
    assert positions(check(text, NOTE)) == [(1, 20, 1, 22), (1, 23, 1, 25)]
