"""Offline grammar checkers: recall and false alarms against plain Harper, and warm check time.

(1) On tests/data/grammar_en_labelled.jsonl: our offline English checker (Harper filtered for
    e-mail + our rules) side by side with Harper's default lints on the same sentences — recall
    per error category, and the false-alarm rate on the correct sentences.
(2) Warm check time of a 250-word draft (en) and its Japanese counterpart: median of N runs
    (target ≤ 100 ms).
(3) Long unspaced input through the English checker: our text passes (link/address mask,
    tokenizer, rules) and the whole warm check on 20,000 and 80,000 characters side by side — a
    ratio near 4 is linear time (issue 11: "every regex linear-time on long input").

Run: PYTHONPATH=src python bench/grammar_bench.py [N]
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import harper
from _timing import median_ms

from afterword.checks.grammar import offline_checker
from afterword.checks.grammar.rules_en import rule_issues
from afterword.checks.grammar.tokens_en import NOT_PROSE, tokenize
from afterword.models import Issue

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "data" / "grammar_en_labelled.jsonl"
DRAFTS = ROOT / "tests" / "data" / "drafts"
Span = tuple[int, int, str]  # start, end, severity


def harper_plain() -> Callable[[str, list[str]], list[Span]]:
    linter = harper.Linter()

    def run(text: str, vocabulary: list[str]) -> list[Span]:
        return [(x.span.start, x.span.end, "error") for x in linter.lint(text, language="plaintext")]

    return run


def ours() -> Callable[[str, list[str]], list[Span]]:
    checker = offline_checker("en")

    def run(text: str, vocabulary: list[str]) -> list[Span]:
        found: list[Issue] = checker.check(text, "en", vocabulary)
        return [(i.offset, i.offset + max(i.length, 1), i.severity) for i in found]

    return run


def score(run: Callable[[str, list[str]], list[Span]], rows: list[dict]) -> dict[str, list[int]]:
    """category → [found, total, 0]; 'correct' → [with an error or warning, total, with an error]."""
    result: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in rows:
        spans = run(row["text"], row.get("vocabulary", []))
        tally = result[row["category"]]
        tally[1] += 1
        if row["category"] == "correct":
            tally[0] += any(sev != "info" for _, _, sev in spans)
            tally[2] += any(sev == "error" for _, _, sev in spans)
            continue
        m = re.search(r"(?<!\w)" + re.escape(row["error"]) + r"(?!\w)", row["text"])
        assert m is not None, row
        tally[0] += any(a < m.end() and m.start() < b for a, b, _ in spans)
    return result


def accuracy() -> None:
    rows = [json.loads(line) for line in LABELLED.read_text("utf-8").splitlines() if line.strip()]
    plain, mine = score(harper_plain(), rows), score(ours(), rows)
    print(f"(1) labelled English sentences: {len(rows)} ({plain['correct'][1]} correct)")
    print(f"    {'category':<16}{'n':>4}   {'Harper defaults':>15}   {'ours (offline-en)':>17}")
    found_p = found_o = total = 0
    for cat in sorted(c for c in mine if c != "correct"):
        (fp, n, _), (fo, _, _) = plain[cat], mine[cat]
        found_p, found_o, total = found_p + fp, found_o + fo, total + n
        print(f"    {cat:<16}{n:>4}   {fp / n:>15.0%}   {fo / n:>17.0%}")
    print(f"    {'recall (all)':<16}{total:>4}   {found_p / total:>15.0%}   {found_o / total:>17.0%}")
    (ap, nc, _), (ao, _, eo) = plain["correct"], mine["correct"]
    print(f"    {'false alarms':<16}{nc:>4}   {ap / nc:>15.1%}   {ao / nc:>17.1%}"
          "   (correct sentences with any error or warning)")  # fmt: skip
    print(f"    {'  as errors':<16}{nc:>4}   {ap / nc:>15.1%}   {eo / nc:>17.1%}"
          "   (Harper has no severities: every lint counts)")  # fmt: skip


def speed(n: int) -> None:
    print(f"(2) warm check time, median of {n} runs")
    en_body = (DRAFTS / "en_thank_you_250.txt").read_text("utf-8").split("\n\n", 1)[1]
    ja_body = (DRAFTS / "ja_thank_you_250.txt").read_text("utf-8").split("\n\n", 1)[1]
    en, ja, linter = offline_checker("en"), offline_checker("ja"), harper.Linter()
    for warm in (en, ja):
        warm.warm()
    linter.lint(en_body, language="plaintext")
    t_harper = median_ms(lambda: linter.lint(en_body, language="plaintext"), n)
    t_en = median_ms(lambda: en.check(en_body, "en"), n)
    t_ja = median_ms(lambda: ja.check(ja_body, "ja"), n)
    words = len(en_body.split())
    verdict = {True: "ok", False: "MISSED"}
    print(f"    en {words} words: plain Harper {t_harper:6.1f} ms | offline-en {t_en:6.1f} ms "
          f"({t_en / t_harper:.2f}× Harper; target ≤ 100 ms: {verdict[t_en <= 100]})")  # fmt: skip
    print(f"    ja {len(ja_body)} chars: offline-ja {t_ja:6.1f} ms "
          f"(target ≤ 100 ms: {verdict[t_ja <= 100]})")  # fmt: skip


_LONG_INPUTS = {
    "Japanese, unspaced": "日本語のテキストです。",
    "one word": "a",
    "dots and ats": "a.b@",
    "hyphens": "x-",
}


def scaling() -> None:
    print("(3) long unspaced input, ms at 20k and 80k characters (×4 input: ratio ≈ 4 is linear)")
    en = offline_checker("en")
    en.warm()
    for name, unit in _LONG_INPUTS.items():
        short, long = (unit * (n // len(unit)) for n in (20_000, 80_000))
        rows = []
        for label, run in (
            ("mask", lambda t: list(NOT_PROSE.finditer(t))),
            ("tokenize", tokenize),
            ("rules", rule_issues),
            ("check", lambda t: en.check(t, "en")),
        ):
            a = median_ms(lambda run=run, text=short: run(text), 3)  # type: ignore[misc]
            b = median_ms(lambda run=run, text=long: run(text), 3)  # type: ignore[misc]
            rows.append(f"{label} {a:.0f}→{b:.0f} (×{b / max(a, 0.1):.1f})")
        print(f"    {name:<20} " + " | ".join(rows))


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    accuracy()
    speed(n)
    scaling()


if __name__ == "__main__":
    main()
