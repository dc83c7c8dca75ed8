"""`afterword draft`, `scenarios`, `models` as a person or a script runs them (subprocesses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, SAMPLES
from pytest_httpserver import HTTPServer
from werkzeug import Response

KEYS = {
    "subject",
    "body",
    "scenario",
    "tone",
    "language",
    "backend",
    "model",
    "recipient",
    "checks",
    "timings",
}


def afterword(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "afterword", *args],
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
        input=stdin,
    )


def test_offline_draft_prints_subject_blank_line_body() -> None:
    out = afterword("draft", str(SAMPLES / "en_status_check.json"), "--backend", "offline")
    assert out.returncode == 0, out.stderr
    first, blank, *body = out.stdout.splitlines()
    assert first.startswith("Subject: ") and blank == ""
    assert "Sarah" in "\n".join(body) and "Daniel Ruiz" in out.stdout
    assert "Traceback" not in out.stderr


def test_json_shape_for_one_draft() -> None:
    out = afterword("draft", str(SAMPLES / "ja_thank_you.json"), "--backend", "offline", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data.keys() >= KEYS
    assert (data["scenario"], data["language"], data["backend"], data["recipient"]) == (
        "thank-you",
        "ja",
        "offline",
        "田中 美咲",
    )
    assert data["model"] is None
    for issue in data["checks"]:
        assert {"source", "rule", "message", "offset", "length", "replacements", "severity"} <= issue.keys()
    assert data["timings"]["attempts"] == 1


def test_one_draft_per_interviewer_separated_by_dashes() -> None:
    out = afterword("draft", str(SAMPLES / "en_thank_you.json"), "--backend", "offline")
    assert out.returncode == 0, out.stderr
    drafts = out.stdout.split("\n---\n")
    assert len(drafts) == 2
    assert "Priya" in drafts[0] and "Tom" in drafts[1]
    data = json.loads(
        afterword("draft", str(SAMPLES / "en_thank_you.json"), "--backend", "offline", "--json").stdout
    )
    assert [d["recipient"] for d in data["drafts"]] == ["Priya Raman", "Tom Okafor"]


def test_to_and_variants() -> None:
    out = afterword(
        "draft",
        str(SAMPLES / "en_thank_you.json"),
        "--backend",
        "offline",
        "--to",
        "Tom Okafor",
        "--variants",
        "3",
        "--tone",
        "formal",
        "--json",
    )
    data = json.loads(out.stdout)["drafts"]
    assert [d["tone"] for d in data] == ["formal", "warm", "concise"]
    assert {d["recipient"] for d in data} == {"Tom Okafor"}
    assert len({d["body"] for d in data}) == 3


def test_phone_channel_gives_a_call_script() -> None:
    out = afterword(
        "draft", str(SAMPLES / "en_status_check.json"), "--backend", "offline", "--channel", "phone", "--json"
    )
    data = json.loads(out.stdout)
    assert data["channel"] == "phone"
    assert len(data["body"].split()) < 200


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["draft", "missing.json"], "missing.json: no such file"),
        (["draft", "{bad}"], "invalid JSON"),
        (["draft", "{unknown}"], "unknown field `compnay`"),
        (["draft", str(SAMPLES / "en_thank_you.json"), "--scenario", "recruiter-nudge"], "sender_role"),
        (["draft", str(SAMPLES / "en_thank_you.json"), "--scenario", "hello"], "unknown scenario"),
        (["draft", str(SAMPLES / "en_thank_you.json"), "--to", "Nobody"], "no such recipient"),
        (["draft", str(SAMPLES / "en_thank_you.json"), "--variants", "9"], "--variants 9"),
    ],
)
def test_bad_input_exits_2_with_one_clear_line(tmp_path: Path, args: list[str], needle: str) -> None:
    (tmp_path / "{bad}").write_text("{", encoding="utf-8")
    data = json.loads((SAMPLES / "en_rejection.json").read_text(encoding="utf-8"))
    data["compnay"] = data.pop("company")
    (tmp_path / "{unknown}").write_text(json.dumps(data), encoding="utf-8")
    args = [str(tmp_path / a) if a.startswith(("{", "missing")) else a for a in args]
    out = afterword(*args)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], out.stderr
    assert out.stdout == ""


def test_ollama_backend_prints_the_streamed_text(httpserver: HTTPServer) -> None:
    lines = (FIXTURES / "ollama" / "chat_stream.ndjson").read_text(encoding="utf-8").splitlines()
    httpserver.expect_request("/api/chat", method="POST").respond_with_handler(
        lambda _r: Response((x + "\n" for x in lines), content_type="application/x-ndjson")
    )
    env = {"OLLAMA_HOST": httpserver.url_for("/").rstrip("/"), "AFTERWORD_CHECKS__REPAIR_ATTEMPTS": "0"}
    out = afterword(
        "draft", str(SAMPLES / "en_rejection.json"), "--backend", "ollama", "--model", "llama3.2", env=env
    )
    assert out.returncode == 0, out.stderr
    streamed = "".join(json.loads(x)["message"]["content"] for x in lines)
    assert out.stdout.strip() == streamed
    assert "checks for Gregory Walsh" in out.stderr


STREAM = (FIXTURES / "ollama" / "chat_stream.ndjson").read_text(encoding="utf-8").splitlines()


def _serve_lines(httpserver: HTTPServer, lines: list[str]) -> dict[str, str]:
    httpserver.expect_request("/api/chat", method="POST").respond_with_handler(
        lambda _r: Response((x + "\n" for x in lines), content_type="application/x-ndjson")
    )
    return {"OLLAMA_HOST": httpserver.url_for("/").rstrip("/"), "AFTERWORD_CHECKS__REPAIR_ATTEMPTS": "0"}


def test_a_stream_cut_mid_way_with_json_prints_one_json_document(httpserver: HTTPServer) -> None:
    # The real chat chunks, then the real in-stream error line Ollama sends once streaming started.
    error_line = (FIXTURES / "ollama" / "error_midstream.ndjson").read_text(encoding="utf-8").splitlines()[-1]
    env = _serve_lines(httpserver, [*STREAM[:5], error_line])
    args = ("draft", str(SAMPLES / "en_rejection.json"), "--backend", "ollama", "--model", "llama3.2")
    out = afterword(*args, "--json", env=env)
    assert out.returncode == 1
    doc = json.loads(out.stdout)  # stdout is one JSON document and nothing else
    arrived = "".join(json.loads(x)["message"]["content"] for x in STREAM[:5])
    assert doc == {"partial": True, "text": arrived, "backend": "ollama"}
    assert out.stderr.startswith("afterword: ") and "partial" in out.stderr
    plain = afterword(*args, env=env)
    assert plain.returncode == 1 and plain.stdout == arrived + "\n"


def test_a_reply_that_is_only_chat_is_an_error_not_an_empty_draft(httpserver: HTTPServer) -> None:
    chat = json.loads(STREAM[0])
    chat["message"]["content"] = "Sure! Here's a draft:"
    env = _serve_lines(httpserver, [json.dumps(chat), STREAM[-1]])
    out = afterword("draft", str(SAMPLES / "en_rejection.json"), "--backend", "ollama", "--model", "llama3.2",
                    "--json", env=env)
    assert out.returncode == 1
    assert json.loads(out.stdout) == {"partial": True, "text": "Sure! Here's a draft:", "backend": "ollama"}
    assert "the model's reply had no e-mail in it" in out.stderr


def test_ollama_down_is_one_line_with_the_fix() -> None:
    out = afterword(
        "draft",
        str(SAMPLES / "en_rejection.json"),
        "--backend",
        "ollama",
        "--model",
        "x",
        env={"OLLAMA_HOST": "http://127.0.0.1:9"},
    )
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [out.stderr.strip()]
    assert "not running" in out.stderr and "ollama serve" in out.stderr


def test_scenarios_lists_every_id() -> None:
    out = afterword("scenarios")
    ids = [line.split()[0] for line in out.stdout.splitlines()]
    assert ids == [
        "thank-you",
        "status-check",
        "final-follow-up",
        "rejection-reply",
        "recruiter-thanks",
        "recruiter-nudge",
        "recruiter-keep-in-touch",
    ]


def test_models_lists_installed_ollama_models(httpserver: HTTPServer) -> None:
    tags = json.loads((FIXTURES / "ollama" / "tags.json").read_text(encoding="utf-8"))
    httpserver.expect_request("/api/tags").respond_with_json(tags)
    out = afterword("models", env={"OLLAMA_HOST": httpserver.url_for("/").rstrip("/")})
    assert out.returncode == 0
    assert "offline" in out.stdout
    for m in tags["models"]:
        assert f"ollama    {m['model']}" in out.stdout


def test_help_lists_commands() -> None:
    out = afterword("--help")
    for cmd in ("draft", "check", "validate", "scenarios", "models", "open"):
        assert cmd in out.stdout


def test_draft_on_a_tracked_application_uses_what_the_store_knows(tmp_path: Path) -> None:
    env = {"AFTERWORD_HOME": str(tmp_path)}
    notes = str(SAMPLES / "en_status_check.json")
    app_id = json.loads(afterword("track", notes, "--json", env=env).stdout)["id"]
    before = json.loads(afterword("draft", notes, "--backend", "offline", "--json", env=env).stdout)
    assert before["scenario"] == "status-check"
    assert afterword("sent", str(app_id), "status-check", "--date", "2026-11-10", env=env).returncode == 0
    after = json.loads(afterword("draft", notes, "--backend", "offline", "--json", env=env).stdout)
    assert after["scenario"] == "final-follow-up"


def test_draft_writes_nothing_when_nothing_is_tracked(tmp_path: Path) -> None:
    out = afterword(
        "draft",
        str(SAMPLES / "en_rejection.json"),
        "--backend",
        "offline",
        env={"AFTERWORD_HOME": str(tmp_path / "home")},
    )
    assert out.returncode == 0
    assert not (tmp_path / "home").exists()
