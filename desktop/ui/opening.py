"""The way into the window, part of its shell: the first run creates a store (a
correspondent's, or one marked for a desk), the unlock page opens one (counting wrong
passphrases, desktop/services/unlock.py), and each says in plain words why it could not.
Both run on the store worker as its opener. Once the store is open the window takes over
(`GatewatchWindow.opened`): `after_unlock` reads on the worker which role it serves.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from PySide6.QtCore import QObject

from desktop.domain.gazetteer import Gazetteer
from desktop.services.settings import write_settings
from desktop.services.unlock import (
    StoreWipedError,
    create_store,
    start_unlock_state,
    tries_left,
    unlock,
)
from desktop.store.database import Store
from desktop.store.errors import is_damage
from desktop.ui.errors import user_message
from desktop.ui.settings_dialog import AppSettings

if TYPE_CHECKING:
    from desktop.ui.window import GatewatchWindow

# A desk's store with its newsroom key, one created for a desk and not set up yet, or
# (None) a correspondent's store.
DeskStage: TypeAlias = Literal["ready", "setup"] | None


class Opening(QObject):
    """Creates or unlocks the store for `window` from its first-run and unlock pages."""

    def __init__(self, window: GatewatchWindow) -> None:
        super().__init__(window)
        self._window = window
        window.first_run.create_requested.connect(self._create)
        window.first_run.language_chosen.connect(self._language_chosen)
        window.unlock_page.unlock_requested.connect(self._unlock)

    def _language_chosen(self, language: str) -> None:
        self._window.languages.switch(language)
        self._window.settings = AppSettings(language=language)

    def _create(self, passphrase: str) -> None:
        window = self._window
        data_dir = window.data_dir
        settings = window.settings
        for_desk = window.first_run.desk_mode

        def opener() -> Store:
            store = create_store(data_dir, passphrase)
            write_settings(store, settings.as_store_values())
            if for_desk:
                from desktop.services.desk import review as desk_review

                desk_review.desk_identity(store)  # marks the store as a desk's until set up
            start_unlock_state(data_dir, wipe_after=settings.wipe_after, language=settings.language)
            return store

        window.worker.open(opener, window.opened, self._create_failed)

    def _create_failed(self, error: Exception) -> None:
        self._window.first_run.show_error(user_message(error))

    def _unlock(self, passphrase: str) -> None:
        data_dir = self._window.data_dir
        self._window.worker.open(
            lambda: unlock(data_dir, passphrase), self._window.opened, self._failed
        )

    def _failed(self, error: Exception) -> None:
        if isinstance(error, StoreWipedError):
            self._window.show_entry_page()
            self._window.first_run.show_error(user_message(error))
        else:
            self.show_tries()
            self._window.unlock_page.show_error(user_message(error))

    def show_tries(self) -> None:
        """Tell the unlock page how many wrong passphrases are left before the wipe."""
        self._window.unlock_page.set_tries(*tries_left(self._window.data_dir))


def after_unlock(
    store: Store, gazetteer: Gazetteer, defaults: Mapping[str, Any]
) -> tuple[dict[str, Any], DeskStage]:
    """On the worker, right after unlock: the store's settings (`defaults` for those never
    set) and which role it serves.

    A damaged store opens as a correspondent's with `defaults`: the health check, running
    beside, says what to do."""
    # Imported here, on the worker: the start path does without them.
    from desktop.services.correspondent import capture
    from desktop.services.desk.session import DeskSession

    try:
        values = capture.after_unlock(store, gazetteer, defaults)
        return values, DeskSession(store).stage()
    except Exception as error:
        if not is_damage(error):
            raise
        return dict(defaults), None
