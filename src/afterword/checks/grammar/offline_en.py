"""Offline English checker: Harper's lints (filtered for e-mail) plus our own rules.

Spelling is judged before it is reported: a word the notes, the user dictionary or the lexicon
know is no error; a word spelled right in another English dialect, or that is probably a name
(capitalised, accented, mixed case, digits) or an abbreviation (no vowels: "dbt") gets at most
one `info` per distinct word. Harper never sees an over-long token, and nothing it prints
reaches the terminal.
"""

from __future__ import annotations

import atexit
import os
import re
import sys
import threading
from collections.abc import Collection, Iterator
from contextlib import contextmanager, suppress
from typing import ClassVar

import harper

from afterword.checks.grammar import lexicon_en
from afterword.checks.grammar.rules_en import rule_issues
from afterword.checks.grammar.tokens_en import HARPER_MASK, mask_long_tokens
from afterword.dictionary import user_words
from afterword.models import Issue, Severity

NAME = "offline-en (harper + rules)"
DIALECTS = {
    "en-US": harper.Dialect.AMERICAN,
    "en-GB": harper.Dialect.BRITISH,
    "en-CA": harper.Dialect.CANADIAN,
    "en-AU": harper.Dialect.AUSTRALIAN,
}

# Harper lint kinds (`Lint.lint_kind`): what they become, or None for noise in an e-mail. Only the
# kinds that proved precise on e-mail and README prose are errors; the rest are warnings.
_KINDS: dict[str, tuple[str, Severity] | None] = {
    "Spelling": ("spelling", "error"),
    "Typo": ("spelling", "error"),
    "Agreement": ("grammar", "error"),
    "Grammar": ("grammar", "error"),
    "Repetition": ("grammar", "error"),
    "Eggcorn": ("grammar", "error"),
    "Malapropism": ("grammar", "error"),
    "WordChoice": ("grammar", "warning"),
    "Punctuation": ("grammar", "warning"),
    "Miscellaneous": ("grammar", "warning"),
    "BoundaryError": ("grammar", "warning"),
    "Usage": ("grammar", "warning"),
    "Nonstandard": ("grammar", "warning"),
    "Capitalization": ("grammar", "warning"),
    "Redundancy": ("grammar", "warning"),
    "Style": ("grammar", "info"),
    "Readability": ("grammar", "info"),
    "Enhancement": None,  # suggestions such as "use a more vivid word"
    "Formatting": None,  # en dashes in phone numbers and date ranges, ellipses
    "Regionalism": None,  # en-US vs en-GB spellings are both fine
}
# Harper rules that misfire on e-mail text, or that our own rules do with more context.
_NOISY_RULES = frozenset(
    {
        "AnA",  # rules_en decides a/an by sound ("an FAQ", "an MSc")
        "RepeatedWords",  # rules_en knows "had had", "that that"
        "ThereToTheir",  # "Are there customers who…" is correct; confusables_en checks context
        "SplitWords",  # "runbooks" → "run books" (but see _alone: "pipline" is a typo)
        "ExpandTimeShorthands",  # "120 ms" → "120 milliseconds"
        "ExpandMinimum",  # "45 min" is minutes, not "minimum"
        "PronounVerbAgreement",  # rules_en knows "Phase I has", "does he have"
        "RedundantThat",  # "I know that that decision…" is correct
        "YourPredicateAdjective",  # "for your kind words" → "you're"; confusables_en checks context
        "DisjointPrefixes",  # "re-contact", "pre-defined" are fine
        "MissingPreposition",  # misfires on "…them. It is plain text"
        "ModalBeAdjective",  # misfires on "which will later enable us"
        "CompoundNouns",  # "a type form" → "typeform"
        "WereWhere",  # "Where you could grow further:" → "Were"; confusables_en checks context
        "OxfordComma",  # a style choice, and it misfires on "freelance or part-time"
        "AWhile",  # "it took a while" is right
        "OrthographicConsistency",  # "Who's" at a sentence start → "who's"
        "WhomSubjectOfVerb",  # "one of whom will lead" is right
        "AvoidAndAlso",  # "…and also to remind you" is fine
        # style advice, or misfires on correct README/docs prose (measured on 8,000 sentences)
        "DiscourseMarkers",  # "Instead we met on Friday": a comma is optional
        "CondenseAllThe",  # "All of the feedback was…" is right
        "Overall",  # "over all rules"
        "PhrasalVerbAsCompoundNoun",  # "the pytest-timeout plugin"
        "WrongNegative",  # "printable representation of deque"
        "ExpandMemoryShorthands",  # "16 MiB"
        "ViceVersa",
        "Codebase",  # "code base" is fine
        "CompaniesProductsAndTrademarks",  # "a stack overflow error"
        "FindOut",
        "RedundantProgressiveComparative",
        "VerbToAdjective",  # "at the very beginning of"
        "HyphenateNumberDay",  # "expires 1 day in the future"
        "InflectedVerbAfterTo",  # "adjustments to generated classes"; rules_en knows "to discussed"
        "ToTwoToo",  # misfires on "from the graph to upper bounds"; confusables_en checks context
        "LetsConfusion",  # "will let pass"
    }
)
_NOISY_PROBLEMS = {"roadmap"}  # WordChoice: "road map"
_VOWELS = frozenset("aeiouy")
CHUNK = 4000  # characters per Harper call

