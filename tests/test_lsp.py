"""``newslint lsp``: a real session over stdio with Content-Length framing."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

pytest.importorskip("pygls")

import newslint
from newslint.positions import LineIndex

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 30


class Client:
    """A minimal LSP client: Content-Length framed JSON-RPC over a subprocess's pipes."""

    def __init__(self, cwd: Path) -> None:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
        self.process = subprocess.Popen([sys.executable, "-m", "newslint.cli", "lsp"], cwd=cwd, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.messages.put(json.loads(body.decode("utf-8")))

    def send(self, message: dict) -> None:
        body = json.dumps(dict(message, jsonrpc="2.0")).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict | None = None) -> None:
        self.send({"method": method, "params": params or {}})

    def request(self, method: str, params: dict | None = None):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params or {}})
        message = self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)
        assert "error" not in message, message
        return message["result"]

    def wait(self, predicate):
        while True:
            message = self.messages.get(timeout=TIMEOUT)
            assert message is not None, self.process.stderr.read().decode()
            if "method" in message and "id" in message:  # a request from the server: answer it
                self.send({"id": message["id"], "result": None})
                continue
            if predicate(message):
                return message

    def diagnostics(self, uri: str) -> list[dict]:
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri)
        return message["params"]["diagnostics"]

    def close(self) -> int:
        try:
            self.request("shutdown")
            self.notify("exit")
            return self.process.wait(timeout=TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                try:
                    stream.close()
                except OSError:  # the server has exited: nothing left to flush
                    pass


def utf16_position(text: str, offset: int) -> dict:
    lines = LineIndex(text)
    line, column = lines.position(offset)
    prefix = lines.line_text(line)[:column - 1]
    return {"line": line - 1, "character": len(prefix.encode("utf-16-le")) // 2}


def apply_edits(text: str, edits: list[dict]) -> str:
    """Apply LSP TextEdits (UTF-16 positions) to ``text``."""
    lines = LineIndex(text)

    def offset(position: dict) -> int:
        line_text = lines.line_text(position["line"] + 1)
        units = column = 0
        while units < position["character"]:
            units += 2 if ord(line_text[column]) > 0xFFFF else 1
            column += 1
        return lines.offset(position["line"] + 1, column + 1)

    spans = sorted(((offset(e["range"]["start"]), offset(e["range"]["end"]), e["newText"]) for e in edits),
                   reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def initialize(client: Client, root: Path, encodings: list[str] | None = None) -> dict:
    capabilities = {"textDocument": {"publishDiagnostics": {}, "hover": {"contentFormat": ["markdown"]},
                                     "codeAction": {}}}
    if encodings:
        capabilities["general"] = {"positionEncodings": encodings}
    result = client.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(),
                                           "capabilities": capabilities})
    client.notify("initialized")
    return result


def test_session_diagnostics_code_action_and_hover(tmp_path):
    text = "# Talks 😀\n\nOfficials in 🇺🇦 Kiev said the talks would resume.\n"
    path = tmp_path / "story.md"
    uri = path.as_uri()
    client = Client(tmp_path)
    try:
        result = initialize(client, tmp_path)
        capabilities = result["capabilities"]
        assert capabilities.get("positionEncoding", "utf-16") == "utf-16"
        assert capabilities["hoverProvider"] and capabilities["codeActionProvider"]

        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown",
                                                                "version": 1, "text": text}})
        diagnostics = client.diagnostics(uri)
        kiev = text.index("Kiev")
        expected = {"start": utf16_position(text, kiev), "end": utf16_position(text, kiev + 4)}
        spelling = [d for d in diagnostics if d["code"] == "names/preferred-spelling"]
        assert len(spelling) == 1 and spelling[0]["range"] == expected
        assert expected["start"] == {"line": 2, "character": 18}  # the flag counts 4 UTF-16 units
        assert spelling[0]["source"] == "newslint" and spelling[0]["severity"] == 2

        # didChange (full text): a new problem is reported at its place
        changed = text.replace("the talks", "the the talks")
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                                 "contentChanges": [{"text": changed}]})
        diagnostics = client.diagnostics(uri)
        codes = sorted(d["code"] for d in diagnostics)
        assert codes == ["artifacts/repeated-word", "names/preferred-spelling"]

        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": expected,
            "context": {"diagnostics": spelling}})
        assert actions, "no code action for the finding"
        action = actions[0]
        assert action["kind"] == "quickfix" and action["isPreferred"] is True
        edits = action["edit"]["changes"][uri]
        fixed = apply_edits(changed, edits)
        assert "Kyiv" in fixed and "Kiev" not in fixed
        assert not [f for f in newslint.check_text(fixed, path="story.md")
                    if f.rule == "names/preferred-spelling"]

        hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                      "position": utf16_position(changed, changed.index("Kiev") + 1)})
        assert hover["contents"]["kind"] == "markdown"
        assert "names/preferred-spelling" in hover["contents"]["value"]
        from newslint.registry import default_registry

        doc = default_registry().rules["names/preferred-spelling"].documentation()
        assert doc and doc.splitlines()[0] in hover["contents"]["value"]

        client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        assert client.diagnostics(uri)
        assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": {"line": 0, "character": 0}}) is None
    finally:
        code = client.close()
    assert code == 0


