"""Crash-safe JSON storage for tinydb: atomic replace, mode 0600, corrupt files set aside.

Callers hold the store's file lock around every read-modify-write (see `db.Store`), so this
layer only has to make each single write all-or-nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Collection
from pathlib import Path
from typing import Any

from tinydb.middlewares import CachingMiddleware
from tinydb.storages import Storage

from afterword.errors import StoreError
from afterword.fileio import FILE_MODE, atomic_write

__all__ = ["FILE_MODE", "AtomicJSONStorage", "atomic_write_json", "read_json", "set_aside"]


def atomic_write_json(path: Path, data: Any) -> None:
    """Write `data` as JSON through the one atomic 0600 writer (not indented: json's C encoder
    only runs without `indent`, and it is 5x faster on a large store)."""
    atomic_write(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def set_aside(path: Path, why: str, *, copy: bool = False) -> Path:
    """Move (or copy) a file to `<name>.<why>-<timestamp>` next to it; never deletes anything."""
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.{why}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{why}-{stamp}-{n}")
    if copy:
        atomic_write(target, path.read_bytes())
    else:
        os.replace(path, target)
    return target


def remove_stale_temp_files(path: Path) -> None:
    """Temp files left by a writer that was killed mid-write (only call under the lock)."""
    for tmp in path.parent.glob(f".{path.name}.*.tmp"):
        tmp.unlink(missing_ok=True)


def _shown(name: str) -> str:
    """A table name as a message shows it: on one line, quoted when it is not a plain word."""
    return name if name.isidentifier() else json.dumps(name)


def shape_problem(data: Any, tables: Collection[str] | None = None) -> str | None:
    """What is wrong with the shape of a store file's JSON (`{table: {doc_id: {…}}}`), if anything;
    given `tables`, a table not among them is wrong too."""
    if not isinstance(data, dict):
        return "the top level is not a JSON object"
    for name, table in data.items():
        if tables is not None and (problem := unknown_table({name: table}, tables)):
            return problem
        if not isinstance(table, dict):
            return f"`{_shown(name)}` is not a table of records"
        for doc_id, doc in table.items():
            if not (doc_id.isascii() and doc_id.isdigit()) or not isinstance(doc, dict):
                return f"`{_shown(name)}[{doc_id!r}]` is not a record"
    return None


def unknown_table(data: dict[str, Any], tables: Collection[str]) -> str | None:
    """The first table of `data` (already of the right shape) not among `tables`, as a message:
    the one part of `shape_problem` that a check without `tables` leaves out."""
    name = next((n for n in data if n not in tables), None)
    return None if name is None else f"unknown table `{_shown(name)}`"


def damaged(path: Path, why: object) -> StoreError:
    """Move a damaged store file aside; the error says why and where it went."""
    aside = set_aside(path, "corrupt")
    return StoreError(
        f"{path}: the store is damaged ({why}); it was moved aside to {aside.name}",
        "nothing was deleted — the next run starts a new, empty store; restore a backup "
        "with `afterword import-data FILE`, or repair the moved file by hand",
    )


def read_json(path: Path, tables: Collection[str] | None = None) -> dict[str, Any] | None:
    """The store file's tables; None when there is no file yet.

    A file that is empty, not UTF-8 JSON, or JSON of another shape (with `tables`: a table not
    among them) is moved aside and StoreError says where it went (nothing is deleted, nothing
    is silently started anew).
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(
            f"{path}: cannot read the store ({exc.strerror or exc.__class__.__name__})",
            "check the file and folder permissions, or set AFTERWORD_HOME",
        ) from None
    try:
        if not raw.strip():
            raise ValueError(f"the file is empty: {len(raw)} bytes")
        data = json.loads(raw.decode("utf-8-sig"))
        problem = shape_problem(data, tables)
        if problem:
            raise ValueError(problem)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise damaged(path, "nested too deeply" if isinstance(exc, RecursionError) else exc) from None
    return data


class AtomicJSONStorage(Storage):
    """tinydb storage over one JSON file, written atomically with mode 0600."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, dict[str, Any]] | None:
        return read_json(self.path)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        atomic_write_json(self.path, data)


class Transaction(CachingMiddleware):
    """Read the file once, write it at most once, on `close()`; never flushes early."""

    WRITE_CACHE_SIZE = sys.maxsize
