"""Start-up caches in the user's cache folder: what a run would otherwise work out again.

Each kind is kept in small files written atomically:

- the list of installed plugins (the ``newslint`` entry points), so that a run need
  not scan every installed distribution's metadata (``registry.py``);
- parsed YAML files (rules.yaml, a ``.newslint.yaml``), so that a run need not import
  and run the YAML parser (``yamlfile.py``);
- the compiled code of ``re`` patterns (``recache.py``), and what plugins derive from
  their configuration (the user patterns already found valid, and the like).

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

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from typing import Any

#: Bumped whenever what the caches hold changes shape.
FORMAT = 1


def disabled() -> bool:
    return os.environ.get("NEWSLINT_NO_CACHE", "") not in ("", "0")


# Paths are strings here (os.path): a run that finds everything in these caches need not import
# pathlib.
def cache_home() -> str:
    configured = os.environ.get("NEWSLINT_CACHE_HOME")
    if configured:
        return configured
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
        return os.path.join(base, "newslint", "Cache")
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches/newslint")
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return os.path.join(base, "newslint")


def _file(kind: str, key: Any) -> str:
    import zlib  # cheaper to import than hashlib; the full key is checked on reading

    text = _full_key(key).encode("utf-8", "backslashreplace")
    return os.path.join(cache_home(), kind, f"{zlib.crc32(text):08x}{len(text):x}.bin")


def _slot_key(key: Any, slot: Any) -> Any:
    # The file holding an entry is named after its ``slot`` when given: what the entry is for (a
    # file's path, say), without what makes it valid (the file's size and modification time). A
    # changed file's new entry then replaces the old one, instead of adding a file for ever.
    return key if slot is None else ("slot", slot)


def _full_key(key: Any) -> str:
    from newslint import __version__

    return repr((FORMAT, __version__, sys.version, key))


def read(kind: str, key: Any, slot: Any = None) -> Any:
    """The value stored under ``key`` (in ``slot``, see ``write``), or None (also when caching is off
    or the entry unreadable)."""
    if disabled():
        return None
    try:
        with open(_file(kind, _slot_key(key, slot)), "rb") as handle:
            # Read whole, then decoded: marshal.load on a file reads it a few bytes at a time,
            # with a method call for each object (ten times slower on a parsed rules.yaml).
            stored_key, value = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return value if stored_key == _full_key(key) else None


def write(kind: str, key: Any, value: Any, slot: Any = None) -> None:
    """Store ``value`` (marshal-able: None, bool, int, float, str, bytes, tuple, list, dict) atomically.

    With a ``slot`` (what the entry is for, e.g. a file's path, while ``key`` says what it is valid
    for, e.g. the file's size and modification time), the entry replaces any earlier one of the
    same slot: the cache holds one entry per slot rather than one per state ever seen."""
    if disabled():
        return
    path = _file(kind, _slot_key(key, slot))
    try:
        data = marshal.dumps((_full_key(key), value))
    except ValueError:
        return
    write_atomically(path, data)


def prune(kind: str, keep: int) -> None:
    """Remove all but the ``keep`` most recently written entries of ``kind``: for entries keyed by
    what they are built from, with no slot to replace (a house dictionary's tables, say), so that
    the cache does not grow with every edit."""
    folder = os.path.join(cache_home(), kind)
    try:
        with os.scandir(folder) as found:
            entries = sorted(((entry.stat().st_mtime_ns, entry.path) for entry in found
                              if entry.name.endswith(".bin")), reverse=True)
    except OSError:
        return
    for _, path in entries[keep:]:
        try:
            os.unlink(path)
        except OSError:
            pass


_SCALARS = frozenset((str, int, float, bool, type(None)))
_SEQUENCES = (list, tuple)


def plain(value: Any) -> bool:
    """Whether ``value`` is made only of dicts, lists, tuples and scalars (str, int, float, bool,
    None), as configuration from YAML is. Its ``repr`` then tells it apart from any other such
    value, and is the same in every process for the same files (no set, whose order varies with
    the string hash seed; no object whose ``repr`` shows an address): a key for what is derived
    from it (``plain_text``)."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            if not _SCALARS.issuperset(map(type, item)):
                return False
            children = item.values()
        elif type(item) in _SEQUENCES:
            children = item
        else:
            return False
        for child in children:
            if type(child) not in _SCALARS:
                pending.append(child)
    return True


def plain_text(value: Any) -> str | None:
    """``repr(value)`` when ``value`` is ``plain``, else None: written in C, where walking the data
    in Python to write it took several times longer (a 10,000-entry house dictionary)."""
    return repr(value) if plain(value) else None


def digest(data: bytes) -> bytes:
    """A 20-byte BLAKE2b digest of ``data``."""
    try:
        from _blake2 import blake2b  # what hashlib uses, without importing OpenSSL's bindings
    except ImportError:  # pragma: no cover
        from hashlib import blake2b
    return blake2b(data, digest_size=20).digest()


def write_atomically(path: str | os.PathLike, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename:
    a reader sees the old file or the new one, never a part. False when it cannot be written."""
    folder, name = os.path.split(os.fspath(path))
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        os.makedirs(folder or os.curdir, exist_ok=True)
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
