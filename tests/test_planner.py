"""The follow-up planner walked through time against a real store in a temp dir."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from afterword import planner
from afterword.models import parse_notes
from afterword.planner.ics import write_ics
from afterword.scenarios import infer_scenario
from afterword.store import Store

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


def test_next_round_restarts_the_cadence(store: Store) -> None:
    app = track(store, sample("en_thank_you"))
    store.record_sent(app, "thank-you", D(2026, 11, 20))
    store.record_reply(app, "next-round", D(2026, 11, 27))
    assert step(store, app, D(2026, 11, 28)) is None
    data = sample("en_thank_you", decision_timeline="by the end of next week")
    data["interview"] = {"date": "2026-12-03", "stage": "final round"}
    assert track(store, data) == app
    item = step(store, app, D(2026, 12, 3))
    assert item is not None and (item.action, item.due) == ("thank-you", D(2026, 12, 4))
    assert infer_scenario(store.notes_with_history(app)) == "thank-you"
    store.record_sent(app, "thank-you", D(2026, 12, 3))
    item = step(store, app, D(2026, 12, 4))
    assert item is not None and (item.action, item.due) == ("status-check", D(2026, 12, 18))


def test_due_items_are_sorted_by_date(store: Store) -> None:
    ids = {
        name: track(store, sample(name))
        for name in ("en_thank_you", "en_status_check", "en_rejection", "ja_recruiter_casual")
    }
    items = planner.due_items(store, D(2026, 11, 20), grace_days=7)
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
    items = planner.due_items(store, today)
    target = tmp_path / "followups.ics"
    assert write_ics(items, target, today) == 3
    cal = Calendar.from_ical(target.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == 3
    uids = {str(e["UID"]) for e in events}
    assert len(uids) == 3
    for event, item in zip(events, items, strict=True):
        start = event.decoded("DTSTART")
        assert type(start) is dt.date  # all-day
        assert start == max(item.due, today)
        assert event.decoded("DTSTAMP").tzinfo is not None
        assert item.company in str(event["SUMMARY"])
        assert item.reason in str(event["DESCRIPTION"])
    overdue = next(e for e, i in zip(events, items, strict=True) if i.overdue)
    assert "Overdue since 2026-11-07" in str(overdue["DESCRIPTION"])
