"""The output formats: each reports exactly the findings the json format does, in its own contract."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest

from conftest import SHARED
from newslint.findings import Edit, FileError, Finding, Fix, Report
from newslint.registry import default_registry
from newslint.reporter import ReportContext

SEED = SHARED / "seed" / "article.txt"
SCHEMA = SHARED / "reference" / "sarif-schema-2.1.0.json"
FORMATS = ("text", "full", "jsonl", "sarif", "github", "gitlab", "junit", "html")

ARTICLE = ("The council said the the budget & <plan> would pass ,, officials said .\n"
           "\n"
           "“The mayor said “no” to the plan,” a spokesman said. TK\n"
           "The unions said « we will strike » on Monday .\n")
TWICE = "It was the the end.\nIt was the the end.\n"
CLEAN = "Officials said the talks would resume.\n"


@pytest.fixture
def articles(tmp_path):
    """Relative paths (newslint runs in tmp_path): findings, the same text twice, clean, and the seed."""
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "budget.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "desk" / "twice.txt").write_text(TWICE, encoding="utf-8")
    (tmp_path / "desk" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    paths = ["desk/budget.txt", "desk/twice.txt", "desk/clean.txt"]
    if SEED.is_file():
        (tmp_path / "seed").mkdir()
        shutil.copyfile(SEED, tmp_path / "seed" / "article.txt")
        paths.append("seed/article.txt")
    return tmp_path, paths


def run_format(run_cli, cwd, fmt, *paths):
    code, out, err = run_cli("check", "--format", fmt, *paths, cwd=cwd)
    assert code in (0, 1), err
    return out


def json_findings(run_cli, cwd, *paths):
    return json.loads(run_format(run_cli, cwd, "json", *paths))["findings"]


def key(path, line, column, rule):
    return (path, int(line), int(column), rule)


# -- parsers, one per format: each yields (path, line, column, rule) ------------------------------------

_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?:error|warning|info) (?P<rule>\S+) ")
GITHUB = re.compile(r"^::(?P<command>error|warning|notice) (?P<properties>[^:\r\n]*)::(?P<message>[^\r\n]*)$")


def parse_text(out):
    return [key(*m.group("path", "line", "column", "rule")) for m in map(_LINE.match, out.splitlines()) if m]


def parse_jsonl(out):
    rows = [json.loads(line) for line in out.splitlines()]
    return [key(r["path"], r["line"], r["column"], r["rule"]) for r in rows if r["type"] == "finding"]


def parse_sarif(out):
    results = json.loads(out)["runs"][0]["results"]
    keys = []
    for result in results:
        location = result["locations"][0]["physicalLocation"]
        keys.append(key(unquote(location["artifactLocation"]["uri"]), location["region"]["startLine"],
                        location["region"]["startColumn"], result["ruleId"]))
    return keys


def github_properties(text):
    properties = {}
    for item in text.split(","):
        name, _, value = item.partition("=")
        properties[name] = github_unescape(value)
    return properties


def github_unescape(text):
    return (text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


def parse_github(out):
    keys = []
    for line in out.splitlines():
        match = GITHUB.match(line)
        assert match, f"not a workflow command: {line!r}"
        properties = github_properties(match["properties"])
        keys.append(key(properties["file"], properties["line"], properties["col"], properties["title"]))
    return keys


def parse_junit(out):
    root = ET.fromstring(out.encode("utf-8"))
    keys = []
    for failure in root.iter("failure"):
        path, line, column = re.match(r"^(.+):(\d+):(\d+): ", failure.text).groups()
        keys.append(key(path, line, column, failure.get("type")))
    return keys


class _HtmlFindings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.path = None
        self.keys = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "section" and "data-path" in attributes:
            self.path = attributes["data-path"]
        if tag == "li" and "data-finding" in attributes:
            self.keys.append(key(self.path, attributes["data-line"], attributes["data-column"],
                                 attributes["data-rule"]))


def parse_html(out):
    parser = _HtmlFindings()
    parser.feed(out)
    return parser.keys


PARSERS = {"text": parse_text, "full": parse_text, "jsonl": parse_jsonl, "sarif": parse_sarif,
           "github": parse_github, "junit": parse_junit, "html": parse_html}


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "gitlab"])
def test_every_format_reports_the_json_findings(articles, run_cli, fmt):
    cwd, paths = articles
    expected = Counter(key(f["path"], f["line"], f["column"], f["rule"])
                       for f in json_findings(run_cli, cwd, *paths))
    assert len(expected) >= 10
    assert Counter(PARSERS[fmt](run_format(run_cli, cwd, fmt, *paths))) == expected


def test_gitlab_reports_the_json_findings_by_line(articles, run_cli):
    # Code Quality locates an issue by its lines only.
    cwd, paths = articles
    expected = Counter((f["path"], f["line"], f["rule"]) for f in json_findings(run_cli, cwd, *paths))
    entries = json.loads(run_format(run_cli, cwd, "gitlab", *paths))
    assert Counter((e["location"]["path"], e["location"]["lines"]["begin"], e["check_name"])
                   for e in entries) == expected


def test_formats_are_registered_as_core_plugins():
    from newslint.registry import CORE_PLUGINS

    registry = default_registry()
    assert set(FORMATS) | {"json"} <= set(registry.reporters)
    for fmt in FORMATS:
        owners = [plugin.name for plugin in registry.plugins if fmt in plugin.reporters]
        assert len(owners) == 1 and owners[0] in CORE_PLUGINS, (fmt, owners)


# -- SARIF --------------------------------------------------------------------------------------------

def test_sarif_validates_against_the_schema(articles, run_cli):
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip("../shared/reference/sarif-schema-2.1.0.json is absent")
    cwd, paths = articles
    log = json.loads(run_format(run_cli, cwd, "sarif", *paths))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_sarif_rules_results_and_locations(articles, run_cli):
    cwd, paths = articles
    log = json.loads(run_format(run_cli, cwd, "sarif", *paths))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "newslint" and driver["version"] and driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids))
    for rule in rules:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    registry = default_registry()
    for rule in rules:
        if rule["id"] in registry.rules:
            assert rule["help"]["markdown"].startswith(f"# {rule['id']}")
            anchor = rule["id"].replace("/", "").lower()
            assert rule["helpUri"].endswith(f"docs/rules.md#{anchor}")
    assert run["results"]
    for result in run["results"]:
        assert result["ruleId"] in ids
        assert ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert not uri.startswith(("/", "file:")) and "\\" not in uri and uri.startswith(("desk/", "seed/"))
        region = location["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
        assert result["partialFingerprints"]
    severities = {f["rule"]: f["severity"] for f in json_findings(run_cli, cwd, *paths)}
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert {r["ruleId"]: r["level"] for r in run["results"]} == {k: levels[v] for k, v in severities.items()}


def _fingerprints(log):
    return Counter(value for result in log["runs"][0]["results"] for value in result["partialFingerprints"].values())


def test_sarif_fingerprints_survive_text_moving(tmp_path, run_cli):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    before = json.loads(run_format(run_cli, tmp_path, "sarif", "a.txt"))
    article.write_text("A new first paragraph, with nothing wrong in it.\n\n" + ARTICLE, encoding="utf-8")
    after = json.loads(run_format(run_cli, tmp_path, "sarif", "a.txt"))
    lines_before = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before["runs"][0]["results"]]
    lines_after = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after["runs"][0]["results"]]
    assert [line + 2 for line in lines_before] == lines_after
    assert _fingerprints(before) == _fingerprints(after)
    assert len(_fingerprints(before)) == len(before["runs"][0]["results"])  # distinct per result


# -- GitHub ---------------------------------------------------------------------------------------------

def test_github_lines_are_workflow_commands(articles, run_cli):
    cwd, paths = articles
    out = run_format(run_cli, cwd, "github", *paths)
    commands = {"error", "warning", "notice"}
    for line in out.splitlines():
        match = GITHUB.match(line)
        assert match and match["command"] in commands
        properties = github_properties(match["properties"])
        assert set(properties) == {"file", "line", "endLine", "col", "endColumn", "title"}
        assert int(properties["endLine"]) >= int(properties["line"])


def test_github_escaping():
    from newslint.builtin.github_output import GithubReporter

    message = "100% sure: a, b\nnext line\r\nend"
    path = "desk/odd, name: 50%.txt"
    finding = Finding(path, 3, 4, 3, 9, "house/odd-rule", "info", message, suggestions=("x,y",))
    out = GithubReporter().render(Report([finding], [FileError("bad:file,1.txt", "not valid\nUTF-8")], 2),
                                  ReportContext(default_registry()))
    lines = out.splitlines()
    assert len(lines) == 2
    match = GITHUB.match(lines[0])
    assert match and match["command"] == "notice"
    assert "%25" in match["message"] and "%0A" in match["message"] and "%0D" in match["message"]
    assert ":" in match["message"] and "," in match["message"]  # kept as they are in the message
    assert github_unescape(match["message"]) == message + "\nSuggestion: x,y"
    properties = github_properties(match["properties"])
    assert properties["file"] == path
    assert "%3A" in match["properties"] and "%2C" in match["properties"] and "%25" in match["properties"]
    assert (properties["line"], properties["endLine"], properties["col"], properties["endColumn"]) == ("3", "3", "4", "9")
    error = GITHUB.match(lines[1])
    assert error and error["command"] == "error"
    assert github_properties(error["properties"])["file"] == "bad:file,1.txt"


# -- GitLab ---------------------------------------------------------------------------------------------

def test_gitlab_entries(articles, run_cli):
    cwd, paths = articles
    out = run_format(run_cli, cwd, "gitlab", *paths)
    entries = json.loads(out)
    assert entries
    fingerprints = [e["fingerprint"] for e in entries]
    assert len(set(fingerprints)) == len(fingerprints)
    for entry in entries:
        assert entry["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert entry["check_name"] in entry["description"]
        assert isinstance(entry["location"]["lines"]["begin"], int)
        assert not entry["location"]["path"].startswith("/")
    twice = [e for e in entries if e["location"]["path"] == "desk/twice.txt"]
    assert len(twice) == 2 and twice[0]["fingerprint"] != twice[1]["fingerprint"]
    severities = {f["rule"]: f["severity"] for f in json_findings(run_cli, cwd, *paths)}
    expected = {"info": "info", "warning": "minor", "error": "major"}
    assert all(e["severity"] == expected[severities[e["check_name"]]] for e in entries)


def test_gitlab_fingerprints_leave_out_the_line_and_the_file_has_no_bom(tmp_path, run_cli):
    article = tmp_path / "a.txt"
    article.write_text(TWICE, encoding="utf-8")
    report = tmp_path / "gl-code-quality.json"
    code, out, _ = run_cli("check", "--format", "gitlab", "--output-file", report, "a.txt", cwd=tmp_path)
    assert code == 1 and out == ""
    data = report.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    before = [e["fingerprint"] for e in json.loads(data)]
    article.write_text("New paragraph.\n\nAnother one.\n" + TWICE, encoding="utf-8")
    run_cli("check", "--format", "gitlab", "--output-file", report, "a.txt", cwd=tmp_path)
    after = json.loads(report.read_bytes())
    assert [e["fingerprint"] for e in after] == before
    assert [e["location"]["lines"]["begin"] for e in after] == [4, 5]


# -- JUnit ----------------------------------------------------------------------------------------------

def test_junit_structure(articles, run_cli):
    cwd, paths = articles
    findings = json_findings(run_cli, cwd, *paths)
    root = ET.fromstring(run_format(run_cli, cwd, "junit", *paths).encode("utf-8"))
    suites = root.findall("testsuite")
    assert sorted(s.get("name") for s in suites) == sorted(paths)
    assert len(list(root.iter("failure"))) == len(findings)
    assert int(root.get("failures")) == len(findings)
    for suite in suites:
        cases = suite.findall("testcase")
        failures = [c for c in cases if c.find("failure") is not None]
        expected = sum(1 for f in findings if f["path"] == suite.get("name"))
        assert len(failures) == expected == int(suite.get("failures"))
        if expected == 0:
            assert len(cases) == 1 and int(suite.get("tests")) == 1
        else:
            assert len(cases) == expected
        for case in failures:
            failure = case.find("failure")
            assert failure.get("type") and failure.get("message")
            assert failure.text.startswith(f"{suite.get('name')}:")


def test_junit_escapes_markup_and_control_characters():
    from newslint.builtin.junit_output import JunitReporter

    nasty = 'a <b> & "c" \'d\' \x01\x0b ]]> \ud7ff'
    finding = Finding('x<&">.txt', 1, 1, 1, 2, "house/rule", "error", nasty, suggestions=("<&>",))
    context = ReportContext(default_registry(), checked=['x<&">.txt'])
    out = JunitReporter().render(Report([finding], [FileError("y&.txt", "bad\x00byte")], 2), context)
    root = ET.fromstring(out.encode("utf-8"))
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == nasty.replace("\x01", "\ufffd").replace("\x0b", "\ufffd")
    assert "<&>" in failure.text
    assert root.find("testsuite").get("name") == 'x<&">.txt'
    assert root.find(".//error") is not None


# -- JSON Lines, full, html -----------------------------------------------------------------------------

def test_jsonl_fields_match_json_and_errors_are_typed(articles, run_cli):
    cwd, paths = articles
    (cwd / "broken.txt").write_bytes(b"caf\xe9 au lait\n")
    code, out, _ = run_cli("check", "--format", "json", *paths, "broken.txt", cwd=cwd)
    assert code == 2
    expected = json.loads(out)
    code, out, _ = run_cli("check", "--format", "jsonl", *paths, "broken.txt", cwd=cwd)
    assert code == 2
    rows = [json.loads(line) for line in out.splitlines()]
    findings = [r for r in rows if r["type"] == "finding"]
    errors = [r for r in rows if r["type"] == "error"]
    assert [{k: v for k, v in r.items() if k != "type"} for r in findings] == expected["findings"]
    assert [{k: v for k, v in r.items() if k != "type"} for r in errors] == expected["errors"]
    assert errors and errors[0]["path"] == "broken.txt"


def test_jsonl_keeps_one_record_per_line():
    from newslint.builtin.jsonl_output import JsonLinesReporter

    finding = Finding("a.txt", 1, 1, 1, 2, "house/rule", "info", "line\u2028separator\x85and\nbreak")
    out = JsonLinesReporter().render(Report([finding], [], 1), ReportContext(default_registry()))
    assert len(out.splitlines()) == 1
    assert json.loads(out)["message"] == finding.message


def test_full_format_puts_carets_under_the_flagged_words(tmp_path, run_cli):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    findings = json_findings(run_cli, tmp_path, "a.txt")
    out = run_format(run_cli, tmp_path, "full", "a.txt")
    assert "\033" not in out  # not a terminal
    lines = out.splitlines()
    source = ARTICLE.splitlines()
    checked = 0
    for number, line in enumerate(lines):
        match = _LINE.match(line)
        if not match:
            continue
        finding = next(f for f in findings if key(f["path"], f["line"], f["column"], f["rule"])
                       == key(*match.group("path", "line", "column", "rule")))
        code, carets = lines[number + 2], lines[number + 3]
        prefix = code.index("| ") + 2
        assert code[prefix:] == source[finding["line"] - 1]
        start = carets.index("^")
        width = len(carets.rstrip()) - start
        assert start - prefix == finding["column"] - 1
        assert width == max(1, finding["end_column"] - finding["column"])
        checked += 1
    assert checked == len(findings)
    assert out.rstrip().endswith("file.")


def test_full_format_colour_follows_tty_and_no_color(monkeypatch):
    from newslint.builtin.full_output import FullReporter

    report = Report([Finding("a.txt", 1, 8, 1, 15, "artifacts/repeated-word", "warning", "twice")], [], 1)
    context = ReportContext(default_registry(), tty=True, sources={"a.txt": "It was the the end.\n"})
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\033[" in FullReporter().render(report, context)
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\033[" not in FullReporter().render(report, context)
    monkeypatch.delenv("NO_COLOR")
    context.tty = False
    assert "\033[" not in FullReporter().render(report, context)


def test_full_format_windows_long_lines_and_wide_characters():
    from newslint.builtin.full_output import FullReporter

    text = "word " * 100 + "東京 the the end " + "word " * 100 + "\n"
    column = text.index("the the") + 1
    report = Report([Finding("a.txt", 1, column, 1, column + 7, "artifacts/repeated-word", "warning", "x")], [], 1)
    out = FullReporter().render(report, ReportContext(default_registry(), sources={"a.txt": text})).splitlines()
    code, carets = out[2], out[3]
    assert len(code) < 160 and "…" in code
    # Two wide characters take four cells: the carets sit under "the the" on a terminal.
    cells_before = len(code[:code.index("the the")]) + 2
    assert carets.index("^") == cells_before and carets.count("^") == 7


class _Marks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.current = None
        self.marks = {}
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self.current = dict(attrs)["data-findings"].split()
            self.text = []

    def handle_endtag(self, tag):
        if tag == "mark":
            for number in self.current:
                self.marks[int(number)] = self.marks.get(int(number), "") + "".join(self.text)
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.text.append(data)


def test_html_marks_cover_the_flagged_text_and_nothing_loads(articles, run_cli):
    cwd, paths = articles
    findings = json_findings(run_cli, cwd, *paths)
    out = run_format(run_cli, cwd, "html", *paths)
    parser = _Marks()
    parser.feed(out)
    assert len(parser.marks) == len(findings)
    for number, finding in enumerate(findings, 1):
        lines = (cwd / finding["path"]).read_text(encoding="utf-8").splitlines()
        if finding["line"] == finding["end_line"]:
            expected = lines[finding["line"] - 1][finding["column"] - 1:finding["end_column"] - 1]
            assert parser.marks[number] == expected, finding
    for tag, attributes in parser.tags:
        assert tag not in ("script", "link", "img", "iframe", "object", "embed")
        assert "src" not in attributes
        assert attributes.get("href", "#").startswith("#")
    assert "Content-Security-Policy" in out and "default-src 'none'" in out
    for path in paths:
        assert path in out  # the summary names every file, clean ones too
    assert "&lt;plan&gt;" in out and "<plan>" not in out


def test_html_escapes_everything():
    from newslint.builtin.html_output import HtmlReporter

    evil = '<script>alert("x")</script>'
    text = f"Before {evil} after.\n"
    column = text.index("<script>") + 1
    finding = Finding(f"{evil}.txt", 1, column, 1, column + len(evil), f"house/{evil}", "error", evil,
                      suggestions=(evil,))
    context = ReportContext(default_registry(), sources={finding.path: text}, checked=[finding.path])
    out = HtmlReporter().render(Report([finding], [FileError(evil, evil)], 2), context)
    assert "<script" not in out.lower()
    parser = _Marks()
    parser.feed(out)
    assert parser.marks == {1: evil}


# -- --output-file and --statistics ---------------------------------------------------------------------

def test_output_file_replaces_the_file_atomically(tmp_path, run_cli):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out_dir = tmp_path / "reports"
    out_dir.mkdir()
    target = out_dir / "newslint.sarif"
    target.write_text("old", encoding="utf-8")
    code, out, err = run_cli("check", "--format", "sarif", "--output-file", target, "a.txt", cwd=tmp_path)
    assert code == 1 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert [p.name for p in out_dir.iterdir()] == ["newslint.sarif"]  # no temporary file left
    code, _, err = run_cli("check", "--output-file", tmp_path / "missing" / "x.txt", "a.txt", cwd=tmp_path)
    assert code == 2 and "missing" in err


def test_statistics(tmp_path, run_cli):
    (tmp_path / "a.txt").write_text(ARTICLE + TWICE, encoding="utf-8")
    findings = json_findings(run_cli, tmp_path, "a.txt")
    counts = Counter(f["rule"] for f in findings)
    fixable = Counter(f["rule"] for f in findings if f["fix"] and f["fix"]["safe"])
    code, out, _ = run_cli("check", "--statistics", "a.txt", cwd=tmp_path)
    assert code == 1
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()[1:] if line.split()
            and "/" in line.split()[0]}
    assert {rule: int(values[0]) for rule, values in rows.items()} == dict(counts)
    assert {rule: int(values[1]) for rule, values in rows.items()} == {r: fixable[r] for r in counts}
    assert f"Total" in out and "a.txt:" not in out
    code, out, _ = run_cli("check", "--statistics", "--format", "json", "a.txt", cwd=tmp_path)
    data = json.loads(out)
    assert {row["rule"]: row["count"] for row in data} == dict(counts)
    assert {row["rule"]: row["fixable"] for row in data} == {r: fixable[r] for r in counts}
    assert [row["count"] for row in data] == sorted((row["count"] for row in data), reverse=True)


def test_unknown_format_lists_the_new_ones(tmp_path, run_cli):
    code, _, err = run_cli("check", "--format", "nope", cwd=tmp_path)
    assert code == 2 and all(name in err for name in FORMATS)


def test_formats_with_fixes_refer_to_the_fixed_text(tmp_path, run_cli):
    article = tmp_path / "a.txt"
    article.write_text("Intro line.\nIt was the the end .\n“He said “no”,” she said. TK\n", encoding="utf-8")
    code, out, _ = run_cli("check", "--fix", "--format", "html", "a.txt", cwd=tmp_path)
    fixed = article.read_text(encoding="utf-8")
    findings = json_findings(run_cli, tmp_path, "a.txt")
    parser = _Marks()
    parser.feed(out.split("\nFixed ")[0])
    for number, finding in enumerate(findings, 1):
        line = fixed.splitlines()[finding["line"] - 1]
        assert parser.marks[number] == line[finding["column"] - 1:finding["end_column"] - 1]


def test_report_context_lines_are_cached():
    context = ReportContext(default_registry(), sources={"a.txt": "one\ntwo\n"})
    assert context.lines("a.txt") is context.lines("a.txt")
    assert context.lines("a.txt").line_text(2) == "two"
    assert context.lines("b.txt") is None and context.source("b.txt") is None


def test_sarif_fixes_and_engine_rules():
    from newslint.builtin.sarif_output import sarif_log

    fix = Fix(True, (Edit(1, 8, 1, 12, ""),))
    findings = [Finding("a b/c:d.txt", 1, 8, 1, 15, "artifacts/repeated-word", "warning", "twice",
                        ("the",), fix),
                Finding("a b/c:d.txt", 2, 1, 2, 20, "newslint/unused-disable", "warning", "unused")]
    log = sarif_log(Report(findings, [], 1), ReportContext(default_registry(),
                                                           sources={"a b/c:d.txt": "It was the the end.\n<!-- x -->\n"}))
    run = log["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "newslint/unused-disable" in ids
    first = run["results"][0]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a%20b/c%3Ad.txt"
    assert first["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "the the"
    replacement = first["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["deletedRegion"]["startColumn"] == 8 and replacement["insertedContent"]["text"] == ""


# -- the HTML page in a real browser (headless Chromium) -------------------------------------------------

def _html_check_module():
    import importlib.util

    from conftest import REPO

    spec = importlib.util.spec_from_file_location("html_report_check", REPO / "scripts" / "html_report_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def chromium_check():
    module = _html_check_module()
    chromium = module.find_chromium()
    if chromium is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return module, chromium


def test_html_highlights_sit_on_the_flagged_words_in_chromium(chromium_check, tmp_path):
    module, chromium = chromium_check
    fixture = tmp_path / "fixture.txt"
    fixture.write_text(module.FIXTURE, encoding="utf-8")
    files = [fixture] + ([SEED] if SEED.is_file() else [])
    assert module.check(files, chromium) == []


def test_html_check_catches_misplaced_highlights(chromium_check, tmp_path, monkeypatch):
    module, chromium = chromium_check
    (tmp_path / "broken_html_plugin.py").write_text(
        "import dataclasses\n"
        "from newslint import hookimpl\n"
        "from newslint.builtin.html_output import HtmlReporter\n"
        "class Shifted(HtmlReporter):\n"
        "    def render(self, report, context):\n"
        "        sources = {path: 'X' + text for path, text in context.sources.items()}\n"
        "        return super().render(report, dataclasses.replace(context, sources=sources))\n"
        "@hookimpl\n"
        "def newslint_reporters():\n"
        "    return [Shifted()]\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    monkeypatch.setenv("NEWSLINT_PLUGINS", "broken_html_plugin")
    fixture = tmp_path / "fixture.txt"
    fixture.write_text(module.FIXTURE, encoding="utf-8")
    problems = module.check([fixture], chromium)
    assert problems and all("highlighted" in p for p in problems)


def test_html_check_script_without_chromium(monkeypatch, capsys):
    module = _html_check_module()
    monkeypatch.setattr(module, "find_chromium", lambda: None)
    assert module.main([]) == 0
    assert "Chromium not found" in capsys.readouterr().out
