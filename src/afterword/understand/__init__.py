"""The understanding step (issue 8): notes + one recipient → `Facts` seen from the recipient's
side, each fact keeping the original text beside it. Everything downstream (the offline composer,
the prompt) writes from these facts, never from raw note strings.

    understand(notes, recipient) -> Facts   # once per draft request (pipeline.plan_jobs)
    lint_notes(notes) -> list[Issue]        # where it had to guess, with a suggested rewrite

Facts: `recipient`/`sender` (PersonFact: formal/casual greeting names, 様 forms), `topics`
(TopicFact: text, shape, frame, raised_by), `skills` (SkillFact), `timeline`, `news`,
`kind_words` (QuoteFact), recruiter `positive`/`more`/`prepare`/`next_who`, and `guesses`.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Any

from afterword.checks.injection import is_instruction_like
from afterword.checks.news import usable_news
from afterword.models import Interviewer, NewsItem, Notes, Person, Topic
from afterword.understand import english, english_facts, japanese
from afterword.understand.facts import (
    Facts,
    Guess,
    NewsFact,
    PersonFact,
    QuoteFact,
    RaisedBy,
    SkillFact,
    TimelineFact,
    TopicFact,
)
from afterword.understand.names import read_person
from afterword.understand.terms import canonical_en, canonical_ja

__all__ = [
    "Facts",
    "Guess",
    "NewsFact",
    "PersonFact",
    "QuoteFact",
    "SkillFact",
    "TimelineFact",
    "TopicFact",
    "understand",
]

MAX_SKILLS = 3  # C3: a note stays short; more than three stories would crowd it


def _usable(text: str | None) -> str | None:
    """The text without surrounding blanks, or None when empty or instruction-like (left out)."""
    value = (text or "").strip()
    return value if value and not is_instruction_like(value) else None


def _recipient_field(notes: Notes, person: Person | Interviewer) -> str:
    if notes.sender_role == "recruiter":
        return "candidate"
    index = notes.interviewers.index(person) if person in notes.interviewers else 0
    return f"interviewers[{index}]"


def _topic_sources(notes: Notes, person: Person | Interviewer, field: str) -> list[tuple[str, Topic, bool]]:
    """(field path, topic, own) — the recipient's own topics first, then the shared ones, no repeats."""
    own = person.topics if isinstance(person, Interviewer) else []
    seen: set[str] = set()
    out = []
    lists = ((f"{field}.topics", own, True), ("topics_discussed", notes.topics_discussed, False))
    for path, items, is_own in lists:
        for i, item in enumerate(items):
            topic = item if isinstance(item, Topic) else Topic(text=item)
            if topic.text not in seen:
                seen.add(topic.text)
                out.append((f"{path}[{i}]", topic, is_own))
    return out


def _pick_news(notes: Notes) -> NewsItem | None:
    """The newest item a draft may mention (`checks.news.usable_news`: good news or marked `ok`,
    never instruction-like) — C5: at most one."""
    usable = usable_news(notes)
    dated = [(item.date.toordinal() if item.date else 0, -i) for i, item in enumerate(usable)]
    return usable[-max(dated)[1]] if usable else None


def _position(position: str) -> tuple[str, str | None]:
    """("Head of Design", "Willow Bank") from "Head of Design (client: Willow Bank)" (or
    「データアナリスト（クライアント：株式会社ハルモニア）」)."""
    m = re.match(r"^(.*?)\s*[(（]\s*(?:(?:client|クライアント)\s*[:：]\s*)?([^)）]+)[)）]\s*$", position)
    named = m and re.match(r"client|クライアント", position[m.end(1) :].strip("(（ "), re.I)
    if m and (named or re.search("会社", m.group(2))):
        return m.group(1).strip(), m.group(2).strip()
    return position.strip(), None


_KEEP_AS_WRITTEN = frozenset({"name", "email", "greet_as", "phone", "url", "title", "department"})


@lru_cache(maxsize=64)
def _spelling_fixes(notes_json: str) -> tuple[tuple[str, str], ...]:
    """(typo, fix) for the certain misspellings the spelling check finds in English notes' free
    text ("proccess" → "process"), when the fix is one close suggestion for a lower-case word."""
    from afterword.checks.grammar import free_text_fields, notes_spelling_issues

    notes = Notes.model_validate_json(notes_json)
    texts = dict(free_text_fields(notes))
    fixes = {}
    for issue in notes_spelling_issues(notes):
        word = texts.get(issue.field or "", "")[issue.offset : issue.offset + issue.length]
        best = issue.replacements[0] if issue.replacements else ""
        close = difflib.SequenceMatcher(None, word, best).ratio() >= 0.8 and word[:1] == best[:1]
        if len(word) >= 5 and word.islower() and close:
            fixes[word] = best
    return tuple(fixes.items())


def _respelled(notes: Notes) -> Notes:
    """The notes with their certain misspellings fixed in the free text (names stay as written);
    `validate` reports each one to the writer."""
    if notes.language != "en":
        return notes
    fixes = _spelling_fixes(notes.model_dump_json())
    if not fixes:
        return notes
    pattern = re.compile(r"\b(" + "|".join(re.escape(typo) for typo, _ in fixes) + r")\b")
    table = dict(fixes)

    def walk(value: Any, key: str = "") -> Any:
        if isinstance(value, str) and key not in _KEEP_AS_WRITTEN:
            return pattern.sub(lambda m: table[m.group(0)], value)
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        return value

    return Notes.model_validate(walk(notes.model_dump(mode="json")))


