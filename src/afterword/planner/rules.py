"""What to send next, to whom, and when — each rule cites the GUIDANCE id it implements.

`next_step` is the one place that decides; `afterword due`, `afterword draft`, the dashboard and
the notes screen all ask it. It reads only what the store recorded (the notes, sends per person,
replies) and derives everything else — the stated timeline as a date, due days — on each call.

Candidate: a thank-you to each interviewer (T1) → status check at the stated date + grace (T2,
T3) → one final follow-up a week later → move on (T4); a kind rejection gets a short reply
(C10); the next round starts over with that round's interviewers once its notes are tracked.
Recruiter: same-day thanks → nudge after 2 quiet days → keep in touch about 3 months on (T5).
A reply or an outcome stops the chasing; a reply with no verdict yet (replied, next round) leaves
an interviewer's thank-you due until it is sent (thanks are not a chase).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from afterword.ids import SCENARIOS
from afterword.planner.dates import add_months
from afterword.planner.timeline import Timeline, parse_timeline
from afterword.store.records import fold_name

if TYPE_CHECKING:
    from afterword.store.records import Application, Event

DEFAULT_WAIT_DAYS = 14
"""With no stated decision date, check in this many days after the interview."""
FINAL_AFTER_DAYS = 7
MOVE_ON_AFTER_DAYS = 7
NUDGE_AFTER_DAYS = 2
KEEP_IN_TOUCH_MONTHS = 3
MOVE_ON = "move-on"


class PersonState(BaseModel):
    """Where one recipient of this round stands."""

    name: str
    last_sent: str | None = None
    """The scenario last sent to them this round."""
    sent_on: dt.date | None = None
    action: str | None = None
    """The scenario due for them now, if any."""
    due: dt.date | None = None
    overdue: bool = False

    def label(self, today: dt.date) -> str:
        """`Priya Raman ✓`, `Tom Okafor thank-you due today`, `Tom Okafor` (nothing yet)."""
        if self.action is not None and self.due is not None:
            return f"{self.name} {self.action} {when(self.due, today, self.action)}"
        return f"{self.name} ✓" if self.last_sent else self.name


class NextStep(BaseModel):
    """The one next thing to do for an application, and where each recipient stands."""

    app_id: str
    company: str
    position: str
    action: str | None
    """A scenario id, `move-on`, or None when there is nothing to chase."""
    recipients: list[str] = []
    """Who the action goes to (a thank-you: the interviewers not yet thanked)."""
    due: dt.date | None = None
    overdue: bool = False
    rule: str = ""
    """The GUIDANCE id the rule implements (T1, T3, T4, T5, C10); empty when nothing is due."""
    reason: str
    people: list[PersonState] = []

    @property
    def scenario(self) -> str | None:
        """The scenario to draft, when the action is one (not `move-on`, not nothing)."""
        return self.action if self.action in SCENARIOS else None

    def people_line(self, today: dt.date) -> str:
        """`Priya Raman ✓ · Tom Okafor thank-you due today` — each person's state on one line."""
        return " · ".join(p.label(today) for p in self.people)


class DueItem(BaseModel):
    """One thing to do for one person (`afterword due` prints one per row)."""

    app_id: str = Field(serialization_alias="application")
    company: str
    position: str
    action: str
    """A scenario id, or `move-on`."""
    recipient: str | None
    due: dt.date
    overdue: bool
    rule: str
    reason: str = Field(serialization_alias="why")


@dataclass
class _Round:
    """An application's latest round, read once per plan."""

    app: Application
    events: list[Event]
    sent: dict[str, dt.date]
    """Scenario → the latest day it was sent (to anyone)."""
    reply: Event | None
    people: list[str]
    """This round's recipients."""

    @classmethod
    def of(cls, app: Application) -> _Round:
        """The round as the application's records give it."""
        events = app.round_events()
        return cls(app, events, app.sent(events), app.last_reply(events), app.recipients)


@dataclass
class _Step:
    """What a cadence rule decided (NextStep before the per-person view is added)."""

    action: str | None
    reason: str
    due: dt.date | None = None
    rule: str = ""
    recipients: list[str] = field(default_factory=list)


def when(due: dt.date, today: dt.date, action: str | None = None) -> str:
    """`due today`, `in 3 days`, `2 days overdue`; a thank-you whose window closes tomorrow is
    `due by tomorrow` (it should go now, not in a day)."""
    days = (due - today).days
    if days == 0:
        return "due today"
    if days == 1 and action == "thank-you":
        return "due by tomorrow"
    if days < 0:
        return f"{-days} day{'s' * (days != -1)} overdue"
    return f"in {days} day{'s' * (days != 1)}"


