"""Every draft version, per application, recipient and scenario, in a file per application
(`afterword.drafts/<app id>.json`): never lose text."""

from __future__ import annotations

import re

from tinydb import TinyDB
from tinydb.table import Document

from afterword.errors import InputError
from afterword.models import Draft
from afterword.store.files import StoreFiles, now
from afterword.store.records import StoredDraft, same_name

_DRAFT_ID = re.compile(r"([0-9]+)\.([0-9]+)")


class DraftVersions(StoreFiles):
    """Keep, list, approve and restore draft versions."""

    def add_draft(self, app_id: str, draft: Draft, *, edited: bool = False) -> str:
        """Keep a draft version (every version is kept, per recipient and scenario); returns its
        id. Text identical to the latest version of that recipient and scenario adds nothing
        and returns that version's id."""
        with self._tx() as db:
            self._app_doc(db, app_id)
            self.drafts_dir.mkdir(mode=0o700, exist_ok=True)
            with self._tx(self._drafts_file(app_id)) as files:
                thread = self._thread(files, app_id, draft.recipient, draft.scenario)
                last = thread[-1] if thread else None
                if last is not None and _same_text(last, draft):
                    return last.id
                doc = {
                    **draft.model_dump(mode="json"),
                    "app_id": app_id,
                    "version": last.version + 1 if last else 1,
                    "created": now(),
                    "edited": edited,
                    "approved": False,
                    "approved_at": None,
                    "restored_from": None,
                }
                return f"{app_id}.{files.table('drafts').insert(doc)}"

    def drafts(
        self, app_id: str, *, recipient: str | None = None, scenario: str | None = None
    ) -> list[StoredDraft]:
        """The draft versions of an application (of one recipient and/or scenario), oldest first."""
        with self._tx() as db:
            self._app_doc(db, app_id)
            with self._tx(self._drafts_file(app_id)) as files:
                versions = self._versions(files, app_id)
        return [
            d for d in versions
            if (recipient is None or same_name(d.recipient, recipient))
            and (scenario is None or d.scenario == scenario)
        ]  # fmt: skip

    def latest_draft(self, app_id: str, recipient: str, scenario: str) -> StoredDraft | None:
        """The newest version for this recipient and scenario (what the person saw last)."""
        versions = self.drafts(app_id, recipient=recipient, scenario=scenario)
        return versions[-1] if versions else None

    def get_draft(self, draft_id: str) -> StoredDraft:
        """One draft version by its id (`APP.N`); InputError for an unknown id."""
        app_id, doc_id = self._draft_ref(draft_id)
        with self._tx(self._drafts_file(app_id)) as files:
            return self._draft_doc(files, app_id, doc_id, draft_id)

    def approve_draft(self, draft_id: str) -> None:
        """Mark a draft version approved."""
        app_id, doc_id = self._draft_ref(draft_id)
        with self._tx(self._drafts_file(app_id)) as files:
            self._draft_doc(files, app_id, doc_id, draft_id)
            files.table("drafts").update({"approved": True, "approved_at": now()}, doc_ids=[doc_id])

    def restore_draft(self, draft_id: str) -> StoredDraft:
        """Bring an older version back as the newest one, and return it.

        Restoring adds a copy (with `restored_from`) instead of moving a "current" mark: history
        only grows, so the text that was current before is one version back and restoring it
        undoes the restore. Restoring the newest version itself changes nothing."""
        app_id, doc_id = self._draft_ref(draft_id)
        with self._tx(self._drafts_file(app_id)) as files:
            old = self._draft_doc(files, app_id, doc_id, draft_id)
            thread = self._thread(files, app_id, old.recipient, old.scenario)
            if thread[-1].id == old.id:
                return old
            doc = {
                **old.model_dump(mode="json", exclude={"id"}),
                "version": thread[-1].version + 1,
                "created": now(),
                "approved": False,
                "approved_at": None,
                "restored_from": old.version,
            }
            new_id = files.table("drafts").insert(doc)
            return StoredDraft.model_validate({**doc, "id": f"{app_id}.{new_id}"})

    # draft internals ------------------------------------------------------------------------

    def _versions(self, files: TinyDB, app_id: str) -> list[StoredDraft]:
        rows = files.table("drafts").all()
        return self._valid(
            files, "drafts", rows, lambda r: StoredDraft.model_validate({**r, "id": f"{app_id}.{r.doc_id}"})
        )

    def _thread(self, files: TinyDB, app_id: str, recipient: str, scenario: str) -> list[StoredDraft]:
        """The versions for one recipient and scenario, oldest first."""
        return [
            d
            for d in self._versions(files, app_id)
            if same_name(d.recipient, recipient) and d.scenario == scenario
        ]

    @staticmethod
    def _draft_ref(draft_id: str) -> tuple[str, int]:
        match = _DRAFT_ID.fullmatch(str(draft_id))
        if match is None:
            raise InputError(f"no draft with id {draft_id!r}", "draft ids look like 3.12")
        return match[1], int(match[2])

    def _draft_doc(self, files: TinyDB, app_id: str, doc_id: int, draft_id: str) -> StoredDraft:
        row = files.table("drafts").get(doc_id=doc_id)
        if row is None:
            raise InputError(f"no draft with id {draft_id!r}")
        assert isinstance(row, Document)
        return self._valid(
            files, "drafts", [row], lambda r: StoredDraft.model_validate({**r, "id": draft_id})
        )[0]


def _same_text(stored: StoredDraft, draft: Draft) -> bool:
    return (stored.subject, stored.body, stored.tone, stored.channel) == (
        draft.subject, draft.body, draft.tone, draft.channel,
    )  # fmt: skip
