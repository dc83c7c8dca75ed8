"""Guidance lint: GUIDANCE.md content rules (C1–C12) as checks with ids citing their rule."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from afterword.checks import lint_people
from afterword.checks.layout import SUBJECT, Ctx, layout, pattern
from afterword.checks.news import classify_news, trouble_spans
from afterword.checks.textutil import (
    EN_WORD,
    PLACEHOLDER,
    content_terms,
    coverage,
    enclosing_sentences,
    norm,
    sentence_spans,
)
from afterword.models import Interviewer, Issue, Notes, Person

# scenario → (paragraphs min, max, words max (en), characters max (ja))
LIMITS: dict[str, tuple[int, int, int, int]] = {
    "thank-you": (3, 5, 250, 600),
    "status-check": (1, 3, 120, 300),
    "final-follow-up": (1, 3, 120, 300),
    "rejection-reply": (1, 3, 120, 300),
    "recruiter-thanks": (3, 8, 350, 900),
    "recruiter-nudge": (1, 3, 100, 250),
    "recruiter-keep-in-touch": (1, 4, 150, 350),
}
PHONE_LIMIT = (170, 450)
JA_SELF_INTRO = re.compile(r"[^。\n]{0,60}と申します。")
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*%?(?<=\d\d|.%)")  # 2+ digits or a percentage
THANKS_SCENARIOS = ("thank-you", "recruiter-thanks")


def _size(ctx: Ctx) -> int:
    """Words (en), or characters (ja) without the set phrases every Japanese email must carry
    (opening, 名乗り, closing): they are not what makes a note long."""
    text = ctx.content
    if ctx.language != "ja":
        return len(EN_WORD.findall(text))
    for key in ("ja_opening", "ja_closing"):
        text = pattern(key, "ja").sub("", text)
    return len(re.sub(r"\s", "", JA_SELF_INTRO.sub("", text)))


def rule_length(ctx: Ctx) -> None:
    """C3: three to five short paragraphs; long emails burden the reader."""
    unit = "characters" if ctx.language == "ja" else "words"
    size = _size(ctx)
    if ctx.channel == "phone":
        limit = PHONE_LIMIT[ctx.language == "ja"]
        if size > limit:
            ctx.add("C9-length", f"The call script is {size} {unit}; keep it under {limit} so it "
                    "can be said in a minute (GUIDANCE C9: a short call script).")
        return
    if ctx.scenario not in LIMITS:
        return
    lo, hi, words, chars = LIMITS[ctx.scenario]
    limit = chars if ctx.language == "ja" else words
    if size > limit:
        ctx.add("C3-length", f"The body is {size} {unit}; a {ctx.scenario} note should stay under "
                f"{limit} — cut what the reader does not need (GUIDANCE C3: long emails burden the "
                "reader).", ctx.lay.content[0], 0)
    n = len(ctx.lay.paragraphs)
    if not lo <= n <= hi:
        ctx.add("C3-paragraphs", f"The body has {n} paragraph{'s' * (n != 1)}; aim for {lo}–{hi} "
                f"short ones (GUIDANCE C3: thanks, reflection, self-PR, thanks again — concise).",
                ctx.lay.content[0], 0)


def rule_thanks(ctx: Ctx) -> None:
    """C1: thank at the start and again at the end."""
    if ctx.scenario not in (*THANKS_SCENARIOS, "rejection-reply") or ctx.channel == "phone":
        return
    paras = ctx.lay.paragraphs
    thanks = pattern("thanks", ctx.language)
    if not paras or not any(thanks.search(p.text) for p in paras):
        ctx.add("C1-thanks", "The note never says thank you; thank them at the start and again "
                "at the end (GUIDANCE C1: thank twice, be respectful).", ctx.lay.content[0], 0,
                "error")
        return
    if ctx.scenario == "rejection-reply":
        return
    first = paras[0].text if ctx.language == "en" or len(paras) < 2 else paras[0].text + paras[1].text
    if not thanks.search(first):
        ctx.add("C1-thanks", "Open with thanks for their time (GUIDANCE C1: thank at the start "
                "and again at the end).", paras[0].start, 0)
    if len(paras) > 1 and not any(thanks.search(p.text) for p in paras[-2:]):
        ctx.add("C1-thanks", "Close by thanking them again (GUIDANCE C1: thank at the start and "
                "again at the end).", paras[-1].start, 0)


def _best_cover(phrases: list[str], ctx: Ctx) -> float:
    draft_terms = content_terms(ctx.content, ctx.language)
    return max((coverage(p, draft_terms, ctx.language) for p in phrases), default=0.0)


def _names(name: str, ctx: Ctx) -> bool:
    """The draft names it: the words as written (case-blind unless short and capitalised, so
    "Go" is not "go"), or, for a longer name, most of its key terms in any order and form."""
    name = name.strip()
    if not name:
        return False
    if ctx.language == "ja":
        return norm(name) in norm(ctx.content)
    flags = re.IGNORECASE if len(name) > 3 or name.islower() else 0
    if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", ctx.content, flags):
        return True
    return bool(content_terms(name, ctx.language)) and _best_cover([name], ctx) >= 0.5


def _said(phrases: list[str], ctx: Ctx, share: float) -> bool:
    """The draft says one of the phrases, in any wording: enough of its key terms, or (for a
    phrase too short to have key terms) the phrase itself."""
    return any(coverage(p, content_terms(ctx.content, ctx.language), ctx.language) >= share
               if content_terms(p, ctx.language) else _names(p, ctx) for p in phrases)


def rule_topics(ctx: Ctx) -> None:
    """C2: reference at least one topic discussed — as the notes put it or as understood."""
    if ctx.scenario != "thank-you" or not ctx.facts:
        return
    topics = [t for facts in ctx.facts for t in facts.topics]
    if topics and not _said([p for t in topics for p in (t.original, t.text)], ctx, 0.5):
        example = (ctx.facts[0].framed(1) or topics)[0].text
        ctx.add("C2-topic", f"Mention something specific you discussed, e.g. “{example}” "
                "(GUIDANCE C2: specifics show you listened).", ctx.lay.content[0], 0)


def _numbers(text: str) -> set[str]:
    return set(NUMBER.findall(unicodedata.normalize("NFKC", text)))


def rule_skill(ctx: Ctx) -> None:
    """C4: add the skill the interview missed, with its concrete result, in any wording."""
    if ctx.scenario != "thank-you" or ctx.notes is None or ctx.channel == "phone" or not ctx.facts:
        return
    raw = {s.skill: s for s in ctx.notes.skills_not_mentioned}
    skills = [(fact, raw[fact.original]) for fact in ctx.facts[0].skills if fact.original in raw]
    told = [(fact, skill) for fact, skill in skills
            if _names(fact.name, ctx) or _names(skill.skill, ctx)
            or _said([p for p in (skill.evidence, fact.evidence) if p], ctx, 0.5)]
    if skills and not told:
        fact, skill = skills[0]
        ctx.add("C4-skill", f"Add what the interview missed: {fact.name}"
                + (f" ({skill.result})" if skill.result else "")
                + " (GUIDANCE C4: a concrete project, your role, the result).",
                ctx.lay.content[0], 0)
        return
    results = [(fact, skill) for fact, skill in told if skill.result]
    drafted = _numbers(ctx.content)
    if results and not any(
        _said([p for p in (skill.result, fact.result) if p], ctx, 0.5)
        or _numbers(skill.result or "") & drafted
        for fact, skill in results
    ):
        fact, skill = results[0]
        ctx.add("C4-skill", f"Say what {fact.name} achieved: “{skill.result}” (GUIDANCE C4: "
                "a concrete result, ideally a number).", ctx.lay.content[0], 0)


def _about(item: frozenset[str], said: frozenset[str]) -> bool:
    """A sentence is about a news item when it shares enough of the item's key terms."""
    shared = len(item & said)
    return shared >= 2 and shared >= 0.3 * len(item)


