#!/usr/bin/env python3
"""Do the Markdown and HTML parsers change what newslint finds? The BBC corpus three ways.

    python scripts/bbc_formats.py [--corpus ../shared/corpus/bbc] [--rule names/] [--show N] [--limit N]

Each article (``*/*.txt``: a headline line, then paragraphs separated by blank
lines) is checked as it is, wrapped as Markdown (``# headline``, paragraphs,
Markdown syntax characters backslash-escaped) and wrapped as HTML (``<h1>``,
``<p>``, with ``&``, ``<`` and ``>`` escaped and a seeded share of quotation
marks, apostrophes and ampersands written as character references). Everything
happens in memory: nothing from the corpus is written anywhere.

Prints findings per 1,000 words for each format and each rule, then the rules
whose counts differ between the formats (with ``--show N``, up to N examples
of each difference), and the articles where the findings cover different text
(decoded) in different formats. The prose is the same in all three, so ideally
every count is equal and every finding covers the same words.
"""

from __future__ import annotations

import argparse
import collections
import html
import random
import re
import sys
import time
from pathlib import Path

import newslint
from newslint.config import load_config
from newslint.positions import LineIndex

FORMATS = ("txt", "md", "html")
# Characters that can be Markdown syntax anywhere in a line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>~|!#])")
_MD_AMPERSAND = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d{1,9}(?=[.)]))")
_HTML_REFERENCES = {
    '"': ["&quot;", "&#34;", "&#x22;"],
    "'": ["&#39;", "&apos;", "&#x27;"],
    "&": ["&amp;", "&#38;"],
    "“": ["&ldquo;", "&#8220;"], "”": ["&rdquo;", "&#8221;"],
    "‘": ["&lsquo;", "&#8216;"], "’": ["&rsquo;", "&#8217;", "&#x2019;"],
    "£": ["&pound;", "&#163;"],
}


def split_article(text: str) -> tuple[str, list[str]]:
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if block.strip()]
    if not blocks:
        return "", []
    return blocks[0], blocks[1:]


def markdown_escape(line: str) -> str:
    line = _MD_SPECIAL.sub(r"\\\1", line)
    line = _MD_AMPERSAND.sub(r"\\&", line)
    return _MD_LINE_START.sub(lambda m: m.group(1) + m.group(2) + "\\" if m.group(2)[0].isdigit()
                              else m.group(1) + "\\" + m.group(2), line, count=1)


def as_markdown(headline: str, paragraphs: list[str]) -> str:
    parts = ["# " + markdown_escape(headline)] if headline else []
    parts += ["\n".join(markdown_escape(line.strip()) for line in p.split("\n")) for p in paragraphs]
    return "\n\n".join(parts) + "\n"


def html_escape(text: str, rng: random.Random, share: float) -> str:
    out = []
    for i, char in enumerate(text):
        if char == "<":
            out.append("&lt;")
        elif char == ">":
            out.append("&gt;")
        elif char == "&" and (i + 1 < len(text) and (text[i + 1].isalnum() or text[i + 1] == "#")):
            out.append("&amp;")  # a bare & here could read as a reference
        elif char in _HTML_REFERENCES and rng.random() < share:
            out.append(rng.choice(_HTML_REFERENCES[char]))
        else:
            out.append(char)
    return "".join(out)


def as_html(headline: str, paragraphs: list[str], rng: random.Random, share: float) -> str:
    body = [f"<h1>{html_escape(headline, rng, share)}</h1>"] if headline else []
    body += [f"<p>{html_escape(p, rng, share)}</p>" for p in paragraphs]
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"></head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def matched_text(source: str, finding, name: str) -> str:
    """The prose a finding covers, decoded from its format (escapes, references, tags)."""
    index = LineIndex(source)
    raw = source[index.offset(finding.line, finding.column):index.offset(finding.end_line, finding.end_column)]
    if name == "md":
        return re.sub(r"\\(.)", r"\1", raw)
    if name == "html":
        return html.unescape(re.sub(r"<[^>]*>", "", raw))
    return raw