def app_timeline(app: Application) -> Timeline:
    """The stated decision timeline read as a date, counted from the interview."""
    return parse_timeline(app.notes.decision_timeline, app.counted_from)


def status_check_date(app: Application, grace_days: int) -> tuple[dt.date, str]:
    """When a status check is due, and why (T2, T3)."""
    timeline = app_timeline(app)
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


def _names(names: list[str]) -> str:
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + f" and {names[-1]}"


def _after_reply(r: _Round) -> _Step | None:
    """What a reply or an outcome of this round leaves to do (None: no reply this round)."""
    reply = r.reply
    if reply is None or reply.outcome is None:
        return None
    day = reply.date.isoformat()
    if reply.outcome == "rejected":
        if reply.warm and "rejection-reply" not in r.sent:
            who = r.people[0] if r.people else "The interviewer"
            return _Step(
                "rejection-reply",
                f"{who} was warm in the rejection of {day}; a short thank-you keeps the door open (C10)",
                reply.date + dt.timedelta(days=1),
                "C10",
                r.people[:1],
            )
        if "rejection-reply" in r.sent:
            return _Step(None, f"You answered the rejection of {day}; nothing more to send")
        return _Step(None, f"A rejection on {day}; no reply is needed")
    reasons = {
        "next-round": f"Through to the next round ({day}). When you know the interview, put its "
        "date and interviewers in the notes and track them — their thank-yous are planned then (T1)",
        "offer": f"An offer on {day} — nothing to chase",
        "withdrawn": f"Withdrawn on {day} — nothing more to send",
        "replied": f"They replied on {day}; nothing to chase — record the outcome when you know it",
    }
    return _Step(None, reasons.get(reply.outcome, f"{reply.outcome} on {day}"))


def _thanked(r: _Round) -> set[str]:
    """Names (folded) thanked this round; a send to no one in particular counts for everyone."""
    names: set[str] = set()
    for e in r.events:
        if e.kind == "sent" and e.scenario == "thank-you":
            names.update(fold_name(p) for p in ([e.recipient] if e.recipient else r.people))
    return names


def _thank_you(r: _Round, today: dt.date, check_due: dt.date) -> _Step | None:
    """The thank-you still due to the interviewers not yet thanked (T1), if any: until a later
    follow-up went out or the status check falls due."""
    thanked = _thanked(r)
    unthanked = [p for p in r.people if fold_name(p) not in thanked]
    if not unthanked or {"status-check", "final-follow-up"} & r.sent.keys() or today >= check_due:
        return None
    done = [p for p in r.people if p not in unthanked]
    also = f"; {_names(done)} already thanked" if done else ""
    return _Step(
        "thank-you",
        f"Thank {_names(unthanked)} the day of the interview ({r.app.counted_from.isoformat()}) or "
        f"the next, while it is fresh{also} (T1)",
        r.app.counted_from + dt.timedelta(days=1),
        "T1",
        unthanked,
    )


def _candidate(r: _Round, today: dt.date, grace_days: int) -> _Step:
    app, sent = r.app, r.sent
    check_due, check_why = status_check_date(app, grace_days)
    thank_you = _thank_you(r, today, check_due)
    answered = _after_reply(r)
    if answered is not None:
        if thank_you is not None and r.reply is not None and r.reply.outcome in ("replied", "next-round"):
            # a thank-you is thanks, not a chase: a reply with no verdict leaves it due
            thank_you.reason += f"; the reply of {r.reply.date.isoformat()} stops the chasing, not the thanks"
            return thank_you
        return answered
    if thank_you is not None:
        return thank_you
    later = {"status-check", "final-follow-up"} & sent.keys()
    first = r.people[:1]
    if not later:
        return _Step("status-check", check_why, check_due, "T3", first)
    if "final-follow-up" not in sent:
        checked = sent["status-check"]
        return _Step(
            "final-follow-up",
            f"No reply to your status check of {checked.isoformat()}; one more short, friendly note (T4)",
            checked + dt.timedelta(days=FINAL_AFTER_DAYS),
            "T4",
            first,
        )
    last = sent["final-follow-up"]
    return _Step(
        MOVE_ON,
        f"Two follow-ups went unanswered (last {last.isoformat()}); their silence is not a "
        "verdict on you — let this one go and put your energy into the next (T4)",
        last + dt.timedelta(days=MOVE_ON_AFTER_DAYS),
        "T4",
    )


