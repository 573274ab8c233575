"""Errors the user can act on. The CLI prints them and exits 2, never a traceback."""

from __future__ import annotations


class NewslintError(Exception):
    """Base class for every error newslint reports to the user."""


class ConfigError(NewslintError):
    """A configuration file or option is invalid.

    ``path``, ``line`` and ``key`` say where, when known.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 key: str | None = None) -> None:
        self.path = path
        self.line = line
        self.key = key
        self.reason = message
        where = ""
        if path:
            where = f"{path}:{line}: " if line else f"{path}: "
        keyed = f"{key}: " if key else ""
        super().__init__(f"{where}{keyed}{message}")


class UsageError(NewslintError):
    """The command line asks for something that cannot be done."""


class InputError(NewslintError):
    """An input file cannot be read or decoded."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.reason = message
        super().__init__(f"{path}: {message}")
