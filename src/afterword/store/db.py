"""The store: what the person said and did — applications (their notes as tracked), interview
rounds, sends per person (undoable) and replies — in `afterword.json`; every draft version in a
file per application beside it (see versions.py).

Every public method is one transaction (files.py): it takes the store's lock, reads each file it
needs once and writes it at most once, atomically.

Why draft versions live apart: tinydb rewrites a whole file on every write, and 10,000 versions
with their checks are tens of MB. Planning (`due`, `track`, the dashboard) then reads only the
small main file, and keeping a version rewrites only that application's few versions
(bench/store_bench.py measures both layouts).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.table import Document

from afterword.config import data_dir
from afterword.errors import InputError
from afterword.models import (
    CANDIDATE_SCENARIOS,
    RECRUITER_SCENARIOS,
    SCENARIOS,
    Notes,
    checked_day,
)
from afterword.store.backup import checked_backup
from afterword.store.files import app_of, now
from afterword.store.migrations import META, SCHEMA_VERSION
from afterword.store.records import (
    OUTCOMES,
    Application,
    Event,
    InterviewRound,
    application_key,
    same_name,
    scenario_recipients,
)
from afterword.store.storage import atomic_write_json, read_json, set_aside
from afterword.store.versions import DraftVersions

FILE_NAME = "afterword.json"


class Store(DraftVersions):
    """Applications and everything that happened to them, in `data_dir()/afterword.json`."""

    def __init__(self, path: Path | None = None) -> None:
        super().__init__(Path(path) if path is not None else data_dir() / FILE_NAME)

    # applications ---------------------------------------------------------------------------

    def track(self, notes: Notes) -> tuple[str, bool]:
        """Create or update the application these notes belong to; returns (id, created).

        Follow-ups and an outcome written in the notes are recorded (once each; a send the
        person undid stays undone). An autosave that differs from these notes is kept."""
        raw = notes.model_dump(mode="json", exclude_none=True)
        stamp = now()
        with self._tx() as db:
            apps = db.table("applications")
            existing = self._find(db, raw)
            if existing is not None:
                app_id = str(existing.doc_id)
                saved = existing.get("saved_notes")
                kept = None if saved is None or _same_notes(saved, notes) else saved
                apps.update({"notes": raw, "saved_notes": kept, "updated": stamp}, doc_ids=[existing.doc_id])
            else:
                app_id = str(self._insert_application(db, raw, stamp))
            self._record_history(db, app_id, notes)
        return app_id, existing is None

    def upsert_application(self, notes: Notes) -> str:
        """Create or update an application (same company + position + sender); returns its id."""
        return self.track(notes)[0]

    def find_application(self, notes: Notes) -> str | None:
        """The id of the application these notes belong to (archived or not), if it is tracked."""
        with self._tx() as db:
            doc = self._find(db, notes.model_dump(mode="json"))
        return str(doc.doc_id) if doc is not None else None

    def get_application(self, app_id: str) -> Application:
        """One application with its events; InputError for an unknown id."""
        with self._tx() as db:
            return self._load(db, app_id)[0]

    def applications(self, *, include_archived: bool = False) -> list[Application]:
        """Every application (archived ones only when asked), oldest first."""
        with self._tx() as db:
            apps = self._load(db)
        return [a for a in apps if include_archived or a.archived is None]

    def save_notes(self, app_id: str, notes: dict[str, Any]) -> None:
        """Autosave in-progress notes as typed (they may be partial or invalid)."""
        kept = json.loads(json.dumps(notes, ensure_ascii=False, default=str))
        with self._tx() as db:
            doc = self._app_doc(db, app_id)
            db.table("applications").update({"saved_notes": kept, "updated": now()}, doc_ids=[doc.doc_id])

    def interviews(self, app_id: str) -> list[InterviewRound]:
        """The interview rounds recorded for an application, oldest first."""
        with self._tx() as db:
            self._app_doc(db, app_id)
            rows = [r for r in db.table("interviews").all() if r.get("app_id") == app_id]
            rounds = self._valid(db, "interviews", rows, lambda r: InterviewRound.model_validate(r))
        return sorted(rounds, key=lambda r: r.date or dt.date.min)

    def notes_with_history(self, app_id: str) -> Notes:
        """The tracked notes with `follow_ups` and `outcome` as the store records them."""
        return self.get_application(app_id).notes_with_history()

    def preview(self, notes: Notes) -> Application | None:
        """The application these notes belong to as it would be if they were tracked now (their
        follow-ups and outcome counted as `track` would), without writing anything; None when
        the notes belong to no tracked application."""
        raw = notes.model_dump(mode="json", exclude_none=True)
        with self._tx(write=False) as db:
            existing = self._find(db, raw)
            if existing is None:
                return None
            app_id = str(existing.doc_id)
            db.table("applications").update({"notes": raw}, doc_ids=[existing.doc_id])
            self._record_history(db, app_id, notes)
            return self._load(db, app_id)[0]

    def archive(self, app_id: str) -> None:
        """Hide an application from `apps`, `due` and the dashboard (undo with `unarchive`)."""
        self._set_archived(app_id, now())

    def unarchive(self, app_id: str) -> None:
        """Show an archived application again."""
        self._set_archived(app_id, None)

    def delete(self, app_id: str) -> None:
        """Remove an application and everything recorded for it (sends, replies, rounds, every
        draft version). Nothing is kept; ask the person first. Its id is never reused."""
        with self._tx() as db:
            doc = self._app_doc(db, app_id)
            db.table("applications").remove(doc_ids=[doc.doc_id])
            for table in ("events", "interviews"):
                rows = db.table(table)
                rows.remove(doc_ids=[r.doc_id for r in rows.all() if r.get("app_id") == app_id])
        with self._locked():
            self._drafts_file(app_id).unlink(missing_ok=True)

    # events ---------------------------------------------------------------------------------

    def record_sent(
        self, app_id: str, scenario: str, date: dt.date, to: str | None = None, *, draft_id: str | None = None
    ) -> list[Event]:
        """Record a follow-up as sent — to `to`, or to every recipient of the scenario (a
        thank-you: each interviewer). Returns the new sends; one already recorded for the same
        person, scenario and day is not recorded twice."""
        day = checked_day(date, "--date")
        with self._tx() as db:
            app = self._load(db, app_id)[0]
            allowed = RECRUITER_SCENARIOS if app.role == "recruiter" else CANDIDATE_SCENARIOS
            if scenario not in SCENARIOS:
                raise InputError(f"unknown scenario {scenario!r}", f"choose one of: {', '.join(allowed)}")
            if scenario not in allowed:
                raise InputError(
                    f"application {app_id} is a {app.role}'s; {scenario!r} is not one of its scenarios",
                    f"choose one of: {', '.join(allowed)}",
                )
            people = (
                scenario_recipients(app.notes, scenario) if to is None else [app.notes.recipient(to).name]
            )
            done = [e for e in app.events if e.kind == "sent" and e.scenario == scenario and e.date == day]
            new = [p for p in people if not any(same_name(e.recipient, p) for e in done)]
            batch = uuid.uuid4().hex[:12]
            return [
                self._add_event(
                    db, app_id, "sent", day, scenario=scenario, recipient=p, batch=batch, draft=draft_id
                )
                for p in new
            ]

    def unsend(self, app_id: str, to: str | None = None) -> list[Event]:
        """Undo the last recorded send — the whole of it (a thank-you recorded for two interviewers
        at once), or only the last one to `to`. Returns what was undone; InputError when there is
        nothing to undo."""
        undone = self.undo_last(app_id, "sent", to)
        if not undone:
            whom = f" to {to}" if to else ""
            raise InputError(
                f"application {app_id} has no recorded send{whom} to undo",
                "see what was recorded with `afterword apps`",
            )
        return undone

    def undo_last(self, app_id: str, kind: str | None = None, to: str | None = None) -> list[Event]:
        """Undo the last recorded event of `kind` (`sent` or `reply`; None: whichever came last) —
        a whole send batch, or only the last send to `to`. Returns what was undone ([] if nothing)."""
        stamp = now()
        with self._tx() as db:
            app = self._load(db, app_id)[0]
            events = [
                e for e in app.events
                if kind in (None, e.kind) and (to is None or same_name(e.recipient, to))
            ]  # fmt: skip
            if not events:
                return []
            last = max(events, key=lambda e: int(e.id))
            undone = [last] if to is not None else [e for e in events if e.batch == last.batch]
            db.table("events").update({"undone": stamp}, doc_ids=[int(e.id) for e in undone])
        return [e.model_copy(update={"undone": dt.datetime.fromisoformat(stamp)}) for e in undone]

    def record_reply(self, app_id: str, outcome: str, date: dt.date, warm: bool = False) -> Event:
        """Record a reply or an outcome (replied, next-round, rejected, offer, withdrawn)."""
        if outcome not in OUTCOMES:
            raise InputError(f"unknown outcome {outcome!r}", f"choose one of: {', '.join(OUTCOMES)}")
        day = checked_day(date, "--date")
        with self._tx() as db:
            self._app_doc(db, app_id)
            batch = uuid.uuid4().hex[:12]
            return self._add_event(db, app_id, "reply", day, outcome=outcome, warm=warm, batch=batch)

    # backup ---------------------------------------------------------------------------------

    def export_data(self) -> dict[str, Any]:
        """Everything in the store as one JSON document (draft versions as a `drafts` table)."""
        with self._locked():
            data = read_json(self.path) or {META: {"1": {"schema_version": SCHEMA_VERSION}}}
            drafts: dict[str, Any] = {}
            for app_id in data.get("applications", {}):
                kept = read_json(self._drafts_file(app_id)) or {}
                for doc in (kept.get("drafts") or {}).values():
                    drafts[str(len(drafts) + 1)] = doc
        return {**data, "drafts": drafts}

    def import_data(self, data: Any, source: str = "backup") -> Path | None:
        """Replace the store with a backup (older schemas are upgraded), after checking every
        record with the store's own models; a bad backup changes nothing. The current store is
        kept aside first, whole, as a backup; returns that file (None when the store was empty)."""
        data = checked_backup(data, source)
        with self._locked():
            current = self.export_data()
            aside = None
            if any(current.get(t) for t in ("applications", "drafts")):
                aside = set_aside(self.path, "before-import", copy=True)
                atomic_write_json(aside, current)
            self._replace_drafts(data.pop("drafts", {}))
            atomic_write_json(self.path, data)
        return aside

    # internals ------------------------------------------------------------------------------

    @staticmethod
    def _find(db: TinyDB, raw: dict[str, Any]) -> Document | None:
        key = application_key(raw)
        return next(
            (d for d in db.table("applications").all() if application_key(d.get("notes")) == key), None
        )

    @staticmethod
    def _insert_application(db: TinyDB, raw: dict[str, Any], stamp: str) -> int:
        """A new application under an id never used before (not even by a deleted one)."""
        apps, meta = db.table("applications"), db.table(META)
        kept = meta.get(doc_id=1)
        last = int(kept.get("last_app_id", 0)) if isinstance(kept, Document) else 0
        doc_id = max([last, *(d.doc_id for d in apps.all())]) + 1
        row = {"notes": raw, "saved_notes": None, "archived": None, "created": stamp, "updated": stamp}
        apps.insert(Document(row, doc_id=doc_id))
        meta.upsert(Document({"schema_version": SCHEMA_VERSION, "last_app_id": doc_id}, doc_id=1))
        return doc_id

    def _set_archived(self, app_id: str, when: str | None) -> None:
        with self._tx() as db:
            doc = self._app_doc(db, app_id)
            db.table("applications").update({"archived": when}, doc_ids=[doc.doc_id])

    @staticmethod
    def _event_rows(db: TinyDB, app_id: str) -> list[Document]:
        return [r for r in db.table("events").all() if r.get("app_id") == app_id]

    def _load(self, db: TinyDB, app_id: str | None = None) -> list[Application]:
        """Applications (one, or all) with their standing events, checked against the models."""
        docs = db.table("applications").all() if app_id is None else [self._app_doc(db, app_id)]
        wanted = {str(d.doc_id) for d in docs}
        rows = [r for r in db.table("events").all() if app_of(r) in wanted and not r.get("undone")]
        events: dict[str, list[Event]] = {}
        for e in self._valid(db, "events", rows, lambda r: Event.model_validate({**r, "id": str(r.doc_id)})):
            events.setdefault(e.app_id, []).append(e)

        def build(doc: Document) -> Application:
            app_id = str(doc.doc_id)
            return Application.model_validate({**doc, "id": app_id, "events": events.get(app_id, [])})

        return self._valid(db, "applications", docs, build)

    @staticmethod
    def _add_event(db: TinyDB, app_id: str, kind: str, date: dt.date, **fields: Any) -> Event:
        row = {"app_id": app_id, "kind": kind, "date": date.isoformat(), "recorded": now(), "source": "user"}
        row.update(fields)
        return Event.model_validate({**row, "id": str(db.table("events").insert(row))})

    def _record_history(self, db: TinyDB, app_id: str, notes: Notes) -> None:
        """The notes' interview round, follow-ups and outcome as records."""
        self._record_interview(db, app_id, notes)
        self._import_history(db, app_id, notes)

    def _import_history(self, db: TinyDB, app_id: str, notes: Notes) -> None:
        """Follow-ups and the outcome written in the notes become events, once each: a send the
        store has seen (even one the person undid) is not recorded again."""
        rows = self._event_rows(db, app_id)
        seen = {(r.get("kind"), r.get("date"), r.get("scenario") or r.get("outcome")) for r in rows}
        sent = {(r.get("date"), r.get("scenario"), r.get("recipient")) for r in rows if r["kind"] == "sent"}
        for f in notes.follow_ups:
            people = [notes.recipient(f.to).name] if f.to else scenario_recipients(notes, f.scenario)
            people = [p for p in people if (f.date.isoformat(), f.scenario, p) not in sent]
            if not people:
                continue
            sent |= {(f.date.isoformat(), f.scenario, p) for p in people}
            batch = uuid.uuid4().hex[:12]
            for person in people:
                self._add_event(
                    db,
                    app_id,
                    "sent",
                    f.date,
                    scenario=f.scenario,
                    recipient=person,
                    source="notes",
                    batch=batch,
                )
        outcome = notes.outcome
        if outcome is not None:
            day = outcome.date or notes.interview.date or dt.date.today()
            if ("reply", day.isoformat(), outcome.result) not in seen:
                batch = uuid.uuid4().hex[:12]
                self._add_event(
                    db,
                    app_id,
                    "reply",
                    day,
                    outcome=outcome.result,
                    warm=outcome.warm,
                    source="notes",
                    batch=batch,
                )

    @staticmethod
    def _record_interview(db: TinyDB, app_id: str, notes: Notes) -> None:
        interview = notes.interview
        row = InterviewRound(
            app_id=app_id,
            date=interview.date,
            stage=interview.stage,
            format=interview.format,
            channel=interview.channel,
            interviewers=[p.name for p in notes.interviewers],
        ).model_dump(mode="json")
        table = db.table("interviews")
        same = [
            r.doc_id for r in table.all()
            if r.get("app_id") == app_id and r.get("date") == row["date"] and r.get("stage") == row["stage"]
        ]  # fmt: skip
        if same:
            table.update(row, doc_ids=same)
        else:
            table.insert(row)


def _same_notes(saved: Any, notes: Notes) -> bool:
    """The autosave says the same as these notes (so tracking them loses nothing typed)."""
    try:
        return Notes.model_validate(saved) == notes
    except ValidationError:
        return False
