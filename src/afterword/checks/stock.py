"""Stock phrasing: filler that makes a note read as machine-written, with a plainer alternative."""

from __future__ import annotations

import re
from functools import cache

from afterword.checks.textutil import data_lines
from afterword.models import Issue

RULE = "stock-phrase"


@cache
def _table(language: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation over the language's phrases (longest first) and phrase → alternative."""
    pairs: dict[str, str] = {}
    for line in data_lines(f"stock_{language}.txt"):
        phrase, _, alt = line.partition("=>")
        pairs[phrase.strip().casefold()] = alt.strip()
    parts = []
    for phrase in sorted(pairs, key=len, reverse=True):
        body = re.escape(phrase).replace(r"\ ", r"\s+").replace("'", "['’]")
        if language == "en":
            body = rf"{body}(?![A-Za-z])"
        # A phrase that is simply dropped takes its punctuation and following space with it.
        tail = r"(?:[.,!]\s*)?" if not pairs[phrase] else ""
        parts.append(f"(?:{body}){tail}")
    prefix = r"(?<![A-Za-z])" if language == "en" else ""
    return re.compile(prefix + "(?:" + "|".join(parts) + ")", re.IGNORECASE), pairs


def _match_case(found: str, alt: str) -> str:
    return alt[:1].upper() + alt[1:] if alt and found[:1].isupper() else alt


def stock_issues(body: str, language: str) -> list[Issue]:
    """A warning per stock phrase in the body, with the alternative as the replacement."""
    pattern, pairs = _table("ja" if language == "ja" else "en")
    issues = []
    for m in pattern.finditer(body):
        found = m.group(0)
        key = re.sub(r"\s+", " ", found.rstrip(".,! \n").replace("’", "'")).casefold()
        alt = pairs.get(key, "")
        what = f"use “{alt}”" if alt else "leave it out"
        issues.append(
            Issue(
                source="guidance",
                rule=RULE,
                message=f"“{found.strip()}” is a stock phrase; {what} — filler makes a note "
                "read as machine-written (GUIDANCE C3: be concise and specific).",
                offset=m.start(),
                length=len(found),
                replacements=[_match_case(found, alt)],
                severity="warning",
            )
        )
    return issues
