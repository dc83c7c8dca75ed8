"""Read a stated decision timeline ("within 2 weeks", 「2週間以内に」) as a date (GUIDANCE T2).

Text it cannot read gives a result with `date=None` and a `reason`; it is never guessed silently.
Where a phrase allows two readings, the later date is taken (following up early is the worse
mistake) and `meaning` says which reading was used.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from pydantic import BaseModel

from afterword.planner import timeline_en, timeline_ja
from afterword.planner.dates import Rule

RULES: list[tuple[re.Pattern[str], Rule]] = [*timeline_en.RULES, *timeline_ja.RULES]


class Timeline(BaseModel):
    """A decision timeline as said, and as a date."""

    said: str | None = None
    date: dt.date | None = None
    understood: str = ""
    """The words that were read (lower-cased, with ASCII digits)."""
    meaning: str = ""
    """How they were read ("2 weeks after the interview"), including any assumption."""
    counted_from: dt.date | None = None
    reason: str | None = None
    """Why there is no date (empty text, vague or unreadable wording)."""


def _normalise(text: str) -> str:
    """Full-width digits and letters to ASCII, kanji numerals to digits, lower case."""
    folded = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    return timeline_ja.kanji_to_digits(folded)


@functools.lru_cache(maxsize=4096)
def _matches(text: str) -> tuple[tuple[re.Match[str], Rule], ...]:
    """Every rule's matches in the normalised text. Cached: people reuse the same few wordings
    across applications, and only the dates (read per call) depend on the interview."""
    return tuple((m, rule) for pattern, rule in RULES for m in pattern.finditer(text))


def _readings(text: str, base: dt.date) -> tuple[list[tuple[int, int, dt.date, str]], list[str]]:
    """Every non-overlapping reading, earliest first (longest wins at the same start), and the
    date-like words that name no real day (2026-02-30)."""
    found: list[tuple[int, int, dt.date, str]] = []
    impossible: list[str] = []
    for m, rule in _matches(text):
        try:
            reading = rule(m, base)
        except ValueError:
            impossible.append(m[0].strip())
            continue
        if reading is not None and m[0].strip():
            found.append((m.start(), m.end(), reading[0], reading[1]))
    found.sort(key=lambda r: (r[0], r[0] - r[1]))
    kept: list[tuple[int, int, dt.date, str]] = []
    for hit in found:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return kept, impossible


def parse_timeline(said: str | None, counted_from: dt.date) -> Timeline:
    """Read `said` relative to `counted_from` (the interview date)."""
    if said is None or not said.strip():
        return Timeline(said=said, counted_from=counted_from, reason="no decision timeline in the notes")
    normal = _normalise(said)
    try:
        readings, impossible = _readings(normal, counted_from)
    except OverflowError:
        reason = f"{counted_from.isoformat()} is too far out to count from"
        return Timeline(said=said, counted_from=counted_from, reason=reason)
    if not readings:
        vague = timeline_en.VAGUE.search(normal) or timeline_ja.VAGUE.search(normal)
        if impossible:
            reason = f"“{impossible[0]}” is not a real date"
        elif vague:
            reason = f"“{vague[0]}” names no date"
        else:
            reason = f"no date or time frame found in “{said.strip()}”"
        return Timeline(said=said, counted_from=counted_from, reason=reason)
    start, end, day, meaning = max(readings, key=lambda r: r[2])
    if len({r[2] for r in readings}) > 1:
        meaning += f"; the latest of {len(readings)} time frames mentioned"
    if day < counted_from:
        return Timeline(
            said=said,
            counted_from=counted_from,
            understood=normal[start:end].strip(),
            reason=f"{day.isoformat()} is before the interview ({counted_from.isoformat()})",
        )
    return Timeline(
        said=said,
        date=day,
        understood=normal[start:end].strip(),
        meaning=meaning,
        counted_from=counted_from,
    )
