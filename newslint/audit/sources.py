"""What an audit reads: folders, globs and JSON-lines exports, one article at a time.

A SOURCE is a folder (walked as ``newslint check`` walks it), a file, a glob
(``archive/20*/**/*.md``; ``**`` crosses folders) or a ``.jsonl`` file, one
JSON object per line whose ``--jsonl-text`` field is the article and whose
``--jsonl-id`` field names it. Articles of a folder or glob are keyed by their
path, records of an export by their id.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from typing import Callable, Iterator

from newslint.errors import UsageError
from newslint.files import display_path, iter_files

GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class Planned:
    """One file to read: a single article, or a JSON-lines export of many."""

    source: str      # the SOURCE argument it came from (the .jsonl file for exports)
    path: str        # the file on disk
    size: int
    jsonl: bool


@dataclass
class Article:
    """One article to check."""

    source: str
    key: str                   # path (folders, globs) or record id (exports)
    path: str | None           # the file on disk (None for export records: the text is in ``text``)
    config_path: str           # the path whose configuration applies (the export for records)
    text: str | None
    data: bytes | None         # the bytes read, for files
    size: int
    sha256: str
    folder: str
    metadata: dict = field(default_factory=dict)
    error: str | None = None   # a record that cannot be read


def normal(path: str) -> str:
    path = path.replace(os.sep, "/")
    return path[2:] if path.startswith("./") else path


def plan(sources: list[str], extensions, is_excluded: Callable[[str], bool]) -> list[Planned]:
    """Every file the sources name, with its size (for progress), in a stable order."""
    planned: list[Planned] = []
    for source in sources:
        if GLOB_CHARS.search(source):
            matches = sorted(glob.glob(source, recursive=True))
            if not matches:
                raise UsageError(f"audit: no files match {source!r}")
        elif not os.path.exists(source):
            raise UsageError(f"audit: {source}: no such file or folder")
        else:
            matches = [source]
        label = normal(source)
        files, exports = [], []
        for match in matches:
            if match.lower().endswith(".jsonl") and os.path.isfile(match):
                exports.append(match)
            elif os.path.isdir(match) or os.path.splitext(match)[1].lower() in extensions:
                files.append(match)
        for path in iter_files(files, extensions, is_excluded):
            planned.append(Planned(label, path, _size(path), False))
        for path in exports:
            planned.append(Planned(normal(display_path(path)), path, _size(path), True))
    return planned


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def path_metadata(pattern: re.Pattern | None, path: str) -> dict:
    """The named groups of ``--meta-from-path`` matched in ``path`` (forward slashes)."""
    if pattern is None:
        return {}
    match = pattern.search(path)
    if match is None:
        return {}
    return {name: value for name, value in match.groupdict().items() if value is not None}


def read_articles(planned: Planned, *, text_field: str = "text", id_field: str = "id",
                  meta_pattern: re.Pattern | None = None) -> Iterator[Article]:
    """The articles in one planned file: itself, or each record of an export."""
    shown = normal(display_path(planned.path))
    if not planned.jsonl:
        try:
            with open(planned.path, "rb") as handle:
                data = handle.read()
            error = None
        except OSError as exc:
            data, error = b"", f"cannot read: {exc.strerror or exc}"
        yield Article(planned.source, shown, planned.path, planned.path, None, data, len(data), sha256(data),
                      os.path.dirname(shown), path_metadata(meta_pattern, shown), error)
        return
    base_meta = path_metadata(meta_pattern, shown)
    seen: dict[str, int] = {}
    with open(planned.path, "rb") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            key, text, meta, error = f"line-{number}", None, dict(base_meta), None
            try:
                record = json.loads(raw)
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
            except (ValueError, UnicodeDecodeError) as exc:
                error = f"line {number}: not a JSON object: {exc}"
            else:
                if record.get(id_field) is not None:
                    key = str(record[id_field])
                text = record.get(text_field)
                if not isinstance(text, str):
                    error = f"line {number}: no text field {text_field!r}"
                    text = None
                for name, value in record.items():
                    if name not in (text_field, id_field) and isinstance(value, (str, int, float, bool)):
                        meta[name] = value
            if key in seen:  # a duplicated id: keep both records, the later one marked by its line
                key = f"{key}@line-{number}"
            seen[key] = number
            data = text.encode("utf-8", "surrogatepass") if text is not None else raw
            yield Article(planned.source, key, None, planned.path, text, None, len(data), sha256(data),
                          shown, meta, error)
