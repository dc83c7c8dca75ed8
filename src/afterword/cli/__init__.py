"""Command line: `afterword` (the TUI) and its subcommands. Heavy imports happen inside handlers."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TextIO

from afterword.cli import check_cmd, dict_cmd, draft_cmd, prompt_cmd, track_cmd, tui_cmd
from afterword.errors import AfterwordError
from afterword.sanitize import json_safe, terminal_safe

COMMANDS = (draft_cmd, prompt_cmd, check_cmd, track_cmd, dict_cmd, tui_cmd)
REPORT_HINT = (
    "this is a bug in afterword: please report it with the command you ran "
    "(AFTERWORD_DEBUG=1 shows the traceback)"
)


class SafeStream:
    """A text stream that passes everything written to it through a sanitiser first."""

    def __init__(self, stream: TextIO, clean: Callable[[str], str]) -> None:
        self._stream = stream
        self._clean = clean

    def write(self, text: str) -> int:
        self._stream.write(self._clean(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _json_and_terminal_safe(text: str) -> str:
    return terminal_safe(json_safe(text))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="afterword",
        description="Turn interview notes into follow-up emails you are proud to send. "
        "With no command, opens the terminal app.",
    )
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Everything it prints goes through the terminal sanitiser (stdout and stderr);
    `--json` output stays exactly the same JSON document."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out, terminal_safe), SafeStream(err, terminal_safe)  # type: ignore[assignment]
    try:
        args = build_parser().parse_args(argv)
        if getattr(args, "json", False):
            sys.stdout = SafeStream(out, _json_and_terminal_safe)  # type: ignore[assignment]
        return _run(args)
    finally:
        sys.stdout, sys.stderr = out, err


def _run(args: argparse.Namespace) -> int:
    handler = getattr(args, "handler", None) or tui_cmd.run_dashboard
    try:
        return int(handler(args) or 0)
    except AfterwordError as exc:
        print(f"afterword: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("afterword: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # last resort: one line, not a traceback
        if os.environ.get("AFTERWORD_DEBUG"):
            raise
        what = " ".join(str(exc).split())[:300]
        print(
            f"afterword: unexpected error: {exc.__class__.__name__}: {what} — {REPORT_HINT}", file=sys.stderr
        )
        return 1
