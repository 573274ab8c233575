"""Finding the files to check and reading them."""

from __future__ import annotations

import os

from newslint._records import FrozenRecord
from newslint.errors import InputError

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from typing import Iterator

DEFAULT_EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
#: A file with a NUL byte among its first this many bytes is binary.
SNIFF_BYTES = 8192


class SourceText(FrozenRecord):  # as @dataclass(frozen=True, slots=True) made it (newslint._records)
    """A decoded file: its text without a byte-order mark, and how it was stored."""

    __slots__ = ("text", "bom")
    text: str
    bom: bool

    def __init__(self, text: str, bom: bool = False) -> None:
        _set = object.__setattr__
        _set(self, "text", text)
        _set(self, "bom", bom)


def decode(data: bytes, path: str) -> SourceText:
    """Decode UTF-8 (with or without a BOM); anything else is an ``InputError`` with the byte offset."""
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8-sig" if bom else "utf-8")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not valid UTF-8: byte 0x{data[error.start]:02x} at byte offset "
                               f"{error.start} cannot be decoded ({error.reason})") from None
    return SourceText(text, bom)


def read_source(path: str) -> SourceText:
    return decode(read_bytes(path), path)


def read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None


def looks_binary(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return b"\0" in handle.read(SNIFF_BYTES)
    except OSError:
        return False


class WalkedPath(str):
    """A file found by walking a folder rather than named by the user: skipped without a word when
    it turns out to be binary (``read_input`` sniffs it as it reads it, when the walk did not). The
    walk found it as a file: its folder is its dirname (ConfigResolver.for_path need not ask)."""

    __slots__ = ()


def iter_files(paths: list[str], extensions: frozenset[str] | set[str],
               is_excluded=lambda path: False, *, sniff: bool = True) -> Iterator[str]:
    """Files to check: given files as they are; directories walked for ``extensions``.

    Hidden files and folders, excluded paths and (with ``sniff``) binary files found while
    walking are skipped. Each file is yielded once, in sorted order within a folder, a folder's
    files before its subfolders. Without ``sniff``, walked files come as ``WalkedPath`` and
    the binary ones are left for the reader to skip (one read of each file instead of two).
    """
    seen: set[str] = set()
    for given in paths:
        if os.path.isdir(given):
            yield from _walk(given, extensions, is_excluded, seen, sniff)
        else:
            key = os.path.realpath(given)
            if key in seen or (os.path.exists(given) and is_excluded(given)):
                continue
            seen.add(key)
            yield given


def _walk(folder: str, extensions, is_excluded, seen: set[str], sniff: bool) -> Iterator[str]:
    # os.scandir tells folders, files and links apart without a system call per entry, and a file
    # that is not a link has the real path of its folder joined to its name: one realpath per folder.
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=_entry_name)
    except OSError:
        return
    real_prefix = os.path.join(os.path.realpath(folder), "")  # a file's real path: this, then its name
    folders = []
    for entry in entries:
        name = entry.name
        if name[:1] == ".":  # hidden (os.scandir never lists "." and "..")
            continue
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if is_folder:
            if not entry.is_symlink():  # as os.walk: links to folders are not followed
                path = os.path.join(folder, name)
                if not is_excluded(path):
                    folders.append(path)
            continue
        stem, dot, extension = name.rpartition(".")  # (os.path.splitext's, for a name not starting with a dot)
        if not dot or (dot + extension).lower() not in extensions:
            continue
        path = WalkedPath(entry.path)  # os.path.join(folder, name); known to be a file (not a folder)
        key = os.path.realpath(path) if entry.is_symlink() else real_prefix + name
        if key in seen or is_excluded(path) or (sniff and looks_binary(path)):
            continue
        seen.add(key)
        yield str(path) if sniff else path
    for path in folders:
        yield from _walk(path, extensions, is_excluded, seen, sniff)


def _entry_name(entry: os.DirEntry) -> str:
    return entry.name


def display_path(path: str) -> str:
    """A path as given, or relative to the working directory when it is absolute and below it."""
    if os.path.isabs(path):
        try:
            relative = os.path.relpath(path)
        except ValueError:
            return path
        if not relative.startswith(".."):
            return relative
    return path



def replace_atomically(path: str, data: bytes, mode: int) -> None:
    """Replace ``path`` with ``data``: a temporary file in the same folder (fsync, ``mode``), then ``os.replace``.

    Readers see the old file or the new one, never half of one. Raises ``OSError``.
    """
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".newslint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def write_text_atomically(path: str, text: str) -> None:
    """Write ``text`` (UTF-8, no BOM) to ``path`` with :func:`replace_atomically` (reports, baselines).

    An existing file keeps its permissions; a new one gets the usual ones (0666
    less the umask). Failures raise an ``InputError`` naming the path.
    """
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise InputError(path, f"cannot write: no such folder {folder}")
    try:
        mode = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as error:
        raise InputError(path, f"cannot write: {error.strerror or error}") from None
    try:
        replace_atomically(path, text.encode("utf-8", "surrogateescape"), mode)
    except OSError as error:
        raise InputError(path, f"cannot write: {error.strerror or error}") from None
