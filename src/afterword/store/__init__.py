"""The local store (tinydb): applications, interviews, drafts and events — plain Python."""

from afterword.store.db import Store
from afterword.store.records import OUTCOMES, Application, Event, StoredDraft

__all__ = ["OUTCOMES", "Application", "Event", "Store", "StoredDraft"]
