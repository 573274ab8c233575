"""``newslint serve``: LanguageTool's HTTP API (and newslint's own) over Starlette + uvicorn.

Editors, browser extensions and CMS plugins that speak LanguageTool's
``POST /v2/check`` can point at this server and get newslint's findings as
LanguageTool matches (offsets in UTF-16 code units, as Java strings count).
``POST /v1/check`` answers with newslint's own JSON contract.

Requests never touch the file system: the configuration is loaded once at
start-up and a request's ``filename`` only chooses the parser. Bodies larger
than ``max_body`` are refused with 413 while they are read; checking runs in
a thread pool under a time limit (503 beyond it); malformed requests get 400
with a message, and any other failure a JSON 500 with no traceback.

Starlette, uvicorn and python-multipart are the ``newslint[server]`` extra and
are imported only here.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import copy
import threading
from collections import OrderedDict
from bisect import bisect_left
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from newslint import __version__
from newslint.config import Config, load_config
from newslint.findings import FileError, Finding, Report
from newslint.positions import LineIndex
from newslint.registry import Registry, default_registry
from newslint.runner import check_source

DEFAULT_MAX_BODY = 1024 * 1024
DEFAULT_TIMEOUT = 10.0
DEFAULT_CACHE_SIZE = 256
#: Texts longer than this (characters) are never cached.
CACHE_MAX_TEXT = 200_000
API_VERSION = 1
CONTEXT_CHARS = 40

#: newslint plugin → LanguageTool issue type (what LanguageTool clients colour by); a rule class
#: may say otherwise with a ``languagetool_issue_type`` attribute. Other plugins: "style".
ISSUE_TYPES = {"names": "misspelling", "capitalization": "misspelling", "punctuation": "typographical",
               "artifacts": "style", "attribution": "style", "newslint": "other"}

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (Australian)", "code": "en", "longCode": "en-AU"},
    {"name": "English (Canadian)", "code": "en", "longCode": "en-CA"},
    {"name": "English (New Zealand)", "code": "en", "longCode": "en-NZ"},
    {"name": "English (South African)", "code": "en", "longCode": "en-ZA"},
]
_LANGUAGE_NAMES = {item["longCode"].lower(): item["name"] for item in LANGUAGES}


class BadRequest(Exception):
    """A malformed request: answered with 400 and this message."""


class BodyTooLarge(Exception):
    pass


# -- rule and category ids in LanguageTool's style ------------------------------

def lt_rule_id(rule_id: str) -> str:
    """``plugin/rule-name`` → ``NEWSLINT_PLUGIN_RULE_NAME``."""
    return "NEWSLINT_" + re.sub(r"[^A-Za-z0-9]+", "_", rule_id).upper()


def lt_category_id(rule_id: str) -> str:
    """The plugin, upper-cased: ``plugin/rule-name`` → ``PLUGIN``."""
    return re.sub(r"[^A-Za-z0-9]+", "_", rule_id.split("/", 1)[0]).upper()


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Offsets:
    """Code-point offsets in ``text`` → UTF-16 code units (astral characters count 2)."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []

    def __call__(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset)


# -- the checking itself (runs in a worker thread) -------------------------------

