"""The offline grammar checkers' time on a 250-word e-mail, beside plain Harper on the same text.

- warm: the checker built and used once, then the median of N checks; the anchor is
  `harper.Linter().lint(text)` with Harper's defaults — what our filtering and rules add to it;
- cold: a fresh process importing the checker, building it and checking once (what `afterword
  check` pays before its first answer, interpreter start excluded); the anchor is the same for
  plain Harper (import, `Linter()`, one lint).
Accuracy is bench/accuracy.py's (held-out sets).

Run on its own (`PYTHONPATH=src python bench/grammar_bench.py`) it prints how the English
checker scales on long unspaced input: our text passes (link/address mask, tokenizer, rules) and
the whole warm check on 20,000 and 80,000 characters side by side — a ratio near 4 is linear
time (issue 11: "every regex linear-time on long input").
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

import harper
from _timing import EMAIL_EN, EMAIL_JA, Row, bench_env, median_ms, run_process, samples_ms

from afterword.checks.grammar import offline_checker
from afterword.checks.grammar.offline_en import native_output_silenced
from afterword.checks.grammar.rules_en import rule_issues
from afterword.checks.grammar.tokens_en import NOT_PROSE, tokenize

_COLD = """
import json, time
t = time.perf_counter()
{setup}
text = open({path!r}, encoding="utf-8").read()
{check}
print(json.dumps((time.perf_counter() - t) * 1000))
"""
OURS = ("from afterword.checks.grammar import offline_checker", 'offline_checker("en").check(text, "en")')
PLAIN = ("import harper", 'harper.Linter().lint(text, language="plaintext")')


def cold_ms(which: tuple[str, str], runs: int) -> list[float]:
    """Import + set-up + first check in `runs` fresh processes, in ms."""
    code = _COLD.format(setup=which[0], check=which[1], path=str(EMAIL_EN))
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            proc = run_process([sys.executable, "-c", code], bench_env(Path(tmp)))
            if proc.code:
                raise RuntimeError(f"cold check failed: {proc.err[-500:]}")
            times.append(json.loads(proc.out.strip().splitlines()[-1]))
    return times


def measure(quick: bool) -> list[Row]:
    n, runs = (10, 2) if quick else (50, 5)
    en_text, ja_text = EMAIL_EN.read_text("utf-8"), EMAIL_JA.read_text("utf-8")
    en, ja, linter = offline_checker("en"), offline_checker("ja"), harper.Linter()
    en.warm()
    ja.warm()
    with native_output_silenced(passthrough=False):
        linter.lint(en_text, language="plaintext")
        plain = statistics.median(samples_ms(lambda: linter.lint(en_text, language="plaintext"), n))
    ours = statistics.median(samples_ms(lambda: en.check(en_text, "en"), n))
    ja_ms = statistics.median(samples_ms(lambda: ja.check(ja_text, "ja"), n))
    ours_cold, plain_cold = [], []
    for _ in range(runs):  # alternate: a busy spell hits both
        ours_cold += cold_ms(OURS, 1)
        plain_cold += cold_ms(PLAIN, 1)
    words = len(en_text.split())
    return [
        Row(
            "harper_raw_ms_p50",
            plain,
            "ms",
            f"warm, median of {n}: harper.Linter() defaults, {words}-word e-mail",
            anchor="the anchor",
        ),
        Row(
            "grammar_offline_ms_p50",
            ours,
            "ms",
            "warm, same text: our offline English checker",
            100.0,
            anchor=f"{ours / plain:.1f}× plain Harper",
        ),
        Row(
            "grammar_offline_cold_ms",
            statistics.median(ours_cold),
            "ms",
            f"fresh process: import + build + first check, median of {runs}",
            anchor=f"plain Harper cold {statistics.median(plain_cold):.0f} ms",
        ),
        Row(
            "harper_raw_cold_ms",
            statistics.median(plain_cold),
            "ms",
            "fresh process: import harper + Linter() + one lint",
            anchor="the anchor of the cold start",
        ),
        Row(
            "grammar_ja_ms_p50",
            ja_ms,
            "ms",
            f"warm, median of {n}: offline Japanese checker, {len(ja_text)}-character e-mail",
            100.0,
        ),
    ]


_LONG_INPUTS = {
    "Japanese, unspaced": "日本語のテキストです。",
    "one word": "a",
    "dots and ats": "a.b@",
    "hyphens": "x-",
}


def scaling() -> None:
    print("long unspaced input, ms at 20k and 80k characters (×4 input: ratio ≈ 4 is linear)")
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


if __name__ == "__main__":
    scaling()
