"""Every file afterword reads or writes goes through here: one atomic 0600 writer, one text reader.

The writer puts the bytes in a temp file in the same folder, fsyncs it, sets mode 0600 and
renames it over the target, so a crash never leaves a half-written file. The reader takes a size
cap, accepts a UTF-8 BOM and names the encoding problem instead of raising UnicodeDecodeError.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from afterword.errors import InputError

FILE_MODE = 0o600
MiB = 1024 * 1024


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: str | Path, data: bytes) -> Path:
    """Write `data` to `path` atomically with mode 0600; InputError naming the path on failure."""
    target = Path(path).expanduser()
    try:
        if target.is_dir():
            raise IsADirectoryError(21, "is a folder")
        if target.parent.exists() and not target.parent.is_dir():
            raise NotADirectoryError(20, f"{target.parent} is not a folder")
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, FILE_MODE)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_dir(target.parent)
    except OSError as exc:
        raise InputError(
            f"{target}: cannot write ({exc.strerror or exc.__class__.__name__})",
            "choose another folder or file name",
        ) from None
    return target


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a BOM: ASCII text then has a NUL in every other byte."""
    sample = raw[:512]
    return len(sample) >= 4 and max(sample[0::2].count(0), sample[1::2].count(0)) * 4 >= len(sample) * 3 // 2


def _legacy_encoding(raw: bytes) -> str | None:
    """The older encoding non-UTF-8 text is most likely in: a Japanese one when it decodes to kana."""
    for name, shown in (("cp932", "Shift_JIS"), ("euc_jp", "EUC-JP"), ("cp1252", "Windows-1252 (Latin-1)")):
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue
        if shown == "Windows-1252 (Latin-1)" or re.search("[\u3041-\u30ff]", text):
            return shown
    return None


def decode_text(raw: bytes, source: str) -> str:
    """UTF-8 text (a BOM is accepted and dropped); anything else is an InputError naming the encoding."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (b"\x00" in raw and _looks_utf16(raw)):
        raise InputError(f"{source}: the file is UTF-16, not UTF-8", "save it as UTF-8 and try again")
    if b"\x00" in raw:
        raise InputError(f"{source}: this is a binary file, not text", "give a UTF-8 text file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        guess = _legacy_encoding(raw)
        looks = f"; it looks like {guess}" if guess else ""
        raise InputError(
            f"{source}: not UTF-8 text (byte {exc.start} cannot be decoded{looks})",
            "save the file as UTF-8 and try again",
        ) from None


def read_text(path: str | Path, *, limit: int, what: str) -> str:
    """The text of a file (or `-` for stdin) of at most `limit` bytes, as UTF-8."""
    if str(path) == "-":
        raw = sys.stdin.buffer.read(limit + 1)
        source = "stdin"
    else:
        p = Path(path)
        source = str(p)
        try:
            with p.open("rb") as fh:
                raw = fh.read(limit + 1)
        except FileNotFoundError:
            raise InputError(f"{source}: no such file", "check the path") from None
        except IsADirectoryError:
            raise InputError(f"{source}: is a folder, not a {what}", "give the path of a file") from None
        except PermissionError:
            raise InputError(f"{source}: permission denied", "check the file's permissions") from None
        except OSError as exc:
            raise InputError(f"{source}: cannot read the {what} ({exc.strerror or exc})") from None
    if len(raw) > limit:
        raise InputError(
            f"{source}: the {what} is larger than {limit // 1024:,} KiB",
            "that is far more than any notes or e-mail need; check you gave the right file",
        )
    return decode_text(raw, source)


def parse_json(text: str, source: str) -> Any:
    """JSON from text; InputError naming the line and column, or the nesting, when it is not."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{source}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}",
            "fix the syntax (a missing comma or quote is common)",
        ) from None
    except RecursionError:
        raise InputError(
            f"{source}: the JSON is nested too deeply", "check you gave the right file"
        ) from None


def load_json(path: str | Path, *, limit: int, what: str) -> Any:
    """A JSON file (or `-` for stdin) of at most `limit` bytes, read as `read_text` reads it."""
    return parse_json(read_text(path, limit=limit, what=what), "stdin" if str(path) == "-" else str(path))
