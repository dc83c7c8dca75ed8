"""Apply an issue's replacement to a draft's body or subject, and keep other issues' offsets in step.

An issue belongs to the part its `field` names: `None` for the body, `"subject"` for the subject
line (see `check_draft`). Each function takes the text of one part and touches only its issues.
"""

from __future__ import annotations

from afterword.models import Issue


def apply_fix(text: str, issue: Issue, choice: int = 0, part: str | None = None) -> str:
    """`text` (the body, or the part named) with `issue.replacements[choice]` in place of its span."""
    if issue.field != part:
        raise ValueError(f"issue {issue.rule!r} is in the {issue.field or 'body'}, not the {part or 'body'}")
    if not 0 <= choice < len(issue.replacements):
        raise IndexError(f"issue {issue.rule!r} has no replacement #{choice}")
    end = issue.offset + issue.length
    if not 0 <= issue.offset <= end <= len(text):
        raise ValueError(f"issue {issue.rule!r} span {issue.offset}:{end} is outside the text")
    return text[: issue.offset] + issue.replacements[choice] + text[end:]


def apply_all(text: str, issues: list[Issue], part: str | None = None) -> str:
    """Apply the first replacement of each issue of the part, right to left; overlaps are skipped."""
    fixable = [i for i in issues
               if i.field == part and i.replacements and i.offset >= 0 and i.offset + i.length <= len(text)]
    pieces: list[str] = []
    limit = len(text)
    for issue in sorted(fixable, key=lambda i: (i.offset, i.length), reverse=True):
        end = issue.offset + issue.length
        if end > limit:
            continue
        pieces += [text[end:limit], issue.replacements[0]]
        limit = issue.offset
    pieces.append(text[:limit])
    return "".join(reversed(pieces))


def shift_issues(
    issues: list[Issue], at: int, delta: int, removed: int = 0, part: str | None = None
) -> list[Issue]:
    """Issues after an edit of one part that replaced `removed` chars at `at`, changing its length
    by `delta`.

    That part's issues wholly before the edit stay, ones after it move by `delta`, and ones
    overlapping the edited span are dropped (their text changed, so they must be checked again);
    the other part's issues stay as they are.
    """
    out = []
    for issue in issues:
        if issue.field != part or issue.offset + issue.length <= at:
            out.append(issue)
        elif issue.offset >= at + removed:
            out.append(issue.model_copy(update={"offset": issue.offset + delta}))
    return out
