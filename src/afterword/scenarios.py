"""Scenario ids, who may send them, and the default scenario for a set of notes."""

from __future__ import annotations

from afterword.errors import InputError
from afterword.models import CANDIDATE_SCENARIOS, RECRUITER_SCENARIOS, SCENARIOS, Notes

DESCRIPTIONS: dict[str, str] = {
    "thank-you": "Candidate: thank-you the same or next day (T1, C1–C5).",
    "status-check": "Candidate: brief check once the stated decision date has passed (T3, C6).",
    "final-follow-up": "Candidate: one last friendly note, then move on (T4).",
    "rejection-reply": "Candidate: short reply to a kind rejection (C10).",
    "recruiter-thanks": "Recruiter: same-day thanks with feedback and next step (T5, C11).",
    "recruiter-nudge": "Recruiter: friendly nudge after 2 days of silence (T5).",
    "recruiter-keep-in-touch": "Recruiter: keep in touch, no hard sell (T5, C12).",
}

_NEXT_CANDIDATE = {None: "thank-you", "thank-you": "status-check"}
_NEXT_RECRUITER = {None: "recruiter-thanks", "recruiter-thanks": "recruiter-nudge"}


def infer_scenario(notes: Notes) -> str:
    """The next scenario the notes call for, from the role, the outcome and follow-ups sent."""
    last = max(notes.follow_ups, key=lambda f: f.date).scenario if notes.follow_ups else None
    if notes.sender_role == "recruiter":
        if notes.candidate_stance in ("undecided", "declined"):
            return "recruiter-keep-in-touch"
        return _NEXT_RECRUITER.get(last, "recruiter-keep-in-touch")
    if notes.outcome is not None and notes.outcome.result == "rejected":
        return "rejection-reply"
    return _NEXT_CANDIDATE.get(last, "final-follow-up")


def check_scenario(notes: Notes, scenario: str, source: str = "notes") -> str:
    """Reject unknown scenarios and ones that do not fit the sender's role."""
    if scenario not in SCENARIOS:
        raise InputError(
            f"--scenario {scenario!r}: unknown scenario", f"choose one of: {', '.join(SCENARIOS)}"
        )
    allowed = RECRUITER_SCENARIOS if notes.sender_role == "recruiter" else CANDIDATE_SCENARIOS
    if scenario not in allowed:
        raise InputError(
            f"{source}: field `sender_role` is {notes.sender_role!r}; "
            f"{scenario!r} is not one of its scenarios",
            f"choose one of: {', '.join(allowed)}",
        )
    return scenario
