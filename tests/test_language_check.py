"""A draft in the other language than the notes' is flagged (a model that answered in English)."""

from __future__ import annotations

import pytest
from conftest import SAMPLES

from afterword.checks import check_draft, check_text
from afterword.models import load_notes

EN = load_notes(SAMPLES / "en_thank_you.json")
JA = load_notes(SAMPLES / "ja_thank_you.json")
EN_BODY = ("Dear Priya,\n\nThank you for talking with me about the claims pipeline and the on-call "
           "rotation.\n\nBest regards,\nMaya Chen")  # fmt: skip
JA_BODY = (
    "田中様\n\nお世話になっております。本日は面接の機会をいただき、誠にありがとうございました。\n\n"
    "よろしくお願いいたします。"
)


def language_rules(subject: str, body: str, notes=EN) -> list[str]:  # type: ignore[no-untyped-def]
    report = check_draft(subject, body, language=notes.language, notes=notes)
    return [i.message for i in report.issues if i.rule == "language"]


def test_an_english_reply_to_japanese_notes_is_a_warning() -> None:
    messages = language_rules("Thank you", EN_BODY, JA)
    assert messages == [
        "This draft is written in English, but the notes are in Japanese — write it in "
        "Japanese, or change the notes' `language`."
    ]
    report = check_draft("Thank you", EN_BODY, language="ja", notes=JA)
    assert {i.severity for i in report.issues if i.rule == "language"} == {"warning"}


def test_a_japanese_reply_to_english_notes_is_a_warning() -> None:
    assert language_rules("面接のお礼", JA_BODY, EN) == [
        "This draft is written in Japanese, but the notes are in English — write it in English, "
        "or change the notes' `language`."]  # fmt: skip


@pytest.mark.parametrize(("subject", "body", "notes"), [
    ("Thank you", EN_BODY, EN),
    ("面接のお礼", JA_BODY, JA),
    ("Thank you", EN_BODY.replace("Dear Priya", "Dear 田中 美咲様"), EN),  # a name in kanji
    ("面接のお礼", JA_BODY + "\nKubernetes と Terraform の移行についてのお話が印象に残りました。", JA),
    ("", "OK", JA),  # too short to judge
])  # fmt: skip
def test_the_right_language_is_not_flagged(subject: str, body: str, notes) -> None:  # type: ignore[no-untyped-def]
    assert language_rules(subject, body, notes) == []


def test_check_with_a_language_flags_a_draft_in_the_other_one() -> None:
    report = check_text("Subject: Thank you\n\n" + EN_BODY, language="ja")
    assert [i.rule for i in report.issues if i.rule == "language"] == ["language"]
