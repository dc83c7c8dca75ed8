"""English building blocks shared by the candidate and recruiter notes: greeting, sign-off,
the stated timeline, company news and the "skill we did not get to" story (GUIDANCE C4)."""

from __future__ import annotations

from afterword.backends.offline.common import (
    Facts,
    as_first_person,
    clean,
    given_name,
    is_past_verb_phrase,
    join_en,
    lower_first,
)
from afterword.models import Skill

CLOSINGS = {"formal": "Kind regards,", "warm": "Warm regards,", "concise": "Best,",
            "enthusiastic": "Best wishes,"}
_TIME_WORDS = ("within", "by", "in", "before", "on", "around", "over", "until", "next", "this",
               "after", "early", "late", "mid", "soon", "later", "today", "tomorrow")


def greeting(f: Facts, tone: str) -> str:
    """"Dear Priya Raman," (formal) or "Hi Priya,"."""
    return f"Dear {f.recipient}," if tone == "formal" else f"Hi {given_name(f.recipient)},"


def first(f: Facts) -> str:
    """The recipient's given name, for a friendly line inside the body."""
    return given_name(f.recipient)


def signature(f: Facts, tone: str) -> str:
    """Closing word, the sender's name as written, then title/company (recruiters) and contacts."""
    lines = [CLOSINGS[tone], f.sender]
    if f.role == "recruiter":
        lines.append(f"{f.sender_title}, {f.company}" if f.sender_title else f.company)
    lines += [c for c in (f.sender_email, f.sender_phone) if c]
    return "\n".join(lines)


def letter(f: Facts, tone: str, paragraphs: list[str]) -> str:
    """Greeting, the paragraphs (empty ones dropped) and the signature, blank-line separated."""
    return "\n\n".join([greeting(f, tone), *(p for p in paragraphs if p), signature(f, tone)])


def when_phrase(timeline: str) -> str | None:
    """"within 2 weeks" as said, ready to follow "decide"; None when it is not a time phrase."""
    words = timeline.split()
    if not words:
        return None
    head = words[0].lower()
    if head in _TIME_WORDS:
        return timeline
    if head in ("the", "end") and "end" in timeline.lower():
        return f"by {timeline}"
    return None


def timeline_reason(f: Facts, tone: str) -> str:
    """C6: the stated timeline as the reason to write, or a neutral question without one."""
    if not f.timeline:
        return {
            "formal": "I wanted to ask whether there is any update on the timeline for the "
                      "position.",
            "warm": "I wanted to ask whether there's any update on the timeline.",
            "concise": "Is there any update on the timeline?",
            "enthusiastic": "I wanted to ask whether there's any update on the timeline — "
                            "I'd love to know how things are moving.",
        }[tone]
    when = when_phrase(f.timeline)
    said = (f"you expected to reach a decision {when}" if when
            else f"the timeline for a decision was “{f.timeline}”")
    return {
        "formal": f"You mentioned that {said}, so I wanted to ask whether there is any update "
                  "on the timeline.",
        "warm": f"You mentioned {said}, so I thought I'd ask whether there's any news on "
                "your side.",
        "concise": f"You mentioned {said}, so I wanted to ask whether there is any update.",
        "enthusiastic": f"You mentioned {said}, so I wanted to ask whether there's any news — "
                        "I'm keen to hear how things are going.",
    }[tone]


def news_line(f: Facts, tone: str) -> str:
    """One positive news item (C5), as a "that" clause when it names the company, else quoted."""
    if not f.news:
        return ""
    if tone == "enthusiastic":
        lead, end = "Congratulations, too, on", "!"
    else:
        lead, end = {"formal": "I was pleased to read", "warm": "I was happy to read",
                     "concise": "I saw"}[tone], "."
    if f.news.lower().startswith(f.company.lower()):
        news = f"the news that {f.news}" if tone == "enthusiastic" else f"that {f.news}"
        return f"{lead} {news}{end}"
    return f"{lead} the recent news: {f.news}{end}"


def story(skill: Skill, named: bool) -> str:
    """One skill as evidence and result ("I led …, which cut …"); `named` means the skill is
    already named by the sentence before, so it need not be repeated."""
    name = clean(skill.skill)
    evidence = as_first_person(skill.evidence) if clean(skill.evidence) else ""
    result = lower_first(clean(skill.result)) if clean(skill.result) else ""
    if evidence:
        prefix = "" if named or name.lower() in evidence.lower() else f"With {name}, "
        lead = f"{prefix}I {evidence}" if is_past_verb_phrase(evidence) else (
            f"{prefix or 'One example: '}{evidence}")
        if not result:
            return f"{lead}."
        return f"{lead}, which {result}." if is_past_verb_phrase(result) else (
            f"{lead}; the result was {result}.")
    if result:
        return (f"My work with {name} {result}." if is_past_verb_phrase(result)
                else f"My work with {name} led to {result}.")
    return ""


def skills_block(f: Facts, tone: str) -> str:
    """C4: the skills the interview missed, each with its evidence and result, and why they
    matter for this role. Empty when the notes list none."""
    if not f.skills:
        return ""
    names = join_en([clean(s.skill) for s in f.skills])
    single = len(f.skills) == 1
    intro = {
        "formal": (f"There is one part of my background we did not have time to cover: my "
                   f"experience with {names}." if single else
                   f"There are a few parts of my background we did not have time to cover: my "
                   f"experience with {names}."),
        "warm": (f"One thing I didn't get to mention is my experience with {names}." if single
                 else f"A few things I didn't get to mention are my experience with {names}."),
        "concise": f"One addition: my experience with {names}." if single
        else f"A few additions: my experience with {names}.",
        "enthusiastic": f"I'd also love to share something we didn't get to: my experience "
                        f"with {names}.",
    }[tone]
    stories = [s for s in (story(skill, single) for skill in f.skills) if s]
    relevance = {
        "formal": (f"I believe this experience would be directly relevant to the {f.position} "
                   "role." if f.alt == 0 else
                   f"I would welcome the opportunity to put that experience to work at "
                   f"{f.company}."),
        "warm": (f"I think that experience would fit in well with the {f.position} role."
                 if f.alt == 0 else f"I'd love to bring that experience to the team at "
                 f"{f.company}."),
        "concise": "It applies directly to this role.",
        "enthusiastic": (f"I'd love the chance to bring that experience to the {f.position} role "
                         f"at {f.company}." if f.alt == 0 else
                         f"I can already see how that experience could help at {f.company}."),
    }[tone]
    return " ".join([intro, *stories, relevance])
