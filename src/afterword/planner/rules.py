"""What to send next, and when — each rule cites the GUIDANCE id it implements.

Candidate: thank-you (T1) → status check at the stated date + grace (T2, T3) → one final
follow-up a week later → move on (T4); a kind rejection gets a short reply (C10).
Recruiter: same-day thanks → nudge after 2 quiet days → keep in touch about 3 months on (T5).
A reply or an outcome stops the cadence.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from pydantic import BaseModel

from afterword.planner.dates import add_months

if TYPE_CHECKING:
    from afterword.store.records import Application

DEFAULT_WAIT_DAYS = 14
"""With no stated decision date, check in this many days after the interview."""
FINAL_AFTER_DAYS = 7
MOVE_ON_AFTER_DAYS = 7
NUDGE_AFTER_DAYS = 2
KEEP_IN_TOUCH_MONTHS = 3
MOVE_ON = "move-on"


class DueItem(BaseModel):
    """One thing to do for one application."""

    app_id: str
    company: str
    position: str
    action: str
    """A scenario id, or `move-on`."""
    due: dt.date
    overdue: bool
    rule: str
    """The GUIDANCE id the rule implements (T1, T3, T4, T5, C10)."""
    reason: str


class _Applications(Protocol):
    def applications(self) -> list[Application]: ...


def status_check_date(app: Application, grace_days: int) -> tuple[dt.date, str]:
    """When a status check is due, and why (T2, T3)."""
    timeline = app.timeline
    if timeline.date is not None:
        said = (timeline.said or "").strip()
        return (
            timeline.date + dt.timedelta(days=grace_days),
            f"They said “{said}” ({timeline.date.isoformat()}); a brief check-in "
            f"{grace_days} days after that, not before (T3)",
        )
    why = timeline.reason or "no decision timeline"
    return (
        app.counted_from + dt.timedelta(days=DEFAULT_WAIT_DAYS),
        f"No decision date to go by ({why}), so the default: {DEFAULT_WAIT_DAYS} days after "
        "the interview (T2, T3)",
    )


def _candidate(app: Application, today: dt.date, grace_days: int) -> tuple[str, dt.date, str, str] | None:
    sent = app.sent()
    reply = app.last_reply()
    if reply is not None:
        if reply.outcome == "rejected" and reply.warm and "rejection-reply" not in sent:
            who = app.contacts[0]["name"] if app.contacts else "The interviewer"
            return (
                "rejection-reply",
                reply.date + dt.timedelta(days=1),
                "C10",
                f"{who} was warm in the rejection of {reply.date.isoformat()}; a short "
                "thank-you keeps the door open (C10)",
            )
        return None
    check_due, check_why = status_check_date(app, grace_days)
    later = {"status-check", "final-follow-up"} & sent.keys()
    if "thank-you" not in sent and not later and today < check_due:
        names = " and ".join(str(c["name"]) for c in app.contacts) or "them"
        return (
            "thank-you",
            app.counted_from + dt.timedelta(days=1),
            "T1",
            f"Thank {names} the day of the interview ({app.counted_from.isoformat()}) or the "
            "next, while it is fresh (T1)",
        )
    if not later:
        return "status-check", check_due, "T3", check_why
    if "final-follow-up" not in sent:
        checked = sent["status-check"]
        return (
            "final-follow-up",
            checked + dt.timedelta(days=FINAL_AFTER_DAYS),
            "T4",
            f"No reply to your status check of {checked.isoformat()}; one more short, friendly note (T4)",
        )
    last = sent["final-follow-up"]
    return (
        MOVE_ON,
        last + dt.timedelta(days=MOVE_ON_AFTER_DAYS),
        "T4",
        f"Two follow-ups went unanswered (last {last.isoformat()}); their silence is not a "
        "verdict on you — let this one go and put your energy into the next (T4)",
    )


def _recruiter(app: Application) -> tuple[str, dt.date, str, str] | None:
    sent = app.sent()
    if app.last_reply() is not None or "recruiter-keep-in-touch" in sent:
        return None
    who = app.candidate or "the candidate"
    if "recruiter-thanks" not in sent:
        return (
            "recruiter-thanks",
            app.counted_from,
            "T5",
            f"Thank {who} the same day, with feedback and the next step (T5, C11)",
        )
    thanked = sent["recruiter-thanks"]
    if app.notes.candidate_stance in ("undecided", "declined"):
        return (
            "recruiter-keep-in-touch",
            add_months(thanked, KEEP_IN_TOUCH_MONTHS),
            "T5",
            f"{who} is {app.notes.candidate_stance} about a move; a no-pressure note about "
            f"{KEEP_IN_TOUCH_MONTHS} months on (T5, C12)",
        )
    if "recruiter-nudge" not in sent:
        return (
            "recruiter-nudge",
            thanked + dt.timedelta(days=NUDGE_AFTER_DAYS),
            "T5",
            f"No word from {who} since your thanks on {thanked.isoformat()}; a friendly nudge "
            f"after {NUDGE_AFTER_DAYS} quiet days (T5)",
        )
    nudged = sent["recruiter-nudge"]
    return (
        "recruiter-keep-in-touch",
        add_months(nudged, KEEP_IN_TOUCH_MONTHS),
        "T5",
        f"No reply to your nudge of {nudged.isoformat()}; a light keep-in-touch note about "
        f"{KEEP_IN_TOUCH_MONTHS} months on, no hard sell (T5, C12)",
    )


def next_action(app: Application, today: dt.date, grace_days: int = 7) -> DueItem | None:
    """The one next thing to do for an application, or None when its cadence has ended."""
    step = _recruiter(app) if app.role == "recruiter" else _candidate(app, today, grace_days)
    if step is None:
        return None
    action, due, rule, reason = step
    return DueItem(
        app_id=app.id,
        company=app.company,
        position=app.position,
        action=action,
        due=due,
        overdue=due < today,
        rule=rule,
        reason=reason,
    )


def due_items(store: _Applications, today: dt.date, grace_days: int = 7) -> list[DueItem]:
    """The next action of every application with one, soonest first."""
    items = [next_action(app, today, grace_days) for app in store.applications()]
    return sorted((i for i in items if i is not None), key=lambda i: (i.due, i.company, i.app_id))
