"""Where a draft's greeting, content paragraphs and signature are, and what the lint knows of it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from afterword.checks.textutil import Block, blocks
from afterword.models import Interviewer, Issue, Notes, Person, Severity

if TYPE_CHECKING:
    from afterword.understand import Facts

SUBJECT = "subject"  # `Issue.field` of an issue whose offsets index the subject line, not the body


@cache
def terms() -> dict[str, Any]:
    """`data/lint_terms.json`: the lint's word lists."""
    return json.loads(files("afterword.checks").joinpath("data/lint_terms.json").read_text("utf-8"))


@cache
def pattern(key: str, language: str) -> re.Pattern[str]:
    """One regex over a word list of `lint_terms.json` (English ones start at a word start)."""
    entry = terms()[key]
    frags = entry.get(language, []) if isinstance(entry, dict) else entry
    if not frags:
        return re.compile(r"(?!x)x")
    prefix = r"(?<![A-Za-z])" if language == "en" else ""
    return re.compile(prefix + "(?:" + "|".join(frags) + ")", re.IGNORECASE)


def _greeting_end(body: str, first: Block, language: str) -> int | None:
    """End offset of the greeting or addressee block at the top, if any."""
    if language == "ja":
        pos = first.start
        for line in first.text.splitlines(keepends=True):
            if re.search(r"(様|さん|殿)\s*$", line.strip()):
                return pos + len(line.rstrip())
            pos += len(line)
        return None
    line = first.text.splitlines()[0]
    short = line.rstrip().endswith((",", ":", "!")) or len(line.split()) <= 4
    if re.match(terms()["greeting"]["en"], line.strip(), re.IGNORECASE) and short:
        return first.start + len(line)
    return None


def _signature_start(body: str, bl: list[Block], language: str, sender: str) -> int | None:
    """Start offset of the sign-off (closing line + name) or signature block at the end."""
    if language == "en":
        closing = re.compile(terms()["closing"]["en"], re.IGNORECASE)
        for b in reversed(bl[-2:]):
            pos = b.start
            for line in b.text.splitlines(keepends=True):
                if closing.match(line.strip()) and len(line.strip()) <= 40:
                    return pos
                pos += len(line)
    names = {sender, sender.replace(" ", ""), *sender.split()}
    last = bl[-1]
    short = all(len(ln) <= 60 for ln in last.lines)
    if short and any(n and n in last.text for n in names):
        return last.start
    return None


@dataclass
class Layout:
    """The draft's parts: greeting span, content span and paragraphs, signature span."""

    greeting: tuple[int, int] | None
    content: tuple[int, int]
    signature: tuple[int, int] | None
    paragraphs: list[Block] = field(default_factory=list)


def layout(body: str, language: str, sender: str) -> Layout:
    """Split the body into greeting, content paragraphs and signature."""
    bl = blocks(body)
    if not bl:
        return Layout(None, (0, 0), None, [])
    g_end = _greeting_end(body, bl[0], language)
    s_start = _signature_start(body, bl, language, sender) if len(bl) > 1 else None
    start = g_end if g_end is not None else 0
    end = s_start if s_start is not None and s_start > start else len(body)
    paras = []
    for b in bl:
        s, e = max(b.start, start), min(b.end, end)
        chunk = body[s:e]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            paras.append(Block(s + lead, s + len(chunk.rstrip()), chunk.strip()))
    greeting = (bl[0].start, g_end) if g_end is not None else None
    signature = (s_start, bl[-1].end) if s_start is not None and s_start > start else None
    return Layout(greeting, (start, end), signature, paras)


def understood(notes: Notes, person: Person | Interviewer) -> Facts:
    """`understand(notes, person)`, remembered for the same notes and person: the checks run on
    every edit, the notes change far less often."""
    return _understood(notes.model_dump_json(), person.name)


@lru_cache(maxsize=32)
def _understood(notes_json: str, name: str) -> Facts:
    from afterword.understand import understand

    notes = Notes.model_validate_json(notes_json)
    return understand(notes, notes.recipient(name))


@dataclass
class Ctx:
    """Everything a lint rule may look at."""

    subject: str
    body: str
    language: str
    notes: Notes | None
    scenario: str | None
    channel: str
    recipient: Person | Interviewer | None
    lay: Layout
    issues: list[Issue] = field(default_factory=list)

    @property
    def role(self) -> str | None:
        return self.notes.sender_role if self.notes else None

    @property
    def content(self) -> str:
        return self.body[self.lay.content[0] : self.lay.content[1]]

    @cached_property
    def facts(self) -> list[Facts]:
        """The notes as understood for each person the draft may go to (issue 8's facts: topics,
        skills, feedback in the recipient-side wording a composer or a model uses)."""
        if self.notes is None:
            return []
        people = [self.recipient] if self.recipient else self.notes.recipients()
        return [understood(self.notes, person) for person in people]

    def add(
        self,
        rule: str,
        message: str,
        offset: int = 0,
        length: int = 0,
        severity: Severity = "warning",
        replacements: list[str] | None = None,
        part: str | None = None,
    ) -> None:
        """Record an issue; `part="subject"` when its offsets index the subject line."""
        self.issues.append(
            Issue(
                source="guidance",
                rule=rule,
                message=message,
                offset=offset,
                length=length,
                replacements=replacements or [],
                severity=severity,
                field=part,
            )
        )
