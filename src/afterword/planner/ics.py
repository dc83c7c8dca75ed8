"""Upcoming follow-ups as an iCalendar file: one all-day event per due item."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from afterword.fileio import atomic_write
from afterword.planner.rules import MOVE_ON, DueItem
from afterword.scenarios import DESCRIPTIONS

PRODID = "-//afterword//follow-up planner//EN"


def _summary(item: DueItem) -> str:
    what = "Move on" if item.action == MOVE_ON else f"Send {item.action}"
    whom = f" to {item.recipient}" if item.recipient else ""
    return f"{what}{whom}: {item.company} — {item.position}"


def calendar_bytes(items: Iterable[DueItem], today: dt.date) -> bytes:
    """An iCalendar document; overdue items are placed on `today` so they are not lost in the past."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for item in items:
        day = max(item.due, today)
        event = Event()
        person = "".join(ch for ch in (item.recipient or "") if ch.isalnum()).casefold()
        event.add("uid", f"{item.app_id}-{item.action}-{person}-{item.due.isoformat()}@afterword")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1) if day < dt.date.max else day)
        event.add("summary", _summary(item))
        lines = [item.reason]
        if item.overdue:
            lines.append(f"Overdue since {item.due.isoformat()}.")
        if item.action in DESCRIPTIONS:
            lines.append(DESCRIPTIONS[item.action])
        lines.append(f"Application {item.app_id}; rule {item.rule}.")
        event.add("description", "\n".join(lines))
        event.add("categories", ["afterword", item.rule])
        cal.add_component(event)
    return cal.to_ical()


def write_ics(items: Iterable[DueItem], path: Path, today: dt.date) -> int:
    """Write the calendar to `path` (atomic, mode 0600); returns how many events it holds.
    InputError naming the path when it is a folder or cannot be written."""
    items = list(items)
    atomic_write(path, calendar_bytes(items, today))
    return len(items)
