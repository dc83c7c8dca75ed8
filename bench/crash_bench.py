"""Crash safety of the store, counted: confirmed operations lost after kill -9 and under concurrency.

1. kill -9 ×N: a writer process records sends in a loop and prints each one after `record_sent`
   returned (a *confirmed* operation); it is killed with SIGKILL after a random delay, N times in
   a row on the same store file. After every kill the store must load, and every confirmed send
   must be in it.
2. Concurrent writers: W processes record sends on the same application at once for S seconds;
   every confirmed send must be in the store, with no two events sharing an id.

Prints the counts and exits 1 when anything confirmed was lost.
Run: PYTHONPATH=src python bench/crash_bench.py [--kills 50] [--writers 4] [--seconds 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTES = ROOT / "sample_data" / "en_thank_you.json"

# argv: store path, notes path, first day (ordinal), deadline (epoch seconds, 0 = none)
WRITER = """
import datetime as dt, json, sys, time
from pathlib import Path
from afterword.models import parse_notes
from afterword.store import Store
store = Store(Path(sys.argv[1]))
notes = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
notes["private_notes"] = "x" * 9000  # a larger file widens the window a kill can hit
app_id = store.upsert_application(parse_notes(notes))
day, deadline = dt.date.fromordinal(int(sys.argv[3])), float(sys.argv[4])
print("ready", app_id, flush=True)
while not deadline or time.time() < deadline:
    store.record_sent(app_id, "thank-you", day)
    print(day.isoformat(), flush=True)
    day += dt.timedelta(days=1)
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _writer(path: Path, first: dt.date, deadline: float = 0.0) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(NOTES), str(first.toordinal()), str(deadline)],
        env=_env(), stdout=subprocess.PIPE, text=True,
    )  # fmt: skip


def _stored_days(path: Path) -> list[str]:
    from afterword.store import Store

    return [e.date.isoformat() for app in Store(path).applications() for e in app.events]


def kill_runs(folder: Path, kills: int, seed: int) -> tuple[int, int, int]:
    """(kills done, confirmed sends, confirmed sends missing from the store)."""
    rng = random.Random(seed)
    path = folder / "kill.json"
    confirmed: list[str] = []
    lost = 0
    first = dt.date(2030, 1, 1)
    for _ in range(kills):
        proc = _writer(path, first)
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith("ready")
        time.sleep(rng.uniform(0.02, 0.5))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)  # what it printed before the kill (a pipe keeps it)
        confirmed += [line.strip() for line in out.splitlines() if line.strip()]
        json.loads(path.read_text(encoding="utf-8"))  # a whole JSON document, never half a file
        stored = set(_stored_days(path))
        lost = sum(day not in stored for day in confirmed)
        if lost:
            break
        first += dt.timedelta(days=1000)  # each run writes its own days
    return kills, len(confirmed), lost


def concurrent_run(folder: Path, writers: int, seconds: float) -> tuple[int, int, int]:
    """(confirmed sends, missing from the store, duplicate event ids)."""
    path = folder / "concurrent.json"
    deadline = time.time() + seconds
    procs = [_writer(path, dt.date(2030 + 30 * i, 1, 1), deadline) for i in range(writers)]
    outputs = [proc.communicate(timeout=seconds + 120)[0] for proc in procs]
    if any(proc.returncode for proc in procs):
        raise SystemExit(f"a writer failed: {[p.returncode for p in procs]}")
    confirmed = [ln for out in outputs for ln in out.splitlines()[1:] if ln.strip()]
    from afterword.store import Store

    events = [e for app in Store(path).applications() for e in app.events]
    stored = {e.date.isoformat() for e in events}
    missing = sum(day not in stored for day in confirmed)
    duplicates = len(events) - len({e.id for e in events})
    return len(confirmed), missing, duplicates


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["AFTERWORD_HOME"] = tmp
        kills, confirmed, lost = kill_runs(Path(tmp), args.kills, args.seed)
        print(f"kill -9 ×{kills}: {confirmed} confirmed operations, {lost} lost")
        done, missing, duplicates = concurrent_run(Path(tmp), args.writers, args.seconds)
        print(f"{args.writers} concurrent writers for {args.seconds:g} s: {done} confirmed operations, "
              f"{missing} lost, {duplicates} duplicate ids")  # fmt: skip
    return 1 if lost or missing or duplicates else 0


if __name__ == "__main__":
    sys.exit(main())