@dataclass
class Checker:
    """The configuration and plugins, loaded once; checks texts for requests."""

    config: Config
    registry: Registry
    #: How many results to remember (0: none). Editors and browser extensions send the same
    #: text again and again as the writer pauses; LanguageTool's server has the same cache.
    cache_size: int = DEFAULT_CACHE_SIZE

    def __post_init__(self) -> None:
        self._cache: OrderedDict = OrderedDict()
        self._cache_lock = threading.Lock()

    @classmethod
    def load(cls, config_path: str | None = None, cache_size: int = DEFAULT_CACHE_SIZE) -> "Checker":
        registry = default_registry()
        config = load_config(config_path, registry=registry)
        config.active_rules  # instantiate the rules now, not on the first request
        return cls(config, registry, cache_size)

    def rule_ids(self) -> dict[str, str]:
        """Every accepted rule name (newslint's and LanguageTool-style) → newslint rule id."""
        names = {}
        for rule_id in self.registry.rules:
            names[rule_id] = rule_id
            names[lt_rule_id(rule_id)] = rule_id
        return names

    def findings(self, text: str, filename: str | None, allowed: set[str] | None = None,
                 errors: list[FileError] | None = None) -> list[Finding]:
        """The findings for ``text``; a failing parser or rule is added to ``errors`` (and not cached)."""
        errors = [] if errors is None else errors
        if not self.cache_size or len(text) > CACHE_MAX_TEXT:
            return self._findings(text, filename, allowed, errors)
        key = (text, filename, None if allowed is None else frozenset(allowed))
        with self._cache_lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return list(cached)
        failures = len(errors)
        found = self._findings(text, filename, allowed, errors)
        if len(errors) > failures:
            return found
        with self._cache_lock:
            self._cache[key] = tuple(found)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return found

    def _findings(self, text: str, filename: str | None, allowed: set[str] | None,
                  errors: list[FileError]) -> list[Finding]:
        config = self.config.for_file(filename)
        if allowed is not None:
            config = copy.copy(config)
            config.__dict__["active_rules"] = [a for a in self.config.for_file(filename).active_rules
                                              if a.rule.id in allowed]
        return check_source(text, filename, config, self.registry, filename or "-", errors=errors)

    def allowed_rules(self, fields: dict[str, str]) -> set[str] | None:
        """The rule ids a LanguageTool request leaves on (None: the configuration's choice)."""
        names = self.rule_ids()

        def rules(key: str) -> set[str]:
            return {names[item] for item in _split(fields.get(key)) if item in names}

        def categories(key: str) -> set[str]:
            wanted = {item.upper() for item in _split(fields.get(key))}
            return {rule_id for rule_id in self.registry.rules if lt_category_id(rule_id) in wanted}

        enabled_only = str(fields.get("enabledOnly", "false")).lower() == "true"
        active = {a.rule.id for a in self.config.active_rules}
        if enabled_only:
            if not (fields.get("enabledRules") or fields.get("enabledCategories")):
                raise BadRequest("enabledOnly=true needs enabledRules or enabledCategories")
            chosen = (rules("enabledRules") | categories("enabledCategories")) & active
        else:
            chosen = set(active)
        chosen -= rules("disabledRules") | categories("disabledCategories")
        return None if chosen == active else chosen

    def languagetool(self, text: str, language: str, fields: dict[str, str],
                     annotation: list[tuple[int, int, int, int]] | None = None,
                     original: str | None = None) -> dict:
        """The LanguageTool ``/v2/check`` answer for ``text``.

        ``annotation`` maps the checked text back to an annotated request's
        markup: (checked start, checked end, original start, original end) per piece;
        ``original`` is that markup's text (what the offsets count in).
        """
        allowed = self.allowed_rules(fields)
        errors: list[FileError] = []
        findings = self.findings(text, None, allowed, errors)
        original = text if original is None else original
        lines = LineIndex(text)
        utf16 = Utf16Offsets(original)
        matches = []
        for finding in findings:
            start = lines.offset(finding.line, finding.column)
            end = lines.offset(finding.end_line, finding.end_column)
            if annotation is not None:
                start, end = _to_original(annotation, start, end)
            matches.append(self._match(finding, original, start, end, utf16))
        code = "en-US" if language.lower() in ("auto", "en") else language
        name = _LANGUAGE_NAMES.get(code.lower(), "English")
        return {
            "software": {"name": "newslint", "version": __version__, "buildDate": None,
                         "apiVersion": API_VERSION, "premium": False, "status": ""},
            # a plugin that failed on this text: the other rules' matches are still here
            "warnings": {"incompleteResults": bool(errors)},
            "language": {"name": name, "code": code,
                         "detectedLanguage": {"name": name, "code": code, "confidence": 1.0}},
            "matches": matches,
        }

    def _match(self, finding: Finding, text: str, start: int, end: int, utf16: Utf16Offsets) -> dict:
        rule = self.registry.rules.get(finding.rule)
        context_start = max(0, start - CONTEXT_CHARS)
        context_end = min(len(text), end + CONTEXT_CHARS)
        context = text[context_start:context_end]
        context_utf16 = Utf16Offsets(context)
        sentence = _sentence(text, start)
        category = lt_category_id(finding.rule)
        replacements = list(finding.suggestions)
        if not replacements and finding.fix is not None and len(finding.fix.edits) == 1:
            replacements = [finding.fix.edits[0].text]
        return {
            "message": finding.message,
            "shortMessage": rule.summary if rule is not None else "",
            "replacements": [{"value": value} for value in replacements],
            "offset": utf16(start),
            "length": utf16(end) - utf16(start),
            "context": {"text": context.replace("\n", " ").replace("\r", " "),
                        "offset": context_utf16(start - context_start),
                        "length": context_utf16(end - context_start) - context_utf16(start - context_start)},
            "sentence": sentence,
            "type": {"typeName": "Other"},
            "rule": {"id": lt_rule_id(finding.rule),
                     "description": rule.summary if rule is not None else finding.message,
                     "issueType": getattr(rule, "languagetool_issue_type", None)
                                  or ISSUE_TYPES.get(finding.rule.split("/", 1)[0], "style"),
                     "category": {"id": category, "name": category.replace("_", " ").title()},
                     "newslintId": finding.rule, "severity": finding.severity},
            "ignoreForIncompleteSentence": False,
            "contextForSureMatch": 0,
        }

    def newslint_report(self, text: str, filename: str | None) -> Report:
        report = Report(files=1)
        report.findings = self.findings(text, filename, errors=report.errors)
        return report


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n\s*\n|\r\n\s*\r\n")


