"""The notes editor's fields and rows, and the mapping between form values and a notes dict
(no Textual). Lists — interviewers, topics, skills, news, follow-ups, feedback — are rows with
fields of their own. Problems read in plain words. Empty values are left out, so a half-filled
form still maps to a dict the store can autosave."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from afterword.models import CANDIDATE_SCENARIOS, RECRUITER_SCENARIOS, Issue, Notes, field_path

Kind = Literal["input", "area", "select", "check"]
Row = dict[str, Any]
FormValues = dict[str, Any]
"""Field key → str | bool; row-list key → list of rows (part name → str | bool)."""


@dataclass(frozen=True)
class Field:
    """One form field: its notes path, label, widget kind and hint."""

    key: str
    label: str
    kind: Kind = "input"
    options: tuple[str, ...] = ()
    hint: str = ""
    why: str = ""
    """Why it is needed, said when it is missing."""


@dataclass(frozen=True)
class Part:
    """One field of a row."""

    name: str
    label: str
    kind: Kind = "input"
    options: tuple[tuple[str, str], ...] = ()
    """(label, value) pairs for a select."""
    wide: bool = False
    """Takes the row's whole width (long text)."""


@dataclass(frozen=True)
class Rows:
    """A list in the notes edited as rows: add, remove, reorder."""

    key: str
    label: str
    item: str
    """What one row is, for the add button: "interviewer"."""
    parts: tuple[Part, ...]
    hint: str = ""


@dataclass(frozen=True)
class Section:
    """A heading and its fields; `role` shows it only for candidates or recruiters."""

    title: str
    items: tuple[Field | Rows, ...]
    role: str | None = None


EVERYONE = ""
RAISED_BY = (("who raised it?", ""), ("they did", "interviewer"), ("I did", "candidate"), ("both", "both"))
SCENARIO_PARTS = tuple((s, s) for s in CANDIDATE_SCENARIOS + RECRUITER_SCENARIOS)

SECTIONS: tuple[Section, ...] = (
    Section("The job", (
        Field("company.name", "Company", why="the note names the company"),
        Field("position", "Position", hint="e.g. Senior Data Engineer", why="the role you talked about"),
        Field("language", "Language of the note", "select", ("en", "ja")),
        Field("sender_role", "You are the", "select", ("candidate", "recruiter")),
        Field("company.department", "Department"),
    )),
    Section("You", (
        Field("sender.name", "Your name", why="you sign the note with it"),
        Field("sender.email", "Your email", hint="a business-appropriate address (C9)"),
        Field("sender.phone", "Your phone"),
        Field("sender.title", "Your title"),
    )),
    Section("Who you met", (
        Rows("interviewers", "Interviewers", "interviewer", (
            Part("name", "Name"), Part("title", "Title"), Part("email", "Email"),
            Part("greet_as", "Greet as"),
        ), hint="each gets a thank-you of their own; “greet as” is how the greeting names them"),
    ), role="candidate"),
    Section("The interview", (
        Field("interview.date", "Date", hint="YYYY-MM-DD"),
        Field("interview.stage", "Stage", hint="e.g. second round"),
        Field("interview.format", "Format", hint="video, onsite, phone…"),
        Field("interview.channel", "Last contact came by", "select", ("email", "phone", "text", "other")),
        Field("decision_timeline", "When they will decide", hint="as they said it, e.g. within 2 weeks"),
    )),
    Section("What you talked about", (
        Rows("topics", "Topics", "topic", (
            Part("text", "Topic", wide=True), Part("with", "With", "select"),
            Part("raised_by", "Raised by", "select", RAISED_BY),
        ), hint="“with” ties a topic to one person's note"),
        Rows("skills_not_mentioned", "Skills the interview missed", "skill", (
            Part("skill", "Skill"), Part("result", "Result"), Part("evidence", "Evidence", wide=True),
        ), hint="a concrete project, your role, the result (C4)"),
    )),
    Section("Company news", (
        Rows("company.news", "News", "news item", (
            Part("text", "News", wide=True), Part("date", "Date"), Part("url", "Link"),
            Part("ok", "Use anyway", "check"),
        ), hint="positive news only (C5); “use anyway” overrides the guard"),
    )),
    Section("Follow-ups", (
        Rows("follow_ups", "Sent outside afterword", "follow-up", (
            Part("date", "Date"), Part("scenario", "What", "select", SCENARIO_PARTS),
        ), hint="what afterword records itself is listed above these rows"),
    )),
    Section("Outcome", (
        Field("outcome.result", "Outcome", "select",
              ("rejected", "next-round", "offer", "withdrawn", "replied")),
        Field("outcome.date", "Outcome date", hint="YYYY-MM-DD"),
        Field("outcome.warm", "They clearly believed in you (C10)", "check"),
        Field("outcome.kind_words", "Their kind words"),
    )),
    Section("Reflection (private, never sent)", (
        Field("private_notes", "Private notes", "area"),
    )),
    Section("The candidate", (
        Field("candidate.name", "Candidate name", why="the person the note goes to"),
        Field("candidate.email", "Candidate email"),
        Field("candidate.greet_as", "Greet as"),
        Field("candidate_stance", "Candidate stance", "select",
              ("proceed", "considering", "undecided", "declined")),
        Rows("feedback.positive", "Feedback: positive", "point", (Part("text", "Point", wide=True),)),
        Rows("feedback.more", "Feedback: more", "point", (Part("text", "Point", wide=True),)),
        Field("next_step.who", "Next step: who they meet"),
        Rows("next_step.prepare", "Next step: what to prepare", "item", (Part("text", "Item", wide=True),)),
    ), role="recruiter"),
)
FIELDS: tuple[Field, ...] = tuple(i for s in SECTIONS for i in s.items if isinstance(i, Field))
ROWS: tuple[Rows, ...] = tuple(i for s in SECTIONS for i in s.items if isinstance(i, Rows))
KEYS = tuple(f.key for f in FIELDS) + tuple(r.key for r in ROWS)
_TEXT_ROWS = ("feedback.positive", "feedback.more", "next_step.prepare")
_PATH = re.compile(r"^(?P<base>[^\[]+)(?:\[(?P<index>\d+)\](?:\.(?P<rest>.*))?)?$")

