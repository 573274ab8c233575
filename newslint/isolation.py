"""Fault isolation: a failing, hanging or misbehaving plugin becomes an error entry, not a crash."""

from __future__ import annotations

import signal
import threading
import traceback
from contextlib import contextmanager
from typing import Iterator

from newslint.findings import FileError


class RuleTimeout(Exception):
    """A rule ran past its per-file time budget."""


class MalformedProblem(Exception):
    """A rule returned something that is not a well-formed Problem inside the document."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Interrupt the block with ``RuleTimeout`` after ``seconds`` (main thread on Unix; elsewhere no limit).

    A real timer signal stops even a rule stuck in a loop of pure Python, or in a
    regular expression that keeps returning to the interpreter.
    """
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise RuleTimeout(f"stopped after its time budget of {seconds:g} s per file")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def rule_failure(path: str, rule, error: BaseException) -> FileError:
    plugin = rule.id.split("/", 1)[0]
    if isinstance(error, RuleTimeout):
        what = str(error)
    elif isinstance(error, MalformedProblem):
        what = str(error)
    else:
        what = f"raised {type(error).__name__}: {error}"
    return FileError(path, f"plugin “{plugin}”, rule {rule.id}: {what}",
                     traceback="".join(traceback.format_exception(error)))


def component_failure(path: str, kind: str, name: str, error: BaseException) -> FileError:
    """A parser or reporter that failed."""
    return FileError(path, f"{kind} “{name}” failed: {type(error).__name__}: {error}",
                     traceback="".join(traceback.format_exception(error)))
