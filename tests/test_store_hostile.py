"""The store file as a crash, a clumsy edit or an attacker leaves it: a store, or one clear StoreError
with the file set aside — never a traceback, never silently started anew."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from conftest import SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterword.errors import AfterwordError, InputError, StoreError
from afterword.models import parse_notes
from afterword.store import Store
from afterword.store.migrations import SCHEMA_VERSION

NOTES = parse_notes(json.loads((SAMPLES / "en_thank_you.json").read_text(encoding="utf-8")))


def set_aside_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".corrupt-" in p.name)


@pytest.mark.parametrize(("raw", "why"), [
    (b"", "the file is empty: 0 bytes"),
    (b"  \n", "the file is empty: 3 bytes"),
    (b'{"applications": []}', "`applications` is not a table of records"),
    (b'{"applications": {"1": "x"}}', "`applications['1']` is not a record"),
    (b'{"applications": {"one": {}}}', "`applications['one']` is not a record"),
    (b'{"meta": [1]}', "`meta` is not a table of records"),
    (b"[1, 2]", "the top level is not a JSON object"),
    (b"\xff\xfe{}", "can't decode"),
    (b"[" * 50_000 + b"]" * 50_000, "nested too deeply"),
])  # fmt: skip
def test_a_damaged_or_wrong_shaped_store_is_set_aside_and_reported(
    tmp_path: Path, raw: bytes, why: str
) -> None:
    path = tmp_path / "db.json"
    path.write_bytes(raw)
    with pytest.raises(StoreError) as caught:
        Store(path)
    aside = set_aside_files(tmp_path)
    assert len(aside) == 1 and aside[0].read_bytes() == raw  # kept, byte for byte
    message = str(caught.value)
    assert why in message and aside[0].name in message and "nothing was deleted" in message
    assert Store(path).applications() == []  # the next run starts a new store


def test_a_store_with_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    Store(path).upsert_application(NOTES)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert [a.company for a in Store(path).applications()] == ["Northwind Health"]


def test_a_folder_at_the_lock_path_is_named(tmp_path: Path) -> None:
    (tmp_path / "db.json.lock").mkdir()
    with pytest.raises(StoreError) as caught:
        Store(tmp_path / "db.json")
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'db.json.lock'}: is a folder") and "lock file" in message


def test_a_folder_at_the_store_path_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "db.json").mkdir()
    with pytest.raises(StoreError, match="cannot read the store"):
        Store(tmp_path / "db.json")


@pytest.mark.parametrize(("backup", "message"), [
    ({"meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}}, "backup.json was written by a newer afterword"),
    ({"meta": {"1": {"schema_version": "x"}}}, "backup.json: schema_version 'x' is not a positive number"),
])  # fmt: skip
def test_backup_errors_are_about_the_backup(tmp_path: Path, backup: dict, message: str) -> None:
    store = Store(tmp_path / "db.json")
    store.upsert_application(NOTES)
    with pytest.raises(InputError) as caught:
        store.import_data(backup, "backup.json")
    assert message in str(caught.value) and "the store" not in str(caught.value)
    assert [a.company for a in store.applications()] == ["Northwind Health"]


def test_the_copy_kept_before_an_import_is_private(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.json")
    store.upsert_application(NOTES)
    aside = store.import_data(store.export_data(), "backup.json")
    assert aside is not None and stat.S_IMODE(aside.stat().st_mode) == 0o600


STORE_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["applications", "events", "drafts", "meta", "1", "2", "x"])
            | st.text(max_size=5),
            inner,
            max_size=4,
        )
    ),
    max_leaves=10,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=200) | STORE_JSON.map(lambda v: json.dumps(v).encode()))
def test_any_bytes_in_the_store_file_give_a_store_or_a_clear_error(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "fuzz" / "db.json"
    path.parent.mkdir(exist_ok=True)
    for old in path.parent.iterdir():
        old.unlink()
    path.write_bytes(raw)
    try:
        store = Store(path)
        store.applications()
        store.upsert_application(NOTES)
    except AfterwordError as exc:
        assert "\n" not in str(exc)
        if isinstance(exc, StoreError) and "damaged" in str(exc):
            assert [p.read_bytes() for p in set_aside_files(path.parent)] == [raw]
