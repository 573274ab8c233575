"""Archive audits: `newslint audit` into SQLite, resumption, `newslint audit-report`, Dask."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newslint.audit.run import AuditOptions, SimulatedCrash, run_audit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from make_archive import make_archive  # noqa: E402

META = r"(?P<year>\d{4})/(?P<section>[^/]+)/"
ARTICLES, RECORDS = 120, 20


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("audit") / "archive"
    make_archive(root, ARTICLES, jsonl=RECORDS)
    return root


def sources(archive: Path) -> list[str]:
    return [str(archive), str(archive / "export.jsonl")]


def options(archive: Path, db: Path, **extra) -> AuditOptions:
    return AuditOptions(sources=sources(archive), db=str(db), jsonl_text="body", meta_from_path=META,
                        progress=False, **extra)


def rows(db: Path) -> list[tuple]:
    """Every finding with the article it is in: what must not depend on how the audit ran."""
    with sqlite3.connect(db) as connection:
        return sorted(connection.execute(
            'SELECT files.source, files.path, files.sha256, files.metadata, files.error, rule, severity, line, '
            '"column", end_line, end_column, message, matched, suggestion '
            "FROM findings JOIN files ON files.id = findings.file_id").fetchall())


def file_rows(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return sorted(connection.execute(
            "SELECT source, path, sha256, size, folder, metadata, config_fingerprint, findings, error "
            "FROM files").fetchall())


@pytest.fixture(scope="module")
def reference(archive, tmp_path_factory) -> Path:
    """An uninterrupted single-process audit of the archive."""
    db = tmp_path_factory.mktemp("reference") / "audit.sqlite"
    summary = run_audit(options(archive, db))
    assert summary.checked == ARTICLES + RECORDS and summary.failed == 0
    return db


def test_audit_records_every_article_then_skips_them(archive, tmp_path, run_cli):
    db = tmp_path / "audit.sqlite"
    args = ["audit", *sources(archive), "--db", db, "--jsonl-text", "body", "--meta-from-path", META]
    code, out, err = run_cli(*args)
    assert code == 0, err
    assert f"{ARTICLES + RECORDS:,} articles checked, 0 skipped" in err
    assert "\r" not in err  # no progress bar when standard error is not a terminal
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("SELECT COUNT(*) FROM files").fetchone()[0] == ARTICLES + RECORDS
        assert connection.execute("SELECT COUNT(*) FROM findings").fetchone()[0] > 50
        # files.findings is the number of findings rows of the file
        assert connection.execute(
            "SELECT COUNT(*) FROM files WHERE findings != "
            "(SELECT COUNT(*) FROM findings WHERE file_id = files.id)").fetchone()[0] == 0
        record = connection.execute(
            "SELECT source, metadata, folder FROM files WHERE path = 'cms-%d'" % ARTICLES).fetchone()
        assert record[0].endswith("export.jsonl")
        assert set(json.loads(record[1])) == {"year", "section"}
        some_file = connection.execute(
            "SELECT path, metadata FROM files WHERE source != ? LIMIT 1", (record[0],)).fetchone()
        year, section = some_file[0].split("/")[-3:-1]
        assert json.loads(some_file[1]) == {"year": year, "section": section}
    first = rows(db)

    code, out, err = run_cli(*args)
    assert code == 0, err
    assert f"0 articles checked, {ARTICLES + RECORDS:,} skipped" in err
    assert rows(db) == first
    with sqlite3.connect(db) as connection:
        runs = connection.execute("SELECT status, files_checked, files_skipped, finished FROM runs "
                                  "ORDER BY id").fetchall()
    assert [r[:3] for r in runs] == [("finished", ARTICLES + RECORDS, 0), ("finished", 0, ARTICLES + RECORDS)]
    assert all(r[3] for r in runs)


def test_a_changed_article_is_checked_again(archive, tmp_path, reference):
    copy = tmp_path / "archive"
    make_archive(copy, 10)
    db = tmp_path / "audit.sqlite"
    settings = dict(sources=[str(copy)], db=str(db), progress=False)
    run_audit(AuditOptions(**settings))
    target = sorted(copy.rglob("*.txt"))[3]
    target.write_text("Officials in Kiev said the the talks would resume.\n", encoding="utf-8")
    summary = run_audit(AuditOptions(**settings))
    assert (summary.checked, summary.skipped) == (1, 9)
    with sqlite3.connect(db) as connection:
        found = connection.execute(
            "SELECT rule, matched FROM findings JOIN files ON files.id = file_id WHERE files.path LIKE ? "
            "ORDER BY line, \"column\"", ("%" + target.name,)).fetchall()
        assert connection.execute("SELECT COUNT(*) FROM files").fetchone()[0] == 10
    assert found == [("names/preferred-spelling", "Kiev"), ("artifacts/repeated-word", "the the")]
    # another configuration is another audit: everything is checked again
    summary = run_audit(AuditOptions(**settings, select=["names"]))
    assert (summary.checked, summary.skipped) == (10, 0)


def test_an_interrupted_audit_resumes_to_the_same_findings(archive, tmp_path, reference):
    db = tmp_path / "audit.sqlite"
    with pytest.raises(SimulatedCrash):
        run_audit(options(archive, db, crash_after=57, commit_files=10, batch_size=7))
    with sqlite3.connect(db) as connection:
        # the open transaction was lost, as with a kill: only whole, committed articles remain
        assert connection.execute("SELECT COUNT(*) FROM files").fetchone()[0] == 50
        assert connection.execute(
            "SELECT COUNT(*) FROM files WHERE findings != "
            "(SELECT COUNT(*) FROM findings WHERE file_id = files.id)").fetchone()[0] == 0
        assert connection.execute("SELECT status FROM runs").fetchall() == [("failed",)]
    summary = run_audit(options(archive, db))
    assert (summary.checked, summary.skipped) == (ARTICLES + RECORDS - 50, 50)
    assert rows(db) == rows(reference)
    assert file_rows(db) == file_rows(reference)


def test_a_killed_audit_process_resumes_to_the_same_findings(tmp_path, reference, archive):
    big = tmp_path / "archive"
    make_archive(big, 1500)
    db = tmp_path / "killed.sqlite"
    command = [sys.executable, "-m", "newslint.cli", "audit", str(big), "--db", str(db)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               cwd=tmp_path)
    deadline = time.monotonic() + 60
    recorded = 0
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        try:
            with sqlite3.connect(db, timeout=5) as connection:
                recorded = connection.execute("SELECT COUNT(*) FROM files").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if recorded:
            break
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    with sqlite3.connect(db) as connection:
        assert connection.execute(
            "SELECT COUNT(*) FROM files WHERE findings != "
            "(SELECT COUNT(*) FROM findings WHERE file_id = files.id)").fetchone()[0] == 0
    resumed = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    uninterrupted = tmp_path / "whole.sqlite"
    assert subprocess.run([*command[:-1], str(uninterrupted)], capture_output=True, cwd=tmp_path,
                          timeout=120).returncode == 0
    assert rows(db) == rows(uninterrupted)
    assert len(file_rows(db)) == 1500


def _count(db: Path, sql: str, params=()) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchone()[0]


@pytest.mark.parametrize("by", ["year", "section", "folder", "rule"])
def test_report_counts_equal_sql_counts(reference, run_cli, by):
    code, out, err = run_cli("audit-report", reference, "--format", "json", "--by", by, "--top", "1000")
    assert code == 0, err
    data = json.loads(out)
    totals = data["totals"]
    assert totals["files"] == _count(reference, "SELECT COUNT(*) FROM files") == ARTICLES + RECORDS
    assert totals["findings"] == _count(reference, "SELECT COUNT(*) FROM findings")
    assert totals["files_with_findings"] == _count(reference, "SELECT COUNT(DISTINCT file_id) FROM findings")
    for severity, count in totals["by_severity"].items():
        assert count == _count(reference, "SELECT COUNT(*) FROM findings WHERE severity = ?", (severity,))
    assert data["by_rule"]
    for row in data["by_rule"]:
        assert row["findings"] == _count(reference, "SELECT COUNT(*) FROM findings WHERE rule = ?", (row["rule"],))
    assert sum(row["findings"] for row in data["by_rule"]) == totals["findings"]
    groups = data["by"]["groups"]
    assert data["by"]["groups_total"] == len(groups) > 1
    join = "FROM findings JOIN files ON files.id = findings.file_id"
    for group in groups:
        if by in ("year", "section"):
            sql = f"SELECT COUNT(*) {join} WHERE json_extract(files.metadata, '$.{by}') = ?"
        elif by == "folder":
            sql = f"SELECT COUNT(*) {join} WHERE files.folder = ?"
        else:
            sql = f"SELECT COUNT(*) {join} WHERE findings.rule = ?"
        assert group["findings"] == _count(reference, sql, (group["group"],)), group
    assert sum(g["findings"] for g in groups) == totals["findings"]
    if by == "year":  # the JSON-lines records' year field counts as the folders' year does
        assert {g["group"] for g in groups} <= {str(y) for y in range(2016, 2026)}
        assert sum(g["files"] for g in groups) == ARTICLES + RECORDS
    for term in data["top_terms"]:
        assert term["count"] == _count(reference, "SELECT COUNT(*) FROM findings WHERE rule = ? AND matched = ?",
                                       (term["rule"], term["matched"]))
    assert {"Kiev", "the the"} <= {t["matched"] for t in data["top_terms"]}


def test_text_report(reference, run_cli):
    code, out, err = run_cli("audit-report", reference, "--by", "section", "--top", "3")
    assert code == 0, err
    assert "Findings by rule" in out and "By section (top 3 of 5)" in out and "Top offending terms" in out
    assert "names/preferred-spelling" in out


def test_html_report_is_self_contained(reference, run_cli, tmp_path):
    page = tmp_path / "report.html"
    code, out, err = run_cli("audit-report", reference, "--format", "html", "--by", "year", "-o", page)
    assert code == 0, err
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.count("<svg") == 3 and "<rect" in text
    lowered = text.lower()
    for external in ("<script", "<link", "src=", "http:", "https:", "@import", "url("):
        assert external not in lowered, external
    assert "“Kiev”" in text


def test_audit_errors_are_exit_2(tmp_path, run_cli):
    code, out, err = run_cli("audit", tmp_path / "missing", "--db", tmp_path / "a.sqlite")
    assert code == 2 and "no such file or folder" in err
    code, out, err = run_cli("audit", tmp_path, "--db", tmp_path / "a.sqlite", "--meta-from-path", "(")
    assert code == 2 and "--meta-from-path" in err
    (tmp_path / "not.sqlite").write_text("hello")
    code, out, err = run_cli("audit-report", tmp_path / "not.sqlite")
    assert code == 2 and "not a newslint audit database" in err


def test_jsonl_records_that_cannot_be_read_are_recorded(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text('{"id": 1, "text": "Officials in Kiev met."}\nnot json\n{"id": 2}\n\n', encoding="utf-8")
    db = tmp_path / "a.sqlite"
    summary = run_audit(AuditOptions(sources=[str(export)], db=str(db), progress=False))
    assert (summary.checked, summary.failed, summary.findings) == (3, 2, 1)
    with sqlite3.connect(db) as connection:
        errors = dict(connection.execute("SELECT path, error FROM files ORDER BY path"))
    assert errors["1"] is None and "not a JSON object" in errors["line-2"] and "no text field" in errors["2"]


def test_dask_local_cluster_gives_the_same_findings(archive, reference, tmp_path):
    pytest.importorskip("dask.distributed")
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    db = tmp_path / "dask.sqlite"
    out = tmp_path / "parquet"
    summary = run_audit(options(archive, db, dask="local", dask_workers=2, batch_size=16,
                                out_parquet=str(out)))
    assert summary.checked == ARTICLES + RECORDS
    assert rows(db) == rows(reference)
    assert file_rows(db) == file_rows(reference)
    findings = pq.read_table(out / "findings").to_pylist()
    assert len(findings) == len(rows(reference))
    assert pq.read_table(out / "files").num_rows == ARTICLES + RECORDS
