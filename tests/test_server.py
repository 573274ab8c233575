"""``newslint serve``: LanguageTool's /v2 API, newslint's /v1 API, limits and errors."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
pytest.importorskip("httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from newslint.server import Checker, create_app, lt_rule_id

ROOT = Path(__file__).resolve().parent.parent
EMOJI_TEXT = "Crowds 😀 in Kiev cheered as the the talks resumed ."


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(Checker.load(), max_body=64 * 1024)) as test_client:
        yield test_client


def utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def by_rule(matches: list[dict]) -> dict[str, dict]:
    return {m["rule"]["id"]: m for m in matches}


def test_v2_check_form_shape_and_utf16_offsets(client):
    response = client.post("/v2/check", data={"text": EMOJI_TEXT, "language": "en-US"})
    assert response.status_code == 200
    body = response.json()
    assert body["software"]["name"] == "newslint" and body["software"]["apiVersion"] == 1
    assert body["language"]["code"] == "en-US" and "detectedLanguage" in body["language"]
    matches = by_rule(body["matches"])
    kiev = matches["NEWSLINT_NAMES_PREFERRED_SPELLING"]
    assert kiev["offset"] == utf16(EMOJI_TEXT, EMOJI_TEXT.index("Kiev")) == EMOJI_TEXT.index("Kiev") + 1
    assert kiev["length"] == 4
    assert kiev["replacements"] == [{"value": "Kyiv"}]
    assert kiev["rule"]["category"] == {"id": "NAMES", "name": "Names"}
    assert kiev["rule"]["issueType"] == "misspelling" and kiev["rule"]["description"]
    assert kiev["message"] and kiev["shortMessage"]
    context = kiev["context"]
    assert context["text"][context["offset"] - 1:context["offset"] + 3] == "Kiev"  # the emoji counts 2
    assert "Kiev" in kiev["sentence"]
    repeated = matches["NEWSLINT_ARTIFACTS_REPEATED_WORD"]
    assert repeated["offset"] == utf16(EMOJI_TEXT, EMOJI_TEXT.index("the the"))
    assert "NEWSLINT_PUNCTUATION_SPACE_BEFORE" in matches


def test_v2_check_json_body_and_get(client):
    response = client.post("/v2/check", json={"text": "In Kiev.", "language": "en"})
    assert response.status_code == 200
    assert [m["offset"] for m in response.json()["matches"]] == [3]
    response = client.get("/v2/check", params={"text": "In Kiev.", "language": "auto"})
    assert response.status_code == 200 and len(response.json()["matches"]) == 1


def test_v2_check_multipart(client):
    response = client.post("/v2/check", files={"text": (None, "In Kiev."), "language": (None, "en-GB")})
    assert response.status_code == 200, response.text
    assert response.json()["language"]["code"] == "en-GB"
    assert len(response.json()["matches"]) == 1


def test_v2_annotated_data_offsets_point_into_markup(client):
    data = {"annotation": [{"markup": "<p>"}, {"text": "Officials in "}, {"markup": "<b>"},
                           {"text": "Kiev"}, {"markup": "</b>"}, {"text": " said."},
                           {"markup": "</p>", "interpretAs": "\n\n"}]}
    original = "<p>Officials in <b>Kiev</b> said.</p>"
    response = client.post("/v2/check", data={"data": json.dumps(data), "language": "en-US"})
    assert response.status_code == 200, response.text
    match = by_rule(response.json()["matches"])["NEWSLINT_NAMES_PREFERRED_SPELLING"]
    assert original[match["offset"]:match["offset"] + match["length"]] == "Kiev"


def test_rule_filters_accept_both_id_styles(client):
    text = "Officials in Kiev said the the talks would resume ."
    every = {m["rule"]["id"] for m in client.post("/v2/check", data={"text": text, "language": "en"}).json()["matches"]}
    assert {"NEWSLINT_NAMES_PREFERRED_SPELLING", "NEWSLINT_ARTIFACTS_REPEATED_WORD"} <= every

    def ids(**fields):
        response = client.post("/v2/check", data={"text": text, "language": "en-US", **fields})
        assert response.status_code == 200, response.text
        return {m["rule"]["id"] for m in response.json()["matches"]}

    assert "NEWSLINT_NAMES_PREFERRED_SPELLING" not in ids(disabledRules="NEWSLINT_NAMES_PREFERRED_SPELLING")
    assert "NEWSLINT_NAMES_PREFERRED_SPELLING" not in ids(disabledRules="names/preferred-spelling,WHITESPACE_RULE")
    assert ids(disabledCategories="NAMES") == every - {"NEWSLINT_NAMES_PREFERRED_SPELLING"}
    assert ids(enabledRules="artifacts/repeated-word", enabledOnly="true") == {"NEWSLINT_ARTIFACTS_REPEATED_WORD"}
    assert ids(enabledRules="NEWSLINT_NAMES_PREFERRED_SPELLING", enabledOnly="true") == {
        "NEWSLINT_NAMES_PREFERRED_SPELLING"}
    assert ids(enabledCategories="names", enabledOnly="true") == {"NEWSLINT_NAMES_PREFERRED_SPELLING"}
    assert ids(enabledRules="NEWSLINT_NAMES_PREFERRED_SPELLING") == every  # without enabledOnly: adds nothing new
    bad = client.post("/v2/check", data={"text": text, "language": "en", "enabledOnly": "true"})
    assert bad.status_code == 400


def test_lt_rule_ids():
    assert lt_rule_id("names/preferred-spelling") == "NEWSLINT_NAMES_PREFERRED_SPELLING"


@pytest.mark.parametrize("kwargs", [
    {"content": b"{not json", "headers": {"content-type": "application/json"}},
    {"content": b"[1, 2]", "headers": {"content-type": "application/json"}},
    {"content": b"\xff\xfe=1", "headers": {"content-type": "application/x-www-form-urlencoded"}},
    {"content": b"language=en", "headers": {"content-type": "application/x-www-form-urlencoded"}},
    {"content": b"text=a&&&=", "headers": {"content-type": "application/x-www-form-urlencoded"}},
    {"content": b"--x\r\nbroken", "headers": {"content-type": "multipart/form-data; boundary=x"}},
    {"data": {"data": "{not json", "language": "en"}},
    {"data": {"data": json.dumps({"annotation": [{"bogus": 1}]}), "language": "en"}},
    {"data": {"text": "hello", "language": "de-DE"}},
    {"json": {"text": 42, "language": "en"}},
])
def test_malformed_v2_requests_get_400(client, kwargs):
    response = client.post("/v2/check", **kwargs)
    assert response.status_code == 400, response.text
    assert response.json()["error"]


def test_body_over_the_limit_gets_413(client):
    response = client.post("/v2/check", content=b"text=" + b"a" * (65 * 1024),
                           headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413

    def chunks():  # no Content-Length: the limit is enforced while reading
        for _ in range(100):
            yield b"a" * 1024

    response = client.post("/v2/check", content=chunks(),
                           headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413


def test_languages_and_health(client):
    languages = client.get("/v2/languages").json()
    assert {"name": "English (US)", "code": "en", "longCode": "en-US"} in languages
    health = client.get("/health")
    assert health.status_code == 200 and health.json()["status"] == "ok"


def test_v1_check_newslint_contract(client):
    text = "---\ntitle: Talks\n---\n\nOfficials in Kiev said.\n\n```\nKiev\n```\n"
    response = client.post("/v1/check", json={"text": text, "filename": "../../etc/story.md"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["version"] == 1 and body["summary"]["files"] == 1
    assert [(f["rule"], f["line"], f["column"], f["path"]) for f in body["findings"]] == [
        ("names/preferred-spelling", 5, 14, "story.md")]  # the code block is not prose: Markdown parser
    plain = client.post("/v1/check", json={"text": text, "filename": "story.txt"}).json()
    assert len(plain["findings"]) == 2  # plain text: both
    rendered = client.post("/v1/check", json={"text": "In Kiev.", "filename": "a.txt", "format": "text"})
    assert rendered.status_code == 200 and "a.txt:1:4" in rendered.text
    assert client.post("/v1/check", json={"text": "x", "format": "nope"}).status_code == 400
    assert client.post("/v1/check", json={"filename": "a.md"}).status_code == 400


def test_timeout_gives_503():
    checker = Checker.load()
    original = checker.findings

    def slow(*args, **kwargs):
        time.sleep(0.5)
        return original(*args, **kwargs)

    checker.findings = slow
    with TestClient(create_app(checker, timeout=0.05)) as slow_client:
        response = slow_client.post("/v2/check", data={"text": "In Kiev.", "language": "en"})
    assert response.status_code == 503 and "too long" in response.json()["error"]


def test_internal_error_is_json_500_without_traceback():
    checker = Checker.load()

    def broken(*args, **kwargs):
        raise RuntimeError("secret detail")

    checker.findings = broken
    with TestClient(create_app(checker), raise_server_exceptions=False) as broken_client:
        response = broken_client.post("/v2/check", data={"text": "In Kiev.", "language": "en"})
    assert response.status_code == 500 and "secret" not in response.text


def test_check_does_not_import_the_server_stack():
    code = ("import sys, newslint.cli as c\n"
            "try:\n    c.main(['check', '-'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('starlette', 'uvicorn', 'pygls', 'newslint.server', 'newslint.lsp') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], input="In Kiev.", capture_output=True, text=True,
                            cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def live_server():
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "newslint.cli", "serve", "--port", str(port),
                                "--max-body", "1000000"], cwd=ROOT,
                               env=dict(os.environ, PYTHONPATH=str(ROOT)),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("server did not start: " + process.stderr.read().decode())
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()


def test_real_server_with_language_tool_python(live_server):
    language_tool_python = pytest.importorskip("language_tool_python")
    tool = language_tool_python.LanguageTool("en-US", remote_server=live_server)
    try:
        matches = tool.check(EMOJI_TEXT)
    finally:
        tool.close()
    rules = {m.rule_id: m for m in matches}
    kiev = rules["NEWSLINT_NAMES_PREFERRED_SPELLING"]
    # language_tool_python turns LanguageTool's UTF-16 offsets back into Python indexes:
    # they are right only if the server counted the emoji as 2 code units.
    assert EMOJI_TEXT[kiev.offset:kiev.offset + kiev.error_length] == "Kiev"
    assert kiev.replacements == ["Kyiv"] and kiev.category == "NAMES"
    repeated = rules["NEWSLINT_ARTIFACTS_REPEATED_WORD"]
    assert EMOJI_TEXT[repeated.offset:repeated.offset + repeated.error_length] == "the the"


def test_real_server_refuses_a_large_body(live_server):
    request = urllib.request.Request(live_server + "/v2/check", data=b"a" * (10 * 1024 * 1024), method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        urllib.request.urlopen(request, timeout=30)
    except urllib.error.HTTPError as error:
        assert error.code == 413
    except (ConnectionResetError, BrokenPipeError):
        pass  # the server answered 413 and closed before the client finished sending
    else:
        raise AssertionError("a 10 MB body was accepted")


def test_result_cache_is_bounded_and_keyed_by_filters():
    checker = Checker.load(cache_size=2)
    calls = []
    original = checker._findings

    def counting(*args):
        calls.append(args[0])
        return original(*args)

    checker._findings = counting
    first = checker.findings("In Kiev.", None)
    assert checker.findings("In Kiev.", None) == first and len(calls) == 1
    assert checker.findings("In Kiev.", None, {"artifacts/repeated-word"}) == [] and len(calls) == 2
    checker.findings("In Odessa.", None)
    checker.findings("In Kiev.", None)  # evicted (size 2): checked again
    assert len(calls) == 4
    assert Checker.load(cache_size=0).findings("In Kiev.", None) == first


@pytest.mark.parametrize("argv", [["--workers", "0"], ["--max-body", "0"], ["--timeout", "0"],
                                  ["--cache-size", "-1"], ["--port", "70000"]])
def test_serve_usage_errors_exit_2(argv, capsys):
    from newslint.cli import main

    assert main(["serve", *argv]) == 2
    assert "newslint: error:" in capsys.readouterr().err


def test_a_failing_rule_gives_incomplete_results_not_a_500():
    checker = Checker.load()
    victim = next(a.rule for a in checker.config.active_rules if a.rule.id.startswith("names/"))

    def explode(document):
        raise RuntimeError("boom")
        yield

    victim.check = explode
    try:
        with TestClient(create_app(checker)) as failing:
            answer = failing.post("/v2/check", data={"text": "In Kiev the the talks.", "language": "en"}).json()
            assert answer["warnings"]["incompleteResults"] is True
            assert "NEWSLINT_ARTIFACTS_REPEATED_WORD" in {m["rule"]["id"] for m in answer["matches"]}
            report = failing.post("/v1/check", json={"text": "In Kiev the the talks."}).json()
            assert report["errors"] and report["findings"]
    finally:
        del victim.check


def test_event_loop_stays_responsive_while_checking():
    import threading

    checker = Checker.load()
    original = checker.findings

    def slow(*args, **kwargs):
        time.sleep(1.0)
        return original(*args, **kwargs)

    checker.findings = slow
    with TestClient(create_app(checker)) as busy:
        worker = threading.Thread(target=lambda: busy.post("/v2/check", data={"text": "In Kiev.", "language": "en"}))
        worker.start()
        time.sleep(0.2)
        started = time.monotonic()
        assert busy.get("/health").status_code == 200
        assert time.monotonic() - started < 0.5
        worker.join()
