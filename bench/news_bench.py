"""Negative-news guard on our own rows (tuning and regression data — never quoted as accuracy) and
its speed: ms per item, and a long input at 10,000 and 100,000 characters side by side (the ratio
shows the work grows linearly, issue 11.6).

Accuracy on text nobody here wrote is `bench/accuracy_news.py` (held-out set).

Run: PYTHONPATH=src python bench/news_bench.py [--show-errors]
"""

from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path

from _timing import median_ms

from afterword.checks.news import LANGUAGES, news_verdict
from afterword.models import Language

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def rows(name: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line.strip()]


def report(name: str, data: list[dict[str, str]], show: bool) -> None:
    """Recall on negatives and false alarms on the rest, per language."""
    for lang in LANGUAGES:
        subset = [r for r in data if r["language"] == lang]
        verdicts = [news_verdict(r["text"], lang) for r in subset]
        pairs = list(zip(subset, verdicts, strict=True))
        neg = [v.tone == "negative" for r, v in pairs if r["label"] == "negative"]
        rest = [v.tone == "negative" for r, v in pairs if r["label"] != "negative"]
        print(f"{name} {lang}: n={len(subset)}  recall {sum(neg) / len(neg):.3f} ({len(neg)} negative)  "
              f"false alarms {sum(rest) / len(rest):.3f} ({len(rest)} positive+neutral)")
        if show:
            for r, v in pairs:
                if (r["label"] == "negative") != (v.tone == "negative"):
                    print(f"    {r['label']:>8} {r.get('shape', ''):<22} {r['text']}  [{v.reason}]")


def speed(data: list[dict[str, str]]) -> None:
    """Median ms per item, and one long text at two lengths."""
    for lang in LANGUAGES:
        texts = [r["text"] for r in data if r["language"] == lang]
        per_item = median_ms(partial(_all, texts, lang), 5) / len(texts)
        fine = (" " if lang == "en" else "。").join(
            r["text"] for r in data if r["language"] == lang and r["label"] != "negative")
        long = {n: (fine * (n // len(fine) + 1))[:n] for n in (10_000, 100_000)}
        ms = {n: median_ms(partial(news_verdict, text, lang), 3) for n, text in long.items()}
        print(f"{lang}: {per_item:.2f} ms per item; good news run together: 10,000 chars "
              f"{ms[10_000]:.0f} ms, 100,000 chars {ms[100_000]:.0f} ms "
              f"(ratio {ms[100_000] / ms[10_000]:.1f} for 10x the text)")


def _all(texts: list[str], lang: Language) -> None:
    for text in texts:
        news_verdict(text, lang)


def main() -> None:
    show = "--show-errors" in sys.argv
    dev = rows("news_dev.jsonl")
    report("dev (tuning rows)", dev, show)
    report("labelled (regression rows)", rows("news_labelled.jsonl"), show)
    speed(dev)


if __name__ == "__main__":
    main()
