"""Input lint: problems in the notes worth knowing before any prompt is built."""

from __future__ import annotations

import re

from afterword.checks.grammar import notes_spelling_issues
from afterword.checks.injection import free_text, instruction_issues
from afterword.checks.news import news_verdict
from afterword.models import Issue, Language, NewsItem, Notes, Severity
from afterword.sanitize import has_control

PERSONAL_DOMAINS = re.compile(
    r"@(gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|mac|aol|proton|protonmail|"
    r"gmx|mail|yandex|fastmail|zoho|docomo\.ne|ezweb\.ne|softbank\.ne|i\.softbank)\.",
    re.IGNORECASE,
)


def _issue(field: str, message: str, severity: Severity = "warning", rule: str = "") -> Issue:
    return Issue(source="guidance", rule=rule, message=message, severity=severity, field=field)


def validate_notes(notes: Notes, scenario: str | None = None) -> list[Issue]:
    """Warnings about the notes: negative news, instruction-like text, misspelled words in the
    free text, missing essentials, and fields written in a shape the understanding step had to
    guess at (`understand.lint`)."""
    issues: list[Issue] = []
    for i, item in enumerate(notes.company.news):
        issues += _news_issue(item, f"company.news[{i}].text", notes.language)
    for path, text in free_text(notes.model_dump(mode="json")):
        if has_control(text):
            issues.append(_issue(
                path, "contains control characters (an escape sequence or NUL, perhaps pasted by "
                "accident); they are shown as symbols like ␛ — remove them.", "error", "control-chars"))
    issues += instruction_issues(notes)
    if notes.sender_role == "candidate":
        for i, person in enumerate(notes.interviewers):
            if person.email and PERSONAL_DOMAINS.search(person.email):
                issues.append(_issue(
                    f"interviewers[{i}].email", f"{person.email} looks like a personal address; "
                    "write to their work address (GUIDANCE C9: never to a personal one).",
                    rule="C9-channel"))
    issues += notes_spelling_issues(notes)
    issues += _missing(notes, scenario)
    from afterword.understand.lint import lint_notes  # the understanding step imports the checks

    return issues + lint_notes(notes)


def _news_issue(item: NewsItem, field: str, language: Language) -> list[Issue]:
    """C5: the company's own trouble is left out of drafts unless the person marked it `ok`."""
    verdict = news_verdict(item.text, language)
    if verdict.tone != "negative":
        return []
    if item.ok:
        return [_issue(field, f"you marked this as fine: {verdict.reason} — “{item.text}” may be "
                       "used in drafts (GUIDANCE C5: positive news only).", "info", "C5-news")]
    return [_issue(field, f"“{item.text}” is negative news ({verdict.reason}); it will be left out "
                   "of drafts unless you mark it ok (`ok: true`) (GUIDANCE C5: positive news only).",
                   rule="C5-news")]


def _missing(notes: Notes, scenario: str | None) -> list[Issue]:
    out = []
    has_topics = notes.topics_discussed or any(i.topics for i in notes.interviewers)
    if scenario == "thank-you" and not has_topics:
        out.append(_issue("topics_discussed", "no topics discussed: a thank-you needs one "
                          "specific to reference — add what you talked about (GUIDANCE C2).",
                          rule="C2-topic"))
    if scenario == "thank-you" and not notes.skills_not_mentioned:
        out.append(_issue("skills_not_mentioned", "add a skill the interview missed, with a "
                          "concrete result, to strengthen the note (GUIDANCE C4).", "info",
                          "C4-skill"))
    if scenario in ("status-check", "final-follow-up") and not notes.decision_timeline:
        out.append(_issue("decision_timeline", f"a {scenario} uses the stated timeframe as the "
                          "reason to write — add what they said, e.g. “within 2 weeks” "
                          "(GUIDANCE T2, C6).", rule="C6-timeline"))
    if scenario == "rejection-reply":
        if notes.outcome is None or notes.outcome.result != "rejected":
            out.append(_issue("outcome.result", "a rejection reply needs `outcome` "
                              "{result: \"rejected\"} (GUIDANCE C10).", rule="C10-rejection"))
        elif not notes.outcome.warm:
            out.append(_issue("outcome.warm", "reply to a rejection only where the interviewer "
                              "clearly believed in you — set `warm: true` if they did "
                              "(GUIDANCE C10).", "info", "C10-rejection"))
    if scenario == "recruiter-thanks":
        fb = notes.feedback
        if fb is None or not (fb.positive or fb.more):
            out.append(_issue("feedback", "recruiter thanks carry feedback as positive and "
                              "more points — add `feedback` (GUIDANCE C11).", rule="C11-feedback"))
        if notes.next_step is None or not (notes.next_step.who or notes.next_step.prepare):
            out.append(_issue("next_step", "say who they will meet next and what to prepare — "
                              "add `next_step` (GUIDANCE C11).", rule="C11-next-step"))
    return out
