"""One sanitiser for every edge where text meets a terminal (CLI output, TUI rendering).

Text from notes, the store, model replies and error messages may carry escape sequences (a
clipboard write `ESC]52;…`, a screen clear `ESC[2J`), other control characters or NUL. Each
control character is replaced by a visible symbol (ESC by `␛`, NUL by `␀`, a C1 control by `�`),
so nothing reaches the terminal raw and nothing is silently hidden: the rest of an escape
sequence stays visible as plain text. Newlines and tabs stay; a carriage return is dropped (it
could overwrite the visible line). One character at a time, so text written in pieces (a
streamed reply) is made safe exactly as the whole text would be.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SHOWN = {**{c: chr(0x2400 + c) for c in range(0x20)}, 0x7F: "␡", **{c: "�" for c in range(0x80, 0xA0)}}
_TABLE = str.maketrans({**{chr(c): s for c, s in _SHOWN.items() if c not in (0x09, 0x0A)}, "\r": None})
_JSON_RAW = re.compile(r"[\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """`text` with every control character but tab and newline shown as a visible symbol."""
    return text.translate(_TABLE)


def has_control(text: str) -> bool:
    """True when `text` holds an escape or other control character (tab, newline and CR aside)."""
    return _CONTROL.search(text) is not None


def without_control(text: str) -> str:
    """`text` with escape and other control characters removed (tab, newline and CR stay):
    for text that becomes an e-mail, where they have no place."""
    return _CONTROL.sub("", text)


def json_safe(text: str) -> str:
    """JSON text from `json.dumps(…, ensure_ascii=False)` with DEL and C1 controls escaped.

    `json.dumps` escapes C0 controls itself but writes DEL and C1 raw; they can only stand inside
    strings, where `\\u009b` means the same character, so the document stays exactly equal.
    """
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
