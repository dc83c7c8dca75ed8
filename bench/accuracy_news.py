"""Negative-news guard (GUIDANCE C5) on the held-out set: aggregate figures only.

Each held-out item is scored the way the README of the set says: its text goes into notes of its
language as the only `company.news[]` entry, and it counts as flagged when `validate` gives that
item a `C5-news` warning. Only counts are printed — never a text.

Run: PYTHONPATH=src python bench/accuracy_news.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from afterword.checks.validate import validate_notes
from afterword.models import parse_notes

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"
LANGUAGES = ("en", "ja")


def flagged(text: str, language: str) -> bool:
    """True when `validate` warns that this news item is the company's trouble."""
    notes = parse_notes({
        "language": language, "sender": {"name": "A. Candidate"},
        "company": {"name": "Example", "news": [{"text": text}]},
        "position": "Engineer", "interviewers": [{"name": "B. Interviewer"}],
    })
    return any(i.rule == "C5-news" and i.severity == "warning" and i.field == "company.news[0].text"
               for i in validate_notes(notes))


def score(rows: list[dict[str, str]], *, shapes: bool = True) -> dict[str, Any]:
    """Recall on negatives, false alarms on the rest, and flagged/total per (label, shape)."""
    hits: Counter[tuple[str, str]] = Counter()
    totals: Counter[tuple[str, str]] = Counter()
    for row in rows:
        key = (row["label"], row.get("shape", "?"))
        totals[key] += 1
        hits[key] += flagged(row["text"], row["language"])
    neg = [k for k in totals if k[0] == "negative"]
    rest = [k for k in totals if k[0] != "negative"]
    result: dict[str, Any] = {
        "n": len(rows),
        "negatives": sum(totals[k] for k in neg),
        "recall": sum(hits[k] for k in neg) / max(1, sum(totals[k] for k in neg)),
        "others": sum(totals[k] for k in rest),
        "false_alarms": sum(hits[k] for k in rest) / max(1, sum(totals[k] for k in rest)),
    }
    if shapes:
        result["shapes"] = {f"{label}/{shape}": (hits[(label, shape)], totals[(label, shape)])
                            for label, shape in sorted(totals)}
    return result


def run(quick: bool = False) -> dict[str, Any]:
    """Figures per language on the held-out set; `quick` leaves out the per-shape counts."""
    out = {}
    for lang in LANGUAGES:
        path = HELDOUT / f"news_{lang}.jsonl"
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        out[lang] = score(rows, shapes=not quick)
    return out


def print_table(figures: dict[str, Any]) -> None:
    """One line per language, then found/total per shape side by side."""
    for lang, f in figures.items():
        print(f"{lang}: n={f['n']}  recall {f['recall']:.3f} ({f['negatives']} negative)  "
              f"false alarms {f['false_alarms']:.3f} ({f['others']} positive+neutral)")
    keys = sorted({k for f in figures.values() for k in f.get("shapes", {})})
    if keys:
        print(f"\n{'label/shape':<38}" + "".join(f"{lang:>9}" for lang in figures))
        for key in keys:
            cells = [figures[lang]["shapes"].get(key) for lang in figures]
            print(f"{key:<38}" + "".join(f"{f'{c[0]}/{c[1]}' if c else '-':>9}" for c in cells))
        print("(negative rows: found/total; positive and neutral rows: flagged/total)")


if __name__ == "__main__":
    print_table(run())
