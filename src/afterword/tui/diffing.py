"""Word-level differences between two drafts (difflib), as plain segments for any renderer."""

from __future__ import annotations

import difflib
import re
from typing import Literal

Kind = Literal["same", "added", "removed"]
_TOKENS = re.compile(r"\s+|[^\s]+")


def tokens(text: str) -> list[str]:
    """Words and the whitespace between them (Japanese text falls back to characters)."""
    parts = _TOKENS.findall(text)
    if len(parts) < 4 and len(text) > 40:
        return list(text)
    return parts


def word_diff(base: str, other: str) -> list[tuple[Kind, str]]:
    """Segments of `other` marked `same` or `added`, with `removed` segments of `base` between."""
    a, b = tokens(base), tokens(other)
    out: list[tuple[Kind, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("same", "".join(b[j1:j2])))
            continue
        if op in ("delete", "replace"):
            out.append(("removed", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            out.append(("added", "".join(b[j1:j2])))
    return out


def similarity(base: str, other: str) -> float:
    """How much two drafts share, 0–1, by words."""
    return difflib.SequenceMatcher(None, tokens(base), tokens(other), autojunk=False).ratio()
