"""Apply an issue's replacement to a draft body, and keep other issues' offsets in step."""

from __future__ import annotations

from afterword.models import Issue


def apply_fix(body: str, issue: Issue, choice: int = 0) -> str:
    """The body with `issue.replacements[choice]` put in place of the flagged span."""
    if not 0 <= choice < len(issue.replacements):
        raise IndexError(f"issue {issue.rule!r} has no replacement #{choice}")
    end = issue.offset + issue.length
    if not 0 <= issue.offset <= end <= len(body):
        raise ValueError(f"issue {issue.rule!r} span {issue.offset}:{end} is outside the body")
    return body[: issue.offset] + issue.replacements[choice] + body[end:]


def apply_all(body: str, issues: list[Issue]) -> str:
    """Apply the first replacement of each issue, right to left; overlapping ones are skipped."""
    fixable = [i for i in issues if i.replacements and i.offset + i.length <= len(body)]
    limit = len(body) + 1
    for issue in sorted(fixable, key=lambda i: (i.offset, i.length), reverse=True):
        end = issue.offset + issue.length
        if end > limit:
            continue
        body = apply_fix(body, issue)
        limit = issue.offset
    return body


def shift_issues(issues: list[Issue], at: int, delta: int, removed: int = 0) -> list[Issue]:
    """Issues after an edit that replaced `removed` chars at `at`, changing the length by `delta`.

    Issues wholly before the edit stay, ones after it move by `delta`, and ones overlapping the
    edited span are dropped (their text changed, so they must be checked again).
    """
    out = []
    for issue in issues:
        if issue.offset + issue.length <= at:
            out.append(issue)
        elif issue.offset >= at + removed:
            out.append(issue.model_copy(update={"offset": issue.offset + delta}))
    return out
