"""The offline backend: a deterministic composer that writes a complete, guidance-compliant
follow-up from the understood facts alone — no model, no network, same input → same output.

`compose_facts` fits facts into the wording of `prompts/<lang>/composer.toml`; `compose` runs
the understanding step first (for callers holding notes); `OfflineBackend` streams the text
through the Backend protocol from the facts in the request.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator

from afterword.backends.base import Request, Stats
from afterword.backends.offline import en, en_recruiter, ja, ja_recruiter
from afterword.backends.offline.phone import call_en, call_ja
from afterword.errors import InputError
from afterword.models import SCENARIOS, TONES, Interviewer, Notes, Person
from afterword.understand import Facts, understand

Composer = Callable[[Facts, str], tuple[str, str]]
_EMAIL: dict[str, dict[str, Composer]] = {
    "en": {**en.COMPOSERS, **en_recruiter.COMPOSERS},
    "ja": {**ja.COMPOSERS, **ja_recruiter.COMPOSERS},
}
_WORD = re.compile(r"[A-Za-z0-9][\w'’%-]*|[\u3040-\u30ff\u3400-\u9fff]")

__all__ = ["OfflineBackend", "compose", "compose_facts", "word_count"]


def compose_facts(facts: Facts, scenario: str, tone: str, channel: str = "email") -> tuple[str, str]:
    """(subject, body) of the follow-up the facts describe."""
    if scenario not in SCENARIOS:
        raise InputError(f"unknown scenario {scenario!r}", f"choose one of: {', '.join(SCENARIOS)}")
    if tone not in TONES:
        raise InputError(f"unknown tone {tone!r}", f"choose one of: {', '.join(TONES)}")
    if channel == "phone":
        return (call_ja if facts.language == "ja" else call_en)(facts, scenario, tone)
    return _EMAIL[facts.language][scenario](facts, tone)


def compose(
    notes: Notes,
    scenario: str,
    tone: str,
    channel: str = "email",
    recipient: Person | Interviewer | None = None,
) -> tuple[str, str]:
    """(subject, body) of the follow-up for `recipient` (default: the first one)."""
    return compose_facts(understand(notes, recipient), scenario, tone, channel)


def word_count(text: str) -> int:
    """Words in English; in Japanese each kana or kanji counts as one (no spaces to split on)."""
    return len(_WORD.findall(text))


class OfflineBackend:
    """Backend protocol over `compose_facts`: streams `Subject: …`, a blank line, then the body.
    It reads `request.facts` (the understanding of the notes), never a prompt."""

    name = "offline"
    composes = True
    """The pipeline hands this backend facts instead of building a prompt."""

    def model_name(self) -> str | None:
        return None

    def stream(self, request: Request, stats: Stats) -> Iterator[str]:
        if request.facts is None:
            raise InputError("the offline composer needs the understood facts of the notes")
        start = time.perf_counter()
        subject, body = compose_facts(request.facts, request.scenario, request.tone, request.channel)
        text = f"Subject: {subject}\n\n{body}"
        stats.extra["words"] = float(word_count(body))
        for i, line in enumerate(text.splitlines(keepends=True)):
            if i == 0:
                stats.first_chunk_s = time.perf_counter() - start
            yield line
        stats.total_s = time.perf_counter() - start
