"""News tone (GUIDANCE C5) and instruction-like text in notes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from afterword.checks.news import classify_news, trouble_spans

ROWS = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "news_labelled.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_negative_news_found_with_few_false_alarms(language: str) -> None:
    rows = [r for r in ROWS if r["language"] == language]
    got = [(r["label"] == "negative", classify_news(r["text"]) == "negative") for r in rows]
    tp = sum(t and g for t, g in got)
    assert tp / sum(g for _, g in got) >= 0.95  # precision
    assert tp / sum(t for t, _ in got) >= 0.95  # recall


def test_labelled_set_is_varied() -> None:
    assert len(ROWS) >= 120
    for lang in ("en", "ja"):
        labels = {r["label"] for r in ROWS if r["language"] == lang}
        assert labels == {"negative", "positive", "neutral"}


@pytest.mark.parametrize(
    "text",
    [
        "Profits rose despite lawsuit over patent infringement",
        "Despite record sales, Zorg Industries announces layoffs",
        "Acme denies reports of upcoming job cuts",
        "ヒビキ楽器、増収も訴訟リスクで株価急落",
        "ミライ物流、第2四半期の営業利益が前年同期比で減少",
    ],
)
def test_good_news_next_to_trouble_is_still_negative(text: str) -> None:
    assert classify_news(text) == "negative"


def test_sample_notes_news() -> None:
    assert classify_news("Northwind Health opened a new engineering office in Denver") == "positive"
    assert classify_news("Acme to hold annual shareholder meeting on June 5") == "neutral"
    assert classify_news("ミライ物流が関西に新たな物流センターを開設") == "positive"


def test_fine_tuning_is_not_a_fine() -> None:
    assert classify_news("Acme launches fine-tuning service for its models") == "positive"


def test_trouble_spans_point_at_the_word() -> None:
    text = "I read about the lawsuit and the layoffs."
    assert [text[s:e] for s, e in trouble_spans(text)] == ["lawsuit", "layoffs"]
