"""Calendar helpers and the rule type the timeline parser and the planner share."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

FRIDAY = 4

Reading = tuple[dt.date, str]
"""A date and how the phrase was read ("2 weeks after the interview")."""
Rule = Callable[[re.Match[str], dt.date], Reading | None]
"""Reads one regex match against the interview date; None when the match is too loose."""


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's end (Jan 31 + 1 → Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def add_business_days(day: dt.date, count: int) -> dt.date:
    """`count` working days (Monday–Friday) after `day`; public holidays are not known."""
    while count > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def weekday_in_week(day: dt.date, weekday: int, weeks_ahead: int = 0) -> dt.date:
    """That weekday in the Monday-based week of `day`, `weeks_ahead` weeks on."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday + dt.timedelta(days=7 * weeks_ahead + weekday)


def next_weekday(day: dt.date, weekday: int) -> dt.date:
    """The first such weekday strictly after `day`."""
    return day + dt.timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def upcoming(base: dt.date, month: int, day: int, year: int | None = None) -> dt.date:
    """A month/day on or after `base` (next year when it has passed), or in the year given."""
    if year is not None:
        return dt.date(year, month, day)
    candidate = dt.date(base.year, month, day)
    return candidate if candidate >= base else dt.date(base.year + 1, month, day)


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st …"""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def plural(n: int, unit: str) -> str:
    """`1 week`, `2 weeks`."""
    return f"{n} {unit}" + ("" if n == 1 else "s")


def friday_rule(weeks: int, meaning: str) -> Rule:
    """A rule reading its match as the Friday `weeks` weeks after the interview's week."""

    def read(_: re.Match[str], base: dt.date) -> Reading:
        return max(weekday_in_week(base, FRIDAY, weeks), base), meaning

    return read


def fixed_rule(day_of: Callable[[dt.date], dt.date], meaning: str) -> Rule:
    """A rule whose date depends only on the interview date."""

    def read(_: re.Match[str], base: dt.date) -> Reading:
        return day_of(base), meaning

    return read
