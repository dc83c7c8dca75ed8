"""Offline English checker: Harper's lints (filtered for e-mail) plus our own rules."""

from __future__ import annotations

import threading
from collections.abc import Collection

import harper

from afterword.checks.grammar.rules_en import rule_issues
from afterword.checks.grammar.tokens_en import NOT_PROSE
from afterword.models import Issue, Severity

NAME = "offline-en (harper + rules)"

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
        "SplitWords",  # "runbooks" → "run books"
        "ExpandTimeShorthands",  # "120 ms" → "120 milliseconds"
        "PronounVerbAgreement",  # rules_en knows "Phase I has", "does he have"
        "RedundantThat",  # "I know that that decision…" is correct
        "YourPredicateAdjective",  # "for your kind words" → "you're"; confusables_en checks context
        "DisjointPrefixes",  # "re-contact", "pre-defined" are fine
        "MissingPreposition",  # misfires on "…them. It is plain text"
        "ModalBeAdjective",  # misfires on "which will later enable us"
        "CompoundNouns",  # "a type form" → "typeform"
    }
)
_NOISY_PROBLEMS = {"roadmap"}  # WordChoice: "road map"

_WARM_TEXT = "Thank you for you're time; I recieve the the notes and its great."


class OfflineEnChecker:
    """Harper + rules_en. One Harper linter per process, shared behind a lock."""

    name = NAME
    _linter: harper.Linter | None = None
    _lock = threading.Lock()

    @classmethod
    def _harper(cls) -> harper.Linter:
        with cls._lock:
            if cls._linter is None:
                cls._linter = harper.Linter(harper.Dialect.AMERICAN)
            return cls._linter

    def warm(self) -> None:
        """Build Harper's dictionary and run one check, so the first real check is fast."""
        self.check(_WARM_TEXT, "en")

    def harper_issues(self, text: str, vocabulary: Collection[str] = ()) -> list[Issue]:
        """Harper's lints as Issues, noise and vocabulary words removed."""
        linter = self._harper()
        with self._lock:
            by_rule = linter.organized_lints(text, language="plaintext", regex_mask=NOT_PROSE.pattern)
        vocab = {v.casefold() for v in vocabulary}
        found = []
        for rule, lint in ((r, x) for r, lints in by_rule.items() for x in lints):
            if rule in _NOISY_RULES:
                continue
            mapped = _KINDS.get(lint.lint_kind, ("grammar", "warning"))
            word = lint.problem_text
            if mapped is None or word.casefold() in _NOISY_PROBLEMS:
                continue
            source, severity = mapped
            start, end = lint.span.start, lint.span.end  # code points == str indices
            fixes = [s.replacement_text for s in lint.suggestions][:5]
            message = lint.message
            if lint.lint_kind in ("Spelling", "Typo", "Capitalization"):
                capitals = sum(ch.isupper() for ch in word)
                if _in_vocabulary(word, vocab) or capitals >= 2 or any(c.isdigit() for c in word):
                    continue  # a name from the notes, an acronym (MSc, iOS) or a code (p95)
                if lint.lint_kind == "Capitalization" and word.istitle() and fixes == [word.upper()]:
                    continue  # "Sam" → "SAM": a name, not an acronym
                if lint.lint_kind == "Spelling" and _looks_like_name(text, start, word):
                    severity = "warning"
                    message = (
                        f"“{word}” is not in the dictionary or the notes. If it is a name, "
                        "check it against the notes; otherwise fix the spelling."
                    )
                elif lint.lint_kind == "Spelling" and fixes:
                    message = f"“{word}” looks misspelled: did you mean “{fixes[0]}”?"
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

    def check(
        self, text: str, language: str = "en", vocabulary: Collection[str] = (), *, role: str = "candidate"
    ) -> list[Issue]:
        """Our rules first; a Harper lint is kept only where no rule already reported."""
        vocab = {v.casefold() for v in vocabulary}
        ours = rule_issues(text, vocab)
        return merge(ours, self.harper_issues(text, vocab))


def _in_vocabulary(word: str, vocab: set[str]) -> bool:
    parts = [p for p in word.replace("’", "'").split() if p]
    return bool(parts) and all(
        p.casefold() in vocab or p.casefold().removesuffix("'s") in vocab for p in parts
    )


def _looks_like_name(text: str, start: int, word: str) -> bool:
    """A capitalised word in the middle of a sentence (likely a person, place or product)."""
    if not word[:1].isupper():
        return False
    before = text[:start].rstrip(" \t\"“'(")
    return bool(before) and before[-1] not in ".!?:\n"


def merge(first: list[Issue], second: list[Issue]) -> list[Issue]:
    """`first` plus those of `second` that overlap none of `first`, sorted by offset."""
    kept = list(first)
    for extra in second:
        a, b = extra.offset, extra.offset + max(extra.length, 1)
        if not any(a < i.offset + max(i.length, 1) and i.offset < b for i in first):
            kept.append(extra)
    return sorted(kept, key=lambda i: (i.offset, i.length))
