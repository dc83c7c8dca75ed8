"""The pipeline end to end against a replayed Ollama server: repair loop, cancel, near-duplicates."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, SAMPLES
from pytest_httpserver import HTTPServer
from werkzeug import Request as WRequest
from werkzeug import Response

from afterword.backends.ollama import OllamaBackend
from afterword.config import OllamaSettings, Settings
from afterword.errors import BackendError
from afterword.models import load_notes
from afterword.pipeline import Hooks, Pipeline, plan_jobs

LINES = (FIXTURES / "ollama" / "chat_stream.ndjson").read_text(encoding="utf-8").splitlines()

BAD = """Subject: Thank you, Gregory

Dear Gregory Walsh,

Thank you for letting me know. I know [Company] has had a hard year with the lawsuit.

Best regards,
Aisha Bello"""

GOOD = """Subject: Thank you, Gregory

Dear Gregory Walsh,

Thank you for letting me know, and for your kind words. I enjoyed our conversation about the \
relaunch of the Field Notes newsletter and learning how Harbor & Finch works.

If a content role opens up, including freelance or part-time work, I would be glad to be kept in mind.

Best regards,
Aisha Bello"""


def _replay(text: str) -> Response:
    """The real streamed reply's lines, with this text as the content (one word per chunk)."""
    first, last = json.loads(LINES[0]), json.loads(LINES[-1])
    words = text.split(" ")
    parts = [dict(first, message={"role": "assistant", "content": w + " "}) for w in words[:-1]]
    parts.append(dict(first, message={"role": "assistant", "content": words[-1]}))
    parts.append(last)
    return Response((json.dumps(p) + "\n" for p in parts), content_type="application/x-ndjson")


def _pipeline(server: HTTPServer, repairs: int = 1) -> Pipeline:
    settings = Settings(ollama=OllamaSettings(host=server.url_for("/").rstrip("/"), model="llama3.2"))
    settings.checks.repair_attempts = repairs
    settings.checks.languagetool = "off"
    return Pipeline(OllamaBackend(settings.ollama), settings)


def test_a_draft_with_errors_is_repaired_once_with_the_issues_listed(httpserver: HTTPServer) -> None:
    bodies: list[dict] = []
    replies = iter([BAD, GOOD])

    def handler(req: WRequest) -> Response:
        bodies.append(json.loads(req.data))
        return _replay(next(replies))

    httpserver.expect_request("/api/chat", method="POST").respond_with_handler(handler)
    notes = load_notes(SAMPLES / "en_rejection.json")
    draft = _pipeline(httpserver).run(plan_jobs(notes, scenario="rejection-reply")[0])
    assert len(bodies) == 2
    assert draft.timings["attempts"] == 2
    assert "lawsuit" not in draft.body and "[Company]" not in draft.body
    assert not [i for i in draft.checks if i.severity == "error"]
    repair_prompt = bodies[1]["messages"][1]["content"]
    assert "[Company]" in repair_prompt and "problems" in repair_prompt


def test_the_better_draft_is_kept_when_the_repair_is_worse(httpserver: HTTPServer) -> None:
    replies = iter([GOOD.replace("kind words", "kind words, [Name]"), BAD])
    httpserver.expect_request("/api/chat", method="POST").respond_with_handler(
        lambda _r: _replay(next(replies))
    )
    notes = load_notes(SAMPLES / "en_rejection.json")
    draft = _pipeline(httpserver).run(plan_jobs(notes, scenario="rejection-reply")[0])
    assert draft.timings["attempts"] == 2
    assert "lawsuit" not in draft.body and "[Name]" in draft.body


def _count_calls(server: HTTPServer, replies: list[str]) -> list[dict]:
    """Serve `replies` in turn; the returned list fills with the request bodies."""
    bodies: list[dict] = []
    queue = iter(replies)

    def handler(req: WRequest) -> Response:
        bodies.append(json.loads(req.data))
        return _replay(next(queue))

    server.expect_request("/api/chat", method="POST").respond_with_handler(handler)
    return bodies


