"""Japanese decision-timeline phrases (「2週間以内に」「来週中に」「月末までに」「10営業日以内」)."""

from __future__ import annotations

import calendar
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

KANJI_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
KANJI_NUMBER = re.compile(
    r"(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[〇一二三四五六七八九]+)"
    r"(?=\s*(?:営業日|日|週|か月|ヶ月|ケ月|カ月|ヵ月|箇月|月))"
)
WEEKDAYS = "月火水木金土日"
PART_DAY = {"上旬": 10, "初旬": 10, "初め": 10, "頭": 10, "中旬": 20}
VAGUE = re.compile(r"近日中|近々|追って|後日|改めて|近いうち|早めに|後ほど|のちほど|折り返し|しばらく")
WEEK_QUALIFIER = {"今週": 0, "この": 0, "来週": 1, "再来週": 2}


def kanji_to_digits(text: str) -> str:
    """Rewrite kanji numerals before a unit as digits (二週間 → 2週間, 十二月 → 12月)."""

    def value(m: re.Match[str]) -> str:
        word = m[0]
        if "十" in word:
            tens, _, ones = word.partition("十")
            return str(KANJI_DIGITS.get(tens, 1) * 10 + KANJI_DIGITS.get(ones, 0))
        return "".join(str(KANJI_DIGITS[c]) for c in word)

    return KANJI_NUMBER.sub(value, text)


def _span(m: re.Match[str], base: dt.date) -> Reading | None:
    unit, post = m["unit"], m["post"]
    if m["n"] != "数" and unit == "日" and not post:
        # 「3日に」 is the 3rd of a month, not three days
        nth = int(m["n"])
        this_month = base.replace(day=1)
        for start in (this_month, add_months(this_month, 1)):
            if 1 <= nth <= month_end(start.year, start.month).day and start.replace(day=nth) >= base:
                return start.replace(day=nth), f"the {ordinal(nth)} of the month"
        return None
    n = 3 if m["n"] == "数" else int(m["n"])
    count = max(n, int(m["m"])) if m["m"] else n
    if unit == "営業日":
        day, what = add_business_days(base, count), plural(count, "business day")
    elif unit.startswith("日"):
        day, what = base + dt.timedelta(days=count), plural(count, "day")
    elif unit.startswith("週"):
        day, what = base + dt.timedelta(weeks=count), plural(count, "week")
    else:
        day, what = add_months(base, count), plural(count, "month")
    notes = [f"{what} after the interview"]
    if m["m"]:
        notes.append("the later end of the range")
    if m["n"] == "数":
        notes.append("「数」(a few) read as 3")
    if unit == "営業日":
        notes.append("weekends skipped, holidays not known")
    return day, "; ".join(notes)


def _weekday(m: re.Match[str], base: dt.date) -> Reading:
    wd = WEEKDAYS.index(m["day"])
    name = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[wd]
    weeks = WEEK_QUALIFIER.get(m["which"] or "")
    if weeks is None:
        return next_weekday(base, wd), f"the first {name} after the interview"
    day = weekday_in_week(base, wd, weeks)
    if day < base:
        return next_weekday(base, wd), f"the first {name} after the interview"
    week = ("the interview's week", "the week after the interview", "two weeks after the interview")
    return day, f"the {name} of {week[weeks]}"


def _month_part(start: dt.date, part: str | None) -> Reading:
    if part in PART_DAY:
        return start.replace(day=PART_DAY[part]), f"{part} read as the {ordinal(PART_DAY[part])}"
    return month_end(start.year, start.month), f"the end of {calendar.month_name[start.month]}"


def _this_or_next_month(months: int) -> Rule:
    def read(m: re.Match[str], base: dt.date) -> Reading:
        return _month_part(add_months(base.replace(day=1), months), m["part"])

    return read


def _named_month(m: re.Match[str], base: dt.date) -> Reading:
    month = int(m["month"])
    start = base.replace(day=1) if month == base.month else upcoming(base, month, 1)
    return _month_part(start, m["part"])


def _date(m: re.Match[str], base: dt.date) -> Reading:
    year = int(m["year"]) if m["year"] else None
    return upcoming(base, int(m["month"]), int(m["day"]), year), "the date given"


def _fiscal_year_end(base: dt.date) -> dt.date:
    return dt.date(base.year if base.month <= 3 else base.year + 1, 3, 31)


RULES: list[tuple[re.Pattern[str], Rule]] = [
    (re.compile(
        r"(?P<n>\d{1,3}|数)(?:\s*[~〜\-–、・,]\s*(?P<m>\d{1,3}))?\s*"
        r"(?P<unit>営業日|日間|日|週間|週|か月|ヶ月|ケ月|カ月|ヵ月|箇月)(?:間)?"
        r"(?P<post>以内|内|後|ほど|程度|くらい|ぐらい|前後|中|で)?"
    ), _span),
    (re.compile(r"(?P<which>今週|来週|再来週|この)?の?\s*(?P<day>[月火水木金土日])曜日?"), _weekday),
    (re.compile(r"再来週(?:中|末|まで|いっぱい)?"),
     friday_rule(2, "the week after next, read as its Friday")),
    (re.compile(r"来週(?:中|末|まで|いっぱい)?"), friday_rule(1, "next week, read as its Friday")),
    (re.compile(r"今週(?:中|末|まで|いっぱい)?"), friday_rule(0, "the Friday of the interview's week")),
    (re.compile(r"(?:今月|当月)(?P<part>上旬|初旬|中旬|下旬|末|中|内|いっぱい)|月末"),
     _this_or_next_month(0)),
    (re.compile(r"来月(?P<part>上旬|初旬|初め|頭|中旬|下旬|末|中|内|いっぱい)?"), _this_or_next_month(1)),
    (re.compile(r"(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日"), _date),
    (re.compile(r"(?P<month>\d{1,2})月(?P<part>上旬|初旬|中旬|下旬|末|中|いっぱい)"), _named_month),
    (re.compile(r"年度末|年度内"),
     fixed_rule(_fiscal_year_end, "the end of the fiscal year (March 31)")),
    (re.compile(r"年内|年末|今年中"), fixed_rule(lambda b: dt.date(b.year, 12, 31), "the end of the year")),
    (re.compile(r"明後日|あさって"),
     fixed_rule(lambda b: b + dt.timedelta(days=2), "two days after the interview")),
    (re.compile(r"明日|あした"), fixed_rule(lambda b: b + dt.timedelta(days=1), "the day after")),
    (re.compile(r"本日中|今日中|本日|今日"), fixed_rule(lambda b: b, "the interview day")),
]  # fmt: skip
