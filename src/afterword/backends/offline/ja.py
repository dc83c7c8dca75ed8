"""Japanese notes from a candidate — お礼, 選考状況のご確認, 最後のご確認, 不採用へのお礼 — and the
Japanese building blocks the recruiter notes share: 宛名, 名乗り, 署名, topic references, the
skill story (C4). Wording: `prompts/ja/composer.toml`; this module fits facts into it.

Business conventions (GUIDANCE, Japanese section): 宛名 (会社名 / 部署 / 役職 氏名 様), opening
「お世話になっております。」, 名乗り「…と申します。」, です・ます, closing 「何卒よろしくお願いいたします。」,
a 署名 with name and contact details.
"""

from __future__ import annotations

import re

from afterword.backends.offline.subject import LIMIT, fit_subject, shorter_company, shorter_titles
from afterword.prompts import Phrases
from afterword.understand import Facts, SkillFact, TopicFact

_JOB_END = ("職", "ポジション", "担当", "スタッフ", "係", "員", "師", "士", "者", "手")


def _title(position: str) -> str:
    """「営業」→「営業職」, 「システム企画(中途採用)」→「システム企画職(中途採用)」, 「看護師」 as written."""
    m = re.match(r"^(.*?)(\s*\([^()]*\))?$", position)
    base, note = (m.group(1), m.group(2) or "") if m else (position, "")
    return f"{base}{'' if base.endswith(_JOB_END) else '職'}{note}"


def job(f: Facts) -> str:
    """The position as a job title (「バックエンドエンジニア職」, 「ソラシードのSRE職」)."""
    return f"{f.client}の{_title(f.position)}" if f.client else _title(f.position)


def meeting(f: Facts) -> str:
    """What the last meeting was called: the stage as written when it names one, else 面接/面談."""
    if f.stage and re.search("面接|面談", f.stage):
        return f.stage
    return "面談" if f.role == "recruiter" else "面接"


def names(f: Facts) -> dict[str, str]:
    """Placeholders every Japanese phrase may use."""
    return {"meeting": meeting(f), "job": job(f), "company": f.company, "sama": f.recipient.sama,
            "sender": f.sender.written, "full": f.recipient.full}  # fmt: skip


def subject(p: Phrases, f: Facts, key: str) -> str:
    """The 件名 at `key`, shortened by rule when it is too long (the client, then the title's
    parenthesis, then the company's 株式会社)."""
    jobs = [job(f), *(_title(t) for t in [f.position, *shorter_titles(f.position)])]
    jobs = list(dict.fromkeys(jobs))
    shorter = [{"job": j, "company": c} for c in [f.company, *shorter_company(f.company)] for j in jobs][1:]
    return fit_subject(p, key, None, names(f), LIMIT["ja"], shorter)


def refs(p: Phrases, f: Facts, topics: tuple[TopicFact, ...] | None = None) -> list[str]:
    """The topics as they are named inside a sentence (「…についてのお話」「…というお話」)."""
    chosen = f.framed(2) if topics is None else topics
    return [p.say(f"refs.{f.role}.any.{t.frame}", None, i, t=t.text) for i, t in enumerate(chosen)]


def subject_topic(f: Facts) -> TopicFact | None:
    return next((t for t in f.framed(4) if t.frame in ("subject", "mine")), None)


def introduction(p: Phrases, f: Facts) -> str:
    """Opening set phrase and 名乗り with the real name."""
    if f.role == "recruiter":
        who = f"{f.company} {f.sender_title}" if f.sender_title else f.company
        return f"{p.pick('opening_phrase')}\n{p.say('self_intro_recruiter', **{'from': who}, **names(f))}"
    return f"{p.pick('opening_phrase')}\n{p.say('self_intro_candidate', **names(f))}"


def signature(p: Phrases, f: Facts) -> str:
    """署名: rule lines around the name (with company and title for recruiters) and contacts."""
    rule = p.pick("rule")
    lines = [rule]
    if f.role == "recruiter":
        lines.append(f"{f.company} {f.sender_title}" if f.sender_title else f.company)
    lines.append(f.sender.written)
    if f.sender_email:
        lines.append(f"{p.pick('mail_label')}{f.sender_email}")
    if f.sender_phone:
        lines.append(f"{p.pick('phone_label')}{f.sender_phone}")
    lines.append(rule)
    return "\n".join(lines)


def letter(p: Phrases, f: Facts, first: str, paragraphs: list[str], last: str) -> str:
    """宛名, opening + 名乗り + the first paragraph, the body, the last line + closing, 署名."""
    body = [x for x in paragraphs if x]
    return "\n\n".join(["\n".join(f.address_lines()), f"{introduction(p, f)}\n{first}", *body,
                        f"{last}\n{p.pick('closing_phrase')}", signature(p, f)])


def story(p: Phrases, skill: SkillFact, single: bool) -> str:
    """One skill as what I did and what came of it, in です・ます (C4); a credential as held."""
    if skill.credential:
        return p.say("story.credential", skill=skill.name)
    prefix = "" if single or skill.names_skill else p.say("story.named", skill=skill.name)
    if skill.evidence and skill.result:
        return prefix + p.say("story.evidence_result", evidence=skill.joined or f"{skill.evidence}、",
                              result=skill.result)
    if skill.evidence:
        return prefix + p.say("story.evidence", evidence_done=skill.evidence)
    if skill.result:
        return p.say("story.result", skill=skill.name, result=skill.result)
    return ""


