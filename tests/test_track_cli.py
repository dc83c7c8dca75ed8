"""`afterword track / apps / due / sent / reply / export-data / import-data` as a user runs them."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data"


def afterword(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "AFTERWORD_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "afterword", *args], env=env, capture_output=True, text=True,
        timeout=60, cwd=ROOT,
    )  # fmt: skip


def ok(home: Path, *args: str) -> str:
    result = afterword(home, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def write_sample(folder: Path, name: str, **changes: Any) -> Path:
    data = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    data.update(changes)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def due(home: Path, today: str) -> dict[str, dict[str, Any]]:
    """Application id → its first due row."""
    rows: dict[str, dict[str, Any]] = {}
    for item in json.loads(ok(home, "due", "--today", today, "--json")):
        rows.setdefault(item["application"], item)
    return rows


@pytest.fixture(scope="module")
def tracked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """Four applications at different stages, tracked once through the CLI."""
    home = tmp_path_factory.mktemp("tracked") / "home"
    notes = home.parent / "notes"
    notes.mkdir()
    files = {
        "fresh": write_sample(notes, "en_thank_you", interview={"date": "2026-11-19"}),
        "waiting": write_sample(
            notes, "en_status_check", interview={"date": "2026-11-02"}, decision_timeline="within 2 weeks",
            follow_ups=[{"date": "2026-11-02", "scenario": "thank-you"}],
        ),
        "rejected": write_sample(notes, "en_rejection"),
        "recruiter": write_sample(
            notes, "ja_recruiter_casual", interview={"date": "2026-11-18"},
            follow_ups=[{"date": "2026-11-18", "scenario": "recruiter-thanks"}],
        ),
    }  # fmt: skip
    ids = {stage: json.loads(ok(home, "track", str(path), "--json"))["id"] for stage, path in files.items()}
    return home, ids


@pytest.fixture
def four(tracked: tuple[Path, dict[str, str]], tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A private copy of the four tracked applications for one test to change."""
    home, ids = tracked
    copy = tmp_path / "home"
    shutil.copytree(home, copy)
    return copy, ids


def test_due_gives_each_application_its_next_action(four: tuple[Path, dict[str, str]]) -> None:
    home, ids = four
    items = json.loads(ok(home, "due", "--today", "2026-11-20", "--json"))
    assert [i["due"] for i in items] == sorted(i["due"] for i in items)
    got = {(stage, i["recipient"]): (i["action"], i["due"], i["overdue"], i["rule"])
           for i in items for stage, app in ids.items() if i["application"] == app}  # fmt: skip
    assert got == {
        ("fresh", "Priya Raman"): ("thank-you", "2026-11-20", False, "T1"),
        ("fresh", "Tom Okafor"): ("thank-you", "2026-11-20", False, "T1"),
        ("waiting", "Sarah Lindqvist"): ("status-check", "2026-11-23", False, "T3"),
        ("rejected", "Gregory Walsh"): ("rejection-reply", "2026-11-19", True, "C10"),
        ("recruiter", "山田 翔"): ("recruiter-nudge", "2026-11-20", False, "T5"),
    }
    assert set(items[0]) == {
        "application", "company", "position", "action", "recipient", "due", "overdue", "rule", "why",
    }  # fmt: skip
    text = ok(home, "due", "--today", "2026-11-20")
    assert "1 day overdue" in text and "rejection-reply" in text and "Harbor & Finch" in text
    assert "→ Tom Okafor" in text


def test_sent_per_interviewer_and_unsend(four: tuple[Path, dict[str, str]]) -> None:
    home, ids = four
    fresh = ids["fresh"]
    out = ok(home, "sent", fresh, "thank-you", "--to", "Priya Raman", "--date", "2026-11-19")
    assert "Recorded thank-you to Priya Raman" in out and "Next: thank-you to Tom Okafor" in out
    rows = json.loads(ok(home, "due", "--today", "2026-11-20", "--json"))
    assert [r["recipient"] for r in rows if r["application"] == fresh] == ["Tom Okafor"]
    assert "Priya Raman ✓ · Tom Okafor thank-you" in ok(home, "apps")
    out = ok(home, "sent", fresh, "thank-you", "--date", "2026-11-20")  # everyone not yet recorded that day
    assert "to Priya Raman, Tom Okafor" in out
    assert due(home, "2026-11-21")[fresh]["action"] == "status-check"
    out = ok(home, "unsend", fresh)
    assert "Undid thank-you to Priya Raman, Tom Okafor" in out and "of 2026-11-20" in out
    out = ok(home, "unsend", fresh, "--to", "priya raman")
    assert "Undid thank-you to Priya Raman" in out
    assert {r["recipient"] for r in json.loads(ok(home, "due", "--today", "2026-11-20", "--json"))
            if r["application"] == fresh} == {"Priya Raman", "Tom Okafor"}  # fmt: skip
    result = afterword(home, "unsend", fresh)
    assert result.returncode == 2 and "no recorded send to undo" in result.stderr


