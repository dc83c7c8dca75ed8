"""Ids that are part of the CLI contract (kept free of heavy imports so `--help` stays instant)."""

from __future__ import annotations

from typing import Literal, get_args

ScenarioId = Literal[
    "thank-you",
    "status-check",
    "final-follow-up",
    "rejection-reply",
    "recruiter-thanks",
    "recruiter-nudge",
    "recruiter-keep-in-touch",
]
Tone = Literal["formal", "warm", "concise", "enthusiastic"]

SCENARIOS: tuple[str, ...] = get_args(ScenarioId)
TONES: tuple[str, ...] = get_args(Tone)
CANDIDATE_SCENARIOS = SCENARIOS[:4]
RECRUITER_SCENARIOS = SCENARIOS[4:]
