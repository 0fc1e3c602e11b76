"""`CorrespondentSession`: the one door of the correspondent's window and commands to an open store.

Queries return view models (plain dataclasses the views show); commands return `Changes`
or `Done` (desktop/services/changes.py), which the store worker broadcasts so each view
refreshes itself. Widgets and commands never assemble repositories or write SQL: what they
need from the store is a method here.
"""

from __future__ import annotations

from desktop.store.database import Store


class CorrespondentSession:
    """Use cases of a correspondent's store, on the thread that owns `store`."""

    def __init__(self, store: Store) -> None:
        self._store = store
