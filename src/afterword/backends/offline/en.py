"""English notes from a candidate — thank-you, status check, final follow-up, rejection reply —
and the English building blocks the recruiter notes share: greeting, topic references, the skill
story (C4), the signature. Wording: `prompts/en/composer.toml`; this module fits facts into it."""

from __future__ import annotations

from afterword.backends.offline.subject import LIMIT, fit_subject, shorter_company, shorter_titles
from afterword.prompts import Phrases
from afterword.understand import Facts, SkillFact, TopicFact


def join_en(items: list[str] | tuple[str, ...], conj: str = "and") -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = list(items)
    if len(items) <= 2:
        return f" {conj} ".join(items)
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


def names(f: Facts) -> dict[str, str]:
    """Placeholders every English phrase may use."""
    role = f"the {f.position} role at {f.client or f.company}"
    return {"formal": f.recipient.formal, "casual": f.recipient.casual, "full": f.recipient.formal,
            "position": f.position, "company": f.company, "role": role}  # fmt: skip


def subject(p: Phrases, f: Facts, key: str, tone: str) -> str:
    """The subject line at `key`, shortened by rule when it is too long for an inbox."""
    titles, companies = [f.position, *shorter_titles(f.position)], [f.company, *shorter_company(f.company)]
    shorter = [{"position": t, "company": c} for c in companies for t in titles][1:]
    return fit_subject(p, key, tone, names(f), LIMIT["en"], shorter)


def refs(p: Phrases, f: Facts, tone: str, topics: tuple[TopicFact, ...] | None = None) -> list[str]:
    """The topics as they are named inside a sentence ("our discussion of the Kubernetes migration",
    "hearing that the team is rebuilding search"), one frame per kind of topic."""
    chosen = f.framed(2) if topics is None else topics
    return [p.say(f"refs.{f.role}.{tone}.{t.frame}", None, i, t=t.text) for i, t in enumerate(chosen)]


def subject_topic(f: Facts) -> TopicFact | None:
    """The first topic that reads as a thing talked about (for "our conversation about X")."""
    return next((t for t in f.framed(4) if t.frame in ("subject", "mine")), None)


def greeting(p: Phrases, f: Facts, tone: str) -> str:
    return p.say("greeting_group" if f.recipient.group else "greeting", tone, **names(f))


def signature(p: Phrases, f: Facts, tone: str) -> str:
    """Closing word, the sender's name, title and company (recruiters) and contacts."""
    lines = [p.say("sign_off", tone), f.sender.written]
    if f.role == "recruiter":
        lines.append(f"{f.sender_title}, {f.company}" if f.sender_title else f.company)
    lines += [c for c in (f.sender_email, f.sender_phone) if c]
    return "\n".join(lines)


def letter(p: Phrases, f: Facts, tone: str, paragraphs: list[str]) -> str:
    """Greeting, the paragraphs (empty ones dropped) and the signature, blank-line separated."""
    return "\n\n".join([greeting(p, f, tone), *(x for x in paragraphs if x), signature(p, f, tone)])


def _join(*sentences: str) -> str:
    return " ".join(s for s in sentences if s)


def story(p: Phrases, skill: SkillFact, single: bool) -> str:
    """One skill as what I did and what came of it; a credential as held; a bare skill as ""."""
    if skill.credential:
        return p.say("story.credential", skill=skill.name)
    values = {"skill": skill.name, "evidence": skill.evidence or "", "result": skill.result or ""}
    if skill.evidence:
        named = "" if single or skill.names_skill else "named_"
        tail = f"_result_{skill.result_form}" if skill.result else ""
        return p.say(f"story.{named}evidence{tail}", **values)
    if skill.result:
        return p.say(f"story.{'single_' if single else ''}result_{skill.result_form}", **values)
    return ""


def skills_block(p: Phrases, f: Facts, tone: str) -> str:
    """C4: the skills the interview missed, each with its story; why they matter for this role only
    after a story with a result (a bare skill makes no claim)."""
    named = [s.name for s in f.skills if not s.credential]
    stories = [story(p, s, len(f.skills) == 1) for s in sorted(f.skills, key=lambda s: s.credential)]
    intro = ""
    if named:
        key = "skills.intro_one" if len(named) == 1 else "skills.intro_many"
        intro = p.say(key, tone, skills=join_en(named))
    relevance = p.say("skills.relevance", tone, f.alt, **names(f)) if any(s.result for s in f.skills) else ""
    return _join(intro, *stories, relevance)


def news_line(p: Phrases, f: Facts, tone: str) -> str:
    """One positive news item (C5) as a clause; concise notes leave it out."""
    if not (f.news and f.news.clause) or tone == "concise":
        return ""
    return p.say("news", tone, news=f.news.clause)


