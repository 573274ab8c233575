"""Documentation that must not drift from the code."""

from __future__ import annotations

import re

from conftest import REPO


def test_rule_reference_is_up_to_date():
    from newslint.config import load_config
    from newslint.docs import rules_markdown
    from newslint.registry import default_registry

    with open(REPO / "docs" / "rules.md", encoding="utf-8", newline="") as handle:
        committed = handle.read()
    assert committed == rules_markdown(default_registry(), load_config()), \
        "docs/rules.md is stale: run `python scripts/gen_docs.py`"


def test_readme_quick_start_has_exactly_two_commands():
    readme = (REPO / "README.md").read_text()
    block = re.search(r"## Quick start.*?```sh\n(.*?)```", readme, re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "newslint check docs/examples" in commands[0]
    assert "pytest" in commands[1]


def test_every_configuration_key_is_documented_and_no_other():
    from newslint.config import TOP_LEVEL_KEYS

    text = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    table = re.search(r"## Settings\n(.*?)\n## ", text, re.S).group(1)
    documented = re.findall(r"^\| `([^`]+)` \|", table, re.M)
    assert len(documented) == len(set(documented)), "a key is documented twice"
    assert set(documented) == set(TOP_LEVEL_KEYS), (
        f"undocumented: {sorted(set(TOP_LEVEL_KEYS) - set(documented))}; "
        f"documented but not accepted: {sorted(set(documented) - set(TOP_LEVEL_KEYS))}")
    # Each row says what the key holds and what it does.
    for row in re.findall(r"^\| `[^`]+` \|.*$", table, re.M):
        cells = [cell.strip() for cell in row.strip("|").split(" | ")]
        assert len(cells) == 3 and all(cells), row


def test_every_rule_appears_in_the_reference():
    from newslint.registry import default_registry

    reference = (REPO / "docs" / "rules.md").read_text()
    for rule_id in default_registry().rules:
        assert f"## {rule_id}" in reference
