"""`afterword check` (issues in a draft) and `afterword validate` (problems in notes)."""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from typing import TYPE_CHECKING

from afterword.errors import InputError

if TYPE_CHECKING:
    from afterword.models import Issue


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    check = sub.add_parser(
        "check",
        help="check a draft: grammar, typos, guidance, facts not in the notes",
        description="Check a draft (a `Subject:` line, a blank line, then the body). "
        "Exit 0 when no issue is an error, 1 when one is, 2 on bad input.",
    )
    check.add_argument("file", nargs="?", default="-", metavar="FILE|-",
                       help="draft text file, or - for stdin (default)")
    check.add_argument("--lang", choices=("en", "ja"), help="language (default: detected)")
    check.add_argument("--notes", metavar="NOTES.json",
                       help="notes the draft is based on: enables grounding and name checks")
    check.add_argument("--scenario", help="scenario the draft is for: enables its content rules")
    check.add_argument("--channel", choices=("email", "phone"), default="email")
    check.add_argument("--json", action="store_true", help="print {checker, issues} as JSON")
    check.add_argument("--download-languagetool", action="store_true",
                       help="allow downloading LanguageTool for a local server (consent)")
    check.set_defaults(handler=run_check)

    validate = sub.add_parser(
        "validate",
        help="validate notes: schema, negative news, instruction-like text, missing essentials",
        description="Exit 0 when no issue is an error, 1 when one is, 2 on schema errors.",
    )
    validate.add_argument("notes", metavar="NOTES.json")
    validate.add_argument("--scenario", help="scenario to check the notes' essentials for "
                          "(default: the one the notes call for next)")
    validate.add_argument("--json", action="store_true", help="print {issues} as JSON")
    validate.set_defaults(handler=run_validate)


def _read(path: str) -> str:
    from afterword.fileio import MiB, read_text

    return read_text(path, limit=MiB, what="draft")


class _Lines:
    """1-based line and column of an offset into a text (one bisect per lookup)."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def _json_issues(issues: list[Issue], text: str) -> list[dict[str, object]]:
    """Issues as JSON objects; with the text they index, each gains its `line` and `column`."""
    where = _Lines(text)
    out = []
    for issue in issues:
        item: dict[str, object] = issue.model_dump(exclude_none=True)
        if text and issue.field is None:
            item["line"], item["column"] = where(issue.offset)
        out.append(item)
    return out


def _print_issues(issues: list[Issue], text: str, name: str) -> None:
    where = _Lines(text)
    for issue in issues:
        line, col = where(issue.offset)
        at = f"{name}:{issue.field}" if issue.field else f"{name}:{line}:{col}"
        print(f"{at}: {issue.severity} [{issue.source}/{issue.rule}] {issue.message}")
        shown = [f"“{r}”" if r else "(delete)" for r in issue.replacements[:3]]
        if shown:
            print(f"    suggestion: {', '.join(shown)}")
    errors = sum(i.severity == "error" for i in issues)
    print(f"{len(issues)} issue{'s' * (len(issues) != 1)}, {errors} error{'s' * (errors != 1)}",
          file=sys.stderr)


def run_check(args: argparse.Namespace) -> int:
    from afterword.checks import check_text, detect_language
    from afterword.config import load_settings
    from afterword.models import load_notes
    from afterword.scenarios import check_scenario

    if args.scenario and not args.notes:
        raise InputError("--scenario needs --notes", "pass the notes the draft is based on")
    notes = load_notes(args.notes) if args.notes else None
    text = _read(args.file)
    if not text.strip():
        raise InputError(f"{args.file}: the draft is empty", "pass a file with the draft text")
    scenario = check_scenario(notes, args.scenario, args.notes) if notes and args.scenario else None

    from afterword.checks.grammar import make_checker, start_native_build

    lang = args.lang or (notes.language if notes else detect_language(text))
    settings = load_settings().checks
    start_native_build(lang, settings.dialect)  # Harper builds while our own rules load and run
    grammar = make_checker(settings, lang, allow_download=args.download_languagetool)
    report = check_text(text, language=lang, notes=notes, grammar=grammar, scenario=scenario,
                        channel=args.channel)
    if args.json:
        print(json.dumps({"checker": report.checker, "issues": _json_issues(report.issues, text)},
                         ensure_ascii=False, indent=2))
    else:
        name = "<stdin>" if args.file == "-" else args.file
        print(f"checker: {report.checker}", file=sys.stderr)
        _print_issues(report.issues, text, name)
    return 1 if report.has_errors else 0


def run_validate(args: argparse.Namespace) -> int:
    from afterword.checks.validate import validate_notes
    from afterword.models import load_notes
    from afterword.scenarios import check_scenario, infer_scenario

    notes = load_notes(args.notes)
    scenario = check_scenario(notes, args.scenario, args.notes) if args.scenario else None
    issues = validate_notes(notes, scenario or infer_scenario(notes))
    if args.json:
        print(json.dumps({"issues": [i.model_dump(exclude_none=True) for i in issues]},
                         ensure_ascii=False, indent=2))
    else:
        _print_issues(issues, "", args.notes)
    return 1 if any(i.severity == "error" for i in issues) else 0
