"""Guidance checks (lint + grounding in the notes + stock phrases, no grammar) on a 250-word
draft, warm; and, in a full run, long hostile drafts: 20,000 vs 200,000 characters of each shape
that once made a check quadratic — linear code takes about 10× as long for 10× the text.
"""

from __future__ import annotations

import statistics
from functools import partial

from _timing import EMAIL_EN, EMAIL_JA, NOTES_EN, SAMPLES, Row, samples_ms

from afterword.checks import check_draft, check_text
from afterword.checks.lint import lint
from afterword.models import load_notes

SHAPES = {"katakana run": "ア", "addresses": "a.b@c.de ", "trouble in every sentence": "Layoffs. ",
          "unknown names": "Kubernetes ", "open brackets": "[", "Japanese names": "田中様"}  # fmt: skip


def _guidance_ms(language: str, n: int) -> tuple[float, float]:
    """Median ms of every guidance check and of `lint` alone on the 250-word draft."""
    notes = load_notes(SAMPLES / f"{language}_thank_you.json")
    body = (EMAIL_EN if language == "en" else EMAIL_JA).read_text("utf-8").split("\n\n", 1)[1].rstrip("\n")
    full = partial(check_draft, "Thank you", body, language=language, notes=notes, scenario="thank-you")
    assert not full().issues, full().issues  # a clean draft: the time of checking, not of reporting
    only_lint = partial(lint, "Thank you", body, language=language, notes=notes, scenario="thank-you")
    return statistics.median(samples_ms(full, n)), statistics.median(samples_ms(only_lint, n))


def _long_ratio() -> tuple[float, str]:
    """The largest time(200k chars) / time(20k chars) over the shapes, and which shape it is."""
    notes = load_notes(NOTES_EN)
    worst = (0.0, "")
    for name, unit in SHAPES.items():
        times = []
        for size in (20_000, 200_000):
            text = "Subject: Thank you\n\n" + unit * (size // len(unit))
            times.append(samples_ms(partial(check_text, text, notes=notes, scenario="thank-you"), 1)[0])
        worst = max(worst, (times[1] / times[0], name))
    return worst


def measure(quick: bool) -> list[Row]:
    n = 30 if quick else 200
    en, en_lint = _guidance_ms("en", n)
    ja, _ = _guidance_ms("ja", n)
    how = f"warm, median of {n}"
    rows = [
        Row(
            "lint_ms_p50",
            en,
            "ms",
            how + ": lint + grounding + stock phrases, 248-word e-mail",
            10.0,
            anchor=f"lint alone {en_lint:.2f} ms",
        ),
        Row("lint_ja_ms_p50", ja, "ms", how + ": the same checks, its Japanese counterpart", 10.0),
    ]
    if not quick:
        ratio, shape = _long_ratio()
        rows.append(
            Row(
                "lint_long_ratio_max",
                ratio,
                "×",
                "check_text on 200k ÷ 20k characters, worst of "
                f"{len(SHAPES)} hostile shapes ({shape}); linear ≈ 10",
            )
        )
    return rows
