"""English grammar accuracy on the held-out sets, beside Harper's defaults.

Reads the two held-out sets (the exam: see their READMEs) — `grammar_en_v2.jsonl` (fresh) and
`grammar_en.jsonl` (the first, looked at in aggregate several times) — and prints ONLY aggregate
figures per set — recall per kind, the false-alarm rate on the correct rows — for our offline
English checker and for plain `harper.Linter()`. Check times are bench/run.py's (grammar section).

`--dev` scores our own development rows (`tests/data/grammar_en_dev.jsonl`) instead: those are a
regression suite, never quoted as accuracy.

Run: PYTHONPATH=src python bench/accuracy_en.py [--dev]   (or all sets: bench/accuracy.py)
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "bench" / "data" / "heldout" / "grammar_en.jsonl"
HELDOUT_V2 = ROOT / "bench" / "data" / "heldout" / "grammar_en_v2.jsonl"
DEV = ROOT / "tests" / "data" / "grammar_en_dev.jsonl"
EMAIL = ROOT / "tests" / "data" / "drafts" / "en_thank_you_250.txt"  # for grammar_candidates.py
Span = tuple[int, int]
Run = Callable[[str, list[str]], list[Span]]


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _error_span(row: dict) -> Span:
    start = row["offset"] if "offset" in row else row["text"].index(row["error"])
    return start, start + len(row["error"])


def harper_plain() -> Run:
    """Harper's default lints; every lint counts (Harper has no severities)."""
    import harper

    linter = harper.Linter()

    def run(text: str, vocabulary: list[str]) -> list[Span]:
        return [(x.span.start, x.span.end) for x in linter.lint(text, language="plaintext")]

    return run


def ours() -> Run:
    """Our offline English checker with its default configuration; info issues do not count."""
    from afterword.checks.grammar import offline_checker

    checker = offline_checker("en")

    def run(text: str, vocabulary: list[str]) -> list[Span]:
        return [
            (i.offset, i.offset + max(i.length, 1))
            for i in checker.check(text, "en", vocabulary)
            if i.severity != "info"
        ]

    return run


def score(run: Run, rows: list[dict]) -> dict[str, object]:
    """Recall per kind and overall, and the false-alarm rate on the correct rows."""
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    alarms = correct = 0
    for row in rows:
        spans = run(row["text"], row.get("vocabulary", []))
        if row["kind"] == "correct":
            correct += 1
            alarms += bool(spans)
            continue
        start, end = _error_span(row)
        tally = found[row["kind"]]
        tally[0] += any(a < end and start < b for a, b in spans)
        tally[1] += 1
    hit, total = sum(f for f, _ in found.values()), sum(n for _, n in found.values())
    return {
        "recall": {kind: (f, n) for kind, (f, n) in sorted(found.items())},
        "recall_all": (hit, total),
        "false_alarms": (alarms, correct),
    }


def _figures(path: Path, label: str) -> dict[str, object]:
    rows = _rows(path)
    from afterword.checks.grammar.offline_en import native_output_silenced

    with native_output_silenced(passthrough=False):  # native code may print the rows: keep them unseen
        mine, plain = score(ours(), rows), score(harper_plain(), rows)
    return {"set": label, "rows": len(rows), "ours": mine, "harper": plain}


SETS = {
    "v2": (HELDOUT_V2, "held-out v2 (grammar_en_v2.jsonl)"),
    "v1": (HELDOUT, "held-out v1 (grammar_en.jsonl)"),
}


def run(dev: bool = False) -> dict[str, dict[str, object]]:
    """Figures for each held-out set under its key ("v2", "v1"; only "dev" with `dev`), ours and
    Harper's."""
    sets = {"dev": (DEV, "dev (regression rows, not accuracy)")} if dev else SETS
    return {key: _figures(path, label) for key, (path, label) in sets.items()}


def _pct(pair: object) -> str:
    hit, total = pair  # type: ignore[misc]
    return f"{hit:>3}/{total:<3} {hit / total if total else 0:>5.0%}"


def _print_set(figures: dict[str, object]) -> None:
    mine, plain = figures["ours"], figures["harper"]
    assert isinstance(mine, dict) and isinstance(plain, dict)
    print(f"English grammar, {figures['set']}: {figures['rows']} rows")
    print(f"  {'kind':<16}{'Harper defaults':>16}   {'ours (offline-en)':>17}")
    for kind, pair in mine["recall"].items():
        print(f"  {kind:<16}{_pct(plain['recall'][kind]):>16}   {_pct(pair):>17}")
    print(f"  {'recall (all)':<16}{_pct(plain['recall_all']):>16}   {_pct(mine['recall_all']):>17}")
    print(f"  {'false alarms':<16}{_pct(plain['false_alarms']):>16}   {_pct(mine['false_alarms']):>17}"
          "   (correct rows with any warning/error)")  # fmt: skip


def main() -> None:
    for figures in run(dev="--dev" in sys.argv).values():
        _print_set(figures)


if __name__ == "__main__":
    main()
