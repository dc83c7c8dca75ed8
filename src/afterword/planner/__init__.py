"""Follow-up planner: read the stated decision timeline, and say what to send next and when."""

from afterword.planner.rules import DueItem, due_items, next_action, status_check_date
from afterword.planner.timeline import Timeline, parse_timeline

__all__ = ["DueItem", "Timeline", "due_items", "next_action", "parse_timeline", "status_check_date"]
