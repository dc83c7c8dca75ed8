"""Notes files as a clumsy user or an attacker writes them: every one is a Notes or one clear InputError."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from afterword.errors import InputError
from afterword.models import MAX_FIELD_CHARS, MAX_NOTES_BYTES, Notes, load_notes, parse_notes

SAMPLE = json.loads((SAMPLES / "en_thank_you.json").read_text(encoding="utf-8"))
JA_SAMPLE = json.loads((SAMPLES / "ja_thank_you.json").read_text(encoding="utf-8"))


def write(tmp_path: Path, raw: bytes) -> Path:
    path = tmp_path / "notes.json"
    path.write_bytes(raw)
    return path


def error(path: Path | str) -> str:
    with pytest.raises(InputError) as caught:
        load_notes(path)
    return str(caught.value)


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    notes = load_notes(write(tmp_path, b"\xef\xbb\xbf" + json.dumps(SAMPLE).encode()))
    assert notes.company.name == "Northwind Health"


@pytest.mark.parametrize(("encoding", "named"), [
    ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("shift_jis", "Shift_JIS"), ("euc_jp", "EUC-JP"),
])  # fmt: skip
def test_other_encodings_are_named(tmp_path: Path, encoding: str, named: str) -> None:
    raw = json.dumps(JA_SAMPLE, ensure_ascii=False).encode(encoding)
    assert named in error(write(tmp_path, raw))


def test_latin1_is_named(tmp_path: Path) -> None:
    raw = json.dumps({**SAMPLE, "position": "Ingénieur données"}, ensure_ascii=False).encode("latin-1")
    message = error(write(tmp_path, raw))
    assert "not UTF-8" in message and "Latin-1" in message and "UnicodeDecodeError" not in message


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = {**SAMPLE, "topics_discussed": ["x" * 9000] * (MAX_NOTES_BYTES // 9000 + 1)}
    assert "larger than 1,024 KiB" in error(write(tmp_path, json.dumps(big).encode()))


def test_dev_zero_and_folders_are_refused(tmp_path: Path) -> None:
    assert "larger than" in error("/dev/zero")
    assert "is a folder" in error(tmp_path)


def test_a_symlink_loop_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    assert "symbolic links" in error(tmp_path / "a.json")


def test_deeply_nested_json_is_one_clear_error(tmp_path: Path) -> None:
    assert "nested too deeply" in error(write(tmp_path, b"[" * 100_000 + b"]" * 100_000))


def test_one_field_over_the_limit_is_named(tmp_path: Path) -> None:
    data = copy.deepcopy(SAMPLE)
    data["interviewers"][1]["topics"] = ["a" * (MAX_FIELD_CHARS + 1)]
    message = error(write(tmp_path, json.dumps(data).encode()))
    assert "`interviewers[1].topics[0]` is 10,001 characters; the limit is 10,000 per field" in message
    data["interviewers"][1]["topics"] = ["a" * MAX_FIELD_CHARS]
    assert load_notes(write(tmp_path, json.dumps(data).encode())).interviewers[1].topics


@pytest.mark.parametrize(("path", "day"), [
    ("interview.date", "9999-12-31"), ("interview.date", "1899-12-31"), ("follow_ups[0].date", "2101-01-01"),
    ("company.news[0].date", "0001-01-01"), ("outcome.date", "3000-06-01"),
])  # fmt: skip
def test_dates_outside_1900_to_2100_are_refused_with_the_field(path: str, day: str) -> None:
    data = copy.deepcopy(SAMPLE)
    data["interview"]["date"] = day if path == "interview.date" else "2026-11-20"
    data["follow_ups"] = [
        {"date": day if path.startswith("follow") else "2026-11-21", "scenario": "thank-you"}
    ]
    data["company"]["news"][0]["date"] = day if path.startswith("company") else "2026-10-28"
    data["outcome"] = {"result": "next-round", "date": day if path == "outcome.date" else "2026-11-25"}
    with pytest.raises(InputError) as caught:
        parse_notes(data, "n.json")
    assert f"n.json: `{path}`: {day} is outside 1900–2100 — check the year" in str(caught.value)
    data = copy.deepcopy(SAMPLE)
    data["interview"]["date"] = "1900-01-01"
    data["follow_ups"] = [{"date": "2100-12-31", "scenario": "thank-you"}]
    parse_notes(data)  # the bounds themselves are fine


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


def _notes_or_input_error(data: Any) -> None:
    try:
        assert isinstance(parse_notes(data, "n.json"), Notes)
    except InputError as exc:
        assert str(exc).startswith("n.json") and "\n" not in str(exc)


@settings(max_examples=300, deadline=None)
@given(JSON)
def test_any_json_is_notes_or_an_input_error(value: Any) -> None:
    _notes_or_input_error(value)


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_any_field_of_real_notes_replaced_by_any_json(data: st.DataObject) -> None:
    notes = copy.deepcopy(data.draw(st.sampled_from([SAMPLE, JA_SAMPLE])))
    path = data.draw(st.sampled_from(_paths(notes)))
    target = notes
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = data.draw(JSON)
    _notes_or_input_error(notes)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300) | JSON.map(lambda v: json.dumps(v).encode()))
def test_any_bytes_in_a_notes_file(tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("n") / "notes.json"
    path.write_bytes(raw)
    try:
        load_notes(path)
    except InputError as exc:
        assert "\n" not in str(exc)
