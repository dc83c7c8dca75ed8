"""Every rule of the negative-news guard carries its own examples (data/news_<lang>.json); run them."""

from __future__ import annotations

import re
from typing import Any

import pytest

from afterword.checks.news import LANGUAGES, news_verdict, rule_data


def _cases(section: str) -> list[tuple[str, dict[str, Any]]]:
    return [(lang, rule) for lang in LANGUAGES for rule in rule_data(lang)[section]]


def _id(case: tuple[str, dict[str, Any]]) -> str:
    return f"{case[0]}:{case[1]['id']}"


@pytest.mark.parametrize("case", _cases("trouble"), ids=_id)
def test_trouble_rule_examples(case: tuple[str, dict[str, Any]]) -> None:
    lang, rule = case
    assert rule["wrong"], "each trouble rule shows at least one item it flags"
    for text in rule["wrong"]:
        verdict = news_verdict(text, lang)  # type: ignore[arg-type]
        assert (verdict.tone, verdict.rule) == ("negative", rule["id"]), (text, verdict)
    for text in rule["right"] + rule["false_alarm"]:
        verdict = news_verdict(text, lang)  # type: ignore[arg-type]
        assert verdict.tone != "negative", (text, verdict)


@pytest.mark.parametrize("case", _cases("clear"), ids=_id)
def test_clear_rule_examples(case: tuple[str, dict[str, Any]]) -> None:
    """A clear rule takes back the trouble in its `right` examples, and only there."""
    lang, rule = case
    assert rule["right"], "each clear rule shows at least one item it clears"
    for text in rule["right"]:
        verdict = news_verdict(text, lang)  # type: ignore[arg-type]
        assert verdict.tone != "negative", (text, verdict)
        assert verdict.rule == rule["id"], (text, verdict)
    for text in rule["wrong"]:
        assert news_verdict(text, lang).tone == "negative", text  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_other_parties_examples(lang: str) -> None:
    """A rival's or the whole industry's trouble is not the company's; the company's own still is."""
    others = rule_data(lang)["others"]  # type: ignore[arg-type]
    for text in others["right"]:
        assert news_verdict(text, lang).tone != "negative", text  # type: ignore[arg-type]
    for text in others["wrong"]:
        assert news_verdict(text, lang).tone == "negative", text  # type: ignore[arg-type]


def _patterns(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [p for v in value for p in _patterns(v)]
    if isinstance(value, dict):
        return [p for k, v in value.items() if k not in ("wrong", "right", "false_alarm", "_comment", "id",
                                                          "reason", "group", "scope", "masks", "tone")
                for p in _patterns(v)]
    return []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_repeat_is_bounded(lang: str) -> None:
    """No `+`, `*` or `{n,}` in the rule files: each match looks at a bounded window (issue 11.6)."""
    for pattern in _patterns(rule_data(lang)):  # type: ignore[arg-type]
        bare = re.sub(r"\\.|\[(?:\\.|[^\]])*\]", "", pattern)  # drop escapes and character classes
        assert not re.search(r"[+*]|\{\d*,\}", bare), pattern
