"""Grounding: numbers, names, companies, products and skills in a draft must come from the notes.

Every pattern here runs in linear time on any input: a run is matched from its start only, and
the separators inside a term are never word characters, so nothing backtracks more than a step.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from afterword.checks.layout import understood
from afterword.checks.textutil import PLACEHOLDER, common_en, data_lines, norm
from afterword.models import Issue, Notes

RULE = "grounding"
NUMBER = re.compile(r"(?<![0-9０-９])[0-9０-９]+(?:[.,．，][0-9０-９]+)*")
EMAIL_URL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+")
# A name or term with its symbols whole: R&D, AT&T, C++, C#, Node.js, .NET, CI/CD, O'Brien.
TERM = re.compile(r"\.?\w+(?:[&./'’+-]\w+)*(?:\+\+|#)?")
# The same in Latin letters, for terms inside Japanese text.
LATIN = re.compile(
    r"(?<![A-Za-z0-9])\.?[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(?:[&./'’+-][A-Za-z0-9]+)*(?:\+\+|#)?"
)
PARTS = re.compile(r"[/-]")
PIECES = re.compile(r"[/&.+-]")
SYMBOL = re.compile(r"([&/.+])")
SYMBOL_INSIDE = re.compile(r"[^\W\d_][&/.+]\w|\w[&/.+][^\W\d_]")  # R&D, Node.js; not 4.5
KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc\uff66-\uff9f]{3,}")
KANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
MAX_RUN = 64  # a katakana run longer than this is no single word: grounding cannot tell
JA_TITLE = re.compile(r"様|さん|氏")
JA_NAME = re.compile(r"([\u4e00-\u9fff\u3005]{1,4})[ 　]?(?:[\u4e00-\u9fff\u3005]{1,4}[ 　]?)?\Z")
JA_COMPANY = re.compile(r"株式会社|有限会社|合同会社|\(株\)|（株）")
# The company's own name, after 株式会社 or before it.
COMPANY_NAME = re.compile(r"[\u30a0-\u30ff\u4e00-\u9fffA-Za-z0-9&＆]{1,20}")
COMPANY_NAME_BEFORE = re.compile(r"[\u30a0-\u30ff\u4e00-\u9fffA-Za-z0-9&＆]{1,20}\Z")
JA_GENERIC = frozenset(
    {"皆", "皆さま", "各位", "客", "お客", "担当者", "ご担当者", "採用担当者", "人事担当者", "関係者"}
)
LIST_MARKER = re.compile(r"^[ \t\u3000]*[(（]?[0-9０-９]+[.)．、）]", re.MULTILINE)
SENTENCE_START = re.compile(r"[.!?:]\s+|\n\s*|[—–-]\s+|[\"“(]\s*")
SHOWN = 40  # characters of a flagged token quoted in a message


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
    spelled: tuple[tuple[str, re.Pattern[str]], ...] = ()
    """Each name the notes write with a symbol (R&D, Node.js), and a pattern allowing spaces
    around the symbol."""


def _strings(data: object) -> list[str]:
    """Every string inside nested dicts and lists."""
    out: list[str] = []

    def walk(v: object) -> None:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list | tuple):
            for x in v:
                walk(x)

    walk(data)
    return out


def _notes_strings(notes: Notes) -> list[str]:
    """The notes' text (private notes apart) and the facts understood from it (issue 8): the
    canonical terms ("Kubernetes" for "k8s") and recipient-side wording a draft may use."""
    facts = [dataclasses.asdict(understood(notes, person)) for person in notes.recipients()]
    return _strings([notes.model_dump(mode="json", exclude={"private_notes"}), facts])


def _forms(term: str) -> set[str]:
    """A normalised term as the notes may hold it: whole, trimmed, without 's, and its parts
    ("node" of "node.js"; single letters only where "/" or "-" joined them)."""
    bare = term.strip(".-").removesuffix("'s")
    return {term, bare, *(p for p in PARTS.split(bare) if p),
            *(p for p in PIECES.split(bare) if len(p) > 1)}


def sources(notes: Notes) -> Sources:
    """Everything in the notes a draft may draw on, normalised for comparison (remembered for
    the same notes)."""
    return _sources(notes.model_dump_json())


@lru_cache(maxsize=32)
def _sources(notes_json: str) -> Sources:
    notes = Notes.model_validate_json(notes_json)
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
    words = {form for pattern in (TERM, LATIN) for m in pattern.finditer(text)
             for form in _forms(m.group(0))}
    notes_text = "\n".join(_strings(notes.model_dump(mode="json", exclude={"private_notes"})))
    names = sorted({m.group(0) for m in TERM.finditer(notes_text) if SYMBOL_INSIDE.search(m.group(0))})
    spelled = tuple((name, _spaced(name)) for name in names)
    return Sources(text, _without_punct(text), frozenset(words), frozenset(numbers),
                   norm(notes.private_notes or ""), spelled)


@cache
def _allowed() -> frozenset[str]:
    """The allow-list, each entry whole and (for names like "Google Meet") word by word."""
    lines = [norm(w) for w in data_lines("grounding_allow.txt")]
    return frozenset([*lines, *(w for line in lines for w in line.split())])


def _issue(src: Sources, what: str, token: str, offset: int) -> Issue:
    private = norm(token) in src.private
    why = ("appears only in your private notes, which are never sent" if private
           else "is not in your notes")
    shown = token if len(token) <= SHOWN else token[:SHOWN] + "…"
    return Issue(
        source="guidance",
        rule=RULE,
        message=f"{what} “{shown}” {why}; state only facts from the notes, spelled as "
        "there (a guard against invented content).",
        offset=offset,
        length=len(token),
        severity="error",
    )


def _known_word(token: str, src: Sources) -> bool:
    t = norm(token).strip(".-").removesuffix("'s")
    allowed, common = _allowed(), common_en()

    def known(w: str) -> bool:
        return w in src.words or w in common or w in allowed

    return known(t) or (PARTS.search(t) is not None and all(known(p) for p in PARTS.split(t) if p))


def _en_names(text: str, src: Sources, whole_line: bool) -> list[Issue]:
    """Capitalised terms not in the notes; a sentence's first word counts only with inner capitals
    (or in a subject line, where every word may be capitalised)."""
    issues = []
    starts = {0, *(m.end() for m in SENTENCE_START.finditer(text))}
    for m in TERM.finditer(text):
        token = m.group(0).rstrip(".")
        letters = token.lstrip(".")
        if not letters[:1].isupper():
            continue
        if m.start() in starts and not whole_line and not any(c.isupper() for c in letters[1:]):
            continue
        if not _known_word(token, src):
            issues.append(_issue(src, "the name", token, m.start()))
    return issues


def _ja_names(text: str, src: Sources) -> list[Issue]:
    issues = []
    for m in LATIN.finditer(text):
        if not _known_word(m.group(0), src):
            issues.append(_issue(src, "the word", m.group(0), m.start()))
    allowed = _allowed()
    for m in KATAKANA.finditer(text):
        if not _covered(m.group(0), src.compact, allowed):
            issues.append(_issue(src, "the term", m.group(0), m.start()))
    for t in JA_TITLE.finditer(text):
        name = JA_NAME.search(text, max(0, t.start() - 10), t.start())
        token = _without_punct(name.group(1)) if name else ""
        if name and token not in JA_GENERIC and norm(token) not in src.compact:
            issues.append(_issue(src, "the name", name.group(0).strip(), name.start()))
    for m in JA_COMPANY.finditer(text):
        own = (COMPANY_NAME.match(text, m.end(), m.end() + 20)
               or COMPANY_NAME_BEFORE.search(text, max(0, m.start() - 20), m.start()))
        if own and norm(own.group(0)) not in src.compact:
            start, end = min(m.start(), own.start()), max(m.end(), own.end())
            issues.append(_issue(src, "the company", text[start:end], start))
    return issues


def _covered(run: str, compact: str, allowed: frozenset[str]) -> bool:
    """Whether a katakana run is made of pieces found in the notes or the allow-list."""
    run = unicodedata.normalize("NFKC", run)
    if run in compact or len(run) > MAX_RUN:
        return True
    ok = [True] + [False] * len(run)
    for i in range(len(run)):
        if ok[i]:
            for j in range(i + 2, len(run) + 1):
                piece = run[i:j]
                if piece in compact or piece in allowed:
                    ok[j] = True
    return ok[-1]


def _numbers(text: str, src: Sources) -> list[Issue]:
    issues = []
    markers = {m.end() - 1 for m in LIST_MARKER.finditer(text)}
    for m in NUMBER.finditer(text):
        value = unicodedata.normalize("NFKC", m.group(0)).replace(",", "")
        if m.end() in markers or value in src.numbers or (value.lstrip("0") or "0") in src.numbers:
            continue
        issues.append(_issue(src, "the number", m.group(0), m.start()))
    return issues


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def grounding_issues(text: str, notes: Notes, language: str, *, subject: bool = False) -> list[Issue]:
    """An error for each number, name, company, product or skill in `text` the notes lack.

    `subject`: the text is a subject line, where every word may be capitalised.
    """
    src = sources(notes)
    issues = [_issue(src, "the address", m.group(0), m.start()) for m in EMAIL_URL.finditer(text)
              if norm(m.group(0)) not in src.text]
    masked = PLACEHOLDER.sub(_blank, EMAIL_URL.sub(_blank, text))
    issues += _numbers(masked, src)
    issues += _ja_names(masked, src) if language == "ja" else _en_names(masked, src, subject)
    return _outermost(issues + _respelled(masked, src))


def _spaced(name: str) -> re.Pattern[str]:
    """`name` with any spaces around its symbols ("R & D", "Node. js")."""
    body = "".join(rf"\s*{re.escape(p)}\s*" if SYMBOL.fullmatch(p) else re.escape(p)
                   for p in SYMBOL.split(name))
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def _respelled(text: str, src: Sources) -> list[Issue]:
    """A warning where a name the notes write with a symbol is split by spaces ("R & D")."""
    return [
        Issue(source="guidance", rule=RULE, severity="warning", offset=m.start(),
              length=len(m.group(0)), replacements=[name],
              message=f"“{m.group(0)}” is “{name}” in your notes; spell names as the notes do "
              "(a guard against invented content).")
        for name, pattern in src.spelled for m in pattern.finditer(text)
        if any(c.isspace() for c in m.group(0))
    ]


def _outermost(issues: list[Issue]) -> list[Issue]:
    """Drop issues whose span lies inside another's (a katakana word inside a company name, the
    "R" of a respelled "R & D")."""
    out: list[Issue] = []
    end = -1
    for issue in sorted(issues, key=lambda i: (i.offset, -i.length)):
        if issue.offset + issue.length <= end:
            continue
        out.append(issue)
        end = issue.offset + issue.length
    return out
