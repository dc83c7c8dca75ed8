"""LanguageTool through `language_tool_python` (pinned 3.4.0): a server the user runs, the public
API (explicit opt-in only), or a local server started in a background thread.

Nothing here downloads LanguageTool unless the caller passes consent; when LanguageTool cannot
answer, the checker falls back to the offline one and its `name` says so.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
import time
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from afterword.checks.grammar.offline_en import merge
from afterword.dictionary import user_words
from afterword.models import Issue, Severity

if TYPE_CHECKING:
    from language_tool_python import LanguageTool
    from language_tool_python.match import Match

    from afterword.checks.grammar import GrammarChecker

LANG_TAGS = {"en": "en-US", "ja": "ja-JP"}
PUBLIC_URL = "https://languagetool.org/api/"  # what LanguageToolPublicAPI uses
RETRY_AFTER = 60.0  # seconds on the offline checker after LanguageTool failed
_STYLE_CATEGORIES = {"STYLE", "TYPOGRAPHY", "REDUNDANCY", "PLAIN_ENGLISH", "REPETITIONS_STYLE",
                     "WIKIPEDIA", "GENDER_NEUTRALITY"}  # fmt: skip
_STYLE_TYPES = {"style", "typographical", "whitespace", "register", "locale-violation"}
# language_tool_python (with requests) is imported only where a client is made (≈ 90 ms), so a
# machine without Java or LanguageTool never pays for it.


def _errors(*extra: type[BaseException]) -> tuple[type[BaseException], ...]:
    """Errors a server (or a missing one) produces: its own, HTTP/IO, a bad body, an unknown
    language (and `extra`)."""
    from language_tool_python.exceptions import LanguageToolError

    return (LanguageToolError, OSError, ValueError, KeyError, TypeError, *extra)


def _default_version() -> str:
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION

    return str(LTP_DOWNLOAD_VERSION)


@lru_cache(maxsize=1)
def _client_class() -> type[LanguageTool]:
    from language_tool_python import LanguageTool

    class Client(LanguageTool):
        """language_tool_python's client with a 15 s timeout (its own waits 300 s)."""

        _TIMEOUT = 15  # type: ignore[assignment]

    return Client


class Unavailable(Exception):
    """LanguageTool cannot answer right now (still starting, or failed to start)."""


def language_tag(language: str) -> str:
    """`en` → `en-US`, `ja` → `ja-JP`; a full tag is kept."""
    return LANG_TAGS.get(language, language)


def java_available() -> bool:
    return shutil.which("java") is not None


def installed_version() -> str | None:
    """The newest LanguageTool already on disk, or None (looks only; never downloads)."""
    if os.environ.get("LTP_JAR_DIR_PATH"):
        return _default_version()
    folder = Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")
    if not folder.is_dir():
        return None
    from language_tool_python.download_lt import LocalLanguageTool

    latest = LocalLanguageTool.get_latest_installed_version()
    return latest.version_name if latest else None


def _reason(exc: BaseException) -> str:
    text = str(exc)
    for pattern, short in (("refused", "connection refused"), ("timed out", "timed out"),
                           ("Name or service", "unknown host"), ("unsupported language", "language "
                           "not supported")):  # fmt: skip
        if pattern in text:
            return short
    status = re.search(r"\b([45]\d\d)\b", text)
    if status:
        return f"HTTP {status.group(1)}"
    return "server error" if isinstance(exc, _errors()[0]) else exc.__class__.__name__


