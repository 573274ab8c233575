"""House-style profiles (`style:` in a configuration, `house-styles:` data in rules.yaml)."""

from __future__ import annotations

import pytest

import newslint
from newslint.config import load_config
from newslint.errors import ConfigError


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


def test_profiles_without_a_recorded_difference_use_the_shared_data():
    for style in ("guardian", "bbc"):
        assert _house("Mr Zelensky spoke in Kiev.", style=style) == [("House style is “Kyiv”, not “Kiev”", "Kyiv")]


def test_unknown_style_is_a_config_error(tmp_path):
    path = tmp_path / ".newslint.yaml"
    path.write_text("style: nyt\n")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert "unknown house style" in str(error.value) and ":1" in str(error.value)


def test_every_profile_entry_cites_a_source():
    for name, profile in load_config().house_styles.items():
        for house, entry in ((profile or {}).get("names", {}).get("preferred") or {}).items():
            assert entry.get("source"), f"{name}: {house} has no source"
