"""The store's files under one lock: a transaction per read-modify-write, a shape check on every
read, upgrades on opening, and setting aside what does not fit — so a second process never
loses an update, a crash never leaves half a file, and damage is reported, never a traceback.

`Store` (db.py: applications, sends, replies) and its draft versions (versions.py) sit on this.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from filelock import FileLock, Timeout
from pydantic import BaseModel, ValidationError
from tinydb import TinyDB
from tinydb.table import Document

from afterword.errors import InputError, StoreError
from afterword.models import describe_validation_error
from afterword.store.migrations import META, SCHEMA_VERSION, migrate, schema_version
from afterword.store.storage import (
    FILE_MODE,
    AtomicJSONStorage,
    Transaction,
    atomic_write_json,
    damaged,
    read_json,
    remove_stale_temp_files,
    set_aside,
    unknown_table,
)

LOCK_TIMEOUT = 30.0
TABLES = ("applications", "events", "interviews")
"""The main file's record tables (besides `meta`); a backup adds `drafts`."""
M = TypeVar("M", bound=BaseModel)


def now() -> str:
    """This moment as stored (ISO 8601, local time with its offset, to the second)."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def is_id(text: str) -> bool:
    """A record id as typed: ASCII digits only (`²` and `٣` are digits to Python, not ids)."""
    return text.isascii() and text.isdigit()


def app_of(record: dict[str, Any]) -> str | None:
    """The application a record belongs to (None when its `app_id` is not even text)."""
    app_id = record.get("app_id")
    return app_id if isinstance(app_id, str) else None


class _Storage(AtomicJSONStorage):
    """A store file whose shape is checked on every read; the first read may be the one
    `StoreFiles.__init__` already made."""

    def __init__(self, path: Path, tables: tuple[str, ...], parsed: dict[str, Any] | None = None) -> None:
        super().__init__(path)
        self._tables = tables
        self._parsed = parsed

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._parsed is not None:
            parsed, self._parsed = self._parsed, None
            return parsed
        return read_json(self.path, self._tables)


def _signature(path: Path) -> tuple[int, int, int] | None:
    """Identifies one version of a file: every write replaces it (a new inode and mtime)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


class RecordsSetAside(StoreError):
    """Records that did not fit were taken out; the transaction still writes (see `_tx`)."""


class StoreFiles:
    """`afterword.json`, the `afterword.drafts/` folder beside it (a file per application) and
    their lock. Opening takes the lock, cleans up after a killed writer, checks and upgrades."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
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
        self._opened: tuple[tuple[int, int, int] | None, dict[str, Any]] | None = None
        """The file as this constructor read it, handed to the first transaction when unchanged
        (so a command parses the file once)."""
        with self._locked():
            remove_stale_temp_files(self.path)
            for tmp in self.drafts_dir.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)
            data = read_json(self.path)
            if data is None:
                atomic_write_json(self.path, {META: {"1": {"schema_version": SCHEMA_VERSION}}})
                return
            try:
                start = schema_version(data, str(self.path))  # a newer one is refused untouched below
                problem = None if start > SCHEMA_VERSION else unknown_table(data, (META, *TABLES, "drafts"))
            except StoreError as exc:
                start, problem = SCHEMA_VERSION, exc.message
            if problem is None:
                try:
                    data, start = migrate(data, str(self.path))
                except (KeyError, TypeError, AttributeError, ValueError) as exc:
                    problem = f"its records cannot be upgraded ({exc!r})"
            if problem is not None:
                raise damaged(self.path, problem)
            if start != SCHEMA_VERSION:
                self._replace_drafts(data.pop("drafts", {}))
                atomic_write_json(self.path, data)
                self.upgraded_from = start
            elif self.path.stat().st_mode & 0o777 != FILE_MODE:
                os.chmod(self.path, FILE_MODE)
            self._opened = (_signature(self.path), data)

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
    def _tx(self, path: Path | None = None, *, write: bool = True) -> Iterator[TinyDB]:
        """One read-modify-write of a file under the lock; nothing is written if the body raises
        (except when records that do not fit were taken out: that is kept) or with `write=False`
        (a dry run)."""
        with self._locked():
            parsed = None
            if path is None and self._opened is not None:
                signature, data = self._opened
                self._opened = None
                parsed = data if signature == _signature(self.path) else None
            tables = (META, *TABLES) if path is None else ("drafts",)
            db = TinyDB(path or self.path, tables=tables, parsed=parsed, storage=Transaction(_Storage))
            try:
                yield db
            except RecordsSetAside:
                db.close()
                raise
            if write:
                db.close()

    def _drafts_file(self, app_id: str) -> Path:
        return self.drafts_dir / f"{app_id}.json"

    @staticmethod
    def _app_doc(db: TinyDB, app_id: str) -> Document:
        doc = db.table("applications").get(doc_id=int(app_id)) if is_id(str(app_id)) else None
        if doc is None:
            raise InputError(f"no application with id {app_id!r}", "list them with `afterword apps`")
        assert isinstance(doc, Document)
        return doc

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
                rows.remove(doc_ids=[r.doc_id for r in rows.all() if app_of(r) in gone])
        more = f" (and {len(bad) - 1} more record{'s' * (len(bad) > 2)})" if len(bad) > 1 else ""
        raise RecordsSetAside(
            f"{path}: a record does not fit — {bad[0][1]}{more}; it was taken out of the store, "
            f"and the file as it was is kept as {aside.name}",
            "nothing was deleted and the rest of the store works as before; fix the kept copy by "
            "hand and restore it with `afterword import-data FILE`",
        )

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
