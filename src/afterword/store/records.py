"""What the store keeps and hands back: applications (the notes as said) with their events, the
interview rounds, and every draft version (GUIDANCE A1, A2).

These models only hold facts. What follows from them — the stated timeline read as a date, what
is due next and for whom — is derived by the planner when asked, never stored.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, get_args

from pydantic import BaseModel, Field, model_validator

from afterword.models import Day, Draft, FollowUp, Language, Notes, Role, ScenarioId
from afterword.models import Outcome as NotesOutcome

OutcomeId = Literal["replied", "next-round", "rejected", "offer", "withdrawn"]
OUTCOMES: tuple[str, ...] = get_args(NotesOutcome.model_fields["result"].annotation)
"""Every outcome a reply can record — the same list the notes' `outcome.result` accepts."""
Status = Literal["active", "replied", "next-round", "rejected", "offer", "withdrawn"]


def fold_name(name: str) -> str:
    """A person's name with case and spacing folded (to compare two spellings)."""
    return " ".join(name.split()).casefold()


def same_name(a: str | None, b: str | None) -> bool:
    """Two spellings of one person's name (case and spacing aside)."""
    return a is not None and b is not None and fold_name(a) == fold_name(b)


def scenario_recipients(notes: Notes, scenario: str) -> list[str]:
    """Who a scenario goes to: a thank-you to every interviewer, anything else to the first
    recipient (the candidate, for a recruiter)."""
    people = [p.name for p in notes.recipients()]
    return people if scenario == "thank-you" else people[:1]


class Event(BaseModel):
    """A follow-up sent to one person, or a reply/outcome received."""

    id: str
    app_id: str
    kind: Literal["sent", "reply"]
    date: Day
    scenario: ScenarioId | None = None
    recipient: str | None = None
    """Who the follow-up went to (None on a send recorded before sends were per person: everyone)."""
    outcome: OutcomeId | None = None
    warm: bool = False
    draft: str | None = None
    """The id of the draft version that was sent, when the app recorded it."""
    recorded: dt.datetime | None = None
    source: Literal["user", "notes", "migration"] = "user"
    batch: str = ""
    """Events recorded by one action share a batch (a thank-you to two interviewers); `unsend`
    undoes a whole batch."""
    undone: dt.datetime | None = None
    """When the person said it did not happen; kept so re-tracking the notes does not bring it back."""

    @model_validator(mode="after")
    def _complete(self) -> Event:
        if self.kind == "sent" and self.scenario is None:
            raise ValueError("a `sent` event needs its `scenario`")
        if self.kind == "reply" and self.outcome is None:
            raise ValueError("a `reply` event needs its `outcome`")
        return self


class InterviewRound(BaseModel):
    """One interview round as the notes described it when they were tracked."""

    app_id: str
    date: Day | None = None
    stage: str | None = None
    format: str | None = None
    channel: str = "email"
    interviewers: list[str] = Field(default_factory=list)


