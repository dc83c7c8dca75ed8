"""Data the pipeline passes around: interview notes (input), drafts and check issues (output)."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from afterword.errors import InputError
from afterword.fileio import MiB, load_json
from afterword.ids import (  # noqa: F401  (re-exported)
    CANDIDATE_SCENARIOS,
    RECRUITER_SCENARIOS,
    SCENARIOS,
    TONES,
    ScenarioId,
    Tone,
)

Language = Literal["en", "ja"]
Role = Literal["candidate", "recruiter"]
Channel = Literal["email", "phone", "text", "other"]
Severity = Literal["error", "warning", "info"]

Text = Annotated[str, Field(min_length=1)]

MAX_NOTES_BYTES = 1 * MiB
"""The largest notes file read (far more than any interview's notes)."""
MAX_FIELD_CHARS = 10_000
"""The longest text one notes field may hold (about four pages)."""
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2100, 12, 31)


def _sane_day(day: dt.date) -> dt.date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise PydanticCustomError(
            "day_out_of_range", "{day} is outside 1900–2100 — check the year", {"day": day.isoformat()}
        )
    return day


Day = Annotated[dt.date, AfterValidator(_sane_day)]
"""A date in notes: 1900–2100 (a typo such as 9999 must not reach the planner)."""


def checked_day(day: dt.date, what: str) -> dt.date:
    """A date typed outside the notes (`--today`, a send's or a reply's date), in the same range."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InputError(f"{what}: {day.isoformat()} is outside 1900–2100", "check the year")
    return day


class _Strict(BaseModel):
    """Unknown fields are an error (a typo must not silently drop a note); text has a size limit."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, str_max_length=MAX_FIELD_CHARS)


class Person(_Strict):
    name: Text
    email: str | None = None
    greet_as: str | None = Field(
        default=None,
        description='How the greeting addresses them: "Lan", "Dr. Moreau", "everyone", "田中様".',
    )


class Sender(Person):
    phone: str | None = None
    title: str | None = None


class NewsItem(_Strict):
    text: Text
    url: str | None = None
    date: Day | None = None
    ok: bool = Field(default=False, description="The person overrides the negative-news guard (C5).")


class Topic(_Strict):
    """A topic with who raised it; a plain string topic is also accepted."""

    text: Text
    raised_by: Literal["interviewer", "candidate", "both"] | None = None


class Company(_Strict):
    name: Text
    department: str | None = None
    news: list[NewsItem] = Field(default_factory=list)


class Interviewer(Person):
    title: str | None = None
    topics: list[Text | Topic] = Field(default=[], description="What this person discussed with you.")


def topic_text(topic: str | Topic) -> str:
    """The words of a topic, whether written as a string or as `{text, raised_by}`."""
    return topic if isinstance(topic, str) else topic.text


class Interview(_Strict):
    date: Day | None = None
    stage: str | None = None
    format: str | None = None
    channel: Channel = "email"


class Skill(_Strict):
    skill: Text
    evidence: str | None = None
    result: str | None = None


class FollowUp(_Strict):
    date: Day
    scenario: ScenarioId
    to: str | None = Field(default=None, description="Who it went to; left out: everyone it was for.")


class Outcome(_Strict):
    """What the company said last: a rejection, an offer, the next round."""

    result: Literal["rejected", "next-round", "offer", "withdrawn", "replied"]
    date: Day | None = None
    warm: bool = Field(default=False, description="The interviewer clearly believed in you (C10).")
    kind_words: str | None = None


class Feedback(_Strict):
    positive: list[Text] = Field(default_factory=list)
    more: list[Text] = Field(default_factory=list)


class NextStep(_Strict):
    who: str | None = None
    prepare: list[Text] = Field(default_factory=list)


class Notes(_Strict):
    """Interview notes. Required: language, sender.name, company.name, position, one recipient."""

    language: Language
    sender_role: Role = "candidate"
    sender: Sender
    company: Company
    position: Text
    interviewers: list[Interviewer] = Field(default_factory=list)
    interview: Interview = Field(default_factory=Interview)
    topics_discussed: list[Text | Topic] = Field(default_factory=list)
    skills_not_mentioned: list[Skill] = Field(default_factory=list)
    decision_timeline: str | None = None
    follow_ups: list[FollowUp] = Field(default_factory=list)
    outcome: Outcome | None = None
    private_notes: str | None = None
    # recruiter side
    candidate: Person | None = None
    candidate_stance: Literal["proceed", "considering", "undecided", "declined"] | None = None
    feedback: Feedback | None = None
    next_step: NextStep | None = None

    @model_validator(mode="after")
    def _has_recipient(self) -> Notes:
        if self.sender_role == "recruiter" and self.candidate is None:
            raise ValueError("recruiter notes need `candidate` {name} — who the note is for")
        if self.sender_role == "candidate" and not self.interviewers:
            raise ValueError("candidate notes need at least one entry in `interviewers` [{name}]")
        names = {p.name.casefold() for p in self.recipients()}
        for i, f in enumerate(self.follow_ups):
            if f.to is not None and f.to.casefold() not in names:
                raise ValueError(
                    f"`follow_ups[{i}].to`: {f.to!r} is not a recipient in these notes — "
                    "write the name as in `interviewers` (or the candidate)"
                )
        return self

    def recipients(self) -> list[Person | Interviewer]:
        """Who a note goes to: the candidate (recruiter notes) or each interviewer."""
        if self.sender_role == "recruiter":
            assert self.candidate is not None
            return [self.candidate]
        return list(self.interviewers)

    def recipient(self, name: str | None = None) -> Person | Interviewer:
        """The named recipient (exact or case-insensitive), else the first one."""
        people = self.recipients()
        if name is None:
            return people[0]
        for person in people:
            if person.name == name or person.name.casefold() == name.casefold():
                return person
        known = ", ".join(p.name for p in people)
        raise InputError(f"--to {name!r}: no such recipient in the notes", f"choose one of: {known}")

    def topic_items(self, person: Person | Interviewer) -> list[Topic]:
        """That person's own topics first, then the shared ones (no repeats), each as a Topic."""
        own = person.topics if isinstance(person, Interviewer) else []
        items: dict[str, Topic] = {}
        for t in [*own, *self.topics_discussed]:
            items.setdefault(topic_text(t), t if isinstance(t, Topic) else Topic(text=t))
        return list(items.values())

    def topics_for(self, person: Person | Interviewer) -> list[str]:
        """That person's own topics first, then the shared ones (no repeats), as text."""
        return [t.text for t in self.topic_items(person)]