def skills_block(p: Phrases, f: Facts, tone: str) -> str:
    """C4: the skills the interview missed, told as what I did and what came of it; credentials
    as held, never as 「…の経験」."""
    if not f.skills:
        return ""
    named = [s.name for s in f.skills if not s.credential]
    intro = (p.say("skills.intro", tone, skills="".join(f"「{n}」" for n in named)) if named
             else p.say("skills.intro_credential", tone))
    ordered = sorted(f.skills, key=lambda s: s.credential)  # stories first, then what I hold
    stories = "".join(story(p, s, len(f.skills) == 1) for s in ordered)
    relevance = p.say("skills.relevance", tone, f.alt, **names(f)) if any(s.result for s in f.skills) else ""
    return f"{intro}{stories}{relevance}"


def news_line(p: Phrases, f: Facts, tone: str) -> str:
    """One positive news item (C5) as 「貴社が…されたこと」; concise notes leave it out."""
    if not (f.news and f.news.done) or tone == "concise":
        return ""
    return p.say("news", tone, done=f.news.done)


def thank_you(f: Facts, tone: str) -> tuple[str, str]:
    """T1/C1–C5: お礼, the specific callback, the missing skill, お礼 again."""
    p, v = Phrases("ja"), names(f)
    r = refs(p, f)
    first = p.say("thank-you.first", tone, f.alt, **v)
    if tone == "concise" and r:
        first += p.say("thank-you.first_topic", tone, f.alt, ref=r[0])
    callback = ""
    if tone != "concise":
        if not r:
            callback = p.say("thank-you.callback_none", tone)
        else:
            callback = p.say("thank-you.callback_one", tone, f.alt, ref=r[0])
            if len(r) > 1:
                callback += p.say("thank-you.callback_second", tone, f.alt, ref2=r[1])
    middle = callback + news_line(p, f, tone)
    skills = skills_block(p, f, tone)
    if tone == "concise" and not skills:
        middle = p.say("thank-you.concise_middle", tone, **v)
    last = p.say("thank-you.last", tone)
    return subject(p, f, "thank-you.subject"), letter(p, f, first, [middle, skills], last)


def _recall(p: Phrases, f: Facts, tone: str) -> str:
    """A one-line reminder of what was discussed, so the reader places the note at once."""
    r = refs(p, f)
    return p.say("status-check.recall", tone, ref=r[0]) if r else ""


def status_check(f: Facts, tone: str) -> tuple[str, str]:
    """C6 (seed 004): brief; the stated timeline is the reason; no scolding; the 行き違い line."""
    p, v = Phrases("ja"), names(f)
    first = p.say("status-check.first", tone, **v) + _recall(p, f, tone)
    expect = f.timeline.expect if f.timeline else None
    ask = (p.say("status-check.ask", tone, expect=expect) if expect else p.say("status-check.ask_none", tone))
    return subject(p, f, "status-check.subject"), letter(p, f, first, [ask], p.say("crossed", tone))


def final_follow_up(f: Facts, tone: str) -> tuple[str, str]:
    """T4: one last polite check that says it is the last, and wishes them well."""
    p, v = Phrases("ja"), names(f)
    first = p.say("final-follow-up.first", tone, **v) + _recall(p, f, tone)
    ask = p.say("final-follow-up.ask", tone) + p.say("crossed", tone)
    return subject(p, f, "final-follow-up.subject"), letter(p, f, first, [ask],
                                                        p.say("final-follow-up.last", tone, **v))


def _kind(p: Phrases, f: Facts, tone: str) -> str:
    """Their kind words: quoted as theirs, or said back as what I heard (C10)."""
    kind = f.kind_words
    if kind is None or tone == "concise":
        return ""
    if kind.quote:
        return p.say("rejection-reply.kind_quote", tone, quote=kind.quote)
    if kind.clauses:
        joins = "rejection-reply.heard_joins"
        if len(kind.clauses) == 1:
            heard = kind.clauses[0] + p.pick(f"{joins}.one")
        else:
            heard = p.pick(f"{joins}.between").join(kind.clauses) + p.pick(f"{joins}.last")
        return p.say("rejection-reply.kind_heard", tone, heard=heard)
    return ""


def rejection_reply(f: Facts, tone: str) -> tuple[str, str]:
    """C10 (seed 002): short and proportional; thanks, what I enjoyed, keep me in mind (今後)."""
    p, v = Phrases("ja"), names(f)
    first = p.say("rejection-reply.first", tone) + _kind(p, f, tone)
    topic = subject_topic(f)
    enjoyed = (p.say("rejection-reply.enjoyed_topic", tone, ref=refs(p, f, (topic,))[0]) if topic
               else p.say("rejection-reply.enjoyed", tone))
    body = enjoyed + p.say("rejection-reply.keep", tone)
    return subject(p, f, "rejection-reply.subject"), letter(p, f, first, [body],
                                                        p.say("rejection-reply.last", tone, **v))


COMPOSERS = {
    "thank-you": thank_you,
    "status-check": status_check,
    "final-follow-up": final_follow_up,
    "rejection-reply": rejection_reply,
}
