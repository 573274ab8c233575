"""Running an audit: every article checked with ``check_source``, the results stored.

Single process by default; with ``dask`` the same per-article function runs as
Dask tasks over batches of articles (``check_batch``), and the results stream
back (``as_completed``) into the database or into Parquet partitions.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field, replace
from typing import Iterator

from newslint.audit.sources import Article, Planned, plan, read_articles, sha256
from newslint.audit.store import AuditStore, FileResult
from newslint.errors import InputError, UsageError

#: (config path, select, ignore): everything a worker needs to rebuild the configuration.
Settings = tuple


@dataclass
class AuditOptions:
    sources: list[str]
    db: str | None = None
    config: str | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    jsonl_text: str = "text"
    jsonl_id: str = "id"
    meta_from_path: str | None = None
    dask: str | None = None
    dask_workers: int = 2
    batch_size: int = 200
    out_parquet: str | None = None
    progress: bool | None = None    # None: when standard error is a terminal
    #: Articles per database transaction (each article's row and findings always share one).
    commit_files: int = 500
    #: Tests: raise ``SimulatedCrash`` after this many articles are recorded (as a kill would stop it).
    crash_after: int | None = None


@dataclass
class AuditSummary:
    run_id: int | None
    checked: int = 0
    skipped: int = 0
    failed: int = 0
    findings: int = 0
    seconds: float = 0.0
    bytes: int = 0


class SimulatedCrash(RuntimeError):
    """Stops an audit without committing its open transaction (tests of resumption)."""


# -- checking (shared by the single process and the Dask workers) ------------------------------

_RESOLVERS: dict[Settings, object] = {}
_FINGERPRINTS: dict[int, tuple[object, str]] = {}


def resolver_for(settings: Settings):
    """The ``ConfigResolver`` for these settings, built once per process (once per Dask worker)."""
    resolver = _RESOLVERS.get(settings)
    if resolver is None:
        from newslint.registry import default_registry
        from newslint.runner import ConfigResolver

        config_path, select, ignore = settings
        resolver = ConfigResolver(default_registry(), config_path=config_path,
                                  select=list(select) if select is not None else None, ignore=list(ignore))
        _RESOLVERS[settings] = resolver
    return resolver


def plugin_versions() -> dict[str, str]:
    from newslint.registry import default_registry

    return {plugin.name: plugin.version for plugin in default_registry().plugins}


def config_fingerprint(config) -> str:
    """A hash of everything that decides the findings: rules, options, data, parsers, plugin versions."""
    cached = _FINGERPRINTS.get(id(config))
    if cached is not None and cached[0] is config:
        return cached[1]
    from newslint import __version__

    material = {
        "rules": {rule_id: [s.severity, s.options, s.scopes] for rule_id, s in sorted(config.rules.items())},
        "select": config.select, "ignore": config.ignore, "data": config.data, "formats": config.formats,
        "parser_options": config.parser_options, "per_path": [[p, s] for p, s, _ in config.per_path],
        "newslint": __version__, "plugins": plugin_versions(),
    }
    encoded = json.dumps(material, sort_keys=True, default=repr, ensure_ascii=False).encode("utf-8")
    value = hashlib.sha256(encoded).hexdigest()[:32]
    _FINGERPRINTS[id(config)] = (config, value)
    return value


def check_article(article: Article, settings: Settings) -> FileResult:
    """Check one article with ``newslint.runner.check_source`` and return what the database stores."""
    from newslint.files import decode
    from newslint.fingerprints import flagged_text
    from newslint.positions import LineIndex
    from newslint.registry import default_registry
    from newslint.runner import check_source

    resolver = resolver_for(settings)
    error = article.error
    text = article.text
    size, digest = article.size, article.sha256
    fingerprint = ""
    rows: list[tuple] = []
    if error is None and text is None:
        data = article.data
        if data is None:  # a Dask task given the path: read it here
            try:
                with open(article.path, "rb") as handle:
                    data = handle.read()
                size, digest = len(data), sha256(data)
            except OSError as exc:
                error = f"cannot read: {exc.strerror or exc}"
        if error is None:
            try:
                text = decode(data, article.key).text
            except InputError as exc:
                error = exc.reason if hasattr(exc, "reason") else str(exc)
    try:
        config = resolver.for_path(article.config_path)
        fingerprint = config_fingerprint(config)
        if error is None:
            parse_path = article.path  # the extension chooses the parser; export records are plain text
            failures: list = []  # a failing rule is recorded, and the other rules' findings are kept
            findings = check_source(text, parse_path, config, default_registry(), article.key, errors=failures)
            if failures:
                error = "; ".join(failure.message for failure in failures)
            index = LineIndex(text)
            rows = [(f.rule, f.severity, f.line, f.column, f.end_line, f.end_column, f.message,
                     flagged_text(index, f), f.suggestions[0] if f.suggestions else None) for f in findings]
    except Exception as exc:  # a plugin failing on one article must not stop an audit of a million
        error, rows = f"{type(exc).__name__}: {exc}", []
    return FileResult(article.source, article.key, digest, size, article.folder, article.metadata,
                      fingerprint, rows, error)


def check_batch(batch: list[Article], settings: Settings) -> list[FileResult]:
    """A Dask task: a batch of articles (each with its text, or only its path) → their results."""
    return [check_article(article, settings) for article in batch]


# -- progress --------------------------------------------------------------------------------------

class Progress:
    """``articles, MB, MB/s, ETA`` on one line of standard error; only drawn on a terminal."""

    def __init__(self, total_bytes: int, enabled: bool) -> None:
        self.total = max(total_bytes, 1)
        self.enabled = enabled
        self.started = time.monotonic()
        self.drawn = 0.0
        self.files = 0
        self.bytes = 0

    def advance(self, files: int, nbytes: int) -> None:
        self.files += files
        self.bytes += nbytes
        if self.enabled and time.monotonic() - self.drawn >= 0.2:
            self.draw()

    def draw(self, final: bool = False) -> None:
        self.drawn = now = time.monotonic()
        elapsed = max(now - self.started, 1e-6)
        rate = self.bytes / elapsed
        fraction = min(self.bytes / self.total, 1.0)
        eta = (self.total - self.bytes) / rate if rate > 0 and not final else 0
        width = 24
        bar = "#" * int(fraction * width) + "-" * (width - int(fraction * width))
        line = (f"\raudit [{bar}] {fraction * 100:5.1f}%  {self.files:,} articles  "
                f"{self.bytes / 1e6:,.1f}/{self.total / 1e6:,.1f} MB  {rate / 1e6:,.2f} MB/s  "
                f"ETA {int(eta) // 60}:{int(eta) % 60:02d} ")
        sys.stderr.write(line + ("\n" if final else ""))
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            self.draw(final=True)


# -- sinks -----------------------------------------------------------------------------------------

class ParquetSink:
    """Results as Parquet partitions: ``DIR/files/part-NNNNN.parquet`` and ``DIR/findings/part-NNNNN.parquet``."""

    def __init__(self, directory: str) -> None:
        try:
            import pyarrow  # noqa: F401
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise UsageError("--out-parquet needs pyarrow: pip install 'newslint[dask]'") from None
        self.directory = directory
        os.makedirs(os.path.join(directory, "files"), exist_ok=True)
        os.makedirs(os.path.join(directory, "findings"), exist_ok=True)
        existing = [name for name in os.listdir(os.path.join(directory, "files")) if name.endswith(".parquet")]
        self.part = len(existing)

    def write(self, results: list[FileResult]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        name = f"part-{self.part:05d}.parquet"
        self.part += 1
        files = pa.table({
            "source": [r.source for r in results], "path": [r.path for r in results],
            "sha256": [r.sha256 for r in results], "size": [r.size for r in results],
            "folder": [r.folder for r in results],
            "metadata": [json.dumps(r.metadata, sort_keys=True, ensure_ascii=False) for r in results],
            "config_fingerprint": [r.config_fingerprint for r in results],
            "findings": [len(r.findings) for r in results], "error": [r.error for r in results],
        })
        columns = ("rule", "severity", "line", "column", "end_line", "end_column", "message", "matched",
                   "suggestion")
        rows = [(r.source, r.path, *row) for r in results for row in r.findings]
        data = {"source": [row[0] for row in rows], "path": [row[1] for row in rows]}
        for offset, column in enumerate(columns, 2):
            data[column] = [row[offset] for row in rows]
        schema = pa.schema([("source", pa.string()), ("path", pa.string()), ("rule", pa.string()),
                            ("severity", pa.string()), ("line", pa.int64()), ("column", pa.int64()),
                            ("end_line", pa.int64()), ("end_column", pa.int64()), ("message", pa.string()),
                            ("matched", pa.string()), ("suggestion", pa.string())])
        pq.write_table(files, os.path.join(self.directory, "files", name))
        pq.write_table(pa.table(data, schema=schema), os.path.join(self.directory, "findings", name))


# -- the audit -------------------------------------------------------------------------------------

def run_audit(options: AuditOptions) -> AuditSummary:
    from newslint import __version__
    from newslint.files import DEFAULT_EXTENSIONS
    from newslint.registry import default_registry

    if options.db is None and options.out_parquet is None:
        raise UsageError("audit: give --db FILE (or --out-parquet DIR)")
    meta_pattern = None
    if options.meta_from_path:
        try:
            meta_pattern = re.compile(options.meta_from_path)
        except re.error as exc:
            raise UsageError(f"--meta-from-path: not a regular expression: {exc}") from None
        if not meta_pattern.groupindex:
            raise UsageError("--meta-from-path needs named groups, e.g. '(?P<year>\\d{4})/(?P<section>[^/]+)/'")
    settings: Settings = (options.config, tuple(options.select) if options.select is not None else None,
                          tuple(options.ignore))
    resolver = resolver_for(settings)  # a configuration error stops the audit before it starts
    registry = default_registry()
    main_config = resolver.for_path(options.config or os.getcwd())
    extensions = registry.extensions | set(DEFAULT_EXTENSIONS)
    planned = plan(options.sources, extensions, lambda path: resolver.for_path(path).is_excluded(path))

    store = AuditStore(options.db, batch_files=max(options.commit_files, 1)) if options.db else None
    parquet = ParquetSink(options.out_parquet) if options.out_parquet else None
    summary = AuditSummary(None)
    if store is not None:
        summary.run_id = store.start_run(config_fingerprint(main_config), __version__, plugin_versions(),
                                         options.sources)
    enabled = options.progress if options.progress is not None else sys.stderr.isatty()
    progress = Progress(sum(p.size for p in planned), enabled)
    started = time.monotonic()

    def pending() -> Iterator[Article]:
        for item in planned:
            for article in read_articles(item, text_field=options.jsonl_text, id_field=options.jsonl_id,
                                         meta_pattern=meta_pattern):
                if store is not None:
                    fingerprint = config_fingerprint(resolver.for_path(article.config_path))
                    if store.is_done(article.source, article.key, article.sha256, fingerprint):
                        summary.skipped += 1
                        progress.advance(1, article.size)
                        continue
                yield article

    def record(results: list[FileResult]) -> None:
        for result in results:
            if store is not None:
                store.add(result, summary.run_id)
            summary.checked += 1
            summary.failed += result.error is not None
            summary.findings += len(result.findings)
            summary.bytes += result.size
            progress.advance(1, result.size)
            if options.crash_after is not None and summary.checked >= options.crash_after:
                raise SimulatedCrash(f"simulated crash after {summary.checked} articles")
        if parquet is not None and results:
            parquet.write(results)

    status = "failed"
    try:
        if options.dask:
            _run_dask(options, settings, pending(), record)
        else:
            batch: list[FileResult] = []
            for article in pending():
                batch.append(check_article(article, settings))
                if len(batch) >= options.batch_size:
                    record(batch)
                    batch = []
            record(batch)
        status = "finished"
    except KeyboardInterrupt:
        status = "interrupted"  # every article recorded so far is whole: keep them
        raise
    except BaseException:
        if store is not None:
            store.rollback()  # as a kill would: the open transaction is lost, never half a file
        raise
    finally:
        summary.seconds = time.monotonic() - started
        progress.close()
        if store is not None:
            try:
                store.finish_run(summary.run_id, status, summary.checked, summary.skipped, summary.failed)
            finally:
                store.close()
    return summary


def _run_dask(options: AuditOptions, settings: Settings, articles: Iterator[Article], record) -> None:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise UsageError("--dask needs dask.distributed: pip install 'newslint[dask]'") from None
    import logging

    logging.getLogger("distributed").setLevel(logging.WARNING)
    cluster = None
    if options.dask == "local":
        cluster = LocalCluster(n_workers=max(options.dask_workers, 1), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(options.dask)
    try:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        in_flight = workers * 4

        def batches() -> Iterator[list[Article]]:
            batch: list[Article] = []
            for article in articles:
                if article.path is not None:  # the workers read files themselves: send the path only
                    article = replace(article, data=None)
                batch.append(article)
                if len(batch) >= options.batch_size:
                    yield batch
                    batch = []
            if batch:
                yield batch

        source = batches()
        queue = as_completed()
        for batch in source:
            queue.add(client.submit(check_batch, batch, settings, pure=False))
            if queue.count() >= in_flight:
                break
        for future in queue:
            results = future.result()
            future.release()
            record(results)
            next_batch = next(source, None)
            if next_batch is not None:
                queue.add(client.submit(check_batch, next_batch, settings, pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
