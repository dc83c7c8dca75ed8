"""What the understanding step hands the composer and the prompt: facts seen from the recipient's
side, each with the original text from the notes beside it (issue 8)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

Shape = Literal["noun", "clause", "sentence", "fragment"]
"""How a topic was written: a noun phrase ("the CI rewrite"), a clause ("how she runs 1:1s"), a
full sentence ("She showed me how the team runs retros."), a fragment ("timing not right")."""

Frame = Literal["subject", "said", "asked", "mine", "unclear"]
"""Which frames a topic fits: `subject` a noun phrase ("our talk about X"), `said` a statement
("hearing that X"), `asked` their question ("your question about X"), `mine` raised by the
candidate ("the chance to talk about X"), `unclear` none — the composer uses a neutral frame."""

RaisedBy = Literal["interviewer", "candidate", "both"]

_DEPT = re.compile(r"(部|課|室|局|本部|グループ|チーム|センター)$")


@dataclass(frozen=True)
class Guess:
    """Where the understanding step had to guess, for the notes lint: field path, what it read,
    and the rewrite it suggests."""

    field: str
    message: str
    suggestion: str | None = None


@dataclass(frozen=True)
class PersonFact:
    """What to call a person. English: `formal` ("Dr. Moreau", "Priya Raman", "everyone") and
    `casual` ("Priya") greeting names; Japanese: `sama` in the body ("田中様") and `address` on the
    宛名 line ("田中 美咲 様"). `full` is the name in reading order ("Chinedu Okafor")."""

    written: str
    full: str
    given: str | None
    family: str | None
    formal: str
    casual: str
    sama: str
    address: str
    title: str | None = None
    group: bool = False
    sure: bool = True


@dataclass(frozen=True)
class TopicFact:
    """One topic: the original beside its recipient-side, frame-ready `text`."""

    field: str
    original: str
    text: str
    shape: Shape
    frame: Frame
    raised_by: RaisedBy | None = None
    own: bool = True


@dataclass(frozen=True)
class QuoteFact:
    """Someone's words (kind words): who said them and how the sender may repeat them.
    `clauses`: reported in the sender's voice, ready after "that" / before 「と伺い」 ("I was your
    top pick"); `quote`: polite direct words to quote as theirs (Japanese 「…」とのお言葉)."""

    field: str
    original: str
    speaker: str | None
    by_recipient: bool
    clauses: tuple[str, ...] = ()
    quote: str | None = None


@dataclass(frozen=True)
class SkillFact:
    """A skill the interview missed. English: `evidence` and `result` are verb phrases without a
    subject ("rebuilt our AWS infrastructure as Terraform modules"), `result_form` says how the
    result joins ("verb": "…, which cut…"; "noun": "led to a 25% drop"; "state": how things are
    now, "is now used by 4 groups", "processes 2M events a day"; "clause": a sentence of its own,
    "mean time to recovery dropped by 35%"). Japanese: both are 連用形
    stems ("在庫管理APIをGoで再実装し") that take 「ました」, and `joined` is the evidence as it
    leads into the result (「…再実装し、」, 「…力を入れてきたことで、」)."""

    field: str
    original: str
    name: str
    credential: bool
    evidence: str | None
    result: str | None
    result_form: Literal["verb", "noun", "state", "clause"] | None
    names_skill: bool
    joined: str | None = None


@dataclass(frozen=True)
class TimelineFact:
    """The stated decision timeline: `when` ready after "decide"/"hear from you" ("within 2
    weeks"); Japanese `expect`: what they said they would do, politely (「2週間以内にご連絡をいただける」)."""

    original: str
    when: str | None
    about: Literal["decision", "contact"]
    expect: str | None = None


@dataclass(frozen=True)
class NewsFact:
    """One positive news item: English `clause` ready after "that"; Japanese `done`, the stem
    before 「されたこと」 (「関西に新たな物流センターを開設」)."""

    original: str
    clause: str | None
    done: str | None = None


@dataclass(frozen=True)
class Facts:
    """Everything a draft to one recipient may use, seen from the recipient's side. Private notes
    never enter; instruction-like free text is left out (see `checks.injection`)."""

    language: Literal["en", "ja"]
    role: Literal["candidate", "recruiter"]
    sender: PersonFact
    sender_email: str | None
    sender_phone: str | None
    sender_title: str | None
    company: str
    department: str | None
    position: str
    client: str | None
    stage: str | None
    interview_date: dt.date | None
    interview_format: str | None
    recipient: PersonFact
    alt: int
    topics: tuple[TopicFact, ...]
    skills: tuple[SkillFact, ...]
    news: NewsFact | None
    timeline: TimelineFact | None
    kind_words: QuoteFact | None
    outcome: str | None
    follow_ups: tuple[tuple[dt.date, str], ...]
    positive: tuple[str, ...]
    more: tuple[str, ...]
    prepare: tuple[str, ...]
    next_who: str | None
    stance: str | None
    guesses: tuple[Guess, ...] = field(default=())

    def framed(self, limit: int = 2) -> tuple[TopicFact, ...]:
        """Topics that fit a frame (at most `limit`): the recipient's own first, and what they
        raised before what the sender raised."""
        usable = [t for t in self.topics if t.frame != "unclear"]
        return tuple(sorted(usable, key=lambda t: (not t.own, t.frame == "mine")))[:limit]

    def address_lines(self) -> tuple[str, ...]:
        """The Japanese 宛名 block: company, department (unless the title names one), title and
        name with 様; a candidate written to by a recruiter gets only their name."""
        you = self.recipient
        if self.role == "recruiter":
            return (you.address,)
        title = you.title or ""
        names_dept = any(_DEPT.search(part) for part in title.split())  # "開発部 部長" names its own
        name = f"{title} {you.address}" if title and not you.group else you.address
        return tuple(x for x in (self.company, None if names_dept else self.department, name) if x)
