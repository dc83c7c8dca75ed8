"""Note-taking shorthand read as plain English (issue 8): what people type in a hurry — a label
and a colon ("ramp plan: 1st deal target w/in 120 days"), "=" for "is", a reminder to oneself
("mention the Q3 launch"), a remark after a dash ("- he seemed really interested"), emphasis
marks and emoji, a direct question ("how would I cut the bill") — in the shapes the topic reader
(`english`) frames."""

from __future__ import annotations

import re

from afterword.understand.terms import without_emoji

_EMPHASIS = re.compile(r"\s*\([!?]+\)|(?<=\w)[!?]{2,}")  # "(!!)", "the bill??"
_LEAD_PAREN = re.compile(r"^\(([^()]{1,40})\)\s+")  # "(Meridian HM) wants someone…"
_SHOUT = re.compile(r"(?<![\w-])(?:AND|OR|NOT|BUT|VERY|REALLY|NEVER|ALWAYS|ONLY|ALSO|TOO)(?![\w-])")
_RESULT_ARROW = re.compile(r"(?<=[^\d\s])\s*(?:→|->|=>)\s*(?=[$£€~\d])")  # "layout change → 3x faster turns"
_REMINDER = re.compile(r"^(?:mention|bring up|highlight|stress|emphasi[sz]e)\s+", re.IGNORECASE)
_REMARK = re.compile(
    r"\s+[-–—]\s+(?:he|she|they)\s+(?:seemed|was|were|looked|sounded|felt|loved|liked|got)\b.*$",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^(?P<label>[^:()]{2,60}?):\s+(?P<detail>\S.*)$")
_NOT_LABELS = {"re", "fyi", "note", "nb", "ps", "q", "a", "edit", "update"}
MAX_LABEL_WORDS = 8
_EQUALS = re.compile(r"^(?P<what>[^=,]+?)\s+=\s+(?P<rest>[^=,]+)$")
_INVERTED = re.compile(
    r"^(?P<wh>how|what|why|where|when|which)\s+(?P<aux>would|could|should|will|can|might)\s+"
    r"(?P<who>I|you|we|they|he|she)\s+",
    re.IGNORECASE,
)
_DO_QUESTION = re.compile(r"^(?:how|what|why|where|when|which)\s+(?:do|does|did)\s+\w", re.IGNORECASE)


def tidy_marks(text: str) -> str:
    """Emoji and emphasis marks dropped, a leading parenthetical unwrapped, shouted small words
    ("AND") in lower case: "(Meridian HM) wants infra exp AND on-call 👍" → "Meridian HM wants
    infra exp and on-call"."""
    t = _LEAD_PAREN.sub(r"\1 ", _EMPHASIS.sub("", without_emoji(text)))
    if not t.isupper():
        t = _SHOUT.sub(lambda m: m.group(0).lower(), t)
    return re.sub(r"\s{2,}", " ", t).strip()


def without_asides(text: str) -> str:
    """A reminder to oneself and a remark about the person dropped ("bring up my district rollout
    - he seemed really interested" → "my district rollout"); an arrow to a number read as a label
    and its detail ("layout change → 3x faster turns" → "layout change: 3x faster turns")."""
    return _RESULT_ARROW.sub(": ", _REMARK.sub("", _REMINDER.sub("", text))).strip()


def label_and_detail(text: str) -> tuple[str, str] | None:
    """("system design", "idempotent ledger writes") from "system design: idempotent ledger
    writes"; None when the text has no such label."""
    m = _LABEL.match(text)
    if not m:
        return None
    label = m.group("label").strip()
    if len(label.split()) > MAX_LABEL_WORDS or label.lower() in _NOT_LABELS:
        return None
    return label, m.group("detail").strip()


def equation(text: str) -> tuple[str, str, str] | None:
    """("team", "is", "5 CDMs + 2 programmers") from "team = 5 CDMs + 2 programmers"."""
    m = _EQUALS.match(text)
    if not m:
        return None
    what = m.group("what").strip()
    plural = re.search(r"[^s]s$", what.split()[-1]) is not None
    return what, "are" if plural else "is", m.group("rest").strip()


def indirect_question(question: str) -> str | None:
    """A direct question as it reads inside a sentence ("how would I cut the bill" → "how I
    would cut the bill"); None for one with "did/do/does", whose verb form the notes do not give."""
    if _DO_QUESTION.match(question):
        return None
    m = _INVERTED.match(question)
    return f"{m.group('wh')} {m.group('who')} {m.group('aux')} {question[m.end():]}" if m else question
