"""Our checks on our own drafts (issue 9, item 5): every offline draft — each sample, each lint
notes file (names with symbols, accents, "45 min"), each realistic-corpus file, in every scenario
that fits, every tone, to every recipient, by email and by phone — gets no `error` from any check
and no `warning` from the guidance checks (lint, grounding, stock phrases).

What is left is listed in `tests/data/own_draft_defects.json`, each entry with the part of the
project that owns it and why: a composer defect the lint rightly flags, or a grammar checker's
false alarm. The test fails on anything not listed, and on a listed entry that no longer occurs
(delete it: the defect is fixed).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

from afterword.backends import make_backend
from afterword.checks.grammar import GrammarChecker, offline_checker
from afterword.config import Settings
from afterword.models import CANDIDATE_SCENARIOS, RECRUITER_SCENARIOS, TONES, Draft, Issue, load_notes
from afterword.pipeline import Pipeline, plan_jobs

CORPUS = ROOT / "tests" / "data" / "notes_realistic"
LINT_NOTES = ROOT / "tests" / "data" / "notes_lint"
DEFECTS = ROOT / "tests" / "data" / "own_draft_defects.json"


def _cases() -> Iterator[tuple[Path, tuple[str, ...]]]:
    for path in [*sorted(SAMPLES.glob("*.json")), *sorted(LINT_NOTES.glob("*.json"))]:
        recruiter = load_notes(path).sender_role == "recruiter"
        yield path, RECRUITER_SCENARIOS if recruiter else CANDIDATE_SCENARIOS
    expect = json.loads((CORPUS / "expect.json").read_text("utf-8"))
    for name, entry in sorted(expect.items()):
        yield CORPUS / name, tuple(entry["scenarios"])


CASES = list(_cases())


@cache
def _grammar(language: str) -> GrammarChecker:
    return offline_checker(language)


def drafts(path: Path, scenarios: tuple[str, ...]) -> Iterator[Draft]:
    """Every offline draft of one notes file, through the real pipeline and offline checkers."""
    notes = load_notes(path)
    settings = Settings()
    pipeline = Pipeline(make_backend("offline", settings), settings, _grammar(notes.language))
    for scenario in scenarios:
        for channel in ("email", "phone"):
            for person in notes.recipients():
                jobs = plan_jobs(notes, scenario=scenario, channel=channel, to=person.name,
                                 variants=len(TONES), source=path.name)
                yield from pipeline.run_all(jobs)


def counts(issue: Issue) -> bool:
    """An issue this test holds against a draft: any error, or a guidance warning."""
    return issue.severity == "error" or (issue.severity == "warning" and issue.source == "guidance")


def findings(path: Path, scenarios: tuple[str, ...]) -> set[tuple[str, str, str]]:
    """(scenario, rule, flagged words) for every counted issue in the file's drafts."""
    out = set()
    for draft in drafts(path, scenarios):
        for issue in filter(counts, draft.checks):
            text = draft.subject if issue.field == "subject" else draft.body
            out.add((draft.scenario, issue.rule, text[issue.offset : issue.offset + issue.length]))
    return out


def known(name: str) -> set[tuple[str, str, str]]:
    entries = json.loads(DEFECTS.read_text("utf-8"))["defects"]
    return {(e["scenario"], e["rule"], e["words"]) for e in entries if e["file"] == name}


@pytest.mark.parametrize(("path", "scenarios"), CASES, ids=[p.name for p, _ in CASES])
def test_our_drafts_pass_our_checks(path: Path, scenarios: tuple[str, ...]) -> None:
    found, listed = findings(path, scenarios), known(path.name)
    assert sorted(found - listed) == [], "new issues on our own drafts"
    assert sorted(listed - found) == [], "listed defects no longer occur: delete them"


def test_every_listed_defect_names_its_owner_and_reason() -> None:
    data = json.loads(DEFECTS.read_text("utf-8"))
    files = {p.name for p, _ in CASES}
    for entry in data["defects"]:
        assert entry["file"] in files, entry
        assert entry["owner"] in data["owners"] and entry["why"].strip(), entry
