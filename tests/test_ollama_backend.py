"""The Ollama backend against a loopback server replaying real Ollama responses (tests/fixtures)."""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest
from conftest import FIXTURES, SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer
from werkzeug import Request as WRequest
from werkzeug import Response

from afterword.backends import make_backend
from afterword.backends.base import MAX_REPLY_CHARS, Request, Stats
from afterword.backends.ollama import OllamaBackend, context_size
from afterword.config import OllamaSettings, Settings
from afterword.errors import BackendError, InputError
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
    httpserver.expect_request("/api/tags").respond_with_json(_fixture("tags.json"))
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


# --- broken and hostile replies ----------------------------------------------------------------

def _line(content: str | None, done: bool = False) -> str:
    """A chat line shaped like the real captured ones (tests/fixtures/ollama/chat_stream.ndjson)."""
    real = json.loads(STREAM_LINES[-1 if done else 0])
    real["message"]["content"] = content
    return json.dumps(real, ensure_ascii=False)


def _serve(server: HTTPServer, lines: list[str], last_newline: bool = True) -> None:
    def reply(_req: WRequest) -> Response:
        body = "\n".join(lines) + ("\n" if last_newline else "")
        return Response(body, content_type="application/x-ndjson")

    server.expect_request("/api/chat", method="POST").respond_with_handler(reply)


def _collect(backend: OllamaBackend) -> tuple[str, BackendError | None]:
    got: list[str] = []
    try:
        for chunk in backend.stream(_request(), Stats()):
            got.append(chunk)
    except BackendError as exc:
        return "".join(got), exc
    return "".join(got), None


def test_a_line_that_is_not_json_mid_stream_keeps_the_text_as_partial(httpserver: HTTPServer) -> None:
    _serve(httpserver, [*STREAM_LINES[:5], "<html>502 Bad Gateway</html>", *STREAM_LINES[5:]])
    text, err = _collect(_backend(httpserver))
    expected = "".join(json.loads(line)["message"]["content"] for line in STREAM_LINES[:5])
    assert err is not None and err.partial == text == expected
    assert "partial" in err.message


def test_a_truncated_last_line_keeps_the_text_as_partial(httpserver: HTTPServer) -> None:
    _serve(httpserver, [*STREAM_LINES[:-1], STREAM_LINES[-1][:40]], last_newline=False)
    text, err = _collect(_backend(httpserver))
    assert err is not None and err.partial == text == STREAMED_TEXT and "partial" in err.message


def test_a_stream_that_ends_without_done_is_partial(httpserver: HTTPServer) -> None:
    _serve(httpserver, STREAM_LINES[:-1])
    text, err = _collect(_backend(httpserver))
    assert err is not None and err.partial == text == STREAMED_TEXT
    assert "before the model said it was done" in err.message


@pytest.mark.parametrize("content", ["", None, "  \n\n\t "])
def test_an_empty_reply_is_an_error_not_an_empty_draft(httpserver: HTTPServer, content: str | None) -> None:
    _serve(httpserver, [_line(content), _line("", done=True)])
    _, err = _collect(_backend(httpserver))
    assert err is not None and "empty reply" in err.message


def test_a_huge_reply_stops_at_the_cap_and_is_partial(httpserver: HTTPServer) -> None:
    sent: list[int] = []

    def lines() -> object:
        for i in range(5000):  # 5,000 × 1,000 characters: 5 MB if read to the end
            sent.append(i)
            yield _line("word " * 200) + "\n"
        yield _line("", done=True) + "\n"

    httpserver.expect_request("/api/chat", method="POST").respond_with_handler(
        lambda _req: Response(lines(), content_type="application/x-ndjson")
    )
    text, err = _collect(_backend(httpserver))
    assert err is not None and len(err.partial) == len(text) == MAX_REPLY_CHARS
    assert f"passed {MAX_REPLY_CHARS:,} characters" in err.message and "partial" in err.message
    assert len(sent) < 5000  # reading stopped; the server was not read to the end


def test_show_without_model_info_still_picks_a_model(httpserver: HTTPServer) -> None:
    show = _fixture("show.json")
    del show["model_info"], show["capabilities"]
    httpserver.expect_request("/api/tags", method="GET").respond_with_json(_fixture("tags.json"))
    httpserver.expect_request("/api/show", method="POST").respond_with_json(show)
    names = [m["model"] for m in _fixture("tags.json")["models"]]
    assert _backend(httpserver, model=None).model_name() in names


def test_auto_gives_up_on_a_hanging_server_within_the_probe_deadline(httpserver: HTTPServer) -> None:
    release = threading.Event()
    httpserver.expect_request("/api/tags").respond_with_handler(
        lambda _req: (release.wait(30), Response("{}"))[1]
    )
    notices: list[str] = []
    settings = Settings(ollama=OllamaSettings(host=httpserver.url_for("/").rstrip("/"), probe_timeout=0.5))
    start = time.perf_counter()
    try:
        backend = make_backend("auto", settings, notice=notices.append)
    finally:
        release.set()
    assert backend.name == "offline"
    assert time.perf_counter() - start < 5  # not the 120 s read timeout
    assert notices == [f"afterword: Ollama at {settings.ollama.host} did not answer within 0.5 s; "
                       "drafting with the offline composer"]


def test_a_remote_host_needs_consent() -> None:
    with pytest.raises(InputError, match="allow_remote = true"):
        OllamaBackend(OllamaSettings(host="http://10.0.0.7:11434"))
    notices: list[str] = []
    allowed = Settings(ollama=OllamaSettings(host="http://10.0.0.7:11434", allow_remote=True))
    assert make_backend("ollama", allowed, "llama3.2", notices.append).name == "ollama"
    assert notices == ["afterword: your notes will be sent to the Ollama server at http://10.0.0.7:11434 "
                       "(allow_remote is on)"]


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                 max_size=3), max_leaves=6)
_LINES = st.lists(st.one_of(
    st.builds(_line, st.text(max_size=30)),
    st.builds(_line, st.none() | st.text(max_size=5), st.just(True)),
    st.just(STREAM_LINES[-1]),
    st.just('{"error":"an error was encountered while running the model"}'),
    _JSON.map(json.dumps),
    st.text(max_size=40).filter(lambda t: "\n" not in t and "\r" not in t),
), max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=_LINES, last_newline=st.booleans())
def test_any_stream_gives_a_draft_a_partial_draft_or_a_backend_error(
    httpserver: HTTPServer, lines: list[str], last_newline: bool
) -> None:
    httpserver.clear()
    _serve(httpserver, lines, last_newline)
    text, err = _collect(_backend(httpserver))
    if err is None:
        assert text.strip()  # a finished reply always has text
    else:
        assert err.partial in ("", text)
