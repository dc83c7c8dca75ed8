"""Japanese notes from a recruiter to a candidate after a カジュアル面談 (GUIDANCE C11, C12, T5).

The thanks follows seed 003: ◆フィードバック with what went well and what to work on, ◆準備して
いただきたいこと, who they will meet next, and an invitation — explicit when the notes have
positive points, left to the candidate when they only hold criticism. Wording:
`prompts/ja/composer.toml`.
"""

from __future__ import annotations

from afterword.backends.offline.ja import letter, names, refs, subject
from afterword.prompts import Phrases
from afterword.understand import Facts


def _numbered(items: tuple[str, ...]) -> str:
    return "\n".join(f"({i}) {item}" for i, item in enumerate(items, 1))


def _bullets(items: tuple[str, ...]) -> str:
    return "\n".join(f" - {item}" for item in items)


def _topic(p: Phrases, f: Facts, tone: str) -> str:
    r = refs(p, f)
    return p.say("recruiter.topic", tone, refs="や".join(r), **names(f)) if r else ""


def recruiter_thanks(f: Facts, tone: str) -> tuple[str, str]:
    """Thanks, feedback, what to prepare, who is next, and the invitation."""
    p, v = Phrases("ja"), names(f)
    first = p.say("recruiter-thanks.first", tone, **v) + _topic(p, f, tone)
    feedback = ""
    if f.positive or f.more:
        lead = "recruiter-thanks.feedback_lead" if f.positive else "recruiter-thanks.feedback_lead_more_only"
        blocks = [p.say(lead, tone), p.say("recruiter-thanks.feedback_heading")]
        if f.positive:
            blocks.append(f"{p.say('recruiter-thanks.positive_heading')}\n{_bullets(f.positive)}")
        if f.more:
            blocks.append(f"{p.say('recruiter-thanks.more_heading')}\n{_bullets(f.more)}")
        feedback = "\n".join(blocks)
    prep = []
    if f.prepare:
        prep.append(f"{p.say('recruiter-thanks.prepare_heading')}\n{_numbered(f.prepare)}")
    if f.next_who:
        prep.append(p.say("recruiter-thanks.who", who=f.next_who))
    only_criticism = bool(f.more) and not f.positive
    invite = p.say("recruiter-thanks.invite_more_only" if only_criticism else "recruiter-thanks.invite",
                   tone, **v)
    body = letter(p, f, first, [feedback, "\n".join(prep), invite], p.say("recruiter-thanks.last", tone))
    return subject(p, f, "recruiter-thanks.subject"), body


def recruiter_nudge(f: Facts, tone: str) -> tuple[str, str]:
    """T5: light and friendly, easy to answer, no pressure."""
    p, v = Phrases("ja"), names(f)
    first = p.say("recruiter-nudge.first", tone, **v) + _topic(p, f, tone)
    body = letter(p, f, first, [p.say("recruiter-nudge.ask", tone, **v)], p.say("recruiter-nudge.last", tone))
    return subject(p, f, "recruiter-nudge.subject"), body


def recruiter_keep_in_touch(f: Facts, tone: str) -> tuple[str, str]:
    """C12: thanks, no hard sell, an offer to talk about their career, re-contact later."""
    p, v = Phrases("ja"), names(f)
    first = p.say("recruiter-keep-in-touch.first", tone, **v) + _topic(p, f, tone)
    body = letter(p, f, first, [p.say("recruiter-keep-in-touch.offer", tone)],
                  p.say("recruiter-keep-in-touch.last", tone, **v))
    return subject(p, f, "recruiter-keep-in-touch.subject"), body


COMPOSERS = {
    "recruiter-thanks": recruiter_thanks,
    "recruiter-nudge": recruiter_nudge,
    "recruiter-keep-in-touch": recruiter_keep_in_touch,
}
