"""Loading YAML: libyaml's parser when PyYAML has it, with the same data, lines and messages as
PyYAML's own parser."""

from __future__ import annotations

import datetime
import os
import tempfile
from pathlib import Path
from unittest import mock

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.errors import ConfigError
from newslint.yamlfile import LineDict, _loader, _thaw, load_yaml

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


def _typed(value):
    """``_lines``, with each scalar's type (True and 1 are equal, but not the same setting)."""
    if isinstance(value, LineDict):
        return ("map", getattr(value, "line", None),
                [(_typed(key), value.lines.get(key), _typed(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ["list", *map(_typed, value)]
    return (type(value).__name__, value)


CACHED_SCALARS = st.one_of(SCALARS, st.floats(allow_nan=False), st.dates(), st.just("2024-05-01"))
CACHED_DOCUMENTS = st.recursive(CACHED_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.one_of(st.text("abcdefgh-_ ", min_size=1, max_size=6), st.integers(0, 9), st.booleans()),
                    inner, max_size=4)),
    max_leaves=16)


@settings(max_examples=100, deadline=None)
@given(CACHED_DOCUMENTS, st.booleans())
def test_a_file_read_from_the_start_up_cache_is_the_file_parsed(document, flow):
    # The cache keeps a parse in a compact shape (newslint.yamlfile._freeze): read back, it must be
    # the parse itself, types and key lines included.
    text = yaml.safe_dump({"root": document, "dated": datetime.date(2024, 5, 1)}, default_flow_style=flow,
                          allow_unicode=True)
    with tempfile.TemporaryDirectory() as folder, mock.patch.dict(os.environ, {"NEWSLINT_CACHE_HOME": folder}):
        path = Path(folder) / "config.yaml"
        path.write_text(text, encoding="utf-8")
        parsed = load_yaml(path)
        with mock.patch("yaml.load", side_effect=AssertionError("parsed again")):
            cached = load_yaml(path)
    assert _typed(cached) == _typed(parsed)


def test_a_parse_the_cache_cannot_keep_is_parsed_each_time(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_HOME", str(tmp_path))
    path = tmp_path / "config.yaml"
    path.write_text("words: !!set {a, b}\n2024-05-01: a date as a key\n", encoding="utf-8")
    assert load_yaml(path) == load_yaml(path) == {"words": {"a", "b"}, datetime.date(2024, 5, 1): "a date as a key"}
    assert not (tmp_path / "yaml").exists()


def test_thaw_rebuilds_line_dicts_with_their_lines():
    frozen = ("d", 3, ("a", "b"), (3, 4), [1, ("L", ["x"])], False)
    thawed = _thaw(frozen)
    assert type(thawed) is LineDict and thawed == {"a": 1, "b": ["x"]}
    assert (thawed.line, thawed.lines, thawed.line_of("b")) == (3, {"a": 3, "b": 4}, 4)
