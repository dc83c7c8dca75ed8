"""What the screens say about an application's progress, worded from the domain's one next-step
function (`planner.next_step`): the dashboard's rows and the notes screen's summary. No Textual."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from afterword.planner.rules import NextStep
    from afterword.store import Application
    from afterword.tui.services import Services


@dataclass(frozen=True)
class AppRow:
    """One dashboard row, as plain values (the screen styles them)."""

    id: str
    company: str
    position: str
    next_step: str
    due: str
    overdue: bool
    status: str
    last_contact: str
    reason: str
    archived: bool


def _short_names(names: list[str]) -> dict[str, str]:
    """Each person by first name when first names are unique, else by full name."""
    first = [n.split()[0] if n.split() else n for n in names]
    unique = len(set(first)) == len(first)
    return {n: (f if unique else n) for n, f in zip(names, first, strict=True)}


def people_line(step: NextStep, today: dt.date) -> str:
    """`thank-you: Priya ✓ · Tom due today`, `status-check: Priya in 12 days`, `move on`."""
    from afterword.planner.rules import MOVE_ON, when

    if step.action is None:
        return "nothing due"
    if step.action == MOVE_ON:
        return "move on"
    short = _short_names([p.name for p in step.people])
    states = []
    for p in step.people:
        if p.due is not None:
            states.append(f"{short[p.name]} {when(p.due, today, p.action)}")
        elif p.last_sent == step.action:
            states.append(f"{short[p.name]} ✓")
    return f"{step.action}: " + " · ".join(states) if states else step.action


def app_row(app: Application, step: NextStep, today: dt.date) -> AppRow:
    """The dashboard row of one application."""
    stage = app.notes.interview.stage or ""
    status = "archived" if app.archived is not None else (app.status if app.status != "active" else stage)
    last = max((e.date for e in app.events), default=app.interview_date)
    return AppRow(
        id=app.id,
        company=app.company,
        position=app.position,
        next_step=people_line(step, today),
        due=step.due.isoformat() if step.due else "—",
        overdue=step.overdue,
        status=status or "—",
        last_contact=last.isoformat() if last else "—",
        reason=step.reason,
        archived=app.archived is not None,
    )


def dashboard_rows(services: Services, include_archived: bool = False) -> list[AppRow]:
    """(worker) Every application's row, soonest due first."""
    from afterword.planner.rules import next_step

    today = services.today()
    grace = services.settings.planner.grace_days
    rows = [app_row(app, next_step(app, today, grace), today)
            for app in services.store.applications(include_archived=include_archived)]
    return sorted(rows, key=lambda r: (r.due == "—", r.due, r.company))


def progress_lines(services: Services, app_id: str) -> list[str]:
    """(worker) What the store recorded for this application, and the next step."""
    from afterword.planner.rules import next_step

    app = services.store.get_application(app_id)
    today = services.today()
    step = next_step(app, today, services.settings.planner.grace_days)
    sends = [e for e in app.round_events() if e.kind == "sent"]
    lines = [f"Recorded: {e.scenario} to {e.recipient or 'everyone'} on {e.date.isoformat()}" for e in sends]
    replies = [e for e in app.round_events() if e.kind == "reply"]
    lines += [f"Recorded: {e.outcome} on {e.date.isoformat()}" for e in replies]
    lines.append(f"Next: {people_line(step, today)}" + (f" — {step.reason}" if step.reason else ""))
    return lines


def next_for(services: Services, app_id: str) -> tuple[NextStep, set[tuple[str, str]]]:
    """(worker) The next step, and the (scenario, person) pairs sent."""
    from afterword.planner.rules import next_step

    app = services.store.get_application(app_id)
    step = next_step(app, services.today(), services.settings.planner.grace_days)
    sent: set[tuple[str, str]] = set()
    for e in app.round_events():
        if e.kind == "sent" and e.scenario:  # a send from before sends were per person: everyone
            sent.update((e.scenario, person) for person in ([e.recipient] if e.recipient else app.recipients))
    return step, sent
