"""The tinydb store: round trips, per-person sends and undo, draft versions, archive/delete,
upgrades, file mode, damaged files and records, backups."""

from __future__ import annotations

import ast
import datetime as dt
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from afterword.errors import InputError, StoreError
from afterword.models import Draft, Issue, parse_notes
from afterword.store import Store
from afterword.store.migrations import SCHEMA_VERSION
from afterword.store.storage import atomic_write_json

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data"
D = dt.date


def sample(name: str, **changes: Any) -> dict[str, Any]:
    data = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    data.update(changes)
    return data


def draft(**changes: Any) -> Draft:
    fields: dict[str, Any] = {
        "subject": "Thank you", "body": "Dear Priya, thank you…", "scenario": "thank-you",
        "tone": "warm", "language": "en", "backend": "offline", "model": None,
        "recipient": "Priya Raman",
        "checks": [Issue(source="guidance", rule="C3", message="long", severity="info")],
    }  # fmt: skip
    fields.update(changes)
    return Draft(**fields)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "db.json")


def track(store: Store, name: str, **changes: Any) -> str:
    return store.upsert_application(parse_notes(sample(name, **changes)))


def sends(store: Store, app_id: str) -> list[tuple[str | None, str | None, dt.date]]:
    app = store.get_application(app_id)
    return [(e.scenario, e.recipient, e.date) for e in app.events if e.kind == "sent"]


def test_default_path_honours_afterword_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AFTERWORD_HOME", str(tmp_path / "home"))
    store = Store()
    assert store.path == tmp_path / "home" / "afterword.json"
    assert store.drafts_dir == tmp_path / "home" / "afterword.drafts"
    assert store.path.exists()


