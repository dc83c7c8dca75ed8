"""The follow-up planner walked through time against a real store in a temp dir."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from afterword import planner
from afterword.errors import InputError
from afterword.models import parse_notes
from afterword.planner.ics import write_ics
from afterword.store import Application, Store

SAMPLES = Path(__file__).resolve().parents[1] / "sample_data"
D = dt.date


def sample(name: str, **changes: Any) -> dict[str, Any]:
    data = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    data.update(changes)
    return data


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "afterword.json")


def track(store: Store, data: dict[str, Any]) -> str:
    return store.upsert_application(parse_notes(data))


def step(store: Store, app_id: str, today: dt.date, grace: int = 7) -> planner.DueItem | None:
    return planner.next_action(store.get_application(app_id), today, grace)


def plan(store: Store, app_id: str, today: dt.date, grace: int = 7) -> planner.NextStep:
    return planner.next_step(store.get_application(app_id), today, grace)


def test_candidate_cadence_from_thank_you_to_move_on(store: Store) -> None:
    app = track(store, sample("en_thank_you"))  # interview Fri 2026-11-20, "within 2 weeks"

    item = step(store, app, D(2026, 11, 20))
    assert item is not None
    assert (item.action, item.due, item.rule, item.overdue) == ("thank-you", D(2026, 11, 21), "T1", False)
    assert "Priya Raman and Tom Okafor" in item.reason
    late = step(store, app, D(2026, 11, 23))
    assert late is not None and late.action == "thank-you" and late.overdue

    store.record_sent(app, "thank-you", D(2026, 11, 20))
    item = step(store, app, D(2026, 11, 24))
    assert item is not None
    assert (item.action, item.due, item.rule) == ("status-check", D(2026, 12, 11), "T3")
    assert "within 2 weeks" in item.reason and "2026-12-04" in item.reason
    assert not item.overdue
    shorter = step(store, app, D(2026, 11, 24), grace=3)
    assert shorter is not None and shorter.due == D(2026, 12, 7)

    store.record_sent(app, "status-check", D(2026, 12, 11))
    item = step(store, app, D(2026, 12, 12))
    assert item is not None
    assert (item.action, item.due, item.rule) == ("final-follow-up", D(2026, 12, 18), "T4")

    store.record_sent(app, "final-follow-up", D(2026, 12, 18))
    item = step(store, app, D(2026, 12, 30))
    assert item is not None
    assert (item.action, item.due, item.rule, item.overdue) == ("move-on", D(2026, 12, 25), "T4", True)
    assert "not a verdict on you" in item.reason


def test_a_reply_stops_the_cadence(store: Store) -> None:
    app = track(store, sample("en_status_check"))
    assert step(store, app, D(2026, 11, 20)) is not None
    store.record_reply(app, "replied", D(2026, 11, 10))
    assert step(store, app, D(2026, 11, 20)) is None
    assert store.get_application(app).status == "replied"


def test_status_check_waits_for_the_stated_date_plus_grace(store: Store) -> None:
    app = track(store, sample("en_status_check"))  # 2026-10-30, "by the end of the month"
    item = step(store, app, D(2026, 11, 20))
    assert item is not None
    assert (item.action, item.due, item.overdue) == ("status-check", D(2026, 11, 7), True)


def test_no_stated_timeline_uses_a_default_and_says_so(store: Store) -> None:
    app = track(store, sample("en_thank_you", decision_timeline=None))
    store.record_sent(app, "thank-you", D(2026, 11, 20))
    item = step(store, app, D(2026, 11, 21))
    assert item is not None
    assert (item.action, item.due) == ("status-check", D(2026, 12, 4))
    assert "default" in item.reason and "14 days" in item.reason


def test_unreadable_timeline_is_named_in_the_reason(store: Store) -> None:
    app = track(store, sample("en_thank_you", decision_timeline="soon, hopefully"))
    store.record_sent(app, "thank-you", D(2026, 11, 20))
    item = step(store, app, D(2026, 11, 21))
    assert item is not None and "“soon” names no date" in item.reason


def test_a_late_tracked_interview_skips_the_stale_thank_you(store: Store) -> None:
    app = track(store, sample("en_thank_you"))
    item = step(store, app, D(2026, 12, 15))
    assert item is not None and item.action == "status-check" and item.overdue


def test_warm_rejection_suggests_a_reply_then_nothing(store: Store) -> None:
    app = track(store, sample("en_rejection"))  # rejected 2026-11-18, warm
    item = step(store, app, D(2026, 11, 18))
    assert item is not None
    assert (item.action, item.rule, item.due) == ("rejection-reply", "C10", D(2026, 11, 19))
    assert "Gregory Walsh" in item.reason
    store.record_sent(app, "rejection-reply", D(2026, 11, 19))
    assert step(store, app, D(2026, 11, 20)) is None


def test_cold_rejection_gets_no_reply(store: Store) -> None:
    data = sample("en_rejection")
    data["outcome"]["warm"] = False
    app = track(store, data)
    assert step(store, app, D(2026, 11, 18)) is None
    other = track(store, sample("en_status_check"))
    store.record_reply(other, "rejected", D(2026, 11, 12), warm=True)
    item = step(store, other, D(2026, 11, 12))
    assert item is not None and item.action == "rejection-reply"


def test_recruiter_cadence_thanks_nudge_keep_in_touch(store: Store) -> None:
    app = track(store, sample("ja_recruiter_casual"))  # casual interview 2026-11-21
    item = step(store, app, D(2026, 11, 21))
    assert item is not None
    assert (item.action, item.due, item.rule, item.overdue) == (
        "recruiter-thanks",
        D(2026, 11, 21),
        "T5",
        False,
    )

    store.record_sent(app, "recruiter-thanks", D(2026, 11, 21))
    item = step(store, app, D(2026, 11, 22))
    assert item is not None and (item.action, item.due) == ("recruiter-nudge", D(2026, 11, 23))

    store.record_sent(app, "recruiter-nudge", D(2026, 11, 23))
    item = step(store, app, D(2026, 11, 24))
    assert item is not None
    assert (item.action, item.due) == ("recruiter-keep-in-touch", D(2027, 2, 23))

    store.record_sent(app, "recruiter-keep-in-touch", D(2027, 2, 23))
    assert step(store, app, D(2027, 2, 24)) is None


def test_undecided_candidate_gets_keep_in_touch_not_a_nudge(store: Store) -> None:
    app = track(store, sample("ja_recruiter_casual", candidate_stance="undecided"))
    store.record_sent(app, "recruiter-thanks", D(2026, 11, 21))
    item = step(store, app, D(2026, 11, 24))
    assert item is not None
    assert (item.action, item.due) == ("recruiter-keep-in-touch", D(2027, 2, 21))
    store.record_reply(app, "replied", D(2026, 11, 25))
    assert step(store, app, D(2026, 11, 26)) is None


def test_next_round_waits_for_its_interview_then_thanks_its_interviewers(store: Store) -> None:
    app = track(store, sample("en_thank_you"))
    store.record_sent(app, "thank-you", D(2026, 11, 20))
    store.record_reply(app, "next-round", D(2026, 11, 27))
    waiting = plan(store, app, D(2026, 12, 20))  # long after: still no final follow-up
    assert waiting.action is None and "next round" in waiting.reason and "track them" in waiting.reason
    data = sample("en_thank_you", decision_timeline="by the end of next week")
    data["interview"] = {"date": "2026-12-03", "stage": "final round"}
    data["interviewers"] = [{"name": "Lena Park", "title": "VP Engineering"}]
    assert track(store, data) == app
    nxt = plan(store, app, D(2026, 12, 3))
    assert (nxt.action, nxt.recipients, nxt.due) == ("thank-you", ["Lena Park"], D(2026, 12, 4))
    store.record_sent(app, "thank-you", D(2026, 12, 3))
    nxt = plan(store, app, D(2026, 12, 4))
    assert (nxt.action, nxt.recipients, nxt.due) == ("status-check", ["Lena Park"], D(2026, 12, 18))


def test_due_items_are_sorted_by_date(store: Store) -> None:
    ids = {
        name: track(store, sample(name))
        for name in ("en_thank_you", "en_status_check", "en_rejection", "ja_recruiter_casual")
    }
    items = planner.due_items(store.applications(), D(2026, 11, 20), grace_days=7)
    assert [i.due for i in items] == sorted(i.due for i in items)
    by_app = {i.app_id: i for i in items}
    assert by_app[ids["en_status_check"]].action == "status-check"
    assert by_app[ids["en_rejection"]].action == "rejection-reply"
    assert by_app[ids["en_thank_you"]].action == "thank-you"
    assert by_app[ids["ja_recruiter_casual"]].action == "recruiter-thanks"


def test_ics_export_parses_back_with_all_day_events(store: Store, tmp_path: Path) -> None:
    for name in ("en_thank_you", "en_status_check", "ja_recruiter_casual"):
        track(store, sample(name))
    today = D(2026, 11, 20)
    items = planner.due_items(store.applications(), today)
    target = tmp_path / "followups.ics"
    assert write_ics(items, target, today) == 4  # a thank-you to each of two interviewers
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    cal = Calendar.from_ical(target.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == 4
    uids = {str(e["UID"]) for e in events}
    assert len(uids) == 4
    assert {str(e["SUMMARY"]) for e in events} >= {
        "Send thank-you to Priya Raman: Northwind Health — Senior Data Engineer",
        "Send thank-you to Tom Okafor: Northwind Health — Senior Data Engineer",
    }
    for event, item in zip(events, items, strict=True):
        start = event.decoded("DTSTART")
        assert type(start) is dt.date  # all-day
        assert start == max(item.due, today)
        assert event.decoded("DTSTAMP").tzinfo is not None
        assert item.company in str(event["SUMMARY"])
        assert item.reason in str(event["DESCRIPTION"])
    overdue = next(e for e, i in zip(events, items, strict=True) if i.overdue)
    assert "Overdue since 2026-11-07" in str(overdue["DESCRIPTION"])


def test_thank_yous_are_planned_per_interviewer(store: Store) -> None:
    app = track(store, sample("en_thank_you"))  # Priya Raman and Tom Okafor, interview 2026-11-20
    store.record_sent(app, "thank-you", D(2026, 11, 20), to="Priya Raman")
    # on the interview day Tom's thank-you should go now: its window closes tomorrow
    assert plan(store, app, D(2026, 11, 20)).people_line(D(2026, 11, 20)) == (
        "Priya Raman ✓ · Tom Okafor thank-you due by tomorrow")
    today = D(2026, 11, 21)
    nxt = plan(store, app, today)
    assert (nxt.action, nxt.recipients, nxt.due, nxt.rule) == ("thank-you", ["Tom Okafor"], today, "T1")
    assert "Thank Tom Okafor" in nxt.reason and "Priya Raman already thanked" in nxt.reason
    assert nxt.people_line(today) == "Priya Raman ✓ · Tom Okafor thank-you due today"
    assert [(p.name, p.last_sent, p.action) for p in nxt.people] == [
        ("Priya Raman", "thank-you", None), ("Tom Okafor", None, "thank-you")]  # fmt: skip
    # `due` has one row for Tom, none for Priya
    rows = planner.due_items(store.applications(), today)
    assert [(r.recipient, r.action) for r in rows] == [("Tom Okafor", "thank-you")]
    store.record_sent(app, "thank-you", D(2026, 11, 21), to="Tom Okafor")
    nxt = plan(store, app, D(2026, 11, 22))
    assert (nxt.action, nxt.recipients) == ("status-check", ["Priya Raman"])
    assert nxt.people_line(D(2026, 11, 22)) == "Priya Raman status-check in 19 days · Tom Okafor ✓"


def test_undoing_a_send_puts_the_person_back_in_the_plan(store: Store) -> None:
    app = track(store, sample("en_thank_you"))
    store.record_sent(app, "thank-you", D(2026, 11, 20))
    assert plan(store, app, D(2026, 11, 21)).action == "status-check"
    store.unsend(app, to="Tom Okafor")
    nxt = plan(store, app, D(2026, 11, 21))
    assert (nxt.action, nxt.recipients) == ("thank-you", ["Tom Okafor"])


@pytest.mark.parametrize(
    ("outcome", "words"),
    [("offer", "An offer"), ("withdrawn", "Withdrawn"), ("replied", "record the outcome")],
)
def test_outcomes_with_nothing_to_chase(store: Store, outcome: str, words: str) -> None:
    app = track(store, sample("en_thank_you"))
    store.record_sent(app, "thank-you", D(2026, 11, 20))
    store.record_reply(app, outcome, D(2026, 11, 26))
    nxt = plan(store, app, D(2027, 1, 30))
    assert nxt.action is None and nxt.due is None and words in nxt.reason
    assert planner.due_items(store.applications(), D(2027, 1, 30)) == []


def test_a_cold_rejection_and_an_answered_one_say_why_nothing_is_due(store: Store) -> None:
    data = sample("en_rejection")
    data["outcome"]["warm"] = False
    app = track(store, data)
    assert plan(store, app, D(2026, 11, 20)).reason == "A rejection on 2026-11-18; no reply is needed"
    other = track(store, sample("en_status_check"))
    store.record_reply(other, "rejected", D(2026, 11, 12), warm=True)
    store.record_sent(other, "rejection-reply", D(2026, 11, 13))
    assert "You answered the rejection" in plan(store, other, D(2026, 11, 14)).reason


def test_archived_applications_have_no_step_and_are_not_due(store: Store) -> None:
    app = track(store, sample("en_thank_you"))
    store.archive(app)
    nxt = plan(store, app, D(2026, 11, 20))
    assert nxt.action is None and nxt.reason.startswith("Archived on ")
    assert planner.due_items(store.applications(include_archived=True), D(2026, 11, 20)) == []


def _with_interview(store: Store, app_id: str, day: dt.date) -> Application:
    """The application as if its notes said `day` (no validation: an older store, or a hand edit,
    may hold what the notes model refuses today)."""
    app = store.get_application(app_id)
    interview = app.notes.interview.model_copy(update={"date": day})
    return app.model_copy(update={"notes": app.notes.model_copy(update={"interview": interview})})


def test_dates_at_the_end_of_the_calendar_give_a_reason_not_a_crash(store: Store) -> None:
    last = _with_interview(store, track(store, sample("en_thank_you")), D(9999, 12, 31))
    near = _with_interview(
        store, track(store, sample("en_status_check", decision_timeline="in 2 weeks")), D(9999, 12, 30)
    )
    assert planner.app_timeline(last).reason == "9999-12-31 is too far out to count from"
    nxt = planner.next_step(last, D(2026, 11, 20))
    assert nxt.action is None and "9999-12-31 is out of range" in nxt.reason
    later = planner.next_step(near, D(2026, 11, 20))
    assert later.action is None and "out of range" in later.reason
    assert planner.due_items([last, near], D(2026, 11, 20)) == []
    with pytest.raises(InputError, match="9999-12-31 is outside 1900–2100"):
        track(store, sample("en_rejection", interview={"date": "9999-12-31"}))


def test_due_rows_carry_the_contract_keys(store: Store) -> None:
    track(store, sample("en_status_check"))
    (row,) = planner.due_items(store.applications(), D(2026, 11, 20))
    assert row.model_dump(mode="json", by_alias=True) == {
        "application": row.app_id, "company": "Lumen Robotics", "position": "Product Designer",
        "action": "status-check", "recipient": "Sarah Lindqvist", "due": "2026-11-07", "overdue": True,
        "rule": "T3", "why": row.reason,
    }  # fmt: skip


@pytest.mark.parametrize("where", ["folder", "missing/dir/x.ics", "/dev/null/x.ics"])
def test_ics_to_a_folder_or_an_unwritable_path_is_an_input_error(tmp_path: Path, where: str) -> None:
    (tmp_path / "folder").mkdir()
    target = tmp_path / where
    if where.startswith("missing"):
        (tmp_path / "missing").write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(InputError, match="cannot write"):
        write_ics([], target, D(2026, 11, 20))
    assert not list(tmp_path.rglob("*.tmp"))


@pytest.mark.parametrize("outcome", ["replied", "next-round"])
def test_a_reply_without_a_verdict_leaves_an_unsent_thank_you_due(store: Store, outcome: str) -> None:
    app = track(store, sample("en_thank_you"))  # Priya Raman and Tom Okafor, interview 2026-11-20
    store.record_sent(app, "thank-you", D(2026, 11, 20), to="Priya Raman")
    store.record_reply(app, outcome, D(2026, 11, 20))
    nxt = plan(store, app, D(2026, 11, 21))
    assert (nxt.action, nxt.recipients, nxt.rule) == ("thank-you", ["Tom Okafor"], "T1")
    assert "stops the chasing, not the thanks" in nxt.reason
    # once Tom is thanked, nothing more is chased while the reply stands (no status check)
    store.record_sent(app, "thank-you", D(2026, 11, 21), to="Tom Okafor")
    assert plan(store, app, D(2026, 12, 30)).action is None


@pytest.mark.parametrize("outcome", ["rejected", "offer", "withdrawn"])
def test_a_verdict_ends_the_thank_yous_too(store: Store, outcome: str) -> None:
    app = track(store, sample("en_thank_you"))
    store.record_sent(app, "thank-you", D(2026, 11, 20), to="Priya Raman")
    store.record_reply(app, outcome, D(2026, 11, 20))
    assert plan(store, app, D(2026, 11, 21)).action != "thank-you"
