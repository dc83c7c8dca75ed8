"""English decision-timeline phrases ("within two weeks", "by Friday", "November 30", "12/1")."""

from __future__ import annotations

import datetime as dt
import re

from afterword.planner.dates import (
    Reading,
    Rule,
    add_business_days,
    add_months,
    fixed_rule,
    friday_rule,
    month_end,
    next_weekday,
    ordinal,
    plural,
    upcoming,
    weekday_in_week,
)

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1, "a couple": 2,
    "a couple of": 2, "a few": 3,
}  # fmt: skip
NUM = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple(?: of)?|a few|an?)"
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")  # fmt: skip
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
FULL_MONTH = "(?:" + "|".join(MONTH_NAMES) + ")"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
PART_DAY = {"early": 10, "beginning": 10, "start": 10, "mid": 15, "middle": 15}
VAGUE = re.compile(
    r"\b(soon|shortly|asap|as soon as possible|in due course|in a while|at some point|later"
    r"|in the coming (?:days|weeks)|before long|we'?ll (?:be in touch|let you know))\b"
)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _month(word: str) -> int:
    return next(i for i, name in enumerate(MONTH_NAMES, 1) if name.startswith(word[:3]))


def _span(m: re.Match[str], base: dt.date) -> Reading | None:
    if m["n"] in ("a", "an") and not m["pre"]:
        return None  # "a week" alone is too loose to read ("it was a week of…")
    n = _number(m["n"])
    later = m["m"] or m["m2"]
    count = max(n, _number(later)) if later else n
    unit = m["unit"]
    if unit.startswith(("business", "working")):
        day, what = add_business_days(base, count), plural(count, "business day")
    elif unit.startswith("day"):
        day, what = base + dt.timedelta(days=count), plural(count, "day")
    elif unit.startswith("week"):
        day, what = base + dt.timedelta(weeks=count), plural(count, "week")
    else:
        day, what = add_months(base, count), plural(count, "month")
    notes = [f"{what} after the interview"]
    if later:
        notes.append("the later end of the range")
    if m["n"] == "a few":
        notes.append("“a few” read as 3")
    if unit.startswith(("business", "working")):
        notes.append("weekends skipped, holidays not known")
    return day, "; ".join(notes)


def _weekday(m: re.Match[str], base: dt.date) -> Reading:
    wd = WEEKDAYS.index(m["day"])
    name = m["day"].capitalize()
    which = (m["which"] or "").strip()
    if which == "next":
        return weekday_in_week(base, wd, 1), f"“next {name}” read as the {name} of next week"
    if which == "this" and weekday_in_week(base, wd) >= base:
        return weekday_in_week(base, wd), f"the {name} of the interview's week"
    return next_weekday(base, wd), f"the first {name} after the interview"


def _month_part(m: re.Match[str], base: dt.date) -> Reading:
    month = _month(m["month"])
    part = (m["part"] or m["part2"] or "end").lower()
    first = upcoming(base, month, 1) if month != base.month else base.replace(day=1)
    if part in PART_DAY:
        day = first.replace(day=PART_DAY[part])
        return day, f"{part} {MONTH_NAMES[month - 1].capitalize()} read as the {ordinal(day.day)}"
    return month_end(first.year, month), f"the end of {MONTH_NAMES[month - 1].capitalize()}"


def _month_day(m: re.Match[str], base: dt.date) -> Reading:
    year = int(m["year"]) if m["year"] else None
    day = upcoming(base, _month(m["month"]), int(m["day"]), year)
    return day, "the date given"


def _slash(m: re.Match[str], base: dt.date) -> Reading:
    first, second = int(m[1]), int(m[2])
    year = int(m[3]) if m[3] else None
    if year is not None and year < 100:
        year += 2000
    if first > 12:  # 30/11: day/month
        return upcoming(base, second, first, year), "read as day/month"
    note = "read as month/day (US order)" if second <= 12 else "read as month/day"
    return upcoming(base, first, second, year), note


def _next_month(m: re.Match[str], base: dt.date) -> Reading:
    start = add_months(base.replace(day=1), 1)
    part = m["part"]
    if part in PART_DAY:
        return start.replace(day=PART_DAY[part]), f"{part} next month read as the {ordinal(PART_DAY[part])}"
    return month_end(start.year, start.month), "the end of next month"


def _quarter_end(base: dt.date) -> dt.date:
    last_month = (base.month - 1) // 3 * 3 + 3
    return month_end(base.year, last_month)


RULES: list[tuple[re.Pattern[str], Rule]] = [
    (re.compile(
        rf"\b(?P<pre>within the next|in the next|over the next|within|in|after|over|under|about"
        rf"|around|roughly|approximately)?\s*(?P<n>{NUM})(?:\s*(?:-|–|to|or)\s*(?P<m>{NUM}))?\s+"
        rf"(?P<unit>(?:business|working)\s+days?|days?|weeks?|months?)\b(?:\s+or\s+(?P<m2>{NUM})\b)?"
    ), _span),
    (re.compile(r"\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week\b|\bthis\s+week\b"),
     friday_rule(0, "the Friday of the interview's week")),
    (re.compile(r"\b(?:the\s+)?end\s+of\s+next\s+week\b|\bnext\s+week\b"),
     friday_rule(1, "next week, read as its Friday")),
    (re.compile(r"\b(?:the\s+)?week\s+after\s+next\b"),
     friday_rule(2, "the week after next, read as its Friday")),
    (re.compile(r"\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month\b|\bmonth[-\s]end\b|\bthis\s+month\b"),
     fixed_rule(lambda b: month_end(b.year, b.month), "the end of the interview's month")),
    (re.compile(r"\b(?:(?P<part>early|mid|late)[-\s]+|(?:the\s+)?end\s+of\s+)?next\s+month\b"),
     _next_month),
    (re.compile(rf"\b(?:(?P<part>early|mid|late)[-\s]+|(?:the\s+)?(?P<part2>end|beginning|start|middle)"
                rf"\s+of\s+|(?:in|by|during|before)\s+)(?P<month>{FULL_MONTH})\b(?!\.?\s*\d)"), _month_part),
    (re.compile(r"\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year\b|\byear[-\s]end\b"),
     fixed_rule(lambda b: dt.date(b.year, 12, 31), "the end of the year")),
    (re.compile(r"\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?quarter\b"),
     fixed_rule(_quarter_end, "the end of the quarter")),
    (re.compile(rf"\b(?:(?P<which>this coming|coming|this|next)\s+)?(?P<day>{'|'.join(WEEKDAYS)})\b"),
     _weekday),
    (re.compile(r"\bday\s+after\s+tomorrow\b"),
     fixed_rule(lambda b: b + dt.timedelta(days=2), "two days after the interview")),
    (re.compile(r"\btomorrow\b"), fixed_rule(lambda b: b + dt.timedelta(days=1), "the day after")),
    (re.compile(r"\b(?:(?:the\s+)?end\s+of\s+(?:the\s+)?day|today|tonight|eod)\b"),
     fixed_rule(lambda b: b, "the interview day")),
    (re.compile(r"\b(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})\b"),
     lambda m, b: (dt.date(int(m["year"]), int(m["month"]), int(m["day"])), "the date given")),
    (re.compile(r"(?<![\d/.-])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])"), _slash),
    (re.compile(rf"\b(?P<month>{MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"),
     _month_day),
    (re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH})\b\.?(?:,?\s+(?P<year>\d{{4}})\b)?"),
     _month_day),
]  # fmt: skip
