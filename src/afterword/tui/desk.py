"""The drafting desk's state, free of widgets: one slot per draft on show (a tab), each knowing
the job it was asked for, the text streamed so far, the working draft with the person's edits,
and the text it started from — so "edited" is a fact, and a regenerate can ask before it replaces."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from afterword.models import Draft
    from afterword.pipeline import Job

Choice = Literal["replace", "keep-both", "keep-mine"]
EVERYONE = "*"
"""The recipient picker's value for every recipient of the scenario."""
SCENARIO_LABELS = {
    "thank-you": "Thank-you", "status-check": "Status check", "final-follow-up": "Final follow-up",
    "rejection-reply": "Rejection reply", "recruiter-thanks": "Thanks + feedback",
    "recruiter-nudge": "Nudge", "recruiter-keep-in-touch": "Keep in touch",
}
"""The scenario picker's labels."""


@dataclass
class Slot:
    """One draft on the desk."""

    job: Job
    stream: str = ""
    draft: Draft | None = None
    base: tuple[str, str] | None = None
    """(subject, body) as generated or restored: the text the edits are measured against."""
    stored: tuple[str, str] | None = None
    """(subject, body) last kept as a version in the store."""

    @property
    def recipient(self) -> str:
        return self.job.recipient.name

    @property
    def text(self) -> tuple[str, str] | None:
        return (self.draft.subject, self.draft.body) if self.draft is not None else None

    @property
    def edited(self) -> bool:
        """The person changed the text since it was generated or restored."""
        return self.draft is not None and self.text != self.base

    @property
    def unstored(self) -> bool:
        """The text on show is not yet a version in the store."""
        return (self.draft is not None and bool(self.draft.body.strip() or self.draft.subject.strip())
                and self.text != self.stored)

    def settle(self, draft: Draft) -> None:
        """A fresh draft (generated, chosen or restored) becomes the working text."""
        self.draft = draft
        self.base = (draft.subject, draft.body)


@dataclass
class Plan:
    """What a regenerate does: which slots the new jobs fill (`targets[i]` for `jobs[i]`; None =
    a new slot), and which edited slots it would overwrite unless the person says otherwise."""

    jobs: list[Job]
    targets: list[int | None]
    edited: list[int] = field(default_factory=list)


@dataclass
class Desk:
    """Slots, the one on show, and the run counter (a newer run makes older messages stale)."""

    slots: list[Slot] = field(default_factory=list)
    current: int = 0
    run: int = 0

    @property
    def slot(self) -> Slot | None:
        return self.slots[self.current] if 0 <= self.current < len(self.slots) else None

    def target(self, job: Job) -> int | None:
        """The slot a new draft for this job replaces: the one on show when it is the same person
        and scenario, else that person's latest slot for the scenario."""
        def same(s: Slot) -> bool:
            return s.recipient == job.recipient.name and s.job.scenario == job.scenario

        if self.slot is not None and same(self.slot):
            return self.current
        matches = [n for n, s in enumerate(self.slots) if same(s)]
        return matches[-1] if matches else None

    def plan(self, jobs: list[Job]) -> Plan:
        """Where each job goes, and which of those slots hold the person's edits."""
        targets = [self.target(job) for job in jobs]
        edited = [t for t in targets if t is not None and self.slots[t].edited]
        return Plan(jobs, targets, edited)

    def apply(self, plan: Plan, choice: Choice | None) -> tuple[list[Job], list[int]]:
        """Make room for a regenerate: returns the jobs to run and the slot each fills.

        `replace` overwrites edited slots (their text is kept as a version first), `keep-both`
        puts new drafts beside them, `keep-mine` leaves them alone and drafts only the rest."""
        jobs: list[Job] = []
        slots: list[int] = []
        for job, target in zip(plan.jobs, plan.targets, strict=True):
            if target is not None and target in plan.edited:
                if choice == "keep-mine":
                    continue
                if choice == "keep-both":
                    target = None
            if target is None:
                self.slots.append(Slot(job))
                target = len(self.slots) - 1
            else:
                self.slots[target] = Slot(job)
            jobs.append(job)
            slots.append(target)
        return jobs, slots

    def place(self, draft: Draft, job: Job, choice: Choice | None) -> int:
        """Put a chosen draft (a tone variant, a restored version) on the desk; returns its slot.
        An edited slot on show is replaced only with `replace`; `keep-both` adds a slot."""
        slot = self.slot
        if slot is None or (slot.edited and choice == "keep-both"):
            self.slots.append(Slot(job))
            self.current = len(self.slots) - 1
        elif slot.job is not job:
            self.slots[self.current] = Slot(job)
        self.slots[self.current].settle(draft)
        return self.current

    def labels(self, sent: Collection[tuple[str, str]] = ()) -> list[str]:
        """Tab labels: person · tone (with the scenario when slots differ in it), ✓ when `sent`
        holds (scenario, person), ✎ when edited."""
        mixed = len({s.job.scenario for s in self.slots}) > 1
        out = []
        for s in self.slots:
            parts = [s.recipient, *([s.job.scenario] if mixed else []), s.job.tone]
            mark = " ✓" if (s.job.scenario, s.recipient) in sent else (" ✎" if s.edited else "")
            out.append(" · ".join(parts) + mark)
        return out
