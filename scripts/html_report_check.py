#!/usr/bin/env python3
"""Render an HTML report, load it in headless Chromium, and check each highlight sits on its flagged words.

    .venv/bin/python scripts/html_report_check.py [FILE ...]

With no files it checks the seed article (../shared/seed/article.txt) and a
built-in fixture with overlapping findings and HTML-special characters. For
every finding of the JSON report, the text of the ``<mark>`` elements Chromium
rendered for it (``data-findings`` lists the findings a mark covers) must equal
the flagged text in the source; the page must make no network requests (no
scripts, external styles, images or frames). Prints what it checked; exits 1
on a mismatch, 0 when all is well or when Chromium is not installed (it says so).
Chromium: $CHROMIUM, else /usr/bin/chromium, chromium, chromium-browser, google-chrome on PATH.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO.parent / "shared" / "seed" / "article.txt"

#: Overlapping findings (" ," and ",,"), a second line, markup characters that must be escaped.
FIXTURE = ("The council said the the budget & <plan> would pass ,, officials said .\n"
           "\n"
           "“The mayor said “no” to the plan,” a spokesman said. TK\n"
           "The unions said « we will strike » on Monday .\n")


def find_chromium() -> str | None:
    candidates = [os.environ.get("CHROMIUM"), "/usr/bin/chromium"]
    candidates += [shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def newslint(*args: str, cwd: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newslint.cli", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def dump_dom(chromium: str, page: Path) -> str:
    with tempfile.TemporaryDirectory(prefix="newslint-chromium-") as profile:
        completed = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--no-first-run", "--disable-extensions", f"--user-data-dir={profile}", "--dump-dom",
             page.as_uri()],
            capture_output=True, text=True, timeout=180)
    if completed.returncode != 0 or "<html" not in completed.stdout:
        raise RuntimeError(f"chromium failed (exit {completed.returncode}): {completed.stderr[-2000:]}")
    return completed.stdout


class _Page(HTMLParser):
    """Collects, per file section, the text of every mark per finding, and the finding list items."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.path: str | None = None
        self.marks: dict[int, list[str]] = {}      # finding number -> texts of its marks, in order
        self.items: dict[int, dict] = {}          # finding number -> data-* of its <li>
        self.paths: dict[int, str] = {}
        self.external: list[str] = []
        self._open_mark: list[int] | None = None
        self._mark_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "section" and "data-path" in attributes:
            self.path = attributes["data-path"]
        if tag in ("script", "iframe", "object", "embed", "img", "link", "video", "audio", "source"):
            self.external.append(f"<{tag}>")
        for name in ("src", "srcset", "action", "data"):
            if name in attributes and tag != "object":
                self.external.append(f"<{tag} {name}={attributes[name]!r}>")
        href = attributes.get("href")
        if href and not href.startswith("#"):
            self.external.append(f"<{tag} href={href!r}>")
        if tag == "mark":
            self._open_mark = [int(n) for n in (attributes.get("data-findings") or "").split()]
            self._mark_text = []
        if tag == "li" and "data-finding" in attributes:
            number = int(attributes["data-finding"])
            self.items[number] = attributes
            self.paths[number] = self.path

    def handle_endtag(self, tag):
        if tag == "mark" and self._open_mark is not None:
            for number in self._open_mark:
                self.marks.setdefault(number, []).append("".join(self._mark_text))
            self._open_mark = None

    def handle_data(self, data):
        if self._open_mark is not None:
            self._mark_text.append(data)


def _flagged(text: str, finding: dict) -> str:
    """The flagged text, line breaks left out (the page draws each line apart)."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def offset(line: int, column: int) -> int:
        return min(starts[line - 1] + column - 1, len(text))

    span = text[offset(finding["line"], finding["column"]):offset(finding["end_line"], finding["end_column"])]
    return re.sub(r"[\r\n]", "", span)


def check(files: list[Path], chromium: str) -> list[str]:
    """Problems found (empty when every highlight matches). Runs newslint from the files' folder."""
    problems = []
    with tempfile.TemporaryDirectory(prefix="newslint-html-check-") as scratch:
        page = (Path(scratch) / "report.html").resolve()
        cwd = str(Path(scratch))
        arguments = [str(f.resolve()) for f in files]
        report = newslint("check", "--format", "json", "--fail-on", "never", *arguments, cwd=cwd)
        if report.returncode != 0:
            return [f"newslint --format json failed: {report.stderr}"]
        findings = json.loads(report.stdout)["findings"]
        rendered = newslint("check", "--format", "html", "--fail-on", "never", "--output-file", str(page),
                            *arguments, cwd=cwd)
        if rendered.returncode != 0:
            return [f"newslint --format html failed: {rendered.stderr}"]
        parsed = _Page()
        parsed.feed(dump_dom(chromium, page))
        problems += [f"the page loads something: {item}" for item in parsed.external]
        numbers = {}
        for number, item in parsed.items.items():
            key = (parsed.paths[number], int(item["data-line"]), int(item["data-column"]),
                   int(item["data-end-line"]), int(item["data-end-column"]), item["data-rule"])
            numbers[key] = number
        texts = {}
        for finding in findings:
            key = (finding["path"], finding["line"], finding["column"], finding["end_line"],
                   finding["end_column"], finding["rule"])
            where = f"{finding['path']}:{finding['line']}:{finding['column']} {finding['rule']}"
            number = numbers.get(key)
            if number is None:
                problems.append(f"{where}: not in the page's finding lists")
                continue
            if finding["path"] not in texts:
                texts[finding["path"]] = (Path(cwd) / finding["path"]).read_text(encoding="utf-8-sig")
            expected = _flagged(texts[finding["path"]], finding)
            marked = "".join(parsed.marks.get(number, []))
            if number not in parsed.marks:
                problems.append(f"{where}: no <mark> for it")
            elif marked != expected:
                problems.append(f"{where}: highlighted {marked!r}, flagged {expected!r}")
        extra = set(parsed.marks) - set(numbers.values())
        problems += [f"a <mark> names unknown finding {n}" for n in sorted(extra)]
        print(f"checked {len(findings)} highlight{'s' if len(findings) != 1 else ''} in "
              f"{len({f['path'] for f in findings})} file(s) rendered by {os.path.basename(chromium)}")
    return problems


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    chromium = find_chromium()
    if chromium is None:
        print("html_report_check: Chromium not found (set CHROMIUM, or `apt-get install chromium`): "
              "nothing checked.")
        return 0
    with tempfile.TemporaryDirectory(prefix="newslint-fixture-") as folder:
        files = [Path(a) for a in args]
        if not files:
            fixture = Path(folder) / "fixture.txt"
            fixture.write_text(FIXTURE, encoding="utf-8")
            files = [fixture] + ([SEED] if SEED.is_file() else [])
        problems = check(files, chromium)
    for problem in problems:
        print(f"MISMATCH {problem}")
    print("html_report_check: " + ("OK" if not problems else f"{len(problems)} problem(s)"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
