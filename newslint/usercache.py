"""Start-up caches in the user's cache folder: what a run would otherwise work out again.

Two things are kept, each in a small file written atomically:

- the list of installed plugins (the ``newslint`` entry points), so that a run need
  not scan every installed distribution's metadata (``registry.py``);
- parsed YAML files (rules.yaml, a ``.newslint.yaml``), so that a run need not import
  and run the YAML parser (``yamlfile.py``).

Each entry is keyed by what it depends on (newslint's version, the Python version,
the file's path, size and modification time, or the folders of ``sys.path`` and
their modification times), so a change invalidates it; a cache that cannot be read
or written is simply not used. The folder is ``$NEWSLINT_CACHE_HOME``, else
``$XDG_CACHE_HOME/newslint``, else the platform's user cache folder;
``NEWSLINT_NO_CACHE=1`` turns every cache off.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any

#: Bumped whenever what the caches hold changes shape.
FORMAT = 1


def disabled() -> bool:
    return os.environ.get("NEWSLINT_NO_CACHE", "") not in ("", "0")


def cache_home() -> Path:
    configured = os.environ.get("NEWSLINT_CACHE_HOME")
    if configured:
        return Path(configured)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
        return Path(base) / "newslint" / "Cache"
    if sys.platform == "darwin":
        return Path(os.path.expanduser("~/Library/Caches/newslint"))
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return Path(base) / "newslint"


def _file(kind: str, key: Any) -> Path:
    import zlib  # cheaper to import than hashlib; the full key is checked on reading

    text = _full_key(key).encode("utf-8", "backslashreplace")
    return cache_home() / kind / f"{zlib.crc32(text):08x}{len(text):x}.bin"


def _full_key(key: Any) -> str:
    from newslint import __version__

    return repr((FORMAT, __version__, sys.version, key))


def read(kind: str, key: Any) -> Any:
    """The value stored under ``key``, or None (also when caching is off or the entry unreadable)."""
    if disabled():
        return None
    try:
        with open(_file(kind, key), "rb") as handle:
            stored_key, value = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return value if stored_key == _full_key(key) else None


def write(kind: str, key: Any, value: Any) -> None:
    """Store ``value`` (marshal-able: None, bool, int, float, str, bytes, tuple, list, dict) atomically."""
    if disabled():
        return
    path = _file(kind, key)
    try:
        data = marshal.dumps((_full_key(key), value))
    except ValueError:
        return
    write_atomically(path, data)


def write_atomically(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename:
    a reader sees the old file or the new one, never a part. False when it cannot be written."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
        return True
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return False


def file_key(path: str | os.PathLike) -> tuple | None:
    """What a file's cached derivative depends on: its real path, size and modification time."""
    try:
        real = os.path.realpath(path)
        status = os.stat(real)
    except OSError:
        return None
    return (real, status.st_size, status.st_mtime_ns, status.st_ino)
