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
GNU_TIME = "/usr/bin/time"


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


def median_cpu_ms(fn: Callable[[], object], n: int) -> float:
    """Median CPU time (this process, every thread) of `n` calls, in milliseconds: on a busy
    machine it moves less than the wall time."""
    times = []
    for _ in range(n):
        start = time.process_time()
        fn()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


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
    """One finished process: wall and CPU (user + system) milliseconds, exit code and output."""

    wall_ms: float
    cpu_ms: float
    code: int
    out: str
    err: str


def run_process(args: Sequence[str], env: dict[str, str], timeout: float = 120) -> Process:
    """Run `args` from ROOT to its exit: wall time from start to exit and its CPU time (the
    kernel's accounting, read with wait4); killed after `timeout` seconds."""
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
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


def peak_rss_mb(args: Sequence[str], env: dict[str, str]) -> float | None:
    """Peak RSS of `args` in MiB, from GNU time (None without it). Not from this process's wait4:
    Linux counts a child's memory from before its exec, a copy of this (large) process."""
    if not Path(GNU_TIME).exists():
        return None
    with tempfile.NamedTemporaryFile("r") as out:
        proc = run_process([GNU_TIME, "-f", "%M", "-o", out.name, *args], env)
        return int(out.read().split()[-1]) / 1024 if proc.code in (0, 1) else None


def hwm_mb() -> float:
    """This process's peak RSS in MiB since its exec (VmHWM; ru_maxrss would count the parent's
    pages copied before the exec)."""
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmHWM:")[1].split()[0]) / 1024
