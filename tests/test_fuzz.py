"""Adversarial documents against every parser and every rule: no exception, spans inside the text,
line/column round-trip, deterministic output. A higher budget: scripts/fuzz_hypothesis.py."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings

from adversarial import documents
from newslint.config import load_config
from newslint.positions import LineIndex
from newslint.registry import default_registry
from newslint.runner import check_source

EXAMPLES = int(os.environ.get("NEWSLINT_FUZZ_EXAMPLES", "60"))
REGISTRY = default_registry()
CONFIG = load_config(registry=REGISTRY)


@pytest.mark.parametrize("extension", [".txt", ".md", ".html"])
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=documents())
def test_every_parser_and_rule_survives_adversarial_input(extension, text):
    errors: list = []
    first = check_source(text, "fuzz" + extension, CONFIG, REGISTRY, errors=errors)
    assert errors == [], errors
    lines = LineIndex(text)
    for finding in first:
        start = lines.offset(finding.line, finding.column)
        end = lines.offset(finding.end_line, finding.end_column)
        assert 0 <= start <= end <= len(text)
        assert lines.position(start) == (finding.line, finding.column)
        if finding.fix:
            for edit in finding.fix.edits:
                assert lines.offset(edit.line, edit.column) <= lines.offset(edit.end_line, edit.end_column)
    assert check_source(text, "fuzz" + extension, CONFIG, REGISTRY) == first  # deterministic


REGRESSIONS = sorted((os.path.dirname(__file__) + "/regressions/" + name)
                     for name in os.listdir(os.path.join(os.path.dirname(__file__), "regressions")))


@pytest.mark.parametrize("path", REGRESSIONS, ids=os.path.basename)
def test_fuzzer_crash_regressions(path):
    data = open(path, "rb").read()
    text = data.decode("utf-8", errors="surrogateescape").encode("utf-8", errors="replace").decode("utf-8")
    for extension in (".txt", ".md", ".html"):
        errors: list = []
        check_source(text, "crash" + extension, CONFIG, REGISTRY, errors=errors)
        assert errors == []
