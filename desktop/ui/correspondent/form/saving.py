"""The commands the form sends to the store worker, and which draft they write to.

Every save sends a snapshot of the form to the worker at once; the worker runs them in
order. The id of the draft lives in a `DraftRef` shared with those jobs, so a save sent
while the first one (which creates the draft) is still running writes to the same draft.
A lock or a quit therefore only has to send one last save before closing the store: it
is stored even though its answer never comes back (the worker drops the callbacks of an
older session).
"""

from __future__ import annotations

from typing import Any

from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import Report
from desktop.services.changes import Changes, Done
from desktop.services.correspondent.session import CorrespondentSession
from desktop.store.database import Store


class DraftRef:
    """Which draft one form session writes to; read and written by the save jobs on the
    worker thread, which run one after another."""

    def __init__(self, draft_id: str | None = None, replaces: str | None = None) -> None:
        self.id = draft_id
        self.replaces = replaces


def save_job(store: Store, gazetteer: Gazetteer, body: dict[str, Any], ref: DraftRef) -> Done[str]:
    saved = CorrespondentSession(store).save_draft(
        gazetteer, body, draft_id=ref.id, replaces=None if ref.id else ref.replaces
    )
    ref.id = saved.value
    return saved


def queue_job(store: Store, gazetteer: Gazetteer, draft_id: str) -> Done[Report]:
    return CorrespondentSession(store).queue_draft(gazetteer, draft_id)


def delete_job(store: Store, ref: DraftRef) -> Changes:
    if ref.id is None:
        return Changes()
    changes = CorrespondentSession(store).delete_draft(ref.id)
    ref.id = None
    return changes
