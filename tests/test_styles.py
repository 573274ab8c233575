"""House-style profiles (`style:` in a configuration, `house-styles:` data in rules.yaml)."""

from __future__ import annotations

import textwrap

import pytest

import newslint
from newslint.config import load_config
from newslint.errors import ConfigError
from newslint.fixes import apply_edits


def _house(text: str, **overrides):
    config = load_config(select=["names/preferred-spelling"], overrides=overrides or None)
    return [(f.message, f.fix.edits[0].text) for f in newslint.check_text(text, config=config)]


def test_ap_is_the_default_and_writes_zelenskyy():
    assert load_config().style == "ap"
    assert _house("Mr Zelensky spoke.") == [("House style is “Zelenskyy”, not “Zelensky”", "Zelenskyy")]
    assert _house("Mr Zelenskyy spoke.") == []


def test_reuters_writes_zelenskiy():
    assert _house("Mr Zelenskyy spoke.", style="reuters") == [
        ("House style is “Zelenskiy”, not “Zelenskyy”", "Zelenskiy")]
    assert _house("Mr Zelenskiy spoke.", style="reuters") == []


@pytest.mark.parametrize(("style", "house", "others"), [
    ("ap", "Zelenskyy", ["Zelensky", "Zelenskiy"]),
    ("reuters", "Zelenskiy", ["Zelenskyy", "Zelensky"]),
    ("guardian", "Zelenskiy", ["Zelenskyy", "Zelensky"]),
    ("bbc", "Zelensky", ["Zelenskyy", "Zelenskiy"]),
])
def test_each_profile_spells_the_president_its_way_over_the_shared_data(style, house, others):
    assert _house(f"Mr {house} spoke in Kyiv.", style=style) == []
    for other in others:
        assert _house(f"Mr {other} spoke in Kiev.", style=style) == [
            (f"House style is “{house}”, not “{other}”", house), ("House style is “Kyiv”, not “Kiev”", "Kyiv")]


def test_bbc_writes_myanmar_but_a_mention_of_burma_stands():
    assert _house("Troops in Burma.", style="bbc") == [("House style is “Myanmar”, not “Burma”", "Myanmar")]
    assert _house("Myanmar, also known as Burma, voted.", style="bbc") == []
    assert _house("He won the Burma Star.", style="bbc") == []
    assert _house("Troops in Burma.") == []  # no cited AP entry is encoded


def test_unknown_style_is_a_config_error(tmp_path):
    path = tmp_path / ".newslint.yaml"
    path.write_text("style: nyt\n")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert "unknown house style" in str(error.value) and ":1" in str(error.value)


def test_every_profile_entry_cites_a_source():
    profiles = load_config().house_styles
    assert set(profiles) >= {"ap", "reuters", "guardian", "bbc"}
    for name, profile in profiles.items():
        for house, entry in ((profile or {}).get("names", {}).get("preferred") or {}).items():
            assert entry.get("source"), f"{name}: {house} has no source"
            assert "http" in entry["source"], f"{name}: {house}: the source names no page"
        for rule_id, definition in ((profile or {}).get("rules") or {}).items():
            assert "http" in str(definition.get("source") or ""), f"{name}: rule {rule_id} cites no source"


# -- house-style rules: active only under their profile -----------------------------------------
def _style(text: str, style: str | None = None, **overrides):
    """(rule, text flagged, suggestions, the text with the finding's fix applied or None)."""
    if style:
        overrides["style"] = style
    config = load_config(select=["style"], overrides=overrides or None)
    result = []
    for finding in newslint.check_text(text, config=config):
        lines = text.splitlines(keepends=True)
        start = sum(len(line) for line in lines[:finding.line - 1]) + finding.column - 1
        end = sum(len(line) for line in lines[:finding.end_line - 1]) + finding.end_column - 1
        fixed = apply_edits(text, finding.fix.edits) if finding.fix else None
        result.append((finding.rule, text[start:end], list(finding.suggestions), fixed))
    return result


