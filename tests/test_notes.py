"""Notes model: few required fields, defaults, unknown fields and bad dates named clearly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLES

from afterword.errors import InputError
from afterword.models import load_notes, parse_notes
from afterword.scenarios import check_scenario, infer_scenario

MINIMAL = {
    "language": "en",
    "sender": {"name": "Sam Lee"},
    "company": {"name": "Acme"},
    "position": "Analyst",
    "interviewers": [{"name": "Jo Park"}],
}


def test_every_sample_validates() -> None:
    names = sorted(p.name for p in SAMPLES.glob("*.json"))
    assert {
        "en_thank_you.json",
        "en_status_check.json",
        "en_rejection.json",
        "ja_thank_you.json",
        "ja_recruiter_casual.json",
    } <= set(names)
    for path in SAMPLES.glob("*.json"):
        load_notes(path)


def test_three_lines_are_enough() -> None:
    notes = parse_notes(MINIMAL)
    assert notes.sender_role == "candidate"
    assert notes.interview.channel == "email"
    assert notes.topics_discussed == [] and notes.company.news == []


def _error(data: object) -> str:
    with pytest.raises(InputError) as err:
        parse_notes(data, "notes.json")
    assert err.value.exit_code == 2
    return err.value.message


def test_unknown_field_is_named() -> None:
    msg = _error({**MINIMAL, "topics_discused": ["x"]})
    assert msg.startswith("notes.json: unknown field `topics_discused`")


def test_nested_unknown_field_has_its_path() -> None:
    msg = _error({**MINIMAL, "interviewers": [{"name": "Jo", "titel": "CTO"}]})
    assert "`interviewers[0].titel`" in msg


def test_bad_date_says_the_format() -> None:
    msg = _error({**MINIMAL, "interview": {"date": "next tuesday"}})
    assert "`interview.date`" in msg and "YYYY-MM-DD" in msg


def test_missing_required_field() -> None:
    data = {k: v for k, v in MINIMAL.items() if k != "position"}
    assert "`position` is required" in _error(data)


def test_a_recipient_is_required() -> None:
    assert "interviewers" in _error({**MINIMAL, "interviewers": []})
    assert "candidate" in _error({**MINIMAL, "sender_role": "recruiter"})


def test_invalid_json_names_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"language": "en",\n "sender": }', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.json: invalid JSON at line 2"):
        load_notes(bad)


def test_missing_file() -> None:
    with pytest.raises(InputError, match="no such file"):
        load_notes("/nonexistent/notes.json")


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("en_thank_you.json", "thank-you"),
        ("en_status_check.json", "status-check"),
        ("en_rejection.json", "rejection-reply"),
        ("ja_thank_you.json", "thank-you"),
        ("ja_recruiter_casual.json", "recruiter-thanks"),
    ],
)
def test_scenario_is_inferred(sample: str, expected: str) -> None:
    assert infer_scenario(load_notes(SAMPLES / sample)) == expected


def test_cadence_moves_with_follow_ups() -> None:
    sent = {
        **MINIMAL,
        "follow_ups": [
            {"date": "2026-11-01", "scenario": "thank-you"},
            {"date": "2026-11-20", "scenario": "status-check"},
        ],
    }
    assert infer_scenario(parse_notes(sent)) == "final-follow-up"


def test_scenario_must_fit_the_role() -> None:
    notes = parse_notes(MINIMAL)
    with pytest.raises(InputError, match="sender_role"):
        check_scenario(notes, "recruiter-nudge", "n.json")
    with pytest.raises(InputError, match="unknown scenario"):
        check_scenario(notes, "thanks", "n.json")


def test_samples_are_realistic_json() -> None:
    data = json.loads((SAMPLES / "en_thank_you.json").read_text(encoding="utf-8"))
    assert len(data["interviewers"]) == 2
