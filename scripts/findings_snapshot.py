#!/usr/bin/env python3
"""Every finding of a fixed body of text, one per line, to compare two versions of newslint.

    python scripts/findings_snapshot.py OUT [--corpus ../shared/corpus/bbc]
    diff before.txt after.txt

For a change that must not alter what newslint finds (performance work,
refactoring): the BBC corpus as plain text, Markdown and HTML (when present),
300 generated articles, the bundled examples and the test fixtures, every
field of every finding (position, rule, message, suggestions, fix).
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def texts(corpus: Path):
    from newsgen import article

    if corpus.is_dir():
        for path in sorted(corpus.glob("*/*.txt")):
            text = path.read_text(encoding="utf-8")
            yield f"{path}", text
            title, _, body = text.partition("\n")
            yield f"{path}.md", f"---\ntitle: x\n---\n# {title}\n\n{body}"
            paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in body.split("\n\n"))
            yield f"{path}.html", f"<html><body><h1>{html.escape(title)}</h1>\n{paragraphs}</body></html>"
    for seed in range(300):
        yield f"generated-{seed}.txt", article(seed)
    seed_article = ROOT.parent / "shared" / "seed" / "article.txt"
    for folder in (ROOT / "docs" / "examples", ROOT / "tests" / "fixtures", seed_article):
        paths = [folder] if folder.is_file() else sorted(p for p in folder.rglob("*") if p.is_file())
        for path in paths:
            if path.suffix in {".txt", ".md", ".markdown", ".html", ".htm"}:
                yield str(path.relative_to(ROOT.parent)), path.read_text(encoding="utf-8", errors="replace")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bbc")
    args = parser.parse_args()

    import newslint

    config = newslint.load_config()
    count = 0
    with args.out.open("w", encoding="utf-8") as out:
        for path, text in texts(args.corpus):
            try:
                found = newslint.check_text(text, path=path, config=config)
            except newslint.NewslintError as error:  # a fixture meant to fail
                out.write(f"{path}: error {error}\n")
                continue
            for finding in found:
                out.write(f"{finding!r}\n")
                count += 1
    print(f"{count} findings written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
