"""What the Japanese rule modules share: the token, the issue constructor, rule data and examples.

Rule data lives in TOML files in `checks/data/` (`*_ja.toml`), one per rule module. Every rule
entry carries its own examples, LanguageTool-style: `wrong` sentences with the flagged span
marked `[span>fix]` (or `[span]`), `right` (the corrected sentences) and `ok` (known false-alarm
cases). A test runs them all.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from afterword.models import Issue, Severity

_SEVERITIES: dict[str, Severity] = {"error": "error", "warning": "warning", "info": "info"}


@dataclass(frozen=True, slots=True)
class JTok:
    """One morpheme with its offset in the checked text (IPADIC fields, as janome gives them)."""

    surface: str
    pos: str  # 品詞 (first field)
    pos_detail: str  # 品詞細分類1
    infl_type: str
    infl_form: str
    base: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.surface)


@dataclass(frozen=True, slots=True)
class Context:
    """Who writes and how: `role` decides 弊社/貴社, `medium` (None when unknown) 御社/貴社."""

    role: str = "candidate"
    medium: str | None = None


def issue(
    rule: str,
    message: str,
    start: int,
    end: int,
    fixes: list[str] | None = None,
    severity: Severity = "error",
    source: str = "grammar",
) -> Issue:
    return Issue(source=source, rule=rule, message=message, offset=start, length=end - start,  # type: ignore[arg-type]
                 replacements=fixes or [], severity=severity)  # fmt: skip


def severity(value: str) -> Severity:
    """A severity name from a data file, checked."""
    if value not in _SEVERITIES:
        raise ValueError(f"unknown severity {value!r}")
    return _SEVERITIES[value]


@cache
def rule_data(name: str) -> dict[str, Any]:
    """The parsed TOML rule file `checks/data/{name}`."""
    return tomllib.loads(files("afterword.checks").joinpath(f"data/{name}").read_text("utf-8"))


_SENTENCE = re.compile(r"[^。！？!?\n]++[。！？!?]*+")  # possessive: linear time


def sentences(text: str) -> Iterator[re.Match[str]]:
    """Sentences of `text` (up to and including their end mark, or a line end), in linear time."""
    return _SENTENCE.finditer(text)


_MARK = re.compile(r"\[([^\[\]>]+)(?:>([^\[\]]*))?\]")


@dataclass(frozen=True, slots=True)
class Example:
    """A rule example: the plain text, and for a wrong one the marked span and the expected fix."""

    text: str
    span: tuple[int, int] | None = None
    fix: str | None = None
    role: str = "candidate"
    medium: str | None = None


def parse_example(raw: str | dict[str, Any], role: str = "candidate", medium: str | None = None) -> Example:
    """`'…[wrong>fix]…'` (or a table with `text`, `role`, `medium`) → an `Example`."""
    if isinstance(raw, dict):
        role, medium, raw = raw.get("role", role), raw.get("medium", medium), raw["text"]
    assert isinstance(raw, str)
    m = _MARK.search(raw)
    if m is None:
        return Example(raw, role=role, medium=medium)
    text = raw[: m.start()] + m.group(1) + raw[m.end() :]
    return Example(text, (m.start(), m.start() + len(m.group(1))), m.group(2), role, medium)
