"""`DeskSession`: the one door of the editor desk's window and commands to an open store.

Queries return view models (plain dataclasses the views show); commands return `Changes`
or `Done` (desktop/services/changes.py), which the store worker broadcasts so each view
refreshes itself. Widgets and commands never assemble repositories or write SQL: what they
need from the store is a method here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from desktop.services.desk import review_view
from desktop.services.desk.review_view import AuditEntry, ReviewView
from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord
from desktop.store.desk.review import GateMatcher, InboxFilter, InboxRow, ReviewRepository

__all__ = [
    "AuditEntry",
    "DeskSession",
    "EnvelopeRecord",
    "InboxFilter",
    "InboxPage",
    "InboxRow",
    "ReviewView",
]


@dataclass(frozen=True)
class InboxPage:
    """The first rows of the inbox a filter shows, and how many reports it shows in all."""

    rows: list[InboxRow]
    total: int


class DeskSession:
    """Use cases of a desk's store, on the thread that owns `store`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- One report under review: the review pane and `gatewatch desk show` ---------------

    def review(self, report_id: str, *, thumbnail_edge: int | None = None) -> ReviewView | None:
        """The report with its state, history and (given an edge) photo thumbnails; None if
        the desk does not hold it."""
        return review_view.load_review(self._store, report_id, thumbnail_edge=thumbnail_edge)

    # -- The desk's commands: `gatewatch desk inbox` and the pull's refusals --------------

    def inbox_page(
        self, where: InboxFilter, limit: int, gates_named: GateMatcher | None = None
    ) -> InboxPage:
        """The first ``limit`` reports the filter shows (newest first unless it says
        otherwise) and their total."""
        reviews = ReviewRepository(self._store, gates_named)
        ids = reviews.inbox_ids(where)
        return InboxPage(reviews.inbox_rows(ids[: max(limit, 0)]), len(ids))

    def refusals(self) -> list[EnvelopeRecord]:
        """Envelopes the desk refused, in server order, with reason and message."""
        return DeskRepository(self._store).refusals()

    # -- The window's shell: whether a store opens on the desk's pages -----------------

    def stage(self) -> Literal["ready", "setup"] | None:
        """ "ready" with a newsroom key; "setup" for a store created as a desk's and not set
        up yet (it has a desk identity but no key); None for a correspondent's store."""
        if DeskRepository(self._store).key() is not None:
            return "ready"
        if ReviewRepository(self._store).identity() is not None:
            return "setup"
        return None

    # Follow-up questions ------------------------------------------------------------------

    def holds_newsroom_key(self) -> bool:
        """Whether this store is a desk's that is set up (it holds the newsroom key)."""
        return DeskRepository(self._store).key() is not None

    def connected(self) -> bool:
        """Whether this desk has a server to send its questions to."""
        return DeskRepository(self._store).server() is not None
