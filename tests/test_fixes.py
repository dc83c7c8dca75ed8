"""Applying replacements to a draft body and keeping other offsets in step."""

from __future__ import annotations

import pytest
from check_drafts import EN_BODY, EN_SUBJECT
from conftest import SAMPLES

from afterword.checks import check_draft
from afterword.checks.fixes import apply_all, apply_fix, shift_issues
from afterword.models import Issue, load_notes


def issue(offset: int, length: int, *replacements: str) -> Issue:
    return Issue(source="guidance", rule="r", message="m", offset=offset, length=length,
                 replacements=list(replacements))


def test_apply_fix_with_a_choice() -> None:
    assert apply_fix("Dear Pria,", issue(5, 4, "Priya", "Ms. Raman"), 1) == "Dear Ms. Raman,"
    with pytest.raises(IndexError):
        apply_fix("Dear Pria,", issue(5, 4), 0)


def test_apply_all_right_to_left_and_skips_overlaps() -> None:
    text = "the the cat sat on teh mat"
    doubled, typo = issue(0, 4, ""), issue(19, 3, "the")
    assert apply_all(text, [doubled, typo]) == "the cat sat on the mat"
    clash = issue(3, 5, " ")  # overlaps `doubled`: the right-most one wins, the other is skipped
    assert apply_all(text, [doubled, clash, typo]) == "the cat sat on the mat"
    assert apply_all(text, [clash, doubled]) == apply_all(text, [clash])


def test_issues_without_replacements_are_left_alone() -> None:
    assert apply_all("abc", [issue(0, 1), issue(1, 1, "B")]) == "aBc"


def test_shift_issues_moves_later_spans_and_drops_overlapping_ones() -> None:
    before, inside, after = issue(0, 2), issue(5, 3), issue(12, 4)
    # "Dear Pria," → "Dear Priya,": 4 chars at 5 replaced by 5 (delta +1)
    shifted = shift_issues([before, inside, after], at=5, delta=1, removed=4)
    assert [(i.offset, i.length) for i in shifted] == [(0, 2), (13, 4)]


def test_fixing_a_real_draft_clears_its_fixable_issues() -> None:
    notes = load_notes(SAMPLES / "en_thank_you.json")
    body = EN_BODY.replace("Dear Priya", "Dear Pria").replace(
        "Thank you for taking", "I hope this email finds you well. Thank you for taking")
    report = check_draft(EN_SUBJECT, body, language="en", notes=notes, scenario="thank-you",
                         recipient="Priya Raman")
    assert {i.rule for i in report.issues} >= {"greeting", "stock-phrase"}
    fixed = apply_all(body, report.issues)
    assert fixed == EN_BODY
    # one fix at a time, shifting the rest, ends in the same place
    text, pending = body, list(report.issues)
    while fixable := [i for i in pending if i.replacements]:
        first = fixable[0]
        text = apply_fix(text, first)
        delta = len(first.replacements[0]) - first.length
        pending = shift_issues([i for i in pending if i is not first], first.offset, delta,
                               first.length)
    assert text == EN_BODY


def test_a_subject_fix_touches_only_the_subject() -> None:
    notes = load_notes(SAMPLES / "en_thank_you.json")
    subject = "Just checking in: thank you"
    report = check_draft(subject, EN_BODY, language="en", notes=notes, scenario="thank-you",
                         recipient="Priya Raman")
    stock = next(i for i in report.issues if i.rule == "stock-phrase")
    assert stock.field == "subject"
    assert apply_all(EN_BODY, report.issues) == EN_BODY  # body fixes only
    with pytest.raises(ValueError):
        apply_fix(EN_BODY, stock)
    fixed = apply_all(subject, report.issues, part="subject")
    assert fixed != subject and "checking in" not in fixed.casefold()
    body_issue = issue(0, 4, "Hi")
    assert shift_issues([stock, body_issue], at=0, delta=-3, removed=5, part="subject") == [body_issue]
