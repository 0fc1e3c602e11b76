"""`DeskSession`: the one door of the editor desk's window and commands to an open store.

Queries return view models (plain dataclasses the views show); commands return `Changes`
or `Done` (desktop/services/changes.py), which the store worker broadcasts so each view
refreshes itself. Widgets and commands never assemble repositories or write SQL: what they
need from the store is a method here.
"""

from __future__ import annotations

from typing import Literal

from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository
from desktop.store.desk.review import ReviewRepository


class DeskSession:
    """Use cases of a desk's store, on the thread that owns `store`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- The window's shell: whether a store opens on the desk's pages -----------------

    def stage(self) -> Literal["ready", "setup"] | None:
        """ "ready" with a newsroom key; "setup" for a store created as a desk's and not set
        up yet (it has a desk identity but no key); None for a correspondent's store."""
        if DeskRepository(self._store).key() is not None:
            return "ready"
        if ReviewRepository(self._store).identity() is not None:
            return "setup"
        return None
