"""The desk's pages in the window: the desk page and the desk setup page, built on first
use, wired to the shell (desktop/ui/window.py), and the Desk menu.

The shell opens the store and sees whether it is a desk's (`DeskSession.stage`); this
module shows the desk or its setup, counts what needs attention for the window's title,
and forgets what was shown at a lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.ui.desk.handcarry_actions import DeskHandcarryActions

if TYPE_CHECKING:
    from desktop.ui.desk.page import DeskPage
    from desktop.ui.desk.setup import DeskSetupPage
    from desktop.ui.window import GatewatchWindow


class DeskRole(QObject):
    """The desk page, its setup page and the Desk menu of a desk's store."""

    def __init__(self, window: GatewatchWindow) -> None:
        super().__init__(window)
        self._window = window
        self._pages: tuple[DeskPage, DeskSetupPage] | None = None  # built for a desk store
        self.attention = 0  # what needs attention at the desk, in the title
        self.menu = window.menuBar().addMenu("")  # filled when the pages are built
        self.handcarry = DeskHandcarryActions(window, window.worker)

    # -- the pages -----------------------------------------------------------------------

    @property
    def built(self) -> bool:
        return self._pages is not None

    @property
    def page(self) -> DeskPage:
        return self._built_pages()[0]

    @property
    def setup(self) -> DeskSetupPage:
        return self._built_pages()[1]

    def _built_pages(self) -> tuple[DeskPage, DeskSetupPage]:
        """The desk page and the desk setup page, built and wired on first use."""
        if self._pages is None:
            from desktop.ui.desk.page import DeskPage
            from desktop.ui.desk.setup import DeskSetupPage

            window = self._window

            def language() -> str:  # read at each use: the user may switch it
                return window.languages.language

            desk_page = DeskPage(
                window.worker, window.gazetteer, language, desk_folder=window.data_dir
            )
            desk_setup = DeskSetupPage(window.worker)
            window.pages.addWidget(desk_page)
            window.pages.addWidget(desk_setup)
            desk_page.error.connect(window.show_error)
            desk_page.attention_counted.connect(self._attention_counted)
            desk_setup.finished.connect(self.show_desk)
            self._fill_menu(desk_page)
            self._pages = (desk_page, desk_setup)
        return self._pages

    def _fill_menu(self, desk_page: DeskPage) -> None:
        window = self._window
        shell = window.shell_actions
        menu = self.menu
        menu.addActions([desk_page.pull_action, desk_page.export_action, shell.search_action])
        menu.addSeparator()
        menu.addActions([self.handcarry.import_action, self.handcarry.receipts_action])
        menu.addSeparator()
        menu.addActions(
            [desk_page.connect_action, desk_page.devices_action, desk_page.export_key_action]
        )
        menu.addSeparator()
        menu.addActions([shell.lock_action, shell.wipe_action, shell.quit_action])

    def on_page(self) -> bool:
        """Whether the desk page shows (without building it)."""
        return self._pages is not None and self._window.pages.currentWidget() is self._pages[0]

    # -- after unlock, at a lock ---------------------------------------------------------

    def show_desk(self) -> None:
        window = self._window
        if not window.worker.is_open:
            return
        window.desk_mode = True
        window.pages.setCurrentWidget(self.page)
        window.update_actions()
        self.page.refresh()
        self.page.show_first_view()

    def show_setup(self) -> None:
        """A store created for a desk and not set up yet: the setup page."""
        self.setup.start()
        self._window.pages.setCurrentWidget(self.setup)
        self._window.update_actions()

    def forget(self) -> None:
        """Clear every widget that held report text; the setup page starts over."""
        if self._pages is not None:
            self.page.clear()
            self.setup.start()

    def times_changed(self) -> None:
        """The desk's time zone changed: every time shown is written again."""
        if self._pages is not None:
            self.page.times_changed()

    def focus_search(self) -> bool:
        """Put the keyboard in the inbox's search, if the desk page shows."""
        if not self.on_page():
            return False
        self.page.tabs.setCurrentWidget(self.page.inbox_tab)
        self.page.inbox.filters.search.setFocus()
        self.page.inbox.filters.search.selectAll()
        return True

    def _attention_counted(self, count: int) -> None:
        self.attention = count
        self._window.show_title()

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Desk"))
        self.handcarry.retranslate()

    def update(self, desk: bool, on_desk: bool) -> None:
        """The Desk menu shows for a desk's open store; the page's actions on its page."""
        self.menu.menuAction().setVisible(desk)
        self.handcarry.update(on_desk)
        if self._pages is not None:
            desk_page = self._pages[0]
            for action in (
                desk_page.pull_action,
                desk_page.connect_action,
                desk_page.export_key_action,
                desk_page.export_action,
                desk_page.devices_action,
            ):
                action.setEnabled(on_desk)
