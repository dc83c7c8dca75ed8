"""Whole-process wall time of the commands people type, beside the interpreter's own start-up.

Each command runs as a fresh process (`python -m afterword …`, this checkout's sources, the
shipped default settings in an empty data and config folder), round-robin — every command once,
then again — so a busy spell of the machine hits all of them alike. The anchor is `python -c
pass`: what any Python command costs before it does anything.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from _timing import EMAIL_EN, NOTES_EN, ROOT, Process, Row, bench_env, peak_rss_mb, run_process

AFTERWORD = [sys.executable, "-m", "afterword"]
NOTES = str(NOTES_EN.relative_to(ROOT))
COMMANDS = {
    "python_start_ms": [sys.executable, "-c", "pass"],
    "cli_help_ms": [*AFTERWORD, "--help"],
    "cli_draft_offline_ms": [*AFTERWORD, "draft", NOTES, "--backend", "offline"],
    "cli_check_ms": [*AFTERWORD, "check", str(EMAIL_EN.relative_to(ROOT)), "--notes", NOTES],
}


DRAFT = "cli_draft_offline_ms"


def measure(quick: bool) -> list[Row]:
    runs = 3 if quick else 5
    done: dict[str, list[Process]] = {key: [] for key in COMMANDS}
    with tempfile.TemporaryDirectory() as tmp:
        env = bench_env(Path(tmp))
        # once unmeasured (the OS file cache, .pyc files), under GNU time for the peak RSS
        # (`--quick`: only the draft's; the sections before have warmed the rest)
        peak = {
            key: peak_rss_mb(args, env) if key == DRAFT or not quick else None
            for key, args in COMMANDS.items()
        }
        for _ in range(runs):
            for key, args in COMMANDS.items():
                proc = run_process(args, env)
                if proc.code not in (0, 1):  # `check` exits 1 when the draft has an error
                    raise RuntimeError(f"{' '.join(args)} exited {proc.code}: {proc.err[-500:]}")
                done[key].append(proc)

    def rss(key: str) -> str:
        return f"{peak[key]:.0f} MiB" if peak[key] is not None else "n/a (no GNU time)"

    def wall(key: str) -> float:
        return statistics.median(p.wall_ms for p in done[key])

    def cpu(key: str) -> float:
        return statistics.median(p.cpu_ms for p in done[key])

    python = wall("python_start_ms")
    how = f"whole process, wall, median of {runs} (round-robin)"
    rows = [
        Row(
            "python_start_ms",
            python,
            "ms",
            how,
            anchor=f"the anchor: `python -c pass`; CPU {cpu('python_start_ms'):.0f} ms",
        )
    ]
    targets = {"cli_draft_offline_ms": 800.0}
    for key in ("cli_help_ms", "cli_draft_offline_ms", "cli_check_ms"):
        rows.append(
            Row(
                key,
                wall(key),
                "ms",
                how,
                targets.get(key),
                anchor=f"{wall(key) / python:.0f}× python start; CPU {cpu(key):.0f} ms; peak RSS {rss(key)}",
            )
        )
    rows.append(
        Row(
            "cli_draft_rss_mb",
            peak[DRAFT] or 0.0,
            "MiB",
            "peak RSS of `draft --backend offline`",
            anchor=f"python -c pass {rss('python_start_ms')}",
        )
    )
    return rows