def test_an_error_a_second_attempt_cannot_fix_costs_no_second_call(httpserver: HTTPServer) -> None:
    invented = GOOD.replace("learning how", "hearing about the Kubernetes migration and how")
    bodies = _count_calls(httpserver, [invented, GOOD])
    notes = load_notes(SAMPLES / "en_rejection.json")
    draft = _pipeline(httpserver).run(plan_jobs(notes, scenario="rejection-reply")[0])
    assert len(bodies) == 1 and draft.timings["attempts"] == 1
    assert "Kubernetes" in draft.body  # shown to the person, flagged, not silently re-rolled
    assert [i.rule for i in draft.checks if i.severity == "error"] == ["grounding"]


def test_a_draft_in_the_wrong_language_is_drafted_again(httpserver: HTTPServer) -> None:
    japanese = (
        "件名：ありがとうございました\n\nGregory Walsh様\n\nお世話になっております。先日はご連絡いただき、"
        "誠にありがとうございました。今後ともよろしくお願いいたします。\n\nAisha Bello"
    )
    bodies = _count_calls(httpserver, [japanese, GOOD])
    notes = load_notes(SAMPLES / "en_rejection.json")
    draft = _pipeline(httpserver).run(plan_jobs(notes, scenario="rejection-reply")[0])
    assert len(bodies) == 2 and draft.body == GOOD.split("\n\n", 1)[1]
    assert "written in Japanese" in bodies[1]["messages"][1]["content"]


def test_no_repair_when_disabled(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/chat", method="POST").respond_with_handler(lambda _r: _replay(BAD))
    notes = load_notes(SAMPLES / "en_rejection.json")
    draft = _pipeline(httpserver, repairs=0).run(plan_jobs(notes, scenario="rejection-reply")[0])
    assert draft.timings["attempts"] == 1
    assert any(i.severity == "error" for i in draft.checks)


def test_stop_keeps_what_arrived(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/chat", method="POST").respond_with_handler(lambda _r: _replay(GOOD))
    notes = load_notes(SAMPLES / "en_rejection.json")
    seen: list[str] = []
    hooks = Hooks(on_chunk=seen.append, should_stop=lambda: len(seen) >= 8)
    draft = _pipeline(httpserver).run(plan_jobs(notes, scenario="rejection-reply")[0], hooks)
    assert draft.partial
    assert draft.timings["attempts"] == 1
    assert "".join(seen).startswith("Subject: Thank you, Gregory")
    assert draft.body == "".join(seen).split("\n\n", 1)[1].strip()


def test_a_reply_with_only_chat_is_an_error_that_keeps_the_text(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/chat", method="POST").respond_with_handler(
        lambda _r: _replay("Sure! Here's a draft:")
    )
    notes = load_notes(SAMPLES / "en_rejection.json")
    with pytest.raises(BackendError) as err:
        _pipeline(httpserver).run(plan_jobs(notes, scenario="rejection-reply")[0])
    assert err.value.message == "the model's reply had no e-mail in it"
    assert err.value.partial == "Sure! Here's a draft:"


def test_a_repair_with_only_chat_keeps_the_first_draft(httpserver: HTTPServer) -> None:
    replies = iter([BAD, "Of course! Here is the revised email:"])
    httpserver.expect_request("/api/chat", method="POST").respond_with_handler(
        lambda _r: _replay(next(replies))
    )
    notes = load_notes(SAMPLES / "en_rejection.json")
    draft = _pipeline(httpserver).run(plan_jobs(notes, scenario="rejection-reply")[0])
    assert draft.timings["attempts"] == 2
    assert draft.body.startswith("Dear Gregory Walsh,") and "lawsuit" in draft.body


def test_identical_drafts_to_two_interviewers_are_flagged(httpserver: HTTPServer) -> None:
    same = GOOD.replace("Gregory Walsh", "Priya Raman").replace("Aisha Bello", "Maya Chen")
    httpserver.expect_request("/api/chat", method="POST").respond_with_handler(lambda _r: _replay(same))
    notes = load_notes(SAMPLES / "en_thank_you.json")
    drafts = _pipeline(httpserver, repairs=0).run_all(plan_jobs(notes, scenario="thank-you"))
    assert [d.recipient for d in drafts] == ["Priya Raman", "Tom Okafor"]
    assert any("duplicate" in i.rule for i in drafts[1].checks)
