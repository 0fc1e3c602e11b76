"""`DeskSession`: the one door of the editor desk's window and commands to an open store.

Queries return view models (plain dataclasses the views show); commands return `Changes`
or `Done` (desktop/services/changes.py), which the store worker broadcasts so each view
refreshes itself. Widgets and commands never assemble repositories or write SQL: what they
need from the store is a method here.
"""

from __future__ import annotations

from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository


class DeskSession:
    """Use cases of a desk's store, on the thread that owns `store`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # Follow-up questions ------------------------------------------------------------------

    def holds_newsroom_key(self) -> bool:
        """Whether this store is a desk's that is set up (it holds the newsroom key)."""
        return DeskRepository(self._store).key() is not None

    def connected(self) -> bool:
        """Whether this desk has a server to send its questions to."""
        return DeskRepository(self._store).server() is not None