def test_round_trip_applications_interviews_and_events(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.json")
    app_id = track(store, "en_status_check")
    again = Store(tmp_path / "db.json")  # a fresh process would see the same
    app = again.get_application(app_id)
    assert (app.company, app.position, app.sender) == ("Lumen Robotics", "Product Designer", "Daniel Ruiz")
    assert app.recipients == ["Sarah Lindqvist"] and app.channel == "email"
    assert app.notes.decision_timeline == "by the end of the month"
    assert app.notes.skills_not_mentioned[0].skill == "accessibility audits"
    # the follow-up written in the notes became a recorded send, to its recipient
    assert sends(again, app_id) == [("thank-you", "Sarah Lindqvist", D(2026, 10, 30))]
    assert again.interviews(app_id)[0].stage == "final round"


def test_the_store_keeps_what_was_said_not_what_the_planner_derives(store: Store) -> None:
    app_id = track(store, "en_thank_you")
    record = json.loads(store.path.read_text(encoding="utf-8"))["applications"][app_id]
    assert set(record) == {"notes", "saved_notes", "archived", "created", "updated"}
    code = "import afterword.store, sys; print(sorted(m for m in sys.modules if m.startswith('afterword.')))"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    loaded = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert "afterword.planner" not in loaded.stdout


def test_migrations_are_frozen_and_import_no_domain_code() -> None:
    tree = ast.parse((ROOT / "src" / "afterword" / "store" / "migrations.py").read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert {m for m in imported if m and m.startswith("afterword")} == {"afterword.errors"}


def test_same_company_position_sender_updates(store: Store) -> None:
    first, created = store.track(parse_notes(sample("en_thank_you")))
    assert created
    changed = sample("en_thank_you", decision_timeline="by December 1", position="senior data engineer ")
    second, created = store.track(parse_notes(changed))
    assert (second, created) == (first, False)
    assert len(store.applications()) == 1
    assert store.get_application(first).notes.decision_timeline == "by December 1"
    other = track(store, "en_thank_you", position="Staff Data Engineer")
    assert other != first
    assert store.find_application(parse_notes(sample("en_thank_you"))) == first
    assert store.find_application(parse_notes(sample("en_rejection"))) is None


def test_a_thank_you_is_recorded_per_interviewer(store: Store) -> None:
    app_id = track(store, "en_thank_you")
    new = store.record_sent(app_id, "thank-you", D(2026, 11, 20), to="priya raman")
    assert [(e.recipient, e.scenario) for e in new] == [("Priya Raman", "thank-you")]
    # without `to`: every recipient of the scenario; one already recorded that day is not doubled
    new = store.record_sent(app_id, "thank-you", D(2026, 11, 20))
    assert [e.recipient for e in new] == ["Tom Okafor"]
    assert store.record_sent(app_id, "thank-you", D(2026, 11, 20)) == []
    # a status check goes to the first interviewer only
    assert [e.recipient for e in store.record_sent(app_id, "status-check", D(2026, 12, 11))] == [
        "Priya Raman"
    ]
    with pytest.raises(InputError, match="--to 'Dana': no such recipient"):
        store.record_sent(app_id, "thank-you", D(2026, 11, 21), to="Dana")


def test_unsend_undoes_the_last_recorded_send_whole_or_per_person(store: Store) -> None:
    app_id = track(store, "en_thank_you")
    store.record_sent(app_id, "thank-you", D(2026, 11, 20))  # one action, both interviewers
    undone = store.unsend(app_id)
    assert sorted(e.recipient or "" for e in undone) == ["Priya Raman", "Tom Okafor"]
    assert all(e.undone is not None for e in undone)
    assert sends(store, app_id) == []
    store.record_sent(app_id, "thank-you", D(2026, 11, 20))
    assert [e.recipient for e in store.unsend(app_id, to="Tom Okafor")] == ["Tom Okafor"]
    assert sends(store, app_id) == [("thank-you", "Priya Raman", D(2026, 11, 20))]
    store.unsend(app_id)
    with pytest.raises(InputError, match="no recorded send to undo"):
        store.unsend(app_id)
    with pytest.raises(InputError, match="no recorded send to Tom Okafor"):
        store.unsend(app_id, to="Tom Okafor")


def test_undo_last_takes_back_the_latest_event_a_reply_or_a_send(store: Store) -> None:
    app_id = track(store, "en_thank_you")
    store.record_sent(app_id, "thank-you", D(2026, 11, 20), to="Priya Raman")
    store.record_reply(app_id, "replied", D(2026, 11, 21))
    assert store.get_application(app_id).status == "replied"
    assert store.undo_last(app_id, "sent") != []  # only sends: the reply stands
    assert store.get_application(app_id).status == "replied"
    store.record_sent(app_id, "thank-you", D(2026, 11, 21), to="Tom Okafor")
    store.record_reply(app_id, "next-round", D(2026, 11, 22))
    undone = store.undo_last(app_id)  # whichever came last: the reply
    assert [(e.kind, e.outcome) for e in undone] == [("reply", "next-round")]
    assert store.get_application(app_id).status == "replied"
    assert [e.outcome for e in store.undo_last(app_id, "reply")] == ["replied"]
    assert store.get_application(app_id).status == "active"
    assert store.undo_last(app_id, "reply") == []
    assert [e.recipient for e in store.undo_last(app_id)] == ["Tom Okafor"]
    assert store.undo_last(app_id) == []


def test_an_undone_send_from_the_notes_stays_undone_when_tracked_again(store: Store) -> None:
    app_id = track(store, "en_status_check")  # notes say: thank-you sent 2026-10-30
    store.unsend(app_id)
    assert track(store, "en_status_check") == app_id
    assert sends(store, app_id) == []
    assert store.notes_with_history(app_id).follow_ups == []


def test_notes_and_store_sends_merge_without_duplicates(store: Store) -> None:
    app_id = track(store, "en_status_check")
    store.record_sent(app_id, "status-check", D(2026, 11, 7))
    notes = store.notes_with_history(app_id)  # what the notes form shows: the store's sends
    assert [(f.date, f.scenario) for f in notes.follow_ups] == [
        (D(2026, 10, 30), "thank-you"), (D(2026, 11, 7), "status-check")]  # fmt: skip
    # saving those notes back (plus one more follow-up typed in the form) records only the new one
    data = notes.model_dump(mode="json", exclude_none=True)
    data["follow_ups"].append({"date": "2026-11-14", "scenario": "final-follow-up"})
    store.track(parse_notes(data))
    assert sends(store, app_id) == [
        ("thank-you", "Sarah Lindqvist", D(2026, 10, 30)),
        ("status-check", "Sarah Lindqvist", D(2026, 11, 7)),
        ("final-follow-up", "Sarah Lindqvist", D(2026, 11, 14)),
    ]


def test_a_follow_up_in_the_notes_may_name_its_one_recipient(store: Store) -> None:
    """Notes that say the thank-you went to Priya only leave Tom's thank-you due; the notes
    rebuilt from the store say the same, so saving them back records nothing twice."""
    follow_ups = [{"date": "2026-11-20", "scenario": "thank-you", "to": "Priya Raman"}]
    app_id = track(store, "en_thank_you", follow_ups=follow_ups)
    assert sends(store, app_id) == [("thank-you", "Priya Raman", D(2026, 11, 20))]
    notes = store.notes_with_history(app_id)
    assert [(f.scenario, f.to) for f in notes.follow_ups] == [("thank-you", "Priya Raman")]
    store.track(parse_notes(notes.model_dump(mode="json", exclude_none=True)))
    assert sends(store, app_id) == [("thank-you", "Priya Raman", D(2026, 11, 20))]
    store.record_sent(app_id, "thank-you", D(2026, 11, 20), to="Tom Okafor")
    assert [(f.scenario, f.to) for f in store.notes_with_history(app_id).follow_ups] == [("thank-you", None)]
    with pytest.raises(InputError, match=r"follow_ups\[0\]\.to.*'Dana' is not a recipient"):
        parse_notes(sample("en_thank_you", follow_ups=[{**follow_ups[0], "to": "Dana"}]))


def test_preview_counts_untracked_notes_without_writing(store: Store) -> None:
    app_id = track(store, "en_thank_you")
    before = store.path.read_bytes()
    data = sample("en_thank_you", follow_ups=[{"date": "2026-11-20", "scenario": "thank-you"}])
    app = store.preview(parse_notes(data))
    assert app is not None and app.id == app_id
    assert {e.recipient for e in app.events} == {"Priya Raman", "Tom Okafor"}
    assert store.path.read_bytes() == before
    assert store.preview(parse_notes(sample("en_rejection"))) is None


def test_drafts_keep_every_version_per_recipient_and_scenario(store: Store) -> None:
    app_id = track(store, "en_thank_you")
    first = store.add_draft(app_id, draft())
    assert store.add_draft(app_id, draft()) == first  # the same text again adds nothing
    second = store.add_draft(app_id, draft(body="Dear Priya, thanks again…", tone="formal"), edited=True)
    tom = store.add_draft(app_id, draft(recipient="Tom Okafor", body="Dear Tom, …"))
    store.approve_draft(second)
    priya = store.drafts(app_id, recipient="Priya Raman", scenario="thank-you")
    assert [(d.version, d.approved, d.tone, d.edited) for d in priya] == [
        (1, False, "warm", False), (2, True, "formal", True)]  # fmt: skip
    assert priya[1].approved_at is not None and priya[0].created <= priya[1].created
    assert priya[0].checks[0].rule == "C3" and priya[0].backend == "offline"
    assert [d.version for d in store.drafts(app_id, recipient="Tom Okafor")] == [1]
    assert len(store.drafts(app_id)) == 3
    latest = store.latest_draft(app_id, "Priya Raman", "thank-you")
    assert latest is not None and latest.id == second
    assert store.get_draft(tom).body == "Dear Tom, …"
    for bad in ("99", "1.99", "²", "x.1"):
        with pytest.raises(InputError, match="no draft"):
            store.approve_draft(bad)


def test_restoring_a_version_adds_it_again_as_the_newest(store: Store) -> None:
    app_id = track(store, "en_thank_you")
    first = store.add_draft(app_id, draft(body="generated"))
    store.add_draft(app_id, draft(body="my edit"), edited=True)
    store.add_draft(app_id, draft(body="regenerated"))
    restored = store.restore_draft(first)
    assert (restored.version, restored.body, restored.restored_from) == (4, "generated", 1)
    assert store.restore_draft(restored.id) == restored  # already the newest: nothing changes
    edit = store.drafts(app_id)[1]
    back = store.restore_draft(edit.id)
    assert (back.version, back.body, back.edited, back.restored_from) == (5, "my edit", True, 2)
    assert [d.body for d in store.drafts(app_id)] == [
        "generated",
        "my edit",
        "regenerated",
        "generated",
        "my edit",
    ]


def test_draft_versions_live_in_a_file_per_application(store: Store) -> None:
    one = track(store, "en_thank_you")
    two = track(store, "en_status_check")
    store.add_draft(one, draft())
    store.add_draft(two, draft(recipient="Sarah Lindqvist"))
    assert sorted(p.name for p in store.drafts_dir.iterdir()) == [f"{one}.json", f"{two}.json"]
    assert "drafts" not in json.loads(store.path.read_text(encoding="utf-8"))
    assert stat.S_IMODE(store.drafts_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((store.drafts_dir / f"{one}.json").stat().st_mode) == 0o600


def test_archive_hides_and_unarchive_shows_again(store: Store) -> None:
    one = track(store, "en_thank_you")
    two = track(store, "en_status_check")
    store.archive(one)
    assert [a.id for a in store.applications()] == [two]
    assert [a.id for a in store.applications(include_archived=True)] == [one, two]
    assert store.get_application(one).archived is not None
    assert track(store, "en_thank_you") == one  # tracking it again finds it, still archived
    assert store.get_application(one).archived is not None
    store.unarchive(one)
    assert [a.id for a in store.applications()] == [one, two]


def test_delete_keeps_nothing_and_never_reuses_the_id(store: Store) -> None:
    one = track(store, "en_thank_you")
    two = track(store, "en_status_check")
    store.record_sent(two, "status-check", D(2026, 11, 7))
    store.add_draft(two, draft(recipient="Sarah Lindqvist"))
    store.delete(two)
    assert [a.id for a in store.applications(include_archived=True)] == [one]
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert all(r["app_id"] != two for t in ("events", "interviews") for r in data[t].values())
    assert not (store.drafts_dir / f"{two}.json").exists()
    with pytest.raises(InputError, match=f"no application with id '{two}'"):
        store.get_application(two)
    three = track(store, "en_status_check")
    assert int(three) > int(two) and store.drafts(three) == []


def test_autosave_survives_tracking_different_notes(store: Store) -> None:
    app_id = track(store, "en_thank_you")
    partial = {"language": "en", "company": {"name": "Northw"}, "positon": "typo kept"}
    store.save_notes(app_id, partial)
    assert Store(store.path).get_application(app_id).saved_notes == partial
    track(store, "en_thank_you", decision_timeline="by Friday")  # e.g. `afterword track` meanwhile
    assert store.get_application(app_id).saved_notes == partial
    # saving exactly these notes (what the editor does on save) clears the autosave
    store.save_notes(app_id, sample("en_thank_you"))
    track(store, "en_thank_you")
    assert store.get_application(app_id).saved_notes is None


def test_replies_cover_every_outcome(store: Store) -> None:
    app_id = track(store, "en_thank_you")
    for outcome in ("replied", "next-round", "rejected", "offer", "withdrawn"):
        event = store.record_reply(app_id, outcome, D(2026, 11, 25))
        assert event.outcome == outcome
        assert store.get_application(app_id).status == outcome


def test_bad_ids_scenarios_outcomes_and_dates_are_input_errors(store: Store) -> None:
    app_id = track(store, "ja_recruiter_casual")
    for bad_id in ("42", "²", "-1", ""):
        with pytest.raises(InputError, match="no application with id"):
            store.record_sent(bad_id, "thank-you", D(2026, 11, 21))
    with pytest.raises(InputError, match="unknown scenario"):
        store.record_sent(app_id, "thanks", D(2026, 11, 21))
    with pytest.raises(InputError, match="recruiter"):
        store.record_sent(app_id, "thank-you", D(2026, 11, 21))
    with pytest.raises(InputError, match="unknown outcome"):
        store.record_reply(app_id, "ghosted", D(2026, 11, 21))
    with pytest.raises(InputError, match="9999-01-01 is outside 1900–2100"):
        store.record_sent(app_id, "recruiter-thanks", D(9999, 1, 1))
    assert store.get_application(app_id).events == []


def test_file_and_lock_are_private(store: Store, tmp_path: Path) -> None:
    track(store, "en_thank_you")
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    os.chmod(store.path, 0o644)
    Store(tmp_path / "db.json")
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.json", "db.json.lock"]
    assert stat.S_IMODE((tmp_path / "db.json.lock").stat().st_mode) == 0o600


def test_failed_write_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "db.json"
    atomic_write_json(target, {"meta": {"1": {"schema_version": SCHEMA_VERSION}}})
    before = target.read_bytes()
    with pytest.raises(TypeError):
        atomic_write_json(target, {"bad": {"1": {"when": object()}}})
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["db.json"]


def test_corrupt_file_is_moved_aside_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    path.write_text('{"applications": {"1": {"company": "Lum', encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        Store(path)
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("db.json.corrupt-")]
    assert len(aside) == 1
    assert aside[0].read_text(encoding="utf-8").startswith('{"applications"')
    assert aside[0].name in str(caught.value) and "nothing was deleted" in str(caught.value)
    store = Store(path)  # the next run starts an empty store
    assert store.applications() == []


@pytest.mark.parametrize(
    "content",
    [
        {"applications": [1, 2]},
        {"applications": {"1": "Lumen"}},
        {"applications": {"first": {}}},
        {"customers": {}},
        {"meta": {"1": {"schema_version": 1}}, "applications": {"1": {"sent": 5}}},
    ],
)
def test_a_store_of_the_wrong_shape_is_set_aside(tmp_path: Path, content: dict[str, Any]) -> None:
    path = tmp_path / "db.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(StoreError, match="the store is damaged") as caught:
        Store(path)
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("db.json.corrupt-")]
    assert len(aside) == 1 and json.loads(aside[0].read_text(encoding="utf-8")) == content
    assert aside[0].name in str(caught.value)
    assert Store(path).applications() == []


def test_records_that_do_not_fit_are_taken_out_and_the_rest_works(store: Store) -> None:
    good = track(store, "en_thank_you")
    bad = track(store, "en_status_check")
    store.record_sent(good, "status-check", D(2026, 12, 11))
    data = json.loads(store.path.read_text(encoding="utf-8"))
    del data["applications"][bad]["notes"]["position"]
    event = next(k for k, e in data["events"].items() if e["scenario"] == "status-check")
    data["events"][event]["date"] = "soon"
    store.path.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(StoreError) as caught:
        store.applications()
    message = str(caught.value)
    assert f"events[{event}]" in message and "not a date" in message
    kept = [p for p in store.path.parent.iterdir() if p.name.startswith("db.json.bad-records-")]
    assert len(kept) == 1 and kept[0].name in message
    assert json.loads(kept[0].read_text(encoding="utf-8")) == data  # the file as it was, whole
    with pytest.raises(StoreError, match=rf"applications\[{bad}\]: `notes.position` is required"):
        store.applications()
    assert [a.id for a in store.applications()] == [good]  # the rest works
    assert all(
        e["app_id"] != bad for e in json.loads(store.path.read_text(encoding="utf-8"))["events"].values()
    )


def test_v1_file_is_upgraded_in_order(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    v1 = {
        "applications": {
            "1": {
                "company": "Lumen Robotics",
                "position": "Product Designer",
                "sender": "Daniel Ruiz",
                "notes": {k: v for k, v in sample("en_status_check").items()
                          if k not in ("follow_ups", "decision_timeline")},
                "timeline": "by the end of the month",
                "sent": [{"date": "2026-10-30", "scenario": "thank-you"},
                         {"date": "2026-11-07", "scenario": "status-check"}],
                "created": "2026-10-30T18:00:00+09:00",
            }
        },
        "drafts": {"1": {"app_id": "1", "subject": "Thanks", "body": "…", "scenario": "thank-you",
                         "tone": "warm", "language": "en", "backend": "offline",
                         "recipient": "Sarah Lindqvist", "created": "2026-10-30T18:05:00+09:00"}},
    }  # fmt: skip
    path.write_text(json.dumps(v1), encoding="utf-8")
    store = Store(path)
    assert store.upgraded_from == 1
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert set(on_disk["applications"]["1"]) == {"notes", "created", "updated", "archived"}
    app = store.get_application("1")
    assert app.notes.decision_timeline == "by the end of the month"
    assert app.interview_date == D(2026, 10, 30) and app.recipients == ["Sarah Lindqvist"]
    assert sends(store, "1") == [
        ("thank-you", "Sarah Lindqvist", D(2026, 10, 30)),
        ("status-check", "Sarah Lindqvist", D(2026, 11, 7)),
    ]
    kept = store.drafts("1")
    assert [(d.id, d.version, d.edited) for d in kept] == [("1.1", 1, False)]
    assert Store(path).upgraded_from is None  # upgraded once


def test_v3_file_drops_derived_fields_and_sends_become_per_person(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    notes = sample("en_thank_you")
    v3 = {
        "meta": {"1": {"schema_version": 3}},
        "applications": {"1": {
            "company": "Northwind Health", "position": "Senior Data Engineer", "sender": "Maya Chen",
            "candidate": None, "role": "candidate", "language": "en", "channel": "email",
            "contacts": [{"name": "Priya Raman"}, {"name": "Tom Okafor"}], "interview_date": "2026-11-20",
            "timeline": {"said": "within 2 weeks", "date": "2026-12-04"}, "status": "active",
            "notes": notes, "saved_notes": {"position": "typed"},
            "created": "2026-11-20T18:00:00+00:00", "updated": "2026-11-21T09:00:00+00:00"}},
        "events": {
            "1": {"app_id": "1", "kind": "sent", "scenario": "thank-you", "date": "2026-11-20",
                  "recorded": "2026-11-20T19:00:00+00:00", "source": "user"},
            "2": {"app_id": "1", "kind": "sent", "scenario": "status-check", "date": "2026-12-11",
                  "recorded": "2026-12-11T19:00:00+00:00", "source": "user"},
            "3": {"app_id": "1", "kind": "reply", "outcome": "next-round", "date": "2026-12-14",
                  "warm": False, "recorded": "2026-12-14T19:00:00+00:00", "source": "user"}},
        "interviews": {"1": {"app_id": "1", "date": "2026-11-20", "stage": "second round",
                             "format": "video", "channel": "email",
                             "interviewers": ["Priya Raman", "Tom Okafor"]}},
        "drafts": {"1": {"app_id": "1", "subject": "Thanks", "body": "…", "scenario": "thank-you",
                         "tone": "warm", "language": "en", "backend": "offline", "version": 1,
                         "recipient": "Tom Okafor", "created": "2026-11-20T18:05:00+00:00",
                         "approved": True, "approved_at": "2026-11-20T18:06:00+00:00"}},
    }  # fmt: skip
    path.write_text(json.dumps(v3), encoding="utf-8")
    store = Store(path)
    assert store.upgraded_from == 3
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert set(on_disk) == {"meta", "applications", "events", "interviews"}
    assert set(on_disk["applications"]["1"]) == {"notes", "saved_notes", "created", "updated", "archived"}
    assert on_disk["applications"]["1"]["notes"] == notes
    app = store.get_application("1")
    assert app.saved_notes == {"position": "typed"} and app.status == "next-round"
    assert sends(store, "1") == [
        ("thank-you", "Priya Raman", D(2026, 11, 20)),
        ("thank-you", "Tom Okafor", D(2026, 11, 20)),
        ("status-check", "Priya Raman", D(2026, 12, 11)),
    ]
    assert [e.recipient for e in store.unsend("1")] == ["Priya Raman"]  # one old send = one batch
    (approved,) = store.drafts("1")
    assert (approved.recipient, approved.approved, approved.edited) == ("Tom Okafor", True, False)
    assert store.interviews("1")[0].interviewers == ["Priya Raman", "Tom Okafor"]


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    text = json.dumps({"meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}, "future_table": {}})
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StoreError, match="newer afterword"):
        Store(path)
    assert path.read_text(encoding="utf-8") == text


def test_export_import_round_trip_keeps_the_old_store_whole(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.json")
    app_id = track(store, "ja_thank_you")
    store.record_sent(app_id, "thank-you", D(2026, 11, 21))
    store.add_draft(app_id, draft(language="ja", recipient="田中 美咲"))
    backup = json.loads(json.dumps(store.export_data()))
    assert len(backup["drafts"]) == 1

    other = Store(tmp_path / "b.json")
    old = track(other, "en_rejection")
    other.add_draft(old, draft(recipient="Gregory Walsh", body="Dear Gregory"))
    aside = other.import_data(backup)
    assert aside is not None
    app = other.get_application(app_id)
    assert app.company == "株式会社ミライ物流" and app.events[0].scenario == "thank-you"
    assert other.drafts(app_id)[0].recipient == "田中 美咲"
    assert [a.company for a in other.applications()] == ["株式会社ミライ物流"]
    # the store as it was (drafts too) is kept as a backup that imports back
    assert stat.S_IMODE(aside.stat().st_mode) == 0o600
    other.import_data(json.loads(aside.read_text(encoding="utf-8")), str(aside))
    assert other.applications()[0].company == "Harbor & Finch"
    assert other.drafts(old)[0].body == "Dear Gregory"


def _backup(**tables: Any) -> dict[str, Any]:
    notes = sample("en_thank_you")
    app = {"notes": notes, "archived": None, "created": "2026-11-20T10:00:00+00:00",
           "updated": "2026-11-20T10:00:00+00:00"}  # fmt: skip
    data: dict[str, Any] = {"meta": {"1": {"schema_version": SCHEMA_VERSION}}, "applications": {"1": app}}
    for table, rows in tables.items():
        data[table] = rows
    return data


def sent_row(**changes: str | None) -> dict[str, str | None]:
    return {"app_id": "1", "kind": "sent", "date": "2026-11-20", "scenario": "thank-you", **changes}


@pytest.mark.parametrize(
    ("backup", "message"),
    [
        (["not", "a", "dict"], "not an afterword backup"),
        ({"applications": [1]}, "`applications` is not a table of records"),
        ({"customers": {}}, "unknown table `customers`"),
        ({"applications": {"1": {"notes": {"language": "en"}}}}, "applications[1]"),
        (_backup(applications={"1": {"notes": sample("en_thank_you")}}), "`created` is required"),
        ({"meta": {"1": {"schema_version": 3}}, "applications": {"1": {"notes": sample("en_thank_you")}}},
         "`created` is required"),
        (_backup(events={"1": sent_row(app_id="7")}), "events[1] refers to no application"),
        (_backup(events={"1": sent_row(date="2026-13-01")}), "events[1]: `date`"),
        (_backup(events={"1": sent_row(date="9999-12-31")}), "9999-12-31 is outside 1900–2100"),
        (_backup(events={"1": {**sent_row(), "scenario": None}}), "needs its `scenario`"),
        (_backup(drafts={"1": {"app_id": "1", "body": "…"}}), "drafts[1]"),
        ({"meta": {"1": {"schema_version": 99}}}, "newer afterword"),
    ],
)  # fmt: skip
def test_import_refuses_a_bad_backup_and_changes_nothing(store: Store, backup: Any, message: str) -> None:
    app_id = track(store, "en_thank_you")
    store.add_draft(app_id, draft())
    before = (store.path.read_bytes(), (store.drafts_dir / f"{app_id}.json").read_bytes())
    with pytest.raises(InputError) as caught:
        store.import_data(backup, "backup.json")
    assert str(caught.value).startswith("backup.json") and message in str(caught.value)
    assert str(store.path) not in str(caught.value)
    assert (store.path.read_bytes(), (store.drafts_dir / f"{app_id}.json").read_bytes()) == before
    assert sorted(p.name for p in store.path.parent.iterdir()) == ["db.drafts", "db.json", "db.json.lock"]


def test_a_store_opened_before_another_process_wrote_reads_the_new_file(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    first = Store(path)  # has read the file once, to check its schema
    Store(path).upsert_application(parse_notes(sample("en_thank_you")))  # another process writes
    assert [a.company for a in first.applications()] == ["Northwind Health"]