def test_after_next_round_draft_waits_instead_of_a_final_follow_up(
    four: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    home, ids = four
    waiting = ids["waiting"]
    ok(home, "reply", waiting, "--outcome", "next-round", "--date", "2026-11-10")
    assert waiting not in due(home, "2026-12-20")
    notes = write_sample(
        tmp_path, "en_status_check", interview={"date": "2026-11-02"}, decision_timeline="within 2 weeks",
        follow_ups=[{"date": "2026-11-02", "scenario": "thank-you"}],
    )  # fmt: skip
    result = afterword(home, "draft", str(notes), "--backend", "offline")
    assert result.returncode == 2 and "nothing to send now" in result.stderr and "next round" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    # the next round's notes, not even tracked yet: the draft is its thank-you
    data = json.loads(notes.read_text(encoding="utf-8"))
    data["interview"] = {"date": "2026-11-25", "stage": "panel"}
    data["interviewers"] = [{"name": "Ines Duarte"}, {"name": "Sarah Lindqvist"}]
    notes.write_text(json.dumps(data), encoding="utf-8")
    drafted = json.loads(ok(home, "draft", str(notes), "--backend", "offline", "--json"))["drafts"]
    assert [(d["scenario"], d["recipient"]) for d in drafted] == [
        ("thank-you", "Ines Duarte"), ("thank-you", "Sarah Lindqvist")]  # fmt: skip
    ok(home, "track", str(notes))
    ok(home, "sent", waiting, "thank-you", "--to", "Ines Duarte", "--date", "2026-11-25")
    drafted = json.loads(ok(home, "draft", str(notes), "--backend", "offline", "--json"))
    assert (drafted["scenario"], drafted["recipient"]) == ("thank-you", "Sarah Lindqvist")


def test_archive_unarchive_and_delete(four: tuple[Path, dict[str, str]]) -> None:
    home, ids = four
    fresh, waiting = ids["fresh"], ids["waiting"]
    assert "unarchive" in ok(home, "archive", fresh)
    assert fresh not in due(home, "2026-11-20")
    listed = ok(home, "apps")
    assert "Northwind Health" not in listed
    assert "[archived]" in ok(home, "apps", "--all")
    ok(home, "unarchive", fresh)
    assert fresh in due(home, "2026-11-20")
    refused = afterword(home, "delete", waiting)
    assert refused.returncode == 2 and "--yes" in refused.stderr and "Lumen Robotics" in refused.stderr
    assert waiting in due(home, "2026-11-20")
    assert "Deleted Lumen Robotics" in ok(home, "delete", waiting, "--yes")
    assert waiting not in {a["id"] for a in json.loads(ok(home, "apps", "--all", "--json"))}


def test_sent_and_reply_move_the_cadence_to_move_on(four: tuple[Path, dict[str, str]]) -> None:
    home, ids = four
    waiting, recruiter = ids["waiting"], ids["recruiter"]
    ok(home, "sent", waiting, "status-check", "--date", "2026-11-23")
    assert due(home, "2026-11-24")[waiting]["action"] == "final-follow-up"
    assert due(home, "2026-11-24")[waiting]["due"] == "2026-11-30"
    ok(home, "sent", waiting, "final-follow-up", "--date", "2026-11-30")
    after_two = due(home, "2026-12-08")[waiting]
    assert (after_two["action"], after_two["due"], after_two["overdue"]) == ("move-on", "2026-12-07", True)
    assert "move-on" in ok(home, "due", "--today", "2026-12-08")

    assert recruiter in due(home, "2026-11-20")
    out = ok(home, "reply", recruiter, "--outcome", "replied", "--date", "2026-11-21")
    assert "replied" in out
    assert recruiter not in due(home, "2026-11-22")
    apps = {a["id"]: a for a in json.loads(ok(home, "apps", "--json"))}
    assert apps[recruiter]["status"] == "replied"
    assert "[replied]" in ok(home, "apps")


def test_reply_with_warm_rejection_suggests_rejection_reply(four: tuple[Path, dict[str, str]]) -> None:
    home, ids = four
    fresh = ids["fresh"]
    ok(home, "sent", fresh, "thank-you", "--date", "2026-11-19")
    ok(home, "reply", fresh, "--outcome", "rejected", "--date", "2026-11-25", "--warm")
    item = due(home, "2026-11-25")[fresh]
    assert (item["action"], item["rule"], item["due"]) == ("rejection-reply", "C10", "2026-11-26")


def test_track_again_updates_the_same_application(tmp_path: Path) -> None:
    home = tmp_path / "home"
    path = write_sample(tmp_path, "ja_thank_you")
    first = json.loads(ok(home, "track", str(path), "--json"))
    assert first == {"id": first["id"], "created": True}
    text = ok(home, "track", str(path))
    assert f"as {first['id']}" in text and "Updated" in text and "2026-12-05" in text
    assert len(json.loads(ok(home, "apps", "--json"))) == 1


def test_ics_file_parses_back_with_the_events(four: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    home, _ = four
    target = tmp_path / "followups.ics"
    result = afterword(home, "due", "--today", "2026-11-20", "--ics", str(target))
    assert result.returncode == 0 and "Wrote 5 follow-ups" in result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    cal = Calendar.from_ical(target.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == 5
    summaries = " ".join(str(e["SUMMARY"]) for e in events)
    assert "Lumen Robotics" in summaries and "株式会社HRブリッジ" in summaries
    for event in events:
        assert str(event["UID"]).endswith("@afterword")
        assert "DTSTAMP" in event and str(event["DESCRIPTION"])
        assert type(event.decoded("DTSTART")) is dt.date
        assert event.decoded("DTSTART") >= dt.date(2026, 11, 20)


def test_export_and_import_data_round_trip(four: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    home, _ = four
    backup = tmp_path / "backup.json"
    assert "Exported 4" in ok(home, "export-data", str(backup))
    other = tmp_path / "other"
    ok(other, "import-data", str(backup))
    assert due(other, "2026-11-20") == due(home, "2026-11-20")
    again = ok(other, "import-data", str(backup))
    assert "previous store was kept as" in again


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("sent", "99", "thank-you"), "no application with id '99'"),
        (("sent", "²", "thank-you"), "APP_ID '²': not an application id"),
        (("unsend", "٣"), "APP_ID '٣': not an application id"),
        (("sent", "{fresh}", "thank-you", "--to", "Dana"), "--to 'Dana': no such recipient"),
        (("sent", "{fresh}", "thank-you", "--date", "9999-01-01"), "9999-01-01 is outside 1900–2100"),
        (("reply", "{fresh}", "--outcome", "ghosted"), "unknown outcome 'ghosted'"),
        (("archive", "12"), "no application with id '12'"),
        (("due", "--ics", "."), ": cannot write (is a folder)"),
        (("due", "--ics", "/dev/null/x.ics"), "cannot write"),
        (("sent", "{waiting}", "thanks"), "unknown scenario 'thanks'"),
        (("sent", "{recruiter}", "thank-you"), "not one of its scenarios"),
        (("sent", "{waiting}", "status-check", "--date", "2026-02-30"), "--date '2026-02-30': not a date"),
        (("due", "--today", "tomorrow"), "--today 'tomorrow': not a date"),
        (("due", "--today", "9999-12-31"), "--today: 9999-12-31 is outside 1900–2100"),
        (("reply", "77", "--outcome", "offer"), "no application with id '77'"),
        (("track", "missing.json"), "missing.json: no such file"),
        (("import-data", "missing.json"), "missing.json: no such file"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    four: tuple[Path, dict[str, str]], args: tuple[str, ...], message: str
) -> None:
    home, ids = four
    result = afterword(home, *(a.format(**ids) for a in args))
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_damaged_store_is_set_aside_and_reported(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "afterword.json").write_text("{not json", encoding="utf-8")
    result = afterword(home, "apps")
    assert result.returncode == 1
    assert "moved aside to afterword.json.corrupt-" in result.stderr and "Traceback" not in result.stderr
    assert len(list(home.glob("afterword.json.corrupt-*"))) == 1
    assert "No applications yet" in ok(home, "apps")


def test_out_of_range_dates_already_in_a_store_never_give_a_traceback(tmp_path: Path) -> None:
    home = tmp_path / "home"
    notes = write_sample(tmp_path, "en_thank_you")
    app_id = json.loads(ok(home, "track", str(notes), "--json"))["id"]
    data = json.loads((home / "afterword.json").read_text(encoding="utf-8"))
    data["applications"][app_id]["notes"]["interview"]["date"] = "9999-12-31"  # an older afterword let it in
    (home / "afterword.json").write_text(json.dumps(data), encoding="utf-8")
    for args in (("apps",), ("apps", "--json"), ("due",), ("due", "--json"), ("track", str(notes))):
        result = afterword(home, *args)
        assert "Traceback" not in result.stderr and "OverflowError" not in result.stderr, args
        assert result.returncode in (0, 1), args
        if result.returncode:  # when the notes model refuses such dates, the record is set aside
            assert "does not fit" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    bad = write_sample(tmp_path, "en_rejection", interview={"date": "9999-12-31"})
    result = afterword(home, "track", str(bad))
    assert result.returncode == 2 and "9999-12-31" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_import_data_refuses_a_bad_backup_naming_it(
    four: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    home, _ = four
    before = (home / "afterword.json").read_bytes()
    backup = tmp_path / "backup.json"
    ok(home, "export-data", str(backup))
    data = json.loads(backup.read_text(encoding="utf-8"))
    first = next(iter(data["applications"]))
    del data["applications"][first]["created"]
    backup.write_text(json.dumps(data), encoding="utf-8")
    result = afterword(home, "import-data", str(backup))
    assert result.returncode == 2
    assert result.stderr.startswith(f"afterword: {backup}: applications[{first}]: `created` is required")
    assert "afterword.json" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert (home / "afterword.json").read_bytes() == before
    backup.write_text("[" * 100_000, encoding="utf-8")
    result = afterword(home, "import-data", str(backup))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_a_record_of_the_wrong_shape_is_reported_once_and_set_aside(tmp_path: Path) -> None:
    home = tmp_path / "home"
    notes = write_sample(tmp_path, "en_thank_you")
    app_id = json.loads(ok(home, "track", str(notes), "--json"))["id"]
    ok(home, "track", str(write_sample(tmp_path, "en_status_check")))
    data = json.loads((home / "afterword.json").read_text(encoding="utf-8"))
    data["applications"][app_id]["notes"]["interviewers"] = "Priya"
    (home / "afterword.json").write_text(json.dumps(data), encoding="utf-8")
    result = afterword(home, "due", "--today", "2026-11-20")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"applications[{app_id}]" in result.stderr and "bad-records-" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Lumen Robotics" in ok(home, "due", "--today", "2026-11-20")


def test_versions_lists_and_shows_what_was_kept(capsys: pytest.CaptureFixture[str]) -> None:
    from afterword.cli import main
    from afterword.models import Draft, load_notes
    from afterword.store import Store

    store = Store()  # AFTERWORD_HOME is a temp folder for every test
    app_id = store.upsert_application(load_notes(SAMPLES / "en_thank_you.json"))
    fields: dict[str, Any] = {"subject": "Thank you", "scenario": "thank-you", "tone": "warm",
                              "language": "en", "backend": "offline", "recipient": "Priya Raman"}  # fmt: skip
    first = store.add_draft(app_id, Draft(body="Dear Priya, generated.", **fields))
    store.add_draft(app_id, Draft(body="Dear Priya, my own words.", **fields), edited=True)
    store.add_draft(app_id, Draft(body="Dear Tom, …", **{**fields, "recipient": "Tom Okafor"}))
    assert main(["versions", app_id, "--to", "Priya Raman"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and "v2" in lines[2] and "edited" in lines[2] and "Tom" not in "".join(lines)
    assert main(["versions", app_id, "--show", first]) == 0
    assert capsys.readouterr().out == "Subject: Thank you\n\nDear Priya, generated.\n"
    assert main(["versions", app_id, "--json"]) == 0
    assert [d["version"] for d in json.loads(capsys.readouterr().out)] == [1, 2, 1]
    assert main(["versions", app_id, "--show", "9.1"]) == 2
    assert "no draft with id '9.1'" in capsys.readouterr().err
