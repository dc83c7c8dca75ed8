"""Pattern rules from data files: a regex for the wrong words in their context, a fix, a message.

One entry in a `*_ja.toml` file is one rule (`[[rule]]`):

- `pattern`: a regex (bounded repetition only, so it runs in linear time); the named group `x`
  (or, in alternatives, the first of `x2`, `x3`… that matched) is the flagged span, else the
  whole match. Context goes in the pattern around it.
- `fix` / `fixes`: replacement templates for the span (`\\g<name>` refers to groups); `fix` may
  be a table keyed by what the group `e` matched (a conjugated ending: す → する, し → し).
- `message`: `{x}` is the flagged text, `{fix}` the first replacement.
- `unless`: regexes for known false alarms; a match overlapping the span silences the rule.
- `role` / `medium`: the rule applies only to that writer / medium. With `medium` set and the
  medium unknown, the rule reports with `unknown_medium` severity (or not at all when absent).
- `severity` (`error` when certainly wrong, else `warning`/`info`) and `source`.

`[[set_phrase]]` entries are particle rules: `nouns` + a wrong particle + `verbs`, where the set
phrase takes `particle` (ご連絡をお待ち, ご期待に沿う).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from afterword.checks.grammar.common_ja import Context, Spans, issue, rule_data, severity
from afterword.models import Issue, Severity

_PARTICLES = "をにがでへと"  # は and も mark a topic: 「ご連絡は、お待ちしております」 is fine


@dataclass(frozen=True, slots=True)
class PatternRule:
    id: str
    pattern: re.Pattern[str]
    fixes: tuple[str, ...]
    message: str
    severity: Severity
    source: str = "grammar"
    role: str | None = None
    medium: str | None = None
    unknown_medium: Severity | None = None
    unless: tuple[re.Pattern[str], ...] = ()
    fix_by_ending: dict[str, str] | None = None

    def replacements(self, m: re.Match[str]) -> list[str]:
        """The fixes for a match, expanded."""
        if self.fix_by_ending is not None:
            return [m.expand(self.fix_by_ending[m.group("e") or ""])]
        return [m.expand(f) for f in self.fixes]

    def span(self, m: re.Match[str]) -> tuple[int, int]:
        """The flagged span of a match: the first `x…` group that took part, else the match."""
        for name in self.pattern.groupindex:
            if name.startswith("x") and m.start(name) >= 0:
                return m.span(name)
        return m.span()

    def severity_for(self, ctx: Context) -> Severity | None:
        """The severity this rule reports with for `ctx`, or None when it does not apply."""
        if self.role is not None and ctx.role != self.role:
            return None
        if self.medium is None or ctx.medium == self.medium:
            return self.severity
        return self.unknown_medium if ctx.medium is None else None


def _rule(entry: dict[str, Any]) -> PatternRule:
    fix = entry.get("fix")
    fixes = entry.get("fixes", [fix] if isinstance(fix, str) else [])
    unknown = entry.get("unknown_medium")
    return PatternRule(
        id=entry["id"],
        pattern=re.compile(entry["pattern"]),
        fixes=tuple(fixes),
        message=entry["message"],
        severity=severity(entry.get("severity", "error")),
        source=entry.get("source", "grammar"),
        role=entry.get("role"),
        medium=entry.get("medium"),
        unknown_medium=None if unknown is None else severity(unknown),
        unless=tuple(re.compile(u) for u in entry.get("unless", ())),
        fix_by_ending=fix if isinstance(fix, dict) else None,
    )


def _set_phrase(entry: dict[str, Any]) -> PatternRule:
    right = entry["particle"]
    wrong = entry.get("wrong_particles", _PARTICLES.replace(right, ""))
    after = f"(?={entry['after']})" if "after" in entry else ""
    pattern = f"(?P<n>{'|'.join(entry['nouns'])})(?P<p>[{wrong}])(?P<v>{'|'.join(entry['verbs'])}){after}"
    message = entry.get("message", f"決まった言い方では「{{fix}}」です（助詞は「{right}」）。")
    return _rule({**entry, "pattern": pattern, "fix": rf"\g<n>{right}\g<v>", "message": message})


@cache
def rules(name: str) -> tuple[PatternRule, ...]:
    """The pattern rules of the data file `checks/data/{name}`."""
    data = rule_data(name)
    return tuple(map(_rule, data.get("rule", ()))) + tuple(map(_set_phrase, data.get("set_phrase", ())))


def find(name: str, text: str, ctx: Context) -> Iterator[Issue]:
    """Issues of every pattern rule in `checks/data/{name}` on `text`."""
    for rule in rules(name):
        level = rule.severity_for(ctx)
        if level is None:
            continue
        quiet: Spans | None = None
        for m in rule.pattern.finditer(text):
            start, end = rule.span(m)
            if rule.unless:
                if quiet is None:
                    quiet = Spans(u.span() for p in rule.unless for u in p.finditer(text))
                if quiet.overlaps(start, end):
                    continue
            fixes = rule.replacements(m)
            message = rule.message.replace("{x}", text[start:end]).replace("{fix}", fixes[0] if fixes else "")
            yield issue(rule.id, message, start, end, fixes, level, rule.source)
