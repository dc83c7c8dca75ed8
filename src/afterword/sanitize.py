"""One sanitiser for every edge where text meets a terminal (CLI output, TUI rendering).

Text from notes, the store, model replies and error messages may carry escape sequences (a
clipboard write `ESC]52;…`, a screen clear `ESC[2J`), other control characters or NUL. They are
replaced by visible placeholders, so nothing reaches the terminal raw and nothing is silently
hidden. Newlines and tabs stay.
"""

from __future__ import annotations

import re

# A whole escape sequence (CSI, OSC, DCS/SOS/PM/APC strings, two-byte ESC x), or any other
# C0/C1 control character except tab and newline. Linear time: no nested quantifiers.
_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI … final byte
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC / DCS / SOS / PM / APC … ST
    r"|\x1b[ -~]?"  # two-byte escape, or a lone ESC
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def _placeholder(match: re.Match[str]) -> str:
    ch = match.group()[0]
    if ch == "\x1b":
        return "␛"
    if ch == "\r":
        return ""
    return chr(0x2400 + ord(ch)) if ord(ch) < 0x20 else "�"


def terminal_safe(text: str) -> str:
    """`text` with escape sequences shown as `␛` and other control characters as visible symbols."""
    return _CONTROL.sub(_placeholder, text)


def has_control(text: str) -> bool:
    """True when `text` holds escape sequences or control characters (tab and newline aside)."""
    return _CONTROL.search(text) is not None
