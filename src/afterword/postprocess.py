"""Clean a model's raw output into (subject, body): no preamble, no commentary, names as in the notes."""

from __future__ import annotations

import re
from collections.abc import Sequence

_SUBJECT = re.compile(r"^\s*(?:\*\*)?(?:subject|件名)(?:\*\*)?\s*[:：]\s*(?:\*\*)?(.*?)(?:\*\*)?\s*$", re.I)
_PREAMBLE = re.compile(
    r"^\s*(?:(?:sure|certainly|of course|okay|ok)\b.*|here(?:'s| is| are)\b.*|"
    r"(?:以下|こちら)(?:は|が|に).*(?:です|ます)?[。:：]?)\s*$",
    re.I,
)
_TRAILER = re.compile(
    r"^\s*(?:\(?note\b|notes?:|i hope this (?:helps|works)|let me know\b|feel free to (?:adjust|modify)|"
    r"this (?:email|draft|message) (?:is|keeps|uses|follows)|※|ご参考|必要に応じて)",
    re.I,
)
_FENCE = re.compile(r"^\s*```\w*\s*$")


def split_subject(text: str) -> tuple[str, str]:
    """Split off the `Subject:` line (anywhere in the first lines); return (subject, rest)."""
    lines = text.strip("\n").splitlines()
    for i, line in enumerate(lines[:6]):
        m = _SUBJECT.match(line)
        if m:
            return m.group(1).strip(), "\n".join(lines[:i] + lines[i + 1 :])
    return "", "\n".join(lines)


def _trim(lines: list[str]) -> list[str]:
    while lines and (not lines[0].strip() or _PREAMBLE.match(lines[0]) or _FENCE.match(lines[0])):
        lines = lines[1:]
    for i, line in enumerate(lines):
        if _TRAILER.match(line) and i > 0:
            lines = lines[:i]
            break
    while lines and (not lines[-1].strip() or _FENCE.match(lines[-1])):
        lines = lines[:-1]
    return lines


def fix_names(text: str, names: list[str]) -> str:
    """Write each known name exactly as the notes spell it (case and spacing)."""
    for name in sorted(set(filter(None, names)), key=len, reverse=True):
        pattern = r"\s+".join(re.escape(part) for part in name.split())
        text = re.sub(rf"(?<!\w){pattern}(?!\w)", name, text, flags=re.I)
    return text


def clean(raw: str, names: Sequence[str] = ()) -> tuple[str, str]:
    """Subject and body from raw model output."""
    lines = _trim(raw.replace("\r\n", "\n").splitlines())
    subject, rest = split_subject("\n".join(lines))
    body = "\n".join(_trim(rest.splitlines()))
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    return fix_names(subject, list(names)), fix_names(body, list(names))