def thank_you(f: Facts, tone: str) -> tuple[str, str]:
    """T1/C1–C5: thanks, the specific callback, the missing skill, thanks again."""
    p, v = Phrases("en"), names(f)
    r = refs(p, f, tone)
    opening = p.say("thank-you.opening", tone, f.alt, **v)
    if tone == "concise" and r:
        opening = _join(opening, p.say("thank-you.opening_topic", tone, f.alt, ref=r[0]))
    callback = ""
    if tone != "concise":
        if not r:
            callback = p.say("thank-you.callback_none", tone)
        else:
            key = "thank-you.callback_one" if len(r) == 1 else "thank-you.callback_two"
            callback = p.say(key, tone, f.alt, ref=r[0], ref2=r[-1])
    middle = _join(callback, news_line(p, f, tone))
    skills = skills_block(p, f, tone)
    if tone == "concise" and not skills:
        middle = p.say("thank-you.concise_middle", tone)
    closing = p.say("thank-you.closing", tone, **v)
    if tone == "formal" and f.timeline and f.timeline.when:
        closing = p.say(f"thank-you.closing_{f.timeline.about}", tone, when=f.timeline.when)
    return subject(p, f, "thank-you.subject", tone), letter(p, f, tone, [opening, middle, skills, closing])


def timeline_reason(p: Phrases, f: Facts, tone: str, key: str) -> str:
    """C6: the stated timeline as the reason to write, or a neutral question without one."""
    if f.timeline and f.timeline.when:
        return p.say(f"{key}_{f.timeline.about}", tone, when=f.timeline.when)
    return p.say(f"{key}_none", tone)


def status_check(f: Facts, tone: str) -> tuple[str, str]:
    """C6: brief and friendly; the stated timeline is the reason; no scolding."""
    p, v = Phrases("en"), names(f)
    r = refs(p, f, tone)
    opening = p.say("status-check.opening", tone, **v)
    if r:
        opening = _join(opening, p.say("status-check.opening_topic", tone, ref=r[0]))
    interest = p.say("status-check.interest", tone) if tone in ("formal", "warm") else ""
    reason = _join(timeline_reason(p, f, tone, "status-check.reason"), interest)
    closing = p.say("status-check.closing", tone, **v)
    line = subject(p, f, "status-check.subject", tone)
    if tone == "concise":
        return line, letter(p, f, tone, [_join(opening, reason), closing])
    return line, letter(p, f, tone, [opening, reason, closing])


def final_follow_up(f: Facts, tone: str) -> tuple[str, str]:
    """T4: one last polite check that says it is the last, and wishes them well."""
    p, v = Phrases("en"), names(f)
    topic = subject_topic(f)
    first = (p.say("final-follow-up.first_topic", tone, t=topic.text, **v) if topic
             else p.say("final-follow-up.first", tone, **v))
    middle = p.say("final-follow-up.middle", tone) if tone != "concise" else ""
    paragraphs = [first, middle, p.say("final-follow-up.last", tone, **v)]
    return subject(p, f, "final-follow-up.subject", tone), letter(p, f, tone, paragraphs)


def that_clauses(clauses: tuple[str, ...]) -> str:
    """"that A, that B, and that C"."""
    items = [f"that {c}" for c in clauses]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])}, and {items[-1]}"


def rejection_reply(f: Facts, tone: str) -> tuple[str, str]:
    """C10: short and proportional; thanks (and for their kind words, in my voice), what I enjoyed,
    keep me in mind."""
    p, v = Phrases("en"), names(f)
    kind = f.kind_words.clauses if f.kind_words else ()
    thanks = (p.say("rejection-reply.thanks_kind", tone, kind=that_clauses(kind)) if kind
              else p.say("rejection-reply.thanks", tone))
    topic = subject_topic(f)
    enjoyed = (p.say("rejection-reply.enjoyed_topic", tone, ref=refs(p, f, tone, (topic,))[0], **v) if topic
               else p.say("rejection-reply.enjoyed", tone, **v))
    keep = p.say("rejection-reply.keep", tone)
    closing = p.say("rejection-reply.closing", tone, **v)
    line = subject(p, f, "rejection-reply.subject", tone)
    if tone == "concise":
        return line, letter(p, f, tone, [_join(thanks, enjoyed), keep, closing])
    return line, letter(p, f, tone, [thanks, _join(enjoyed, keep), closing])


COMPOSERS = {
    "thank-you": thank_you,
    "status-check": status_check,
    "final-follow-up": final_follow_up,
    "rejection-reply": rejection_reply,
}
