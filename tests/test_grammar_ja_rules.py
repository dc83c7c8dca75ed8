"""Every Japanese rule's own examples (LanguageTool-style, in its data file) and the shape of
its regexes: wrong sentences are flagged at the marked span with the fix, corrected sentences
and known false-alarm cases draw nothing, and no regex can take more than linear time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from afterword.checks.grammar import keigo_ja, offline_checker, patterns_ja, style_ja
from afterword.checks.grammar.common_ja import rule_data, sentences

CHECKER = offline_checker("ja")
DATA = files("afterword.checks").joinpath("data")
FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith("_ja.toml"))
ENTRIES = [(name, e) for name in FILES for kind in ("rule", "set_phrase", "examples")
           for e in rule_data(name).get(kind, [])]  # fmt: skip


_MARK = re.compile(r"\[([^\[\]>]+)(?:>([^\[\]]*))?\]")


@dataclass(frozen=True, slots=True)
class Example:
    """A rule example: the plain text, and for a wrong one the marked span and the expected fix."""

    text: str
    span: tuple[int, int] | None = None
    fix: str | None = None
    role: str = "candidate"
    medium: str | None = None


def parse_example(raw: str | dict[str, Any], role: str = "candidate", medium: str | None = None) -> Example:
    """`'…[wrong>fix]…'` (or a table with `text`, `role`, `medium`) → an `Example`."""
    if isinstance(raw, dict):
        role, medium, raw = raw.get("role", role), raw.get("medium", medium), raw["text"]
    assert isinstance(raw, str)
    m = _MARK.search(raw)
    if m is None:
        return Example(raw, role=role, medium=medium)
    text = raw[: m.start()] + m.group(1) + raw[m.end() :]
    return Example(text, (m.start(), m.start() + len(m.group(1))), m.group(2), role, medium)


def _ctx(entry: dict[str, Any]) -> dict[str, Any]:
    return {"role": entry.get("role", "candidate"), "medium": entry.get("medium")}


@pytest.mark.parametrize(("name", "entry"), ENTRIES, ids=[e["id"] for _, e in ENTRIES])
def test_rule_examples(name: str, entry: dict[str, Any]) -> None:
    assert entry["wrong"], "every rule shows what it flags"
    for raw in entry["wrong"]:
        ex = parse_example(raw, **_ctx(entry))
        assert ex.span is not None, raw
        issues = CHECKER.check(ex.text, "ja", role=ex.role, medium=ex.medium)
        hits = [i for i in issues if i.rule == entry["id"] and (i.offset, i.offset + i.length) == ex.span]
        assert hits, (ex.text, [(i.rule, ex.text[i.offset : i.offset + i.length]) for i in issues])
        if ex.fix is not None:
            assert ex.fix in hits[0].replacements, (ex.text, hits[0].replacements)
    for raw in [*entry.get("right", ()), *entry.get("ok", ())]:
        ex = parse_example(raw, **_ctx(entry))
        issues = CHECKER.check(ex.text, "ja", role=ex.role, medium=ex.medium)
        assert [(i.rule, i.message) for i in issues if i.severity != "info" or i.rule == entry["id"]] == []


def test_rule_ids_are_unique() -> None:
    ids = [e["id"] for _, e in ENTRIES]
    assert len(ids) == len(set(ids))


def _unbounded(tree: Any) -> list[str]:
    """Repeats in a parsed regex that are neither bounded nor possessive."""
    bad = []
    for op, arg in tree:
        if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT):
            if arg[1] == _parser.MAXREPEAT:
                bad.append(str(op))
            bad += _unbounded(arg[2])
        elif op in (_parser.SUBPATTERN, _parser.ATOMIC_GROUP, _parser.POSSESSIVE_REPEAT):
            bad += _unbounded(arg[-1])
        elif op == _parser.BRANCH:
            for branch in arg[1]:
                bad += _unbounded(branch)
        elif op in (_parser.ASSERT, _parser.ASSERT_NOT):
            bad += _unbounded(arg[1])
    return bad


def _all_patterns() -> list[re.Pattern[str]]:
    found = [p for name in FILES for r in patterns_ja.rules(name) for p in (r.pattern, *r.unless)]
    found += [v for mod in (keigo_ja, style_ja) for v in vars(mod).values() if isinstance(v, re.Pattern)]
    found += list(keigo_ja._own_action()[:2])
    found.append(sentences.__globals__["_SENTENCE"])
    return found


@pytest.mark.parametrize("pattern", _all_patterns(), ids=lambda p: p.pattern[:40])
def test_every_regex_runs_in_linear_time(pattern: re.Pattern[str]) -> None:
    """Bounded or possessive repetition only: no backtracking over a long input."""
    assert _unbounded(_parser.parse(pattern.pattern)) == []
