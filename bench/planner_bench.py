"""Planner and store figures, measured side by side in one run.

- timeline parsing: microseconds per phrase (English and Japanese tables);
- one store write (file lock + atomic replace + fsync) against tinydb's plain JSONStorage insert
  on the same data, and the ratio — the price of crash safety;
- `due_items` over 100 tracked applications.

Run: PYTHONPATH=src python bench/planner_bench.py
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tinydb import TinyDB

from afterword import planner
from afterword.models import parse_notes
from afterword.store import Store

ROOT = Path(__file__).resolve().parents[1]
PHRASES = [
    "within 2 weeks", "by the end of the month", "next week", "by Friday", "in 5 business days",
    "by November 30", "12/1", "2週間以内に連絡します", "来週中に", "月末までに", "今週金曜日までに",
    "10営業日以内", "soon", "追ってご連絡します",
]  # fmt: skip
APPS = 100


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median seconds per call."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    interview = dt.date(2026, 11, 20)
    per_phrase = timed(lambda: [planner.parse_timeline(p, interview) for p in PHRASES], 200) / len(PHRASES)
    print(f"parse_timeline: {per_phrase * 1e6:.1f} µs per phrase ({len(PHRASES)} phrases)")

    notes = json.loads((ROOT / "sample_data" / "en_thank_you.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "afterword.json")
        for i in range(APPS):
            store.upsert_application(parse_notes({**notes, "position": f"Data Engineer {i}"}))
        plain = TinyDB(Path(tmp) / "plain.json")
        plain.storage.write(store.export_data())
        day = iter(range(10_000))

        def safe_write() -> None:
            store.record_sent("1", "thank-you", dt.date(2030, 1, 1) + dt.timedelta(days=next(day)))

        def plain_write() -> None:
            plain.table("events").insert({"app_id": "1", "kind": "sent", "date": "2030-01-01"})

        safe = timed(safe_write, 50)
        raw = timed(plain_write, 50)
        size = (Path(tmp) / "afterword.json").stat().st_size / 1024
        print(
            f"store write, {APPS} apps ({size:.0f} KiB): locked+atomic+fsync {safe * 1e3:.2f} ms, "
            f"plain tinydb {raw * 1e3:.2f} ms, ratio {safe / raw:.1f}x"
        )
        due = timed(lambda: planner.due_items(store.applications(), interview), 20)
        print(f"due_items over {APPS} applications: {due * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
