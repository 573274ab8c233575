"""The attribution plugin: the annotated table (tests/attribution_cases.py), the seed article,
its configuration in rules.yaml, and that its work is shared and linear."""

from __future__ import annotations

import time

import pytest

import newslint
from attribution_cases import CASES, RULES
from conftest import SHARED
from newslint.config import load_config
from newslint.registry import default_registry

PLUGIN = "attribution"
SEED = SHARED / "seed" / "article.txt"


@pytest.fixture(scope="module")
def config():
    return load_config(select=[PLUGIN])


def _flagged(text: str, config) -> set[str]:
    return {f.rule for f in newslint.check_text(text, path="case.txt", config=config) if f.rule.startswith(PLUGIN)}


def test_the_table_is_big_enough_and_covers_every_rule():
    assert len(CASES) >= 40
    for name in RULES:
        assert sum(1 for c in CASES if name in c.flags) >= 5, f"too few cases flagged by {name}"
    topics = " ".join(c.topic for c in CASES)
    for needed in ("multi-paragraph", "colon-introduced", "pronoun speaker", "according to", "partial quote",
                   "scare quote", "straight quotes"):
        assert needed in topics, f"no case for {needed}"


@pytest.mark.parametrize("case", [
    pytest.param(c, id=c.topic, marks=[pytest.mark.xfail(reason=f"known {c.known}", strict=False)] if c.known else [])
    for c in CASES
])
def test_annotated_case(case, config):
    expected = {RULES[name] for name in case.flags}
    assert _flagged(case.text, config) == expected


def test_partial_quote_flags_the_quotation_itself(config):
    text = "The ward has been “a mess from top to bottom, every single night” since the merger."
    [finding] = [f for f in newslint.check_text(text, path="case.txt", config=config)]
    assert text[finding.column - 1:finding.end_column - 1] == "“a mess from top to bottom, every single night”"
    assert "Who said" in finding.message


def test_messages_say_what_is_missing(config):
    for text in ("The chancellor is furious about the leaked budget figures.",
                 "Critics say the new stadium will never pay for itself."):
        [finding] = newslint.check_text(text, path="case.txt", config=config)
        assert "Who says so" in finding.message or "who, exactly" in finding.message.lower()
        assert "source" in finding.message


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed/article.txt is absent")
def test_seed_article(config):
    findings = newslint.check_text(SEED.read_text(encoding="utf-8"), path=str(SEED), config=config)
    assert any(f.line == 10 and f.rule == "attribution/unattributed-claim" for f in findings)
    assert not [f for f in findings if f.line in (5, 6, 8) and f.rule == "attribution/unattributed-quote"]
    # The founding article's clean lines stay clean.
    assert not [f for f in findings if f.line in (1, 4, 5, 7)]


def test_rules_yaml_holds_every_option_at_its_default():
    registry = default_registry()
    defaults = load_config(registry=registry)
    for rule_id in RULES.values():
        rule = registry.rules[rule_id]
        settings = defaults.rules[rule_id]
        assert settings.severity == rule.severity
        for name, option in rule.options.items():
            assert settings.options.get(name) == option.default, f"rules.yaml: {rule_id}.{name} differs"


def test_a_newsroom_can_tune_the_lists(tmp_path):
    user = tmp_path / ".newslint.yaml"
    user.write_text("rules:\n"
                    "  attribution/loaded-verb:\n    quote-only: []\n"
                    "  attribution/unattributed-claim:\n    judgments: [feeble]\n", encoding="utf-8")
    config = load_config(user, select=[PLUGIN])
    assert _flagged("The former treasurer admitted he had taken the money.", config) == {"attribution/loaded-verb"}
    assert _flagged("The response was slow and feeble.", config) == {"attribution/unattributed-claim"}
    assert _flagged("The response was a disaster.", config) == set()


def test_loaded_verb_fix_keeps_the_tense(config):
    from newslint.fixes import apply_edits

    for text, fixed in [("Officials claim the figures are wrong.", "Officials say the figures are wrong."),
                        ("He is claiming that the vote was rigged.", "He is saying that the vote was rigged."),
                        ("“We won,” insisted the coach.", "“We won,” said the coach.")]:
        [finding] = newslint.check_text(text, path="case.txt", config=config)
        assert finding.fix is not None and not finding.fix.safe
        assert apply_edits(text, finding.fix.edits) == fixed


def test_the_analysis_is_computed_once_and_shared():
    from newslint_plugins.attribution._common import analysis

    registry = default_registry()
    document = registry.parsers["text"].parse("“We will stay,” she said. Critics say it is a disaster.", "a.txt")
    first = analysis(document)
    assert analysis(document) is first
    assert first.find.__self__ is first


def test_checking_time_grows_linearly(config):
    paragraph = ("The council met on Tuesday. “We will rebuild every home that was lost,” the mayor said. "
                 "Critics say the plan is a disaster. The developer claimed that the flats would be finished "
                 "by spring. At least 12 people have been killed in flooding.\n\n")

    def timed(copies: int) -> float:
        text = paragraph * copies
        started = time.perf_counter()
        newslint.check_text(text, path="big.txt", config=config)
        return time.perf_counter() - started

    timed(20)  # warm up
    small, large = timed(100), timed(1000)
    assert large < 25 * small + 0.5, f"10x the text took {large / small:.1f}x the time"
