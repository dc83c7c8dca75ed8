"""What the store hands back: applications with their events, and stored drafts (GUIDANCE A1, A2)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel

from afterword.models import Draft, Language, Notes, Role
from afterword.planner.timeline import Timeline, parse_timeline

Outcome = Literal["replied", "next-round", "rejected", "offer", "withdrawn"]
OUTCOMES: tuple[str, ...] = Outcome.__args__  # type: ignore[attr-defined]
Status = Literal["active", "replied", "next-round", "rejected", "offer", "withdrawn"]


class Event(BaseModel):
    """A follow-up sent, or a reply/outcome received."""

    id: str
    app_id: str
    kind: Literal["sent", "reply"]
    date: dt.date
    scenario: str | None = None
    outcome: Outcome | None = None
    warm: bool = False
    recorded: dt.datetime | None = None
    source: str = "user"


class Application(BaseModel):
    """One application: who, what, the stated timeline, its status, notes and events."""

    id: str
    company: str
    position: str
    sender: str
    candidate: str | None = None
    role: Role = "candidate"
    language: Language = "en"
    contacts: list[dict[str, str | None]] = []
    channel: str = "email"
    interview_date: dt.date | None = None
    timeline: Timeline
    status: Status = "active"
    notes: Notes
    saved_notes: dict[str, Any] | None = None
    """Autosaved, possibly incomplete notes from the editor (kept as typed)."""
    created: dt.datetime
    updated: dt.datetime
    events: list[Event] = []

    @property
    def counted_from(self) -> dt.date:
        """The day the cadence counts from: the interview, else the day it was tracked."""
        return self.interview_date or self.created.date()

    def round_events(self) -> list[Event]:
        """Events of the latest interview round (on or after its date), oldest first."""
        start = self.counted_from if self.interview_date else dt.date.min
        return sorted((e for e in self.events if e.date >= start), key=lambda e: (e.date, int(e.id)))

    def last_reply(self) -> Event | None:
        """The latest reply or outcome of this round."""
        replies = [e for e in self.round_events() if e.kind == "reply"]
        return replies[-1] if replies else None

    def sent(self) -> dict[str, dt.date]:
        """Scenario → the latest date it was sent, this round."""
        return {e.scenario: e.date for e in self.round_events() if e.kind == "sent" and e.scenario}


class StoredDraft(Draft):
    """A draft version as stored, with its approval state."""

    id: str
    app_id: str
    version: int
    approved: bool = False
    created: dt.datetime
    approved_at: dt.datetime | None = None


def application_key(notes: dict[str, Any]) -> tuple[str, ...]:
    """Same company + position + sender (+ candidate, for a recruiter) = the same application."""
    candidate = (notes.get("candidate") or {}).get("name") or ""
    parts = (
        (notes.get("company") or {}).get("name") or "",
        notes.get("position") or "",
        (notes.get("sender") or {}).get("name") or "",
        candidate if notes.get("sender_role") == "recruiter" else "",
    )
    return tuple(" ".join(str(p).split()).casefold() for p in parts)


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def describe_notes(notes: dict[str, Any], tracked_on: dt.date) -> dict[str, Any]:
    """The application fields derived from a notes mapping (JSON-ready)."""
    interview = notes.get("interview") or {}
    interview_date = _date(interview.get("date"))
    role = notes.get("sender_role") or "candidate"
    people = [notes.get("candidate") or {}] if role == "recruiter" else notes.get("interviewers") or []
    timeline = parse_timeline(notes.get("decision_timeline"), interview_date or tracked_on)
    return {
        "company": (notes.get("company") or {}).get("name") or "",
        "position": notes.get("position") or "",
        "sender": (notes.get("sender") or {}).get("name") or "",
        "candidate": (notes.get("candidate") or {}).get("name"),
        "role": role,
        "language": notes.get("language") or "en",
        "contacts": [
            {"name": p.get("name"), "title": p.get("title"), "email": p.get("email")} for p in people
        ],
        "channel": interview.get("channel") or "email",
        "interview_date": interview_date.isoformat() if interview_date else None,
        "timeline": timeline.model_dump(mode="json"),
    }
