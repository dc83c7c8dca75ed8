"""Post-processing of model output: subject split, preamble and commentary stripped, names fixed."""

from __future__ import annotations

from afterword.postprocess import clean


def test_preamble_subject_and_trailing_commentary_are_removed() -> None:
    raw = (
        "Sure! Here is your email:\n\n**Subject:** Thank you, Priya\n\nDear Priya Raman,\n\n"
        "Thank you for the conversation.\n\nBest regards,\nMaya Chen\n\n"
        "Note: I kept it short as requested."
    )
    subject, body = clean(raw, ["Priya Raman", "Maya Chen"])
    assert subject == "Thank you, Priya"
    assert body.startswith("Dear Priya Raman,")
    assert body.endswith("Maya Chen")
    assert "Note" not in body and "Sure" not in body


def test_names_are_written_as_in_the_notes() -> None:
    _, body = clean("Subject: Hi\n\nDear priya  raman,\nThanks from maya chen", ["Priya Raman", "Maya Chen"])
    assert "Dear Priya Raman," in body and "Maya Chen" in body


def test_code_fences_and_japanese_subject() -> None:
    raw = "以下はメールの文面です。\n```\n件名：面接のお礼\n\n田中様\n\nお世話になっております。\n```"
    subject, body = clean(raw)
    assert subject == "面接のお礼"
    assert body == "田中様\n\nお世話になっております。"


def test_text_without_subject_keeps_body() -> None:
    assert clean("Hello there.\n\nThanks!") == ("", "Hello there.\n\nThanks!")
