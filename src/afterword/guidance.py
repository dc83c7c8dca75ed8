"""The guidance in plain words: each rule's what, why and source articles (data: guidance.toml).

One data source for every reader — the TUI explains any issue from it, and checks or prompts
can take a rule's wording from it. No Textual or Rich here.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

DEFAULT_WHY = "afterword flags this so you can decide before you send."
_RULE_ID = re.compile(r"^([TCA]\d+|JA)\b")
_CITED = re.compile(r"GUIDANCE ([TCA]\d+)")


@dataclass(frozen=True)
class Article:
    """A source article, by its own (Japanese) title and an English rendering."""

    key: str
    title: str
    english: str


@dataclass(frozen=True)
class Rule:
    """One rule of the guidance (`C5`, `T3`, …)."""

    id: str
    name: str
    what: str
    why: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Explanation:
    """Why an issue was raised, in plain words; `rule` is None for afterword's own checks."""

    check: str
    what: str
    why: str
    rule: Rule | None

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.rule.articles if self.rule else ()


@cache
def _data() -> dict[str, Any]:
    text = resources.files("afterword").joinpath("guidance.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def rules() -> dict[str, Rule]:
    """Every rule by id."""
    data = _data()
    articles = {key: Article(key, a["title"], a["english"]) for key, a in data["articles"].items()}
    return {
        rid: Rule(rid, r["name"], r["what"], r["why"], tuple(articles[k] for k in r.get("articles", ())))
        for rid, r in data["rules"].items()
    }


def rule(rule_id: str) -> Rule | None:
    """One rule by id (`C5`), or None."""
    return rules().get(rule_id)


def explained(check: str, source: str = "guidance") -> bool:
    """The data explains this check id: an entry of its own, a rule id as its name, or a rule for
    its whole source (any grammar or spelling rule → C8)."""
    data = _data()
    return check in data["checks"] or _RULE_ID.match(check) is not None or source in data["sources"]


def explain(check: str, source: str = "guidance", message: str = "") -> Explanation:
    """What an issue asks and why, for any issue: by its check id, the rule its id or message
    cites, or its source (grammar and spelling → C8); otherwise a plain reading of the message."""
    data = _data()
    entry: dict[str, Any] = data["checks"].get(check, {})
    rid = entry.get("rule")
    if rid is None and not entry.get("own"):
        m = _RULE_ID.match(check) or _CITED.search(message)
        rid = m.group(1) if m else data["sources"].get(source, {}).get("rule")
    found = rule(rid) if rid else None
    what = entry.get("what") or (found.what if found else message or check)
    why = entry.get("why") or (found.why if found else DEFAULT_WHY)
    return Explanation(check, what, why, found)
