"""Look up the GUIDANCE line a check's rule id cites (`C5-news` → the C5 line)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_RULE_LINE = re.compile(r"^- ([TCA]\d+) (.+)$")
_RULE_ID = re.compile(r"^([TCA]\d+)\b")


@cache
def rules() -> dict[str, str]:
    """Rule id → its GUIDANCE text (continuation lines joined)."""
    text = resources.files("afterword.tui").joinpath("guidance.md").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    current: str | None = None
    for line in text.splitlines():
        m = _RULE_LINE.match(line)
        if m:
            current = m.group(1)
            out[current] = m.group(2).strip()
        elif current and line.startswith("  ") and line.strip():
            out[current] += " " + line.strip()
        else:
            current = None
    return out


_CITED = re.compile(r"GUIDANCE ([TCA]\d+)")


def explain(rule: str, message: str = "") -> str | None:
    """`C5 Reference recent company news…` for a rule id (or message) citing GUIDANCE, else None."""
    m = _RULE_ID.match(rule) or _CITED.search(message)
    if not m:
        return None
    text = rules().get(m.group(1))
    return f"{m.group(1)} {text}" if text else None
