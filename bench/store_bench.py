"""The store at the size of a long job search: 1,000 applications and 10,000 draft versions.

Measured in one process, as `afterword due` and `afterword track` do their work (opening the
store included; Python's own start-up is not):
- `due`: open the store, load every application, plan each one (target ≤ 100 ms);
- `track`: open the store and update one application from its notes (≤ 50 ms);
- tracking a new one, keeping one more draft version, listing one application's versions;
beside plain TinyDB (its own JSONStorage: no lock, no atomic replace, no fsync) reading and
updating the same tables, and the same with every version in the one file (the layout before
schema 4: tinydb rewrites the whole file on each write) — the reason versions live apart.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import tempfile
from pathlib import Path
from typing import Any

from _timing import ROOT, Row, median_cpu_ms, median_ms
from tinydb import TinyDB

from afterword import planner
from afterword.fileio import MiB
from afterword.models import Draft, parse_notes
from afterword.store import Store
from afterword.store.migrations import SCHEMA_VERSION

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


def measure(quick: bool) -> list[Row]:
    n = 3 if quick else 9
    data = backup()
    one = parse_notes(data["applications"]["500"]["notes"])
    new = parse_notes(data["applications"]["500"]["notes"])
    draft = Draft(subject="S", body="B", scenario="thank-you", tone="warm", language="en", backend="offline",
                  recipient="Priya Raman")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "afterword.json"
        Store(path).import_data(data)
        # A command's heap holds neither a 10,000-draft backup nor what the sections before this
        # one loaded (a model, Harper, lemminflect's tables): left in the collector's view, every
        # garbage collection during a timed call would walk them (`due` read ~1.7× slower).
        del data
        gc.collect()
        gc.freeze()
        main_mb = path.stat().st_size / MiB
        drafts_mb = sum(p.stat().st_size for p in (Path(tmp) / "afterword.drafts").iterdir()) / MiB
        rows = len(planner.due_items(Store(path).applications(), TODAY))
        due = median_ms(lambda: planner.due_items(Store(path).applications(), TODAY), n)
        due_cpu = median_cpu_ms(lambda: planner.due_items(Store(path).applications(), TODAY), n)
        track = median_ms(lambda: Store(path).track(one), n)
        track_cpu = median_cpu_ms(lambda: Store(path).track(one), n)
        fresh = iter(range(n))
        track_new = median_ms(
            lambda: Store(path).track(new.model_copy(update={"position": f"New role {next(fresh)}"})), n
        )
        add_draft = median_ms(lambda: Store(path).add_draft("501", draft), n)
        versions = median_ms(lambda: Store(path).drafts("502"), n)
        parse = median_ms(lambda: json.loads(path.read_bytes()), n)

        # plain tinydb, the same data: the main file's tables, then everything in one file (the
        # layout before schema 4); update one application as `track` does
        main_only = {k: v for k, v in Store(path).export_data().items() if k != "drafts"}
        plain = _tinydb_ms(Path(tmp) / "plain.json", main_only, n)
        plain_all = None if quick else _tinydb_ms(Path(tmp) / "plain-all.json", Store(path).export_data(), 3)

    gc.unfreeze()
    how = (
        f"{APPS:,} applications, {APPS * VERSIONS_PER_APP:,} drafts; open the store each time; median of {n}"
    )
    rows = [
        Row(
            "store_due_ms",
            due,
            "ms",
            how + f": open + load + plan ({rows} due rows)",
            100.0,
            anchor=f"CPU {due_cpu:.0f} ms; plain tinydb reads the same tables in {plain[0]:.0f} ms; one "
            f"json.loads {parse:.0f} ms",
        ),
        Row(
            "store_track_ms",
            track,
            "ms",
            "update one application from its notes",
            50.0,
            anchor=f"CPU {track_cpu:.0f} ms; plain tinydb writes one update of the same tables in "
            f"{plain[1]:.0f} ms",
        ),
        Row(
            "tinydb_write_ms",
            plain[1],
            "ms",
            "the anchor: plain TinyDB (JSONStorage), update one application",
        ),
        Row("store_track_new_ms", track_new, "ms", "track a new application"),
        Row("store_add_draft_ms", add_draft, "ms", "keep one more draft version"),
        Row("store_versions_ms", versions, "ms", "list one application's versions"),
        Row(
            "store_file_mb",
            main_mb,
            "MiB",
            "afterword.json",
            anchor=f"+ afterword.drafts/ {drafts_mb:.1f} MiB",
        ),
    ]
    if plain_all is not None:  # a full run: the layout before schema 4, for the record
        rows.append(
            Row(
                "tinydb_write_all_ms",
                plain_all[1],
                "ms",
                "plain TinyDB with the 10,000 drafts in "
                "the one file: it rewrites the whole file per write (median of 3)",
            )
        )
    return rows


def _tinydb_ms(path: Path, tables: dict[str, Any], n: int) -> tuple[float, float]:
    """Plain TinyDB on `tables` at `path`: median ms to open and read every application, and to
    open and update one."""
    TinyDB(path).storage.write(tables)
    read = median_ms(lambda: TinyDB(path).table("applications").all(), n)
    write = median_ms(lambda: TinyDB(path).table("applications").update({"updated": "now"}, doc_ids=[500]), n)
    return read, write
