"""Spelling from the notes: canonical tech terms, shorthand written out, family-name lists.

The word lists live in `data/` (`terms.toml`, `family_names.txt`) so they grow without code."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache
from importlib.resources import files

_TOKEN = re.compile(r"(?<![\w/+.-])([\w][\w.+/'’-]*[\w+]|[\w]|\+|w/o?)(?![\w/+-])")


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
def family_names() -> dict[str, str]:
    """Folded family name → its section (`east-asian`, `vietnamese`, `hungarian`)."""
    out: dict[str, str] = {}
    section = ""
    for line in _data("family_names.txt").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        out.update((fold(w), section) for w in line.split())
    return out


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
    text = re.sub(r"\b(\d+\s+)(?:(sr|senior|jr|junior)\.?\s+)?eng(?:ineer)?s?\b",  # "2 sr eng": people
                  lambda m: f"{m.group(1)}{_SENIORITY.get((m.group(2) or '').lower(), '')}engineers", text,
                  flags=re.IGNORECASE)
    return _TOKEN.sub(repl, text)


def canonical_ja(text: str) -> str:
    """Japanese notes: full-width kana (NFKC), canonical terms and plain colloquialisms fixed."""
    text = unicodedata.normalize("NFKC", text)
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