def _sentence(text: str, offset: int) -> str:
    """The sentence around ``offset`` (a simple split at ., ! or ? followed by space, or blank lines)."""
    window_start = max(0, offset - 1000)
    start = window_start
    for match in _SENTENCE_END.finditer(text, window_start, offset):
        start = match.end()
    end_match = _SENTENCE_END.search(text, offset, min(len(text), offset + 1000))
    end = end_match.start() if end_match else min(len(text), offset + 1000)
    return text[start:end].strip()


def _split(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [item.strip() for item in str(value).split(",") if item.strip()]


def _to_original(pieces: list[tuple[int, int, int, int]], start: int, end: int) -> tuple[int, int]:
    def convert(offset: int, is_end: bool) -> int:
        for checked_start, checked_end, orig_start, orig_end in pieces:
            if checked_start <= offset < checked_end or (is_end and offset == checked_end):
                if checked_end - checked_start == orig_end - orig_start:  # text: one to one
                    return orig_start + offset - checked_start
                return orig_end if is_end else orig_start  # inside markup's interpretAs
        return pieces[-1][3] if pieces else offset

    return convert(start, False), convert(end, True)


def parse_annotation(data: str) -> tuple[str, str, list[tuple[int, int, int, int]]]:
    """LanguageTool's ``data`` field → (text to check, original text, piece map)."""
    try:
        parsed = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise BadRequest(f"'data' is not valid JSON: {error}") from None
    items = parsed.get("annotation") if isinstance(parsed, dict) else None
    if not isinstance(items, list):
        raise BadRequest("'data' must be a JSON object with an 'annotation' list")
    checked, original, pieces = [], [], []
    checked_length = original_length = 0
    for item in items:
        if not isinstance(item, dict):
            raise BadRequest("each annotation item must be an object with 'text' or 'markup'")
        if isinstance(item.get("text"), str):
            piece = original_piece = item["text"]
        elif isinstance(item.get("markup"), str):
            original_piece = item["markup"]
            piece = item.get("interpretAs", "")
            if not isinstance(piece, str):
                raise BadRequest("'interpretAs' must be a string")
        else:
            raise BadRequest("each annotation item needs a string 'text' or 'markup'")
        pieces.append((checked_length, checked_length + len(piece),
                       original_length, original_length + len(original_piece)))
        checked.append(piece)
        original.append(original_piece)
        checked_length += len(piece)
        original_length += len(original_piece)
    return "".join(checked), "".join(original), pieces


# -- HTTP ------------------------------------------------------------------------

def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status)