def understand(notes: Notes, recipient: Person | Interviewer | None = None) -> Facts:
    """Facts for a draft to `recipient` (default: the first recipient), seen from their side.
    English notes are read with their certain misspellings fixed."""
    index = notes.recipients().index(recipient) if recipient in notes.recipients() else 0
    notes = _respelled(notes)
    person = notes.recipients()[index] if recipient is not None else notes.recipient()
    lang = notes.language
    field = _recipient_field(notes, person)
    title = getattr(person, "title", None)
    title = canonical_ja(title) if title and lang == "ja" else title
    named = read_person(person.name, language=lang, field=field, greet_as=person.greet_as, title=title)
    you = named.fact
    guesses: list[Guess] = list(named.guesses)
    sender = read_person(notes.sender.name, language=lang, field="sender").fact
    names = tuple(n for n in {person.name, you.full, you.family or "", you.given or ""} if n)
    people = notes.recipients()
    side: RaisedBy = "interviewer" if notes.sender_role == "recruiter" else "candidate"
    reader = english.Reader(names, plural_is_addressee=notes.sender_role == "candidate",
                            sole=len(people) == 1, sender_side=side)

    topics: list[TopicFact] = []
    for path, topic, own in _topic_sources(notes, person, field):
        if not _usable(topic.text):
            continue
        if lang == "ja":
            topics += japanese.read_topics(topic.text, field=path, raised_by=topic.raised_by, own=own,
                                           names=names, sender_side=side)
        else:
            topics += english.read_topic(topic.text, field=path, raised_by=topic.raised_by, own=own,
                                         reader=reader)

    skills: list[SkillFact] = []
    for i, s in enumerate(notes.skills_not_mentioned):
        if not _usable(s.skill) or len(skills) == MAX_SKILLS:
            continue
        evidence, result = _usable(s.evidence), _usable(s.result)
        path = f"skills_not_mentioned[{i}]"
        skills.append(_skill_ja(s.skill, evidence, result, path) if lang == "ja"
                      else english_facts.read_skill(s.skill, evidence, result, field=path))

    news = None
    if picked := _pick_news(notes):
        news = (japanese.read_news(picked.text, notes.company.name) if lang == "ja"
                else english_facts.read_news(picked.text))

    timeline = None
    if text := _usable(notes.decision_timeline):
        timeline = japanese.read_timeline(text) if lang == "ja" else english_facts.read_timeline(text, reader)

    kind = None
    if notes.outcome and (words := _usable(notes.outcome.kind_words)):
        mine = tuple(n for n in {notes.sender.name, sender.family or "", sender.full} if n)
        kind = (japanese.read_kind_words(words, field="outcome.kind_words", names=names, sender=mine)
                if lang == "ja"
                else english.read_kind_words(words, field="outcome.kind_words", reader=reader,
                                             recipient=person.name, people=tuple(p.name for p in people)))

    fb, step = notes.feedback, notes.next_step
    item = (lambda t: japanese.plain_item(t, names)) if lang == "ja" else (
        lambda t: english.feedback_item(t, reader))
    position, client = _position(canonical_ja(notes.position) if lang == "ja" else notes.position)
    index = [p.name for p in people].index(person.name) if person.name in [p.name for p in people] else 0
    return Facts(
        language=lang,
        role=notes.sender_role,
        sender=sender,
        sender_email=notes.sender.email or None,
        sender_phone=notes.sender.phone or None,
        sender_title=notes.sender.title or None,
        company=notes.company.name,
        department=notes.company.department or None,
        position=position,
        client=client,
        stage=_usable(canonical_ja(notes.interview.stage) if lang == "ja" and notes.interview.stage
                      else notes.interview.stage),
        interview_date=notes.interview.date,
        interview_format=_usable(notes.interview.format),
        recipient=you,
        alt=index % 2,
        topics=tuple(topics),
        skills=tuple(skills),
        news=news,
        timeline=timeline,
        kind_words=kind,
        outcome=notes.outcome.result if notes.outcome else None,
        follow_ups=tuple((f.date, f.scenario) for f in notes.follow_ups),
        positive=tuple(item(t) for t in (fb.positive if fb else []) if _usable(t)),
        more=tuple(item(t) for t in (fb.more if fb else []) if _usable(t)),
        prepare=tuple(item(t) for t in (step.prepare if step else []) if _usable(t)),
        next_who=_next_who(step.who, lang) if step else None,
        stance=notes.candidate_stance,
        guesses=tuple(guesses),
    )


def _next_who(who: str | None, language: str) -> str | None:
    """Whom the candidate meets next, shorthand written out ("eng mgr + 1 sr eng" → "engineering
    manager and 1 senior engineer")."""
    text = _usable(who)
    return canonical_en(text, noun_phrase=True) if text and language == "en" else text


def _skill_ja(skill: str, evidence: str | None, result: str | None, field: str) -> SkillFact:
    name = canonical_ja(skill).strip()
    ev = res = joined = None
    if evidence:
        ev = japanese.stem(evidence) or f"{canonical_ja(evidence).rstrip('。')}という経験があり"
        joined = japanese.connective(evidence) or f"{ev}、"
    if result:
        res = japanese.stem(result, result=True) or f"{canonical_ja(result).rstrip('。')}という成果につながり"
    credential = bool(english_facts.CREDENTIAL.search(name)) and not evidence
    return SkillFact(field, skill, name, credential, ev, res, "verb" if res else None,
                     bool(evidence and name in evidence), joined)


def people_facts(notes: Notes) -> list[tuple[str, PersonFact, tuple[Guess, ...]]]:
    """Every recipient read as `understand` reads them, with the guesses behind each."""
    out = []
    for person in notes.recipients():
        field = _recipient_field(notes, person)
        named = read_person(person.name, language=notes.language, field=field, greet_as=person.greet_as,
                            title=getattr(person, "title", None))
        out.append((field, named.fact, named.guesses))
    return out


_ = (QuoteFact, Guess)  # re-exported types