def _fixed(text: str, style: str | None = None) -> str:
    """The text with every finding's safe fix applied (one pass), as --fix would."""
    config = load_config(select=["style"], overrides={"style": style} if style else None)
    edits = [edit for finding in newslint.check_text(text, config=config) if finding.fix and finding.fix.safe
             for edit in finding.fix.edits]
    return apply_edits(text, edits)


def test_each_profile_has_its_own_rules_under_shared_ids():
    ids = {name: set(rules) for name, rules in load_config().style_rules.items()}
    assert ids["ap"] == {"style/percent", "style/percent-sign", "style/us", "style/us-headline"}
    assert ids["bbc"] == {"style/percent", "style/percent-sign", "style/us"}
    assert ids["reuters"] == ids["guardian"] == {"style/us"}
    active = {a.rule.id for a in load_config(overrides={"style": "guardian"}).active_rules}
    assert "style/us" in active and "style/percent" not in active


@pytest.mark.parametrize(("text", "fixed"), [
    ("Forty per cent agreed.", "Forty percent agreed."),
    ("Per cent figures\n\nThe rest.", "Percent figures\n\nThe rest."),
    ("Some 5 per cent agreed.", "Some 5% agreed."),
    ("It rose 2.5 percent.", "It rose 2.5%."),
    ("It rose 7percent.", "It rose 7%."),
    ("Growth of 3 PER CENT.", "Growth of 3%."),
])
def test_ap_percent(text, fixed):
    assert _fixed(text) == fixed


@pytest.mark.parametrize("text", [
    "It rose 5% and a percentage point.", "She has a zero percent chance.", "The percentile rank.",
    "Per centum is Latin.", "They paid 3 percentage points more.",
])
def test_ap_percent_passes(text):
    assert _style(text) == []


@pytest.mark.parametrize(("text", "fixed"), [
    ("Sixty percent agreed.", "Sixty per cent agreed."),
    ("Percent rose.", "Per cent rose."),
    ("It grew 12 percent a year.", "It grew 12% a year."),
    ("A 50 per cent chance.", "A 50% chance."),
    ("Forty per cent agreed; 4% did not.", "Forty per cent agreed; 4% did not."),
])
def test_bbc_percent(text, fixed):
    assert _fixed(text, "bbc") == fixed


def test_percent_is_no_rule_where_no_source_was_found():
    for style in ("guardian", "reuters"):
        assert _style("Sixty percent and forty per cent.", style) == []


@pytest.mark.parametrize(("text", "fixed"), [
    ("The US-based firm grew.", "The U.S.-based firm grew."),
    ("Officials moved to the US.", "Officials moved to the U.S."),
    ("The US economy, said the US, grew.", "The U.S. economy, said the U.S., grew."),
    ("It hurt the US's exports.", "It hurt the U.S.'s exports."),
])
def test_ap_us_in_text(text, fixed):
    assert _fixed(text) == fixed
    assert _fixed(text, "reuters") == fixed


@pytest.mark.parametrize("text", [
    "Let us go.", "The U.S. economy grew.", "It cost US$5.", "She flew US Airways.", "They shouted GET US OUT now.",
    "The USA and the USSR.",
])
def test_ap_us_passes(text):
    assert _style(text) == []


def test_ap_headlines_drop_the_periods_and_reuters_leaves_them_be():
    text = "Talks with U.S. envoy resume\n\nThe U.S. envoy met US officials.\n"
    assert _fixed(text) == "Talks with US envoy resume\n\nThe U.S. envoy met U.S. officials.\n"
    assert _fixed(text, "reuters") == "Talks with U.S. envoy resume\n\nThe U.S. envoy met U.S. officials.\n"
    assert _fixed("Talks with US envoy resume\n\nThe rest.\n") == "Talks with US envoy resume\n\nThe rest.\n"


