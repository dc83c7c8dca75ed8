"""The CLI with broken and hostile input: exit 2 (bad input) or a clear error, one line, no traceback."""

from __future__ import annotations

import argparse
import io
import json
import stat
from pathlib import Path

import pytest
from conftest import FIXTURES, SAMPLES
from pytest_httpserver import HTTPServer
from werkzeug import Response

from afterword.cli import _run, main

STREAM = (FIXTURES / "ollama" / "chat_stream.ndjson").read_text(encoding="utf-8").splitlines()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def tracked(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "track", str(SAMPLES / "en_status_check.json"))[0] == 0


def test_ics_is_written_private_and_whole(
    tracked: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "due.ics"
    code, _, err = run(capsys, "due", "--today", "2026-12-01", "--ics", str(target))
    assert code == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR") and [p.name for p in tmp_path.iterdir()] == [
        "due.ics"
    ]


@pytest.mark.parametrize("command", [["due", "--ics"], ["export-data"]])
def test_writing_to_a_folder_or_under_a_file_is_one_line(
    tracked: None, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    (tmp_path / "a-file").write_text("x")
    for target, why in ((tmp_path, "is a folder"), (tmp_path / "a-file" / "out", "")):
        code, _, err = run(capsys, *command, str(target))
        assert code == 2 and why in one_line(err), err


def test_binary_stdin_to_check_is_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\xff")))
    code, _, err = run(capsys, "check", "-")
    assert code == 2 and "stdin: this is a binary file" in one_line(err)


def test_dev_zero_to_check_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "/dev/zero")
    assert code == 2 and "/dev/zero: the draft is larger than 1,024 KiB" in one_line(err)


def test_a_bom_draft_keeps_its_subject(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "d.txt"
    draft.write_bytes(
        "\ufeffSubject: Thank you for today\n\nDear Priya,\n\nThank you.\n\nBest,\nMaya".encode()
    )
    code, out, _ = run(capsys, "check", str(draft), "--json")
    assert code in (0, 1)
    assert not [i for i in json.loads(out)["issues"] if i["rule"] == "subject"]


def test_a_bom_backup_is_imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "track", str(SAMPLES / "en_status_check.json"))[0] == 0
    backup = tmp_path / "backup.json"
    assert run(capsys, "export-data", str(backup))[0] == 0
    backup.write_bytes(b"\xef\xbb\xbf" + backup.read_bytes())
    code, out, err = run(capsys, "import-data", str(backup))
    assert code == 0 and "Imported 1 application" in out, err


def test_a_zero_byte_store_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    from afterword.config import data_dir

    data_dir().mkdir(parents=True)
    (data_dir() / "afterword.json").write_bytes(b"")
    code, out, err = run(capsys, "apps")
    assert code == 1 and out == ""
    assert "the store is damaged (the file is empty: 0 bytes)" in one_line(err)


def _serve(server: HTTPServer, lines: list[str], last_newline: bool = True) -> None:
    body = "\n".join(lines) + ("\n" if last_newline else "")
    server.expect_request("/api/chat", method="POST").respond_with_handler(
        lambda _r: Response(body, content_type="application/x-ndjson")
    )


def _draft(capsys: pytest.CaptureFixture[str], server: HTTPServer, monkeypatch: pytest.MonkeyPatch,
           *extra: str) -> tuple[int, str, str]:  # fmt: skip
    monkeypatch.setenv("OLLAMA_HOST", server.url_for("/").rstrip("/"))
    return run(capsys, "draft", str(SAMPLES / "en_thank_you.json"), "--backend", "ollama", "--model",
               "llama3.2", "--to", "Priya Raman", *extra)  # fmt: skip


def test_a_cut_stream_prints_the_text_so_far_and_says_it_is_partial(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _serve(httpserver, [*STREAM[:10], STREAM[-1][:25]], last_newline=False)
    code, out, err = _draft(capsys, httpserver, monkeypatch)
    expected = "".join(json.loads(line)["message"]["content"] for line in STREAM[:10])
    assert code == 1 and out == expected + "\n"
    assert "the text so far is kept and is partial" in one_line(err)


@pytest.mark.parametrize("content", ["", "   \n "])
def test_an_empty_reply_is_exit_1_with_nothing_printed(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    line = json.loads(STREAM[-1])
    line["message"]["content"] = content
    _serve(httpserver, [json.dumps(line)])
    code, out, err = _draft(capsys, httpserver, monkeypatch, "--json")
    assert code == 1 and out.strip() == ""
    assert "Ollama returned an empty reply" in one_line(err)


def test_an_unexpected_error_is_one_line_asking_for_a_report(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_args: argparse.Namespace) -> int:
        return {}["missing"]  # type: ignore[no-any-return]

    monkeypatch.delenv("AFTERWORD_DEBUG", raising=False)
    assert _run(argparse.Namespace(handler=broken)) == 1
    line = one_line(capsys.readouterr().err)
    assert line.startswith("afterword: unexpected error: KeyError: 'missing'") and "please report it" in line
    monkeypatch.setenv("AFTERWORD_DEBUG", "1")
    with pytest.raises(KeyError):
        _run(argparse.Namespace(handler=broken))
