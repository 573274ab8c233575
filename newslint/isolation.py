"""Fault isolation: a failing, hanging or misbehaving plugin becomes an error entry, not a crash."""

from __future__ import annotations

import time

try:  # the C module itself: ``signal`` wraps it in enumerations, built at import (start-up cost)
    import _signal as signal
except ImportError:  # pragma: no cover - an interpreter without it
    import signal

from newslint.findings import FileError

# Neither threading nor contextlib is imported (start-up cost): only the main thread may set a
# signal handler, so signal.signal refusing (ValueError) is what tells another thread.

class RuleTimeout(Exception):
    """A rule ran past its per-file time budget."""


class MalformedProblem(Exception):
    """A rule returned something that is not a well-formed Problem inside the document."""


class time_budget:  # noqa: N801 - used as a function: ``with time_budget(seconds):``
    """Interrupt the block with ``RuleTimeout`` after ``seconds`` (main thread on Unix; elsewhere no limit).

    A real timer signal stops even a rule stuck in a loop of pure Python, or in a
    regular expression that keeps returning to the interpreter.
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._previous = None
        self._armed = False

    def __enter__(self) -> None:
        seconds = self.seconds
        if not (seconds and seconds > 0 and hasattr(signal, "setitimer")):
            return

        def expire(signum, frame):
            raise RuleTimeout(f"stopped after its time budget of {seconds:g} s per file")

        try:
            self._previous = signal.signal(signal.SIGALRM, expire)
        except ValueError:  # not the main thread: no limit
            return
        self._armed = True
        signal.setitimer(signal.ITIMER_REAL, seconds)

    def __exit__(self, *exc) -> None:
        if self._armed:
            self._armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)


class RuleTimer:
    """``time_budget`` for each of the rules run over one document, cheaply: one timer is armed for
    the document, and each rule only notes when it starts (no system call per rule). When the timer
    fires, the rule running is stopped if it has used its budget; otherwise the timer is re-armed
    for what the rule has left. On Windows or off the main thread there is no limit, as with
    ``time_budget``."""

    __slots__ = ("seconds", "usable", "_previous", "_started")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.usable = bool(seconds and seconds > 0 and hasattr(signal, "setitimer"))  # see __enter__
        self._previous = None
        self._started: float | None = None

    def _expire(self, signum, frame):
        started = self._started
        left = self.seconds if started is None else self.seconds - (time.monotonic() - started)
        if started is not None and left <= 0.001:
            raise RuleTimeout(f"stopped after its time budget of {self.seconds:g} s per file")
        signal.setitimer(signal.ITIMER_REAL, left)  # between rules, or a rule that started later

    def __enter__(self) -> "RuleTimer":
        if self.usable:
            try:
                self._previous = signal.signal(signal.SIGALRM, self._expire)
            except ValueError:  # not the main thread: no limit
                self.usable = False
                return self
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def start(self) -> None:
        self._started = time.monotonic()

    def stop(self) -> None:
        self._started = None

    def __exit__(self, *exc) -> None:
        if self.usable:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)


def rule_failure(path: str, rule, error: BaseException) -> FileError:
    plugin = rule.id.split("/", 1)[0]
    if isinstance(error, RuleTimeout):
        what = str(error)
    elif isinstance(error, MalformedProblem):
        what = str(error)
    else:
        what = f"raised {type(error).__name__}: {error}"
    return FileError(path, f"plugin “{plugin}”, rule {rule.id}: {what}",
                     traceback=_traceback(error))


def component_failure(path: str, kind: str, name: str, error: BaseException) -> FileError:
    """A parser or reporter that failed."""
    return FileError(path, f"{kind} “{name}” failed: {type(error).__name__}: {error}",
                     traceback=_traceback(error))


def _traceback(error: BaseException) -> str:
    import traceback  # only when something failed

    return "".join(traceback.format_exception(error))
