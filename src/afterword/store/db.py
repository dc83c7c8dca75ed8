"""The local store: what the person said and did — applications (their notes), interview rounds,
sends and replies — in one tinydb file, and every draft version in a file per application.

Every public method is one transaction: it takes the store's file lock, reads each file it needs
once and writes it at most once, atomically. So a second process never loses an update and a
crash never leaves half a file.

Why draft versions live apart (`afterword.drafts/<app id>.json` beside `afterword.json`): tinydb
rewrites a whole file on every write, and 10,000 versions with their checks are tens of MB.
Planning (`due`, `track`, the dashboard) then reads only the small main file, and keeping a
version rewrites only that application's few versions.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from filelock import FileLock, Timeout
from pydantic import BaseModel, ValidationError
from tinydb import TinyDB
from tinydb.table import Document

from afterword.config import data_dir
from afterword.errors import InputError, StoreError
from afterword.models import (
    CANDIDATE_SCENARIOS,
    RECRUITER_SCENARIOS,
    SCENARIOS,
    Draft,
    Notes,
    describe_validation_error,
)
from afterword.store.migrations import META, SCHEMA_VERSION, migrate, schema_version
from afterword.store.records import (
    OUTCOMES,
    Application,
    Event,
    InterviewRound,
    StoredDraft,
    application_key,
    same_name,
    sane_date,
    scenario_recipients,
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
TABLES = ("applications", "events", "interviews")
"""The main file's record tables (besides `meta`); a backup adds `drafts`."""
_DRAFT_ID = re.compile(r"([0-9]+)\.([0-9]+)")
M = TypeVar("M", bound=BaseModel)


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _is_id(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _shape_problem(data: dict[str, Any], tables: tuple[str, ...]) -> str | None:
    """Why `data` is not `{table: {id: record}}` with known tables, or None when it is."""
    for name, table in data.items():
        if name != META and name not in tables:
            return f"unknown table `{name}`"
        if not isinstance(table, dict):
            return f"`{name}` is not a table of records"
        for key, record in table.items():
            if not _is_id(str(key)) or not isinstance(record, dict):
                return f"`{name}[{key!r}]` is not a record"
    return None


class _RecordsSetAside(StoreError):
    """Records that did not fit were taken out; the transaction still writes (see `_tx`)."""


class Store:
    """Applications and everything that happened to them, in `data_dir()/afterword.json`."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else data_dir() / FILE_NAME
        self.drafts_dir = self.path.with_name(self.path.name.removesuffix(".json") + ".drafts")
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
            for tmp in self.drafts_dir.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)
            data = read_json(self.path)
            if data is None:
                atomic_write_json(self.path, {META: {"1": {"schema_version": SCHEMA_VERSION}}})
                return
            start = schema_version(data)  # a newer schema is refused untouched by `migrate`
            problem = None if start > SCHEMA_VERSION else _shape_problem(data, (*TABLES, "drafts"))
            if problem is None:
                try:
                    data, start = migrate(data)
                except (KeyError, TypeError, AttributeError, ValueError) as exc:
                    problem = f"its records cannot be upgraded ({exc!r})"
            if problem is not None:
                aside = set_aside(self.path, "wrong-shape")
                raise StoreError(
                    f"{self.path}: this is not an afterword store ({problem}); it was moved aside "
                    f"to {aside.name}",
                    "nothing was deleted — the next run starts a new, empty store; restore a "
                    "backup with `afterword import-data FILE`",
                )
            if start != SCHEMA_VERSION:
                self._replace_drafts(data.pop("drafts", {}))
                atomic_write_json(self.path, data)
                self.upgraded_from = start
            elif self.path.stat().st_mode & 0o777 != FILE_MODE:
                os.chmod(self.path, FILE_MODE)

    # transactions ---------------------------------------------------------------------------

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
            raise StoreError(
                f"{self.path}: cannot read or write the store ({exc.strerror})",
                "check the folder's permissions, or set AFTERWORD_HOME",
            ) from None

    @contextmanager
    def _tx(self, path: Path | None = None, *, write: bool = True) -> Iterator[TinyDB]:
        """One read-modify-write of a file under the lock; nothing is written if the body raises
        (except when records that do not fit were taken out: that is kept) or with `write=False`
        (a dry run)."""
        with self._locked():
            db = TinyDB(path or self.path, storage=Transaction(AtomicJSONStorage))
            try:
                yield db
            except _RecordsSetAside:
                db.close()
                raise
            if write:
                db.close()

    def _drafts_file(self, app_id: str) -> Path:
        return self.drafts_dir / f"{app_id}.json"

    # applications ---------------------------------------------------------------------------

    def track(self, notes: Notes) -> tuple[str, bool]:
        """Create or update the application these notes belong to; returns (id, created).

        Follow-ups and an outcome written in the notes are recorded (once each; a send the
        person undid stays undone). An autosave that differs from these notes is kept."""
        raw = notes.model_dump(mode="json", exclude_none=True)
        now = _now()
        with self._tx() as db:
            apps = db.table("applications")
            existing = self._find(db, raw)
            if existing is not None:
                app_id = str(existing.doc_id)
                saved = existing.get("saved_notes")
                kept = None if saved is None or _same_notes(saved, notes) else saved
                apps.update({"notes": raw, "saved_notes": kept, "updated": now}, doc_ids=[existing.doc_id])
            else:
                app_id = str(self._insert_application(db, raw, now))
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
            db.table("applications").update({"saved_notes": kept, "updated": _now()}, doc_ids=[doc.doc_id])

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
        self._set_archived(app_id, _now())

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

    # drafts ---------------------------------------------------------------------------------

    def add_draft(self, app_id: str, draft: Draft, *, edited: bool = False) -> str:
        """Keep a draft version (every version is kept, per recipient and scenario); returns its
        id. Text identical to the latest version of that recipient and scenario adds nothing
        and returns that version's id."""
        with self._tx() as db:
            self._app_doc(db, app_id)
            self.drafts_dir.mkdir(mode=0o700, exist_ok=True)
            with self._tx(self._drafts_file(app_id)) as files:
                thread = self._thread(files, app_id, draft.recipient, draft.scenario)
                last = thread[-1] if thread else None
                if last is not None and _same_text(last, draft):
                    return last.id
                doc = {
                    **draft.model_dump(mode="json"),
                    "app_id": app_id,
                    "version": last.version + 1 if last else 1,
                    "created": _now(),
                    "edited": edited,
                    "approved": False,
                    "approved_at": None,
                    "restored_from": None,
                }
                return f"{app_id}.{files.table('drafts').insert(doc)}"

    def drafts(
        self, app_id: str, *, recipient: str | None = None, scenario: str | None = None
    ) -> list[StoredDraft]:
        """The draft versions of an application (of one recipient and/or scenario), oldest first."""
        with self._tx() as db:
            self._app_doc(db, app_id)
            with self._tx(self._drafts_file(app_id)) as files:
                versions = self._versions(files, app_id)
        return [
            d for d in versions
            if (recipient is None or same_name(d.recipient, recipient))
            and (scenario is None or d.scenario == scenario)
        ]  # fmt: skip

    def latest_draft(self, app_id: str, recipient: str, scenario: str) -> StoredDraft | None:
        """The newest version for this recipient and scenario (what the person saw last)."""
        versions = self.drafts(app_id, recipient=recipient, scenario=scenario)
        return versions[-1] if versions else None

    def get_draft(self, draft_id: str) -> StoredDraft:
        """One draft version by its id (`APP.N`); InputError for an unknown id."""
        app_id, doc_id = self._draft_ref(draft_id)
        with self._tx(self._drafts_file(app_id)) as files:
            return self._draft_doc(files, app_id, doc_id, draft_id)

    def approve_draft(self, draft_id: str) -> None:
        """Mark a draft version approved."""
        app_id, doc_id = self._draft_ref(draft_id)
        with self._tx(self._drafts_file(app_id)) as files:
            self._draft_doc(files, app_id, doc_id, draft_id)
            files.table("drafts").update({"approved": True, "approved_at": _now()}, doc_ids=[doc_id])

    def restore_draft(self, draft_id: str) -> StoredDraft:
        """Bring an older version back as the newest one, and return it.

        Restoring adds a copy (with `restored_from`) instead of moving a "current" mark: history
        only grows, so the text that was current before is one version back and restoring it
        undoes the restore. Restoring the newest version itself changes nothing."""
        app_id, doc_id = self._draft_ref(draft_id)
        with self._tx(self._drafts_file(app_id)) as files:
            old = self._draft_doc(files, app_id, doc_id, draft_id)
            thread = self._thread(files, app_id, old.recipient, old.scenario)
            if thread[-1].id == old.id:
                return old
            doc = {
                **old.model_dump(mode="json", exclude={"id"}),
                "version": thread[-1].version + 1,
                "created": _now(),
                "approved": False,
                "approved_at": None,
                "restored_from": old.version,
            }
            new_id = files.table("drafts").insert(doc)
            return StoredDraft.model_validate({**doc, "id": f"{app_id}.{new_id}"})

    # events ---------------------------------------------------------------------------------

    def record_sent(
        self, app_id: str, scenario: str, date: dt.date, to: str | None = None, *, draft_id: str | None = None
    ) -> list[Event]:
        """Record a follow-up as sent — to `to`, or to every recipient of the scenario (a
        thank-you: each interviewer). Returns the new sends; one already recorded for the same
        person, scenario and day is not recorded twice."""
        day = _checked_date(date, "--date")
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
        now = _now()
        with self._tx() as db:
            app = self._load(db, app_id)[0]
            sends = [e for e in app.events if e.kind == "sent" and (to is None or same_name(e.recipient, to))]
            if not sends:
                whom = f" to {to}" if to else ""
                raise InputError(
                    f"application {app_id} has no recorded send{whom} to undo",
                    "see what was recorded with `afterword apps`",
                )
            last = max(sends, key=lambda e: int(e.id))
            undone = [last] if to is not None else [e for e in sends if e.batch == last.batch]
            db.table("events").update({"undone": now}, doc_ids=[int(e.id) for e in undone])
        return [e.model_copy(update={"undone": dt.datetime.fromisoformat(now)}) for e in undone]

    def record_reply(self, app_id: str, outcome: str, date: dt.date, warm: bool = False) -> Event:
        """Record a reply or an outcome (replied, next-round, rejected, offer, withdrawn)."""
        if outcome not in OUTCOMES:
            raise InputError(f"unknown outcome {outcome!r}", f"choose one of: {', '.join(OUTCOMES)}")
        day = _checked_date(date, "--date")
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
        data = _checked_backup(data, source)
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
    def _app_doc(db: TinyDB, app_id: str) -> Document:
        doc = db.table("applications").get(doc_id=int(app_id)) if _is_id(str(app_id)) else None
        if doc is None:
            raise InputError(f"no application with id {app_id!r}", "list them with `afterword apps`")
        assert isinstance(doc, Document)
        return doc

    @staticmethod
    def _insert_application(db: TinyDB, raw: dict[str, Any], now: str) -> int:
        """A new application under an id never used before (not even by a deleted one)."""
        apps, meta = db.table("applications"), db.table(META)
        kept = meta.get(doc_id=1)
        last = int(kept.get("last_app_id", 0)) if isinstance(kept, Document) else 0
        doc_id = max([last, *(d.doc_id for d in apps.all())]) + 1
        row = {"notes": raw, "saved_notes": None, "archived": None, "created": now, "updated": now}
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
        rows = [r for r in db.table("events").all() if r.get("app_id") in wanted and not r.get("undone")]
        events: dict[str, list[Event]] = {}
        for e in self._valid(db, "events", rows, lambda r: Event.model_validate({**r, "id": str(r.doc_id)})):
            events.setdefault(e.app_id, []).append(e)

        def build(doc: Document) -> Application:
            app_id = str(doc.doc_id)
            return Application.model_validate({**doc, "id": app_id, "events": events.get(app_id, [])})

        return self._valid(db, "applications", docs, build)

    def _valid(self, db: TinyDB, table: str, rows: list[Document], build: Callable[[Document], M]) -> list[M]:
        """`rows` as models; records that do not fit are taken out of the store (see below)."""
        good: list[M] = []
        bad: list[tuple[int, str]] = []
        for row in rows:
            try:
                good.append(build(row))
            except ValidationError as exc:
                bad.append((row.doc_id, describe_validation_error(f"{table}[{row.doc_id}]", exc)))
        if bad:
            self._set_aside_records(db, table, bad)
        return good

    def _set_aside_records(self, db: TinyDB, table: str, bad: list[tuple[int, str]]) -> NoReturn:
        """Keep a copy of the file as it is, take the records that do not fit (and whatever
        belongs to them) out of the live store, and say so; the rest keeps working."""
        path = Path(db.storage.storage.path)  # type: ignore[attr-defined]
        aside = set_aside(path, "bad-records", copy=True)
        ids = [doc_id for doc_id, _ in bad]
        db.table(table).remove(doc_ids=ids)
        if table == "applications":
            gone = {str(i) for i in ids}
            for other in ("events", "interviews"):
                rows = db.table(other)
                rows.remove(doc_ids=[r.doc_id for r in rows.all() if r.get("app_id") in gone])
        more = f" (and {len(bad) - 1} more record{'s' * (len(bad) > 2)})" if len(bad) > 1 else ""
        raise _RecordsSetAside(
            f"{path}: a record does not fit — {bad[0][1]}{more}; it was taken out of the store, "
            f"and the file as it was is kept as {aside.name}",
            "nothing was deleted and the rest of the store works as before; fix the kept copy by "
            "hand and restore it with `afterword import-data FILE`",
        )

    @staticmethod
    def _add_event(db: TinyDB, app_id: str, kind: str, date: dt.date, **fields: Any) -> Event:
        row = {"app_id": app_id, "kind": kind, "date": date.isoformat(), "recorded": _now(), "source": "user"}
        row.update(fields)
        return Event.model_validate({**row, "id": str(db.table("events").insert(row))})

    def _record_history(self, db: TinyDB, app_id: str, notes: Notes) -> None:
        """The notes' interview round, follow-ups and outcome as records; InputError (nothing
        written) when a date in them is one the store cannot keep."""
        try:
            self._record_interview(db, app_id, notes)
            self._import_history(db, app_id, notes)
        except ValidationError as exc:
            raise InputError(describe_validation_error("notes", exc), "check the year") from None

    def _import_history(self, db: TinyDB, app_id: str, notes: Notes) -> None:
        """Follow-ups and the outcome written in the notes become events, once each: a send the
        store has seen (even one the person undid) is not recorded again."""
        rows = self._event_rows(db, app_id)
        seen = {(r.get("kind"), r.get("date"), r.get("scenario") or r.get("outcome")) for r in rows}
        for f in notes.follow_ups:
            if ("sent", f.date.isoformat(), f.scenario) in seen:
                continue
            seen.add(("sent", f.date.isoformat(), f.scenario))
            batch = uuid.uuid4().hex[:12]
            for person in scenario_recipients(notes, f.scenario):
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

    # draft internals ------------------------------------------------------------------------

    def _versions(self, files: TinyDB, app_id: str) -> list[StoredDraft]:
        rows = files.table("drafts").all()
        return self._valid(
            files, "drafts", rows, lambda r: StoredDraft.model_validate({**r, "id": f"{app_id}.{r.doc_id}"})
        )

    def _thread(self, files: TinyDB, app_id: str, recipient: str, scenario: str) -> list[StoredDraft]:
        """The versions for one recipient and scenario, oldest first."""
        return [
            d
            for d in self._versions(files, app_id)
            if same_name(d.recipient, recipient) and d.scenario == scenario
        ]

    @staticmethod
    def _draft_ref(draft_id: str) -> tuple[str, int]:
        match = _DRAFT_ID.fullmatch(str(draft_id))
        if match is None:
            raise InputError(f"no draft with id {draft_id!r}", "draft ids look like 3.12")
        return match[1], int(match[2])

    def _draft_doc(self, files: TinyDB, app_id: str, doc_id: int, draft_id: str) -> StoredDraft:
        row = files.table("drafts").get(doc_id=doc_id)
        if row is None:
            raise InputError(f"no draft with id {draft_id!r}")
        assert isinstance(row, Document)
        return self._valid(
            files, "drafts", [row], lambda r: StoredDraft.model_validate({**r, "id": draft_id})
        )[0]

    def _replace_drafts(self, drafts: dict[str, Any]) -> None:
        """Write a flat `drafts` table (as in a backup) as one file per application; files of
        applications that have no drafts in it are removed. Only call under the lock."""
        by_app: dict[str, dict[str, Any]] = {}
        for _, doc in sorted(drafts.items(), key=lambda kv: int(kv[0])):
            kept = by_app.setdefault(str(doc.get("app_id")), {})
            kept[str(len(kept) + 1)] = doc
        if by_app:
            self.drafts_dir.mkdir(mode=0o700, exist_ok=True)
        for old in self.drafts_dir.glob("*.json"):
            if old.stem not in by_app:
                old.unlink()
        for app_id, docs in by_app.items():
            atomic_write_json(self._drafts_file(app_id), {"drafts": docs})


def _same_notes(saved: Any, notes: Notes) -> bool:
    """The autosave says the same as these notes (so tracking them loses nothing typed)."""
    try:
        return Notes.model_validate(saved) == notes
    except ValidationError:
        return False


def _same_text(stored: StoredDraft, draft: Draft) -> bool:
    return (stored.subject, stored.body, stored.tone, stored.channel) == (
        draft.subject, draft.body, draft.tone, draft.channel,
    )  # fmt: skip


def _checked_date(day: dt.date, flag: str) -> dt.date:
    try:
        return sane_date(day)
    except ValueError as exc:
        raise InputError(f"{flag} {day.isoformat()}: {exc}", "check the year") from None


def _checked_backup(data: Any, source: str) -> dict[str, Any]:
    """The backup upgraded to this schema, every record checked with the store's models; an
    InputError naming the backup (not the live store) and the first record that does not fit."""
    if not isinstance(data, dict):
        raise InputError(
            f"{source}: not an afterword backup (expected tables of records)",
            "use a file written by `afterword export-data`",
        )
    problem = _shape_problem(data, (*TABLES, "drafts"))
    if problem is not None:
        raise InputError(
            f"{source}: not an afterword backup ({problem})", "use a file written by `afterword export-data`"
        )
    try:
        data, _ = migrate(json.loads(json.dumps(data)))
    except StoreError as exc:
        raise InputError(f"{source}: {exc.message}", exc.hint) from None
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise InputError(f"{source}: the backup's records cannot be upgraded ({exc!r})") from None
    apps = data.get("applications", {})
    checks: list[tuple[str, Callable[[str, dict[str, Any]], BaseModel]]] = [
        ("applications", lambda i, r: Application.model_validate({**r, "id": i})),
        ("events", lambda i, r: Event.model_validate({**r, "id": i})),
        ("interviews", lambda i, r: InterviewRound.model_validate(r)),
        ("drafts", lambda i, r: StoredDraft.model_validate({**r, "id": f"{r.get('app_id')}.{i}"})),
    ]
    for table, build in checks:
        for doc_id, row in data.get(table, {}).items():
            where = f"{source}: {table}[{doc_id}]"
            try:
                build(doc_id, row)
            except ValidationError as exc:
                raise InputError(describe_validation_error(where, exc), "the store was not changed") from None
            if table != "applications" and str(row.get("app_id")) not in apps:
                raise InputError(f"{where} refers to no application", "the store was not changed")
    return data
