"""Tracking commands: track, apps, due (and --ics), sent, reply, export-data, import-data."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from afterword.errors import InputError

if TYPE_CHECKING:
    from afterword.planner.rules import DueItem
    from afterword.store import Store

OUTCOME_CHOICES = ("replied", "next-round", "rejected", "offer", "withdrawn")


def _date(text: str, flag: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{flag} {text!r}: not a date", "write it as YYYY-MM-DD") from None


def _store() -> Store:
    from afterword.store import Store

    store = Store()
    if store.upgraded_from is not None:
        print(f"afterword: upgraded the store from schema {store.upgraded_from}", file=sys.stderr)
    return store


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def run_track(args: argparse.Namespace) -> int:
    from afterword.models import load_notes

    notes = load_notes(args.notes)
    store = _store()
    app_id, created = store.track(notes)
    if args.json:
        _print_json({"id": app_id, "created": created})
        return 0
    app = store.get_application(app_id)
    verb = "Tracking" if created else "Updated"
    print(f"{verb} {app.company} — {app.position} as {app_id}")
    t = app.timeline
    if t.date is not None:
        print(f"Decision timeline: “{t.understood}” → {t.date.isoformat()} ({t.meaning})")
    else:
        print(f"Decision timeline: not read — {t.reason}")
    return 0


def run_apps(args: argparse.Namespace) -> int:
    apps = _store().applications()
    if args.json:
        _print_json([
            {"id": a.id, "company": a.company, "position": a.position, "role": a.role,
             "sender": a.sender, "candidate": a.candidate, "status": a.status,
             "interview_date": a.interview_date.isoformat() if a.interview_date else None,
             "timeline": a.timeline.model_dump(mode="json"),
             "events": [e.model_dump(mode="json") for e in a.events]}
            for a in apps
        ])  # fmt: skip
        return 0
    if not apps:
        print("No applications yet — add one with `afterword track NOTES.json`.")
    for a in apps:
        stated = a.timeline.date.isoformat() if a.timeline.date else "no date"
        last = max(a.events, key=lambda e: (e.date, int(e.id)), default=None)
        did = f"last: {last.scenario or last.outcome} {last.date.isoformat()}" if last else "nothing sent"
        interview = a.interview_date.isoformat() if a.interview_date else "no interview date"
        print(
            f"{a.id:>3}  {a.company} — {a.position}  [{a.status}]  interview {interview}, "
            f"decision {stated}, {did}"
        )
    return 0


def _when(item: DueItem, today: dt.date) -> str:
    days = (item.due - today).days
    if days == 0:
        return "due today"
    if days < 0:
        return f"{-days} day{'s' * (days != -1)} overdue"
    return f"in {days} day{'s' * (days != 1)}"


def run_due(args: argparse.Namespace) -> int:
    from afterword import planner
    from afterword.config import load_settings

    today = _date(args.today, "--today") if args.today else dt.date.today()
    grace = load_settings().planner.grace_days
    items = planner.due_items(_store(), today, grace)
    if args.ics:
        from afterword.planner.ics import write_ics

        count = write_ics(items, Path(args.ics), today)
        print(f"Wrote {count} follow-up{'s' * (count != 1)} to {args.ics}", file=sys.stderr)
    if args.json:
        _print_json([item.model_dump(mode="json") for item in items])
        return 0
    if not items:
        print("Nothing to follow up on.")
    for item in items:
        print(
            f"{item.due.isoformat()}  {_when(item, today):<16} {item.action:<24} "
            f"{item.company} — {item.position} [{item.app_id}]"
        )
        print(f"            {item.reason}")
    return 0


def run_sent(args: argparse.Namespace) -> int:
    day = _date(args.date, "--date") if args.date else dt.date.today()
    store = _store()
    store.record_sent(args.app_id, args.scenario, day)
    app = store.get_application(args.app_id)
    print(f"Recorded {args.scenario} to {app.company} on {day.isoformat()}")
    return 0


def run_reply(args: argparse.Namespace) -> int:
    day = _date(args.date, "--date") if args.date else dt.date.today()
    store = _store()
    store.record_reply(args.app_id, args.outcome, day, warm=args.warm)
    app = store.get_application(args.app_id)
    print(f"Recorded {args.outcome} from {app.company} on {day.isoformat()}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from afterword.store.storage import atomic_write_json

    target = Path(args.file)
    if not target.parent.is_dir():
        raise InputError(f"{target}: no such folder", "create it first, or pick another path")
    data = _store().export_data()
    atomic_write_json(target, data)
    print(f"Exported {len(data.get('applications', {}))} application(s) to {target}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from afterword.fileio import MiB, load_json

    source = Path(args.file)
    data = load_json(source, limit=128 * MiB, what="backup")
    aside = _store().import_data(data, str(source))
    print(f"Imported {len(data.get('applications', {}))} application(s) from {source}")
    if aside is not None:
        print(f"The previous store was kept as {aside}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("track", help="create or update an application from notes")
    p.add_argument("notes", metavar="NOTES.json")
    p.add_argument("--json", action="store_true", help='print {"id": …}')
    p.set_defaults(handler=run_track)

    p = sub.add_parser("apps", help="list tracked applications")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_apps)

    p = sub.add_parser("due", help="what to send next, and when")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="plan as if today were this day")
    p.add_argument("--json", action="store_true", help="print the due items as a JSON list")
    p.add_argument("--ics", metavar="FILE", help="also write them as an iCalendar file")
    p.set_defaults(handler=run_due)

    p = sub.add_parser("sent", help="record a follow-up as sent")
    p.add_argument("app_id", metavar="APP_ID")
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="when it was sent (default: today)")
    p.set_defaults(handler=run_sent)

    p = sub.add_parser("reply", help="record a reply or an outcome (stops the follow-ups)")
    p.add_argument("app_id", metavar="APP_ID")
    p.add_argument("--outcome", required=True, choices=OUTCOME_CHOICES)
    p.add_argument("--date", metavar="YYYY-MM-DD", help="when it came (default: today)")
    p.add_argument("--warm", action="store_true", help="the interviewer clearly believed in you")
    p.set_defaults(handler=run_reply)

    p = sub.add_parser("export-data", help="write a JSON backup of the store")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=run_export)

    p = sub.add_parser("import-data", help="restore the store from a JSON backup")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=run_import)
