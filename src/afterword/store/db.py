"""The local store: applications, interviews, drafts and events in one tinydb file (A1–A3).

Every public method is one transaction: it takes the file lock, reads the file once, and writes
it at most once, atomically. So a second process never loses an update and a crash never leaves
half a file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import Query, TinyDB
from tinydb.table import Document

from afterword.config import data_dir
from afterword.errors import InputError, StoreError
from afterword.models import (
    CANDIDATE_SCENARIOS,
    RECRUITER_SCENARIOS,
    SCENARIOS,
    Draft,
    FollowUp,
    Notes,
    Outcome,
    parse_notes,
)
from afterword.store.migrations import META, SCHEMA_VERSION, migrate
from afterword.store.records import (
    OUTCOMES,
    Application,
    Event,
    StoredDraft,
    application_key,
    describe_notes,
)
from afterword.store.storage import (
    FILE_MODE,
    AtomicJSONStorage,
    Transaction,
    atomic_write_json,
    read_json,
    remove_stale_temp_files,
    set_aside,
)

FILE_NAME = "afterword.json"
LOCK_TIMEOUT = 30.0


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


class Store:
    """Applications and everything that happened to them, in `data_dir()/afterword.json`."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else data_dir() / FILE_NAME
        self.upgraded_from: int | None = None
        """The schema version this run upgraded the file from, if it did."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StoreError(
                f"{self.path.parent}: cannot create the data folder ({exc.strerror})",
                "set AFTERWORD_HOME to a folder you can write",
            ) from None
        self._lock = FileLock(
            self.path.with_name(self.path.name + ".lock"), timeout=LOCK_TIMEOUT, mode=FILE_MODE
        )
        with self._locked():
            remove_stale_temp_files(self.path)
            data = read_json(self.path)
            if data is None:
                atomic_write_json(self.path, {META: {"1": {"schema_version": SCHEMA_VERSION}}})
                return
            try:
                data, start = migrate(data, str(self.path))
            except (KeyError, TypeError, AttributeError, ValueError) as exc:
                raise StoreError(
                    f"{self.path}: cannot upgrade the store ({exc!r})",
                    "the file was left as it was; report this with the file",
                ) from None
            if start != SCHEMA_VERSION:
                atomic_write_json(self.path, data)
                self.upgraded_from = start
            elif self.path.stat().st_mode & 0o777 != FILE_MODE:
                os.chmod(self.path, FILE_MODE)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            with self._lock:
                yield
        except Timeout:
            raise StoreError(
                f"{self.path}: another afterword has held the store for {LOCK_TIMEOUT:.0f} s",
                "close the other one and try again",
            ) from None
        except OSError as exc:
            lock = Path(self._lock.lock_file)
            if lock.is_dir():
                raise StoreError(
                    f"{lock}: is a folder, but afterword keeps the store's lock file there",
                    "move that folder away (afterword.json itself is untouched)",
                ) from None
            raise StoreError(
                f"{self.path}: cannot read or write the store ({exc.strerror})",
                "check the folder's permissions, or set AFTERWORD_HOME",
            ) from None

    @contextmanager
    def _tx(self) -> Iterator[TinyDB]:
        """One read-modify-write under the lock; nothing is written if the body raises."""
        with self._locked():
            db = TinyDB(self.path, storage=Transaction(AtomicJSONStorage))
            yield db
            db.close()

    # applications ---------------------------------------------------------------------------

    def track(self, notes: Notes) -> tuple[str, bool]:
        """Create or update the application these notes belong to; returns (id, created)."""
        raw = notes.model_dump(mode="json", exclude_none=True)
        now = _now()
        with self._tx() as db:
            apps = db.table("applications")
            existing = self._find(db, raw)
            if existing is not None:
                tracked_on = dt.date.fromisoformat(existing["created"][:10])
                fields = describe_notes(raw, tracked_on)
                apps.update(
                    {**fields, "notes": raw, "saved_notes": None, "updated": now}, doc_ids=[existing.doc_id]
                )
                app_id = str(existing.doc_id)
            else:
                fields = describe_notes(raw, dt.date.fromisoformat(now[:10]))
                app_id = str(
                    apps.insert(
                        {
                            **fields,
                            "notes": raw,
                            "status": "active",
                            "saved_notes": None,
                            "created": now,
                            "updated": now,
                        }
                    )
                )
            self._record_interview(db, app_id, raw)
            self._import_history(db, app_id, notes, now)
            self._refresh_status(db, app_id)
        return app_id, existing is None

    def upsert_application(self, notes: Notes) -> str:
        """Create or update an application (same company + position + sender); returns its id."""
        return self.track(notes)[0]

    def find_application(self, notes: Notes) -> str | None:
        """The id of the application these notes belong to, if it is tracked."""
        with self._tx() as db:
            doc = self._find(db, notes.model_dump(mode="json"))
        return str(doc.doc_id) if doc is not None else None

    def get_application(self, app_id: str) -> Application:
        """One application with its events; InputError for an unknown id."""
        with self._tx() as db:
            return self._application(db, self._app_doc(db, app_id))

    def applications(self) -> list[Application]:
        """Every application, oldest first."""
        with self._tx() as db:
            return [self._application(db, doc) for doc in db.table("applications").all()]

    def save_notes(self, app_id: str, notes: dict[str, Any]) -> None:
        """Autosave in-progress notes as typed (they may be partial or invalid)."""
        kept = json.loads(json.dumps(notes, ensure_ascii=False, default=str))
        with self._tx() as db:
            doc = self._app_doc(db, app_id)
            db.table("applications").update({"saved_notes": kept, "updated": _now()}, doc_ids=[doc.doc_id])

    def interviews(self, app_id: str) -> list[dict[str, Any]]:
        """The interview rounds recorded for an application, oldest first."""
        with self._tx() as db:
            self._app_doc(db, app_id)
            rows = db.table("interviews").search(Query().app_id == app_id)
        return sorted((dict(r) for r in rows), key=lambda r: r.get("date") or "")

    def notes_with_history(self, app_id: str) -> Notes:
        """The notes with `follow_ups` and `outcome` filled from this round's recorded events,
        so `infer_scenario` picks the next scenario."""
        app = self.get_application(app_id)
        notes = app.notes
        follow_ups = {(f.date, f.scenario): f for f in notes.follow_ups}
        for event in app.round_events():
            if event.kind == "sent" and event.scenario in SCENARIOS:
                sent = FollowUp.model_validate({"date": event.date, "scenario": event.scenario})
                follow_ups.setdefault((sent.date, sent.scenario), sent)
        outcome = notes.outcome
        reply = app.last_reply()
        if reply is not None and reply.outcome is not None:
            same = outcome is not None and outcome.result == reply.outcome
            outcome = Outcome(
                result=reply.outcome,
                date=reply.date,
                warm=reply.warm or bool(same and outcome and outcome.warm),
                kind_words=outcome.kind_words if same and outcome else None,
            )
        ordered = sorted(follow_ups.values(), key=lambda f: f.date)
        return notes.model_copy(update={"follow_ups": ordered, "outcome": outcome})

    # drafts ---------------------------------------------------------------------------------

    def add_draft(self, app_id: str, draft: Draft) -> str:
        """Keep a draft version (every version is kept); returns the draft id."""
        with self._tx() as db:
            self._app_doc(db, app_id)
            table = db.table("drafts")
            q = Query()
            same = table.search(
                (q.app_id == app_id) & (q.scenario == draft.scenario) & (q.recipient == draft.recipient)
            )
            doc = {
                **draft.model_dump(mode="json"),
                "app_id": app_id,
                "version": len(same) + 1,
                "approved": False,
                "created": _now(),
                "approved_at": None,
            }
            return str(table.insert(doc))

    def approve_draft(self, draft_id: str) -> None:
        """Mark a draft version approved."""
        with self._tx() as db:
            table = db.table("drafts")
            if not draft_id.isdigit() or not table.contains(doc_id=int(draft_id)):
                raise InputError(f"no draft with id {draft_id!r}")
            table.update({"approved": True, "approved_at": _now()}, doc_ids=[int(draft_id)])

    def drafts(self, app_id: str) -> list[StoredDraft]:
        """Every draft version for an application, oldest first."""
        with self._tx() as db:
            self._app_doc(db, app_id)
            rows = db.table("drafts").search(Query().app_id == app_id)
        return [StoredDraft.model_validate({**r, "id": str(r.doc_id)}) for r in rows]

    # events ---------------------------------------------------------------------------------

    def record_sent(self, app_id: str, scenario: str, date: dt.date) -> str:
        """Record a follow-up as sent; returns the event id."""
        with self._tx() as db:
            doc = self._app_doc(db, app_id)
            role = doc.get("role", "candidate")
            allowed = RECRUITER_SCENARIOS if role == "recruiter" else CANDIDATE_SCENARIOS
            if scenario not in SCENARIOS:
                raise InputError(f"unknown scenario {scenario!r}", f"choose one of: {', '.join(allowed)}")
            if scenario not in allowed:
                raise InputError(
                    f"application {app_id} is a {role}'s; {scenario!r} is not one of its scenarios",
                    f"choose one of: {', '.join(allowed)}",
                )
            event_id = self._add_event(db, app_id, "sent", date, scenario=scenario)
            self._refresh_status(db, app_id)
        return event_id

    def record_reply(self, app_id: str, outcome: str, date: dt.date, warm: bool = False) -> str:
        """Record a reply or an outcome (it stops the follow-up cadence); returns the event id."""
        if outcome not in OUTCOMES:
            raise InputError(f"unknown outcome {outcome!r}", f"choose one of: {', '.join(OUTCOMES)}")
        with self._tx() as db:
            self._app_doc(db, app_id)
            event_id = self._add_event(db, app_id, "reply", date, outcome=outcome, warm=warm)
            self._refresh_status(db, app_id)
        return event_id

    # backup ---------------------------------------------------------------------------------

    def export_data(self) -> dict[str, Any]:
        """Everything in the store, as the JSON the file holds."""
        with self._locked():
            data = read_json(self.path)
        return data or {META: {"1": {"schema_version": SCHEMA_VERSION}}}

    def import_data(self, data: Any, source: str = "backup") -> Path | None:
        """Replace the store with a backup (older schemas are upgraded). The current file is
        copied aside first; returns that copy's path (None when the store was empty)."""
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            raise InputError(
                f"{source}: not an afterword backup (expected tables of records)",
                "use a file written by `afterword export-data`",
            )
        try:
            data, _ = migrate(json.loads(json.dumps(data)), source)
        except StoreError as exc:
            raise InputError(exc.message, "use a backup written by this afterword's `export-data`") from None
        apps = data.get("applications", {})
        for doc_id, app in apps.items():
            if not str(doc_id).isdigit() or not isinstance(app, dict):
                raise InputError(f"{source}: applications[{doc_id!r}] is not a record")
            parse_notes(app.get("notes"), f"{source}: applications[{doc_id}].notes")
        for table in ("events", "drafts", "interviews"):
            for doc_id, row in data.get(table, {}).items():
                if not isinstance(row, dict) or str(row.get("app_id")) not in apps:
                    raise InputError(f"{source}: {table}[{doc_id!r}] refers to no application")
        with self._locked():
            current = read_json(self.path)
            has_data = bool(current and any(current.get(t) for t in ("applications", "drafts")))
            aside = set_aside(self.path, "before-import", copy=True) if has_data else None
            atomic_write_json(self.path, data)
        return aside

    # internals ------------------------------------------------------------------------------

    @staticmethod
    def _find(db: TinyDB, raw: dict[str, Any]) -> Document | None:
        key = application_key(raw)
        return next(
            (d for d in db.table("applications").all() if application_key(d.get("notes") or {}) == key), None
        )

    @staticmethod
    def _app_doc(db: TinyDB, app_id: str) -> Document:
        doc = db.table("applications").get(doc_id=int(app_id)) if str(app_id).isdigit() else None
        if doc is None:
            raise InputError(f"no application with id {app_id!r}", "list them with `afterword apps`")
        assert isinstance(doc, Document)
        return doc

    @staticmethod
    def _events(db: TinyDB, app_id: str) -> list[Event]:
        rows = db.table("events").search(Query().app_id == app_id)
        return [Event.model_validate({**r, "id": str(r.doc_id)}) for r in rows]

    def _application(self, db: TinyDB, doc: Document) -> Application:
        app_id = str(doc.doc_id)
        return Application.model_validate({**doc, "id": app_id, "events": self._events(db, app_id)})

    @staticmethod
    def _add_event(db: TinyDB, app_id: str, kind: str, date: dt.date, **fields: Any) -> str:
        row = {
            "app_id": app_id,
            "kind": kind,
            "date": date.isoformat(),
            "recorded": _now(),
            "source": "user",
            **fields,
        }
        return str(db.table("events").insert(row))

    def _import_history(self, db: TinyDB, app_id: str, notes: Notes, now: str) -> None:
        """Follow-ups and the outcome written in the notes become events (once each)."""
        known = {(e.kind, e.date, e.scenario or e.outcome) for e in self._events(db, app_id)}
        for f in notes.follow_ups:
            if ("sent", f.date, f.scenario) not in known:
                self._add_event(db, app_id, "sent", f.date, scenario=f.scenario, source="notes")
        if notes.outcome is not None:
            day = notes.outcome.date or notes.interview.date or dt.date.fromisoformat(now[:10])
            if ("reply", day, notes.outcome.result) not in known:
                self._add_event(
                    db,
                    app_id,
                    "reply",
                    day,
                    outcome=notes.outcome.result,
                    warm=notes.outcome.warm,
                    source="notes",
                )

    @staticmethod
    def _record_interview(db: TinyDB, app_id: str, raw: dict[str, Any]) -> None:
        interview = raw.get("interview") or {}
        q = Query()
        table = db.table("interviews")
        row = {
            "app_id": app_id,
            "date": interview.get("date"),
            "stage": interview.get("stage"),
            "format": interview.get("format"),
            "channel": interview.get("channel", "email"),
            "interviewers": [p["name"] for p in raw.get("interviewers", [])],
        }
        match = (q.app_id == app_id) & (q.date == row["date"]) & (q.stage == row["stage"])
        table.upsert(row, match)

    def _refresh_status(self, db: TinyDB, app_id: str) -> None:
        app = self._application(db, self._app_doc(db, app_id))
        reply = app.last_reply()
        status = reply.outcome if reply is not None and reply.outcome else "active"
        db.table("applications").update({"status": status}, doc_ids=[int(app_id)])
