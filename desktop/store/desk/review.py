"""The desk's review tables (schema v5) behind one repository: review events and states
(review_events.py), the inbox query (inbox.py), board rows (board_rows.py), and the exports
audit (audit.py)."""

from __future__ import annotations

from desktop.store.database import Store
from desktop.store.desk.audit import AuditEntry, ExportAudit, ExportRecord
from desktop.store.desk.board_rows import BoardQueries
from desktop.store.desk.inbox import GateMatcher, InboxFilter, InboxQueries, InboxRow
from desktop.store.desk.review_events import DeskIdentity

__all__ = [
    # Re-exported from where they moved; new code imports them from their modules.
    "AuditEntry",
    "DeskIdentity",
    "ExportRecord",
    "GateMatcher",
    "InboxFilter",
    "InboxRow",
    "ReviewRepository",
]


class ReviewRepository(ExportAudit, InboxQueries, BoardQueries):
    """Review, inbox and board queries over one open desk store."""

    def __init__(self, store: Store, gates_named: GateMatcher | None = None) -> None:
        self._store = store
        self._gates_named = gates_named
