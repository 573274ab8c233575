"""Checking many files: the results cache, and worker processes (``--jobs``).

``run_checks`` feeds a check session the files under the paths given, in the
order they are found, exactly as checking them one by one would: each file is
looked up in the results cache (newslint.resultcache) first, and the rest are
checked here or, with ``--jobs N`` (N > 1), by N worker processes. Each worker
builds the plugin registry and the configurations once (inheriting them on
systems that fork), checks contiguous batches of files and sends back, for each
file, what checking it added to the session: its findings, errors, fixes and
diff. The results are then applied in the files' order, so the report, the
fixed files and the exit status are identical whatever the number of jobs.

The default is one worker per processor when there are more than
``PARALLEL_THRESHOLD`` files, and no workers otherwise (starting them costs
more than checking a handful of files).
"""

from __future__ import annotations

import os
import sys

from newslint._records import Record, field
from newslint.findings import FileError, Finding, Report

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from argparse import Namespace
    from typing import Any

    from newslint.runner import ConfigResolver, Input

#: More files than this are checked in parallel by default.
PARALLEL_THRESHOLD = 8
#: Files per batch sent to a worker: small enough to keep the workers evenly busy to the end,
#: large enough that sending batches and results costs little.
BATCH_FILES = 16


class ItemResult(Record):  # records: dataclasses without their start-up cost (newslint._records)
    """What checking one file added to a session."""

    files: int = 0
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    fixed_problems: int = 0
    fixed_files: int = 0
    diffs: list[str] = field(default_factory=list)


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def default_jobs(files: int) -> int:
    return cpu_count() if files > PARALLEL_THRESHOLD else 1


def check_one(args: "Namespace", registry, item: "Input", roots: list[str] | None) -> ItemResult:
    """Check (or fix) one input in a session of its own, and return what it added."""
    from newslint.commands import _CheckSession

    report = Report()
    session = _CheckSession(args, registry, report)
    session.handle(item, roots)
    return ItemResult(report.files, report.findings, report.errors, session.checked, session.sources,
                      session.fixed_problems, session.fixed_files, session.diffs)


def absorb(session, result: ItemResult) -> None:
    """Apply one file's result to the session, as if it had checked the file itself."""
    report = session.report
    report.files += result.files
    report.findings.extend(result.findings)
    report.errors.extend(result.errors)
    session.checked.extend(result.checked)
    session.sources.update(result.sources)
    session.fixed_problems += result.fixed_problems
    session.fixed_files += result.fixed_files
    session.diffs.extend(result.diffs)


def run_checks(session, args: "Namespace", resolver: "ConfigResolver", registry, paths: list[str],
               roots: list[str]) -> None:
    """Check every file under ``paths`` into ``session`` (cache, then this process or workers)."""
    from itertools import chain, islice

    from newslint.runner import iter_paths

    found = iter_paths(paths, resolver, registry)
    first = list(islice(found, PARALLEL_THRESHOLD + 1))  # enough to choose the number of jobs
    jobs = getattr(args, "jobs", None)
    jobs = default_jobs(len(first)) if jobs is None else max(1, jobs)
    cache = _cache(args, registry)
    everything = chain(first, found)
    if jobs > 1 and len(first) > 1:
        if _can_fork():
            outcomes = _in_forks(args, resolver, registry, everything, roots, jobs, cache)
        else:
            outcomes = _in_workers(args, resolver, registry, everything, roots, jobs, cache)
    else:
        outcomes = (process_path(path, args, resolver, registry, roots, cache) for path in everything)
    for result, entry in outcomes:
        absorb(session, result)
        if entry is not None:
            cache.put(*entry)
    if cache is not None:
        cache.save()


def _cache(args: "Namespace", registry):
    from newslint.resultcache import ResultCache, cache_folder

    folder = None if (args.fix or args.diff) else cache_folder(args)
    return ResultCache(folder, registry, _cache_options(args)) if folder else None


def process_path(path: str, args: "Namespace", resolver: "ConfigResolver", registry, roots: list[str],
                 cache) -> tuple[ItemResult, tuple | None]:
    """Read, look up and (on a miss) check one file: what it adds to the session, and the cache
    entry to store for it (None when there is nothing to store)."""
    from newslint.runner import read_input

    errors: list[FileError] = []
    item = read_input(path, resolver, errors)
    if item is None:
        return ItemResult(errors=errors), None
    key = None
    if cache is not None:
        key = cache.key(item.path, item.shown, item.raw or b"", item.config)
        hit = cache.get(key, item.shown)
        if hit is not None:
            findings, any_found = hit
            return ItemResult(1, findings, [], [item.shown], {item.shown: item.source.text} if any_found else {}), None
    resolver.set_up_rules(item.config)
    result = check_one(args, registry, item, roots)
    if key is not None and not result.errors:  # a file checked without an error
        return result, (key, result.findings)
    return result, None


