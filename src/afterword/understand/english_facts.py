"""English notes, the rest of the reading: skills become clauses the composer can join, timelines
become phrases that follow "decide", news becomes a clause after "that"."""

from __future__ import annotations

import re
from typing import Literal

from afterword.understand.english import (
    CHAT,
    DETERMINERS,
    NOT_VERB_S,
    Reader,
    is_past_verb,
    is_person,
    lower_first,
)
from afterword.understand.facts import NewsFact, SkillFact, TimelineFact
from afterword.understand.terms import canonical_en, words

# --- skills -------------------------------------------------------------------------------------

CREDENTIAL = re.compile(r"certif|licen[cs]e|\b(?:TOEIC|IELTS|TOEFL|JLPT|PMP|CPA|ACCA|CFA|CISSP|N[1-5])\b|"
                         r"\bscore\b|\bgrade\b|点|級|資格|免許|合格|取得", re.IGNORECASE)
_CHANGE = re.compile(r"^(cut|raised|reduced|increased|grew|lowered|improved|boosted|dropped|decreased|"
                     r"lifted|shrank|trimmed)\s+((?:(?!\b(?:by|from|to)\b).)+?)\s+(\d[\d.,]*\s*%)$",
                     re.IGNORECASE)  # fmt: skip
_RESULT_CLAUSE = re.compile(r"^(?:[\w%$-]+\s+){1,6}?(?:dropped|fell|rose|grew|increased|decreased|improved|"
                            r"doubled|halved|tripled|went|shrank|jumped|climbed|came|reached|hit|passed)\b",
                            re.IGNORECASE)
# A change written without a verb: "charting errors down 30%", "quote turnaround from 2 days to same-day".
_UP_DOWN = re.compile(
    r"^(?P<what>.+?)\s+(?P<way>down|up)\s+(?P<amount>(?:about\s+|over\s+|nearly\s+)?[$\d].*)$", re.IGNORECASE
)
_FROM_TO = re.compile(r"^(?P<what>[^,]+?)\s+(?P<change>from\s+(?:about\s+|over\s+)?[$\d<>].*?\s+to\s+.+)$",
                      re.IGNORECASE)
_CHANGE_IN_CLAUSE = re.compile(
    r"\b(dropped|fell|rose|grew|increased|decreased|improved|shrank|jumped|climbed)\s+(\d[\d.,]*\s*%)",
    re.IGNORECASE,
)
_TRAILING_METRIC = re.compile(
    r"^(?P<ev>.+?),\s*(?P<metric>(?:about\s+|over\s+)?[$\d][\w.,%$]*\s+[a-z]+(?:\s+[a-z]+)?)$"
)
_PARTICIPLE = re.compile(r"^(?:(?:now|still|currently|already)\s+)?\w+(?:ed|en)\s+(?:by|in|at|across|for)\b",
                         re.IGNORECASE)  # fmt: skip


def _verb_phrase(text: str) -> str | None:
    """Evidence as a verb phrase without "I" ("I led…" → "led…"); None when it has no verb first."""
    t = re.sub(r"^I\s+", "", text.strip().rstrip("."))
    first = t.split(" ", 1)[0]
    if is_past_verb(first) or first.lower() in ("have", "own", "run", "lead", "manage", "built"):
        return lower_first(t) if first[:1].isupper() and first[1:].islower() else t
    return None


def read_skill(skill: str, evidence: str | None, result: str | None, *, field: str) -> SkillFact:
    """A skill with its evidence and result as clauses the composer can join."""
    name = canonical_en(skill.strip().rstrip("."), noun_phrase=True)
    ev = canonical_en(evidence.strip(), noun_phrase=True) if evidence and evidence.strip() else None
    res = canonical_en(result.strip().rstrip("."), noun_phrase=True) if result and result.strip() else None
    if ev and not res and (m := _TRAILING_METRIC.match(ev.rstrip("."))):  # "…app in Kotlin, 1.2k downloads"
        ev, res = m.group("ev"), m.group("metric")
    ev_phrase = None
    if ev:
        ev_phrase = _verb_phrase(ev) or f"worked on {lower_first(ev.rstrip('.'))}"
    form: Literal["verb", "noun", "state", "clause"] | None = None
    if res:
        res = _CHANGE.sub(r"\1 \2 by \3", lower_first(res))
        parts = res.split()
        first = parts[0].lower()
        if is_past_verb(first):
            form = "verb"
        elif _RESULT_CLAUSE.match(res):  # "mean time to recovery dropped 35%": a sentence
            res, form = _CHANGE_IN_CLAUSE.sub(r"\1 by \2", res), "clause"
        elif m := _UP_DOWN.match(res):  # "errors down 30%" → "errors went down by 30%"
            res, form = f"{m['what']} went {m['way'].lower()} by {m['amount']}", "clause"
        elif m := _FROM_TO.match(res):  # "turnaround from 2 days to same-day" → "… went from …"
            res, form = f"{m['what']} went {m['change']}", "clause"
        elif _PARTICIPLE.match(res):
            res, form = f"is {res}", "state"
        elif first.endswith("s") and first not in NOT_VERB_S and len(parts) > 1 and (
            re.match(r"[\d$~]|about|over|more|up", parts[1]) or parts[1] in DETERMINERS
        ):
            form = "state"
        else:
            form = "noun"
    names = bool(ev and name.lower() in ev.lower())
    credential = bool(CREDENTIAL.search(skill)) and not ev
    return SkillFact(field, skill, name, credential, ev_phrase, res, form, names)