def snippet(source: str, finding) -> str:
    index = LineIndex(source)
    start = index.offset(finding.line, finding.column)
    end = index.offset(finding.end_line, finding.end_column)
    before = source[max(0, start - 30):start].replace("\n", " ")
    after = source[end:end + 30].replace("\n", " ")
    return f"{finding.line}:{finding.column} …{before}[[{source[start:end]}]]{after}…"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bbc"
    parser.add_argument("--corpus", type=Path, default=default)
    parser.add_argument("--rule", action="append", help="only these rules or prefixes")
    parser.add_argument("--show", type=int, default=3, help="examples to print for each difference")
    parser.add_argument("--limit", type=int, default=0, help="check only the first N articles")
    parser.add_argument("--share", type=float, default=0.5,
                        help="share of quotation marks, apostrophes and ampersands written as references in HTML")
    parser.add_argument("--seed", type=int, default=2004)
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*/*.txt")) if args.corpus.is_dir() else []
    if not files:
        print(f"corpus not found (or empty): {args.corpus}: nothing to compare")
        return 0
    if args.limit:
        files = files[:args.limit]
    config = load_config(select=args.rule)
    rng = random.Random(args.seed)
    words = 0
    counts = {name: collections.Counter() for name in FORMATS}
    seconds = dict.fromkeys(FORMATS, 0.0)
    differences: dict[str, list[str]] = collections.defaultdict(list)
    text_mismatches: list[str] = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        words += len(text.split())
        headline, paragraphs = split_article(text)
        sources = {"txt": text, "md": as_markdown(headline, paragraphs),
                   "html": as_html(headline, paragraphs, rng, args.share)}
        per_article = {}
        for name in FORMATS:
            started = time.perf_counter()
            found = newslint.check_text(sources[name], path=f"x.{name}", config=config)
            seconds[name] += time.perf_counter() - started
            per_article[name] = found
            counts[name].update(f.rule for f in found)
        texts = {name: sorted((f.rule, matched_text(sources[name], f, name)) for f in per_article[name])
                 for name in FORMATS}
        if not texts["txt"] == texts["md"] == texts["html"]:
            text_mismatches.append(f"{path.parent.name}/{path.name}")
        rules = {f.rule for found in per_article.values() for f in found}
        for rule in sorted(rules):
            by_format = {name: [f for f in per_article[name] if f.rule == rule] for name in FORMATS}
            if len({len(v) for v in by_format.values()}) > 1 and len(differences[rule]) < args.show:
                lines = [f"  {path.parent.name}/{path.name}: " +
                         ", ".join(f"{name} {len(v)}" for name, v in by_format.items())]
                for name, found in by_format.items():
                    lines += [f"      {name:<4} {snippet(sources[name], f)}" for f in found]
                differences[rule].append("\n".join(lines))

    print(f"{len(files)} articles, {words} words; seconds: "
          + ", ".join(f"{name} {seconds[name]:.1f}" for name in FORMATS))
    print(f"\n{'findings per 1,000 words':<36}" + "".join(f"{name:>10}" for name in FORMATS))
    all_rules = sorted(set().union(*counts.values()))
    for rule in all_rules:
        print(f"{rule:<36}" + "".join(f"{1000 * counts[name][rule] / words:>10.3f}" for name in FORMATS))
    totals = {name: sum(counts[name].values()) for name in FORMATS}
    print(f"{'all rules':<36}" + "".join(f"{1000 * totals[name] / words:>10.3f}" for name in FORMATS))
    print(f"{'(findings)':<36}" + "".join(f"{totals[name]:>10}" for name in FORMATS))
    differing = [rule for rule in all_rules if len({counts[name][rule] for name in FORMATS}) > 1]
    print("\nrules whose counts differ between formats: " + (", ".join(differing) or "none"))
    print("articles whose findings cover different text in different formats: "
          + (", ".join(text_mismatches[:20]) + (" …" if len(text_mismatches) > 20 else "") if text_mismatches
             else "none"))
    for rule in differing:
        print(f"\n== {rule}: " + ", ".join(f"{name} {counts[name][rule]}" for name in FORMATS))
        for example in differences.get(rule, []):
            print(example)
    return 0


if __name__ == "__main__":
    sys.exit(main())
