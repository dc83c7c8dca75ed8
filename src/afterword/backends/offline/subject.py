"""Subject lines that fit an inbox: a phrase too long for the lint's limit (GUIDANCE C3, the
`subject` rule of `checks.lint`) is shortened by rule — the position loses its parenthesis and
what follows a dash or comma, the company its legal form — and, when that is not enough, the
scenario's `…subject_short` phrase, which names no position or company. Nothing is cut mid-word."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from afterword.prompts import Phrases

LIMIT = {"en": 70, "ja": 40}
"""Characters the lint allows in a subject line (`checks.lint.rule_subject`)."""

_PAREN = re.compile(r"\s*[(（][^)）]*[)）]")
_TAIL = re.compile(r"\s+[-–—|/]\s+.*$|\s*[,、]\s+.*$")
_LEGAL = re.compile(r"^(?:株式会社|有限会社|合同会社)\s*|\s*(?:株式会社|有限会社|合同会社)$|"
                    r",?\s+(?:Inc\.?|Ltd\.?|LLC|GmbH|Co\.,? Ltd\.?|Corp\.?|K\.K\.)$")


def shorter_titles(title: str) -> list[str]:
    """Shorter forms of a job title, longest first, each a whole phrase: "Senior Engineer
    (Payments) - Remote" → ["Senior Engineer - Remote", "Senior Engineer"]."""
    bare = _PAREN.sub("", title).strip()
    forms = [bare, _TAIL.sub("", bare).strip()]
    return [f for f in dict.fromkeys(forms) if f and f != title]


def shorter_company(name: str) -> list[str]:
    """The company without its legal form ("株式会社フィンテラ" → "フィンテラ"), when it has one."""
    short = _LEGAL.sub("", name).strip()
    return [short] if short and short != name else []


def fit_subject(
    p: Phrases,
    key: str,
    tone: str | None,
    values: Mapping[str, str],
    limit: int,
    shorter: Iterable[Mapping[str, str]] = (),
) -> str:
    """The subject at `key` with `values`; if longer than `limit`, with each of the `shorter`
    value sets in turn (each overrides some values); else the phrase at `{key}_short`."""
    for override in ({}, *shorter):
        line = p.say(key, tone, **{**values, **override})
        if len(line) <= limit:
            return line
    return p.say(f"{key}_short", tone, **values)