#: A body over the limit is read and thrown away (never kept) up to this size before the 413 is
#: sent, so that clients which send the whole body before reading the answer (most HTTP libraries)
#: see the 413 rather than a reset connection; beyond it the connection is answered at once.
DRAIN_LIMIT = 64 * 1024 * 1024


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            declared_size = int(declared)
        except ValueError:
            raise BadRequest("invalid Content-Length") from None
        if declared_size > max(limit, DRAIN_LIMIT):
            raise BodyTooLarge()
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            chunks = []
            if size > DRAIN_LIMIT:
                raise BodyTooLarge()
            continue  # keep reading, discarding, so that the 413 reaches the client
        chunks.append(chunk)
    if size > limit:
        raise BodyTooLarge()
    return b"".join(chunks)


async def _fields(request: Request, limit: int) -> dict[str, Any]:
    """The request's parameters: query string, then a form-encoded, multipart or JSON body."""
    fields: dict[str, Any] = dict(request.query_params)
    if request.method != "POST":
        return fields
    body = await _read_body(request, limit)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        try:
            parsed = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as error:
            raise BadRequest(f"body is not valid JSON: {error}") from None
        if not isinstance(parsed, dict):
            raise BadRequest("JSON body must be an object")
        fields.update(parsed)
    elif content_type == "multipart/form-data":
        async def replay():
            return {"type": "http.request", "body": body, "more_body": False}

        try:
            replayed = Request(request.scope, replay)
            try:
                form = await replayed.form(max_part_size=limit)
            except TypeError:  # Starlette before 0.40 has no max_part_size (the body is bounded anyway)
                form = await Request(request.scope, replay).form()
        except Exception as error:
            raise BadRequest(f"malformed multipart body: {error}") from None
        for key, value in form.multi_items():
            if not isinstance(value, str):
                raise BadRequest(f"field {key!r}: file uploads are not accepted")
            fields[key] = value
    elif body:
        try:
            text = body.decode("utf-8")
            pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=True, errors="strict")
        except (UnicodeDecodeError, ValueError) as error:
            raise BadRequest(f"malformed form body: {error}") from None
        fields.update(pairs)
    return fields


class App:
    """The ASGI application's state: the checker, a thread pool and the limits."""

    def __init__(self, checker: Checker, *, max_body: int = DEFAULT_MAX_BODY,
                 timeout: float = DEFAULT_TIMEOUT, threads: int | None = None) -> None:
        self.checker = checker
        self.max_body = max_body
        self.timeout = timeout
        self.pool = ThreadPoolExecutor(max_workers=threads or min(8, (os.cpu_count() or 2)),
                                       thread_name_prefix="newslint-check")

    async def _run(self, function, *args):
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(loop.run_in_executor(self.pool, function, *args), self.timeout)
        except asyncio.TimeoutError:
            raise CheckTimeout() from None

    async def v2_check(self, request: Request):
        fields = await _fields(request, self.max_body)
        language = fields.get("language")
        if language is None:
            language = "auto"
        if not isinstance(language, str) or not (language.lower() in ("auto", "en")
                                                 or language.lower().startswith("en-")):
            raise BadRequest(f"language {language!r} is not supported: newslint checks English "
                             f"(use 'auto', 'en' or 'en-XX'; see /v2/languages)")
        if "text" in fields and fields["text"] is not None:
            if not isinstance(fields["text"], str):
                raise BadRequest("'text' must be a string")
            text, annotation = fields["text"], None
            original = text
        elif "data" in fields and fields["data"] is not None:
            data = fields["data"]
            if isinstance(data, (dict, list)):
                data = json.dumps(data)
            if not isinstance(data, str):
                raise BadRequest("'data' must be a JSON string")
            text, original, annotation = parse_annotation(data)
        else:
            raise BadRequest("missing 'text' or 'data' parameter")
        plain = {key: value for key, value in fields.items() if isinstance(value, (str, list))}
        result = await self._run(self.checker.languagetool, text, language, plain, annotation, original)
        return JSONResponse(result)

    async def v1_check(self, request: Request):
        fields = await _fields(request, self.max_body)
        text = fields.get("text")
        if not isinstance(text, str):
            raise BadRequest("missing 'text' (a string)")
        filename = fields.get("filename")
        if filename is not None and not isinstance(filename, str):
            raise BadRequest("'filename' must be a string")
        if filename is not None:
            filename = os.path.basename(filename.replace("\\", "/")) or None  # chooses the parser only
        fmt = fields.get("format", "json")
        if not isinstance(fmt, str):
            raise BadRequest("'format' must be a string")
        registry = self.checker.registry
        if fmt != "json" and fmt not in registry.reporters:
            raise BadRequest(f"unknown format {fmt!r} (available: {', '.join(sorted(registry.reporters))})")
        report = await self._run(self.checker.newslint_report, text, filename)
        if fmt == "json":
            return JSONResponse(report.to_dict())
        from starlette.responses import PlainTextResponse

        rendered = await self._run(self._render, registry.reporters[fmt], report, filename or "-", text)
        return PlainTextResponse(rendered)

    def _render(self, reporter, report: Report, shown: str, text: str) -> str:
        from newslint.reporter import ReportContext

        context = ReportContext(self.checker.registry, fail_on="warning", tty=False,
                                sources={shown: text}, checked=[shown])
        return reporter.render(report, context)

    async def languages(self, request: Request):
        return JSONResponse(LANGUAGES)

    async def health(self, request: Request):
        return JSONResponse({"status": "ok", "name": "newslint", "version": __version__,
                             "rules": len(self.checker.config.active_rules)})