BLANK: dict[str, Any] = {
    "language": "en",
    "sender_role": "candidate",
    "sender": {"name": ""},
    "company": {"name": ""},
    "position": "",
    "interviewers": [],
}


def rows_spec(key: str) -> Rows:
    return next(r for r in ROWS if r.key == key)


def blank_row(key: str) -> Row:
    """An empty row of that list."""
    return {p.name: False if p.kind == "check" else "" for p in rows_spec(key).parts}


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


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _topic_row(topic: Any, owner: str) -> Row:
    if isinstance(topic, dict):
        return {"text": _text(topic.get("text")), "with": owner, "raised_by": _text(topic.get("raised_by"))}
    return {"text": _text(topic), "with": owner, "raised_by": ""}


def notes_to_values(data: dict[str, Any]) -> FormValues:
    """Form values for a notes dict (validated, or as autosaved)."""
    values: FormValues = {}
    for f in FIELDS:
        raw = _get(data, f.key)
        values[f.key] = bool(raw) if f.kind == "check" else _text(raw)
    people = [p for p in data.get("interviewers") or [] if isinstance(p, dict)]
    values["interviewers"] = [{p.name: _text(person.get(p.name)) for p in rows_spec("interviewers").parts}
                              for person in people]
    values["topics"] = [_topic_row(t, str(n)) for n, person in enumerate(people)
                        for t in person.get("topics") or []]
    values["topics"] += [_topic_row(t, EVERYONE) for t in data.get("topics_discussed") or []]
    for key in ("company.news", "skills_not_mentioned", "follow_ups"):
        values[key] = [{p.name: (bool(item.get(p.name)) if p.kind == "check" else _text(item.get(p.name)))
                        for p in rows_spec(key).parts}
                       for item in _get(data, key) or [] if isinstance(item, dict)]
    for key in _TEXT_ROWS:
        values[key] = [{"text": _text(item)} for item in _get(data, key) or []]
    return values


def _filled(row: Row) -> bool:
    return any(v for k, v in row.items() if isinstance(v, str) and v.strip() and k != "with")


