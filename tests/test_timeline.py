"""The decision-timeline parser: English and Japanese phrases → a date after the interview."""

from __future__ import annotations

import datetime as dt

import pytest

from afterword.planner.timeline import parse_timeline

FRIDAY = dt.date(2026, 11, 20)  # the interview day in these tables (a Friday)
WEDNESDAY = dt.date(2026, 11, 18)
D = dt.date

ENGLISH = [
    ("within 2 weeks", D(2026, 12, 4)),
    ("within two weeks", D(2026, 12, 4)),
    ("WITHIN 2 WEEKS", D(2026, 12, 4)),
    ("We'll get back to you within two weeks, hopefully sooner.", D(2026, 12, 4)),
    ("by the end of the month", D(2026, 11, 30)),
    ("next week", D(2026, 11, 27)),
    ("by the end of next week", D(2026, 11, 27)),
    ("by Friday", D(2026, 11, 27)),
    ("in 5 business days", D(2026, 11, 27)),
    ("within 10 working days", D(2026, 12, 4)),
    ("within 10 days", D(2026, 11, 30)),
    ("in 3 weeks", D(2026, 12, 11)),
    ("within a month", D(2026, 12, 20)),
    ("by November 30", D(2026, 11, 30)),
    ("30 November", D(2026, 11, 30)),
    ("by Dec 4th", D(2026, 12, 4)),
    ("2026-12-01", D(2026, 12, 1)),
    ("12/1", D(2026, 12, 1)),
    ("1/15", D(2027, 1, 15)),
    ("by mid-December", D(2026, 12, 15)),
    ("early next month", D(2026, 12, 10)),
    ("by the end of the year", D(2026, 12, 31)),
    ("tomorrow", D(2026, 11, 21)),
]

JAPANESE = [
    ("2週間以内に", D(2026, 12, 4)),
    ("二週間以内に", D(2026, 12, 4)),
    ("２週間以内に", D(2026, 12, 4)),
    ("2週間以内に連絡します", D(2026, 12, 4)),
    ("来週中に", D(2026, 11, 27)),
    ("月末までに", D(2026, 11, 30)),
    ("今週金曜日までに", D(2026, 11, 20)),
    ("来週金曜日までに", D(2026, 11, 27)),
    ("3日以内", D(2026, 11, 23)),
    ("10営業日以内", D(2026, 12, 4)),
    ("5営業日以内にご連絡いたします", D(2026, 11, 27)),
    ("1週間程度で", D(2026, 11, 27)),
    ("1ヶ月以内", D(2026, 12, 20)),
    ("来月中旬", D(2026, 12, 20)),
    ("来月末まで", D(2026, 12, 31)),
    ("12月1日までに", D(2026, 12, 1)),
    ("12月上旬", D(2026, 12, 10)),
    ("年内に", D(2026, 12, 31)),
    ("明日", D(2026, 11, 21)),
    ("3日にご連絡します", D(2026, 12, 3)),  # the 3rd of the month, not three days
]


@pytest.mark.parametrize(("said", "expected"), ENGLISH + JAPANESE)
def test_phrase_reads_as_date_after_the_interview(said: str, expected: dt.date) -> None:
    result = parse_timeline(said, FRIDAY)
    assert result.date == expected, result
    assert result.reason is None
    assert result.understood
    assert result.said == said


@pytest.mark.parametrize(
    ("said", "understood"),
    [
        ("by the end of the month", "the end of the month"),
        ("2週間以内に連絡します", "2週間以内"),
        ("二週間以内に", "2週間以内"),
        ("We'll decide in 5 business days.", "in 5 business days"),
    ],
)
def test_reports_the_words_it_understood(said: str, understood: str) -> None:
    assert parse_timeline(said, FRIDAY).understood == understood


@pytest.mark.parametrize(
    ("said", "expected", "assumption"),
    [
        ("12/1", D(2026, 12, 1), "month/day"),
        ("30/11", D(2026, 11, 30), "day/month"),
        ("next Friday", D(2026, 11, 27), "next week"),
        ("a few days", D(2026, 11, 23), "read as 3"),
        ("数日中に", D(2026, 11, 23), "read as 3"),
        ("in 2-3 weeks", D(2026, 12, 11), "later end"),
        ("in a week or two", D(2026, 12, 4), "later end"),
        ("2〜3日中に", D(2026, 11, 23), "later end"),
        ("by Friday, or within 2 weeks at the latest", D(2026, 12, 4), "latest of 2"),
        ("in 5 business days", D(2026, 11, 27), "holidays not known"),
    ],
)
def test_ambiguous_phrases_say_which_reading_was_taken(said: str, expected: dt.date, assumption: str) -> None:
    result = parse_timeline(said, FRIDAY)
    assert result.date == expected
    assert assumption in result.meaning


@pytest.mark.parametrize(
    ("said", "reason"),
    [
        ("soon", "“soon” names no date"),
        ("as soon as possible", "names no date"),
        ("We'll be in touch.", "names no date"),
        ("追ってご連絡します", "“追って” names no date"),
        ("近日中にご連絡します", "“近日中” names no date"),
        ("it depends on the other candidates", "no date or time frame found"),
        ("by the 3rd", "no date or time frame found"),
        ("2026-02-30", "not a real date"),
        ("by November 1, 2026", "before the interview"),
        ("", "no decision timeline"),
        (None, "no decision timeline"),
    ],
)
def test_unreadable_text_is_reported_not_guessed(said: str | None, reason: str) -> None:
    result = parse_timeline(said, FRIDAY)
    assert result.date is None
    assert result.reason is not None and reason in result.reason


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("by Friday", D(2026, 11, 20)),
        ("this Friday", D(2026, 11, 20)),
        ("next Friday", D(2026, 11, 27)),
        ("by the end of the week", D(2026, 11, 20)),
        ("金曜日までに", D(2026, 11, 20)),
        ("今週中に", D(2026, 11, 20)),
        ("来週中に", D(2026, 11, 27)),
    ],
)
def test_weekdays_count_from_a_midweek_interview(said: str, expected: dt.date) -> None:
    assert parse_timeline(said, WEDNESDAY).date == expected


def test_month_end_and_business_days_cross_month_and_year() -> None:
    new_years_eve = D(2026, 12, 31)
    assert parse_timeline("within a month", D(2027, 1, 31)).date == D(2027, 2, 28)
    assert parse_timeline("in 2 business days", new_years_eve).date == D(2027, 1, 4)
    assert parse_timeline("来月末まで", new_years_eve).date == D(2027, 1, 31)
    assert parse_timeline("年度末までに", D(2026, 11, 20)).date == D(2027, 3, 31)