_WARM_TEXT = "Thank you for you're time; I recieve the the notes and its great."


_DEBUG_LINE = re.compile(rb"[a-z_]+: -[^\n]*-\n")  # harper-py's "gerund_form: -hearing- -- verb: -hear-"
_closing = False  # set at exit: no more redirections once the interpreter is shutting down


def _drain(fd: int, into: list[bytes]) -> None:
    while chunk := os.read(fd, 65536):
        into.append(chunk)


@contextmanager
def native_output_silenced(passthrough: bool = True) -> Iterator[None]:
    """While native code runs, file descriptors 1 and 2 point at pipes: harper-py's debug lines
    (`gerund_form: …`) are dropped, and whatever another thread wrote meanwhile is passed on
    when the call returns (nothing at all with `passthrough=False`). Callers of the checker's
    native calls hold OfflineEnChecker._lock."""
    for stream in (sys.stdout, sys.stderr):
        with suppress(AttributeError, ValueError, OSError):
            stream.flush()
    saved: list[tuple[int, int, int, list[bytes], threading.Thread]] = []
    try:
        if _closing:
            raise OSError("shutting down")
        for fd in (1, 2):
            copy = os.dup(fd)
            read, write = os.pipe()
            os.dup2(write, fd)
            os.close(write)
            chunks: list[bytes] = []
            reader = threading.Thread(target=_drain, args=(read, chunks), daemon=True)
            reader.start()
            saved.append((fd, copy, read, chunks, reader))
    except OSError:
        pass  # no such descriptor (a windowless process) or exiting: nothing to guard
    try:
        yield
    finally:
        for fd, copy, read, chunks, reader in saved:
            os.dup2(copy, fd)  # closes the pipe's last write end: the reader sees its end
            os.close(copy)
            reader.join(timeout=2)
            os.close(read)
            rest = _DEBUG_LINE.sub(b"", b"".join(chunks)) if passthrough else b""
            while rest:
                rest = rest[os.write(fd, rest) :]


def _close_guard() -> None:
    """At exit, wait for a native call in flight, then stop redirecting output."""
    global _closing
    with OfflineEnChecker._lock:
        _closing = True


