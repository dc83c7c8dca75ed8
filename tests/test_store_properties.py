"""Whatever JSON sits in the store file, every command gets a result or one StoreError — never a
traceback — and after the damage is set aside the store works again."""

from __future__ import annotations

import copy
import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from afterword import planner
from afterword.errors import StoreError
from afterword.models import Draft
from afterword.store import Store
from afterword.store.migrations import SCHEMA_VERSION

SAMPLE = json.loads(
    (Path(__file__).resolve().parents[1] / "sample_data" / "en_thank_you.json").read_text(encoding="utf-8")
)
TODAY = dt.date(2026, 12, 1)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.sampled_from(["2026-11-20", "9999-12-31", "0001-01-01", "2026-02-30", "sent"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def good_store() -> dict[str, Any]:
    """A fresh, valid store (a new copy every time: the damage strategies mutate it in place)."""
    stamp = "2026-11-20T10:00:00+00:00"
    return copy.deepcopy({
        "meta": {"1": {"schema_version": SCHEMA_VERSION}},
        "applications": {
            "1": {"notes": SAMPLE, "archived": None, "created": stamp, "updated": stamp},
            "2": {
                "notes": {**SAMPLE, "position": "Staff"},
                "archived": None,
                "created": stamp,
                "updated": stamp,
            },
        },
        "events": {
            "1": {
                "app_id": "1",
                "kind": "sent",
                "scenario": "thank-you",
                "recipient": "Tom Okafor",
                "date": "2026-11-20",
                "batch": "a",
            },
            "2": {"app_id": "2", "kind": "reply", "outcome": "replied", "date": "2026-11-25", "batch": "b"},
        },
        "interviews": {"1": {"app_id": "1", "date": "2026-11-20", "interviewers": ["Priya Raman"]}},
    })


@st.composite
def damaged_stores(draw: st.DrawFn) -> Any:
    """A good store with a few values replaced by arbitrary JSON (at any depth), or any JSON."""
    if draw(st.booleans()):
        return draw(json_values)
    data = good_store()
    for _ in range(draw(st.integers(1, 3))):
        node: Any = data
        path = []
        while isinstance(node, dict) and node and draw(st.booleans()):
            key = draw(st.sampled_from(sorted(node)))
            path.append(key)
            if not isinstance(node[key], dict) or not draw(st.booleans()):
                break
            node = node[key]
        if path:
            parent = data
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]] = draw(json_values)
    return data


def every_command(path: Path) -> None:
    store = Store(path)
    apps = store.applications(include_archived=True)
    for app in apps:
        store.drafts(app.id)
        store.latest_draft(app.id, "Priya Raman", "thank-you")
    planner.due_items(apps, TODAY)
    for app in apps:
        planner.next_step(app, TODAY).people_line(TODAY)
        planner.app_timeline(app)
        store.notes_with_history(app.id)
        store.interviews(app.id)


@settings(max_examples=150, deadline=None)
@given(damaged_stores())
def test_any_store_file_gives_a_result_or_one_store_error(content: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "afterword.json"
        path.write_text(json.dumps(content), encoding="utf-8")
        for _attempt in range(6):
            try:
                every_command(path)
                break
            except StoreError as exc:
                assert "\n" not in str(exc)
        else:
            raise AssertionError("the store did not recover after its damage was set aside")
        every_command(path)  # and it stays working


def draft_row(**changes: Any) -> dict[str, Any]:
    draft = Draft(
        subject="Thanks",
        body="Dear Priya",
        scenario="thank-you",
        tone="warm",
        language="en",
        backend="offline",
        recipient="Priya Raman",
    )
    row = {
        **draft.model_dump(mode="json"),
        "app_id": "1",
        "version": 1,
        "created": "2026-11-20T10:00:00+00:00",
    }
    row.update(changes)
    return row


@st.composite
def damaged_drafts(draw: st.DrawFn) -> Any:
    """A drafts file with a good version and a damaged one, or any JSON at all."""
    if draw(st.booleans()):
        return draw(json_values)
    bad = draft_row()
    bad[draw(st.sampled_from(sorted(bad)))] = draw(json_values)
    return {"drafts": {"1": draft_row(), "2": bad}}


@settings(max_examples=100, deadline=None)
@given(damaged_drafts())
def test_any_drafts_file_gives_a_result_or_one_store_error(content: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "afterword.json"
        path.write_text(json.dumps(good_store()), encoding="utf-8")
        (Path(tmp) / "afterword.drafts").mkdir()
        (Path(tmp) / "afterword.drafts" / "1.json").write_text(json.dumps(content), encoding="utf-8")
        for _attempt in range(4):
            try:
                every_command(path)
                break
            except StoreError as exc:
                assert "\n" not in str(exc)
        else:
            raise AssertionError("the drafts did not recover after their damage was set aside")
        store = Store(path)
        kept = store.add_draft(
            "1",
            Draft(
                subject="S",
                body="new text",
                scenario="thank-you",
                tone="warm",
                language="en",
                backend="offline",
                recipient="Priya Raman",
            ),
        )
        assert store.get_draft(kept).body == "new text"
