"""The main window, a shell: which page shows (first run, unlock, or a role's pages),
locks and wipe.

The first-run and unlock pages open the store (desktop/ui/opening.py); then the shell
asks the store which role it serves and hands over to that role's pages: a
correspondent's list and form (desktop/ui/correspondent/role.py) or, for a store holding
a newsroom key, the desk (desktop/ui/desk/role.py); a store created with "Set up an
editor desk" but not set up yet shows the desk's setup page. Each role builds its pages
on first use and owns its menu; the shell owns the status bar, the Tools menu and the
actions every role shares (desktop/ui/shell_actions.py).

It owns the store worker. Locking closes the store connection and clears every widget
that held report text; wiping destroys the store and returns to the first-run page.

Order on a lock: close every open dialog (they may show report text), send the form's
last save, forget what every widget shows, then close the store (the worker drops every
answer still on its way). A wipe destroys the key file on this thread first, shows the
first-run page at once, and lets the worker remove the database without waiting for the
jobs still queued. Code after a dialog's `exec()` checks `worker.is_open`: a lock may
have come while the dialog was open.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QPixmapCache
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from desktop.domain.gazetteer import Gazetteer
from desktop.services.safety import destroy_key_material, wipe_store
from desktop.services.unlock import store_exists, unlock_language
from desktop.store.database import Store
from desktop.ui import desk_clock
from desktop.ui.clipboard import ClipboardGuard
from desktop.ui.correspondent.role import CorrespondentRole
from desktop.ui.desk.role import DeskRole
from desktop.ui.errors import user_message
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.locks import IdleWatcher, SleepWatcher, close_modals, forget_file_dialog_history
from desktop.ui.opening import DeskStage, FirstView, Opening, after_unlock
from desktop.ui.safety_actions import SafetyActions
from desktop.ui.settings_dialog import AppSettings
from desktop.ui.shell_actions import ShellActions
from desktop.ui.store_health import HealthCheck
from desktop.ui.sync_controller import SyncController, SyncIndicator
from desktop.ui.unlock_pages import FirstRunPage, UnlockPage
from desktop.ui.update_notice import UpdateNotice
from desktop.ui.wheel_guard import install_wheel_guard
from desktop.ui.worker import StoreWorker

if TYPE_CHECKING:
    from desktop.ui.correspondent.main_page import MainPage
    from desktop.ui.correspondent.report_form import ReportForm
    from desktop.ui.desk.page import DeskPage
    from desktop.ui.desk.setup import DeskSetupPage

# How long the wipe waits for the sync connection to close before it removes the files
# anyway (POSIX removes open files; the key is gone already).
SYNC_CLOSE_WAIT_S = 10.0


class GatewatchWindow(QMainWindow):
    """See the module docstring."""

    def __init__(
        self,
        data_dir: Path,
        gazetteer: Gazetteer,
        languages: LanguageSwitcher,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.gazetteer = gazetteer
        self.languages = languages
        self.settings = AppSettings(language=unlock_language(data_dir))
        self.worker = StoreWorker(self)
        self.idle = IdleWatcher(self.lock, self)
        self.sleep_watcher = SleepWatcher(self.lock, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
            if isinstance(app, QApplication):
                install_wheel_guard(app)  # before any page is built (see the module)
                app.applicationStateChanged.connect(self._application_state)

        self.first_run = FirstRunPage(self.settings.language)
        self.unlock_page = UnlockPage()
        self.desk_mode = False  # the open store is a desk's (set up or not)
        self.pages = QStackedWidget()
        for page in (self.first_run, self.unlock_page):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.sync = SyncController(self)
        self.sync_indicator = SyncIndicator()
        self.update_notice = UpdateNotice()
        self.health = HealthCheck(self)
        self.safety = SafetyActions(self, self.worker, data_dir, self.opened, self.lock)
        self.shell_actions = ShellActions(self)
        # Each role's pages wait for an unlock of its kind; its menu is there from the start.
        self.correspondent = CorrespondentRole(self)
        self.desk = DeskRole(self)
        self.shell_actions.add_tools_menu(self.correspondent.actions.connect_action)
        self._name_actions()
        self._build_status_bar()
        self.opening = Opening(self)
        self.health.damaged.connect(self._damaged)
        self.pages.currentChanged.connect(lambda _: self.update_actions())
        self.resize(1100, 720)
        self.retranslate()
        self.show_entry_page()

    # -- structure -----------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        # All permanent: a message (showMessage) then takes the room left of them instead
        # of being drawn over a widget that a later show() brings back.
        for widget in (self.sync_indicator, self.count_label, self.update_notice):
            self.statusBar().addPermanentWidget(widget)
        self.sync.update_changed.connect(self.update_notice.show_status)
        self.sync.status_changed.connect(self.sync_indicator.show_status)
        self.sync.finished.connect(self.sync_indicator.show_outcome)
        # What a sync changed reaches the views as any command's (sent, opened, purged).
        self.sync.worker.changed.connect(self.worker.broadcast)
        self.sync.running_changed.connect(self.sync_indicator.show_running)
        self.sync.progressed.connect(self.sync_indicator.show_progress)

    def _name_actions(self) -> None:
        """The menus and actions as the window's own: the names scripts and tests use."""
        shell = self.shell_actions
        self.lock_action, self.wipe_action = shell.lock_action, shell.wipe_action
        self.settings_action, self.search_action = shell.settings_action, shell.search_action
        self.quit_action, self.tools_menu = shell.quit_action, shell.tools_menu
        report = self.correspondent.actions
        self.report_menu, self.toolbar = report.report_menu, report.toolbar
        self.new_action, self.save_action = report.new_action, report.save_action
        self.queue_action, self.back_action = report.queue_action, report.back_action
        self.add_photos_action = report.add_photos_action
        self.remove_photo_action = report.remove_photo_action
        self.pseudonym_action, self.convert_action = report.pseudonym_action, report.convert_action
        self.delete_action, self.sync_action = report.delete_action, report.sync_action
        self.connect_action = report.connect_action
        self.handcarry = self.correspondent.handcarry
        self.desk_handcarry = self.desk.handcarry
        self.count_label = self.correspondent.count_label
        self.desk_menu = self.desk.menu

    # The roles' pages and what they do, as the window's own (scripts and tests drive it).

    @property
    def main_page(self) -> MainPage:
        return self.correspondent.main_page

    @property
    def form(self) -> ReportForm:
        return self.correspondent.form

    @property
    def desk_page(self) -> DeskPage:
        return self.desk.page

    @property
    def desk_setup(self) -> DeskSetupPage:
        return self.desk.setup

    def new_report(self) -> None:
        self.correspondent.new_report()

    def open_settings(self) -> None:
        self.shell_actions.open_settings()

    def _edit(self, draft_id: str) -> None:
        self.correspondent.edit(draft_id)

    def _correct(self, report_id: str) -> None:
        self.correspondent.correct(report_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_title(self) -> None:
        if self.desk.attention:
            self.setWindowTitle(
                self.tr("Gatewatch — {count} need attention").format(count=self.desk.attention)
            )
        else:
            self.setWindowTitle(self.tr("Gatewatch"))

    def retranslate(self) -> None:
        self.show_title()
        self.shell_actions.retranslate()
        self.correspondent.retranslate()
        self.desk.retranslate()
        self.safety.retranslate()

    def update_actions(self) -> None:
        """Enable what the page showing offers. A desk's store is never a correspondent's:
        its menus show desk actions. Without an open store (welcome, unlock) there are no
        menus and no toolbar at all."""
        open_ = self.worker.is_open
        desk = open_ and self.desk_mode
        on_desk = desk and self.desk.on_page()
        on_list = open_ and not desk and self.correspondent.on_list()
        self.shell_actions.update(open_, on_desk or on_list)
        self.correspondent.actions.update(open_, desk)
        self.desk.update(desk, on_desk)
        self.sync_indicator.setVisible(not desk)
        self.safety.update(open_, not desk)

    def show_entry_page(self) -> None:
        if store_exists(self.data_dir):
            self.unlock_page.reset()
            self.opening.show_tries()
            self.pages.setCurrentWidget(self.unlock_page)
            self.unlock_page.passphrase.setFocus()
        else:
            self._show_first_run()
        self.update_actions()

    def _show_first_run(self) -> None:
        self.first_run.reset()
        self.pages.setCurrentWidget(self.first_run)
        self.first_run.passphrase.setFocus()
        self.update_actions()

    # -- opening -------------------------------------------------------------------------

    def store_defaults(self) -> dict[str, Any]:
        """The settings of a store that never set them: it keeps the language the unlock
        screen spoke."""
        return AppSettings(language=self.languages.language).as_store_values()

    def opened(self, open_sibling: Callable[[], Store], first: FirstView | None = None) -> None:
        """The store is open: the role's pages show, with `first` (read during the unlock)
        if it was read, else read now."""
        if not self.worker.is_open:
            return  # locked in the same moment
        self.unlock_page.reset()
        self.first_run.reset()
        # The health check and (for a correspondent) sync open their own connections on
        # their own threads, with the key this unlock derived (never derived again); the
        # lock closes them all.
        self.health.start(open_sibling)  # its own connection: the list is not held up

        def loaded(result: tuple[dict[str, Any], DeskStage]) -> None:
            if not self.worker.is_open:
                return
            values, desk_stage = result
            self.apply_settings(AppSettings.from_store_values(values))
            self.desk_mode = desk_stage is not None
            if not self.desk_mode:  # a desk pulls on request; it has no outbox to send
                self.sync.start(open_sibling)
            if desk_stage == "ready":
                self.desk.show_desk()
            elif desk_stage == "setup":
                self.desk.show_setup()
            else:
                self.correspondent.show_list(None if first is None else first.read_list())

        if first is not None and first.settled is not None:
            loaded(first.settled)
            return
        defaults = self.store_defaults()
        gazetteer = self.gazetteer
        self.worker.submit(
            lambda store: after_unlock(store, gazetteer, defaults), loaded, self.show_error
        )

    def apply_settings(self, settings: AppSettings) -> None:
        self.settings = settings
        if settings.language != self.languages.language:
            self.languages.switch(settings.language)
        self.languages.set_text_size(settings.text_size)
        self.correspondent.apply_settings(settings)
        self.idle.start(settings.idle_lock_minutes * 60_000)
        if settings.desk_time_zone != desk_clock.zone():
            desk_clock.set_zone(settings.desk_time_zone)
            self.desk.times_changed()

    # -- the shell's actions -------------------------------------------------------------

    def focus_search(self) -> None:
        if not self.correspondent.focus_search():
            self.desk.focus_search()

    def _forget_shown(self) -> None:
        """Clear every widget, cache and clipboard entry that held report text."""
        self.correspondent.forget()
        self.desk.forget()
        self.desk_mode = False
        self.sync_indicator.clear()
        self.statusBar().clearMessage()
        ClipboardGuard.shared().clear_if_ours()
        QPixmapCache.clear()

    def lock(self) -> None:
        """Close the store and forget everything shown; the unlock page appears. A report
        being written is opened again after unlock, at the same place and field.

        Also while the store is still opening (the answer is then dropped)."""
        if not (self.worker.is_open or self.worker.opening):
            return
        self.correspondent.remember_place()
        close_modals()
        self.health.stop()
        self.idle.stop()
        self.correspondent.save_if_dirty()  # sent before the close: it is stored, unseen
        self._forget_shown()
        self.sync.stop()
        self.worker.close(cancel_imports=True)
        self.show_entry_page()

    def wipe_now(self) -> None:
        """Destroy the key now (here, on the GUI thread), show the first-run page, and let
        the workers close their connections and remove the database files; jobs still
        queued are skipped. A failure is reported on the first-run page."""
        close_modals()
        self.health.stop()
        self.idle.stop()
        self.correspondent.drop_edit()  # no last save: the report goes with the store
        self._forget_shown()
        forget_file_dialog_history()
        failures = destroy_key_material(self.data_dir)
        data_dir = self.data_dir
        sync_closed = threading.Event()

        def remove_files() -> None:
            sync_closed.wait(SYNC_CLOSE_WAIT_S)
            wipe_store(data_dir)

        self.sync.stop(skip_pending=True, then=sync_closed.set)
        self.worker.close(then=remove_files, on_error=self._wipe_failed, skip_pending=True)
        self._show_first_run()
        if failures:
            self._wipe_failed(failures[0])

    def _wipe_failed(self, error: Exception) -> None:
        self.first_run.show_error(
            self.tr(
                "The wipe could not remove every file of the store. Delete the Gatewatch "
                "data folder by hand, or shut the computer down."
            )
        )
        _ = error

    def _damaged(self, payload: object) -> None:
        result = self.health.current(payload)
        if result is not None and self.worker.is_open:
            self.safety.show_damage(result)

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock()
        elif state == Qt.ApplicationState.ApplicationActive:
            self.idle.check()  # back from a sleep the timers did not see

    def show_error(self, error: object) -> None:
        text = user_message(error) if isinstance(error, BaseException) else str(error)
        self.statusBar().showMessage(text, 10_000)

    def closeEvent(self, event: QCloseEvent) -> None:
        close_modals()
        self.correspondent.save_if_dirty()  # shutdown() waits for it
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        self.idle.stop()
        ClipboardGuard.shared().clear_if_ours()
        QPixmapCache.clear()
        self.health.stop(wait=10.0)
        self.sync.shutdown()
        self.worker.shutdown()
        forget_file_dialog_history()
        super().closeEvent(event)
