"""Export: .eml / .txt / notes JSON files, mailto: links and the system clipboard."""

from __future__ import annotations

import email
import email.policy
import json
import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from afterword.errors import AfterwordError
from afterword.export import (
    copy_with_pyperclip,
    mailto_url,
    write_eml,
    write_notes_json,
    write_txt,
)
from afterword.models import Draft, load_notes

SAMPLES = Path(__file__).resolve().parents[1] / "sample_data"


def _draft(recipient: str, language: str = "en", subject: str = "Thank you", body: str = "") -> Draft:
    return Draft(
        subject=subject,
        body=body or "Dear Priya,\n\nThank you for the conversation.\n\nBest regards,\nMaya Chen",
        scenario="thank-you",
        tone="warm",
        language=language,  # type: ignore[arg-type]
        backend="offline",
        recipient=recipient,
    )


def test_eml_has_recipient_sender_subject_and_body(tmp_path: Path) -> None:
    notes = load_notes(SAMPLES / "en_thank_you.json")
    path = write_eml(_draft("Priya Raman"), notes, tmp_path / "out.eml")
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert msg["To"] == "Priya Raman <priya.raman@northwindhealth.com>"
    assert msg["From"] == "Maya Chen <maya.chen@fastmail.com>"
    assert msg["Subject"] == "Thank you"
    assert "Thank you for the conversation." in msg.get_content()


def test_eml_japanese_round_trips_in_utf8(tmp_path: Path) -> None:
    notes = load_notes(SAMPLES / "ja_thank_you.json")
    person = notes.recipients()[0]
    body = f"{person.name}様\n\nお世話になっております。本日はありがとうございました。\n"
    draft = _draft(person.name, "ja", "面接のお礼", body)
    path = write_eml(draft, notes, tmp_path / "ja.eml")
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert msg["Subject"] == "面接のお礼"
    assert msg.get_content_charset() == "utf-8"
    assert "お世話になっております。" in msg.get_content()


def test_eml_without_known_address_omits_to(tmp_path: Path) -> None:
    notes = load_notes(SAMPLES / "en_thank_you.json")
    path = write_eml(_draft("Someone Else"), notes, tmp_path / "x.eml")
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert msg["To"] is None
    assert msg["Subject"] == "Thank you"


def test_txt_is_the_printed_draft(tmp_path: Path) -> None:
    path = write_txt(_draft("Priya Raman"), tmp_path / "sub" / "draft.txt")
    assert path.read_text(encoding="utf-8").startswith("Subject: Thank you\n\nDear Priya,")


def test_writes_are_atomic_and_leave_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "draft.txt"
    target.write_text("old")
    write_txt(_draft("Priya Raman"), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]
    assert "Dear Priya" in target.read_text()


def test_unwritable_folder_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(AfterwordError) as info:
        write_txt(_draft("Priya Raman"), blocker / "draft.txt")
    assert str(blocker / "draft.txt") in info.value.message


def test_notes_json_round_trips(tmp_path: Path) -> None:
    data = json.loads((SAMPLES / "ja_thank_you.json").read_text(encoding="utf-8"))
    path = write_notes_json(data, tmp_path / "notes.json")
    assert json.loads(path.read_text(encoding="utf-8")) == data
    assert load_notes(path).company.name


def test_mailto_encodes_subject_body_and_recipient() -> None:
    notes = load_notes(SAMPLES / "en_thank_you.json")
    url = mailto_url(_draft("Priya Raman", subject="Thanks & next steps"), notes)
    parts = urlparse(url)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "priya.raman@northwindhealth.com"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Thanks & next steps"]
    assert query["body"][0].startswith("Dear Priya,\r\n\r\nThank you")


def test_clipboard_never_claims_a_failed_copy(tmp_path: Path) -> None:
    """With no clipboard tool on PATH, pyperclip fails and we say so."""
    old = os.environ["PATH"]
    os.environ["PATH"] = str(tmp_path)
    try:
        worked, message = copy_with_pyperclip("hello")
    finally:
        os.environ["PATH"] = old
    assert not worked
    assert "not available" in message or "failed" in message

