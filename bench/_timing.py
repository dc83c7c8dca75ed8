"""Shared pieces of the benchmarks: timing, percentiles, whole-process runs and the table rows."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
DRAFTS = ROOT / "tests" / "data" / "drafts"
EMAIL_EN = DRAFTS / "en_thank_you_250.txt"
EMAIL_JA = DRAFTS / "ja_thank_you_250.txt"
NOTES_EN = SAMPLES / "en_thank_you.json"


@dataclass
class Row:
    """One figure of the table: its key, value and unit, the target it is held to (`≤ limit`),
    the anchor it is read against, and how it was measured."""

    key: str
    value: float
    unit: str
    how: str
    limit: float | None = None
    anchor: str = ""

    @property
    def verdict(self) -> str:
        if self.limit is None:
            return ""
        return "ok" if self.value <= self.limit else "MISSED"


def samples_ms(fn: Callable[[], object], n: int) -> list[float]:
    """Wall time of `n` calls, in milliseconds."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def median_ms(fn: Callable[[], object], n: int) -> float:
    """Median wall time of `n` calls, in milliseconds."""
    return statistics.median(samples_ms(fn, n))


def pct(values: Sequence[float], q: float) -> float:
    """The `q` quantile (0…1) of `values`, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def load() -> float:
    """The 1-minute load average (the machine is shared: read figures beside it)."""
    return round(os.getloadavg()[0], 2)


def bench_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a measured process: this checkout's sources, a fresh data and config
    folder (the shipped defaults, no user config), Ollama at a closed loopback port."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AFTERWORD_", "OLLAMA_"))}
    (home / "config").mkdir(parents=True, exist_ok=True)
    env.update(
        PYTHONPATH=str(ROOT / "src"),
        AFTERWORD_HOME=str(home / "data"),
        AFTERWORD_CONFIG_DIR=str(home / "config"),
        OLLAMA_HOST="http://127.0.0.1:9",
        **extra,
    )
    return env


@dataclass
class Process:
    """One finished process: wall and CPU (user + system) milliseconds, its peak RSS in MiB, exit
    code and output."""

    wall_ms: float
    cpu_ms: float
    rss_mb: float
    code: int
    out: str
    err: str


def run_process(args: Sequence[str], env: dict[str, str], timeout: float = 120) -> Process:
    """Run `args` from ROOT to its exit: wall time from start to exit and the child's own peak
    RSS (the kernel's accounting, read with wait4); killed after `timeout` seconds."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(args), cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err
        )
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = (time.perf_counter() - start) * 1000
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Process(
            wall,
            (usage.ru_utime + usage.ru_stime) * 1000,
            usage.ru_maxrss / 1024,
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )
