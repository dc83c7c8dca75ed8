"""The tinydb store: round trips, upgrades, file mode, damaged files, backups."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from afterword.errors import InputError, StoreError
from afterword.models import Draft, Issue, parse_notes
from afterword.scenarios import infer_scenario
from afterword.store import Store
from afterword.store.migrations import SCHEMA_VERSION
from afterword.store.storage import atomic_write_json

SAMPLES = Path(__file__).resolve().parents[1] / "sample_data"
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


def test_default_path_honours_afterword_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AFTERWORD_HOME", str(tmp_path / "home"))
    store = Store()
    assert store.path == tmp_path / "home" / "afterword.json"
    assert store.path.exists()


def test_round_trip_applications_interviews_and_events(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.json")
    app_id = store.upsert_application(parse_notes(sample("en_status_check")))
    again = Store(tmp_path / "db.json")  # a fresh process would see the same
    app = again.get_application(app_id)
    assert (app.company, app.position, app.sender) == ("Lumen Robotics", "Product Designer", "Daniel Ruiz")
    assert app.contacts == [
        {"name": "Sarah Lindqvist", "title": "Head of Design", "email": "sarah@lumenrobotics.io"}
    ]
    assert app.channel == "email"
    assert app.timeline.said == "by the end of the month"
    assert app.timeline.date == D(2026, 10, 31)
    assert app.notes.skills_not_mentioned[0].skill == "accessibility audits"
    assert app.notes.private_notes is None
    # the follow-up written in the notes became a recorded event
    assert [(e.kind, e.scenario, e.date) for e in app.events] == [("sent", "thank-you", D(2026, 10, 30))]
    assert again.interviews(app_id)[0]["stage"] == "final round"


def test_same_company_position_sender_updates(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.json")
    first, created = store.track(parse_notes(sample("en_thank_you")))
    assert created
    changed = sample("en_thank_you", decision_timeline="by December 1", position="senior data engineer ")
    second, created = store.track(parse_notes(changed))
    assert (second, created) == (first, False)
    assert len(store.applications()) == 1
    assert store.get_application(first).timeline.date == D(2026, 12, 1)
    other = store.upsert_application(parse_notes(sample("en_thank_you", position="Staff Data Engineer")))
    assert other != first
    assert store.find_application(parse_notes(sample("en_thank_you"))) == first
    assert store.find_application(parse_notes(sample("en_rejection"))) is None


def test_drafts_keep_every_version_and_approval(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.json")
    app_id = store.upsert_application(parse_notes(sample("en_thank_you")))
    first = store.add_draft(app_id, draft())
    second = store.add_draft(app_id, draft(body="Dear Priya, thanks again…", tone="formal"))
    store.approve_draft(second)
    kept = store.drafts(app_id)
    assert [(d.version, d.approved, d.tone) for d in kept] == [(1, False, "warm"), (2, True, "formal")]
    assert kept[1].approved_at is not None and kept[0].created <= kept[1].created
    assert kept[0].checks[0].rule == "C3" and kept[0].backend == "offline"
    assert first != second
    with pytest.raises(InputError, match="no draft"):
        store.approve_draft("99")


def test_autosaved_notes_may_be_partial(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.json")
    app_id = store.upsert_application(parse_notes(sample("en_thank_you")))
    partial = {"language": "en", "company": {"name": "Northw"}, "positon": "typo kept"}
    store.save_notes(app_id, partial)
    assert Store(tmp_path / "db.json").get_application(app_id).saved_notes == partial


def test_notes_with_history_drive_infer_scenario(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.json")
    app_id = store.upsert_application(parse_notes(sample("en_thank_you")))
    assert infer_scenario(store.notes_with_history(app_id)) == "thank-you"
    store.record_sent(app_id, "thank-you", D(2026, 11, 20))
    assert infer_scenario(store.notes_with_history(app_id)) == "status-check"
    store.record_sent(app_id, "status-check", D(2026, 12, 11))
    assert infer_scenario(store.notes_with_history(app_id)) == "final-follow-up"
    store.record_reply(app_id, "rejected", D(2026, 12, 14), warm=True)
    notes = store.notes_with_history(app_id)
    assert notes.outcome is not None and notes.outcome.warm and notes.outcome.date == D(2026, 12, 14)
    assert infer_scenario(notes) == "rejection-reply"


def test_bad_ids_scenarios_and_outcomes_are_input_errors(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.json")
    app_id = store.upsert_application(parse_notes(sample("ja_recruiter_casual")))
    with pytest.raises(InputError, match="no application with id '42'"):
        store.record_sent("42", "thank-you", D(2026, 11, 21))
    with pytest.raises(InputError, match="unknown scenario"):
        store.record_sent(app_id, "thanks", D(2026, 11, 21))
    with pytest.raises(InputError, match="recruiter"):
        store.record_sent(app_id, "thank-you", D(2026, 11, 21))
    with pytest.raises(InputError, match="unknown outcome"):
        store.record_reply(app_id, "ghosted", D(2026, 11, 21))
    assert store.get_application(app_id).events == []


def test_file_and_lock_are_private(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.json")
    store.upsert_application(parse_notes(sample("en_thank_you")))
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
    assert "sent" not in on_disk["applications"]["1"]
    app = store.get_application("1")
    assert app.timeline.said == "by the end of the month" and app.timeline.date == D(2026, 10, 31)
    assert app.interview_date == D(2026, 10, 30) and app.contacts[0]["name"] == "Sarah Lindqvist"
    assert [(e.scenario, e.date) for e in app.events] == [
        ("thank-you", D(2026, 10, 30)), ("status-check", D(2026, 11, 7))]  # fmt: skip
    assert store.drafts("1")[0].version == 1
    assert infer_scenario(store.notes_with_history("1")) == "final-follow-up"
    assert Store(path).upgraded_from is None  # upgraded once


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    text = json.dumps({"meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}})
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StoreError, match="newer afterword"):
        Store(path)
    assert path.read_text(encoding="utf-8") == text


def test_export_import_round_trip_keeps_the_old_store(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.json")
    app_id = store.upsert_application(parse_notes(sample("ja_thank_you")))
    store.record_sent(app_id, "thank-you", D(2026, 11, 21))
    store.add_draft(app_id, draft(language="ja", recipient="田中 美咲"))
    backup = store.export_data()

    other = Store(tmp_path / "b.json")
    other.upsert_application(parse_notes(sample("en_rejection")))
    aside = other.import_data(json.loads(json.dumps(backup)))
    assert aside is not None and "Harbor & Finch" in aside.read_text(encoding="utf-8")
    app = other.get_application(app_id)
    assert app.company == "株式会社ミライ物流" and app.events[0].scenario == "thank-you"
    assert other.drafts(app_id)[0].recipient == "田中 美咲"
    assert [a.company for a in other.applications()] == ["株式会社ミライ物流"]


@pytest.mark.parametrize(
    ("backup", "message"),
    [
        (["not", "a", "dict"], "not an afterword backup"),
        ({"applications": {"1": {"notes": {"language": "en"}}}}, "applications[1].notes"),
        ({"events": {"1": {"app_id": "7", "kind": "sent"}}}, "refers to no application"),
    ],
)
def test_import_rejects_bad_backups(tmp_path: Path, backup: Any, message: str) -> None:
    store = Store(tmp_path / "db.json")
    app_id = store.upsert_application(parse_notes(sample("en_thank_you")))
    with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]")):
        store.import_data(backup, "backup.json")
    assert store.get_application(app_id).company == "Northwind Health"
