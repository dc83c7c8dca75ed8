"""The store at the size of a long job search: 1,000 applications and 10,000 draft versions.

Measured in one process, as `afterword due` and `afterword track` do their work (opening the
store included; Python's own start-up is not):
- `due`: open the store, load every application, plan each one (targets: ≤ 100 ms);
- `track`: open the store and update one application from its notes (≤ 50 ms);
- keeping one more draft version, and listing one application's versions;
side by side with the same data when the versions sit in the main file (one tinydb file for
everything, as before schema 4) — the reason they live in a file per application.

Run: PYTHONPATH=src python bench/store_bench.py [N]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from _timing import median_ms
from tinydb import TinyDB

from afterword import planner
from afterword.models import Draft, parse_notes
from afterword.store import Store
from afterword.store.migrations import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]
APPS = 1000
VERSIONS_PER_APP = 10
TODAY = dt.date(2026, 12, 1)
SAMPLES = ("en_thank_you", "en_status_check", "en_rejection", "ja_thank_you", "ja_recruiter_casual")


def timeline(i: int) -> str:
    """A stated timeline as people write them: ~110 distinct wordings over 1,000 applications."""
    k, day = i % 6 + 1, i % 28 + 1
    forms = [
        f"within {k} weeks", f"in {k + 3} business days", f"by November {day}", f"by 12/{day}",
        "by the end of the month", "next week", f"we'll get back to you within {k} weeks, maybe sooner",
        f"{k}週間以内にご連絡します", f"{day}日までに", "来週中に", "soon",
    ]  # fmt: skip
    return forms[i % len(forms)]


def backup() -> dict[str, Any]:
    """A store in backup form: applications from the samples at different stages, their sends
    and replies, interview rounds, and VERSIONS_PER_APP draft versions each (with checks)."""
    samples = [json.loads((ROOT / "sample_data" / f"{s}.json").read_text(encoding="utf-8")) for s in SAMPLES]
    data: dict[str, Any] = {"meta": {"1": {"schema_version": SCHEMA_VERSION}}}
    apps, events, rounds, drafts = {}, {}, {}, {}
    stamp = "2026-11-20T10:00:00+00:00"
    for i in range(1, APPS + 1):
        notes = json.loads(json.dumps(samples[i % len(samples)]))
        notes["position"] = f"{notes['position']} {i}"
        notes.pop("follow_ups", None)
        notes.pop("outcome", None)
        notes["interview"]["date"] = (dt.date(2026, 9, 1) + dt.timedelta(days=i % 90)).isoformat()
        notes["decision_timeline"] = timeline(i)
        app_id = str(i)
        apps[app_id] = {"notes": notes, "archived": None, "created": stamp, "updated": stamp}
        people = [p["name"] for p in notes.get("interviewers", [])] or [notes["candidate"]["name"]]
        scenario = "recruiter-thanks" if notes.get("sender_role") == "recruiter" else "thank-you"
        for person in people[: 1 + i % 2]:
            events[str(len(events) + 1)] = {
                "app_id": app_id, "kind": "sent", "scenario": scenario, "recipient": person,
                "date": notes["interview"]["date"], "recorded": stamp, "source": "user", "batch": f"b{i}",
            }  # fmt: skip
        if i % 7 == 0:
            events[str(len(events) + 1)] = {
                "app_id": app_id, "kind": "reply", "outcome": "replied", "date": "2026-11-25",
                "recorded": stamp, "source": "user", "batch": f"r{i}",
            }  # fmt: skip
        rounds[str(i)] = {"app_id": app_id, "date": notes["interview"]["date"], "interviewers": people}
        for v in range(1, VERSIONS_PER_APP + 1):
            draft = Draft(
                subject=f"Thank you — {notes['position']}", body=("Thank you for your time. " * 40) + str(v),
                scenario=scenario, tone="warm", language=notes["language"], backend="offline",
                recipient=people[0], checker="offline",
                checks=[{"source": "guidance", "rule": "C3", "message": "a long sentence", "offset": 10,
                         "length": 40, "severity": "info"}] * 3,
                timings={"total_ms": 812.5, "tokens": 240},
            )  # fmt: skip
            drafts[str(len(drafts) + 1)] = {
                **draft.model_dump(mode="json"), "app_id": app_id, "version": v, "created": stamp,
                "edited": v % 3 == 0, "approved": False, "approved_at": None, "restored_from": None,
            }  # fmt: skip
    data.update(applications=apps, events=events, interviews=rounds, drafts=drafts)
    return data


def main(n: int) -> None:
    data = backup()
    one = parse_notes(data["applications"]["500"]["notes"])
    new = parse_notes(data["applications"]["500"]["notes"])
    draft = Draft(subject="S", body="B", scenario="thank-you", tone="warm", language="en", backend="offline",
                  recipient="Priya Raman")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "afterword.json"
        Store(path).import_data(data)
        main_kb = path.stat().st_size / 1024
        drafts_kb = sum(p.stat().st_size for p in (Path(tmp) / "afterword.drafts").iterdir()) / 1024

        def due() -> None:
            planner.due_items(Store(path).applications(), TODAY)

        def track() -> None:
            Store(path).track(one)

        rows = len(planner.due_items(Store(path).applications(), TODAY))
        ours = {
            "due (open + load + plan)": median_ms(due, n),
            "track (update one)": median_ms(track, n),
            "keep a draft version": median_ms(lambda: Store(path).add_draft("501", draft), n),
            "list one app's versions": median_ms(lambda: Store(path).drafts("502"), n),
        }
        fresh = iter(range(n))
        ours["track (a new one)"] = median_ms(
            lambda: Store(path).track(new.model_copy(update={"position": f"New role {next(fresh)}"})), n
        )

        # the same data with every version in the main file: every open reads (and every write
        # rewrites) them all
        one_file = Path(tmp) / "one-file.json"
        TinyDB(one_file).storage.write({**Store(path).export_data()})
        whole_kb = one_file.stat().st_size / 1024

        def read_all() -> None:
            json.loads(one_file.read_bytes())

        def write_all() -> None:
            blob = json.loads(one_file.read_bytes())
            one_file.write_text(json.dumps(blob, ensure_ascii=False, indent=1), encoding="utf-8")

        split_read = median_ms(lambda: json.loads(path.read_bytes()), n)
        single_read = median_ms(read_all, n)
        single_write = median_ms(write_all, max(3, n // 3))

    print(f"{APPS} applications, {APPS * VERSIONS_PER_APP} draft versions; due rows {rows}; median of {n}")
    print(f"files: afterword.json {main_kb:.0f} KiB + afterword.drafts/ {drafts_kb:.0f} KiB "
          f"(all in one file: {whole_kb:.0f} KiB)")  # fmt: skip
    print(f"  (one json.loads of afterword.json: {split_read:.1f} ms; ratios hold on a busy machine)")
    for name, ms in ours.items():
        print(f"  {name:<28} {ms:8.1f} ms  = {ms / split_read:4.1f}x that parse")
    ratio = single_read / split_read
    print(f"  read the main file: split {split_read:.1f} ms vs one file {single_read:.1f} ms ({ratio:.1f}x); "
          f"rewriting the one file {single_write:.0f} ms per write")  # fmt: skip


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
