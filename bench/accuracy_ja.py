"""Japanese grammar accuracy of the offline checker: recall per kind, false alarms, ms per row.

Scores `bench/data/heldout/grammar_ja.jsonl` the way its README says (only `warning`/`error`
issues count; a row is found when an issue overlaps its error span) and prints ONLY aggregate
figures — never a row. Each row's `context.role` goes to the checker (and `context.medium`,
which the Japanese checker reads for 御社/貴社). `--dev` scores our own regression rows
(`tests/data/grammar_ja_dev.jsonl`) instead: a regression suite, never quoted as accuracy.

Without `--quick` it also times one check of a 20k- and a 200k-character input (linear time).

Run: PYTHONPATH=src python bench/accuracy_ja.py [--dev] [--quick]   (or all sets: bench/accuracy.py)
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from afterword.checks.grammar.offline_ja import OfflineJaChecker

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "bench" / "data" / "heldout" / "grammar_ja.jsonl"
DEV = ROOT / "tests" / "data" / "grammar_ja_dev.jsonl"
EMAIL_250 = ROOT / "tests" / "data" / "drafts" / "ja_thank_you_250.txt"


def _span(row: dict) -> tuple[int, int]:
    start = row["offset"] if "offset" in row else row["text"].index(row["error"])
    return start, start + len(row["error"])


def run(quick: bool = False, path: Path = HELDOUT) -> dict:
    """Aggregate figures for the rows in `path`: recall per kind, false alarms, timings."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    checker = OfflineJaChecker()
    checker.warm()
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # found, total, fix offered
    false_alarms = false_errors = 0
    started = time.perf_counter()
    for row in rows:
        ctx = row.get("context", {})
        found = checker.check(row["text"], "ja", role=ctx.get("role", "candidate"), medium=ctx.get("medium"))
        issues = [i for i in found if i.severity != "info"]
        if row["kind"] == "correct":
            false_alarms += bool(issues)
            false_errors += any(i.severity == "error" for i in issues)
            tally["correct"][1] += 1
            continue
        start, end = _span(row)
        hits = [i for i in issues if i.offset < end and start < i.offset + i.length]
        t = tally[row["kind"]]
        t[0] += bool(hits)
        t[1] += 1
        t[2] += any(row["fix"] in i.replacements for i in hits)
    per_row_ms = (time.perf_counter() - started) * 1000 / len(rows)
    email = EMAIL_250.read_text("utf-8")
    sizes = () if quick else (20_000, 200_000)
    long_ms = {n: _once_ms(checker, (email * (n // len(email) + 1))[:n]) for n in sizes}
    kinds = {k: {"found": v[0], "total": v[1], "recall": v[0] / v[1], "fix_offered": v[2]}
             for k, v in sorted(tally.items()) if k != "correct"}  # fmt: skip
    found, total = sum(k["found"] for k in kinds.values()), sum(k["total"] for k in kinds.values())
    correct = tally["correct"][1]
    return {
        "set": path.name,
        "rows": len(rows),
        "kinds": kinds,
        "recall": found / total,
        "correct_rows": correct,
        "false_alarm_rate": false_alarms / correct if correct else 0.0,
        "false_error_rate": false_errors / correct if correct else 0.0,
        "ms_per_row": per_row_ms,
        "long_input_ms": long_ms,  # characters → ms for one check (linear time: ×10 for ×10)
    }


def _once_ms(checker: OfflineJaChecker, text: str) -> float:
    started = time.perf_counter()
    checker.check(text, "ja")
    return (time.perf_counter() - started) * 1000


def main() -> None:
    r = run("--quick" in sys.argv, DEV if "--dev" in sys.argv else HELDOUT)
    print(f"{r['set']}: {r['rows']} rows ({r['correct_rows']} correct)")
    print(f"  {'kind':<14}{'n':>4}{'found':>7}{'recall':>8}{'fix':>6}")
    for kind, k in r["kinds"].items():
        print(f"  {kind:<14}{k['total']:>4}{k['found']:>7}{k['recall']:>8.2f}{k['fix_offered']:>6}")
    total = sum(k["total"] for k in r["kinds"].values())
    print(f"  {'recall (all)':<14}{total:>4}{'':>7}{r['recall']:>8.2f}")
    print(f"  false alarms: {r['false_alarm_rate']:.3f} of {r['correct_rows']} correct rows "
          f"(as errors: {r['false_error_rate']:.3f})")  # fmt: skip
    print(f"  ms per row {r['ms_per_row']:.1f} (the warm check of an e-mail: bench/run.py)")
    if r["long_input_ms"]:
        (n1, t1), (n2, t2) = r["long_input_ms"].items()
        print(f"  long input: {n1:,} chars {t1 / 1000:.1f} s, {n2:,} chars {t2 / 1000:.1f} s "
              f"(×{t2 / t1:.1f})")  # fmt: skip


if __name__ == "__main__":
    main()
