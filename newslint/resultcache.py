"""The results cache: a file's findings, kept until anything they depend on changes.

``newslint check`` looks each file up before checking it, in ``.newslint_cache/``
in the current folder (``--cache-dir`` elsewhere, ``--no-cache`` or
``NEWSLINT_NO_CACHE=1`` not at all). An entry is keyed by a hash of everything the
findings depend on:

- the file's bytes and its path (as shown in findings, and as an absolute path);
- the configuration that applies to it, after ``per-path`` sections, in full:
  every rule's severity, options and scopes, the selection, the data sections,
  formats and parser options, declarative rules' definitions
  (``config_fingerprint``);
- newslint's version and every plugin's name and version, and the size and
  modification time of every module of newslint and of the plugins that
  contribute rules (so an edited plugin invalidates its results even before its
  version changes);
- the options that change what a check reports (``--report-unused-disables``).

Only plain checks are cached (not ``--fix`` or ``--diff``, nor standard input),
and only files checked without an error. The cache never changes results: a hit
returns exactly what checking would (tests/test_cache.py).

The folder holds one file, ``results.bin``, written atomically (a reader sees the
old file or the new one), a ``CACHEDIR.TAG`` (backup tools skip the folder) and a
``.gitignore`` of ``*``. Entries not used for a while are dropped when it is
rewritten.
"""

from __future__ import annotations

import marshal
import os
import sys
import time

from newslint.findings import Edit, Finding, Fix
from newslint.usercache import digest as _digest, plain_text

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from typing import Any, Iterable

    from newslint.config import Config
    from newslint.registry import Registry

DEFAULT_DIR = ".newslint_cache"
FORMAT = 1
CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by newslint.\n"
                "# For information about cache directory tags see https://bford.info/cachedir/\n")
#: Entries kept beyond those used in the latest run.
KEEP_UNUSED = 20_000
#: Entries not used for this long are dropped when the file is rewritten.
MAX_AGE = 30 * 24 * 3600


def _canonical(value: Any) -> Any:
    """A representation of configuration data that is the same for equal data (mapping order aside)."""
    if isinstance(value, dict):
        return ("{", tuple(sorted((repr(key), _canonical(item)) for key, item in value.items())))
    if isinstance(value, (list, tuple)):
        return ("[", tuple(_canonical(item) for item in value))
    if isinstance(value, (set, frozenset)):
        return ("(", tuple(sorted(repr(item) for item in value)))
    return repr(value)


def config_fingerprint(config: "Config") -> bytes:
    """A hash of everything in a configuration that can change a check's findings."""
    cached = config.__dict__.get("_newslint_fingerprint")
    if cached is not None:
        return cached
    rules = {rule_id: (settings.severity, settings.options, settings.scopes)
             for rule_id, settings in config.rules.items()}
    custom = {rule_id: (cls.__name__, getattr(cls, "definition", None), getattr(cls, "source", None))
              for rule_id, cls in getattr(config, "custom_rules", {}).items()}
    parts = (rules, config.select, config.ignore, config.data, config.formats, config.parser_options,
             custom, getattr(config, "style", None), getattr(config, "house_styles", None),
             getattr(config, "max_file_size", None), str(config.root))
    # Plain data (the usual case) is written by ``repr``, in C: walking it in Python to sort every
    # mapping, as ``_canonical`` does, took 50 ms with a 10,000-entry house dictionary. The two
    # writings are told apart by their first character ("(" for the tuple of parts, "'" otherwise).
    written = plain_text(parts) or repr(repr(_canonical(parts)))
    fingerprint = _digest(written.encode("utf-8", "backslashreplace"))
    config.__dict__["_newslint_fingerprint"] = fingerprint
    return fingerprint


def code_fingerprint(registry: "Registry") -> bytes:
    """newslint's version, the plugins' names and versions, and the size and modification time of
    every module of newslint and of the packages that contribute rules."""
    from newslint import __version__

    modules = {sys.modules[cls.__module__] for cls in registry.rules.values() if cls.__module__ in sys.modules}
    folders = {os.path.dirname(os.path.abspath(__file__))}
    for module in modules:
        location = getattr(module, "__file__", None)
        if location:
            folder = os.path.dirname(os.path.abspath(location))
            package = module.__name__.split(".")[0]
            top = sys.modules.get(package)
            top_file = getattr(top, "__file__", None)
            folders.add(os.path.dirname(os.path.abspath(top_file)) if top_file else folder)
    stamps = []
    for folder in sorted(folders):
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".yaml")):
                    try:
                        status = os.stat(os.path.join(root, name))
                    except OSError:
                        continue
                    stamps.append((os.path.join(root, name), status.st_size, status.st_mtime_ns))
    plugins = [(plugin.name, plugin.version) for plugin in registry.plugins]
    return _digest(repr((FORMAT, __version__, sys.version, plugins, stamps)).encode("utf-8", "backslashreplace"))


