"""Baselines: --write-baseline records today's findings; --baseline reports only new ones."""

from __future__ import annotations

import json

import pytest

from newslint.baseline import build
from newslint.findings import Finding
from newslint.positions import LineIndex

RULES = ("--select", "artifacts/repeated-word,punctuation/space-before")

ARTICLE = ("Officials said the the talks would resume on Monday .\n"
           "\n"
           "A second paragraph with nothing wrong in it.\n"
           "\n"
           "The minister said in in March that the deal was close.\n")


def findings(run_json, cwd, *args):
    code, data, err = run_json(*RULES, *args, cwd=cwd)
    assert code in (0, 1), err
    return [(f["path"], f["line"], f["rule"]) for f in data["findings"]]


@pytest.fixture
def desk(tmp_path, run_cli, run_json):
    (tmp_path / "articles").mkdir()
    article = tmp_path / "articles" / "talks.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    today = findings(run_json, tmp_path, "articles")
    assert len(today) == 3
    code, out, err = run_cli("check", *RULES, "--write-baseline", "baseline.json", "articles", cwd=tmp_path)
    assert code == 0 and "No problems found" in out and "wrote baseline.json" in err
    return tmp_path, article


def test_baseline_file_contents(desk):
    tmp_path, _ = desk
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert sorted(e["rule"] for e in data["entries"]) == ["artifacts/repeated-word", "artifacts/repeated-word",
                                                          "punctuation/space-before"]
    for entry in data["entries"]:
        assert set(entry) == {"rule", "path", "fingerprint", "count"}
        assert entry["path"] == "articles/talks.txt" and entry["count"] == 1
        assert "line" not in entry


def test_baseline_hides_recorded_findings(desk, run_cli, run_json):
    tmp_path, _ = desk
    assert findings(run_json, tmp_path, "--baseline", "baseline.json", "articles") == []
    code, out, _ = run_cli("check", *RULES, "--baseline", "baseline.json", "articles", cwd=tmp_path)
    assert code == 0 and "No problems found in 1 file." in out


def test_paragraphs_inserted_above_do_not_resurrect_findings(desk, run_json):
    tmp_path, article = desk
    text = article.read_text(encoding="utf-8")
    article.write_text("A new lede paragraph.\n\nAnother new paragraph, also clean.\n\n"
                       + text.replace("A second paragraph with nothing wrong in it.",
                                      "A second paragraph, rewritten by the desk, still fine."), encoding="utf-8")
    assert findings(run_json, tmp_path, "--baseline", "baseline.json", "articles") == []
    # The findings are still there without the baseline, lines moved.
    assert [line for _, line, _ in findings(run_json, tmp_path, "articles")] == [5, 5, 9]


def test_a_new_finding_still_appears(desk, run_json):
    tmp_path, article = desk
    article.write_text("Fresh copy: the budget was was cut.\n\n" + article.read_text(encoding="utf-8"),
                       encoding="utf-8")
    assert findings(run_json, tmp_path, "--baseline", "baseline.json", "articles") == [
        ("articles/talks.txt", 1, "artifacts/repeated-word")]


def test_editing_the_flagged_words_makes_a_new_finding(desk, run_json):
    tmp_path, article = desk
    article.write_text(article.read_text(encoding="utf-8").replace("said in in March", "said on on Friday"),
                       encoding="utf-8")
    assert findings(run_json, tmp_path, "--baseline", "baseline.json", "articles") == [
        ("articles/talks.txt", 5, "artifacts/repeated-word")]


def test_multiplicity(tmp_path, run_cli, run_json):
    article = tmp_path / "a.txt"
    same = "It was the the end.\n"
    article.write_text(same * 2, encoding="utf-8")
    run_cli("check", *RULES, "--write-baseline", "b.json", "a.txt", cwd=tmp_path)
    entries = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["entries"]
    assert len(entries) == 1 and entries[0]["count"] == 2
    assert findings(run_json, tmp_path, "--baseline", "b.json", "a.txt") == []
    article.write_text(same * 3, encoding="utf-8")
    assert len(findings(run_json, tmp_path, "--baseline", "b.json", "a.txt")) == 1
    article.write_text(same, encoding="utf-8")
    assert findings(run_json, tmp_path, "--baseline", "b.json", "a.txt") == []


def test_paths_are_relative_to_the_baseline_file(desk, run_json):
    tmp_path, _ = desk
    # From the article's folder, the baseline one level up still matches.
    assert findings(run_json, tmp_path / "articles", "--baseline", "../baseline.json", "talks.txt") == []
    assert findings(run_json, tmp_path, "--baseline", str(tmp_path / "baseline.json"),
                    str(tmp_path / "articles")) == []


def test_baseline_with_other_formats(desk, run_cli):
    tmp_path, article = desk
    article.write_text("Fresh: was was.\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run_cli("check", *RULES, "--baseline", "baseline.json", "--format", "sarif", "articles",
                           cwd=tmp_path)
    assert code == 1 and len(json.loads(out)["runs"][0]["results"]) == 1
    code, out, _ = run_cli("check", *RULES, "--baseline", "baseline.json", "--statistics", "articles",
                           cwd=tmp_path)
    assert "artifacts/repeated-word" in out and "punctuation/space-before" not in out


@pytest.mark.parametrize("content, message", [
    (b"{not json", "not valid JSON"),
    (b"[]", "expected a JSON object"),
    (b'{"version": 99, "entries": []}', "unsupported version"),
    (b'{"version": 1, "entries": {}}', "must be a list"),
    (b'{"version": 1, "entries": [{"rule": "a/b", "path": "x"}]}', "fingerprint"),
    (b'{"version": 1, "entries": [{"rule": "a/b", "path": "x", "fingerprint": "f", "count": 0}]}', "count"),
    (b'{"version": 1, "entries": [7]}', "not an object"),
    (b"\xff\xfe", "not valid UTF-8"),
])
def test_malformed_baseline_is_a_clear_error(tmp_path, run_cli, content, message):
    (tmp_path / "a.txt").write_text("It was the the end.\n", encoding="utf-8")
    (tmp_path / "b.json").write_bytes(content)
    code, out, err = run_cli("check", "--baseline", "b.json", "a.txt", cwd=tmp_path)
    assert code == 2 and out == ""
    assert "baseline b.json" in err and message in err


def test_missing_baseline_and_conflicting_options(tmp_path, run_cli):
    (tmp_path / "a.txt").write_text("It was the the end.\n", encoding="utf-8")
    code, _, err = run_cli("check", "--baseline", "nope.json", "a.txt", cwd=tmp_path)
    assert code == 2 and "no such file" in err and "--write-baseline" in err
    code, _, err = run_cli("check", "--baseline", "x.json", "--write-baseline", "y.json", "a.txt", cwd=tmp_path)
    assert code == 2 and "cannot be combined" in err
    assert not (tmp_path / "y.json").exists()


def test_fingerprint_ignores_line_numbers_and_far_away_words():
    text = "Officials said the the talks would resume on Monday.\n"
    moved = "New lede.\n\nOfficials said the the talks would resume on Monday after all, a spokesman said.\n"
    first = Finding("a.txt", 1, 16, 1, 23, "artifacts/repeated-word", "warning", "x")
    second = Finding("a.txt", 3, 16, 3, 23, "artifacts/repeated-word", "warning", "x")
    one = build([first], "b.json", lambda path: LineIndex(text))["entries"]
    two = build([second], "b.json", lambda path: LineIndex(moved))["entries"]
    assert one == two
