"""Precision and recall of `classify_news` for "negative" on the labelled headlines, per language.

Run: PYTHONPATH=src python bench/news_bench.py [--show-errors]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from afterword.checks.news import classify_news

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "news_labelled.jsonl"


def main() -> None:
    rows = [json.loads(line) for line in DATA.read_text("utf-8").splitlines() if line.strip()]
    show = "--show-errors" in sys.argv
    for split in ("dev", "holdout"):
        print(f"{split} set:")
        for lang in ("en", "ja", "all"):
            subset = [r for r in rows if lang in ("all", r["language"])
                      and r.get("split", "dev") == split]
            report(subset, lang, show)


def report(subset: list[dict[str, str]], lang: str, show: bool) -> None:
    """Print negative precision/recall and 3-way accuracy for one subset."""
    if not subset:
        return
    tp = fp = fn = correct = 0
    for r in subset:
        got = classify_news(r["text"])
        correct += got == r["label"]
        neg_true, neg_got = r["label"] == "negative", got == "negative"
        tp += neg_true and neg_got
        fp += neg_got and not neg_true
        fn += neg_true and not neg_got
        if show and got != r["label"] and lang != "all":
            print(f"  {r['label']:>8} → {got:<8} {r['text']}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"{lang:>3}: n={len(subset):3d}  negative precision={precision:.3f} "
          f"recall={recall:.3f}  3-way accuracy={correct / len(subset):.3f}")

if __name__ == "__main__":
    main()
