"""Post-processing of model output: subject split, preamble and commentary stripped, names fixed."""

from __future__ import annotations

import pytest

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


def test_names_inside_email_addresses_and_links_stay_as_written() -> None:
    raw = ("Subject: Thanks, talentbridge\n\nDear Natalie,\nthanks from all of us at talentbridge.\n\n"
           "Reach me at natalie@talentbridge.io or https://talentbridge.io/jobs.\nMaya Chen")
    subject, body = clean(raw, ["TalentBridge", "Maya Chen"])
    assert subject == "Thanks, TalentBridge"
    assert "all of us at TalentBridge." in body
    assert "natalie@talentbridge.io" in body and "https://talentbridge.io/jobs" in body


def test_code_fences_and_japanese_subject() -> None:
    raw = "以下はメールの文面です。\n```\n件名：面接のお礼\n\n田中様\n\nお世話になっております。\n```"
    subject, body = clean(raw)
    assert subject == "面接のお礼"
    assert body == "田中様\n\nお世話になっております。"


def test_text_without_subject_keeps_body() -> None:
    assert clean("Hello there.\n\nThanks!") == ("", "Hello there.\n\nThanks!")


# Shapes chat models wrap an e-mail in (llama3.x, qwen2.5, gemma style; the issue quotes the first
# ones). Written for these tests, not captured from a server: none runs here.
EN_BODY = (
    "Dear Priya,\n\nThank you for the conversation about the claims pipeline.\n\nBest regards,\nMaya Chen"
)
JA_BODY = "\n\n".join(
    ["田中様", "お世話になっております。本日はありがとうございました。", "よろしくお願いいたします。\nマヤ"]
)
S, B = "Subject: Thank you, Priya\n\n", EN_BODY
JA_S = "件名：面接のお礼\n\n"
EN_SHAPES = [  # each cleans to ("Thank you, Priya", EN_BODY)
    "Absolutely, here's a draft you can send:\n\n" + S + B,
    "Sure! Here is a warm follow-up email:\n\n**Subject:** Thank you, Priya\n\n" + B,
    "Certainly! Below is the email.\n---\n**Subject: Thank you, Priya**\n---\n" + B,
    "Here’s a concise version:\n\n# Subject: Thank you, Priya\n\n" + B,
    "I'd be happy to help! Here's the note.\n\n## Subject Line: Thank you, Priya\n\n" + B,
    S + S + B,
    S + B.replace("\n\nBest", "\n\nSubject: Follow-up\n\nBest"),
    "Subject: *Thank you, Priya*\n\n" + B + "\n\nLet me know if you'd like me to adjust the tone!",
    S + B + "\nFeel free to customize the closing.",
    S + B + "\n\n---\n\nThis email keeps it short and specific.\nI hope this helps!",
    ("\ufeff" + S + B).replace("\n", "\r\n"),
]
JA_SHAPES = [  # each cleans to ("面接のお礼", JA_BODY)
    "以下のようなメールはいかがでしょうか。\n\n" + JA_S + JA_BODY,
    "承知いたしました。面接のお礼メールを作成しました。\n\n**件名：** 面接のお礼\n\n" + JA_BODY
    + "\n\nご参考になれば幸いです。",
    "【件名】面接のお礼\n\n" + JA_BODY + "\n\n※必要に応じて日付を修正してください。",
    "はい、以下が文面です。\n```\n" + JA_S + JA_BODY + "\n```\nこのような内容でいかがでしょうか。",
]
SHAPES = [(raw, "Thank you, Priya", EN_BODY) for raw in EN_SHAPES]
SHAPES += [(raw, "面接のお礼", JA_BODY) for raw in JA_SHAPES]


@pytest.mark.parametrize(("raw", "subject", "body"), SHAPES, ids=[f"shape-{i}" for i in range(len(SHAPES))])
def test_real_shapes_are_cleaned(raw: str, subject: str, body: str) -> None:
    assert clean(raw) == (subject, body)


def test_words_inside_the_email_that_look_like_commentary_stay() -> None:
    body = ("Dear Priya,\n\nThank you for your time.\nLet me know if you need anything else from me.\n"
            "Best regards,\nMaya Chen")  # fmt: skip
    assert clean("Subject: Thanks\n\n" + body) == ("Thanks", body)
    body = "Dear Priya,\n\nHere is the summary you asked for: 40 minutes.\n\nBest,\nMaya"
    assert clean("Subject: Thanks\n\n" + body) == ("Thanks", body)


def test_control_characters_never_reach_the_draft() -> None:
    subject, body = clean("Subject: Hi\x1b]52;c;ZXZpbA==\x07\n\nDear Priya,\x1b[2J\x00\n\nThanks")
    assert subject == "Hi]52;c;ZXZpbA==" and body == "Dear Priya,[2J\n\nThanks"