class CheckTimeout(Exception):
    pass


def _guarded(handler):
    async def endpoint(request: Request):
        try:
            return await handler(request)
        except BodyTooLarge:
            return _error(413, "request body too large")
        except BadRequest as error:
            return _error(400, str(error))
        except CheckTimeout:
            return _error(503, "checking took too long: the text was not checked (try a shorter text)")
        except Exception as error:  # never a traceback to the client
            from newslint.errors import NewslintError

            if isinstance(error, NewslintError):
                return _error(400, str(error))
            return _error(500, f"internal error: {type(error).__name__}")
    return endpoint


def create_app(checker: Checker | None = None, *, config_path: str | None = None,
               max_body: int = DEFAULT_MAX_BODY, timeout: float = DEFAULT_TIMEOUT,
               cache_size: int = DEFAULT_CACHE_SIZE) -> Starlette:
    state = App(checker or Checker.load(config_path, cache_size), max_body=max_body, timeout=timeout)
    routes = [
        Route("/v2/check", _guarded(state.v2_check), methods=["GET", "POST"]),
        Route("/v2/languages", _guarded(state.languages), methods=["GET"]),
        Route("/v2/healthcheck", _guarded(state.health), methods=["GET"]),
        Route("/v1/check", _guarded(state.v1_check), methods=["POST"]),
        Route("/health", _guarded(state.health), methods=["GET"]),
    ]
    app = Starlette(routes=routes)
    app.state.newslint = state
    return app


# uvicorn with several workers imports the app by name in each worker process:
# the settings travel in the environment.
_ENV = "NEWSLINT_SERVE_SETTINGS"


def app_from_environment() -> Starlette:
    settings = json.loads(os.environ.get(_ENV, "{}"))
    return create_app(config_path=settings.get("config"),
                      max_body=settings.get("max_body", DEFAULT_MAX_BODY),
                      timeout=settings.get("timeout", DEFAULT_TIMEOUT),
                      cache_size=settings.get("cache_size", DEFAULT_CACHE_SIZE))


def serve(*, host: str = "127.0.0.1", port: int = 8081, workers: int = 1, max_body: int = DEFAULT_MAX_BODY,
          timeout: float = DEFAULT_TIMEOUT, config_path: str | None = None, log_level: str = "warning",
          cache_size: int = DEFAULT_CACHE_SIZE) -> None:
    import uvicorn

    if config_path is not None:
        config_path = os.path.abspath(config_path)
    Checker.load(config_path)  # a broken configuration or plugin fails here, before listening
    import sys

    print(f"newslint {__version__}: serving on http://{host}:{port} (LanguageTool API at /v2/check, "
          f"{workers} worker{'s' if workers != 1 else ''})", file=sys.stderr, flush=True)
    os.environ[_ENV] = json.dumps({"config": config_path, "max_body": max_body, "timeout": timeout,
                                   "cache_size": cache_size})
    uvicorn.run("newslint.server:app_from_environment", factory=True, host=host, port=port,
                workers=workers if workers > 1 else None, log_level=log_level,
                limit_concurrency=None, timeout_keep_alive=5, access_log=False)
