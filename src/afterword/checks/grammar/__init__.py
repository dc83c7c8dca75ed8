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
    "notes_spelling_issues",
    "offline_checker",
    "start_native_build",
    "start_warmup",
    "vocabulary_from_notes",
]


class GrammarChecker(Protocol):
    """Finds grammar and spelling issues; `name` says which checker ran the last check.

    `role` says who writes (`candidate` or `recruiter`): whose company 弊社/貴社 may name.
    `medium` says how the text reaches the reader: `written` (e-mail) or `spoken` (a call
    script: 御社, not 貴社); a checker with no rule that depends on it ignores it.
    """

    name: str

    def check(
        self, text: str, language: str, vocabulary: Collection[str] = (), *, role: str = "candidate",
        medium: str = "written",
    ) -> list[Issue]: ...


class OfflineChecker(GrammarChecker, Protocol):
    """A checker that needs no server; `warm()` loads its dictionaries ahead of the first check."""

    def warm(self) -> None: ...


_SPLIT = re.compile(r"[^\w'’.+#&-]+")
# Small words that must never hide a grammar finding ("to", "their", "than"…).
_STOP = words(
    "a an the and or but of to in on at by for from with into over under about as is are was were "
    "be been it its it's their there they them this that these those than then too your you're "
    "our we i my me he she his her who which what when where how not no yes so if"
)
_SENTENCE_END = frozenset(".!?:;")


def _name_fields(notes: Notes) -> list[str | None]:
    """Fields that hold names and titles: every word of them is a known word."""
    terms: list[str | None] = [
        notes.sender.name, notes.sender.title, notes.company.name, notes.company.department,
        notes.position,
    ]  # fmt: skip
    terms += [v for p in notes.interviewers for v in (p.name, p.title, p.greet_as)]
    if notes.candidate is not None:
        terms += [notes.candidate.name, notes.candidate.greet_as]
    if notes.next_step is not None:
        terms.append(notes.next_step.who)
    return terms


def free_text_fields(notes: Notes) -> list[tuple[str, str]]:
    """(field path, text) of the notes' free text: topics, skills, news, timeline, feedback…"""
    out: list[tuple[str, str | None]] = [
        (f"company.news[{i}].text", n.text) for i, n in enumerate(notes.company.news)
    ]
    out += [(f"topics_discussed[{i}]", topic_text(t)) for i, t in enumerate(notes.topics_discussed)]
    for i, person in enumerate(notes.interviewers):
        out += [(f"interviewers[{i}].topics[{j}]", topic_text(t)) for j, t in enumerate(person.topics)]
    for i, skill in enumerate(notes.skills_not_mentioned):
        out += [
            (f"skills_not_mentioned[{i}].{k}", getattr(skill, k)) for k in ("skill", "evidence", "result")
        ]
    out.append(("decision_timeline", notes.decision_timeline))
    if notes.feedback is not None:
        out += [(f"feedback.positive[{i}]", t) for i, t in enumerate(notes.feedback.positive)]
        out += [(f"feedback.more[{i}]", t) for i, t in enumerate(notes.feedback.more)]
    if notes.next_step is not None:
        out += [(f"next_step.prepare[{i}]", t) for i, t in enumerate(notes.next_step.prepare)]
    if notes.outcome is not None:
        out.append(("outcome.kind_words", notes.outcome.kind_words))
    return [(path, text) for path, text in out if text]


def _looks_like_term(word: str, first: bool) -> bool:
    """A word of free text that names something: a capital not at the start of a sentence
    ("Snowflake"), an inner capital or digit ("gRPC", "k8s"), a letter beyond ASCII, a symbol,
    or no vowel at all ("dbt", "npm": a typo keeps its vowels)."""
    if any(c.isdigit() for c in word) or not word.isascii() or any(c in "+#&." for c in word):
        return True
    if word.isalpha() and not set(word.lower()) & set("aeiouy"):
        return True
    return any(c.isupper() for c in word[1:]) or (word[:1].isupper() and not first)


def vocabulary_from_notes(notes: Notes) -> set[str]:
    """Names and terms from the notes, whole and word by word (so a name is never a typo).

    Name fields (people, titles, company, department, position) give every word; free text
    (topics, skills, news, timeline, feedback) gives only the words that look like names or
    terms, so a typo typed there ("recieved") is still a typo in the draft.
    """
    vocab: set[str] = set()
    for term in filter(None, _name_fields(notes)):
        vocab.add(term.strip())
        for word in _SPLIT.split(term):
            _add(vocab, word)
    for _, text in free_text_fields(notes):
        first = True
        for word in _SPLIT.split(text):
            clean = word.strip(".'’-,")
            if clean and _looks_like_term(clean, first):
                _add(vocab, clean)
            first = bool(word) and word[-1] in _SENTENCE_END
    return vocab


def _add(vocab: set[str], word: str) -> None:
    word = word.strip(".'’-")
    if word and word.casefold() not in _STOP:
        vocab.add(word)
        vocab.add(word.removesuffix("'s").removesuffix("’s"))


def notes_spelling_issues(notes: Notes) -> list[Issue]:
    """Misspelled words in the notes' free text (English notes), one warning per word with its
    field path and suggestions. Names, terms, other dialects' spellings and the user dictionary
    are never reported."""
    if notes.language != "en":
        return []
    from afterword.checks.grammar.offline_en import OfflineEnChecker

    checker = OfflineEnChecker()
    known = vocabulary_from_notes(notes)
    issues: list[Issue] = []
    seen: set[str] = set()
    for path, text in free_text_fields(notes):
        for found in checker.misspellings(text, known):
            word = text[found.offset : found.offset + found.length]
            if word.casefold() in seen:
                continue
            seen.add(word.casefold())
            hint = f" — did you mean “{found.replacements[0]}”?" if found.replacements else ""
            issues.append(found.model_copy(update={
                "field": path, "severity": "warning", "message": f"“{word}” looks misspelled{hint}",
            }))  # fmt: skip
    return issues


def offline_checker(language: str, dialect: str = "en-US") -> OfflineChecker:
    """The offline checker for `language` (Harper + rules for English in `dialect`, janome +
    rules for ja)."""
    if language == "ja":
        from afterword.checks.grammar.offline_ja import OfflineJaChecker

        return OfflineJaChecker()
    from afterword.checks.grammar.offline_en import OfflineEnChecker

    return OfflineEnChecker(dialect)


def make_checker(settings: CheckSettings, language: str, *, allow_download: bool = False) -> GrammarChecker:
    """LanguageTool when it can run (see the module docstring), else the offline checker.

    Never downloads LanguageTool unless `allow_download` or `settings.languagetool_download_ok`.
    """
    fallback = offline_checker(language, settings.dialect)
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


def _build_harper(dialect: str) -> None:
    from afterword.checks.grammar.offline_en import DIALECTS, OfflineEnChecker

    with OfflineEnChecker._lock:  # the checker's own lazy build, done ahead: `dialect` first
        for each in (dialect, *DIALECTS):
            OfflineEnChecker._harper(each)


def start_native_build(language: str, dialect: str = "en-US") -> threading.Thread | None:
    """For English, build Harper's linters in a daemon thread and return it (None for other
    languages). Harper builds in native code without the interpreter lock, so a command that
    starts this first imports, parses and composes meanwhile; the first check waits on the
    checker's lock. Only the native part: Python-level loading in a thread would only compete
    with the main thread for the lock."""
    if language != "en":
        return None
    thread = threading.Thread(target=_build_harper, args=(dialect,), name="harper-build", daemon=True)
    thread.start()
    return thread


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
    offline = offline_checker(language, settings.dialect)
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
