"""Grounding: numbers, names, companies, products and skills in a draft must come from the notes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from afterword.checks.textutil import PLACEHOLDER, common_en, data_lines, norm
from afterword.models import Issue, Notes

RULE = "grounding"
NUMBER = re.compile(r"[0-9０-９]+(?:[.,．，][0-9０-９]+)*")
EMAIL_URL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+")
CAPS = re.compile(r"(?<![\w'’])[A-Z][\w&'’.-]*[\w]|(?<![\w'’])[A-Z](?![\w'’])")
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9+#.-]*[A-Za-z0-9+#]|[A-Za-z]")
KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc\uff66-\uff9f]{3,}")
JA_NAME = re.compile(r"([\u4e00-\u9fff\u3005]{1,4})[ 　]?(?:[\u4e00-\u9fff\u3005]{1,4}[ 　]?)?(?=様|さん|氏)")
JA_COMPANY = re.compile(r"株式会社|有限会社|合同会社|\(株\)|（株）")
JA_GENERIC = frozenset(
    {"皆", "皆さま", "各位", "客", "お客", "担当者", "ご担当者", "採用担当者", "人事担当者", "関係者"}
)
LIST_MARKER = re.compile(r"^[ \t\u3000]*[0-9０-９]+[.)．、）]", re.MULTILINE)


def _without_punct(s: str) -> str:
    return re.sub(r"[\s,，]", "", s)


@dataclass(frozen=True)
class Sources:
    """What the notes let a draft say: their text (private notes apart), numbers and names."""

    text: str
    compact: str
    words: frozenset[str]
    numbers: frozenset[str]
    private: str
    companies: tuple[str, ...]


def _notes_strings(notes: Notes) -> list[str]:
    data = notes.model_dump(mode="json", exclude={"private_notes"})
    out: list[str] = []

    def walk(v: object) -> None:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(data)
    return out


def sources(notes: Notes) -> Sources:
    """Everything in the notes a draft may draw on, normalised for comparison."""
    strings = _notes_strings(notes)
    text = norm("\n".join(strings))
    numbers = {n.replace(",", "") for n in NUMBER.findall(text)}
    numbers |= {n.lstrip("0") or "0" for n in numbers}
    dates = [notes.interview.date, *(f.date for f in notes.follow_ups), *(i.date for i in notes.company.news)]
    if notes.outcome:
        dates.append(notes.outcome.date)
    for d in filter(None, dates):
        numbers |= {str(d.year), str(d.month), str(d.day)}
    lists = [notes.topics_discussed, notes.interviewers, notes.skills_not_mentioned,
             notes.company.news, *((notes.feedback.positive, notes.feedback.more) if notes.feedback else ()),
             notes.next_step.prepare if notes.next_step else []]
    numbers |= {str(len(x)) for x in lists if x}
    words = {w.removesuffix("'s") for w in re.findall(r"[\w'+#.-]+", text)}
    words |= set(re.findall(r"[a-z0-9][a-z0-9+#'.-]*", text))
    words |= {w.strip(".-") for w in list(words)}
    companies = tuple(
        norm(_without_punct(s)) for s in strings if JA_COMPANY.search(s) and len(s) <= 40
    )
    return Sources(text, _without_punct(text), frozenset(words), frozenset(numbers),
                   norm(notes.private_notes or ""), companies)


@cache
def _allowed() -> frozenset[str]:
    return frozenset(norm(w) for w in data_lines("grounding_allow.txt"))


def _sentence_starts(text: str) -> set[int]:
    starts = {0}
    for m in re.finditer(r"(?:[.!?:]\s+|\n\s*|[—–-]\s+|[\"“(]\s*)", text):
        starts.add(m.end())
    return starts


def _issue(src: Sources, what: str, token: str, offset: int, in_subject: bool) -> Issue:
    where = "Subject: " if in_subject else ""
    private = norm(token) in src.private
    why = ("appears only in your private notes, which are never sent" if private
           else "is not in your notes")
    return Issue(
        source="guidance",
        rule=RULE,
        message=f"{where}{what} “{token}” {why}; state only facts from the notes, spelled as "
        "there (a guard against invented content).",
        offset=0 if in_subject else offset,
        length=0 if in_subject else len(token),
        severity="error",
    )


def _known_word(token: str, src: Sources) -> bool:
    t = norm(token).strip(".-").removesuffix("'s").removesuffix("’s")
    if t in src.words or t in common_en() or t in _allowed():
        return True
    if "-" in t:
        return all(p in src.words or p in common_en() for p in t.split("-") if p)
    return False


def _en_names(text: str, src: Sources, in_subject: bool) -> list[Issue]:
    issues = []
    starts = _sentence_starts(text)
    for m in CAPS.finditer(text):
        token = m.group(0).rstrip(".")
        if m.start() in starts and not in_subject and not any(c.isupper() for c in token[1:]):
            continue
        if not _known_word(token, src):
            issues.append(_issue(src, "the name", token, m.start(), in_subject))
    return issues


def _ja_names(text: str, src: Sources, in_subject: bool) -> list[Issue]:
    issues = []
    for m in LATIN.finditer(text):
        if not _known_word(m.group(0), src):
            issues.append(_issue(src, "the word", m.group(0), m.start(), in_subject))
    allowed = _allowed()
    for m in KATAKANA.finditer(text):
        if not _covered(m.group(0), src.compact, allowed):
            issues.append(_issue(src, "the term", m.group(0), m.start(), in_subject))
    for m in JA_NAME.finditer(text):
        token = _without_punct(m.group(1))
        if token not in JA_GENERIC and norm(token) not in src.compact:
            issues.append(_issue(src, "the name", m.group(0).strip(), m.start(), in_subject))
    for m in JA_COMPANY.finditer(text):
        window = norm(_without_punct(text[max(0, m.start() - 20) : m.end() + 20]))
        if not any(name in window for name in src.companies):
            tail = re.match(r"[\u30a0-\u30ff\u4e00-\u9fffA-Za-z0-9&＆]{0,15}", text[m.end() :])
            token = m.group(0) + (tail.group(0) if tail else "")
            issues.append(_issue(src, "the company", token, m.start(), in_subject))
    return issues


def _covered(run: str, compact: str, allowed: frozenset[str]) -> bool:
    """Whether a katakana run is made of pieces found in the notes or the allow-list."""
    run = unicodedata.normalize("NFKC", run)
    ok = [True] + [False] * len(run)
    for i in range(len(run)):
        if ok[i]:
            for j in range(i + 2, len(run) + 1):
                piece = run[i:j]
                if piece in compact or piece in allowed:
                    ok[j] = True
    return ok[-1]


def _numbers(text: str, src: Sources, in_subject: bool) -> list[Issue]:
    issues = []
    markers = {m.end() - 1 for m in LIST_MARKER.finditer(text)}
    for m in NUMBER.finditer(text):
        value = unicodedata.normalize("NFKC", m.group(0)).replace(",", "")
        if m.end() in markers or value in src.numbers or (value.lstrip("0") or "0") in src.numbers:
            continue
        issues.append(_issue(src, "the number", m.group(0), m.start(), in_subject))
    return issues


def grounding_issues(subject: str, body: str, notes: Notes, language: str) -> list[Issue]:
    """An error for each number, name, company, product or skill the notes do not contain."""
    src = sources(notes)
    issues: list[Issue] = []
    for text, in_subject in ((subject, True), (body, False)):
        masked = text
        for m in EMAIL_URL.finditer(text):
            if norm(m.group(0)) not in src.text:
                issues.append(_issue(src, "the address", m.group(0), m.start(), in_subject))
            masked = masked[: m.start()] + " " * len(m.group(0)) + masked[m.end() :]
        masked = PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), masked)
        issues += _numbers(masked, src, in_subject)
        if language == "ja":
            issues += _ja_names(masked, src, in_subject)
        else:
            issues += _en_names(masked, src, in_subject)
    return _outermost(issues)


def _outermost(issues: list[Issue]) -> list[Issue]:
    """Drop issues whose span lies inside another's (a katakana word inside a company name)."""
    spans = [(i.offset, i.offset + i.length) for i in issues if i.length]
    return sorted(
        (i for i in issues if not any(
            s <= i.offset and i.offset + i.length <= e and (s, e) != (i.offset, i.offset + i.length)
            for s, e in spans)),
        key=lambda i: i.offset,
    )
