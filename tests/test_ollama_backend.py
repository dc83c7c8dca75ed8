"""The Ollama backend against a loopback server replaying real Ollama responses (tests/fixtures)."""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest
from conftest import FIXTURES, SAMPLES
from pytest_httpserver import HTTPServer
from werkzeug import Request as WRequest
from werkzeug import Response

from afterword.backends import make_backend
from afterword.backends.base import Request, Stats
from afterword.backends.ollama import OllamaBackend, context_size
from afterword.config import OllamaSettings, Settings
from afterword.errors import BackendError
from afterword.models import load_notes
from afterword.prompts import build_prompt

OLLAMA = FIXTURES / "ollama"
STREAM_LINES = (OLLAMA / "chat_stream.ndjson").read_text(encoding="utf-8").splitlines()
STREAMED_TEXT = "".join(json.loads(line)["message"]["content"] for line in STREAM_LINES)


def _fixture(name: str) -> dict:
    return json.loads((OLLAMA / name).read_text(encoding="utf-8"))


def _ndjson(lines: list[str]) -> Response:
    return Response((line + "\n" for line in lines), content_type="application/x-ndjson")


def _request() -> Request:
    notes = load_notes(SAMPLES / "en_thank_you.json")
    person = notes.interviewers[0]
    prompt = build_prompt(notes, "thank-you", "warm", "email", person)
    return Request(
        prompt, "thank-you", "warm", "email", person.name, temperature=0.2, seed=42, max_tokens=300
    )


def _backend(server: HTTPServer, model: str | None = "llama3.2", read_timeout: float = 10.0) -> OllamaBackend:
    settings = OllamaSettings(
        host=server.url_for("/").rstrip("/"), read_timeout=read_timeout, connect_timeout=1
    )
    return OllamaBackend(settings, model)


def _run(backend: OllamaBackend) -> tuple[str, Stats]:
    stats = Stats()
    return "".join(backend.stream(_request(), stats)), stats


def test_streams_the_real_reply_and_reports_tokens(httpserver: HTTPServer) -> None:
    seen: list[dict] = []

    def handler(req: WRequest) -> Response:
        seen.append(json.loads(req.data))
        return _ndjson(STREAM_LINES)

    httpserver.expect_request("/api/chat", method="POST").respond_with_handler(handler)
    chunks: list[str] = []
    stats = Stats()
    for chunk in _backend(httpserver).stream(_request(), stats):
        chunks.append(chunk)
    assert "".join(chunks) == STREAMED_TEXT
    assert len(chunks) == 32
    final = json.loads(STREAM_LINES[-1])
    assert stats.output_tokens == final["eval_count"] == 33
    assert stats.prompt_tokens == final["prompt_eval_count"]
    assert stats.model == "llama3.2"
    body = seen[0]
    assert body["model"] == "llama3.2"
    assert body["stream"] is True
    assert body["keep_alive"] == "30m"
    assert body["options"]["temperature"] == 0.2
    assert body["options"]["seed"] == 42
    assert body["options"]["num_predict"] == 300
    assert body["options"]["num_ctx"] >= 2048
    system, user = body["messages"]
    assert system["role"] == "system" and "Thank them at the start" in system["content"]
    assert "Priya Raman" not in system["content"]  # the notes travel only in the user message
    for fact in ("Northwind Health", "Priya Raman", "claims pipeline", "dbt", "3 hours to 40 minutes"):
        assert fact in user["content"]
    # negative news never reaches the model (C5); positive news does
    assert "lawsuit" not in user["content"]
    assert "Denver" in user["content"]


def test_a_single_non_streamed_reply_is_read_too(httpserver: HTTPServer) -> None:
    reply = _fixture("chat.json")
    httpserver.expect_request("/api/chat", method="POST").respond_with_handler(
        lambda _req: _ndjson([json.dumps(reply)])
    )
    text, stats = _run(_backend(httpserver))
    assert text == reply["message"]["content"]
    assert stats.output_tokens == reply["eval_count"]


def test_picks_an_installed_chat_model_with_list_and_show(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/tags", method="GET").respond_with_json(_fixture("tags.json"))
    httpserver.expect_request("/api/show", method="POST").respond_with_json(_fixture("show.json"))
    names = [m["model"] for m in _fixture("tags.json")["models"]]
    backend = _backend(httpserver, model=None)
    assert backend.installed() == names
    assert backend.model_name() in names


def test_missing_model_says_which_pull_to_run(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/chat", method="POST").respond_with_json(
        _fixture("error_model_not_found.json"), status=404
    )
    with pytest.raises(BackendError) as err:
        _run(_backend(httpserver, model="llama3.2:latest"))
    assert "ollama pull llama3.2:latest" in err.value.hint
    assert err.value.partial == ""


def test_error_mid_stream_keeps_the_partial_text(httpserver: HTTPServer) -> None:
    # The real chat chunks, then the real in-stream error line Ollama sends once streaming started.
    error_line = (OLLAMA / "error_midstream.ndjson").read_text(encoding="utf-8").splitlines()[-1]
    httpserver.expect_request("/api/chat", method="POST").respond_with_handler(
        lambda _req: _ndjson([*STREAM_LINES[:5], error_line])
    )
    got: list[str] = []
    with pytest.raises(BackendError) as err:
        for chunk in _backend(httpserver).stream(_request(), Stats()):
            got.append(chunk)
    expected = "".join(json.loads(line)["message"]["content"] for line in STREAM_LINES[:5])
    assert err.value.partial == expected == "".join(got)
    assert "partial" in err.value.message
    assert "an error was encountered while running the model" in err.value.message


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_server_down_says_how_to_start_it() -> None:
    settings = OllamaSettings(host=f"http://127.0.0.1:{_closed_port()}", connect_timeout=1)
    with pytest.raises(BackendError) as err:
        _run(OllamaBackend(settings, "llama3.2"))
    assert "not running" in err.value.message
    assert "ollama serve" in err.value.hint


def test_server_down_when_listing_models() -> None:
    settings = OllamaSettings(host=f"http://127.0.0.1:{_closed_port()}", connect_timeout=1)
    with pytest.raises(BackendError, match="not running"):
        OllamaBackend(settings).installed()


def test_a_server_that_never_answers_times_out(httpserver: HTTPServer) -> None:
    release = threading.Event()

    def silent(_req: WRequest) -> Response:
        release.wait(5)
        return _ndjson(STREAM_LINES)

    httpserver.expect_request("/api/chat", method="POST").respond_with_handler(silent)
    start = time.perf_counter()
    try:
        with pytest.raises(BackendError) as err:
            _run(_backend(httpserver, read_timeout=0.3))
    finally:
        release.set()  # free the (single-threaded) replay server for the next test
    assert time.perf_counter() - start < 2
    assert "did not answer in time" in err.value.message


def test_auto_uses_ollama_when_it_answers(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/ps").respond_with_json(_fixture("ps.json"))
    settings = Settings(ollama=OllamaSettings(host=httpserver.url_for("/").rstrip("/"), model="llama3.2"))
    assert make_backend("auto", settings).name == "ollama"


def test_auto_falls_back_to_offline_with_a_notice() -> None:
    notices: list[str] = []
    settings = Settings(ollama=OllamaSettings(host=f"http://127.0.0.1:{_closed_port()}"))
    assert make_backend("auto", settings, notice=notices.append).name == "offline"
    assert len(notices) == 1 and "offline" in notices[0]


def test_context_window_grows_with_the_prompt() -> None:
    assert context_size(1000, 400) == 2048
    assert context_size(12000, 400) == 5120
