"""Ordered schema upgrades for the store, recorded as `meta.schema_version`.

Each upgrade takes the raw tinydb dict (`{table: {doc_id: doc}}`) of version N-1 and returns
version N. Files from before `meta` existed are version 1.

Upgrades are frozen: they work on plain dicts and never import live domain code (models,
planner), so a later change to the app cannot change what an old upgrade does. Whatever an
upgrade needs is copied into it.

History:
- v1: applications kept sent follow-ups inline (`sent: [{date, scenario}]`) and the decision
  timeline as plain text.
- v2: follow-ups moved to an `events` table (so replies and outcomes can sit beside them).
- v3: the timeline text moved into the notes; applications carried fields derived from the
  notes (contacts, channel, the timeline read as a date, status); drafts got a version number.
- v4: the store keeps only what the person said: the derived fields are gone (the planner
  computes them when asked); each send names its recipient (a thank-you to two interviewers
  is two sends) and can be undone; applications can be archived; draft versions say whether
  the person edited them. (The store keeps draft versions in a file per application; in this
  dict, as in a backup, they stay one `drafts` table.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from afterword.errors import StoreError

Data = dict[str, dict[str, Any]]
SCHEMA_VERSION = 4
META = "meta"


def schema_version(data: Data, what: str = "the store") -> int:
    """The version recorded in the file (1 when `meta` is missing)."""
    meta = data.get(META)
    doc = meta.get("1") if isinstance(meta, dict) else None
    version = doc.get("schema_version", 1) if isinstance(doc, dict) else 1
    if not isinstance(version, int) or version < 1:
        raise StoreError(f"{what}: schema_version {version!r} is not a positive number")
    return version


def _next_id(table: dict[str, Any]) -> int:
    return max((int(k) for k in table), default=0) + 1


def _v1_to_v2(data: Data) -> Data:
    """Move `applications[*].sent` into an `events` table."""
    events = data.setdefault("events", {})
    for app_id, app in data.get("applications", {}).items():
        for sent in app.pop("sent", []) or []:
            events[str(_next_id(events))] = {
                "app_id": app_id,
                "kind": "sent",
                "scenario": sent.get("scenario"),
                "date": sent.get("date"),
                "recorded": sent.get("date"),
                "source": "migration",
            }
    return data


def _v2_to_v3(data: Data) -> Data:
    """Timeline text → the notes' `decision_timeline`; status and timestamps; number the drafts.

    v3 also stored fields derived from the notes; v4 drops them again, so this step no longer
    computes them (it only ever runs on the way to v4)."""
    for app in data.get("applications", {}).values():
        notes = app.setdefault("notes", {})
        said = app.pop("timeline", None)
        if said is not None and not isinstance(said, str):
            raise StoreError("v2 store: an application's `timeline` is not text")
        if isinstance(notes, dict):
            notes.setdefault("decision_timeline", said)
        created = app.get("created") or dt.datetime.now().astimezone().isoformat(timespec="seconds")
        app.setdefault("status", "active")
        app.setdefault("created", created)
        app.setdefault("updated", created)
    versions: dict[tuple[Any, ...], int] = {}
    for _, draft in sorted(data.get("drafts", {}).items(), key=lambda kv: int(kv[0])):
        key = (draft.get("app_id"), draft.get("scenario"), draft.get("recipient"))
        versions[key] = versions.get(key, 0) + 1
        draft.setdefault("version", versions[key])
    return data


_V3_DERIVED = (
    "company", "position", "sender", "candidate", "role", "language", "contacts", "channel",
    "interview_date", "timeline", "status",
)  # fmt: skip


def _v3_recipients(notes: Any, scenario: Any) -> list[str | None]:
    """Who a v3 send went to, as v3 drafted it: a thank-you to every interviewer, anything else to
    the first recipient (the candidate, for a recruiter). Unknown → one send to no one in
    particular (the planner reads that as everyone)."""
    notes = notes if isinstance(notes, dict) else {}
    if notes.get("sender_role") == "recruiter":
        people = [notes.get("candidate")]
    else:
        people = notes.get("interviewers") or []
    names = [p["name"] for p in people if isinstance(p, dict) and isinstance(p.get("name"), str)]
    chosen = names if scenario == "thank-you" else names[:1]
    return list(chosen) or [None]


def _v3_to_v4(data: Data) -> Data:
    """Drop derived fields; one send per recipient, each undoable; archive flag; edited drafts."""
    apps = data.get("applications", {})
    for app in apps.values():
        for name in _V3_DERIVED:
            app.pop(name, None)
        app.setdefault("archived", None)
    events: dict[str, Any] = {}
    for old_id, event in sorted(data.get("events", {}).items(), key=lambda kv: int(kv[0])):
        batch = f"v3-{old_id}"
        if event.get("kind") == "sent":
            notes = (apps.get(str(event.get("app_id"))) or {}).get("notes")
            people = _v3_recipients(notes, event.get("scenario"))
        else:
            people = [None]
        for person in people:
            row = {**event, "batch": batch, "undone": None}
            if event.get("kind") == "sent":
                row["recipient"] = person
            events[str(len(events) + 1)] = row
    data["events"] = events
    for draft in data.get("drafts", {}).values():
        draft.setdefault("edited", False)
        draft.setdefault("restored_from", None)
    return data


UPGRADES: list[tuple[int, Callable[[Data], Data]]] = [(2, _v1_to_v2), (3, _v2_to_v3), (4, _v3_to_v4)]


def migrate(data: Data, what: str = "the store") -> tuple[Data, int]:
    """Upgrade `data` in order to SCHEMA_VERSION; returns it and the version it started at.
    `what` names the data in errors (the store, or a backup being imported)."""
    start = schema_version(data, what)
    if start > SCHEMA_VERSION:
        raise StoreError(
            f"{what} was written by a newer afterword (schema {start}; this one reads up to "
            f"{SCHEMA_VERSION})",
            "upgrade afterword, or point AFTERWORD_HOME at another folder",
        )
    for version, upgrade in UPGRADES:
        if start < version:
            data = upgrade(data)
    kept = (data.get(META) or {}).get("1") or {}
    data[META] = {"1": {**kept, "schema_version": SCHEMA_VERSION}}
    return data, start
