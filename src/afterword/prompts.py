"""The wording files in `prompts/` (a user's `<config folder>/prompts/` is searched first): the
Jinja2 templates of the model prompt, the field labels of the notes document, and the offline
composer's phrases.

The prompt (issues 8 and 11.1): the system message is our fixed text only — rules chosen by what
the notes contain, never a word of the notes. The notes reach the model in the user message as
one JSON document built from the understood facts (recipient-side topics, who said what, the
greeting name): JSON escaping keeps every value inside its string, and backticks are escaped too,
so nothing in the notes can close the fence around it. The tone comes last, so variants share
the prefix.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from afterword.backends.base import Prompt
from afterword.config import config_dir
from afterword.errors import InputError
from afterword.models import Interviewer, Notes, Person
from afterword.understand import Facts, understand

_SLOT = re.compile(r"\{(\w+)\}")


def resource_dir(name: str) -> Path:
    """A data folder shipped in the wheel (`afterword/<name>`), or the checkout's top-level one."""
    installed = Path(__file__).parent / name
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / name


@cache
def _environment(search: tuple[Path, ...]) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in search]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def environment() -> jinja2.Environment:
    """Templates from the user's `prompts/` override folder first, then the shipped ones."""
    return _environment((config_dir() / "prompts", resource_dir("prompts")))


# --- phrase data (TOML beside the templates) ------------------------------------------------------


def _merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in top.items():
        nested = isinstance(value, dict) and isinstance(out.get(key), dict)
        out[key] = _merge(out[key], value) if nested else value
    return out


@cache
def _load(shipped: Path, override: Path | None, stamp: float) -> dict[str, Any]:
    def read(path: Path) -> dict[str, Any]:
        try:
            return tomllib.loads(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise InputError(f"{path}: cannot read the phrases ({exc})",
                             "fix the TOML, or remove your copy to use the shipped one") from None

    data = read(shipped)
    return _merge(data, read(override)) if override else data


class Phrases:
    """One phrase file of a language (`composer.toml`, `fields.toml`) with the user's copy merged
    over it key by key, so a person can fix one phrase without copying the whole file.

    A key names a table by dots (`thank-you.opening`); inside it a tone (`formal`, `warm`,
    `concise`, `enthusiastic`) or `any`; a list holds alternatives chosen by `alt` (the recipient's
    place, so two interviewers get different notes). `{Name}` fills `{name}` with a capital first
    letter. A missing key or placeholder is an error naming the file and the key."""

    def __init__(self, language: str, name: str = "composer.toml") -> None:
        shipped = resource_dir("prompts") / language / name
        override = config_dir() / "prompts" / language / name
        has = override.is_file()
        self.source = str(override if has else shipped)
        self.data = _load(shipped, override if has else None, override.stat().st_mtime if has else 0.0)

    def pick(self, key: str, tone: str | None = None, alt: int = 0) -> str:
        """The phrase at `key` for `tone` (else `any`), alternative `alt`."""
        node: Any = self.data
        for part in key.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, dict):
            node = node.get(tone or "any", node.get("any"))
        if isinstance(node, list):
            node = node[alt % len(node)] if node else None
        if not isinstance(node, str):
            raise InputError(f"{self.source}: no phrase `{key}`" + (f" for tone `{tone}`" if tone else ""),
                             "add it, or remove your copy to use the shipped phrases")
        return node

    def say(self, key: str, tone: str | None = None, alt: int = 0, /, **values: str) -> str:
        """The phrase at `key` with its `{placeholders}` filled."""
        phrase = self.pick(key, tone, alt)

        def fill(m: re.Match[str]) -> str:
            slot = m.group(1)
            low = slot[0].lower() + slot[1:]
            if slot not in values and low not in values:
                slots = ", ".join("{" + v + "}" for v in values) or "(none)"
                what = f"phrase `{key}` uses {{{slot}}}, which is not available here"
                raise InputError(f"{self.source}: {what}", f"use one of: {slots}")
            value = values[slot] if slot in values else values[low][:1].upper() + values[low][1:]
            ends_sentence = phrase[m.end() : m.end() + 1] == "."
            return value[:-1] if ends_sentence and value.endswith(".") else value  # "… K.K." + "."

        return _SLOT.sub(fill, phrase)


# --- the notes as a JSON document ------------------------------------------------------------------


