"""Every offline-composer draft passes the guidance lint, grounding and stock-phrase checks."""

from __future__ import annotations

import pytest
from conftest import SAMPLES

from afterword.backends.offline import compose
from afterword.checks import check_draft, duplicate_issues
from afterword.models import CANDIDATE_SCENARIOS, RECRUITER_SCENARIOS, TONES, load_notes

CASES = [
    (path.name, scenario, channel)
    for path in sorted(SAMPLES.glob("*.json"))
    for scenario in (RECRUITER_SCENARIOS if load_notes(path).sender_role == "recruiter"
                     else CANDIDATE_SCENARIOS)
    for channel in ("email", "phone")
]


@pytest.mark.parametrize(("sample", "scenario", "channel"), CASES)
def test_composer_drafts_have_no_errors(sample: str, scenario: str, channel: str) -> None:
    notes = load_notes(SAMPLES / sample)
    for tone in TONES:
        for person in notes.recipients():
            subject, body = compose(notes, scenario, tone, channel, person)
            report = check_draft(subject, body, language=notes.language, notes=notes,
                                 scenario=scenario, channel=channel, recipient=person.name)
            errors = [(i.rule, body[i.offset : i.offset + i.length], i.message)
                      for i in report.issues if i.severity == "error"]
            assert errors == [], (tone, person.name)


def test_per_interviewer_thank_yous_are_not_near_duplicates() -> None:
    notes = load_notes(SAMPLES / "en_thank_you.json")
    bodies = [compose(notes, "thank-you", "warm", "email", p)[1] for p in notes.recipients()]
    assert duplicate_issues(bodies) == [[], []]
