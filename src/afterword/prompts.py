"""Prompt building: Jinja2 templates in `prompts/` (user overrides searched first)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from afterword.backends.base import Prompt
from afterword.checks.injection import is_instruction_like
from afterword.checks.news import classify_news
from afterword.config import config_dir
from afterword.models import Interviewer, Notes, Person


def resource_dir(name: str) -> Path:
    """A data folder shipped in the wheel (`afterword/<name>`), or the checkout's top-level one."""
    installed = Path(__file__).parent / name
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / name


@cache
def _environment(search: tuple[Path, ...]) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in search]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def environment() -> jinja2.Environment:
    """Templates from the user's `prompts/` override folder first, then the shipped ones."""
    return _environment((config_dir() / "prompts", resource_dir("prompts")))


def usable_news(notes: Notes) -> list[str]:
    """Company news a draft may mention: positive only, never instruction-like (C5)."""
    return [
        n.text
        for n in notes.company.news
        if classify_news(n.text) == "positive" and not is_instruction_like(n.text)
    ]


def _interview_line(notes: Notes) -> str:
    i = notes.interview
    parts = [str(i.date) if i.date else "", i.stage or "", i.format or ""]
    return ", ".join(p for p in parts if p)


def context(
    notes: Notes, scenario: str, tone: str, channel: str, recipient: Person | Interviewer
) -> dict[str, Any]:
    """The facts a template may use. Private notes are never included."""
    sender = notes.sender
    return {
        "role": notes.sender_role,
        "scenario": scenario,
        "tone": tone,
        "channel": channel,
        "sender": sender,
        "recipient": {"name": recipient.name, "title": getattr(recipient, "title", None)},
        "company": notes.company,
        "position": notes.position,
        "interview_line": _interview_line(notes),
        "topics": notes.topics_for(recipient),
        "skills": [s for s in notes.skills_not_mentioned if not is_instruction_like(s.evidence or "")],
        "good_news": usable_news(notes),
        "timeline": notes.decision_timeline,
        "follow_ups": notes.follow_ups,
        "outcome": notes.outcome,
        "feedback": notes.feedback,
        "next_step": notes.next_step,
        "signature": " · ".join(x for x in (sender.name, sender.email, sender.phone) if x),
    }


def build_prompt(
    notes: Notes, scenario: str, tone: str, channel: str, recipient: Person | Interviewer
) -> Prompt:
    """System = fixed instructions for the scenario; user = the notes (fenced data), then the tone."""
    env = environment()
    ctx = context(notes, scenario, tone, channel, recipient)
    lang = notes.language
    system = env.get_template(f"{lang}/{scenario}.j2").render(ctx).strip()
    notes_block = env.get_template(f"{lang}/_notes.j2").render(ctx).strip()
    tone_line = env.get_template(f"{lang}/_tone.j2").render(ctx).strip()
    return Prompt(system=system, user=f"{notes_block}\n\n{tone_line}")
