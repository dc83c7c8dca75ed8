"""What the Japanese rule modules share: the token, the issue constructor, rule data and examples.

Rule data lives in TOML files in `checks/data/` (`*_ja.toml`), one per rule module. Every rule
entry carries its own examples, LanguageTool-style: `wrong` sentences with the flagged span
marked `[span>fix]` (or `[span]`), `right` (the corrected sentences) and `ok` (known false-alarm
cases); an example may be a table `{ text, role, medium }`. tests/test_grammar_ja_rules.py runs
them all.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Iterable, Iterator
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


class Spans:
    """Sorted character spans, asked in O(log n) whether they overlap or cover a range."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._reach: list[int] = []  # the furthest end among the spans up to each index
        for _, b in ordered:
            self._reach.append(max(b, self._reach[-1]) if self._reach else b)

    def _furthest(self, start_before: int) -> int:
        k = bisect.bisect_left(self._starts, start_before) - 1
        return self._reach[k] if k >= 0 else -1

    def overlaps(self, start: int, end: int) -> bool:
        return self._furthest(end) > start

    def covers(self, start: int, end: int) -> bool:
        return self._furthest(start + 1) >= end
