"""Text from notes, the store, model replies and errors, made safe to draw: escape sequences and
control characters shown as placeholders (`terminal_safe`), and never read as markup (`Text`)."""

from __future__ import annotations

import re

from rich.text import Text

from afterword.sanitize import terminal_safe

_CLI_FLAG = re.compile(r"[,;]?\s*(?:or\s+)?(?:use\s+)?`?--[a-z][\w-]*(?:[ =][\w.-]+)?`?")
_CLI_ADVICE = re.compile(r"[;,]?\s*run `afterword [^`]*`.*$")


def safe(text: object) -> str:
    """`text` as a string with nothing that could steer the terminal."""
    return terminal_safe(str(text))


def plain(text: object, style: str = "") -> Text:
    """`text` as a Rich `Text`: drawn literally, `[HR]` and `[/]` included."""
    return Text(safe(text), style=style)


def app_hint(hint: str) -> str:
    """A hint written for the CLI, without its command-line flags (the app has pickers)."""
    return _CLI_FLAG.sub("", hint).strip(" ,;")


def app_line(line: str) -> str:
    """A line written for the CLI's stderr, for the app: without the `afterword: ` prefix and
    without advice to run a command (the app shows the details itself)."""
    return _CLI_ADVICE.sub("", app_hint(line.removeprefix("afterword: ")))


def error_text(exc: BaseException) -> str:
    """What to tell the person about a failure: our own errors as they are, anything else named
    (a bug must be shown, not swallowed)."""
    from afterword.errors import AfterwordError

    return str(exc) if isinstance(exc, AfterwordError) else f"unexpected error: {exc!r}"
