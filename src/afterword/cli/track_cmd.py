"""Tracking commands: track, apps, due (and --ics), sent, unsend, reply (and --undo), archive, unarchive,
delete, versions, export-data, import-data."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from afterword.errors import InputError

if TYPE_CHECKING:
    from afterword.planner import NextStep
    from afterword.store import Application, Event, Store


def _date(text: str, flag: str) -> dt.date:
    """A date typed on the command line, in the same 1900–2100 range as dates in notes."""
    from afterword.models import checked_day

    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{flag} {text!r}: not a date", "write it as YYYY-MM-DD") from None
    return checked_day(day, flag)


def _today(args: argparse.Namespace) -> dt.date:
    return _date(args.date, "--date") if args.date else dt.date.today()


def _app_id(text: str) -> str:
    """An application id as typed: ASCII digits (`²` or `٣` are not ids)."""
    if not (text.isascii() and text.isdigit()):
        raise InputError(
            f"APP_ID {text!r}: not an application id", "ids are numbers; list them with `afterword apps`"
        )
    return text


def _store() -> Store:
    from afterword.store import Store

    store = Store()
    if store.upgraded_from is not None:
        print(f"afterword: upgraded the store from schema {store.upgraded_from}", file=sys.stderr)
    return store


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _grace() -> int:
    from afterword.config import load_settings

    return load_settings().planner.grace_days


def _step(app: Application, today: dt.date) -> NextStep:
    from afterword.planner import next_step

    return next_step(app, today, _grace())


def _next_line(app: Application) -> str:
    """`Next: status-check to Priya Raman, in 5 days (2026-12-10)`, as the planner decides today."""
    from afterword.planner import when

    today = dt.date.today()
    step = _step(app, today)
    if step.action is None or step.due is None:
        return f"Next: nothing to send — {step.reason}"
    whom = f" to {', '.join(step.recipients)}" if step.recipients else ""
    return f"Next: {step.action}{whom}, {when(step.due, today, step.action)} ({step.due.isoformat()})"


def run_track(args: argparse.Namespace) -> int:
    from afterword.models import load_notes
    from afterword.planner import app_timeline

    notes = load_notes(args.notes)
    store = _store()
    app_id, created = store.track(notes)
    if args.json:
        _print_json({"id": app_id, "created": created})
        return 0
    app = store.get_application(app_id)
    verb = "Tracking" if created else "Updated"
    print(f"{verb} {app.company} — {app.position} as {app_id}")
    if app.archived is not None:
        print(f"It is archived; `afterword unarchive {app_id}` shows it in `apps` and `due` again.")
    t = app_timeline(app)
    if t.date is not None:
        print(f"Decision timeline: “{t.understood}” → {t.date.isoformat()} ({t.meaning})")
    else:
        print(f"Decision timeline: not read — {t.reason}")
    print(_next_line(app))
    return 0


def _app_json(app: Application, step: NextStep) -> dict[str, Any]:
    from afterword.planner import app_timeline

    return {
        "id": app.id, "company": app.company, "position": app.position, "role": app.role,
        "sender": app.sender, "candidate": app.candidate, "status": app.status,
        "archived": app.archived is not None,
        "interview_date": app.interview_date.isoformat() if app.interview_date else None,
        "timeline": app_timeline(app).model_dump(mode="json"),
        "events": [e.model_dump(mode="json") for e in app.events],
        "next": step.model_dump(mode="json", exclude={"app_id", "company", "position"}),
    }  # fmt: skip


def run_apps(args: argparse.Namespace) -> int:
    today = dt.date.today()
    apps = _store().applications(include_archived=args.all)
    steps = [_step(a, today) for a in apps]
    if args.json:
        _print_json([_app_json(a, s) for a, s in zip(apps, steps, strict=True)])
        return 0
    if not apps:
        print("No applications yet — add one with `afterword track NOTES.json`.")
    for a, step in zip(apps, steps, strict=True):
        last = max(a.events, key=lambda e: (e.date, int(e.id)), default=None)
        did = f"last: {last.scenario or last.outcome} {last.date.isoformat()}" if last else "nothing sent"
        interview = a.interview_date.isoformat() if a.interview_date else "no interview date"
        status = "archived" if a.archived else a.status
        print(f"{a.id:>3}  {a.company} — {a.position}  [{status}]  interview {interview}, {did}")
        print(f"     {step.people_line(today)}")
    return 0


def run_due(args: argparse.Namespace) -> int:
    from afterword import planner

    today = _date(args.today, "--today") if args.today else dt.date.today()
    items = planner.due_items(_store().applications(), today, _grace())
    if args.ics:
        from afterword.planner.ics import write_ics

        count = write_ics(items, Path(args.ics), today)
        print(f"Wrote {count} follow-up{'s' * (count != 1)} to {args.ics}", file=sys.stderr)
    if args.json:
        _print_json([item.model_dump(mode="json", by_alias=True) for item in items])
        return 0
    if not items:
        print("Nothing to follow up on.")
    for item in items:
        whom = f" → {item.recipient}" if item.recipient else ""
        print(
            f"{item.due.isoformat()}  {planner.when(item.due, today, item.action):<16} {item.action:<24} "
            f"{item.company} — {item.position} [{item.app_id}]{whom}"
        )
        print(f"            {item.reason}")
    return 0


def _whom(events: list[Event]) -> str:
    names = [e.recipient for e in events if e.recipient]
    return f" to {', '.join(names)}" if names else ""


def run_sent(args: argparse.Namespace) -> int:
    day = _today(args)
    store = _store()
    app_id = _app_id(args.app_id)
    new = store.record_sent(app_id, args.scenario, day, args.to)
    app = store.get_application(app_id)
    if new:
        print(f"Recorded {args.scenario}{_whom(new)} ({app.company}) on {day.isoformat()}")
    else:
        print(f"Already recorded: {args.scenario} ({app.company}) on {day.isoformat()} — nothing changed")
    print(_next_line(app))
    return 0


def run_unsend(args: argparse.Namespace) -> int:
    store = _store()
    app_id = _app_id(args.app_id)
    undone = store.unsend(app_id, args.to)
    app = store.get_application(app_id)
    first = undone[0]
    print(f"Undid {first.scenario}{_whom(undone)} ({app.company}) of {first.date.isoformat()}")
    print(_next_line(app))
    return 0


def run_reply(args: argparse.Namespace) -> int:
    if args.undo:
        return _unreply(args)
    if args.outcome is None:
        raise InputError("reply: --outcome is required", "add --outcome replied|next-round|rejected|offer|"
                         "withdrawn, or --undo to take back the last one recorded")  # fmt: skip
    day = _today(args)
    store = _store()
    app_id = _app_id(args.app_id)
    store.record_reply(app_id, args.outcome, day, warm=args.warm)
    app = store.get_application(app_id)
    print(f"Recorded {args.outcome} from {app.company} on {day.isoformat()}")
    print(_next_line(app))
    return 0


def _unreply(args: argparse.Namespace) -> int:
    """`reply APP_ID --undo`: take back the last reply or outcome recorded."""
    if args.outcome or args.warm or args.date:
        raise InputError("reply --undo takes no --outcome, --warm or --date",
                         "it undoes the last reply recorded; leave the others out")  # fmt: skip
    store = _store()
    app_id = _app_id(args.app_id)
    undone = store.undo_last(app_id, "reply")
    if not undone:
        raise InputError(f"application {app_id} has no recorded reply to undo",
                         "see what was recorded with `afterword apps`")  # fmt: skip
    app = store.get_application(app_id)
    print(f"Undid {undone[0].outcome} from {app.company} of {undone[0].date.isoformat()}")
    print(_next_line(app))
    return 0


def run_archive(args: argparse.Namespace) -> int:
    store = _store()
    app_id = _app_id(args.app_id)
    if args.undo:
        store.unarchive(app_id)
    else:
        store.archive(app_id)
    app = store.get_application(app_id)
    if args.undo:
        print(f"Unarchived {app.company} — {app.position}; it shows in `apps` and `due` again")
    else:
        print(f"Archived {app.company} — {app.position}; `afterword unarchive {app_id}` brings it back")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    store = _store()
    app_id = _app_id(args.app_id)
    app = store.get_application(app_id)
    if not args.yes:
        versions = len(store.drafts(app_id))
        raise InputError(
            f"delete {app_id}: this removes {app.company} — {app.position} with its "
            f"{len(app.events)} recorded send(s)/reply(ies) and {versions} draft version(s), for good",
            f"add --yes to delete it, or `afterword archive {app_id}` to hide it instead",
        )
    store.delete(app_id)
    print(f"Deleted {app.company} — {app.position} and everything recorded for it")
    return 0


def run_versions(args: argparse.Namespace) -> int:
    store = _store()
    app_id = _app_id(args.app_id)
    if args.show:
        shown = store.get_draft(args.show)
        if shown.app_id != app_id:
            raise InputError(f"draft {args.show} belongs to application {shown.app_id}, not {app_id}")
        print(shown.text)
        return 0
    versions = store.drafts(app_id, recipient=args.to, scenario=args.scenario)
    if args.json:
        _print_json([d.model_dump(mode="json") for d in versions])
        return 0
    if not versions:
        print("No draft versions kept for this application yet.")
    for d in versions:
        marks = " ".join(m for m, on in (("edited", d.edited), ("approved", d.approved)) if on)
        restored = f" (restored from v{d.restored_from})" if d.restored_from else ""
        model = f" {d.model}" if d.model else ""
        print(
            f"{d.id:>7}  v{d.version:<3} {d.created:%Y-%m-%d %H:%M}  {d.scenario} → {d.recipient}  "
            f"{d.tone}  {d.backend}{model}  {marks}{restored}".rstrip()
        )
        print(f"         {d.subject or next(iter(d.body.splitlines()), '')}")
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

    p = sub.add_parser("apps", help="list tracked applications and where each person stands")
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="archived applications too")
    p.set_defaults(handler=run_apps)

    p = sub.add_parser("due", help="what to send next, to whom, and when")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="plan as if today were this day")
    p.add_argument("--json", action="store_true", help="print the due items as a JSON list")
    p.add_argument("--ics", metavar="FILE", help="also write them as an iCalendar file")
    p.set_defaults(handler=run_due)

    p = sub.add_parser("sent", help="record a follow-up as sent (per recipient)")
    p.add_argument("app_id", metavar="APP_ID")
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument(
        "--to", metavar="NAME", help="to this person only (default: every recipient of the scenario)"
    )
    p.add_argument("--date", metavar="YYYY-MM-DD", help="when it was sent (default: today)")
    p.set_defaults(handler=run_sent)

    p = sub.add_parser("unsend", help="undo the last recorded send")
    p.add_argument("app_id", metavar="APP_ID")
    p.add_argument("--to", metavar="NAME", help="the last send to this person only")
    p.set_defaults(handler=run_unsend)

    p = sub.add_parser("reply", help="record a reply or an outcome (stops the follow-ups)")
    p.add_argument("app_id", metavar="APP_ID")
    p.add_argument("--outcome", metavar="OUTCOME",
                   help="replied, next-round, rejected, offer or withdrawn")  # fmt: skip
    p.add_argument("--date", metavar="YYYY-MM-DD", help="when it came (default: today)")
    p.add_argument("--warm", action="store_true", help="the interviewer clearly believed in you")
    p.add_argument("--undo", action="store_true", help="take back the last reply or outcome recorded")
    p.set_defaults(handler=run_reply)

    p = sub.add_parser("archive", help="hide an application from apps and due (undo: unarchive)")
    p.add_argument("app_id", metavar="APP_ID")
    p.set_defaults(handler=run_archive, undo=False)

    p = sub.add_parser("unarchive", help="show an archived application again")
    p.add_argument("app_id", metavar="APP_ID")
    p.set_defaults(handler=run_archive, undo=True)

    p = sub.add_parser("delete", help="remove an application and everything recorded for it")
    p.add_argument("app_id", metavar="APP_ID")
    p.add_argument("--yes", action="store_true", help="really delete (nothing is kept)")
    p.set_defaults(handler=run_delete)

    p = sub.add_parser("versions", help="list the draft versions kept for an application")
    p.add_argument("app_id", metavar="APP_ID")
    p.add_argument("--to", metavar="NAME", help="of this recipient only")
    p.add_argument("--scenario", metavar="SCENARIO", help="of this scenario only")
    p.add_argument("--show", metavar="DRAFT_ID", help="print one version's full text")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_versions)

    p = sub.add_parser("export-data", help="write a JSON backup of the store")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=run_export)

    p = sub.add_parser("import-data", help="restore the store from a JSON backup")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=run_import)
