"""Command line: `afterword` (the TUI) and its subcommands. Heavy imports happen inside handlers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from afterword.cli import check_cmd, draft_cmd, prompt_cmd, track_cmd, tui_cmd
from afterword.errors import AfterwordError

COMMANDS = (draft_cmd, prompt_cmd, check_cmd, track_cmd, tui_cmd)


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
    args = build_parser().parse_args(argv)
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
