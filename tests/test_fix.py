"""Fixing copy safely: --fix, --diff, --unsafe-fixes, and no byte lost that was not asked for."""

from __future__ import annotations

import difflib
import os
import stat

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newslint
from newslint.config import load_config
from newslint.fixer import fix_text, is_applicable
from newslint.positions import LineIndex
from newslint.registry import default_registry

BAD = "It was the the end of the talks.\n"
FIXED = "It was the end of the talks.\n"

PIECES = ["the the", "the", "talks", " ", " ", "\n", "\n\n", "\r\n", "Kiev", "kyiv", "in in", ",,", "“", "”",
          "said", ".", " .", "Odessa's", "TK", "«", "»", "We", "é", "😀"]
documents = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def _spans(text, findings, unsafe=False):
    lines = LineIndex(text)
    spans = []
    for f in findings:
        if is_applicable(f, unsafe):
            spans.append((lines.offset(f.line, f.column), lines.offset(f.end_line, f.end_column)))
            for e in f.fix.edits:
                spans.append((lines.offset(e.line, e.column), lines.offset(e.end_line, e.end_column)))
    return spans


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.booleans())
def test_fixing_is_idempotent_and_leaves_no_fixable_finding(text, unsafe):
    registry = default_registry()
    config = load_config(registry=registry)
    once = fix_text(text, "a.txt", config, registry, unsafe=unsafe)
    assert not [f for f in once.remaining if is_applicable(f, unsafe)]
    twice = fix_text(once.text, "a.txt", config, registry, unsafe=unsafe)
    assert twice.text == once.text and twice.fixed == 0


@settings(max_examples=200, deadline=None)
@given(documents)
def test_safe_fixes_edit_only_inside_their_findings_spans(text):
    registry = default_registry()
    config = load_config(registry=registry)
    lines = LineIndex(text)
    for finding in newslint.check_text(text, path="a.txt", config=config):
        if finding.fix is None or not finding.fix.safe:
            continue
        start = lines.offset(finding.line, finding.column)
        end = lines.offset(finding.end_line, finding.end_column)
        for edit in finding.fix.edits:
            assert start <= lines.offset(edit.line, edit.column) <= lines.offset(edit.end_line, edit.end_column) <= end, \
                (finding, text)


@settings(max_examples=200, deadline=None)
@given(documents)
def test_one_pass_leaves_text_before_the_first_and_after_the_last_fixable_span_untouched(text):
    registry = default_registry()
    config = load_config(registry=registry)
    findings = newslint.check_text(text, path="a.txt", config=config)
    spans = _spans(text, findings)
    fixed = fix_text(text, "a.txt", config, registry, max_passes=1).text
    if not spans:
        assert fixed == text
        return
    first, last = min(s for s, _ in spans), max(e for _, e in spans)
    assert fixed[:first] == text[:first]
    tail = len(text) - last
    assert fixed[len(fixed) - tail:] == text[last:] if tail else True


def test_fix_writes_the_file_and_reports_the_summary(tmp_path, run_cli):
    article = tmp_path / "a.txt"
    article.write_text(BAD)
    code, out, _ = run_cli("check", "--fix", "--select", "artifacts", article)
    assert article.read_text() == FIXED
    assert "Fixed 1 problem in 1 file (0 remaining)." in out
    assert code == 0


def test_second_fix_changes_nothing(tmp_path, run_cli):
    article = tmp_path / "a.txt"
    article.write_text(BAD)
    run_cli("check", "--fix", article)
    first = article.read_bytes()
    code, out, _ = run_cli("check", "--fix", article)
    assert article.read_bytes() == first
    assert "Fixed 0 problems in 0 files" in out


def test_diff_prints_and_writes_nothing(tmp_path, run_cli):
    article = tmp_path / "a.txt"
    article.write_text(BAD)
    code, out, _ = run_cli("check", "--diff", "--select", "artifacts", article)
    assert code == 1
    assert "-It was the the end of the talks." in out and "+It was the end of the talks." in out
    assert article.read_text() == BAD
    article.write_text(FIXED)
    code, out, _ = run_cli("check", "--diff", "--select", "artifacts", article)
    assert code == 0 and out == ""


def test_fix_from_stdin_prints_the_fixed_text(run_cli):
    code, out, err = run_cli("check", "--fix", "--select", "artifacts", "-", stdin=BAD.encode())
    assert out == FIXED
    assert "Fixed 1 problem" in err


def test_unsafe_fixes_need_fix_or_diff(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(BAD)
    code, _, err = run_cli("check", "--unsafe-fixes", article)
    assert code == 2 and "--unsafe-fixes needs --fix or --diff" in err


def test_crlf_bom_final_newline_and_mode_are_kept(tmp_path, run_cli):
    article = tmp_path / "a.txt"
    original = b"\xef\xbb\xbfFirst line.\r\nIt was the the end.\r\nLast line"
    article.write_bytes(original)
    os.chmod(article, 0o640)
    run_cli("check", "--fix", "--select", "artifacts", article)
    assert article.read_bytes() == b"\xef\xbb\xbfFirst line.\r\nIt was the end.\r\nLast line"
    assert stat.S_IMODE(os.stat(article).st_mode) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".newslint-")]


def test_file_changed_on_disk_is_not_overwritten(tmp_path, monkeypatch, run_cli):
    import newslint.fixer as fixer

    article = tmp_path / "a.txt"
    article.write_text(BAD)
    real = fixer.fix_text

    def edit_meanwhile(*args, **kwargs):
        result = real(*args, **kwargs)
        article.write_text("Someone else's edit: the the.\n")
        return result

    monkeypatch.setattr(fixer, "fix_text", edit_meanwhile)
    code, out, _ = run_cli("check", "--fix", "--select", "artifacts", article)
    assert code == 2 and "changed on disk" in out
    assert article.read_text() == "Someone else's edit: the the.\n"


def test_symlink_out_of_the_given_folder_is_not_written(tmp_path, run_cli):
    outside = tmp_path / "outside.txt"
    outside.write_text(BAD)
    root = tmp_path / "articles"
    root.mkdir()
    (root / "link.txt").symlink_to(outside)
    code, out, _ = run_cli("check", "--fix", root)
    assert outside.read_text() == BAD
    assert code == 2 and "outside the paths given" in out
