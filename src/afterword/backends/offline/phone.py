"""Short call scripts (GUIDANCE C9, seed 004): greeting, who you are, why you call (the stated
timeline as the reason), the question, and thanks. Spoken lines, so no signature. Wording:
the `phone` tables of `prompts/<lang>/composer.toml`."""

from __future__ import annotations

import re

from afterword.backends.offline import en, ja
from afterword.checks.lint import PHONE_LIMIT
from afterword.checks.textutil import EN_WORD
from afterword.prompts import Phrases
from afterword.understand import Facts
from afterword.understand.english import inside_sentence

MAX_SPOKEN_ITEMS = 2
"""Feedback and preparation points a call script reads out per list (C9: a short call); one
each when two would make the script longer than the lint's limit."""


def _en_reason(p: Phrases, f: Facts, scenario: str, tone: str, per_list: int) -> list[str]:
    """Why I call, one short spoken line each."""
    if scenario == "thank-you":
        r = en.refs(p, f, tone)
        line = p.say("phone.thank-you_topic", tone, ref=r[0]) if r else p.say("phone.thank-you", tone)
        extra = en.story(p, f.skills[0], single=False) if f.skills else ""
        return [line, p.say("phone.thank-you_story", story=extra)] if extra else [line]
    if scenario == "status-check":
        ask = p.say("phone.status-check", tone)
        if f.timeline and f.timeline.when:
            lowered = ask if re.match(r"I\b", ask) else ask[0].lower() + ask[1:]
            return [p.say(f"phone.status-check_{f.timeline.about}", when=f.timeline.when, ask=lowered)]
        return [ask]
    if scenario == "recruiter-thanks":
        lines = [p.say("phone.recruiter-thanks", tone)]
        for key, items in (("positive", f.positive), ("more", f.more), ("prepare", f.prepare)):
            if items:
                lines.append(p.say(f"phone.recruiter-thanks_{key}", items=_spoken(f, items[:per_list])))
        if f.next_who:
            lines.append(p.say("phone.recruiter-thanks_who", who=f.next_who))
        only_criticism = bool(f.more) and not f.positive
        lines.append(p.say("phone.recruiter-thanks_invite_more_only" if only_criticism
                           else "phone.recruiter-thanks_invite"))
        return lines
    return [p.say(f"phone.{scenario}", tone, **en.names(f))]


def _spoken(f: Facts, items: tuple[str, ...]) -> str:
    """Bullet points said in one sentence, each starting in lower case unless it starts with a
    name, joined with "and" — or "; and" when one has a comma."""
    names = (f.company, f.client or "", f.position, f.recipient.full, f.next_who or "")
    said = [inside_sentence(i, names) for i in items]
    if any("," in i for i in said) and len(said) > 1:
        return f"{'; '.join(said[:-1])}; and {said[-1]}"
    return en.join_en(said)


def call_en(f: Facts, scenario: str, tone: str) -> tuple[str, str]:
    """An English call script."""
    p, v = Phrases("en"), en.names(f)
    me = f"{f.sender.written} from {f.company}" if f.role == "recruiter" else f.sender.written
    about = f"the {f.position} role" if f.role == "recruiter" else f"the {f.position} position at {f.company}"
    who = p.say("phone.who", tone, about=about, **v)
    r = en.refs(p, f, tone)
    if r and scenario != "thank-you":
        who += " " + p.say("phone.recall", ref=r[0])
    hello = (p.say("phone.hello_group", tone, me=me) if f.recipient.group
             else p.say("phone.hello", tone, me=me, asked=f.recipient.formal))
    voicemail = [p.say("phone.voicemail", me=me, about=about, phone=f.sender_phone)] if f.sender_phone else []
    for per_list in range(MAX_SPOKEN_ITEMS, 0, -1):
        body = "\n\n".join([hello, who, *_en_reason(p, f, scenario, tone, per_list), p.say("phone.bye", tone),
                             *voicemail])
        if len(EN_WORD.findall(body)) <= PHONE_LIMIT[0]:
            break
    subject = p.say("phone.subject", purpose=p.pick(f"phone.purpose.{scenario}"), **v)
    return subject, body


def _ja_reason(p: Phrases, f: Facts, scenario: str, tone: str) -> list[str]:
    """用件, one short spoken line each."""
    if scenario == "thank-you":
        r = ja.refs(p, f)
        line = p.say("phone.thank-you", tone) + (p.say("phone.thank-you_topic", tone, ref=r[0]) if r else "")
        extra = ja.story(p, f.skills[0], single=False) if f.skills else ""
        return [line, p.say("phone.thank-you_story", story=extra)] if extra else [line]
    if scenario == "status-check":
        expect = f.timeline.expect if f.timeline else None
        heard = p.say("phone.status-check_heard", expect=expect) if expect else ""
        return [heard + p.say("phone.status-check", tone)]
    if scenario == "recruiter-thanks":
        lines = [p.say("phone.recruiter-thanks", tone)]
        for key, items in (("positive", f.positive), ("more", f.more), ("prepare", f.prepare)):
            if items:
                lines.append(p.say(f"phone.recruiter-thanks_{key}", items="".join(f"「{i}」" for i in items)))
        if f.next_who:
            lines.append(p.say("phone.recruiter-thanks_who", who=f.next_who))
        only_criticism = bool(f.more) and not f.positive
        lines.append(p.say("phone.recruiter-thanks_invite_more_only" if only_criticism
                           else "phone.recruiter-thanks_invite", tone))
        return lines
    return [p.say(f"phone.{scenario}", tone, **ja.names(f))]


def call_ja(f: Facts, scenario: str, tone: str) -> tuple[str, str]:
    """A Japanese call script (電話メモ)."""
    p, v = Phrases("ja"), ja.names(f)
    purpose = p.pick(f"phone.purpose.{scenario}")
    thanks = p.say("phone.thanks", tone, **v)
    r = ja.refs(p, f)
    if r and scenario != "thank-you":
        thanks += p.say("phone.recall", ref=r[0])
    if f.role == "recruiter":  # the candidate answers in person: one 名乗り is enough
        subject = p.say("phone.subject_recruiter", purpose=purpose, **v)
        opening = [p.say("phone.hello_recruiter", tone, **v), thanks]
    else:
        subject = p.say("phone.subject_candidate", purpose=purpose, **v)
        title = f"{f.recipient.title}の" if f.recipient.title else ""
        opening = [p.say("phone.hello_candidate", tone, title=title, **v),
                   p.say("phone.me_candidate", tone, **v) + thanks]
    return subject, "\n\n".join([*opening, *_ja_reason(p, f, scenario, tone), p.say("phone.bye", tone)])
