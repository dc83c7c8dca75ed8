"""Checks on a draft: grammar/typos, guidance lint, grounding in the notes and stock phrasing.

All return `Issue`s whose offsets index the draft body; `check_draft` merges them by offset.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from afterword.checks.grounding import grounding_issues
from afterword.checks.language import language_issues
from afterword.checks.lint import lint
from afterword.checks.stock import stock_issues
from afterword.checks.textutil import is_japanese
from afterword.models import Issue, Notes

if TYPE_CHECKING:
    from afterword.checks.grammar import GrammarChecker

DUPLICATE_RATIO = 0.85
SUBJECT_LINE = re.compile(r"\A\s*(?:Subject|件名)\s*[:：]\s*(.*?)[ \t]*(?:\n[ \t]*\n?|\Z)")


@dataclass
class CheckReport:
    """Which grammar checker ran (`none` when none did) and every issue, sorted by offset."""

    checker: str
    issues: list[Issue]

    @property
    def has_errors(self) -> bool:
        return any(i.severity == "error" for i in self.issues)


def detect_language(text: str) -> str:
    """`ja` when the text has Japanese characters, else `en`."""
    return "ja" if is_japanese(text) else "en"


def _merge(guidance: list[Issue]) -> list[Issue]:
    """Drop a grounding issue on the span of a more specific one (a misspelled greeting name)."""
    spans = {(i.offset, i.length) for i in guidance if i.rule != "grounding" and i.length}
    return [i for i in guidance if i.rule != "grounding" or (i.offset, i.length) not in spans]


def check_draft(
    subject: str,
    body: str,
    *,
    language: str,
    notes: Notes | None = None,
    scenario: str | None = None,
    channel: str = "email",
    grammar: GrammarChecker | None = None,
    recipient: str | None = None,
) -> CheckReport:
    """Grammar (when a checker is given), guidance lint, grounding and stock phrases."""
    person = None
    if notes is not None and recipient is not None:
        person = notes.recipient(recipient)
    issues = lint(subject, body, language=language, notes=notes, scenario=scenario,
                  channel=channel, recipient=person)
    if notes is not None:
        issues += grounding_issues(subject, body, notes, language)
    issues += stock_issues(body, language)
    issues += language_issues(subject, body, language)
    issues = _merge(issues)
    checker = "none"
    if grammar is not None:
        from afterword.checks.grammar import vocabulary_from_notes

        vocabulary = vocabulary_from_notes(notes) if notes else []
        role = notes.sender_role if notes else "candidate"
        issues += grammar.check(body, language, vocabulary, role=role)
        checker = grammar.name
    issues.sort(key=lambda i: (i.offset, i.source != "guidance", i.rule))
    return CheckReport(checker, issues)


def split_subject(text: str) -> tuple[str, str]:
    """(subject, body) of text that may start with a `Subject:` (or `件名：`) line."""
    m = SUBJECT_LINE.match(text)
    return (m.group(1).strip(), text[m.end() :]) if m else ("", text)


def check_text(
    text: str,
    *,
    language: str | None = None,
    notes: Notes | None = None,
    grammar: GrammarChecker | None = None,
    scenario: str | None = None,
    channel: str = "email",
) -> CheckReport:
    """Check free text; a leading `Subject:` line is split off and offsets index the body."""
    subject, body = split_subject(text)
    lang = language or (notes.language if notes else detect_language(text))
    return check_draft(subject, body, language=lang, notes=notes, scenario=scenario,
                       channel=channel, grammar=grammar)


def _tokens(body: str) -> list[str]:
    return re.findall(r"\w+", body.lower()) if not is_japanese(body) else list(body)


def duplicate_issues(bodies: list[str]) -> list[list[Issue]]:
    """Per draft, a warning when it nearly repeats an earlier one (one note per interviewer)."""
    tokens = [_tokens(b) for b in bodies]
    out: list[list[Issue]] = [[] for _ in bodies]
    for j in range(1, len(bodies)):
        for i in range(j):
            ratio = difflib.SequenceMatcher(None, tokens[i], tokens[j], autojunk=False).ratio()
            if ratio >= DUPLICATE_RATIO:
                out[j].append(Issue(
                    source="guidance", rule="duplicate", severity="warning",
                    message=f"This draft is {ratio:.0%} the same as draft {i + 1}; interviewers "
                    "compare notes — make each one personal (GUIDANCE C2: specifics per person).",
                ))
                break
    return out
