"""Hand-written drafts for the sample notes (tests/data/drafts), used by the check tests."""

from __future__ import annotations

from pathlib import Path

DRAFTS = Path(__file__).parent / "data" / "drafts"


def load(name: str) -> tuple[str, str]:
    """(subject, body) of a draft file: a `Subject:` line, a blank line, the body."""
    head, _, body = (DRAFTS / name).read_text("utf-8").rstrip("\n").partition("\n\n")
    return head.removeprefix("Subject: "), body


EN_SUBJECT, EN_BODY = load("en_thank_you.txt")
JA_SUBJECT, JA_BODY = load("ja_thank_you.txt")