@pytest.mark.parametrize("style", ["guardian", "bbc"])
@pytest.mark.parametrize(("text", "fixed"), [
    ("The U.S.-based firm grew.", "The US-based firm grew."),
    ("The U.S. economy, said the U.S., grew 5%.", "The US economy, said the US, grew 5%."),
    ("Officials moved to the U.S.", "Officials moved to the US."),
    ("Officials moved to the U.S.\nThen more.", "Officials moved to the US.\nThen more."),
    ("They left the U.S. The talks ended.", "They left the US. The talks ended."),
])
def test_british_profiles_drop_the_full_stops_keeping_the_sentence_end(style, text, fixed):
    assert _fixed(text, style) == fixed


@pytest.mark.parametrize("style", ["guardian", "bbc"])
def test_us_before_a_capital_is_a_question_not_a_fix(style):
    # "the U.S. Treasury" or a sentence ending before a name: both are offered, neither applied.
    assert _style("They met the U.S. Treasury.", style) == [("style/us", "U.S.", ["US", "US."], None)]
    assert _style("The US economy and the U.S.A. grew.", style) == []


def test_style_rules_are_ignored_selected_and_set_like_any_rule(tmp_path):
    for style in ("ap", "bbc", "guardian"):
        assert _style("Sixty percent, 5 per cent, the U.S. and the US.", style, ignore=["style"]) == []
    path = tmp_path / ".newslint.yaml"
    path.write_text("style: bbc\nignore: [style/percent]\nrules:\n  style/us: info\n", encoding="utf-8")
    config = load_config(path)
    found = {(f.rule, f.severity) for f in newslint.check_text("Sixty percent in the U.S. economy.", config=config)
             if f.rule.startswith("style/")}
    assert found == {("style/us", "info")}
    # An id of another profile's rule is still a known id.
    path.write_text("style: guardian\nrules:\n  style/percent-sign: off\n", encoding="utf-8")
    assert load_config(path).rules["style/percent-sign"].severity == "off"


def test_a_newsroom_profile_with_names_and_rules(tmp_path):
    path = tmp_path / ".newslint.yaml"
    path.write_text(textwrap.dedent("""\
        house-styles:
          desk:
            names:
              preferred:
                Zelensky: {instead-of: [Zelenskyy], source: "our style guide, 2024"}
            rules:
              percent:
                extends: substitution
                message: "Desk style is “%s”, not “%s”"
                swap: {per cent: percent}
          ap:
            rules:
              toward:
                extends: substitution
                message: "AP style is “%s”, not “%s”"
                swap: {towards: toward}
        style: desk
        """), encoding="utf-8")
    config = load_config(path)
    found = [(f.rule, f.fix.edits[0].text) for f in newslint.check_text("Zelenskyy said 5 per cent.", config=config)
             if f.rule.startswith(("style/", "names/preferred"))]
    assert sorted(found) == [("names/preferred-spelling", "Zelensky"), ("style/percent", "percent")]
    # Extending the shipped ap profile keeps its rules and adds the newsroom's.
    assert set(config.style_rules["ap"]) >= {"style/us", "style/percent", "style/toward"}
    ap = load_config(path, overrides={"style": "ap"})
    assert {f.rule for f in newslint.check_text("It moved towards the US.", config=ap)} >= {"style/toward", "style/us"}


def test_a_bad_profile_rule_is_a_config_error_naming_the_file(tmp_path):
    path = tmp_path / ".newslint.yaml"
    path.write_text("house-styles:\n  desk:\n    rules:\n      bad:\n        extends: existence\n"
                    "        tokens: ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert "style/bad" in str(error.value) and ".newslint.yaml" in str(error.value)
    path.write_text("house-styles:\n  desk:\n    rules:\n      punctuation/doubled:\n        extends: existence\n"
                    "        tokens: [x]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="plugin's rule"):
        load_config(path)


def test_a_disable_comment_may_name_a_house_style_rule():
    config = load_config(select=["style"])
    text = "<!-- newslint-disable-next-line style/us -->\nThe US economy grew.\n"
    assert [f.rule for f in newslint.check_text(text, path="a.md", config=config)] == []
