"""Two writers at once lose nothing; a writer killed mid-write leaves a loadable store."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from afterword.models import parse_notes
from afterword.store import Store

ROOT = Path(__file__).resolve().parents[1]
WRITES = 50


def _writer(path: str, app_id: str, year: int) -> None:
    store = Store(Path(path))
    for i in range(WRITES):
        store.record_sent(app_id, "thank-you", dt.date(year, 1, 1) + dt.timedelta(days=i), to="Priya Raman")


def _notes() -> dict[str, object]:
    return json.loads((ROOT / "sample_data" / "en_thank_you.json").read_text(encoding="utf-8"))


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    app_id = Store(path).upsert_application(parse_notes(_notes()))
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_writer, args=(str(path), app_id, year)) for year in (2030, 2031)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
        assert w.exitcode == 0
    events = Store(path).get_application(app_id).events
    assert len(events) == 2 * WRITES
    assert {e.date.year for e in events} == {2030, 2031}
    assert len({e.id for e in events}) == 2 * WRITES


LOOP = """
import datetime as dt, json, sys
from pathlib import Path
from afterword.models import parse_notes
from afterword.store import Store
store = Store(Path(sys.argv[1]))
notes = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
notes["private_notes"] = "x" * 9000  # a larger file widens the window a kill can hit
notes["topics_discussed"] = ["y" * 9000, "z" * 9000]  # (each field stays under its 10,000-character limit)
app_id = store.upsert_application(parse_notes(notes))
print("ready", flush=True)
day = dt.date(2030, 1, 1) + dt.timedelta(days=2000 * int(sys.argv[3]))  # each run its own days
while True:
    day += dt.timedelta(days=1)
    store.record_sent(app_id, "thank-you", day)
    print("ok", flush=True)  # confirmed: this write returned
"""


def test_writer_killed_mid_write_leaves_a_loadable_store(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    sample = str(ROOT / "sample_data" / "en_thank_you.json")
    seen = 0
    for run, delay in enumerate((0.15, 0.3, 0.45, 0.6, 0.75)):
        proc = subprocess.Popen(
            [sys.executable, "-c", LOOP, str(path), sample, str(run)],
            env=env, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        confirmed = proc.stdout.read().count("ok")
        proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        json.loads(path.read_text(encoding="utf-8"))  # whole JSON, never half a file
        store = Store(path)
        apps = store.applications()
        assert len(apps) == 1
        count = len(apps[0].events)
        assert confirmed > 0
        assert count >= seen + confirmed  # every confirmed write is in the store
        seen = count
        assert not list(tmp_path.glob(".db.json.*.tmp"))  # leftovers cleaned under the lock
