"""Language check: a draft written mostly in the other language than the notes' (a model that
answered Japanese notes in English, or the reverse)."""

from __future__ import annotations

import re

from afterword.checks.textutil import JA_CHAR
from afterword.models import Issue

RULE = "language"
LATIN = re.compile(r"[A-Za-z]")
MIN_LETTERS = 20
"""Shorter text says too little about its language to judge."""
NAMES = {"en": "English", "ja": "Japanese"}


def japanese_share(text: str) -> float | None:
    """The share of Japanese characters among Japanese characters and Latin letters (None when too few).

    A Japanese e-mail that names a product in English is still mostly Japanese characters, and an
    English one that writes a name in kanji mostly Latin letters.
    """
    ja = len(JA_CHAR.findall(text))
    latin = len(LATIN.findall(text))
    if ja + latin < MIN_LETTERS:
        return None
    return ja / (ja + latin)


def language_issues(subject: str, body: str, language: str) -> list[Issue]:
    """A warning when most of the draft is in the other language than the notes'."""
    share = japanese_share(f"{subject}\n{body}")
    if share is None or language not in NAMES:
        return []
    written = "ja" if share > 0.5 else "en"
    if written == language:
        return []
    return [Issue(
        source="guidance", rule=RULE, severity="warning",
        message=f"This draft is written in {NAMES[written]}, but the notes are in {NAMES[language]} — "
        f"write it in {NAMES[language]}, or change the notes' `language`.",
    )]  # fmt: skip
