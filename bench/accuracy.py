"""Accuracy of the checks on the held-out sets, as one table of aggregates (never a row's text).

English grammar (ours beside Harper's defaults), Japanese grammar, and the negative-news guard
in both languages: recall on the rows with a problem, false alarms on the rows without. Each
set's own script scores it (accuracy_en.py, accuracy_ja.py, accuracy_news.py; their READMEs in
bench/data/heldout/ say how). The held-out sets are the exam: run this when a change is done,
not while tuning. `--dev` scores our own regression rows instead (English and Japanese grammar;
the news guard's own rows are bench/news_bench.py's) — never quoted as accuracy.

    PYTHONPATH=src python bench/accuracy.py [--dev] [--quick]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent / "src")]

Line = tuple[str, str, str, str]  # set, figure, ours, anchor


def _ratio(hit: int, total: int) -> str:
    return f"{hit / total if total else 0:.1%} ({hit}/{total})"


def english(dev: bool) -> list[Line]:
    import accuracy_en

    lines: list[Line] = []
    for key, f in accuracy_en.run(dev=dev).items():  # each held-out set (v2, v1), or the dev rows
        ours, plain = f["ours"], f["harper"]
        assert isinstance(ours, dict) and isinstance(plain, dict)
        name = f"grammar en {key} ({f['rows']} rows)"
        lines += [(name, f"recall {kind}", _ratio(*pair), _ratio(*plain["recall"][kind]))
                  for kind, pair in ours["recall"].items()]  # fmt: skip
        lines.append((name, "recall (all)", _ratio(*ours["recall_all"]), _ratio(*plain["recall_all"])))
        lines.append((name, "false alarms", _ratio(*ours["false_alarms"]), _ratio(*plain["false_alarms"])))
    return lines


def japanese(dev: bool, quick: bool) -> list[Line]:
    import accuracy_ja

    f = accuracy_ja.run(quick, accuracy_ja.DEV if dev else accuracy_ja.HELDOUT)
    name = f"grammar ja ({f['rows']} rows)"
    lines = [(name, f"recall {kind}", _ratio(k["found"], k["total"]), f"fix offered {k['fix_offered']}")
             for kind, k in f["kinds"].items()]  # fmt: skip
    lines.append((name, "recall (all)", f"{f['recall']:.1%}", ""))
    lines.append(
        (
            name,
            "false alarms",
            f"{f['false_alarm_rate']:.1%} of {f['correct_rows']}",
            f"as errors {f['false_error_rate']:.1%}",
        )
    )
    lines.append((name, "ms per row", f"{f['ms_per_row']:.1f}", ""))
    if f["long_input_ms"]:
        (n1, t1), (n2, t2) = f["long_input_ms"].items()
        lines.append(
            (name, f"long input {n2 // n1}× longer", f"×{t2 / t1:.1f} the time", "linear: about the same ×")
        )
    return lines


def news() -> list[Line]:
    import accuracy_news

    lines: list[Line] = []
    for lang, f in accuracy_news.run(quick=True).items():
        name = f"news guard {lang} ({f['n']} items)"
        lines.append((name, "recall (negative news)", f"{f['recall']:.1%} of {f['negatives']}", ""))
        lines.append(
            (name, "false alarms", f"{f['false_alarms']:.1%} of {f['others']}", "positive + neutral")
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dev", action="store_true", help="our own regression rows (not accuracy)")
    parser.add_argument("--quick", action="store_true", help="skip the Japanese checker's long-input timing")
    args = parser.parse_args()
    lines = english(args.dev) + japanese(args.dev, args.quick) + ([] if args.dev else news())
    print(f"{'set':<28}{'figure':<26}{'ours':<22}Harper defaults / note")
    for name, figure, ours, anchor in lines:
        print(f"{name:<28}{figure:<26}{ours:<22}{anchor}")
    print("(held-out sets: the exam)" if not args.dev else "(our regression rows: not accuracy)")


if __name__ == "__main__":
    main()
