"""The names rules: names/preferred-spelling and names/lowercase-proper-noun (example text written for this project)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newslint
from newslint.config import load_config
from newslint.fixes import apply_edits
from newslint.positions import LineIndex

PREFERRED = "names/preferred-spelling"
LOWERCASE = "names/lowercase-proper-noun"
_CONFIGS: dict = {}


def findings(rule: str, text: str, overrides: dict | None = None):
    key = (rule, repr(overrides))
    if key not in _CONFIGS:
        _CONFIGS[key] = load_config(select=[rule], overrides=overrides)
    return [f for f in newslint.check_text(text, path="t.txt", config=_CONFIGS[key]) if f.rule == rule]


def spans(rule: str, text: str, overrides: dict | None = None) -> list[str]:
    lines = LineIndex(text)
    return [text[lines.offset(f.line, f.column):lines.offset(f.end_line, f.end_column)]
            for f in findings(rule, text, overrides)]


def fixed(rule: str, text: str, overrides: dict | None = None) -> str:
    edits = [edit for f in findings(rule, text, overrides) if f.fix for edit in f.fix.edits]
    return apply_edits(text, edits)


# -- names/preferred-spelling ---------------------------------------------------

def test_position_message_and_fix():
    [finding] = findings(PREFERRED, "Talks resumed.\nOfficials in Kiev said so.")
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (2, 14, 2, 18)
    assert finding.message == "House style is “Kyiv”, not “Kiev”"
    assert finding.fix.safe and finding.suggestions == ("Kyiv",)


@pytest.mark.parametrize(("text", "expected"), [
    ("Kiev's mayor spoke.", "Kyiv's mayor spoke."),
    ("Kiev’s mayor spoke.", "Kyiv’s mayor spoke."),
    ("KIEV, May 2 - Talks began.", "KYIV, May 2 - Talks began."),
    ("A Kiev-based firm grew.", "A Kyiv-based firm grew."),
    ("The Ukraine has asked for aid.", "Ukraine has asked for aid."),
    ("They flew to the Ukraine.", "They flew to Ukraine."),
    ("Gas from the Ukraine and Russia.", "Gas from Ukraine and Russia."),
    ("Talks.\n\nOfficials in the\nUkraine said so.", "Talks.\n\nOfficials in Ukraine said so."),
    ("TALKS IN THE UKRAINE.", "TALKS IN UKRAINE."),
    ("Dynamo Kiev won again.", "Dynamo Kyiv won again."),
    ("Flights to Bombay and Calcutta resumed.", "Flights to Mumbai and Kolkata resumed."),
    ("Delegates from FYROM arrived.", "Delegates from North Macedonia arrived."),
])
def test_fix_keeps_possessives_case_and_surroundings(text, expected):
    assert fixed(PREFERRED, text) == expected


def test_the_ukraine_span_includes_the_article():
    assert spans(PREFERRED, "Prices rose in the Ukraine's capital.") == ["the Ukraine"]


@pytest.mark.parametrize("text", [
    "Leaders discussed the Ukraine crisis.",
    "Troops massed on the Ukraine border.",
    "He played for the Ukraine team in 2004.",
    "The Ukraine-Russia talks stalled.",
    "The restaurant served chicken Kiev.",
    "The menu listed Chicken Kiev.",
    "A history of Kievan Rus was published.",
    "She grew up in Odessa, Texas, and moved.",
    "England won the Calcutta Cup.",
    "Peking duck was served.",
    "The city of Mumbai (formerly Bombay) grew.",
    "The city of Mumbai (Bombay) grew.",
    "Kiev, now Kyiv, was the venue.",
    "The city formerly known as Bombay grew.",
    "He was born in 1950 in what was then Madras.",
    "The Soviet-era name Kharkov is still heard.",
    "Follow #Kiev and @Kiev for news.",
    "Read example.com/Kiev for more.",
    "Officials in Kyiv said so.",
    "Kievan history and Bombayite food.",
])
def test_exceptions_modifiers_mentions_and_links_pass(text):
    assert spans(PREFERRED, text) == []


def test_a_lowercase_old_form_is_left_alone():
    # "madras" is a cloth, "bombay mix" a snack: only forms written as names are matched.
    assert spans(PREFERRED, "A madras shirt and a bag of bombay mix.") == []


def test_user_dictionary_extends_the_defaults():
    overrides = {"names": {"preferred": {"Chornobyl": {"instead-of": ["Chernobyl"], "source": "test"}}}}
    assert spans(PREFERRED, "Chernobyl and Kiev were named.", overrides) == ["Chernobyl", "Kiev"]


@pytest.fixture(scope="module")
def big_rule():
    from newslint_plugins.names.preferred_spelling import PreferredSpelling

    preferred = {f"Newtown{i}": {"instead-of": [f"Oldtown{i}"], "source": "test"} for i in range(10_000)}
    preferred["Kyiv"] = {"instead-of": ["Kiev"], "exceptions": ["chicken Kiev"], "source": "test"}
    return PreferredSpelling({}, {"names": {"preferred": preferred}})


def test_a_ten_thousand_entry_dictionary_is_one_pattern_and_still_matches(big_rule):
    from newslint.builtin.plaintext import PlainTextParser

    doc = PlainTextParser().parse("From Oldtown9999 and Oldtown17 to Kiev, not chicken Kiev.", "t.txt")
    found = [doc.text[p.start:p.end] for p in big_rule.check(doc)]
    assert found == ["Oldtown9999", "Oldtown17", "Kiev"]


HOUSE = {"Kiev": "Kyiv", "KIEV": "KYIV", "Odessa": "Odesa", "ODESSA": "ODESA", "Bombay": "Mumbai",
         "the Ukraine": "Ukraine", "The Ukraine": "Ukraine", "THE UKRAINE": "UKRAINE", "Lvov": "Lviv",
         "Swaziland": "Eswatini", "Kharkov": "Kharkiv"}
WORDS = ["officials", "said", "in", "crisis", "and", "the", "of", "Kyiv", "chicken", "border", "Texas", "now",
         "formerly", "Rus", "’s", "'s", "-based", ",", ".", "(", ")", "\n", "#", "@", "KIEV"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + list(HOUSE)), max_size=40))
def test_every_finding_is_an_old_form_and_its_fix_is_the_house_form(pieces):
    text = " ".join(pieces)
    for finding in findings(PREFERRED, text):
        lines = LineIndex(text)
        span = text[lines.offset(finding.line, finding.column):lines.offset(finding.end_line, finding.end_column)]
        assert span in HOUSE, span
        [edit] = finding.fix.edits
        assert edit.text == HOUSE[span]


# -- names/lowercase-proper-noun --------------------------------------------------

def test_lowercase_name_position_and_fix():
    text = "The assault began.\nTroops left kyiv’s suburbs at dawn."
    [finding] = findings(LOWERCASE, text)
    assert (finding.line, finding.column, finding.end_column) == (2, 13, 17)
    assert finding.message == "“kyiv” is a proper name: write “Kyiv”"
    assert fixed(LOWERCASE, text) == "The assault began.\nTroops left Kyiv’s suburbs at dawn."


@pytest.mark.parametrize(("text", "expected"), [
    ("kyiv's envoy arrived.", "Kyiv's envoy arrived."),
    ("The pro-russian party won.", "The pro-Russian party won."),
    ("Talks on north macedonia ended.", "Talks on North Macedonia ended."),
    ("NATO met. Then nato said no.", "NATO met. Then NATO said no."),
    ("Nato met. Then nato said no.", "Nato met. Then Nato said no."),
    ("Then nato said no.", "Then Nato said no."),
])
def test_dictionary_names_are_capitalised_as_the_story_spells_them(text, expected):
    assert fixed(LOWERCASE, text) == expected


@pytest.mark.parametrize("text", [
    "Follow @kyiv, #kyiv and kyivpost.com or mail desk@kyiv.example.org.",
    "See https://example.com/news/kyiv-moscow for more.",
    "The Government said the government would act. The Government agreed, and the Government won.",
    "The Defence Ministry said the ministry had no comment. The Defence Ministry and the Defence Ministry agreed.",
    # Apple is a firm and a fruit: capitalised-common-words
    "Shares in Apple rose, analysts at Apple said, and Apple grew. He ate an apple.",
    # two capitalised uses are not enough evidence
    "Staff at Grentex said Grentex would grow. The grentex board agreed.",
    # capitals that open sentences, quotations or list items are no evidence
    "Grentex rose. Grentex fell. “Grentex,” he said. Grentex again. Then grentex.",
    # inside a title of several capitalised words
    "The Grentex Group and Grentex Holdings met Grentex Bank. The grentex board agreed.",
    # an all-capitals dateline counts as neither
    "GRENTVILLE, Ohio — Officials met. Later grentville and ohio voted.",
    # a lowercase headline is a style
    "kyiv talks stall\n\nOfficials met in Kyiv.",
])
def test_precision_guards(text):
    assert spans(LOWERCASE, text) == []


def test_a_word_capitalised_alone_elsewhere_is_a_name():
    text = "Shares in Grentex rose, analysts said Grentex would grow, and staff at Grentex cheered. The grentex deal."
    assert spans(LOWERCASE, text) == ["grentex"]
    [finding] = findings(LOWERCASE, text)
    assert "“Grentex” 3 times" in finding.message


def test_lowercase_inside_a_quotation_needs_the_dictionary():
    text = "Analysts said Grentex grew, staff at Grentex cheered and Grentex won. “thanks grentex,” he wrote."
    assert spans(LOWERCASE, text) == []
    assert spans(LOWERCASE, "He wrote: “thanks kyiv”.") == ["kyiv"]


def test_evidence_thresholds_are_options():
    text = "Staff at Grentex said Grentex would grow. The grentex board agreed."
    overrides = {"rules": {LOWERCASE: {"min-capitalised": 2, "min-ratio": 2}}}
    assert spans(LOWERCASE, text, overrides) == ["grentex"]


@pytest.mark.parametrize(("text", "expected"), [
    ("KIEV Officials met.", "KYIV Officials met."),
    ("NEWS FROM KIEV AND ODESSA", "NEWS FROM KYIV AND ODESA"),
    ("KIEV’S MAYOR", "KYIV’S MAYOR"),
    ("IN THE UKRAINE, PRICES ROSE", "IN UKRAINE, PRICES ROSE"),
])
def test_forms_in_capitals(text, expected):
    assert fixed(PREFERRED, text) == expected


def test_a_listed_name_the_house_style_replaces_is_fixed_to_the_house_form():
    overrides = {"names": {"preferred": {"Zelenskyy": {"instead-of": ["Zelensky"], "source": "test"}}}}
    assert fixed(LOWERCASE, "Talks with zelensky ended.", overrides) == "Talks with Zelenskyy ended."
    # The default house style (AP) writes Zelenskyy; Reuters, Zelenskiy (tests/test_styles.py).
    assert fixed(LOWERCASE, "Talks with zelensky ended.") == "Talks with Zelenskyy ended."