def rule_news(ctx: Ctx) -> None:
    """C5: never mention a scandal, lawsuit, layoff, breach, bad results or other trouble —
    unless it is the news item the person marked `ok`."""
    spans = trouble_spans(ctx.body)
    news = ctx.notes.company.news if ctx.notes else []
    company = content_terms(ctx.notes.company.name, ctx.language) if ctx.notes else frozenset()
    bad = [content_terms(i.text, ctx.language) - company for i in news
           if not i.ok and classify_news(i.text) == "negative"]
    approved = [content_terms(i.text, ctx.language) - company for i in news if i.ok]
    for start, end in sentence_spans(ctx.body) if bad else ():
        said = content_terms(ctx.body[start:end], ctx.language)
        if any(_about(k, said) for k in bad):
            spans.append((start, end))
    starts = sorted(start for start, _ in spans)
    done = -1
    for start, (s, e) in zip(starts, enclosing_sentences(ctx.body, starts), strict=True):
        if start < done:
            continue
        done = e
        if approved and any(_about(k, content_terms(ctx.body[s:e], ctx.language)) for k in approved):
            continue
        ctx.add("C5-news", f"“{ctx.body[s:e].strip()[:60]}” mentions trouble at the company; "
                "leave it out (GUIDANCE C5: positive news only — never a scandal, lawsuit, "
                "layoff, breach or bad results).", s, e - s, "error")


