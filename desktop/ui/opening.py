"""The way into the window, part of its shell: the first run creates a store (a
correspondent's, or one marked for a desk), the unlock page opens one (counting wrong
passphrases, desktop/services/unlock.py), and each says in plain words why it could not.
Both run on the store worker as its opener. Once the store is open the window takes over
(`GatewatchWindow.opened`): `after_unlock` reads on the worker which role it serves.

An unlock takes at least the key derivation's time plus a padding (desktop/store/
database.py), during which the store is open and the worker would only wait. There
`FirstView.read` reads what the window shows first: the settings and role and, for a
correspondent, the list for its query with the first page of rows. The window shows
them without another trip to the worker. If that reading fails, the window reads again
after the unlock, the usual way, and that reading reports what fails.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
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
    from desktop.services.correspondent.session import Listing, ListQuery, ReportRow
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
        window = self._window
        data_dir = window.data_dir
        query = window.correspondent.list_query()
        first = FirstView(window.gazetteer, window.store_defaults(), query)
        window.worker.open(
            lambda: unlock(data_dir, passphrase, meanwhile=first.read),
            lambda open_sibling: window.opened(open_sibling, first),
            self._failed,
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


@dataclass
class FirstView:
    """What the window shows first, read on the worker inside the unlock's padding (see
    the module docstring). Written there before the unlock answers, read on the GUI
    thread after: the answer's queued signal orders them."""

    gazetteer: Gazetteer
    defaults: Mapping[str, Any]
    query: ListQuery | None  # the list's, or None: every report
    settled: tuple[dict[str, Any], DeskStage] | None = None  # `after_unlock`'s answer
    listing: Listing | None = None
    rows: list[ReportRow] = field(default_factory=list)  # the listing's first page

    def read(self, store: Store) -> None:
        # Imported here, on the worker: the start path does without them.
        from desktop.services.correspondent.session import CorrespondentSession, ListQuery
        from desktop.ui.lazy_rows import PAGE_SIZE

        try:
            settled = after_unlock(store, self.gazetteer, self.defaults)
            if settled[1] is None:
                session = CorrespondentSession(store)
                query = self.query or ListQuery()
                listing = session.listing(self.gazetteer, query)
                self.rows = session.report_rows(listing.ids[:PAGE_SIZE])
                self.query, self.listing = query, listing
            self.settled = settled
        except Exception:  # read again after the unlock, which reports it
            self.settled, self.listing, self.rows = None, None, []

    def read_list(self) -> tuple[ListQuery, Listing, list[ReportRow]] | None:
        """The list read, with the query it answers, if it was read."""
        if self.query is None or self.listing is None:
            return None
        return self.query, self.listing, self.rows


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
