"""What to call a person: `greet_as` when given; panels and groups; given vs family name (name
order of Japanese, Chinese, Korean, Vietnamese and Hungarian names, CJK script, "Last, First");
honorifics (Dr., 様) — and, when unsure, the full name and a guess the notes lint reports."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from afterword.understand.facts import Guess, PersonFact
from afterword.understand.terms import family_names, fold, word_lists

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_HONORIFIC = re.compile(r"^(Dr|Prof|Professor|Mr|Ms|Mrs|Mx)\.?\s+", re.IGNORECASE)
_GROUP_EN = re.compile(
    r"\b(panel|team|committee|everyone|interviewers|hiring|board|staff|recruiting|all of you)\b", re.I
)
_GROUP_JA = re.compile(r"面接官|皆|チーム|採用|ご?担当者|各位|一同|人事部|\d+名|[一二三四五六七八九]名")
_JA_SUFFIX = re.compile(r"[ 　]*(様|さま|さん|氏|殿|先生|くん|君)$")
_JA_TITLE = re.compile(
    r"[ 　]*(部長|課長|係長|室長|所長|社長|専務|常務|取締役|主任|マネージャー|リーダー|代表|"
    r"人事担当|採用担当)$"
)
# A romanised Japanese, Chinese or Korean given name: Hepburn or pinyin syllables, or hyphenated.
_ROMAJI = re.compile(r"(?:(?:ky|gy|sh|ch|ny|hy|my|ry|by|py|ts|[kgsztdnhbpmyrwfj])?[aiueoō]|n)+", re.I)
_PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|"
    r"ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|ü))+",
    re.I,
)


@dataclass(frozen=True)
class Named:
    """A person read from the notes and where the reading had to guess."""

    fact: PersonFact
    guesses: tuple[Guess, ...] = ()


def _looks_asian_given(words: list[str]) -> bool:
    text = "".join(words)
    return "-" in text or bool(_ROMAJI.fullmatch(fold(text)) or _PINYIN.fullmatch(fold(text)))


def _capitalised(name: str) -> str:
    """"priya sharma" → "Priya Sharma", "kevin o'brien" → "Kevin O'Brien"; other names as written."""
    if name != name.lower():
        return name
    return re.sub(r"(^|[\s'’-])(\w)", lambda m: m.group(1) + m.group(2).upper(), name)


def _group(name: str, greet_as: str | None, language: str, field: str) -> Named:
    en = greet_as or "everyone"
    sama = greet_as if greet_as and greet_as.endswith("様") else "皆様"
    address = greet_as if greet_as else "採用ご担当者様"
    address = address if address.endswith("様") else f"{address}様"
    fact = PersonFact(name, name, None, None, en, en, sama, address, group=True, sure=bool(greet_as))
    if greet_as:
        return Named(fact)
    hint = "採用ご担当者様" if language == "ja" else "everyone"
    return Named(fact, (Guess(f"{field}.name", f"“{name}” reads as a group; the greeting addresses "
                              f"them as “{hint}”.", f'"greet_as": "{hint}"'),))


def _split_cjk(name: str) -> tuple[str, str | None, bool]:
    """(family, given, sure) of a name in CJK script: split at the space, else by the dictionary."""
    parts = name.split()
    if len(parts) > 1:
        return parts[0], " ".join(parts[1:]), True
    if len(name) <= 2:
        return name, None, True
    from afterword.understand.japanese import person_name_parts

    split = person_name_parts(name)
    return (split[0], split[1], True) if split else (name, None, False)


def _given_words(words: list[str]) -> tuple[str | None, str | None, bool]:
    """(given, family, sure) of a name written given name first: a double given name ("Ana
    Lucía Pérez", "Mary Jane Watson") is given whole; when the second of three or more words may
    be a second given name or a middle name ("John Michael Smith"), the reading is unsure."""
    lists = word_lists("given_names.txt")
    if len(words) >= 3:
        first, second = fold(words[0]), fold(words[1])
        if first in lists["double-first"] and second in lists["double-second"]:
            return f"{words[0]} {words[1]}", " ".join(words[2:]), True
        if any(second in names for names in lists.values()):
            return None, words[-1], False
    return words[0], words[-1], True


def _read_latin(name: str) -> tuple[str, str | None, str | None, str | None, bool]:
    """(full name in reading order, given, family, honorific, sure) of a Latin-script name."""
    hon = _HONORIFIC.match(name)
    honorific = None
    if hon:
        honorific = {"professor": "Prof."}.get(hon.group(1).lower(), hon.group(1).capitalize() + ".")
        name = name[hon.end() :]
    if "," in name:
        family, _, given = (p.strip() for p in name.partition(","))
        return f"{given} {family}".strip(), given or None, family, honorific, True
    words = name.split()
    if len(words) == 1:
        return name, name, None, honorific, True
    lists = family_names()
    first, last = lists.get(fold(words[0])), lists.get(fold(words[-1]))
    native = fold(words[0]) != words[0].casefold()  # "Kovács", "Nguyễn": written with its accents
    if first and last and first != "hungarian":
        return name, None, None, honorific, False  # "Wang Fang": either order is possible
    if first == "hungarian" or (first and (native or _looks_asian_given(words[1:]))):
        given = words[-1] if first == "vietnamese" else " ".join(words[1:])
        return name, given, words[0], honorific, True
    first_name, surname, sure = _given_words(words)
    return name, first_name, surname, honorific, sure


def _likely_given(full: str) -> str:
    """What to suggest for `greet_as` when the given name is unsure: a first word that often
    starts a double given name with the second ("Maria Luz"), else the first word."""
    words = full.split()
    double = len(words) >= 3 and fold(words[0]) in word_lists("given_names.txt")["double-first"]
    return " ".join(words[:2]) if double else words[0]


_NOTE = re.compile(r"\s*[(（]([^)）]*)[)）]\s*$")


def read_person(
    name: str,
    *,
    language: str,
    field: str,
    greet_as: str | None = None,
    title: str | None = None,
) -> Named:
    """What to call a person in a draft in `language`, and the guesses behind it. A note in
    parentheses after the name ("Dr Ana Pérez (VP Eng)", 「西田様（人事）」) is no part of it."""
    note = _NOTE.search(name)
    if note is None or not name[: note.start()].strip():
        return _read_name(name, language, field, greet_as, title)
    named = _read_name(name[: note.start()].strip(), language, field, greet_as, title)
    fact = dataclasses.replace(named.fact, written=name)
    if fact.group:  # "Eng panel (3 ppl)": a count, not a title
        return Named(fact, named.guesses)
    hint = None if title else f'"title": "{note.group(1).strip()}"'
    guess = Guess(f"{field}.name", f"“{name}”: the part in parentheses is left out of the greeting; "
                  "a job title belongs in `title`.", hint)
    return Named(fact, (*named.guesses, guess))


def _read_name(name: str, language: str, field: str, greet_as: str | None, title: str | None) -> Named:
    if _GROUP_EN.search(name) or _GROUP_JA.search(name):
        return _group(name, greet_as, language, field)
    if CJK.search(name):
        base = _JA_SUFFIX.sub("", name)
        inner_title = _JA_TITLE.search(base)
        base = _JA_TITLE.sub("", base).strip() or base
        family_ja, given_ja, sure = _split_cjk(base)
        title = title or (inner_title.group(1) if inner_title else None)
        fact = PersonFact(name, base, given_ja, family_ja, greet_as or base, greet_as or base,
                          greet_as or f"{family_ja}様", greet_as or f"{base} 様", title=title, sure=sure)
        guesses = []
        if not sure and not greet_as:
            guesses.append(Guess(f"{field}.name", f"cannot tell the family name in “{name}”; the "
                                 f"greeting uses the full name ({base}様).",
                                 f'"greet_as": "{base[:2]}様"'))
        if language == "en" and not greet_as:
            guesses.append(Guess(f"{field}.name", f"“{name}” is written in Japanese/Chinese script; "
                                 "an English greeting uses it as written.", '"greet_as": "Ms. …"'))
        return Named(fact, tuple(guesses))
    full, given, family, honorific, sure = _read_latin(_capitalised(name))
    formal = casual = f"{honorific} {family}" if honorific and family else full
    if not honorific and sure and given:
        casual = given
    sama = f"{family or full}様"
    address = f"{full} 様"
    if greet_as:
        formal = casual = greet_as
        sama = address = greet_as if greet_as.endswith("様") else f"{greet_as}様"
    fact = PersonFact(name, full, given, family, formal, casual, sama, address, title=title, sure=sure)
    guesses = []
    if not greet_as and not sure:
        hint = _likely_given(full) if family else "…"
        guesses.append(Guess(f"{field}.name", f"cannot tell which part of “{name}” is the given name; "
                             f"the greeting uses the full name.", f'"greet_as": "{hint}"'))
    elif not greet_as and family and given and full.split()[0] == family and "," not in name:
        guesses.append(Guess(f"{field}.name", f"read “{name}” as family name first; the greeting "
                             f"says “{casual}”.", f'"greet_as": "{casual}"'))
    return Named(fact, tuple(guesses))
