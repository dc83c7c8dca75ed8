"""Grammar and typo checks (the `grammar` and `spelling` issue sources).

LanguageTool when it can run — a server at a configured URL, the public API only on explicit
opt-in, or a local server when Java is present and LanguageTool is downloaded (or the user
consented to the download) — else the offline checker for the language. `start_warmup` starts
the slow parts in background threads so a check never waits for the JVM.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol

from afterword.checks.grammar.tokens_en import words
from afterword.config import CheckSettings
from afterword.models import Issue, Notes, topic_text

__all__ = [
    "GrammarChecker",
    "OfflineChecker",
    "Warmup",
    "make_checker",
    "offline_checker",
    "start_warmup",
    "vocabulary_from_notes",
]


class GrammarChecker(Protocol):
    """Finds grammar and spelling issues; `name` says which checker ran the last check.

    `role` says who writes (`candidate` or `recruiter`): whose company 弊社/貴社 may name.
    """

    name: str

    def check(
        self, text: str, language: str, vocabulary: Collection[str] = (), *, role: str = "candidate"
    ) -> list[Issue]: ...


class OfflineChecker(GrammarChecker, Protocol):
    """A checker that needs no server; `warm()` loads its dictionaries ahead of the first check."""

    def warm(self) -> None: ...


_SPLIT = re.compile(r"[^\w'’.+#-]+")
# Small words that must never hide a grammar finding ("to", "their", "than"…).
_STOP = words(
    "a an the and or but of to in on at by for from with into over under about as is are was were "
    "be been it its it's their there they them this that these those than then too your you're "
    "our we i my me he she his her who which what when where how not no yes so if"
)


def vocabulary_from_notes(notes: Notes) -> set[str]:
    """Every name and term in the notes, whole and word by word (so a name is never a typo)."""
    terms: list[str | None] = [
        notes.sender.name, notes.sender.title, notes.company.name, notes.company.department,
        notes.position, notes.decision_timeline,
        *(item.text for item in notes.company.news),
        *map(topic_text, notes.topics_discussed),
    ]  # fmt: skip
    for person in notes.interviewers:
        terms += [person.name, person.title, *map(topic_text, person.topics)]
    for skill in notes.skills_not_mentioned:
        terms += [skill.skill, skill.evidence, skill.result]
    if notes.candidate is not None:
        terms.append(notes.candidate.name)
    if notes.feedback is not None:
        terms += [*notes.feedback.positive, *notes.feedback.more]
    if notes.next_step is not None:
        terms += [notes.next_step.who, *notes.next_step.prepare]
    if notes.outcome is not None:
        terms.append(notes.outcome.kind_words)
    vocab: set[str] = set()
    for term in filter(None, terms):
        vocab.add(term.strip())
        for word in _SPLIT.split(term):
            word = word.strip(".'’-")
            if word and word.casefold() not in _STOP:
                vocab.add(word)
                vocab.add(word.removesuffix("'s").removesuffix("’s"))
    return vocab


def offline_checker(language: str) -> OfflineChecker:
    """The offline checker for `language` (Harper + rules for English, janome + rules for ja)."""
    if language == "ja":
        from afterword.checks.grammar.offline_ja import OfflineJaChecker

        return OfflineJaChecker()
    from afterword.checks.grammar.offline_en import OfflineEnChecker

    return OfflineEnChecker()


def make_checker(settings: CheckSettings, language: str, *, allow_download: bool = False) -> GrammarChecker:
    """LanguageTool when it can run (see the module docstring), else the offline checker.

    Never downloads LanguageTool unless `allow_download` or `settings.languagetool_download_ok`.
    """
    fallback = offline_checker(language)
    mode = settings.languagetool
    if mode == "off":
        return fallback
    from afterword.checks.grammar.languagetool import PUBLIC_URL, LanguageToolChecker, local_server

    supplement = fallback if language == "ja" else None
    if settings.languagetool_url and mode in ("local", "remote"):
        return LanguageToolChecker("remote", fallback, url=settings.languagetool_url, supplement=supplement)
    if mode == "public":
        return LanguageToolChecker("public", fallback, url=PUBLIC_URL, supplement=supplement)
    if mode == "local":
        server = local_server(allow_download or settings.languagetool_download_ok)
        if server is not None:
            return LanguageToolChecker("local", fallback, server=server, supplement=supplement)
    return fallback


@dataclass(frozen=True)
class Warmup:
    """What `start_warmup` started: the offline checker's load and, if it can run, local LT."""

    threads: tuple[threading.Thread, ...]
    languagetool: bool  # a local LanguageTool server is starting

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for every warm-up thread (up to `timeout` seconds in all); True when done."""
        deadline = None if timeout is None else time.monotonic() + timeout
        for thread in self.threads:
            thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
        return self.done

    @property
    def done(self) -> bool:
        return not any(t.is_alive() for t in self.threads)


def start_warmup(settings: CheckSettings, language: str) -> Warmup:
    """Load the offline checker and, when allowed, start local LanguageTool — both in daemon
    threads. A checker from `make_checker` later reuses the running server."""
    offline = offline_checker(language)
    load = threading.Thread(target=offline.warm, name=f"grammar-warmup-{language}", daemon=True)
    load.start()
    threads = [load]
    local = settings.languagetool == "local" and not settings.languagetool_url
    if local:
        from afterword.checks.grammar.languagetool import local_server

        server = local_server(settings.languagetool_download_ok)
        if server is not None:
            threads.append(server.thread)
            return Warmup(tuple(threads), languagetool=True)
    return Warmup(tuple(threads), languagetool=False)