def _recruiter(r: _Round) -> _Step:
    app, sent, reply = r.app, r.sent, r.reply
    who = app.candidate or "the candidate"
    if reply is not None:
        return _Step(None, f"{who} replied ({reply.outcome}, {reply.date.isoformat()}); nothing to chase")
    if "recruiter-keep-in-touch" in sent:
        return _Step(
            None, f"You kept in touch on {sent['recruiter-keep-in-touch'].isoformat()}; nothing more to send"
        )
    person = r.people[:1]
    if "recruiter-thanks" not in sent:
        return _Step(
            "recruiter-thanks",
            f"Thank {who} the same day, with feedback and the next step (T5, C11)",
            app.counted_from,
            "T5",
            person,
        )
    thanked = sent["recruiter-thanks"]
    if app.notes.candidate_stance in ("undecided", "declined"):
        return _Step(
            "recruiter-keep-in-touch",
            f"{who} is {app.notes.candidate_stance} about a move; a no-pressure note about "
            f"{KEEP_IN_TOUCH_MONTHS} months on (T5, C12)",
            add_months(thanked, KEEP_IN_TOUCH_MONTHS),
            "T5",
            person,
        )
    if "recruiter-nudge" not in sent:
        return _Step(
            "recruiter-nudge",
            f"No word from {who} since your thanks on {thanked.isoformat()}; a friendly nudge "
            f"after {NUDGE_AFTER_DAYS} quiet days (T5)",
            thanked + dt.timedelta(days=NUDGE_AFTER_DAYS),
            "T5",
            person,
        )
    nudged = sent["recruiter-nudge"]
    return _Step(
        "recruiter-keep-in-touch",
        f"No reply to your nudge of {nudged.isoformat()}; a light keep-in-touch note about "
        f"{KEEP_IN_TOUCH_MONTHS} months on, no hard sell (T5, C12)",
        add_months(nudged, KEEP_IN_TOUCH_MONTHS),
        "T5",
        person,
    )


def _people(r: _Round, step: _Step, today: dt.date) -> list[PersonState]:
    last: dict[str, tuple[str, dt.date]] = {}
    for e in r.events:
        if e.kind == "sent" and e.scenario:
            for person in [e.recipient] if e.recipient else r.people:
                last[fold_name(person)] = (e.scenario, e.date)
    states = []
    for name in r.people:
        scenario, on = last.get(fold_name(name), (None, None))
        due = step.due if name in step.recipients else None
        states.append(
            PersonState(
                name=name,
                last_sent=scenario,
                sent_on=on,
                action=step.action if due else None,
                due=due,
                overdue=bool(due and due < today),
            )
        )
    return states


def next_step(app: Application, today: dt.date, grace_days: int = 7) -> NextStep:
    """The one next thing to do for an application — scenario, recipients, due day, why — from
    its notes, sends, replies and outcome."""
    try:
        r = _Round.of(app)
        if app.archived is not None:
            step = _Step(None, f"Archived on {app.archived.date().isoformat()}")
        elif app.role == "recruiter":
            step = _recruiter(r)
        else:
            step = _candidate(r, today, grace_days)
        people = _people(r, step, today)
    except OverflowError:  # an interview date so far out that the date sums leave the calendar
        step = _Step(
            None, f"The interview date {app.counted_from.isoformat()} is out of range; fix it in the notes"
        )
        people = []
    return NextStep(
        app_id=app.id,
        company=app.company,
        position=app.position,
        action=step.action,
        recipients=step.recipients,
        due=step.due,
        overdue=step.due is not None and step.due < today,
        rule=step.rule,
        reason=step.reason,
        people=people,
    )


def due_rows(step: NextStep) -> list[DueItem]:
    """The step as rows, one per recipient (one row without a recipient for `move-on`)."""
    if step.action is None or step.due is None:
        return []
    return [
        DueItem(
            app_id=step.app_id,
            company=step.company,
            position=step.position,
            action=step.action,
            recipient=person,
            due=step.due,
            overdue=step.overdue,
            rule=step.rule,
            reason=step.reason,
        )
        for person in step.recipients or [None]  # type: ignore[list-item]
    ]


def next_action(app: Application, today: dt.date, grace_days: int = 7) -> DueItem | None:
    """The next step as one row (its first recipient), or None when nothing is due."""
    rows = due_rows(next_step(app, today, grace_days))
    return rows[0] if rows else None


def due_items(apps: Iterable[Application], today: dt.date, grace_days: int = 7) -> list[DueItem]:
    """Everything due across applications, one row per person, soonest first."""
    rows = [row for app in apps for row in due_rows(next_step(app, today, grace_days))]
    return sorted(rows, key=lambda r: (r.due, r.company, int(r.app_id), r.recipient or ""))