class Application(BaseModel):
    """One application: the notes as last tracked, and everything recorded since."""

    id: str
    notes: Notes
    saved_notes: dict[str, Any] | None = None
    """Autosaved, possibly incomplete notes from the editor (kept as typed)."""
    archived: dt.datetime | None = None
    created: dt.datetime
    updated: dt.datetime
    events: list[Event] = Field(default_factory=list)
    """Sends and replies that stand (undone sends left out), in the order they were recorded."""

    @property
    def company(self) -> str:
        return self.notes.company.name

    @property
    def position(self) -> str:
        return self.notes.position

    @property
    def sender(self) -> str:
        return self.notes.sender.name

    @property
    def candidate(self) -> str | None:
        return self.notes.candidate.name if self.notes.candidate else None

    @property
    def role(self) -> Role:
        return self.notes.sender_role

    @property
    def language(self) -> Language:
        return self.notes.language

    @property
    def channel(self) -> str:
        return self.notes.interview.channel

    @property
    def interview_date(self) -> dt.date | None:
        return self.notes.interview.date

    @property
    def recipients(self) -> list[str]:
        """Who this round's follow-ups go to (each interviewer, or the candidate)."""
        return [p.name for p in self.notes.recipients()]

    @property
    def counted_from(self) -> dt.date:
        """The day the cadence counts from: the interview, else the day it was tracked."""
        return self.interview_date or self.created.date()

    def round_events(self) -> list[Event]:
        """Events of the latest interview round (on or after its date), oldest first."""
        start = self.interview_date or dt.date.min
        return sorted((e for e in self.events if e.date >= start), key=lambda e: (e.date, int(e.id)))

    def last_reply(self, events: list[Event] | None = None) -> Event | None:
        """The latest reply or outcome of this round (`events`: its events, when already at hand)."""
        replies = [e for e in (self.round_events() if events is None else events) if e.kind == "reply"]
        return replies[-1] if replies else None

    @property
    def status(self) -> Status:
        """The latest outcome of this round, else `active`."""
        reply = self.last_reply()
        return reply.outcome if reply is not None and reply.outcome else "active"

    def sent(self, events: list[Event] | None = None) -> dict[str, dt.date]:
        """Scenario → the latest date it was sent (to anyone), this round."""
        events = self.round_events() if events is None else events
        return {e.scenario: e.date for e in events if e.kind == "sent" and e.scenario}

    def _standing_sends(self) -> dict[tuple[dt.date, str], set[str]]:
        """(day, scenario) → the people it went to, for every send that was not undone."""
        sends: dict[tuple[dt.date, str], set[str]] = {}
        for e in self.events:
            if e.kind == "sent" and e.scenario:
                sends.setdefault((e.date, e.scenario), set()).update([e.recipient] if e.recipient else [])
        return sends

    def notes_with_history(self) -> Notes:
        """The notes with `follow_ups` and `outcome` as recorded: every standing send (undone
        ones left out), and this round's latest reply as the outcome."""
        notes = self.notes
        follow_ups = []
        for (day, scenario), people in sorted(self._standing_sends().items()):
            everyone = set(scenario_recipients(notes, scenario)) <= people
            for person in [None] if everyone else sorted(people):
                follow_ups.append(FollowUp(date=day, scenario=scenario, to=person))  # type: ignore[arg-type]
        outcome = notes.outcome
        reply = self.last_reply()
        if reply is not None and reply.outcome is not None:
            same = outcome is not None and outcome.result == reply.outcome
            outcome = NotesOutcome(
                result=reply.outcome,
                date=reply.date,
                warm=reply.warm or bool(same and outcome and outcome.warm),
                kind_words=outcome.kind_words if same and outcome else None,
            )
        return notes.model_copy(update={"follow_ups": follow_ups, "outcome": outcome})


class StoredDraft(Draft):
    """One draft version as stored: which one it is, whether the person edited or approved it."""

    id: str
    """`APP.N` — the application id and the version's number in that application's drafts file."""
    app_id: str
    version: int
    """1, 2, 3 … per (recipient, scenario) of the application."""
    created: dt.datetime
    edited: bool = False
    """The person changed the text (not just generated)."""
    approved: bool = False
    approved_at: dt.datetime | None = None
    restored_from: int | None = None
    """The version this one copies, when it was made by restoring an older version."""


def application_key(notes: Any) -> tuple[str, ...]:
    """Same company + position + sender (+ candidate, for a recruiter) = the same application.

    Reads a raw notes mapping and tolerates any shape (a damaged record gives an empty key)."""
    notes = notes if isinstance(notes, dict) else {}

    def field(value: Any, name: str) -> str:
        return str(value.get(name) or "") if isinstance(value, dict) else ""

    parts = (
        field(notes.get("company"), "name"),
        str(notes.get("position") or ""),
        field(notes.get("sender"), "name"),
        field(notes.get("candidate"), "name") if notes.get("sender_role") == "recruiter" else "",
    )
    return tuple(" ".join(p.split()).casefold() for p in parts)