class OfflineEnChecker:
    """Harper + rules_en. One Harper linter per dialect and process, shared behind a lock."""

    name = NAME
    _linters: ClassVar[dict[str, harper.Linter]] = {}
    _elsewhere: ClassVar[dict[tuple[str, str], str | None]] = {}
    _alone: ClassVar[dict[tuple[str, str], list[str] | None]] = {}
    _lock = threading.Lock()

    def __init__(self, dialect: str = "en-US") -> None:
        if dialect not in DIALECTS:
            raise ValueError(f"unknown English dialect {dialect!r}; use one of {', '.join(DIALECTS)}")
        self.dialect = dialect

    @classmethod
    def _harper(cls, dialect: str) -> harper.Linter:
        """The linter for `dialect`; callers hold the lock."""
        if dialect not in cls._linters:
            cls._linters[dialect] = harper.Linter(DIALECTS[dialect])
        return cls._linters[dialect]

    def warm(self) -> None:
        """Build Harper's dictionaries and the lexicon and run one check, so checks are fast."""
        with self._lock:
            for dialect in DIALECTS:
                self._harper(dialect)
        lexicon_en.warm()
        self.check(_WARM_TEXT, "en")

    def _lint(self, text: str) -> Iterator[tuple[str, harper.Lint, int]]:
        """(rule, lint, offset of its chunk) for `text`, linted in chunks of at most CHUNK
        characters cut at white space (Harper slows down on one endless sentence)."""
        prose = mask_long_tokens(text)  # same length: offsets hold
        start = 0
        while start < len(prose):
            end = len(prose)
            if end - start > CHUNK:  # cut at the last line break or space, at worst mid-way
                cut = max(prose.rfind("\n", start, start + CHUNK), prose.rfind(" ", start, start + CHUNK))
                end = max(cut, start + CHUNK // 2)
            with self._lock:
                linter = self._harper(self.dialect)
                with native_output_silenced():
                    by_rule = linter.organized_lints(
                        prose[start:end], language="plaintext", regex_mask=HARPER_MASK
                    )
            for rule, lints in by_rule.items():
                for lint in lints:
                    yield rule, lint, start
            start = end

    def spelled_elsewhere(self, word: str) -> str | None:
        """The other dialect in which Harper accepts `word` ("colour" → "en-GB"), else None."""
        key = (self.dialect, word)
        with self._lock:
            if key not in self._elsewhere:
                self._elsewhere[key] = None
                for dialect in DIALECTS:
                    if dialect == self.dialect:
                        continue
                    with native_output_silenced():
                        lints = self._harper(dialect).lint(word, language="plaintext")
                    if not any(x.lint_kind in ("Spelling", "Typo") for x in lints):
                        self._elsewhere[key] = dialect
                        break
            return self._elsewhere[key]

    def spelling_alone(self, word: str) -> list[str] | None:
        """Harper's spelling suggestions for `word` on its own, None when it spells it right
        (in context Harper may offer to split a typo: "claims pipline" → "pip line")."""
        with self._lock:
            if (self.dialect, word) not in self._alone:
                with native_output_silenced():
                    lints = self._harper(self.dialect).lint(word, language="plaintext")
                spelling = [x for x in lints if x.lint_kind == "Spelling"]
                self._alone[self.dialect, word] = (
                    [s.replacement_text for x in spelling for s in x.suggestions][:5] if spelling else None
                )
            return self._alone[self.dialect, word]

    def harper_issues(self, text: str, vocabulary: Collection[str] = ()) -> list[Issue]:
        """Harper's lints as Issues: noise dropped, spelling judged (see the module docstring)."""
        vocab = {v.casefold() for v in vocabulary}
        found: list[Issue] = []
        told: set[str] = set()  # words already given their one info
        for rule, lint, shift in self._lint(text):
            alone = self.spelling_alone(lint.problem_text) if rule == "SplitWords" else None
            if rule in _NOISY_RULES and alone is None:
                continue
            mapped = _KINDS.get(lint.lint_kind, ("grammar", "warning"))
            word = lint.problem_text
            if mapped is None or word.casefold() in _NOISY_PROBLEMS:
                continue
            source, severity = mapped
            start, end = shift + lint.span.start, shift + lint.span.end  # code points == str indices
            fixes = alone if alone is not None else [s.replacement_text for s in lint.suggestions][:5]
            message = lint.message
            if lint.lint_kind in ("Spelling", "Typo", "Capitalization") and in_vocabulary(word, vocab):
                continue
            if lint.lint_kind == "Capitalization" and word.istitle() and fixes == [word.upper()]:
                continue  # "Sam" → "SAM": a name, not an acronym
            if lint.lint_kind in ("Spelling", "Typo") or rule == "SplitWords":
                judged = self._judge(text, start, word, fixes)
                if judged is None or (judged[0] == "info" and word.casefold() in told):
                    continue
                severity, message = judged
                if severity == "info":
                    told.add(word.casefold())
            found.append(
                Issue(
                    source=source,  # type: ignore[arg-type]
                    rule=f"HARPER_{rule}",
                    message=message,
                    offset=start,
                    length=end - start,
                    replacements=fixes,
                    severity=severity,
                )
            )
        return found

    def _judge(self, text: str, start: int, word: str, fixes: list[str]) -> tuple[Severity, str] | None:
        """How sure a word outside Harper's dictionary is a misspelling: None when it is a word."""
        bare = word.removesuffix("'s").removesuffix("’s")
        if lexicon_en.known(bare):
            return None
        if likely_name(bare) or _name_particle(text, start, word):
            return "info", (
                f"“{word}” is not in the dictionary: probably a name. If it is, check it against "
                "the notes; add it to your dictionary to stop this note."
            )
        if not set(bare.lower()) & _VOWELS:
            return "info", f"“{word}” is not in the dictionary: probably an abbreviation or a term."
        other = self.spelled_elsewhere(bare)
        if other is not None:
            return "info", f"“{word}” is the {other} spelling; fine if that is the English you write."
        hint = f": did you mean “{fixes[0]}”?" if fixes else "."
        return "error", f"“{word}” looks misspelled{hint}"

    def check(
        self, text: str, language: str = "en", vocabulary: Collection[str] = (), *, role: str = "candidate",
        medium: str = "written",
    ) -> list[Issue]:
        """Our rules first; a Harper lint is kept only where no rule already reported. Words
        of `vocabulary` (names and terms from the notes) and of the user dictionary are known."""
        vocab = {v.casefold() for v in vocabulary} | user_words()
        ours = rule_issues(text, vocab)
        return merge(ours, self.harper_issues(text, vocab))

    def misspellings(self, text: str, vocabulary: Collection[str] = ()) -> list[Issue]:
        """Only the certain misspellings in `text` (errors), with suggestions: for notes."""
        return [
            i for i in self.check(text, "en", vocabulary) if i.source == "spelling" and i.severity == "error"
        ]


def in_vocabulary(word: str, vocab: Collection[str]) -> bool:
    """True when every part of `word` (possessive dropped) is in `vocab` (case-folded)."""
    parts = [p for p in word.replace("’", "'").split() if p]
    return bool(parts) and all(
        p.casefold() in vocab or p.casefold().removesuffix("'s") in vocab for p in parts
    )


def likely_name(word: str) -> bool:
    """A word that is probably a name, product or code: letters beyond ASCII ("Zsófia"), two
    capitals ("gRPC", "McKinsey"), digits ("k8s"), or a capital ("Thandiwe", "Brynjar")."""
    if not word.isascii() or any(c.isdigit() for c in word):
        return True
    return sum(c.isupper() for c in word) >= 2 or word[:1].isupper()


_PARTICLE = re.compile(r"[A-ZÀ-Þ][\w'’-]*\s+$")


def _name_particle(text: str, start: int, word: str) -> bool:
    """A short lower-case word between two capitalised ones ("Politecnico di Milano", "da Silva")
    or joined to a capitalised one by a hyphen ("al-Hassan", "el-Sayed")."""
    after = text[start + len(word) : start + len(word) + 2]
    if not (len(word) <= 4 and word.islower() and after[1:2].isupper()):
        return False
    return after[:1] == "-" or (after[:1] == " " and bool(_PARTICLE.search(text, max(0, start - 40), start)))


def merge(first: list[Issue], second: list[Issue]) -> list[Issue]:
    """`first` plus those of `second` that overlap none of `first`, sorted by offset."""
    kept = list(first)
    for extra in second:
        a, b = extra.offset, extra.offset + max(extra.length, 1)
        if not any(a < i.offset + max(i.length, 1) and i.offset < b for i in first):
            kept.append(extra)
    return sorted(kept, key=lambda i: (i.offset, i.length))


atexit.register(_close_guard)
