"""Spelling from the notes: canonical tech terms, shorthand written out, family-name lists.

The word lists live in `data/` (`terms.toml`, `family_names.txt`) so they grow without code."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache
from importlib.resources import files

_TOKEN = re.compile(r"(?<![\w/+.-])([\w][\w.+/'’-]*[\w+]|[\w]|(?<!\S)\+(?!\S)|w/o?)(?![\w/+-])")


_SENIORITY = {"sr": "senior ", "senior": "senior ", "jr": "junior ", "junior": "junior "}


def _data(name: str) -> str:
    return files("afterword.understand").joinpath(f"data/{name}").read_text("utf-8")


@cache
def _terms() -> dict[str, dict[str, str]]:
    raw = tomllib.loads(_data("terms.toml"))
    return {section: {k.casefold(): v for k, v in table.items()} for section, table in raw.items()}


@cache
def words(name: str) -> frozenset[str]:
    """An English word list from `data/words_en.toml` (irregular_past, count_heads, …)."""
    return frozenset(tomllib.loads(_data("words_en.toml"))[name].split())


def fold(word: str) -> str:
    """Case- and accent-insensitive form of a word ("Kovács" → "kovacs")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")


@cache
def word_lists(name: str) -> dict[str, frozenset[str]]:
    """The `[section]`s of a word-list file in `data/` (`family_names.txt`, `given_names.txt`),
    each as a set of folded words."""
    out: dict[str, set[str]] = {}
    section = ""
    for line in _data(name).splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        out.setdefault(section, set()).update(fold(w) for w in line.split())
    return {k: frozenset(v) for k, v in out.items()}


@cache
def family_names() -> dict[str, str]:
    """Folded family name → its section (`east-asian`, `vietnamese`, `hungarian`)."""
    return {w: section for section, ws in word_lists("family_names.txt").items() for w in ws}


@cache
def _abbreviation_dots() -> re.Pattern[str]:
    """A shorthand word's own full stop inside a sentence ("approx. 30%", "mins. later"), not
    one that ends the sentence before a capital."""
    keys = [re.escape(k) for k, v in _terms()["abbreviation"].items() if k.isalpha() and not v.endswith(".")]
    return re.compile(rf"\b({'|'.join(keys)})\.(?=\s+[^\sA-Z])", re.IGNORECASE)


def is_term(word: str) -> bool:
    """A tech term or name of the term tables, in any case ("Kubernetes", "terraform", "EKS" is not)."""
    key = word.casefold()
    tables = (_terms()["canonical"], _terms()["ambiguous"])
    return any(key in table or key in {v.casefold() for v in table.values()} for table in tables)


def canonical_en(text: str, *, noun_phrase: bool) -> str:
    """Tech terms in their canonical case and shorthand written out ("k8s migration w/ eng" →
    "Kubernetes migration with engineering"). Words that are also plain English ("rust", "react")
    change only inside a noun phrase."""
    t = _terms()
    tables = [t["canonical"], t["abbreviation"]] + ([t["ambiguous"]] if noun_phrase else [])

    def repl(m: re.Match[str]) -> str:
        word = m.group(0)
        key = word.casefold().replace("’", "'")
        for table in tables:
            if key in table:
                value = table[key]
                return word if value.endswith(".") and text[m.end() : m.end() + 1] == "." else value
        if key.endswith("s") and key[:-1] in t["canonical"] and t["canonical"][key[:-1]].isupper():
            return t["canonical"][key[:-1]] + "s"  # "apis" → "APIs"
        return word

    text = re.sub(r"~\s*", "about ", text)
    text = re.sub(r"(?<![\w.])re:\s+", "about ", text, flags=re.IGNORECASE)  # "questions re: the rota"
    text = _abbreviation_dots().sub(r"\1", text)  # "approx. 30%" → "approx 30%" → "about 30%"
    text = re.sub(r"\b(\d+\s+)(?:(sr|senior|jr|junior)\.?\s+)?eng(?:ineer)?s?\b",  # "2 sr eng": people
                  lambda m: f"{m.group(1)}{_SENIORITY.get((m.group(2) or '').lower(), '')}"
                            f"engineer{'' if m.group(1).strip() == '1' else 's'}", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(\d+)(\s*|-)mos?\b(?!/)", lambda m: f"{m.group(1)}{m.group(2) or ' '}month"  # "6 mo"
                  f"{'s' if m.group(2) != '-' and m.group(1) != '1' else ''}", text)
    return _TOKEN.sub(repl, text)


_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d]")


def without_emoji(text: str, *, sentence_break: bool = False) -> str:
    """The text without emoji ("🤔", "👍"): a draft says what they meant in words or not at all.
    With `sentence_break`, an emoji between two words ends a sentence, as it does in chat ("the
    best we got 🙂 would love to…")."""
    if sentence_break:
        text = re.sub(rf"(?<=\w)\s*(?:{_EMOJI.pattern})+\s+(?=\w)", ". ", text)
    return re.sub(r"[ \t]{2,}", " ", _EMOJI.sub("", text)).strip()


def canonical_ja(text: str) -> str:
    """Japanese notes: full-width kana (NFKC), no emoji, canonical terms and plain colloquialisms
    fixed, a change between two amounts written out (「2日→30分」→「2日から30分」)."""
    text = without_emoji(unicodedata.normalize("NFKC", text))
    text = re.sub(r"(\d[\d.,]*\s*[^\d\s→]{0,3}?)\s*(?:→|->)\s*(?=\d)", r"\1から", text)
    for key, value in _terms()["ja"].items():
        text = re.sub(re.escape(key), value, text, flags=re.IGNORECASE)
    return text


def expansions(text: str) -> set[str]:
    """The canonical spellings of the terms a text contains ("k8s" → {"Kubernetes"}), so a check
    comparing a draft with the notes accepts what the understanding step wrote."""
    t = _terms()
    out = set()
    for m in _TOKEN.finditer(text):
        key = m.group(0).casefold()
        for table in (t["canonical"], t["ambiguous"], t["ja"]):
            if key in table:
                out.add(table[key])
    return out
