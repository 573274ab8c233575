#!/usr/bin/env python3
"""Coverage-guided fuzzing of newslint's parsers (and rules) with atheris.

    pip install atheris
    python scripts/fuzz_parsers.py -max_total_time=600 [corpus_dir]

Each input is decoded as UTF-8 (with replacement) and checked as plain text,
Markdown and HTML; any exception, a span outside the text, or a failed
line/column round-trip is a crash. Save crashing inputs in tests/regressions/
(tests/test_fuzz.py replays them).
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from newslint.config import load_config
    from newslint.positions import LineIndex
    from newslint.registry import default_registry
    from newslint.runner import check_source

    # Parsers and rule plugins are imported while the registry is built: instrument them too.
    REGISTRY = default_registry()
    CONFIG = load_config(registry=REGISTRY)


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    for extension in (".txt", ".md", ".html"):
        errors: list = []
        findings = check_source(text, "fuzz" + extension, CONFIG, REGISTRY, errors=errors)
        if errors:
            raise RuntimeError(errors[0].message + "\n" + (errors[0].traceback or ""))
        lines = LineIndex(text)
        for finding in findings:
            start = lines.offset(finding.line, finding.column)
            end = lines.offset(finding.end_line, finding.end_column)
            if not 0 <= start <= end <= len(text):
                raise AssertionError(f"span outside the text: {finding}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
