"""Ordered schema upgrades for the store file, recorded as `meta.schema_version`.

Each upgrade takes the raw tinydb dict (`{table: {doc_id: doc}}`) of version N-1 and returns
version N. Files from before `meta` existed are version 1.

History:
- v1: applications kept sent follow-ups inline (`sent: [{date, scenario}]`) and the decision
  timeline as plain text.
- v2: follow-ups moved to an `events` table (so replies and outcomes can sit beside them).
- v3: the timeline is kept as said and as a date; applications carry their contacts, channel,
  interview date and status; drafts carry a version number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from afterword.errors import StoreError
from afterword.store.records import describe_notes

Data = dict[str, dict[str, Any]]
SCHEMA_VERSION = 3
META = "meta"


def schema_version(data: Data, what: str = "the store") -> int:
    """The version recorded in the file (1 when `meta` is missing)."""
    meta = data.get(META) or {}
    doc = meta.get("1") or {}
    version = doc.get("schema_version", 1)
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
    """Timeline text → {said, date, …}; fill contacts, channel, status; number the drafts."""
    for app in data.get("applications", {}).values():
        notes = app.get("notes") or {}
        said = app.pop("timeline", None)
        if said is not None and not isinstance(said, str):
            raise StoreError("v2 store: an application's `timeline` is not text")
        notes.setdefault("decision_timeline", said)
        created = app.get("created") or dt.datetime.now().isoformat(timespec="seconds")
        app.update(describe_notes(notes, dt.date.fromisoformat(created[:10])))
        app.setdefault("status", "active")
        app.setdefault("created", created)
        app.setdefault("updated", created)
    versions: dict[tuple[Any, ...], int] = {}
    for _, draft in sorted(data.get("drafts", {}).items(), key=lambda kv: int(kv[0])):
        key = (draft.get("app_id"), draft.get("scenario"), draft.get("recipient"))
        versions[key] = versions.get(key, 0) + 1
        draft.setdefault("version", versions[key])
    return data


UPGRADES: list[tuple[int, Callable[[Data], Data]]] = [(2, _v1_to_v2), (3, _v2_to_v3)]


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
    data[META] = {"1": {"schema_version": SCHEMA_VERSION}}
    return data, start
