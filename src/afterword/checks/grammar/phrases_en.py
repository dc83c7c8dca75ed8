"""Fixed English phrases: always-wrong word sequences (should of, find attach, look forward to
meet) and wordy or redundant phrasing (in order to → to)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.checks.grammar.confusables_en import word_class
from afterword.checks.grammar.tokens_en import issue, match_case
from afterword.models import Issue

_ING = {"hear": "hearing", "meet": "meeting", "speak": "speaking", "talk": "talking", "work": "working",
        "join": "joining", "see": "seeing", "learn": "learning", "discuss": "discussing",
        "receive": "receiving", "connect": "connecting", "continue": "continuing", "chat": "chatting",
        "get": "getting", "have": "having", "start": "starting"}  # fmt: skip
YOUR_NOUNS = word_class("YOUR_NOUNS")
_OUR_NOUNS = YOUR_NOUNS | {"conversation", "conversations", "discussion", "meeting", "meetings", "chat"}
_BE = r"(?:\b(?:was|were|is|are|am|be|been|get|got|getting)|['’](?:m|re|s))"

# (pattern with a group `w` = the words to replace, replacement, message, rule, severity)
_FIXED: tuple[tuple[re.Pattern[str], str, str, str, str], ...] = tuple(
    (re.compile(p, re.I), fix, msg, rule, severity)
    for p, fix, msg, rule, severity in (
        (r"\b(?:should|would|could|must|might)\s+(?P<w>of)\b(?!\s+course)", "have",
         "After “should/would/could”, write “have” (“should have”), not “of”.", "EN_MODAL_OF", "error"),
        (_BE + r"\s+(?P<w>suppose)\s+to\b", "supposed",
         "Write “supposed to” (“I was supposed to…”).", "EN_SUPPOSED_TO", "error"),
        (_BE + r"\s+(?P<w>use)\s+to\b", "used",
         "Write “used to” (“I'm used to…”).", "EN_USED_TO", "error"),
        (r"\bfind\s+(?P<w>attach)\b", "attached",
         "Write “Please find attached…”.", "EN_FIND_ATTACHED", "error"),
        (r"\b(?P<w>could)\s+care\s+less\b", "couldn't",
         "The idiom is “couldn't care less”.", "EN_COULDNT_CARE_LESS", "warning"),
        (r"\bfor\s+all\s+(?P<w>intensive\s+purposes)\b", "intents and purposes",
         "The idiom is “for all intents and purposes”.", "EN_EGGCORN", "error"),
        (r"\bone\s+(?P<w>in)\s+the\s+same\b", "and",
         "The idiom is “one and the same”.", "EN_EGGCORN", "error"),
    )
)  # fmt: skip
_FORWARD_TO = re.compile(r"\blook(?:s|ed|ing)?\s+forward\s+to\s+(?P<w>" + "|".join(_ING) + r")\b", re.I)
_FOR_YOU = re.compile(
    r"\b(?:for|of|with|about|from|appreciate|appreciated)\s+(?P<w>you)\s+(?P<n>[a-z]+)\b(?![-'’])", re.I
)
_OUR = re.compile(
    r"\b(?:enjoyed|appreciated|loved|valued|about|of|for|in|on|during|from|after|before|since)"
    r"\s+(?P<w>are)\s+(?P<n>[a-z]+)\b(?![-'’])",
    re.I,
)


def phrase_issues(text: str) -> Iterator[Issue]:
    """Always-wrong phrases, each with its fix."""
    for pattern, fix, msg, rule, severity in _FIXED:
        for m in pattern.finditer(text):
            yield issue(rule, msg, m.start("w"), m.end("w"), [match_case(m.group("w"), fix)], severity)  # type: ignore[arg-type]
    for m in _FORWARD_TO.finditer(text):
        verb = m.group("w")
        ing = match_case(verb, _ING[verb.lower()])
        msg = f"After “look forward to”, use the -ing form: “look forward to {ing}”."
        yield issue("EN_LOOK_FORWARD_TO", msg, m.start("w"), m.end("w"), [ing])
    for m in _FOR_YOU.finditer(text):
        if m.group("n").lower() in YOUR_NOUNS:
            msg = f"For something of yours, write “your {m.group('n')}”."
            yield issue("EN_YOU_YOUR", msg, m.start("w"), m.end("w"), [match_case(m.group("w"), "your")])
    for m in _OUR.finditer(text):
        if m.group("n").lower() in _OUR_NOUNS:
            msg = f"“are” is a verb; for something of ours write “our {m.group('n')}”."
            yield issue("EN_ARE_OUR", msg, m.start("w"), m.end("w"), [match_case(m.group("w"), "our")])


_WORDY: tuple[tuple[str, str], ...] = (
    ("in order to", "to"), ("at this point in time", "now"), ("at the present time", "now"),
    ("due to the fact that", "because"), ("owing to the fact that", "because"),
    ("in light of the fact that", "because"), ("despite the fact that", "although"),
    ("in spite of the fact that", "although"), ("for the purpose of", "for"),
    ("in the event that", "if"), ("in the near future", "soon"), ("a large number of", "many"),
    ("prior to", "before"), ("with regards? to", "about"), ("in regards? to", "about"),
    ("has the ability to", "can"), ("have the ability to", "can"),
    ("take into consideration", "consider"), ("give consideration to", "consider"),
    ("in a timely manner", "promptly"), ("until such time as", "until"),
    ("on a daily basis", "daily"), ("on a weekly basis", "weekly"),
    ("on a regular basis", "regularly"), ("for the most part", "mostly"),
    ("in close proximity to", "near"), ("is in need of", "needs"), ("each and every", "every"),
    ("first and foremost", "first"), ("make a decision", "decide"),
)  # fmt: skip
_REDUNDANT: tuple[tuple[str, str], ...] = (
    ("very unique", "unique"), ("absolutely essential", "essential"), ("end result", "result"),
    ("past experience", "experience"), ("future plans", "plans"), ("advance planning", "planning"),
    ("revert back", "revert"), ("return back", "return"), ("still remains", "remains"),
    ("basic fundamentals", "fundamentals"), ("free gift", "gift"), ("close proximity", "proximity"),
    ("repeat again", "repeat"), ("final outcome", "outcome"), ("completely finished", "finished"),
)  # fmt: skip


def _phrase_pattern(pairs: tuple[tuple[str, str], ...]) -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(r"\b" + p.replace(" ", r"\s+") + r"\b", re.I), r) for p, r in pairs]


_WORDY_RE = _phrase_pattern(_WORDY)
_REDUNDANT_RE = _phrase_pattern(_REDUNDANT)


def wordiness_issues(text: str) -> Iterator[Issue]:
    for pattern, plain in _WORDY_RE:
        for m in pattern.finditer(text):
            msg = f"Wordy: “{m.group()}” can simply be “{plain}”."
            yield issue("EN_WORDY", msg, m.start(), m.end(), [match_case(m.group(), plain)], "info")
    for pattern, plain in _REDUNDANT_RE:
        for m in pattern.finditer(text):
            msg = f"Redundant: “{m.group()}” says the same thing twice; write “{plain}”."
            fix = [match_case(m.group(), plain)]
            yield issue("EN_REDUNDANCY", msg, m.start(), m.end(), fix, "warning")
