"""Guidance lint + grounding + stock phrases on a 250-word draft (target: ≤ 10 ms median, warm),
and on long hostile drafts: 20,000 vs 200,000 characters of each shape that once made a check
quadratic — linear code takes about 10× as long for 10× the text.

Run: PYTHONPATH=src python bench/lint_bench.py [N]
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from _timing import median_ms

from afterword.checks import check_draft, check_text
from afterword.checks.grounding import grounding_issues
from afterword.checks.lint import lint
from afterword.models import load_notes

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"
DRAFTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "drafts"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    for lang in ("en", "ja"):
        notes = load_notes(SAMPLES / f"{lang}_thank_you.json")
        text = (DRAFTS / f"{lang}_thank_you_250.txt").read_text("utf-8")
        body = text.split("\n\n", 1)[1].rstrip("\n")
        size = len(body.split()) if lang == "en" else len(body)
        full = partial(check_draft, "Thank you", body, language=lang, notes=notes,
                       scenario="thank-you")
        full()  # warm caches (word lists, regexes)
        assert not full().issues, full().issues
        t_full = median_ms(full, n)
        t_lint = median_ms(partial(lint, "Thank you", body, language=lang, notes=notes,
                                   scenario="thank-you"), n)
        t_ground = median_ms(partial(grounding_issues, body, notes, lang), n)
        unit = "words" if lang == "en" else "chars"
        print(f"{lang}: {size} {unit}, median of {n} warm runs: lint {t_lint:.2f} ms + grounding "
              f"{t_ground:.2f} ms; lint+grounding+stock {t_full:.2f} ms "
              f"({t_full / 10:.0%} of the 10 ms budget)")

    long_inputs()


SHAPES = {"katakana run": "ア", "addresses": "a.b@c.de ", "trouble in every sentence": "Layoffs. ",
          "unknown names": "Kubernetes ", "open brackets": "[", "Japanese names": "田中様"}


def long_inputs() -> None:
    notes = load_notes(SAMPLES / "en_thank_you.json")
    for name, unit in SHAPES.items():
        times = []
        for size in (20_000, 200_000):
            text = "Subject: Thank you\n\n" + unit * (size // len(unit))
            times.append(median_ms(partial(check_text, text, notes=notes, scenario="thank-you"), 1))
        print(f"{name:26} 20k chars {times[0]:8.0f} ms   200k chars {times[1]:8.0f} ms   "
              f"×{times[1] / times[0]:.1f}")


if __name__ == "__main__":
    main()
