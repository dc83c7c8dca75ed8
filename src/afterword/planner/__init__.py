"""Follow-up planner: read the stated decision timeline, and say what to send next, to whom and
when — derived from what the store recorded each time it is asked, never stored."""

from afterword.planner.rules import (
    DueItem,
    NextStep,
    PersonState,
    app_timeline,
    due_items,
    next_action,
    next_step,
    status_check_date,
    when,
)
from afterword.planner.timeline import Timeline, parse_timeline

__all__ = [
    "DueItem",
    "NextStep",
    "PersonState",
    "Timeline",
    "app_timeline",
    "due_items",
    "next_action",
    "next_step",
    "parse_timeline",
    "status_check_date",
    "when",
]