def notes_document(facts: Facts, today: dt.date) -> dict[str, Any]:
    """The understood notes as the model reads them: labelled fields (names in fixed positions),
    topics from the recipient's side keyed by how they came up, their words in the sender's voice,
    and "none — do not invent" where the notes have nothing. Keys come from `fields.toml`."""
    fields = Phrases(facts.language, "fields.toml")

    def k(name: str) -> str:
        return fields.pick(f"keys.{name}")

    def none(what: str) -> str:
        return fields.pick(f"none.{what}")

    ja = facts.language == "ja"
    you = facts.recipient
    to: dict[str, Any] = {k("name"): you.full, k("greet"): you.sama if ja else you.casual}
    if ja:
        to[k("address")] = list(facts.address_lines())
    elif you.formal != you.casual:
        to[k("greet")] = {"formal": you.formal, "friendly": you.casual}
    if you.title:
        to[k("title")] = you.title
    sender: dict[str, Any] = {k("name"): facts.sender.written, k("role"): fields.pick(f"roles.{facts.role}")}
    if facts.sender_title:
        sender[k("title")] = facts.sender_title
    company: dict[str, Any] = {k("company_name"): facts.company}
    if facts.department:
        company[k("department")] = facts.department
    doc: dict[str, Any] = {k("today"): today.isoformat(), k("from"): sender, k("to"): to,
                           k("company"): company, k("position"): facts.position}
    if facts.client:
        doc[k("client")] = facts.client
    interview = {k("date"): facts.interview_date.isoformat() if facts.interview_date else None,
                 k("stage"): facts.stage, k("format"): facts.interview_format}
    if any(interview.values()):
        doc[k("interview")] = {key: v for key, v in interview.items() if v}
    topics = [{fields.pick(f"topic_keys.{t.frame}"): t.text} for t in facts.framed(3)]
    doc[k("topics")] = topics or none("topics")
    skills = []
    for s in facts.skills:
        if s.credential:
            skills.append({k("holds"): s.name})
            continue
        item = {k("skill"): s.name}
        if s.evidence:
            item[k("did")] = s.evidence + ("ました" if ja else "")
        item[k("result")] = (s.result + ("ました" if ja else "")) if s.result else none("result")
        skills.append(item)
    if skills:
        doc[k("skills")] = skills
    if facts.role == "candidate":
        doc[k("news")] = [facts.news.original] if facts.news else none("news")
        when = (facts.timeline.expect if ja else facts.timeline.when) if facts.timeline else None
        doc[k("timeline")] = when or none("timeline")
    if facts.follow_ups:
        doc[k("sent")] = [{k("date"): d.isoformat(), k("scenario"): fields.pick(f"scenarios.{s}")}
                          for d, s in facts.follow_ups]
    if facts.outcome:
        doc[k("outcome")] = fields.pick(f"outcomes.{facts.outcome}")
    if facts.kind_words:
        kind = facts.kind_words
        words: dict[str, Any] = {k("said_by"): kind.speaker or you.full}
        if kind.quote:
            words[k("quote")] = kind.quote
        if kind.clauses:
            words[k("in_your_voice")] = list(kind.clauses)
        doc[k("kind_words")] = words
    if facts.role == "recruiter":
        doc[k("positive")] = list(facts.positive) or none("positive")
        doc[k("more")] = list(facts.more) or none("more")
        if facts.prepare or facts.next_who:
            step: dict[str, Any] = {k("prepare"): list(facts.prepare)} if facts.prepare else {}
            if facts.next_who:
                step[k("who")] = facts.next_who
            doc[k("next_round")] = step
    contacts = [facts.sender.written, facts.sender_email, facts.sender_phone]
    doc[k("signature")] = " · ".join(c for c in contacts if c)
    return doc


def notes_json(document: dict[str, Any]) -> str:
    """The document as JSON that cannot close its container: quotes and newlines are escaped by
    JSON, and backticks as \\u0060, so no value can end the ```json fence. One top-level field per
    line, the values compact (a small model pays for every token)."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = ",\n".join(f"{dump(key)}: {dump(value)}" for key, value in document.items())
    return f"{{\n{lines}\n}}".replace("`", "\\u0060")


def _flags(facts: Facts) -> dict[str, Any]:
    """What the fixed rules depend on: which parts the notes have (never their text)."""
    return {
        "role": facts.role,
        "has_topics": bool(facts.framed(3)),
        "has_mine": any(t.frame == "mine" for t in facts.framed(3)),
        "has_skills": any(not s.credential for s in facts.skills),
        "skill_result": any(s.result for s in facts.skills),
        "has_news": facts.news is not None,
        "has_timeline": bool(facts.timeline and (facts.timeline.expect or facts.timeline.when)),
        "has_kind_words": bool(facts.kind_words and (facts.kind_words.quote or facts.kind_words.clauses)),
        "has_positive": bool(facts.positive),
        "has_more": bool(facts.more),
        "has_next_round": bool(facts.prepare or facts.next_who),
    }


def prompt_for(facts: Facts, scenario: str, tone: str, channel: str, today: dt.date | None = None) -> Prompt:
    """System = fixed instructions for the scenario and channel; user = the notes document (fenced
    JSON), today's date inside it, then the tone."""
    env = environment()
    lang = facts.language
    ctx = {"scenario": scenario, "tone": tone, "channel": channel, **_flags(facts)}
    system = env.get_template(f"{lang}/{scenario}.j2").render(ctx).strip()
    document = notes_json(notes_document(facts, today or dt.date.today()))
    notes_block = env.get_template(f"{lang}/_notes.j2").render(notes_json=document).strip()
    tone_line = env.get_template(f"{lang}/_tone.j2").render(ctx).strip()
    return Prompt(system=system, user=f"{notes_block}\n\n{tone_line}")


def build_prompt(
    notes: Notes,
    scenario: str,
    tone: str,
    channel: str,
    recipient: Person | Interviewer,
    today: dt.date | None = None,
) -> Prompt:
    """The prompt for one draft straight from notes (understands them first)."""
    return prompt_for(understand(notes, recipient), scenario, tone, channel, today)