QUOTED = re.compile(r"「[^「」\n]*」|“[^“”\n]*”|\"[^\"\n]*\"")


def _flag_all(ctx: Ctx, key: str, rule: str, message: str, severity: str = "error") -> None:
    """Flag each phrase of a list; words inside quotation marks are someone else's, not the writer's."""
    quoted = [m.span() for m in QUOTED.finditer(ctx.body)]
    for m in pattern(key, ctx.language).finditer(ctx.body):
        if any(a <= m.start() and m.end() <= b for a, b in quoted):
            continue
        ctx.add(rule, message.format(found=m.group(0)), m.start(), len(m.group(0)),
                severity)  # type: ignore[arg-type]


def rule_scolding(ctx: Ctx) -> None:
    """C6: a follow-up does not scold or remind them that they are late."""
    _flag_all(ctx, "scolding", "C6-scolding", "“{found}” reads as a reproach; use the stated "
              "timeframe as the reason to write, neutrally (GUIDANCE C6: brief and friendly, "
              "never scold).")


def rule_assume_job(ctx: Ctx) -> None:
    """C7: never assume the job."""
    if ctx.role == "recruiter":
        return
    _flag_all(ctx, "assume_job", "C7-assume-job", "“{found}” assumes you have the job; speak of "
              "the role as a possibility (GUIDANCE C7: warm words are not an offer).")
    if ctx.notes is None or ctx.notes.outcome is None or ctx.notes.outcome.result != "offer":
        _flag_all(ctx, "assume_job_soft", "C7-assume-job", "“{found}” can read as assuming the "
                  "job; “I would welcome the chance to work with you” is safer (GUIDANCE C7).",
                  "warning")


def rule_placeholders(ctx: Ctx) -> None:
    """Seed-template placeholders must never survive into a sent draft."""
    for text, part in ((ctx.body, None), (ctx.subject, SUBJECT)):
        for m in PLACEHOLDER.finditer(text):
            ctx.add("placeholder", f"“{m.group(0)}” is a leftover placeholder; replace it with the "
                    "real text (GUIDANCE: placeholders must never survive into a sent draft).",
                    m.start(), len(m.group(0)), "error", part=part)


