"""English notes from a recruiter to a candidate: thanks with feedback (C11), a nudge (T5), keep
in touch (C12). Wording: `prompts/en/composer.toml`."""

from __future__ import annotations

from afterword.backends.offline.en import letter, names, refs, subject
from afterword.prompts import Phrases
from afterword.understand import Facts


def _bullets(items: tuple[str, ...]) -> str:
    return "\n".join(f"- {item}" for item in items)


def opening(p: Phrases, f: Facts, tone: str, key: str) -> str:
    """The thanks, and one or two topics named from the candidate's side."""
    r = refs(p, f, tone)
    line = p.say(key, tone, **names(f))
    if r:
        line += " " + p.say("recruiter.topic_one" if len(r) == 1 else "recruiter.topic_two", tone,
                            ref=r[0], ref2=r[-1])
    return line


def recruiter_thanks(f: Facts, tone: str) -> tuple[str, str]:
    """C11: thanks, feedback (what stood out / what to work on), what to prepare, who is next, and
    an invitation — explicit when the notes have positive points, conditional when they only have
    criticism (a respectful, balanced note rather than an invitation after a list of faults)."""
    p, v = Phrases("en"), names(f)
    feedback = []
    if f.positive or f.more:
        lead = "recruiter-thanks.feedback_lead" if f.positive else "recruiter-thanks.feedback_lead_more_only"
        feedback.append(p.say(lead, tone))
        if f.positive:
            feedback.append(f"{p.say('recruiter-thanks.positive_heading')}\n{_bullets(f.positive)}")
        if f.more:
            feedback.append(f"{p.say('recruiter-thanks.more_heading')}\n{_bullets(f.more)}")
    prepare = f"{p.say('recruiter-thanks.prepare', tone)}\n{_bullets(f.prepare)}" if f.prepare else ""
    who = p.say("recruiter-thanks.who", tone, who=f.next_who) if f.next_who else ""
    only_criticism = bool(f.more) and not f.positive
    invite = p.say("recruiter-thanks.invite_more_only" if only_criticism else "recruiter-thanks.invite", tone)
    paragraphs = [opening(p, f, tone, "recruiter.opening"), *feedback, prepare, who, invite,
                  p.say("recruiter-thanks.closing", tone, **v)]
    return subject(p, f, "recruiter-thanks.subject", tone), letter(p, f, tone, paragraphs)


def recruiter_nudge(f: Facts, tone: str) -> tuple[str, str]:
    """T5: a light, friendly nudge that is easy to answer and puts on no pressure."""
    p, v = Phrases("en"), names(f)
    paragraphs = [opening(p, f, tone, "recruiter-nudge.opening"), p.say("recruiter-nudge.ask", tone),
                  p.say("recruiter-nudge.closing", tone, **v)]
    return subject(p, f, "recruiter-nudge.subject", tone), letter(p, f, tone, paragraphs)


def recruiter_keep_in_touch(f: Facts, tone: str) -> tuple[str, str]:
    """C12: thanks, no hard sell, an offer to talk about their career, re-contact later."""
    p, v = Phrases("en"), names(f)
    paragraphs = [opening(p, f, tone, "recruiter-keep-in-touch.opening"),
                  p.say("recruiter-keep-in-touch.offer", tone, **v),
                  p.say("recruiter-keep-in-touch.closing", tone, **v)]
    return subject(p, f, "recruiter-keep-in-touch.subject", tone), letter(p, f, tone, paragraphs)


COMPOSERS = {
    "recruiter-thanks": recruiter_thanks,
    "recruiter-nudge": recruiter_nudge,
    "recruiter-keep-in-touch": recruiter_keep_in_touch,
}
