"""Loading YAML: libyaml's parser when PyYAML has it, with the same data, lines and messages as
PyYAML's own parser."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.errors import ConfigError
from newslint.yamlfile import LineDict, _loader, load_yaml

ROOT = Path(__file__).resolve().parent.parent


def _both(text: str):
    return [yaml.load(text, Loader=_loader(fast)) for fast in (True, False)]  # noqa: S506 - safe loaders


def _lines(value):
    """The data with every mapping's key lines, for comparing two loads."""
    if isinstance(value, LineDict):
        return ("map", value.line, [(key, value.lines.get(key), _lines(item)) for key, item in value.items()])
    if isinstance(value, list):
        return [_lines(item) for item in value]
    return value


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML without libyaml")
def test_the_fast_loader_is_libyaml_and_safe():
    assert issubclass(_loader(), yaml.CSafeLoader) and issubclass(_loader(fast=False), yaml.SafeLoader)
    with pytest.raises(ConfigError, match="could not determine a constructor"):
        load_yaml("x.yaml", "a: !!python/object/apply:os.system [echo]\n")


def test_rules_yaml_loads_the_same_with_both_parsers():
    fast, pure = _both((ROOT / "rules.yaml").read_text(encoding="utf-8"))
    assert _lines(fast) == _lines(pure)


SCALARS = st.one_of(st.integers(-10**6, 10**6), st.booleans(), st.none(),
                    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12))
DOCUMENTS = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text("abcdefgh-_ ", min_size=1, max_size=6), inner, max_size=4)),
    max_leaves=12)


@settings(max_examples=150, deadline=None)
@given(DOCUMENTS, st.booleans())
def test_both_parsers_read_the_same_data_and_lines(document, flow):
    text = yaml.safe_dump({"root": document}, default_flow_style=flow, allow_unicode=True)
    fast, pure = _both(text)
    assert _lines(fast) == _lines(pure)


@pytest.mark.parametrize("text, message", [
    ("a:\n\t- b\n", r"x\.yaml:2: invalid YAML: found character '\\t' that cannot start any token"),
    ("a: &x 1\nb: *y\n", r"x\.yaml:2: invalid YAML: found undefined alias 'y'"),
    ("a: [b\n", r"x\.yaml:2: invalid YAML: expected ',' or '\]', but got '<stream end>'"),
    ("a: 1\na: 2\n", r"x\.yaml:2: a: duplicate key 'a'"),
])
def test_errors_keep_pyyaml_messages_and_lines(text, message):
    with pytest.raises(ConfigError, match=message):
        load_yaml("x.yaml", text)
