"""Company-news tone (GUIDANCE C5). (Instruction-like text: `checks.injection`.)

Word lists live in `data/news_terms.json` (regex fragments per language), so they can grow
without code changes. Anything that names trouble is negative, even next to good news.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files
from typing import Literal

NewsTone = Literal["negative", "positive", "neutral"]


def _compile(fragments: list[str], *, word_start: bool) -> re.Pattern[str]:
    prefix = r"(?<![A-Za-z])" if word_start else ""
    return re.compile(prefix + "(?:" + "|".join(fragments) + ")", re.IGNORECASE)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = json.loads(files("afterword.checks").joinpath("data/news_terms.json").read_text("utf-8"))
    return {
        "negative": re.compile(
            f"{_compile(data['en']['negative'], word_start=True).pattern}"
            f"|{_compile(data['ja']['negative'], word_start=False).pattern}",
            re.IGNORECASE,
        ),
        "positive": re.compile(
            f"{_compile(data['en']['positive'], word_start=True).pattern}"
            f"|{_compile(data['ja']['positive'], word_start=False).pattern}",
            re.IGNORECASE,
        ),
        "strong": re.compile(
            f"{_compile(data['en']['strong'], word_start=True).pattern}"
            f"|{_compile(data['ja']['strong'], word_start=False).pattern}",
            re.IGNORECASE,
        ),
    }


def classify_news(text: str) -> NewsTone:
    """`negative` if the headline names any trouble (C5), else `positive` or `neutral`."""
    pats = _patterns()
    if pats["negative"].search(text):
        return "negative"
    if pats["positive"].search(text):
        return "positive"
    return "neutral"


def trouble_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of unmistakable trouble words (lawsuit, layoffs, 不祥事…) in a draft."""
    return [m.span() for m in _patterns()["strong"].finditer(text)]