def _freeze(finding: Finding) -> tuple:
    fix = None
    if finding.fix is not None:
        fix = (finding.fix.safe, tuple((e.line, e.column, e.end_line, e.end_column, e.text) for e in finding.fix.edits))
    return (finding.line, finding.column, finding.end_line, finding.end_column, finding.rule, finding.severity,
            finding.message, tuple(finding.suggestions), fix)


def _thaw(path: str, data: tuple) -> Finding:
    line, column, end_line, end_column, rule, severity, message, suggestions, fix = data
    if fix is not None:
        fix = Fix(fix[0], tuple(Edit(*edit) for edit in fix[1]))
    return Finding(path, line, column, end_line, end_column, rule, severity, message, tuple(suggestions), fix)


class ResultCache:
    """Findings by (file, content, configuration, code); load once, ``save`` at the end of a run."""

    def __init__(self, folder: str | os.PathLike, registry: "Registry", options: tuple = ()) -> None:
        from pathlib import Path  # not on the start-up of a run without the cache

        self.folder = Path(folder)
        self.registry = registry
        self.options = options
        self._code: bytes | None = None
        self._entries: dict[bytes, tuple] | None = None
        self._used: set[bytes] = set()
        self._added = 0
        self._now = int(time.time())

    def _load(self) -> dict[bytes, tuple]:
        if self._entries is None:
            self._entries = {}
            try:
                with open(self.folder / "results.bin", "rb") as handle:
                    stored = marshal.loads(handle.read())  # marshal.load reads a file bit by bit: slower
                if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == FORMAT:
                    self._entries = stored[1]
            except (OSError, EOFError, ValueError, TypeError):
                pass
        return self._entries

    def key(self, path: str | None, shown: str, raw: bytes, config: "Config") -> bytes:
        if self._code is None:
            self._code = code_fingerprint(self.registry)
        absolute = os.path.abspath(path) if path else ""
        head = repr((shown, absolute, self.options)).encode("utf-8", "backslashreplace")
        return _digest(b"\0".join((self._code, config_fingerprint(config), head, _digest(raw))))

    def get(self, key: bytes, shown: str) -> tuple[list[Finding], bool] | None:
        """The cached findings (their path set to ``shown``) and whether there were any, or None."""
        entry = self._load().get(key)
        if entry is None:
            return None
        self._used.add(key)
        return [_thaw(shown, data) for data in entry[1]], bool(entry[1])

    def put(self, key: bytes, findings: Iterable[Finding]) -> None:
        self._load()[key] = (self._now, tuple(_freeze(finding) for finding in findings))
        self._used.add(key)
        self._added += 1

    def save(self) -> None:
        """Write the entries back (atomically), dropping old unused ones; silent when it cannot."""
        if self._entries is None or (not self._added and not self._stale_uses()):
            return
        entries = {}
        unused = []
        for key, (stamp, findings) in self._entries.items():
            if key in self._used:
                entries[key] = (self._now, findings)
            elif self._now - stamp < MAX_AGE:
                unused.append((stamp, key, findings))
        unused.sort(reverse=True)
        for stamp, key, findings in unused[:KEEP_UNUSED]:
            entries[key] = (stamp, findings)
        from newslint.usercache import write_atomically

        if not self._prepare_folder():
            return
        write_atomically(self.folder / "results.bin", marshal.dumps((FORMAT, entries)))

    def _stale_uses(self) -> bool:
        """Whether entries used in this run were stamped long enough ago to be worth re-stamping."""
        entries = self._entries or {}
        return any(self._now - entries[key][0] > MAX_AGE // 4 for key in self._used if key in entries)

    def _prepare_folder(self) -> bool:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tag = self.folder / "CACHEDIR.TAG"
            if not tag.exists():
                tag.write_text(CACHEDIR_TAG, encoding="utf-8")
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n", encoding="utf-8")
            return True
        except OSError:
            return False


def cache_folder(args) -> str | None:
    """The results cache folder for these CLI arguments, or None when caching is off."""
    if getattr(args, "no_cache", False) or os.environ.get("NEWSLINT_NO_CACHE", "") not in ("", "0"):
        return None
    return getattr(args, "cache_dir", None) or DEFAULT_DIR