def rule_subject(ctx: Ctx) -> None:
    """Email needs a short subject that names the purpose; a call script is not a letter (C9)."""
    limit = 40 if ctx.language == "ja" else 70
    if ctx.channel == "phone":
        if ctx.lay.greeting or (ctx.lay.signature and "@" in ctx.body[ctx.lay.signature[0] :]):
            ctx.add("C9-channel", "This is a phone follow-up, but it reads like a letter (a "
                    "greeting line or an email signature); write a short call script instead "
                    "(GUIDANCE C9: for a phone follow-up, a call script).", 0, 0)
        return
    subject = ctx.subject.strip()
    if not subject:
        ctx.add("subject", "Add a subject line that names the purpose (GUIDANCE, Japanese/"
                "business email conventions: a subject that names the purpose).", part=SUBJECT)
    elif len(subject) > limit:
        ctx.add("subject", f"Subject: {len(subject)} characters; keep it under {limit} so it "
                "reads in an inbox (GUIDANCE C3: concise).", part=SUBJECT)


def rule_rejection(ctx: Ctx) -> None:
    """C10: a rejection reply is short and gracious, and asks to be kept in mind."""
    if ctx.scenario != "rejection-reply":
        return
    _flag_all(ctx, "reconsider", "C10-rejection", "“{found}” argues with the decision; accept "
              "it graciously (GUIDANCE C10: short, proportional, thank them).")
    if not pattern("keep_in_mind", ctx.language).search(ctx.content):
        ctx.add("C10-rejection", "Ask them to keep you in mind for fitting roles, freelance or "
                "part-time included (GUIDANCE C10).", ctx.lay.content[1], 0)


def rule_recruiter(ctx: Ctx) -> None:
    """C11 feedback and next step in a recruiter thank-you; C12 no hard sell."""
    if ctx.scenario == "recruiter-keep-in-touch":
        _flag_all(ctx, "hard_sell", "C12-hard-sell", "“{found}” is a hard sell; keep it a "
                  "thank-you note (GUIDANCE C12: no hard sell).", "warning")
    if ctx.scenario != "recruiter-thanks" or ctx.notes is None:
        return
    fb, nxt = ctx.notes.feedback, ctx.notes.next_step
    facts = ctx.facts[0]
    at = ctx.lay.content[0]
    for label, items, understood in (("positive", fb.positive if fb else [], facts.positive),
                                     ("more", fb.more if fb else [], facts.more)):
        if items and not _said([*items, *understood], ctx, 0.4):
            ctx.add("C11-feedback", f"Include the {label} feedback, e.g. “{items[0]}” (GUIDANCE "
                    "C11: feedback as positive and more points).", at, 0)
    if nxt and nxt.prepare and not _said([*nxt.prepare, *facts.prepare], ctx, 0.4):
        ctx.add("C11-next-step", f"Say what to prepare for the next round, e.g. “{nxt.prepare[0]}”"
                " (GUIDANCE C11: who they will meet, likely questions).", at, 0)
    if not pattern("invite", ctx.language).search(ctx.content):
        ctx.add("C11-next-step", "Invite them explicitly to the next step (GUIDANCE C11: an "
                "explicit invitation to proceed).", ctx.lay.content[1], 0)


RULES: tuple[Callable[[Ctx], None], ...] = (
    rule_length, rule_thanks, rule_topics, rule_skill, rule_news, rule_scolding, rule_assume_job,
    rule_placeholders, rule_subject, rule_rejection, rule_recruiter,
    lint_people.rule_greeting, lint_people.rule_signoff, lint_people.rule_japanese,
)


def lint(
    subject: str,
    body: str,
    *,
    language: str,
    notes: Notes | None = None,
    scenario: str | None = None,
    channel: str = "email",
    recipient: Person | Interviewer | None = None,
) -> list[Issue]:
    """All guidance-lint issues for a draft; scenario rules run only when the scenario is known."""
    sender = notes.sender.name if notes else ""
    ctx = Ctx(subject, body, language, notes, scenario, channel, recipient,
              layout(body, language, sender))
    for rule in RULES:
        rule(ctx)
    return ctx.issues