def test_utf8_position_encoding_and_plain_text(tmp_path):
    text = "Crowds in 🇺🇦 Kiev cheered.\n"
    uri = (tmp_path / "note.txt").as_uri()
    client = Client(tmp_path)
    try:
        result = initialize(client, tmp_path, encodings=["utf-8", "utf-16"])
        assert result["capabilities"]["positionEncoding"] == "utf-8"
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext",
                                                                "version": 1, "text": text}})
        diagnostics = client.diagnostics(uri)
        spelling = [d for d in diagnostics if d["code"] == "names/preferred-spelling"]
        start = len(text[:text.index("Kiev")].encode("utf-8"))
        assert spelling[0]["range"]["start"] == {"line": 0, "character": start}
        assert spelling[0]["range"]["end"] == {"line": 0, "character": start + 4}
    finally:
        client.close()


def test_html_document(tmp_path):
    text = "<p>Officials in <b>Kiev</b> said.</p>\n"
    uri = (tmp_path / "page.html").as_uri()
    client = Client(tmp_path)
    try:
        initialize(client, tmp_path)
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "html",
                                                                "version": 1, "text": text}})
        diagnostics = client.diagnostics(uri)
        spelling = [d for d in diagnostics if d["code"] == "names/preferred-spelling"]
        assert spelling[0]["range"]["start"] == {"line": 0, "character": text.index("Kiev")}
    finally:
        client.close()


def test_incremental_change(tmp_path):
    text = "Crowds 😀 in Kiev cheered.\n"
    uri = (tmp_path / "note.md").as_uri()
    client = Client(tmp_path)
    try:
        initialize(client, tmp_path)
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown",
                                                                "version": 1, "text": text}})
        assert [d["code"] for d in client.diagnostics(uri)] == ["names/preferred-spelling"]
        start = text.index("Kiev")
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": utf16_position(text, start),
                                          "end": utf16_position(text, start + 4)}, "text": "Kyiv"}]})
        assert client.diagnostics(uri) == []
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0},
                                                    "end": {"line": 1, "character": 0}},
            "context": {"diagnostics": []}})
        assert actions == []
    finally:
        client.close()


def test_unsafe_fix_is_offered_but_not_preferred(tmp_path):
    text = "The minister claimed that the figures were accurate.\n"
    uri = (tmp_path / "story.txt").as_uri()
    client = Client(tmp_path)
    try:
        initialize(client, tmp_path)
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext",
                                                                "version": 1, "text": text}})
        diagnostics = [d for d in client.diagnostics(uri) if d["code"] == "attribution/loaded-verb"]
        assert diagnostics
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diagnostics[0]["range"],
            "context": {"diagnostics": diagnostics}})
        unsafe = [a for a in actions if a["diagnostics"][0]["code"] == "attribution/loaded-verb"]
        assert unsafe and unsafe[0]["isPreferred"] is False and "unsafe" in unsafe[0]["title"]
        fixed = apply_edits(text, unsafe[0]["edit"]["changes"][uri])
        assert "claimed" not in fixed
    finally:
        client.close()
