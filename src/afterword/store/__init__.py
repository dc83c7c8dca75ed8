"""The local store (tinydb): what the person said and did — applications, interview rounds,
sends, replies and every draft version — as plain Python."""

from afterword.store.db import Store
from afterword.store.records import OUTCOMES, Application, Event, InterviewRound, StoredDraft

__all__ = ["OUTCOMES", "Application", "Event", "InterviewRound", "Store", "StoredDraft"]