class Issue(BaseModel):
    """One finding from a check. Offsets index the draft body string, or the subject line when
    `field` is "subject" (`checks.check_draft`); `checks.check_text` indexes the text as given."""

    source: Literal["grammar", "spelling", "guidance"]
    rule: str
    message: str
    offset: int = 0
    length: int = 0
    replacements: list[str] = Field(default_factory=list)
    severity: Severity = "warning"
    field: str | None = Field(
        default=None, description='Notes field path (input lint), or "subject" for a draft\'s subject line.'
    )


class Draft(BaseModel):
    """A drafted follow-up with its checks and timings (the `--json` shape)."""

    subject: str
    body: str
    scenario: ScenarioId
    tone: Tone
    language: Language
    channel: Literal["email", "phone"] = "email"
    backend: str
    model: str | None = None
    recipient: str
    checker: str | None = None
    checks: list[Issue] = Field(default_factory=list)
    timings: dict[str, float | int] = {}
    partial: bool = False

    @property
    def text(self) -> str:
        """The draft as printed: `Subject:` line, blank line, body."""
        return f"Subject: {self.subject}\n\n{self.body}" if self.subject else self.body


# Where a value may take several shapes, pydantic names the shape tried: not a field.
_UNION_TAG = re.compile(r"constrained-|function-|literal\[|Topic$")


def field_path(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as a notes field path, e.g. `company.news[1].text`."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif _UNION_TAG.match(part):
            continue
        elif part.isidentifier():
            path += f".{part}" if path else part
        else:  # a key such as "my field" or "\n", written so it stays on one line
            path += f"[{json.dumps(part, ensure_ascii=False)}]"
    return path


def _known_fields() -> set[str]:
    models = (Notes, Person, Sender, NewsItem, Company, Interviewer, Interview, Skill, FollowUp, Outcome)
    return {name for m in (*models, Topic, Feedback, NextStep) for name in m.model_fields}


def describe_validation_error(source: str, exc: ValidationError) -> str:
    """One line naming the file, the first bad field and what to do (a misspelt field comes first)."""
    errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
    err = errors[0]
    path = field_path(err["loc"]) or "(top level)"
    kind = err["type"]
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(str(err["loc"][-1]), _known_fields(), 1, 0.7)
        fix = f"did you mean `{close[0]}`?" if close else "see sample_data/ for the field names"
        what = f"unknown field `{path}` — {fix}"
    elif kind == "missing":
        what = f"`{path}` is required — add it"
    elif kind == "day_out_of_range":
        what = f"`{path}`: {err['msg']}"
    elif kind == "string_too_long":
        what = (
            f"`{path}` is {len(err['input']):,} characters; the limit is {MAX_FIELD_CHARS:,} "
            "per field — shorten it"
        )
    elif kind.startswith("date"):
        what = f"`{path}`: {err['input']!r} is not a date — write it as YYYY-MM-DD"
    elif kind == "literal_error":
        what = f"`{path}`: {err['input']!r} is not allowed — {err['msg'].lower()}"
    elif kind == "value_error":
        what = str(err["ctx"]["error"]) if "ctx" in err else err["msg"]
    else:
        what = f"`{path}`: {err['msg'].lower()}"
    more = len({field_path(e["loc"]) for e in exc.errors()}) - 1
    return f"{source}: {what}" + (f" (and {more} more problem{'s' * (more > 1)})" if more else "")


def parse_notes(data: Any, source: str = "notes") -> Notes:
    """Validate a notes mapping, raising InputError with one clear line."""
    if not isinstance(data, dict):
        raise InputError(f"{source}: notes must be a JSON object", "see sample_data/ for examples")
    try:
        return Notes.model_validate(data)
    except ValidationError as exc:
        raise InputError(describe_validation_error(source, exc)) from None


def load_notes(path: str | Path) -> Notes:
    """Read and validate a notes JSON file (UTF-8, a BOM is fine, at most MAX_NOTES_BYTES)."""
    return parse_notes(load_json(path, limit=MAX_NOTES_BYTES, what="notes file"), str(path))
