"""Checking a backup before it replaces the store: the whole of it, with the store's own models."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from afterword.errors import InputError, StoreError
from afterword.models import describe_validation_error
from afterword.store.files import TABLES
from afterword.store.migrations import META, migrate
from afterword.store.records import Application, Event, InterviewRound, StoredDraft
from afterword.store.storage import shape_problem


def checked_backup(data: Any, source: str) -> dict[str, Any]:
    """The backup upgraded to this schema, every record checked with the store's models; an
    InputError naming the backup (not the live store) and the first record that does not fit."""
    if not isinstance(data, dict):
        raise InputError(
            f"{source}: not an afterword backup (expected tables of records)",
            "use a file written by `afterword export-data`",
        )
    problem = shape_problem(data, (META, *TABLES, "drafts"))
    if problem is not None:
        raise InputError(
            f"{source}: not an afterword backup ({problem})", "use a file written by `afterword export-data`"
        )
    try:
        data, _ = migrate(json.loads(json.dumps(data)), source)
    except StoreError as exc:
        raise InputError(exc.message, "use a backup written by this afterword's `export-data`") from None
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
