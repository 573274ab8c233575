#!/usr/bin/env python3
"""Regenerate docs/rules.md from the rules' metadata (tests/test_docs.py fails when it is stale)."""

from __future__ import annotations

import sys
from pathlib import Path

from newslint.config import load_config
from newslint.docs import rules_markdown
from newslint.registry import default_registry

TARGET = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def render() -> str:
    registry = default_registry()
    return rules_markdown(registry, load_config(registry=registry))


if __name__ == "__main__":
    with open(TARGET, "w", encoding="utf-8", newline="") as handle:
        handle.write(render())
    print(f"wrote {TARGET}", file=sys.stderr)