# --- timeline and news --------------------------------------------------------------------------

_DAYS = {"mon": "Monday", "tue": "Tuesday", "tues": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
         "thur": "Thursday", "thurs": "Thursday", "fri": "Friday", "sat": "Saturday",
         "sun": "Sunday"}  # fmt: skip
_DAYS |= {day.lower(): day for day in _DAYS.values()}
_MONTHS = {"jan": "January", "feb": "February", "mar": "March", "apr": "April", "jun": "June",
           "jul": "July", "aug": "August", "sep": "September", "sept": "September", "oct": "October",
           "nov": "November", "dec": "December"}  # fmt: skip
_TIME_START = re.compile(r"\b(?:within|by|in|before|after|around|until|till|next|this|early|late|mid|on|"
                         r"over|end|the end)\b", re.IGNORECASE)
_DURATION = re.compile(
    r"^(?:about\s+|around\s+|roughly\s+)?(?:a\s+|one\s+|\d+(?:\s*[-–]\s*\d+)?\s+|two\s+|three\s+|"
    r"a couple of\s+|a few\s+)(?:days?|weeks?|months?)(?:\s+or so)?$",
    re.IGNORECASE,
)


def _time_phrase(text: str) -> str | None:
    """The time phrase a timeline ends with, when everything before it is about deciding or getting
    back ("they'll decide before the holidays" → "before the holidays"), else None."""
    for m in _TIME_START.finditer(text):
        phrase = text[m.start() :]
        tokens = [w.lower().strip(",.'\"") for w in re.split(r"[\s-]+", phrase)]
        timely = all(w in words("time_words") or re.match(r"\d", w) for w in tokens if w)
        before = {w.lower().strip(",'\"") for w in text[: m.start()].split()}
        if timely and not before - words("timeline_words"):
            return phrase
    return None


def read_timeline(text: str, reader: Reader) -> TimelineFact:
    """"she said by next Friday" → "by next Friday"; "couple wks" → "within a couple of weeks";
    "Dana: \"we'll have a decision in about 2 weeks\"" → "in about 2 weeks"."""
    t = canonical_en(text.strip(), noun_phrase=False)
    chat = CHAT.match(t)
    who = chat.group("who") if chat else None
    if chat and who and (is_person(who, reader) or who.lower() in ("recruiter", "hr")):
        t = chat.group("rest")
    reporter = r"^(?:the\s+)?(?:recruiter|hr|they|he|she|we)\s+(?:said|says|mentioned|told me)\s+(?:that\s+)?"
    t = re.sub(reporter, "", t.strip().strip("\"“”."), flags=re.IGNORECASE)
    t = t.replace("couple", "a couple of").replace("a a couple", "a couple")
    t = re.sub(r"\ba couple of of\b", "a couple of", t)
    t = re.sub(r"\b(hopefully|probably|maybe|i think|sometime|ish)\b", "", t, flags=re.IGNORECASE)
    t = re.sub(r"\b([A-Za-z]{3,9})\b\.?", lambda m: _DAYS.get(m.group(1).lower()) or _MONTHS.get(
        m.group(1).lower()) or m.group(1), t)
    t = re.sub(r"\s+", " ", t).strip(" ,.")
    about: Literal["decision", "contact"] = "decision" if re.search(r"decid|decision", t, re.I) else "contact"
    when: str | None
    if _DURATION.match(t):
        when = f"within {t}" if not t.lower().startswith(("about", "around", "roughly")) else f"in {t}"
    elif re.fullmatch(r"(?:the\s+)?end of (?:the\s+)?(month|week|year|quarter)", t, re.IGNORECASE):
        when = "by the end of the " + t.split()[-1]
    else:
        when = _time_phrase(t)
        bare_day = re.search(r"\b(?:next\s+)?(" + "|".join(set(_DAYS.values())) + r")$", t)
        if when is None and bare_day and _time_phrase(f"on {bare_day.group(0)}"):
            before = {w.lower().strip(",'\"") for w in t[: bare_day.start()].split()}
            when = None if before - words("timeline_words") else f"on {bare_day.group(0)}"
        if when and re.match(r"(?:about|around)\b", when, re.IGNORECASE):
            when = f"in {when}"
    return TimelineFact(text, when, about)


def read_news(text: str) -> NewsFact:
    """A positive headline as a clause after "that" when it reads as a sentence; else None."""
    t = canonical_en(text.strip().rstrip("."), noun_phrase=False)
    verbish = any(is_past_verb(w) or w.lower() in ("is", "was", "has", "have", "will", "opens", "launches",
                                                   "wins", "joins", "raises") for w in t.split()[1:])
    return NewsFact(text, lower_first(t) if verbish else None)
