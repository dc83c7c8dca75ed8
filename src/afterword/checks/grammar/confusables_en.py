"""Confusable English words (its/it's, then/than, weather/whether, …), decided by the words
around them: the rules, with their examples and known false alarms, are data
(`checks/data/confusables_en.toml`); this is the one check that runs them."""

from __future__ import annotations

from collections.abc import Iterator

from afterword.checks.grammar.patterns_en import rule_set
from afterword.checks.grammar.tokens_en import Tok
from afterword.models import Issue

FILE = "confusables_en.toml"


def confusable_issues(toks: list[Tok], text: str) -> Iterator[Issue]:
    """Issues for confusable words used in the wrong place."""
    return rule_set(FILE).issues(toks, text)


def word_class(name: str) -> frozenset[str]:
    """A word class of the rule data (`classes_en.toml`), e.g. YOUR_NOUNS."""
    return rule_set(FILE).classes[name]