def _clean(row: Row, names: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in names:
        value = row.get(name)
        if isinstance(value, bool):
            if value:
                out[name] = True
        elif value is not None and str(value).strip():
            out[name] = str(value).strip()
    return out


def values_to_notes(values: FormValues) -> dict[str, Any]:
    """A notes dict from form values; empty optional values and untouched blank rows are left out."""
    data: dict[str, Any] = {}
    for f in FIELDS:
        raw = values.get(f.key, "")
        if f.kind == "check":
            if raw and _get(data, "outcome") is not None:
                _set(data, f.key, True)
        elif str(raw).strip() or f.key in ("sender.name", "company.name", "position"):
            _set(data, f.key, str(raw).strip())
    people = [_clean(r, ("name", "title", "email", "greet_as")) for r in values.get("interviewers", [])
              if _filled(r)]
    shared: list[Any] = []
    for row in values.get("topics", []):
        if not _filled(row):
            continue
        text = str(row.get("text", "")).strip()
        topic: Any = {"text": text, "raised_by": row["raised_by"]} if row.get("raised_by") else text
        owner = str(row.get("with", ""))
        if owner.isdigit() and int(owner) < len(people):
            people[int(owner)].setdefault("topics", []).append(topic)
        else:
            shared.append(topic)
    data["interviewers"] = people
    if shared:
        data["topics_discussed"] = shared
    for key in ("company.news", "skills_not_mentioned", "follow_ups"):
        names = tuple(p.name for p in rows_spec(key).parts)
        rows = [_clean(r, names) for r in values.get(key, []) if _filled(r)]
        if rows:
            _set(data, key, rows)
    for key in _TEXT_ROWS:
        items = [str(r.get("text", "")).strip() for r in values.get(key, []) if _filled(r)]
        if items:
            _set(data, key, items)
    return data


# editing rows ---------------------------------------------------------------------------------


def move_row(values: FormValues, key: str, index: int, to: int) -> None:
    """Move row `index` of list `key` to position `to` (topics follow their interviewer)."""
    rows = values[key]
    if not (0 <= index < len(rows) and 0 <= to < len(rows)) or index == to:
        return
    rows.insert(to, rows.pop(index))
    if key == "interviewers":
        order = list(range(len(rows)))
        order.insert(to, order.pop(index))
        new = {str(old): str(n) for n, old in enumerate(order)}
        for topic in values.get("topics", []):
            topic["with"] = new.get(str(topic.get("with")), topic.get("with", ""))


def remove_row(values: FormValues, key: str, index: int) -> None:
    """Remove row `index` of list `key` (a removed interviewer's topics become everyone's)."""
    rows = values[key]
    if not 0 <= index < len(rows):
        return
    rows.pop(index)
    if key == "interviewers":
        for topic in values.get("topics", []):
            owner = str(topic.get("with", ""))
            if owner.isdigit():
                n = int(owner)
                topic["with"] = EVERYONE if n == index else str(n - 1) if n > index else owner


def people_options(values: FormValues) -> tuple[tuple[str, str], ...]:
    """The choices of a topic's "with": everyone, or one interviewer by row."""
    names = [str(r.get("name") or "").strip() or f"interviewer {n + 1}"
             for n, r in enumerate(values.get("interviewers", []))]
    return (("everyone", EVERYONE), *((name, str(n)) for n, name in enumerate(names)))


# problems, in plain words ---------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """Where a problem shows: a field key, or a row list's key and (maybe) a row."""

    key: str | None
    row: int | None = None


def place_for(path: str | None, values: FormValues | None = None) -> Place:
    """The form place showing a problem at a notes path (`company.news[1].text` → news row 1;
    `interviewers[0].topics[1]` → that topic's row)."""
    if not path:
        return Place(None)
    m = _PATH.match(path)
    if m is None:
        return Place(None)
    base, index, rest = m.group("base"), m.group("index"), m.group("rest") or ""
    row = int(index) if index is not None else None
    if base == "interviewers" and row is not None and rest.startswith("topics") and values is not None:
        sub = re.match(r"topics\[(\d+)\]", rest)
        topics = values.get("topics", [])
        owned = [n for n, t in enumerate(topics) if t.get("with") == str(row) and _filled(t)]
        if sub and int(sub.group(1)) < len(owned):
            return Place("topics", owned[int(sub.group(1))])
        return Place("topics")
    if base == "topics_discussed":
        topics = values.get("topics", []) if values else []
        shared = [n for n, t in enumerate(topics) if t.get("with") == EVERYONE]
        return Place("topics", shared[row] if row is not None and row < len(shared) else None)
    if base in KEYS:
        return Place(base, row if base in {r.key for r in ROWS} else None)
    full = base
    while full:
        if full in KEYS:
            return Place(full)
        if "." not in full:
            break
        full = full.rsplit(".", 1)[0]
    return Place(next((k for k in KEYS if k.startswith(f"{base}.")), None))


def _label(path: str) -> tuple[str, str]:
    """(label, why) of the field a path names."""
    key = re.sub(r"\[\d+\]", "", path)
    field = next((f for f in FIELDS if f.key == key), None)
    if field is not None:
        return field.label, field.why
    *_, last = key.split(".")
    return {"name": ("Name", "the greeting uses it"), "text": ("Text", ""), "skill": ("Skill", ""),
            "date": ("Date", "")}.get(last, (last.replace("_", " ").capitalize(), ""))


def plain_problem(error: ErrorDetails) -> str:
    """One pydantic error as a person would say it."""
    kind = error["type"]
    path = field_path(error["loc"])
    label, why = _label(path)
    if kind in ("missing", "string_too_short"):
        return f"{label} is needed" + (f" — {why}." if why else ".")
    if kind.startswith("date") or kind.startswith("datetime"):
        return "Write the date as YYYY-MM-DD, e.g. 2026-11-20."
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"Choose one of {expected}." if expected else "Choose one of the listed values."
    if kind == "extra_forbidden":
        return f"“{label}” is not a notes field."
    message = str(error.get("ctx", {}).get("error") or error["msg"]).removeprefix("Value error, ")
    if "interviewers" in message:
        return "Add at least one interviewer — the person the note goes to."
    if "candidate" in message:
        return "Add the candidate's name — the person the note goes to."
    return message[:1].upper() + message[1:]


def _where(error: ErrorDetails) -> str | None:
    """The field path of an error; a whole-notes rule names the field it is about."""
    path = field_path(error["loc"])
    if path:
        return path
    message = str(error.get("msg", ""))
    if "interviewers" in message:
        return "interviewers"
    return "candidate.name" if "candidate" in message else None


SCHEMA = "schema"
"""The rule of a problem pydantic found (shown once the field was left, or on save)."""
_NEWS_TEXT = re.compile(r"company\.news\[(\d+)\]\.text")


def lint_notes(notes: Notes) -> list[Issue]:
    """Input lint shown as the person types: `validate_notes` (negative news, instruction-like
    text, control characters, misspelled free text with suggestions, missing essentials, and the
    understanding step's notes lint with its rewrites), a flagged news item said in the form's words."""
    from afterword.checks.validate import validate_notes
    from afterword.scenarios import infer_scenario

    return [_news_in_form_words(i, notes) for i in validate_notes(notes, infer_scenario(notes))]


def _news_in_form_words(issue: Issue, notes: Notes) -> Issue:
    """A news item the guard flags: its reason, for the row beside its “Use anyway” toggle."""
    from afterword.checks.news import news_verdict

    m = _NEWS_TEXT.fullmatch(issue.field or "")
    if issue.rule != "C5-news" or m is None or int(m.group(1)) >= len(notes.company.news):
        return issue
    item = notes.company.news[int(m.group(1))]
    reason = news_verdict(item.text, notes.language).reason
    said = (f"Used anyway: you marked it fine ({reason})." if item.ok else
            f"Negative news ({reason}): left out of drafts unless you tick “Use anyway”.")
    return issue.model_copy(update={"message": said})


def suggestion(issue: Issue) -> str:
    """The rewrites an issue suggests, in the form's words (`"greet_as": "Yuki"` → Greet as:
    “Yuki”); "" when there are none, or its message already names the best one."""
    if not issue.replacements or issue.replacements[0] in issue.message:
        return ""
    said = []
    for text in issue.replacements[:3]:
        try:
            data = json.loads("{" + text + "}")
        except ValueError:
            data = None
        if isinstance(data, dict) and len(data) == 1:
            (key, value), = data.items()
            text = f"{_label(key)[0]}: “{value}”"
        if text and text not in issue.message:
            said.append(text)
    return " · ".join(said)


def validate_values(values: FormValues) -> tuple[Notes | None, list[Issue]]:
    """The notes when they validate, and every problem with its field path (schema, then lint)."""
    data = values_to_notes(values)
    try:
        notes = Notes.model_validate(data)
    except ValidationError as exc:
        return None, [Issue(source="guidance", rule=SCHEMA, message=plain_problem(err), severity="error",
                            field=_where(err)) for err in exc.errors()]
    return notes, lint_notes(notes)
