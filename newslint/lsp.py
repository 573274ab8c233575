"""``newslint lsp``: a Language Server Protocol server over standard input/output (pygls).

Diagnostics are published when a Markdown, plain-text or HTML document is
opened, changed or saved (the parser is chosen by the URI's extension, else by
the editor's languageId); code actions offer each finding's fix as a
WorkspaceEdit (safe fixes preferred, unsafe ones labelled); hover shows the
rule's documentation. Positions are converted to the encoding negotiated at
initialisation (UTF-16 unless the client offers UTF-8 or UTF-32).

Each document uses the nearest ``.newslint.yaml`` above it (as ``newslint
check`` does), or the defaults. pygls is the ``newslint[lsp]`` extra.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from lsprotocol import types

try:  # pygls 2
    from pygls.lsp.server import LanguageServer
except ImportError:  # pragma: no cover - pygls 1.x
    from pygls.server import LanguageServer
from pygls.uris import to_fs_path

from newslint import __version__
from newslint.errors import NewslintError
from newslint.findings import Finding
from newslint.positions import LineIndex
from newslint.registry import default_registry
from newslint.runner import ConfigResolver, check_source

SOURCE = "newslint"
SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}
LANGUAGE_EXTENSIONS = {"markdown": ".md", "html": ".html", "plaintext": ".txt", "text": ".txt"}
SUPPORTED_LANGUAGES = set(LANGUAGE_EXTENSIONS)


def column_in_units(line_text: str, column: int, encoding: str) -> int:
    """A 1-based code-point column → a 0-based LSP character offset in ``encoding``."""
    prefix = line_text[:column - 1]
    if encoding == types.PositionEncodingKind.Utf8:
        return len(prefix.encode("utf-8"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(prefix)
    return len(prefix.encode("utf-16-le")) // 2


def column_from_units(line_text: str, character: int, encoding: str) -> int:
    """A 0-based LSP character offset in ``encoding`` → a 1-based code-point column (clamped to the line)."""
    units = 0
    for index, ch in enumerate(line_text):
        if units >= character:
            return index + 1
        if encoding == types.PositionEncodingKind.Utf8:
            units += len(ch.encode("utf-8"))
        elif encoding == types.PositionEncodingKind.Utf32:
            units += 1
        else:
            units += 2 if ord(ch) > 0xFFFF else 1
    return len(line_text) + 1


@dataclass
class Checked:
    """One check of a document: its text and findings (positions in code points)."""

    text: str
    findings: list[Finding]
    lines: LineIndex


class NewslintLanguageServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("newslint", __version__)
        self.registry = default_registry()
        self.resolver = ConfigResolver(self.registry)
        self.checked: dict[str, Checked] = {}

    # -- positions -----------------------------------------------------------------
    @property
    def encoding(self) -> str:
        encoding = getattr(self.workspace, "position_encoding", None)
        return encoding or types.PositionEncodingKind.Utf16

    def position(self, lines: LineIndex, line: int, column: int) -> types.Position:
        line_text = lines.line_text(line) if line <= lines.line_count else ""
        return types.Position(line=line - 1, character=column_in_units(line_text, column, self.encoding))

    def range(self, lines: LineIndex, line: int, column: int, end_line: int, end_column: int) -> types.Range:
        return types.Range(start=self.position(lines, line, column), end=self.position(lines, end_line, end_column))

    def offset(self, lines: LineIndex, position: types.Position) -> int:
        line = min(position.line + 1, lines.line_count)
        column = column_from_units(lines.line_text(line), position.character, self.encoding)
        return lines.offset(line, column)

    # -- checking ------------------------------------------------------------------
    def filename(self, uri: str, language_id: str | None) -> str | None:
        try:
            path = to_fs_path(uri)
        except Exception:
            path = None
        name = path or uri.rsplit("/", 1)[-1]
        if os.path.splitext(name)[1].lower() not in self.registry.extensions:
            extension = LANGUAGE_EXTENSIONS.get(language_id or "")
            name = (name or "untitled") + extension if extension else name
        return name

    def check(self, uri: str) -> Checked | None:
        document = self.workspace.get_text_document(uri)
        filename = self.filename(uri, getattr(document, "language_id", None))
        text = document.source
        try:
            config = self.resolver.for_path(filename if filename and os.path.isabs(filename) else None)
            errors: list = []
            findings = check_source(text, filename, config, self.registry, uri, errors=errors)
            for error in errors:  # a failing plugin: the other rules' diagnostics are still published
                self.log(f"newslint: {error.message}")
        except NewslintError as error:
            self.log(f"newslint: {error}")
            return None
        result = Checked(text, findings, LineIndex(text))
        self.checked[uri] = result
        return result

    def log(self, message: str) -> None:
        if hasattr(self, "window_log_message"):
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Error, message=message))
        else:  # pragma: no cover - pygls 1.x
            self.show_message_log(message, types.MessageType.Error)

    def diagnostics(self, checked: Checked) -> list[types.Diagnostic]:
        diagnostics = []
        for finding in checked.findings:
            diagnostics.append(types.Diagnostic(
                range=self.range(checked.lines, finding.line, finding.column, finding.end_line, finding.end_column),
                message=finding.message, severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
                code=finding.rule, source=SOURCE))
        return diagnostics

    def publish(self, uri: str) -> None:
        checked = self.check(uri)
        diagnostics = self.diagnostics(checked) if checked is not None else []
        version = getattr(self.workspace.get_text_document(uri), "version", None)
        params = types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        if hasattr(self, "text_document_publish_diagnostics"):
            self.text_document_publish_diagnostics(params)
        else:  # pragma: no cover - pygls 1.x
            self.publish_diagnostics(uri, diagnostics, version)

    def current(self, uri: str) -> Checked | None:
        checked = self.checked.get(uri)
        if checked is None or checked.text != self.workspace.get_text_document(uri).source:
            checked = self.check(uri)
        return checked

    # -- features ------------------------------------------------------------------
    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        checked = self.current(uri)
        if checked is None:
            return []
        lines = checked.lines
        start = self.offset(lines, params.range.start)
        end = self.offset(lines, params.range.end)
        actions = []
        for finding in checked.findings:
            if finding.fix is None or not finding.fix.edits:
                continue
            f_start = lines.offset(finding.line, finding.column)
            f_end = lines.offset(finding.end_line, finding.end_column)
            if not (f_start <= end and start <= f_end):
                continue
            edits = [types.TextEdit(range=self.range(lines, e.line, e.column, e.end_line, e.end_column),
                                    new_text=e.text) for e in finding.fix.edits]
            title = finding.message if finding.fix.safe else f"{finding.message} (unsafe fix: check the meaning)"
            diagnostic = types.Diagnostic(
                range=self.range(lines, finding.line, finding.column, finding.end_line, finding.end_column),
                message=finding.message, severity=SEVERITY.get(finding.severity), code=finding.rule, source=SOURCE)
            actions.append(types.CodeAction(
                title=f"newslint: {title}", kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                is_preferred=finding.fix.safe, edit=types.WorkspaceEdit(changes={uri: edits})))
        actions.sort(key=lambda action: not action.is_preferred)  # safe fixes first
        return actions

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        checked = self.current(uri)
        if checked is None:
            return None
        lines = checked.lines
        offset = self.offset(lines, params.position)
        parts = []
        hit = None
        for finding in checked.findings:
            f_start = lines.offset(finding.line, finding.column)
            f_end = lines.offset(finding.end_line, finding.end_column)
            if f_start <= offset < f_end or (f_start == f_end == offset):
                hit = hit or finding
                rule = self.registry.rules.get(finding.rule)
                doc = rule.documentation() if rule is not None else ""
                summary = rule.summary if rule is not None else ""
                parts.append(f"**{finding.rule}** ({finding.severity}): {finding.message}\n\n"
                             f"*{summary}*\n\n{doc}".rstrip())
        if not parts:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value="\n\n---\n\n".join(parts)),
                           range=self.range(lines, hit.line, hit.column, hit.end_line, hit.end_column))


def create_server() -> NewslintLanguageServer:
    server = NewslintLanguageServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintLanguageServer, params: types.DidOpenTextDocumentParams):
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintLanguageServer, params: types.DidChangeTextDocumentParams):
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintLanguageServer, params: types.DidSaveTextDocumentParams):
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintLanguageServer, params: types.DidCloseTextDocumentParams):
        ls.checked.pop(params.text_document.uri, None)
        params_out = types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        if hasattr(ls, "text_document_publish_diagnostics"):
            ls.text_document_publish_diagnostics(params_out)
        else:  # pragma: no cover
            ls.publish_diagnostics(params.text_document.uri, [])

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: NewslintLanguageServer, params: types.CodeActionParams):
        return ls.code_actions(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: NewslintLanguageServer, params: types.HoverParams):
        return ls.hover(params)

    return server


def main() -> None:
    logging.basicConfig(level=logging.WARNING)  # pygls logs to stderr; stdout carries the protocol
    create_server().start_io()
