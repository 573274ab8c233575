"""Every rule's should-flag / should-pass table, run by one parametrized test (proselint's model)."""

from __future__ import annotations

import pytest

from newslint.config import load_config
from newslint.fixes import apply_edits
from newslint.registry import default_registry
from newslint.rule import Flag, Pass
from newslint.runner import check_source

REGISTRY = default_registry()


def _cases():
    for rule in REGISTRY.rules.values():
        for index, example in enumerate(rule.examples):
            kind = "flag" if isinstance(example, Flag) else "pass"
            yield pytest.param(rule.id, example, id=f"{rule.id}-{kind}-{index}")


def _findings(rule_id: str, text: str):
    config = load_config(registry=REGISTRY, select=[rule_id])
    if config.rules.get(rule_id) and config.rules[rule_id].severity == "off":
        config.rules[rule_id].severity = REGISTRY.rules[rule_id].severity
    return check_source(text, "example.txt", config, REGISTRY)


def _span_text(text: str, finding) -> str:
    from newslint.positions import LineIndex

    lines = LineIndex(text)
    return text[lines.offset(finding.line, finding.column):lines.offset(finding.end_line, finding.end_column)]


@pytest.mark.parametrize(("rule_id", "example"), list(_cases()))
def test_rule_example(rule_id, example):
    findings = [f for f in _findings(rule_id, example.text) if f.rule == rule_id]
    if isinstance(example, Pass):
        assert findings == [], f"{rule_id} should not flag {example.text!r}"
        return
    flagged = [_span_text(example.text, f) for f in findings]
    assert example.match in flagged, f"{rule_id} should flag {example.match!r} in {example.text!r}; got {flagged}"
    if example.fixed is not None:
        finding = findings[flagged.index(example.match)]
        assert finding.fix is not None, f"{rule_id} offers no fix for {example.match!r}"
        assert apply_edits(example.text, finding.fix.edits) == example.fixed


def test_every_rule_has_examples_both_ways():
    for rule in REGISTRY.rules.values():
        kinds = {type(example) for example in rule.examples}
        assert kinds == {Flag, Pass}, f"{rule.id} needs both should-flag and should-pass examples"


def test_every_rule_is_documented():
    for rule in REGISTRY.rules.values():
        doc = rule.documentation()
        assert len(doc) > 80, f"{rule.id} has no documentation beside its code"
        assert "fix" in doc.lower(), f"{rule.id}'s documentation does not say how to fix it"


def test_fixable_rules_show_a_fixed_example():
    for rule in REGISTRY.rules.values():
        if rule.fix:
            assert any(isinstance(e, Flag) and e.fixed is not None for e in rule.examples), \
                f"{rule.id} is fixable but no example shows the fixed text"
