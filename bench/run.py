"""Every speed benchmark of afterword in one run, side by side with its anchor, as one table.

    PYTHONPATH=src python bench/run.py [--json] [--quick] [--only SECTION ...]

Sections (each a module beside this file): prompt and pipeline overhead on the real SmolLM2
GGUF (pipeline_bench), guidance lint (lint_bench), the offline grammar checker beside plain
Harper (grammar_bench), whole commands beside `python -c pass` (cli_bench), the terminal app
driven in fresh processes (tui_bench), and the store at 1,000 applications / 10,000 drafts beside
plain tinydb (store_bench). Each figure is a median of at least 5 runs (`--quick`: of 3, and
shorter generations — a developer's loop, about a minute). The machine may be shared: the load
average is printed with each section, and ratios to an anchor measured in the same run are the
figures to compare between runs. Accuracy is a separate command: bench/accuracy.py.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent / "src")]  # this checkout's code, whatever is installed

from _timing import Row, bench_env, load  # noqa: E402  (after the path is set)

SECTIONS = ("pipeline", "lint", "grammar", "cli", "tui", "store")


def measure(name: str, quick: bool) -> list[Row]:
    """The rows of one section: `<name>_bench.measure(quick)` (imported only when it runs)."""
    module = importlib.import_module(f"{name}_bench")
    rows: list[Row] = module.measure(quick)
    return rows


def _number(value: float) -> str:
    return f"{value:,.2f}" if abs(value) < 10 else f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}"


def table(results: dict[str, list[Row]], loads: dict[str, tuple[float, float]]) -> str:
    """The figures as a text table: one block per section (with the load average before and
    after it), one line per figure: value, target and verdict, anchor, how it was measured."""
    lines = [f"{'key':<28}{'value':>12}  {'unit':<7}{'target':<10}{'':<7}anchor / how"]
    for name, rows in results.items():
        before, after = loads[name]
        lines.append(f"— {name} (load average {before:.1f} → {after:.1f})")
        for row in rows:
            target = f"≤ {_number(row.limit)}" if row.limit is not None else ""
            note = "; ".join(part for part in (row.anchor, row.how) if part)
            lines.append(
                f"{row.key:<28}{_number(row.value):>12}  {row.unit:<7}{target:<10}{row.verdict:<7}{note}"
            )
    return "\n".join(lines)


def as_json(results: dict[str, list[Row]], loads: dict[str, tuple[float, float]], quick: bool) -> dict:
    """One object: every key with its value, and `meta` (machine, mode, load, targets missed)."""
    rows = [row for section in results.values() for row in section]
    figures: dict[str, object] = {row.key: round(row.value, 3) for row in rows}
    figures["meta"] = {
        "quick": quick,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "load_average": {name: list(pair) for name, pair in loads.items()},
        "missed": [row.key for row in rows if row.verdict == "MISSED"],
        "units": {row.key: row.unit for row in rows},
    }
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    parser.add_argument("--quick", action="store_true", help="medians of 3, shorter generations (≤ 60 s)")
    parser.add_argument("--only", nargs="+", metavar="SECTION", help="run only these sections")
    args = parser.parse_args(argv)
    chosen = args.only or list(SECTIONS)
    unknown = [name for name in chosen if name not in SECTIONS]
    if unknown:
        parser.error(f"unknown section {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    for var in [v for v in os.environ if v.startswith(("AFTERWORD_", "OLLAMA_"))]:
        del os.environ[var]
    results: dict[str, list[Row]] = {}
    loads: dict[str, tuple[float, float]] = {}
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as home:
        os.environ.update(bench_env(Path(home)))  # shipped defaults: no user config, an empty store
        for name in chosen:
            before = load()
            results[name] = measure(name, args.quick)
            loads[name] = (before, load())
            print(f"[{name} done after {time.perf_counter() - start:.0f} s]", file=sys.stderr)
    if args.json:
        print(json.dumps(as_json(results, loads, args.quick), ensure_ascii=False, indent=1))
    else:
        print(table(results, loads))
        print(f"({'quick' if args.quick else 'full'} run, {time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
