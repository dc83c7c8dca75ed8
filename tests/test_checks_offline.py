"""Per-interviewer drafts are personal (every draft's issues: tests/test_own_drafts.py)."""

from __future__ import annotations

from conftest import SAMPLES

from afterword.backends.offline import compose
from afterword.checks import duplicate_issues
from afterword.models import load_notes


def test_per_interviewer_thank_yous_are_not_near_duplicates() -> None:
    notes = load_notes(SAMPLES / "en_thank_you.json")
    bodies = [compose(notes, "thank-you", "warm", "email", p)[1] for p in notes.recipients()]
    assert duplicate_issues(bodies) == [[], []]