class LocalServer:
    """One LanguageTool JVM for the process, started in a daemon thread so no check waits."""

    def __init__(self, version: str | None) -> None:
        self.version = version  # None: the library's default version (download consented)
        self.error: str | None = None
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._clients: dict[str, LanguageTool] = {}
        self._base = ""
        self.thread = threading.Thread(target=self._start, name="languagetool-start", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _start(self) -> None:
        try:
            version = self.version or _default_version()
            tool = _client_class()("en-US", language_tool_download_version=version)
            self._base = f"http://{tool.host}:{tool.port}/"
            self._clients["en-US"] = tool
        except _errors(RuntimeError) as exc:
            self.error = _reason(exc)
        finally:
            self._done.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the server is up (True) or failed/timed out (False)."""
        self._done.wait(timeout)
        return self.ready

    @property
    def ready(self) -> bool:
        return self._done.is_set() and self.error is None

    @property
    def failed(self) -> bool:
        return self._done.is_set() and self.error is not None

    def client(self, tag: str) -> LanguageTool:
        """A client for `tag` on the running server; raises Unavailable until it runs."""
        if not self._done.is_set():
            raise Unavailable("still starting")
        if self.error is not None:
            raise Unavailable(self.error)
        with self._lock:
            if tag not in self._clients:
                self._clients[tag] = _client_class()(tag, remote_server=self._base)
            return self._clients[tag]


_server: LocalServer | None = None
_server_lock = threading.Lock()


def local_server(download_ok: bool) -> LocalServer | None:
    """The process's local server (started on first call), or None when it cannot run:
    no Java, or LanguageTool not downloaded and no consent to download it."""
    global _server
    with _server_lock:
        if _server is not None and not _server.failed:
            return _server
        if not java_available():
            return None
        version = installed_version()
        if version is None and not download_ok:
            return None
        _server = LocalServer(version)
        _server.start()
        return _server


def _spelling(match: Match) -> bool:
    return match.category == "TYPOS" or match.rule_issue_type == "misspelling"


def _known(word: str, vocab: set[str], spelling: bool) -> bool:
    """A vocabulary word: any spelling match on it, a grammar match only on a name-like term."""
    if word.casefold() in vocab and (spelling or word != word.lower() or " " in word):
        return True
    parts = word.split()
    return spelling and bool(parts) and all(p.casefold() in vocab for p in parts)


def issues_from_matches(matches: list[Match], text: str, vocabulary: Collection[str] = ()) -> list[Issue]:
    """LanguageTool matches as Issues; matches on vocabulary words (the notes' names and terms,
    the user dictionary) are dropped."""
    vocab = {v.casefold() for v in vocabulary}
    issues = []
    for m in matches:
        word = text[m.offset : m.offset + m.error_length]
        spelling = _spelling(m)
        if _known(word, vocab, spelling):
            continue
        style = m.category in _STYLE_CATEGORIES or m.rule_issue_type in _STYLE_TYPES
        severity: Severity = "warning" if style and not spelling else "error"
        issues.append(
            Issue(
                source="spelling" if spelling else "grammar",
                rule=m.rule_id,
                message=m.message,
                offset=m.offset,
                length=m.error_length,
                replacements=list(m.replacements[:5]),
                severity=severity,
            )
        )
    return issues


class LanguageToolChecker:
    """Checks with LanguageTool; on failure the offline checker runs and `name` says so."""

    def __init__(
        self,
        mode: str,
        fallback: GrammarChecker,
        *,
        url: str | None = None,
        server: LocalServer | None = None,
        supplement: GrammarChecker | None = None,
    ) -> None:
        self.mode = mode
        self.label = f"languagetool-{mode}" + (f" + {supplement.name}" if supplement else "")
        self.name = self.label
        self.fallback = fallback
        self.supplement = supplement  # Japanese: LanguageTool has few ja rules; ours run too
        self._url = url
        self._server = server
        self._clients: dict[str, LanguageTool] = {}
        self._failed_at: float | None = None
        self._lock = threading.Lock()

    def _client(self, tag: str) -> LanguageTool:
        if self._server is not None:
            return self._server.client(tag)
        with self._lock:
            if tag not in self._clients:
                self._clients[tag] = _client_class()(tag, remote_server=self._url)
            return self._clients[tag]

    def _offline(
        self, text: str, language: str, vocabulary: Collection[str], why: str, role: str
    ) -> list[Issue]:
        self.name = f"{self.fallback.name} (languagetool-{self.mode} {why})"
        return self.fallback.check(text, language, vocabulary, role=role)

    def check(
        self, text: str, language: str, vocabulary: Collection[str] = (), *, role: str = "candidate",
        medium: str = "written",
    ) -> list[Issue]:
        if self._failed_at is not None and time.monotonic() - self._failed_at < RETRY_AFTER:
            return self._offline(text, language, vocabulary, "unavailable", role)
        try:
            matches = self._client(language_tag(language)).check(text)
        except Unavailable as exc:
            return self._offline(text, language, vocabulary, str(exc), role)
        except _errors() as exc:
            self._failed_at = time.monotonic()
            return self._offline(text, language, vocabulary, f"failed: {_reason(exc)}", role)
        self._failed_at = None
        self.name = self.label
        issues = issues_from_matches(matches, text, {*vocabulary, *user_words()})
        if self.supplement is not None:
            issues = merge(issues, self.supplement.check(text, language, vocabulary, role=role))
        return sorted(issues, key=lambda i: (i.offset, i.length))
