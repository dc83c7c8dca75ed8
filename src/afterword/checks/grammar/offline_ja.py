"""Offline Japanese checker: janome morphemes plus rules for what business e-mail gets wrong.

The rules live in modules of their own, each with a data file of examples in `checks/data/`:
同音異義 in context (`homophones_ja.toml`), set phrases — particles, 重複表現, wrong set
phrases (`phrases_ja.toml`), 敬語 by whose action it is and 弊社/貴社/御社 by role
(`keigo_ja`), verb forms — ら抜き, い抜き, さ入れ (`forms_ja`), register and width (`style_ja`).
Correct polite e-mail produces no issues.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Collection

from janome.tokenizer import Token, Tokenizer

from afterword.checks.grammar import forms_ja, keigo_ja, patterns_ja, style_ja
from afterword.checks.grammar.common_ja import Context, JTok, Spans
from afterword.models import Issue

NAME = "offline-ja (janome + rules)"
_RANK = {"error": 0, "warning": 1, "info": 2}


def _one_per_span(found: list[Issue]) -> list[Issue]:
    """Overlapping issues → the most severe (then the first found: the more specific rule)."""
    kept: list[Issue] = []
    cluster: list[Issue] = []
    reach = -1
    for i in sorted(found, key=lambda i: i.offset):  # stable: the order found breaks ties
        if cluster and i.offset >= reach:
            kept += _pick(cluster)
            cluster = []
        cluster.append(i)
        reach = max(reach, i.offset + max(i.length, 1))
    return kept + _pick(cluster)


def _pick(cluster: list[Issue]) -> list[Issue]:
    kept: list[Issue] = []
    for i in sorted(cluster, key=lambda i: _RANK[i.severity]):
        end = i.offset + max(i.length, 1)
        if not any(k.offset < end and i.offset < k.offset + max(k.length, 1) for k in kept):
            kept.append(i)
    return kept


class OfflineJaChecker:
    """janome + rules. One tokenizer per process (loading its dictionary takes a moment)."""

    name = NAME
    _tokenizer: Tokenizer | None = None
    _lock = threading.Lock()

    def tokens(self, text: str) -> list[JTok]:
        """janome morphemes with their offsets in `text`."""
        with self._lock:
            if OfflineJaChecker._tokenizer is None:
                OfflineJaChecker._tokenizer = Tokenizer()
            raw = [t for t in OfflineJaChecker._tokenizer.tokenize(text) if isinstance(t, Token)]
        out, pos = [], 0
        for t in raw:
            start = text.find(t.surface, pos) if text[pos : pos + len(t.surface)] != t.surface else pos
            pos = start + len(t.surface)
            fields = str(t.part_of_speech).split(",")
            infl_type, infl_form, base = str(t.infl_type), str(t.infl_form), str(t.base_form)
            out.append(JTok(t.surface, fields[0], fields[1], infl_type, infl_form, base, start))
        return out

    def warm(self) -> None:
        """Load the dictionary and the rule files, and run one check."""
        self.check("お世話になっております。資料を拝見しました。", "ja")

    def check(
        self,
        text: str,
        language: str = "ja",
        vocabulary: Collection[str] = (),
        *,
        role: str = "candidate",
        medium: str | None = None,
    ) -> list[Issue]:
        """Issues in `text`. `role` is who writes (candidate/recruiter); `medium` is `written`,
        `spoken` (a phone script) or None when unknown (御社 is then only an `info`)."""
        ctx = Context(role, medium)
        toks = self.tokens(text)
        found = [
            *keigo_ja.check(text, ctx),
            *patterns_ja.find("homophones_ja.toml", text, ctx),
            *patterns_ja.find("phrases_ja.toml", text, ctx),
            *forms_ja.check(toks),
            *style_ja.check(text, toks),
        ]
        names = Spans(m.span() for v in vocabulary if len(v) > 1 for m in re.finditer(re.escape(v), text))
        found = [i for i in found if not names.covers(i.offset, i.offset + i.length)]  # a name is no error
        return sorted(_one_per_span(found), key=lambda i: (i.offset, i.length))