def _cache_options(args: "Namespace") -> tuple:
    """The options that change what a check of one file reports."""
    return (bool(getattr(args, "report_unused_disables", False)),)


# -- forked workers (Linux) -------------------------------------------------------------
def _can_fork() -> bool:
    # Linux only: elsewhere a forked copy of a process that used system frameworks may not be safe.
    # And never from a program running other threads (newslint.cli.main called by an application):
    # a lock one of them holds would stay held for ever in the copy.
    threading = sys.modules.get("threading")
    single = threading is None or threading.active_count() == 1
    return sys.platform.startswith("linux") and hasattr(os, "fork") and single


def _in_forks(args, resolver, registry, paths, roots, jobs, cache):
    """Each file's outcome, in order: this process and ``jobs - 1`` forked copies of it check the
    batches, taking them one at a time from a shared queue.

    The forked copies inherit everything already set up here (registry, configurations, and what
    the check of the first batch, done here before the fork, set up on first use: compiled patterns,
    imported modules), so starting one costs a fork; and this process checks files too rather than
    wait.
    The queue is a pipe holding one fixed-size token per batch, written whole before the fork:
    ``os.read`` of one token from a pipe is atomic, so each batch goes to exactly one process.
    Batches are small (one file, for up to a thousand files), so that the processes finish
    together. A copy writes each batch's outcomes, as it goes, to a file of its own in memory
    (``os.memfd_create``; never blocked by a reader, unlike a pipe), one frame per batch; this
    process reads the frames written so far after each batch of its own, and hands the outcomes on
    as soon as those of every batch before them are in: they are applied while the copies still
    check, and little is left to read, apply and free once the copies end. A batch whose outcome
    is missing (a copy that died) is checked here, so nothing is lost and any error surfaces here.
    """
    import gc
    from itertools import islice

    paths = list(paths)
    size = max(1, -(-len(paths) // _MAX_BATCHES))
    batches = [paths[start:start + size] for start in range(0, len(paths), size)]
    queue_read, queue_write = os.pipe()
    os.write(queue_write, b"".join(index.to_bytes(_TOKEN, "little") for index in range(len(batches))))
    os.close(queue_write)
    children = []
    outcomes: dict[int, list] = {}
    handed = 0  # the batches before this one have been handed to the caller
    try:
        # The first batch is checked here before the fork: what the rules set up on first use
        # (patterns compiled, ``regex`` imported) is then done once and inherited, rather than done
        # again in every copy at the same time.
        outcomes.update(islice(_take_batches(queue_read, batches, args, resolver, registry, roots, cache), 1))
        gc.freeze()  # the copies share this process's objects: keep the collector from touching (copying) them
        _flush_std_streams()  # so that a copy does not inherit (and print again) what is waiting in them
        for _ in range(jobs - 1):
            results = _results_file()
            pid = os.fork()
            if pid == 0:  # a forked copy: check batches, write the outcomes, leave without clean-up
                status = 1
                try:
                    for outcome in _take_batches(queue_read, batches, args, resolver, registry, roots, cache):
                        _write_frame(results, outcome)
                    status = 0
                finally:
                    _flush_std_streams()  # what a plugin printed while checking (os._exit would drop it)
                    os._exit(status)
            children.append((pid, results))
        read = [0] * len(children)  # how far each copy's frames have been read
        for index, done in _take_batches(queue_read, batches, args, resolver, registry, roots, cache):
            outcomes[index] = done
            for number, (_, results) in enumerate(children):
                read[number] = _read_frames(results, read[number], outcomes)
            # The outcomes ready, in order: the caller applies them while the copies still check.
            while handed in outcomes:
                yield from outcomes.pop(handed)
                handed += 1
        for number, (pid, results) in enumerate(children):
            os.waitpid(pid, 0)
            _read_frames(results, read[number], outcomes)  # the rest (a copy that died: up to its last whole frame)
    finally:
        os.close(queue_read)
        for pid, results in children:
            os.close(results)
            try:
                os.waitpid(pid, 0)  # a copy not waited for yet (this process was interrupted)
            except ChildProcessError:
                pass
        gc.unfreeze()
    for index in range(handed, len(batches)):
        done = outcomes.pop(index, None)
        if done is None:
            done = [process_path(path, args, resolver, registry, roots, cache) for path in batches[index]]
        yield from done


#: Batches are numbered in tokens of this many bytes; the whole queue must fit in a pipe's buffer
#: (64 KiB on Linux) so that writing it never blocks: at most this many batches.
_TOKEN = 4
_MAX_BATCHES = 1000


#: A frame: the length of the pickled outcome of a batch, then the pickle.
_FRAME_HEADER = 8


def _write_frame(results: int, outcome: tuple) -> None:
    """Write one batch's (index, outcomes) to ``results`` as one frame."""
    import pickle

    payload = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
    frame = memoryview(len(payload).to_bytes(_FRAME_HEADER, "little") + payload)
    while frame:
        frame = frame[os.write(results, frame):]


def _read_frames(results: int, offset: int, outcomes: dict) -> int:
    """Read the whole frames written to ``results`` from ``offset`` on into ``outcomes``; return
    where the next frame starts. A frame being written (shorter than its header says) waits for the
    next call; one that does not unpickle (the last write of a copy that died) ends the reading."""
    import pickle

    while len(header := os.pread(results, _FRAME_HEADER, offset)) == _FRAME_HEADER:
        size = int.from_bytes(header, "little")
        payload = os.pread(results, size, offset + _FRAME_HEADER)
        if len(payload) < size:
            break
        try:
            index, done = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a damaged frame: its batch is checked again by the caller
            break
        outcomes[index] = done
        offset += _FRAME_HEADER + size
    return offset


def _flush_std_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):  # None, closed or broken
            pass


def _results_file() -> int:
    """A file in memory for a forked copy's outcomes (an unlinked temporary file without memfd)."""
    try:
        return os.memfd_create("newslint-results", os.MFD_CLOEXEC)
    except (AttributeError, OSError):
        import tempfile

        handle, name = tempfile.mkstemp(prefix="newslint-results-")
        os.unlink(name)  # gone once closed
        return handle


def _take_batches(queue: int, batches, args, resolver, registry, roots, cache):
    """(batch index, its files' outcomes) for each batch taken from the queue, until it is empty."""
    while token := os.read(queue, _TOKEN):
        index = int.from_bytes(token, "little")
        yield index, [process_path(path, args, resolver, registry, roots, cache) for path in batches[index]]


# -- pooled workers (elsewhere, or beside other threads) -------------------------------------------------------------
_WORKER: dict[str, Any] = {}
#: A short text checked by each worker as it starts, so that the rules' set-up (and the patterns
#: they compile on first use) happens while the main process is still finding files.
_WARM_UP = "Officials in Kiev said the the plan was sound. “It is done,” he said. Critics say it is not."


def _start_worker(args: "Namespace", roots: list[str], first: str | None) -> None:
    """Set up a worker: the registry, a configuration resolver and the cache, once (inherited when
    forked), then a warm-up check."""
    if "resolver" not in _WORKER:
        from newslint.commands import _selectors
        from newslint.registry import default_registry
        from newslint.runner import ConfigResolver

        registry = default_registry()
        _WORKER["registry"] = registry
        _WORKER["resolver"] = ConfigResolver(registry, config_path=args.config, select=_selectors(args.select),
                                             ignore=_selectors(args.ignore) or [])
    _WORKER.update(args=args, roots=roots)
    _WORKER["cache"] = _cache(args, _WORKER["registry"])
    try:
        from newslint.runner import check_source

        config = _WORKER["resolver"].for_path(first)
        check_source(_WARM_UP, first, config, _WORKER["registry"], errors=[])
    except Exception:  # noqa: BLE001 - only a warm-up: the real check reports any problem
        pass


def _check_batch(batch: list[str]) -> list[tuple[ItemResult, tuple | None]]:
    worker = _WORKER
    return [process_path(path, worker["args"], worker["resolver"], worker["registry"], worker["roots"],
                         worker["cache"]) for path in batch]


def _batches(paths, size: int):
    batch: list[str] = []
    for path in paths:
        batch.append(path)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _in_workers(args, resolver, registry, paths, roots, jobs, cache):
    """Each file's outcome, in order, from ``jobs`` worker processes fed batches as files are found."""
    import multiprocessing
    from itertools import chain

    fork = _can_fork() and "fork" in multiprocessing.get_all_start_methods()
    if fork:
        import gc

        # The workers inherit the registry and the parsed configurations; the collector is kept from
        # walking (and so copying) the objects they share with this process.
        _WORKER.update(registry=registry, resolver=resolver)
        gc.freeze()
    paths = iter(paths)
    first = next(paths)
    context = multiprocessing.get_context("fork" if fork else "spawn")
    try:
        with context.Pool(jobs, initializer=_start_worker, initargs=(args, roots, first)) as pool:
            for done in pool.imap(_check_batch, _batches(chain([first], paths), BATCH_FILES)):
                yield from done
    finally:
        _WORKER.clear()
