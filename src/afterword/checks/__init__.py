"""Checks on a draft: grammar/typos, guidance lint, grounding in the notes and stock phrasing.

`check_draft` takes the subject and body apart: offsets index the body, and an issue in the
subject has `field == "subject"` with offsets into the subject. `check_text` takes the draft as
written (a `Subject:` line, then the body) and its offsets index that text. Either way one span
gets one issue: when two checks flag the same words, the more specific one is kept.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from afterword.checks.grounding import grounding_issues
from afterword.checks.language import language_issues
from afterword.checks.layout import SUBJECT
from afterword.checks.lint import lint
from afterword.checks.stock import stock_issues
from afterword.checks.textutil import is_japanese
from afterword.models import Issue, Notes

if TYPE_CHECKING:
    from afterword.checks.grammar import GrammarChecker

__all__ = ["SUBJECT", "CheckReport", "check_draft", "check_text", "detect_language",
           "duplicate_issues", "one_per_span"]

DUPLICATE_RATIO = 0.85
SUBJECT_LINE = re.compile(
    r"\A\s*(?:Subject|件名)[ \t]*[:：][ \t]*([^\n]*)(?:\n[ \t]*(?=\n))?\n?", re.IGNORECASE
)
MAX_CLASH = 64  # issues starting inside one span that are compared with it (bounds the work)
SEVERITY_RANK = {"error": 2, "warning": 1, "info": 0}


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


def _same_words(a: Issue, b: Issue) -> bool:
    """Both flag the same words: their spans overlap by at least half of the longer one."""
    if a.field != b.field or not (a.length and b.length):
        return False
    overlap = min(a.offset + a.length, b.offset + b.length) - max(a.offset, b.offset)
    return overlap > 0 and 2 * overlap >= max(a.length, b.length)


def _specific(issue: Issue) -> tuple[bool, int, int, bool]:
    """Rank: with a fix, then more severe, then the narrower span, then a check that knows the notes."""
    return (bool(issue.replacements), SEVERITY_RANK[issue.severity], -issue.length,
            issue.source == "guidance")


def one_per_span(issues: list[Issue]) -> list[Issue]:
    """Keep one issue per span: of issues flagging the same words, the most specific one."""
    order = sorted(range(len(issues)), key=lambda k: (issues[k].field or "", issues[k].offset))
    clashes: dict[int, list[int]] = {}
    for n, a in enumerate(order):
        first = issues[a]
        for b in order[n + 1 : n + 1 + MAX_CLASH]:
            other = issues[b]
            if other.field != first.field or other.offset >= first.offset + first.length:
                break
            if _same_words(first, other):
                clashes.setdefault(a, []).append(b)
                clashes.setdefault(b, []).append(a)
    kept: set[int] = set()
    for k in sorted(range(len(issues)), key=lambda k: _specific(issues[k]), reverse=True):
        if not any(c in kept for c in clashes.get(k, ())):
            kept.add(k)
    return [issue for k, issue in enumerate(issues) if k in kept]


def _in_subject(issues: list[Issue]) -> list[Issue]:
    return [i.model_copy(update={"field": SUBJECT}) for i in issues]


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
    """Grammar (when a checker is given), guidance lint, grounding and stock phrases, on the
    body and the subject line alike; offsets index the body, or the subject for `field == "subject"`."""
    person = None
    if notes is not None and recipient is not None:
        person = notes.recipient(recipient)
    issues = lint(subject, body, language=language, notes=notes, scenario=scenario,
                  channel=channel, recipient=person)
    if notes is not None:
        issues += grounding_issues(body, notes, language)
        issues += _in_subject(grounding_issues(subject, notes, language, subject=True))
    issues += stock_issues(body, language) + _in_subject(stock_issues(subject, language))
    issues += language_issues(subject, body, language)
    checker = "none"
    if grammar is not None:
        from afterword.checks.grammar import vocabulary_from_notes

        vocabulary = vocabulary_from_notes(notes) if notes else []
        role = notes.sender_role if notes else "candidate"
        medium = "spoken" if channel == "phone" else "written"
        issues += grammar.check(body, language, vocabulary, role=role, medium=medium)
        if subject.strip():
            issues += _in_subject(grammar.check(subject, language, vocabulary, role=role, medium=medium))
        checker = grammar.name
    issues = one_per_span(issues)
    issues.sort(key=lambda i: (i.field != SUBJECT, i.offset, i.source != "guidance", i.rule))
    return CheckReport(checker, issues)


def _subject_line(text: str) -> tuple[str, int, int]:
    """The subject, where it starts in `text` and where the body starts (after one blank line)."""
    m = SUBJECT_LINE.match(text)
    if m is None:
        return "", 0, 0
    raw = m.group(1)
    subject = raw.strip()
    return subject, m.start(1) + (len(raw) - len(raw.lstrip())), m.end()


def check_text(
    text: str,
    *,
    language: str | None = None,
    notes: Notes | None = None,
    grammar: GrammarChecker | None = None,
    scenario: str | None = None,
    channel: str = "email",
    recipient: str | None = None,
) -> CheckReport:
    """Check a draft as written: an optional leading `Subject:` line, then the body.

    Offsets index `text` itself, Subject line included (an issue about the subject as a whole
    points at its start)."""
    subject, subject_at, body_at = _subject_line(text)
    lang = language or (notes.language if notes else detect_language(text))
    report = check_draft(subject, text[body_at:], language=lang, notes=notes, scenario=scenario,
                         channel=channel, grammar=grammar, recipient=recipient)
    issues = [i.model_copy(update={"field": None, "offset": i.offset + subject_at})
              if i.field == SUBJECT else i.model_copy(update={"offset": i.offset + body_at})
              for i in report.issues]
    issues.sort(key=lambda i: (i.offset, i.source != "guidance", i.rule))
    return CheckReport(report.checker, issues)


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
