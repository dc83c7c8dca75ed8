"""Facts picked from the notes for the offline composer, and small language-neutral text helpers.

Everything the composer says comes from a `Facts` value: names as written, the recipient's own
topics first, skills, at most one positive news item (GUIDANCE C5), the stated timeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from afterword.checks.injection import is_instruction_like
from afterword.checks.news import classify_news
from afterword.models import Interviewer, NewsItem, Notes, Person, Skill

MAX_SKILLS = 3  # C3: a note stays short; more than three stories would crowd it
_HONORIFICS = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.", "prof", "prof."}


@dataclass(frozen=True)
class Facts:
    """What a draft may say, taken from the notes for one recipient."""

    language: str
    role: str
    sender: str
    sender_email: str | None
    sender_phone: str | None
    sender_title: str | None
    company: str
    department: str | None
    position: str
    stage: str | None
    recipient: str
    recipient_title: str | None
    alt: int  # 0 or 1: the recipient's place among several, so their notes read differently
    topics: tuple[str, ...]
    skills: tuple[Skill, ...]
    news: str | None
    timeline: str | None
    kind_words: str | None
    positive: tuple[str, ...]
    more: tuple[str, ...]
    prepare: tuple[str, ...]
    who: str | None


def clean(text: str | None) -> str:
    """A note fragment without surrounding blanks or closing punctuation."""
    return (text or "").strip().rstrip(".。!！;；,、 ").strip()


def _usable(text: str | None) -> str | None:
    """The cleaned fragment, or None when it is empty or reads like an instruction to a model."""
    value = clean(text)
    return value if value and not is_instruction_like(value) else None


def pick_news(items: list[NewsItem]) -> str | None:
    """The newest positive, non-instruction-like headline (C5: at most one, never bad news)."""
    good = [
        (item.date.toordinal() if item.date else 0, -i, text)
        for i, item in enumerate(items)
        if (text := _usable(item.text)) and classify_news(text) == "positive"
    ]
    return max(good)[2] if good else None


def facts(notes: Notes, recipient: Person | Interviewer) -> Facts:
    """Collect the facts a draft for `recipient` may use."""
    people = [p.name for p in notes.recipients()]
    index = people.index(recipient.name) if recipient.name in people else 0
    feedback, step = notes.feedback, notes.next_step
    skills = tuple(s for s in notes.skills_not_mentioned if _usable(s.skill))[:MAX_SKILLS]
    return Facts(
        language=notes.language,
        role=notes.sender_role,
        sender=notes.sender.name,
        sender_email=notes.sender.email or None,
        sender_phone=notes.sender.phone or None,
        sender_title=notes.sender.title or None,
        company=notes.company.name,
        department=notes.company.department or None,
        position=clean(notes.position),
        stage=_usable(notes.interview.stage),
        recipient=recipient.name,
        recipient_title=(recipient.title or None) if isinstance(recipient, Interviewer) else None,
        alt=index % 2,
        topics=tuple(t for t in map(_usable, notes.topics_for(recipient)) if t),
        skills=skills,
        news=pick_news(notes.company.news),
        timeline=_usable(notes.decision_timeline),
        kind_words=_usable(notes.outcome.kind_words) if notes.outcome else None,
        positive=tuple(t for t in map(_usable, feedback.positive if feedback else []) if t),
        more=tuple(t for t in map(_usable, feedback.more if feedback else []) if t),
        prepare=tuple(t for t in map(_usable, step.prepare if step else []) if t),
        who=_usable(step.who) if step else None,
    )


def join_en(items: list[str] | tuple[str, ...], conj: str = "and") -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = list(items)
    if len(items) <= 2:
        return f" {conj} ".join(items)
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


def join_ja(items: list[str] | tuple[str, ...]) -> str:
    """「A」、「A、B」, joined with the Japanese comma."""
    return "、".join(items)


def given_name(name: str) -> str:
    """The first token of an English name ("Priya Raman" → "Priya"); "Dr. Jo Park" → "Dr. Park"."""
    parts = name.split()
    if len(parts) < 2:
        return name
    return f"{parts[0]} {parts[-1]}" if parts[0].lower() in _HONORIFICS else parts[0]


def family_name(name: str) -> str:
    """The family name for 様 in Japanese: the first token of "田中 美咲"; Latin names stay whole."""
    parts = name.split()
    if not parts or re.fullmatch(r"[\x00-\x7f]+", name):
        return name
    return parts[0]


def lower_first(text: str) -> str:
    """Lower-case a leading verb or article ("Led the move…"); names and acronyms stay as written."""
    first = text.split()[0] if text.split() else ""
    verbish = is_past_verb_phrase(text) or first.lower() in {"a", "an", "the", "our", "my"}
    if first[:1].isupper() and first[1:].islower() and verbish:
        return text[0].lower() + text[1:]
    return text


_IRREGULAR = (
    "cut built led ran made grew brought kept took won set got shrank drove wrote began became"
    " put spent sold bought saw found gave rose fell held lost met paid read sent taught thought"
    " told understood went"
)
_VERBISH = set(_IRREGULAR.split())


def is_past_verb_phrase(text: str) -> bool:
    """True when a fragment starts with a past-tense verb ("cut the build…", "raised our…")."""
    first = text.split()[0].lower() if text.split() else ""
    return first in _VERBISH or (first.endswith("ed") and len(first) > 3)


def as_first_person(evidence: str | None) -> str:
    """Evidence as a verb phrase without a leading "I" ("I led…" → "led…")."""
    text = clean(evidence)
    if text[:2] in ("I ", "i "):
        text = text[2:]
    return lower_first(text)
