"""Nothing reaches the terminal raw: the sanitiser itself (fuzzed) and the CLI edge that applies it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, SAMPLES
from hypothesis import given
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer
from werkzeug import Response

from afterword.checks.validate import validate_notes
from afterword.cli import main
from afterword.models import parse_notes
from afterword.sanitize import has_control, json_safe, terminal_safe

ESCAPES = "Northwind\x1b[2J\x1b]0;pwned\x07 Health\x00\x9b31m\x7f"


def raw_controls(text: str) -> list[str]:
    """C0 and C1 control characters other than newline and tab."""
    return [c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]


# --- the sanitiser ---------------------------------------------------------------------------


@given(st.text())
def test_output_never_holds_a_control_character(text: str) -> None:
    assert raw_controls(terminal_safe(text)) == []


@given(st.text())
def test_sanitising_twice_changes_nothing(text: str) -> None:
    once = terminal_safe(text)
    assert terminal_safe(once) == once


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs"))).map(lambda t: t + "\n\tend"))
def test_printable_text_is_unchanged(text: str) -> None:
    assert terminal_safe(text) == text


@given(st.lists(st.text(), max_size=8))
def test_text_written_in_pieces_is_made_safe_like_the_whole(pieces: list[str]) -> None:
    assert "".join(terminal_safe(p) for p in pieces) == terminal_safe("".join(pieces))


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
        max_leaves=20,
    )
)
def test_json_stays_the_same_document(value: Any) -> None:
    dumped = json_safe(json.dumps(value, ensure_ascii=False, indent=2))
    assert json.loads(dumped) == value
    assert raw_controls(dumped.replace("\n", "")) == []


def test_escapes_are_shown_not_hidden() -> None:
    shown = terminal_safe("a\x1b[2Jb\x1b]52;c;ZXZpbA==\x07c\x00d\r\ne")
    assert shown == "a␛[2Jb␛]52;c;ZXZpbA==␇c␀d\ne"
    assert has_control("x\x1b[0m") and has_control("\x9b") and not has_control("tab\tnew\nline\r\n")


# --- the CLI edge ----------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def notes_file(folder: Path, **changes: Any) -> Path:
    data = json.loads((SAMPLES / "en_thank_you.json").read_text(encoding="utf-8"))
    data.update(changes)
    path = folder / "notes.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_store_values_are_printed_safely_by_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    company = {"name": ESCAPES, "news": []}
    notes = notes_file(tmp_path, company=company, decision_timeline="within 2 weeks\x1b[2J")
    for args in (["track", str(notes)], ["apps"], ["due", "--today", "2026-12-20"]):
        code, out, err = run(capsys, *args)
        assert code == 0, err
        assert "Northwind␛[2J␛]0;pwned␇ Health" in out, args
        assert raw_controls(out + err) == [], args
    code, out, err = run(capsys, "draft", str(notes), "--backend", "offline", "--to", "Priya Raman")
    assert code in (0, 1) and "Priya" in out
    assert raw_controls(out + err) == []


def test_error_messages_are_printed_safely(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "draft", str(tmp_path / "no\x1b[2Jsuch.json"))
    assert code == 2 and out == "" and "no␛[2Jsuch.json: no such file" in err
    assert raw_controls(err) == []


def test_json_output_is_the_exact_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    person = {"name": "Priya\x9b\x1b Raman", "title": "Director"}
    notes = notes_file(tmp_path, interviewers=[person])
    code, out, _ = run(capsys, "draft", str(notes), "--backend", "offline", "--json")
    assert code in (0, 1)
    assert raw_controls(out.replace("\n", "")) == []
    assert json.loads(out)["recipient"] == "Priya\x9b\x1b Raman"


def test_a_model_reply_with_escapes_is_printed_safely(
    httpserver: HTTPServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    template = json.loads((FIXTURES / "ollama" / "chat.json").read_text(encoding="utf-8"))
    template["message"]["content"] = (
        "Subject: Thank you\x1b]52;c;ZXZpbA==\x07\n\nDear Priya,\x1b[2J\n\nThank you.\n\nBest,\nMaya Chen"
    )
    httpserver.expect_request("/api/chat", method="POST").respond_with_handler(
        lambda _r: Response(json.dumps(template) + "\n", content_type="application/x-ndjson")
    )
    monkeypatch.setenv("OLLAMA_HOST", httpserver.url_for("/").rstrip("/"))
    monkeypatch.setenv("AFTERWORD_CHECKS__REPAIR_ATTEMPTS", "0")
    code, out, err = run(
        capsys,
        "draft",
        str(SAMPLES / "en_thank_you.json"),
        "--backend",
        "ollama",
        "--model",
        "llama3.2",
        "--to",
        "Priya Raman",
    )
    assert code in (0, 1), err
    assert "Dear Priya," in out
    assert raw_controls(out + err) == []


def test_validate_flags_control_characters_with_the_field() -> None:
    data = json.loads((SAMPLES / "en_thank_you.json").read_text(encoding="utf-8"))
    data["interviewers"][1]["topics"] = ["data quality\x1b]0;x\x07"]
    data["position"] = "Senior Data Engineer\nwith a tab\tis fine"
    issues = [i for i in validate_notes(parse_notes(data)) if i.rule == "control-chars"]
    assert [(i.field, i.severity) for i in issues] == [("interviewers[1].topics[0]", "error")]
