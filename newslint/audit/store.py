"""The audit database: SQLite (standard library), WAL mode, whole files per transaction.

Schema (``schema_version`` 1; see docs/archive-migration.md)::

    runs(id, started, finished, status, config_fingerprint, newslint_version,
         plugin_versions JSON, sources JSON, files_checked, files_skipped, files_failed)
    files(id, source, path, sha256, size, folder, metadata JSON, config_fingerprint,
          checked_at, run_id, findings, error)          -- UNIQUE(source, path)
    findings(id, file_id, rule, severity, line, column, end_line, end_column,
             message, matched, suggestion)

``files.path`` is the file's path for folders and globs, and the record id for
JSON-lines exports (whose ``source`` is the ``.jsonl`` file). ``files`` holds the
latest check of each article: re-checking one replaces its row and its findings.
A file's row and its findings are always written in the same transaction, so an
interrupted audit never leaves half a file behind.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass, field

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    status TEXT NOT NULL DEFAULT 'running',
    config_fingerprint TEXT NOT NULL,
    newslint_version TEXT NOT NULL,
    plugin_versions TEXT NOT NULL,
    sources TEXT NOT NULL,
    files_checked INTEGER NOT NULL DEFAULT 0,
    files_skipped INTEGER NOT NULL DEFAULT 0,
    files_failed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    folder TEXT NOT NULL DEFAULT '',
    metadata TEXT NOT NULL DEFAULT '{}',
    config_fingerprint TEXT NOT NULL,
    checked_at TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id),
    findings INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    UNIQUE (source, path)
);
CREATE TABLE IF NOT EXISTS findings (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    line INTEGER NOT NULL,
    "column" INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    end_column INTEGER NOT NULL,
    message TEXT NOT NULL,
    matched TEXT NOT NULL,
    suggestion TEXT
);
CREATE INDEX IF NOT EXISTS findings_file ON findings(file_id);
CREATE INDEX IF NOT EXISTS findings_rule ON findings(rule);
"""


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


@dataclass
class FileResult:
    """One article checked: what the ``files`` row and its ``findings`` rows hold."""

    source: str
    path: str
    sha256: str
    size: int
    folder: str
    metadata: dict
    config_fingerprint: str
    #: (rule, severity, line, column, end_line, end_column, message, matched, suggestion)
    findings: list[tuple] = field(default_factory=list)
    error: str | None = None


class AuditStore:
    """An open audit database."""

    def __init__(self, path: str, *, batch_files: int = 500, batch_seconds: float = 2.0) -> None:
        self.path = path
        self.connection = sqlite3.connect(path, isolation_level=None, timeout=60)
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=NORMAL")
        self.connection.execute("PRAGMA foreign_keys=ON")
        self.connection.executescript(SCHEMA)
        self.connection.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                                (str(SCHEMA_VERSION),))
        self.batch_files = batch_files
        self.batch_seconds = batch_seconds
        self._pending = 0
        self._opened_at = 0.0
        self._known: dict[tuple[str, str], tuple[str, str, int]] | None = None

    # -- runs -------------------------------------------------------------------------------
    def start_run(self, fingerprint: str, version: str, plugins: dict, sources: list[str]) -> int:
        cursor = self.connection.execute(
            "INSERT INTO runs(started, config_fingerprint, newslint_version, plugin_versions, sources) "
            "VALUES (?, ?, ?, ?, ?)",
            (now(), fingerprint, version, json.dumps(plugins, sort_keys=True), json.dumps(sources)))
        return cursor.lastrowid

    def finish_run(self, run_id: int, status: str, checked: int, skipped: int, failed: int) -> None:
        self.commit()
        self.connection.execute(
            "UPDATE runs SET finished = ?, status = ?, files_checked = ?, files_skipped = ?, files_failed = ? "
            "WHERE id = ?", (now(), status, checked, skipped, failed, run_id))

    # -- files ------------------------------------------------------------------------------
    def _load_known(self) -> dict:
        if self._known is None:
            self._known = {(source, path): (sha, fingerprint, file_id) for file_id, source, path, sha, fingerprint
                           in self.connection.execute(
                               "SELECT id, source, path, sha256, config_fingerprint FROM files")}
        return self._known

    def is_done(self, source: str, path: str, sha256: str, fingerprint: str) -> bool:
        """Whether this article was recorded with the same content and configuration."""
        known = self._load_known().get((source, path))
        return known is not None and known[0] == sha256 and known[1] == fingerprint

    def add(self, result: FileResult, run_id: int) -> None:
        """Record one checked article (replacing an earlier check of it), in the open transaction."""
        if self._pending == 0:
            self.connection.execute("BEGIN IMMEDIATE")
            self._opened_at = time.monotonic()
        execute = self.connection.execute
        known = self._load_known()
        previous = known.get((result.source, result.path))
        if previous is not None:
            execute("DELETE FROM findings WHERE file_id = ?", (previous[2],))
            execute("DELETE FROM files WHERE id = ?", (previous[2],))
        cursor = execute(
            "INSERT INTO files(source, path, sha256, size, folder, metadata, config_fingerprint, checked_at, "
            "run_id, findings, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (result.source, result.path, result.sha256, result.size, result.folder,
             json.dumps(result.metadata, sort_keys=True, ensure_ascii=False), result.config_fingerprint, now(),
             run_id, len(result.findings), result.error))
        file_id = cursor.lastrowid
        if result.findings:
            self.connection.executemany(
                'INSERT INTO findings(file_id, rule, severity, line, "column", end_line, end_column, message, '
                "matched, suggestion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(file_id, *row) for row in result.findings])
        known[(result.source, result.path)] = (result.sha256, result.config_fingerprint, file_id)
        self._pending += 1
        if self._pending >= self.batch_files or time.monotonic() - self._opened_at >= self.batch_seconds:
            self.commit()

    def commit(self) -> None:
        if self._pending:
            self.connection.execute("COMMIT")
            self._pending = 0

    def rollback(self) -> None:
        """Forget the open transaction (the articles in it are checked again next time)."""
        if self._pending:
            self.connection.execute("ROLLBACK")
            self._pending = 0
            self._known = None

    def close(self) -> None:
        self.commit()
        self.connection.close()


def open_readonly(path: str) -> sqlite3.Connection:
    """An audit database opened for reading (report); an ``InputError`` when it is not one."""
    import os

    from newslint.errors import InputError

    if not os.path.isfile(path):
        raise InputError(path, "no such file")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        connection.execute("SELECT COUNT(*) FROM files").fetchone()
        connection.execute("SELECT COUNT(*) FROM findings").fetchone()
    except sqlite3.DatabaseError as error:
        raise InputError(path, f"not a newslint audit database ({error})") from None
    return connection
