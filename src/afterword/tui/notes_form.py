"""The notes editor's fields, and the mapping between form values and a notes dict (no Textual).

List fields are edited as lines, one item per line; structured items separate their parts with
` | ` (e.g. an interviewer: `Name | title | email | topic; topic`). Empty values are left out, so
a half-filled form still maps to a dict the store can autosave.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from afterword.models import SCENARIOS, Issue, Notes, field_path

Kind = Literal["input", "area", "select", "check"]
FormValues = dict[str, str | bool]


@dataclass(frozen=True)
class Field:
    """One form field: its notes path, label, widget kind and hint."""

    key: str
    label: str
    kind: Kind = "input"
    options: tuple[str, ...] = ()
    hint: str = ""
    section: str = ""


FIELDS: tuple[Field, ...] = (
    Field("language", "Language", "select", ("en", "ja"), section="Basics"),
    Field("sender_role", "You are the", "select", ("candidate", "recruiter")),
    Field("position", "Position", hint="e.g. Senior Data Engineer"),
    Field("sender.name", "Your name", section="You"),
    Field("sender.email", "Your email", hint="a business-appropriate address (C9)"),
    Field("sender.phone", "Your phone"),
    Field("sender.title", "Your title"),
    Field("company.name", "Company", section="Company"),
    Field("company.department", "Department"),
    Field("company.news", "Company news", "area", hint="one per line: text | YYYY-MM-DD | url"),
    Field("interviewers", "Interviewers", "area", section="Interview",
          hint="one per line: Name | title | email | topic; topic"),
    Field("interview.date", "Interview date", hint="YYYY-MM-DD"),
    Field("interview.stage", "Stage", hint="e.g. second round"),
    Field("interview.format", "Format", hint="video, onsite, phone…"),
    Field("interview.channel", "Last contact came by", "select", ("email", "phone", "text", "other")),
    Field("topics_discussed", "Topics discussed", "area", hint="one per line"),
    Field("skills_not_mentioned", "Skills not mentioned", "area",
          hint="one per line: skill | evidence | result"),
    Field("decision_timeline", "Decision timeline", hint="as they said it, e.g. within 2 weeks"),
    Field("follow_ups", "Follow-ups sent", "area", hint="one per line: YYYY-MM-DD | scenario id"),
    Field("outcome.result", "Outcome", "select",
          ("rejected", "next-round", "offer", "withdrawn", "replied"), section="Outcome"),
    Field("outcome.date", "Outcome date", hint="YYYY-MM-DD"),
    Field("outcome.warm", "They clearly believed in you (C10)", "check"),
    Field("outcome.kind_words", "Their kind words"),
    Field("private_notes", "Private notes (never sent)", "area", section="Reflection (A3)"),
    Field("candidate.name", "Candidate name", section="Recruiter notes"),
    Field("candidate.email", "Candidate email"),
    Field("candidate_stance", "Candidate stance", "select",
          ("proceed", "considering", "undecided", "declined")),
    Field("feedback.positive", "Feedback: positive", "area", hint="one per line"),
    Field("feedback.more", "Feedback: more", "area", hint="one per line"),
    Field("next_step.who", "Next step: who they meet"),
    Field("next_step.prepare", "Next step: what to prepare", "area", hint="one per line"),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)

# list fields edited as lines, and the keys of each ` | `-separated part
_ROWS: dict[str, tuple[str, ...]] = {
    "company.news": ("text", "date", "url"),
    "interviewers": ("name", "title", "email", "topics"),
    "skills_not_mentioned": ("skill", "evidence", "result"),
    "follow_ups": ("date", "scenario"),
}
_LINES = ("topics_discussed", "feedback.positive", "feedback.more", "next_step.prepare")
_INDEX = re.compile(r"\[\d+\].*$")

BLANK: dict[str, Any] = {
    "language": "en",
    "sender_role": "candidate",
    "sender": {"name": ""},
    "company": {"name": ""},
    "position": "",
    "interviewers": [],
}
SCENARIO_IDS = SCENARIOS


def _get(data: dict[str, Any], key: str) -> Any:
    value: Any = data
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _set(data: dict[str, Any], key: str, value: Any) -> None:
    *parents, last = key.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def _row_text(item: dict[str, Any], parts: tuple[str, ...]) -> str:
    cells = ["; ".join(v) if isinstance(v := item.get(p), list) else str(v or "") for p in parts]
    while len(cells) > 1 and not cells[-1]:
        cells.pop()
    return " | ".join(cells)


def notes_to_values(data: dict[str, Any]) -> FormValues:
    """Form values for a notes dict (validated or as autosaved)."""
    values: FormValues = {}
    for f in FIELDS:
        raw = _get(data, f.key)
        if f.kind == "check":
            values[f.key] = bool(raw)
        elif f.key in _ROWS:
            values[f.key] = "\n".join(_row_text(item, _ROWS[f.key]) for item in raw or [])
        elif f.key in _LINES:
            values[f.key] = "\n".join(raw or [])
        else:
            values[f.key] = "" if raw is None else str(raw)
    return values


def _parse_row(line: str, parts: tuple[str, ...]) -> dict[str, Any]:
    cells = [c.strip() for c in line.split("|")]
    item: dict[str, Any] = {}
    for name, cell in zip(parts, cells, strict=False):
        if name == "topics":
            topics = [t.strip() for t in cell.split(";") if t.strip()]
            if topics:
                item[name] = topics
        elif cell:
            item[name] = cell
    if len(cells) > len(parts):  # a stray `|` stays in the last part rather than vanishing
        item[parts[-1]] = " | ".join(cells[len(parts) - 1 :])
    return item


def values_to_notes(values: FormValues) -> dict[str, Any]:
    """A notes dict from form values; empty optional values are left out."""
    data: dict[str, Any] = {}
    for f in FIELDS:
        raw = values.get(f.key, "")
        if f.kind == "check":
            if raw and _get(data, "outcome") is not None:
                _set(data, f.key, True)
            continue
        text = str(raw)
        if f.key in _ROWS:
            rows = [_parse_row(line, _ROWS[f.key]) for line in text.splitlines() if line.strip()]
            if rows or f.key == "interviewers":
                _set(data, f.key, rows)
        elif f.key in _LINES:
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            if lines:
                _set(data, f.key, lines)
        elif text.strip() or f.key in ("sender.name", "company.name", "position"):
            _set(data, f.key, text.strip())
    return data


def field_for(path: str | None) -> str | None:
    """The form field showing an issue at a notes path (`company.news[1].text` → company.news)."""
    if not path:
        return None
    base = _INDEX.sub("", path)
    while base:
        if base in FIELD_KEYS:
            return base
        if "." not in base:
            break
        base = base.rsplit(".", 1)[0]
    return next((k for k in FIELD_KEYS if k.startswith(f"{base}.")), None)


def validate_values(values: FormValues) -> tuple[Notes | None, list[Issue]]:
    """The notes when they validate, and every problem with its field path (schema and lint)."""
    from afterword.checks.validate import validate_notes
    from afterword.scenarios import infer_scenario

    data = values_to_notes(values)
    try:
        notes = Notes.model_validate(data)
    except ValidationError as exc:
        issues = [
            Issue(
                source="guidance",
                rule="schema",
                message="required" if err["type"] in ("missing", "string_too_short") else err["msg"],
                severity="error",
                field=field_path(err["loc"]) or None,
            )
            for err in exc.errors()
        ]
        return None, issues
    return notes, validate_notes(notes, infer_scenario(notes))
