"""The command line: formats, exit codes, selection, input errors."""

from __future__ import annotations

import json

from conftest import newslint_subprocess

BAD = "Officials in Kiev said the the talks would resume.\n"
CLEAN = "Officials in Kyiv said the talks would resume.\n"


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_text_format_is_one_line_per_finding_then_a_summary(tmp_path, run_cli):
    article = write(tmp_path / "a.txt", BAD)
    code, out, _ = run_cli("check", article)
    lines = out.splitlines()
    assert code == 1
    assert f"{article}:1:24: warning artifacts/repeated-word “the” is repeated: delete one" in lines
    assert all(line.count(":") >= 3 for line in lines[:-1])
    assert lines[-1].startswith("Found ")


def test_json_contract(tmp_path, run_json):
    article = write(tmp_path / "a.txt", BAD)
    code, data, _ = run_json(article)
    assert code == 1
    assert data["version"] == 1
    assert set(data) == {"version", "findings", "errors", "summary"}
    assert data["summary"]["files"] == 1
    assert data["summary"]["findings"] == len(data["findings"])
    assert set(data["summary"]["by_severity"]) == {"info", "warning", "error"}
    finding = next(f for f in data["findings"] if f["rule"] == "artifacts/repeated-word")
    assert set(finding) == {"path", "line", "column", "end_line", "end_column", "rule", "severity",
                            "message", "suggestions", "fix"}
    assert (finding["line"], finding["column"], finding["end_column"]) == (1, 24, 31)
    assert finding["fix"]["safe"] is True
    assert set(finding["fix"]["edits"][0]) == {"line", "column", "end_line", "end_column", "text"}


def test_clean_file_exits_zero(tmp_path, run_cli):
    code, out, _ = run_cli("check", write(tmp_path / "a.txt", CLEAN))
    assert code == 0 and "No problems found in 1 file." in out


def test_fail_on_levels(tmp_path, run_cli):
    article = write(tmp_path / "a.txt", BAD)
    assert run_cli("check", "--fail-on", "never", article)[0] == 0
    assert run_cli("check", "--fail-on", "error", article)[0] == 0
    assert run_cli("check", "--fail-on", "info", article)[0] == 1


def test_select_and_ignore_by_id_and_prefix(tmp_path, run_json):
    article = write(tmp_path / "a.txt", BAD)
    _, data, _ = run_json("--select", "artifacts", article)
    assert {f["rule"] for f in data["findings"]} == {"artifacts/repeated-word"}
    _, data, _ = run_json("--ignore", "artifacts/repeated-word", article)
    assert "artifacts/repeated-word" not in {f["rule"] for f in data["findings"]}


def test_unknown_selector_is_a_usage_error(tmp_path, run_cli):
    code, _, err = run_cli("check", "--select", "nosuch/rule", write(tmp_path / "a.txt", BAD))
    assert code == 2 and "unknown rule or plugin 'nosuch/rule'" in err


def test_stdin_with_stdin_filename(run_json):
    code, data, _ = run_json("-", "--stdin-filename", "story.txt", stdin=BAD.encode())
    assert code == 1
    assert {f["path"] for f in data["findings"]} == {"story.txt"}


def test_directory_walk_skips_hidden_binary_and_other_extensions(tmp_path, run_json):
    write(tmp_path / "a.txt", BAD)
    write(tmp_path / "b.md", BAD)
    write(tmp_path / "c.py", BAD)
    write(tmp_path / ".hidden.txt", BAD)
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "d.txt", BAD)
    write(tmp_path / "e.txt", b"\x00\x01binary\xff")
    code, data, _ = run_json(tmp_path)
    assert code == 1
    assert data["summary"]["files"] == 2
    assert data["errors"] == []
    assert sorted({f["path"].rsplit("/", 1)[-1] for f in data["findings"]}) == ["a.txt", "b.md"]


def test_non_utf8_file_is_an_error_naming_the_byte_offset_and_others_still_run(tmp_path, run_json):
    bad = write(tmp_path / "latin.txt", "Caf\u00e9 in Kiev".encode("latin-1"))
    good = write(tmp_path / "z.txt", BAD)
    code, data, _ = run_json(bad, good)
    assert code == 2
    assert data["errors"] == [{"path": str(bad), "message": data["errors"][0]["message"]}]
    assert "byte offset 3" in data["errors"][0]["message"]
    assert any(f["path"] == str(good) for f in data["findings"])


def test_missing_file_is_an_error_not_a_traceback(tmp_path, run_cli):
    code, out, err = run_cli("check", tmp_path / "nope.txt")
    assert code == 2 and "no such file" in out
    assert "Traceback" not in out + err


def test_empty_file_is_fine(tmp_path, run_cli):
    code, out, _ = run_cli("check", write(tmp_path / "empty.txt", ""))
    assert code == 0


def test_bom_is_not_counted_in_columns(tmp_path, run_json):
    article = write(tmp_path / "a.txt", b"\xef\xbb\xbf" + BAD.encode())
    _, data, _ = run_json(article)
    finding = next(f for f in data["findings"] if f["rule"] == "artifacts/repeated-word")
    assert finding["column"] == 24


def test_unknown_format_is_a_usage_error(tmp_path, run_cli):
    code, _, err = run_cli("check", "--format", "yaml", write(tmp_path / "a.txt", BAD))
    assert code == 2 and "unknown format 'yaml'" in err


def test_rules_lists_every_rule_with_severity_fix_and_summary(run_cli):
    code, out, _ = run_cli("rules", "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert {"artifacts/repeated-word"} <= {row["id"] for row in rows}
    assert all(set(row) == {"id", "severity", "fix", "summary"} and row["summary"] for row in rows)


def test_explain_prints_documentation_and_examples(run_cli):
    code, out, _ = run_cli("explain", "artifacts/repeated-word")
    assert code == 0 and "# artifacts/repeated-word" in out and "## Examples" in out


def test_explain_unknown_rule(run_cli):
    code, _, err = run_cli("explain", "nosuch")
    assert code == 2 and "unknown rule" in err


def test_version_and_real_subprocess():
    result = newslint_subprocess("--version")
    assert result.returncode == 0 and result.stdout.startswith("newslint ")


def test_no_command_prints_help_and_exits_2():
    result = newslint_subprocess()
    assert result.returncode == 2 and "check" in result.stdout
