"""Notes lint (issue 8): where the understanding step had to guess, a warning with the field path
and the rewrite it suggests — for `validate`, `draft`'s stderr and the notes editor."""

from __future__ import annotations

import re

from afterword.models import Issue, Notes
from afterword.understand import understand

RULE = "notes-shape"
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b|彼", re.IGNORECASE)


def _issue(field: str, message: str, suggestion: str | None) -> Issue:
    return Issue(source="guidance", rule=RULE, message=message, severity="warning", field=field,
                 replacements=[suggestion] if suggestion else [])


def lint_notes(notes: Notes) -> list[Issue]:
    """Warnings for fields written in a shape that will read badly: a sentence topic that could not
    be reduced, a third person that could not be resolved, an ambiguous name order, a panel without
    `greet_as`, a skill with no result. Each carries its field path and a suggested rewrite."""
    out: dict[tuple[str, str], Issue] = {}

    def add(issue: Issue) -> None:
        out.setdefault((issue.field or "", issue.message), issue)

    for person in notes.recipients():
        facts = understand(notes, person)
        for guess in facts.guesses:
            add(_issue(guess.field, guess.message, guess.suggestion))
        for topic in facts.topics:
            if topic.frame != "unclear":
                continue
            if _PRONOUN.search(topic.original) and not topic.own:
                add(_issue(topic.field, f"“{topic.original}”: cannot tell who “he/she” is here; drafts "
                           "leave it out — move it under that interviewer's `topics`, or name them.",
                           None))
            else:
                example = "配送ルートの刷新" if notes.language == "ja" else "the Kubernetes migration"
                add(_issue(topic.field, f"“{topic.original}” does not read as one thing you talked "
                           "about; drafts leave it out — rewrite it as a short noun phrase.",
                           f"e.g. “{example}”"))
        for skill in facts.skills:
            if not skill.result and not skill.credential:
                add(_issue(f"{skill.field}.result", f"“{skill.original}” has no result: a skill without "
                           "one reads as a claim with no story — add what changed, ideally with a number "
                           "(GUIDANCE C4).", '"result": "cut … by 30%"'))
    return list(out.values())
