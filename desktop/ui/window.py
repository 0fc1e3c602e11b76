"""The main window: which page shows (first run, unlock, list, form), locks and wipe.

A store holding a newsroom key is an editor desk's: after unlock it shows the desk page
(and the Desk menu) instead of the list; one created with "Set up an editor desk" but not
set up yet shows the desk setup page (`_store_mode`).

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
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPixmapCache
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from desktop.domain.gazetteer import Gazetteer
from desktop.services.sync_state import SyncOutcome
from desktop.services.unlock import StoreWipedError, remaining_tries, unlock
from desktop.store.database import Store, create_store, store_exists
from desktop.store.errors import is_damage
from desktop.store.unlock_state import UnlockState, read_unlock_state, write_unlock_state
from desktop.store.wipe import destroy_key_material, wipe_store
from desktop.ui import desk_clock
from desktop.ui.clipboard import ClipboardGuard
from desktop.ui.correspondent.form_place import (
    LockedReport,
    place_of,
    reopen_job,
    restore_place,
    scroll_to_top,
)
from desktop.ui.correspondent.handcarry_actions import HandcarryActions
from desktop.ui.errors import user_message
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.locks import (
    IdleWatcher,
    SleepWatcher,
    close_modals,
    discard,
    forget_file_dialog_history,
)
from desktop.ui.safety_actions import SafetyActions
from desktop.ui.settings_dialog import AppSettings, SettingsDialog
from desktop.ui.store_health import HealthCheck
from desktop.ui.sync_controller import SyncController, SyncIndicator
from desktop.ui.unlock_pages import FirstRunPage, UnlockPage
from desktop.ui.update_notice import UpdateNotice
from desktop.ui.wheel_guard import install_wheel_guard
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import set_message

if TYPE_CHECKING:
    from desktop.services.correspondent import capture
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
        self._attention = 0  # what needs attention at the desk, in the title
        self.data_dir = data_dir
        self.gazetteer = gazetteer
        self.languages = languages
        self.settings = AppSettings(language=read_unlock_state(data_dir).language)
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
        # The list and the form (`_correspondent_pages`) and the desk's pages (`_desk_pages`)
        # are built the first time they are needed: the unlock window, the first paint,
        # never waits for them nor for what they import (PIL, the store's repositories).
        self._correspondent: tuple[MainPage, ReportForm] | None = None
        self._desk: tuple[DeskPage, DeskSetupPage] | None = None
        self.desk_mode = False
        self._creating_desk = False
        self.pages = QStackedWidget()
        for page in (self.first_run, self.unlock_page):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.count_label = QLabel()
        self._count: tuple[int, int] | None = None  # (shown, total), said again on a switch
        self._locked_report: LockedReport | None = None  # reopened after unlock
        self.sync = SyncController(self)
        self.sync_indicator = SyncIndicator()
        # Both permanent: a message (showMessage) then takes the room left of them instead
        # of being drawn over a widget that a later show() brings back.
        self.statusBar().addPermanentWidget(self.sync_indicator)
        self.statusBar().addPermanentWidget(self.count_label)
        self.update_notice = UpdateNotice()
        self.statusBar().addPermanentWidget(self.update_notice)
        self.sync.update_changed.connect(self.update_notice.show_status)
        self.sync.status_changed.connect(self.sync_indicator.show_status)
        self.sync.finished.connect(self.sync_indicator.show_outcome)
        self.sync.finished.connect(self._synced)
        self.sync.running_changed.connect(self.sync_indicator.show_running)
        self.sync.progressed.connect(self.sync_indicator.show_progress)

        self.health = HealthCheck(self)
        self.safety = SafetyActions(
            self, self.worker, data_dir, self._opened, self._synced_list, self.lock
        )
        self.handcarry = HandcarryActions(self, self.worker, self._handcarry_changed)
        self.health.damaged.connect(self._damaged)
        self._build_actions()
        self.first_run.create_requested.connect(self._create)
        self.first_run.language_chosen.connect(self._language_chosen)
        self.unlock_page.unlock_requested.connect(self._unlock)
        self.pages.currentChanged.connect(lambda _: self._update_actions())
        self.resize(1100, 720)
        self.retranslate()
        self._show_entry_page()

    # -- structure -----------------------------------------------------------------------

    def _action(self, *shortcuts: str | QKeySequence.StandardKey, slot: Any = None) -> QAction:
        action = QAction(self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(QKeySequence.StandardKey.New, slot=self.new_report)
        self.lock_action = self._action("Ctrl+L", slot=self.lock)
        self.wipe_action = self._action("Ctrl+Shift+Delete", slot=self.panic_wipe)
        self.settings_action = self._action("Ctrl+,", slot=self.open_settings)
        self.search_action = self._action(QKeySequence.StandardKey.Find, slot=self._focus_search)
        self.save_action = self._action(
            QKeySequence.StandardKey.Save, slot=lambda: self.form.save(explicit=True)
        )
        # Lambdas: the form is built on first use (enabled only while it shows).
        self.queue_action = self._action(
            "Ctrl+Return", "Ctrl+Enter", slot=lambda: self.form.queue()
        )
        self.back_action = self._action("Esc", slot=lambda: self.form.close_form())
        self.add_photos_action = self._action("Ctrl+O", slot=lambda: self.form.add_photos())
        self.remove_photo_action = self._action(
            "Ctrl+Shift+R", slot=lambda: self.form.remove_photo()
        )
        self.pseudonym_action = self._action("Ctrl+G", slot=lambda: self.form.generate_pseudonym())
        self.convert_action = self._action("Ctrl+Shift+U", slot=lambda: self.form.convert_zawgyi())
        self.delete_action = self._action("Ctrl+D", slot=self.delete_draft)
        self.sync_action = self._action("Ctrl+Shift+S", slot=self.send_now)
        self.connect_action = self._action(slot=self.connect_to_newsroom)
        self.quit_action = self._action(QKeySequence.StandardKey.Quit, slot=self.close)

        self.report_menu = self.menuBar().addMenu("")
        self.report_menu.addActions(
            [self.new_action, self.save_action, self.queue_action, self.back_action]
        )
        self.report_menu.addSeparator()
        self.report_menu.addActions(
            [
                self.add_photos_action,
                self.remove_photo_action,
                self.pseudonym_action,
                self.convert_action,
            ]
        )
        self.report_menu.addSeparator()
        self.report_menu.addActions([self.delete_action, self.search_action])
        self.report_menu.addSeparator()
        self.report_menu.addActions([self.sync_action, self.safety.travel_action])
        self.report_menu.addActions([self.handcarry.send_action, self.handcarry.receipts_action])
        self.report_menu.addSeparator()
        self.report_menu.addActions([self.lock_action, self.wipe_action])
        self.report_menu.addSeparator()
        self.report_menu.addAction(self.quit_action)
        self.desk_menu = self.menuBar().addMenu("")  # filled by `_desk_pages`
        self.tools_menu = self.menuBar().addMenu("")
        self.tools_menu.addActions([self.connect_action, self.settings_action])
        self.tools_menu.addSeparator()
        self.tools_menu.addActions([self.safety.backup_action, self.safety.restore_action])
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.new_action, self.sync_action, self.lock_action])
        self.addToolBar(self.toolbar)
        for action in (*self._store_actions(), *self._form_actions(), self.delete_action):
            action.setEnabled(False)

    @property
    def main_page(self) -> MainPage:
        return self._correspondent_pages()[0]

    @property
    def form(self) -> ReportForm:
        return self._correspondent_pages()[1]

    def _correspondent_pages(self) -> tuple[MainPage, ReportForm]:
        """The report list and the report form, built and wired on first use."""
        if self._correspondent is None:
            from desktop.ui.correspondent.main_page import MainPage
            from desktop.ui.correspondent.report_form import ReportForm

            main_page = MainPage(self.worker, self.gazetteer, lambda: self.languages.language)
            form = ReportForm(self.worker, self.gazetteer, lambda: self.languages.language)
            form.photos.max_edge = self.settings.max_photo_edge
            self.pages.addWidget(main_page)
            self.pages.addWidget(form)
            main_page.new_requested.connect(self.new_report)
            main_page.edit_requested.connect(self._edit)
            main_page.correct_requested.connect(self._correct)
            main_page.error.connect(self._show_error)
            main_page.counted.connect(self._counted)
            main_page.selection_changed.connect(self._update_actions)
            form.closed.connect(self._form_closed)
            form.queued.connect(self._queued)
            form.saved.connect(main_page.report_changed)
            form.deleted.connect(self._draft_deleted)
            form.error.connect(self._show_error)
            form.photos.error.connect(self._show_error)
            form.state_changed.connect(self._update_actions)
            self._correspondent = (main_page, form)
        return self._correspondent

    def _on_list(self) -> bool:
        """Whether the report list shows (without building it)."""
        return self._correspondent is not None and self.pages.currentWidget() is self.main_page

    def _on_form(self) -> bool:
        """Whether the report form shows (without building it)."""
        return self._correspondent is not None and self.pages.currentWidget() is self.form

    @property
    def desk_page(self) -> DeskPage:
        return self._desk_pages()[0]

    @property
    def desk_setup(self) -> DeskSetupPage:
        return self._desk_pages()[1]

    def _desk_pages(self) -> tuple[DeskPage, DeskSetupPage]:
        """The desk page and the desk setup page, built and wired on first use."""
        if self._desk is None:
            from desktop.ui.desk.page import DeskPage
            from desktop.ui.desk.setup import DeskSetupPage

            desk_page = DeskPage(
                self.worker,
                self.gazetteer,
                lambda: self.languages.language,
                desk_folder=self.data_dir,
            )
            desk_setup = DeskSetupPage(self.worker)
            self.pages.addWidget(desk_page)
            self.pages.addWidget(desk_setup)
            desk_page.error.connect(self._show_error)
            desk_page.attention_counted.connect(self._attention_counted)
            desk_setup.finished.connect(self._show_desk)
            self.desk_menu.addActions(
                [desk_page.pull_action, desk_page.export_action, self.search_action]
            )
            self.desk_menu.addSeparator()
            self.desk_menu.addActions(
                [self.handcarry.desk_import_action, self.handcarry.desk_receipts_action]
            )
            self.desk_menu.addSeparator()
            self.desk_menu.addActions(
                [desk_page.connect_action, desk_page.devices_action, desk_page.export_key_action]
            )
            self.desk_menu.addSeparator()
            self.desk_menu.addActions([self.lock_action, self.wipe_action, self.quit_action])
            self._desk = (desk_page, desk_setup)
        return self._desk

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _attention_counted(self, count: int) -> None:
        self._attention = count
        self._show_title()

    def _show_title(self) -> None:
        if self._attention:
            self.setWindowTitle(
                self.tr("Gatewatch — {count} need attention").format(count=self._attention)
            )
        else:
            self.setWindowTitle(self.tr("Gatewatch"))

    def retranslate(self) -> None:
        self._show_title()
        self.report_menu.setTitle(self.tr("&Report"))
        self.desk_menu.setTitle(self.tr("&Desk"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.new_action.setText(self.tr("&New report"))
        self.save_action.setText(self.tr("&Save draft"))
        self.queue_action.setText(self.tr("&Queue for sending"))
        self.back_action.setText(self.tr("&Back to list"))
        self.add_photos_action.setText(self.tr("Add &photos…"))
        self.remove_photo_action.setText(self.tr("Re&move photo"))
        self.pseudonym_action.setText(self.tr("&Generate pseudonym"))
        self.convert_action.setText(self.tr("Con&vert to Unicode"))
        self.delete_action.setText(self.tr("Dele&te draft…"))
        self.lock_action.setText(self.tr("&Lock"))
        self.lock_action.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.wipe_action.setText(self.tr("Panic &wipe…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.search_action.setText(self.tr("Searc&h"))
        self.sync_action.setText(self.tr("Sen&d now"))
        self.sync_action.setToolTip(self.tr("Send queued reports to the newsroom (Ctrl+Shift+S)"))
        self.connect_action.setText(self.tr("&Connect to newsroom…"))
        self.quit_action.setText(self.tr("Q&uit"))
        self.safety.retranslate()
        self.handcarry.retranslate()
        self._show_count()

    def _store_actions(self) -> tuple[QAction, ...]:
        """The actions that need an open store."""
        return (
            self.new_action,
            self.search_action,
            self.settings_action,
            self.lock_action,
            self.sync_action,
            self.connect_action,
        )

    def _form_actions(self) -> tuple[QAction, ...]:
        """The actions of the report form (enabled only while it shows)."""
        return (
            self.save_action,
            self.queue_action,
            self.back_action,
            self.add_photos_action,
            self.remove_photo_action,
            self.pseudonym_action,
            self.convert_action,
        )

    def _update_actions(self) -> None:
        open_ = self.worker.is_open
        on_form = open_ and self._on_form() and self.form.active
        on_list = open_ and self._on_list()
        for action in self._store_actions():
            action.setEnabled(open_)
        for action in self._form_actions():
            action.setEnabled(on_form)
        self.queue_action.setEnabled(on_form and not self.form.queueing)
        self.convert_action.setEnabled(on_form and self.form.zawgyi.offered)
        self.new_action.setEnabled(on_list)
        self.search_action.setEnabled(on_list)
        self.delete_action.setEnabled(
            (on_form and (self.form.draft_id is not None or self.form.replaces is None))
            or (on_list and self.main_page.selected_draft is not None)
        )
        # A desk store is never a correspondent's: its menus show desk actions. Without an
        # open store (welcome, unlock) there are no menus and no toolbar at all.
        desk = open_ and self.desk_mode
        on_desk = desk and self._desk is not None and self.pages.currentWidget() is self._desk[0]
        self.report_menu.menuAction().setVisible(open_ and not desk)
        self.tools_menu.menuAction().setVisible(open_)
        self.desk_menu.menuAction().setVisible(desk)
        self.toolbar.setVisible(open_ and not desk)
        for action in (self.new_action, self.sync_action, self.connect_action):
            action.setVisible(not desk)
            if desk:
                action.setEnabled(False)
        if self._desk is not None:
            desk_page = self._desk[0]
            for action in (
                desk_page.pull_action,
                desk_page.connect_action,
                desk_page.export_key_action,
                desk_page.export_action,
                desk_page.devices_action,
            ):
                action.setEnabled(on_desk)
        if desk:
            self.search_action.setEnabled(on_desk)
        self.sync_indicator.setVisible(not desk)
        self.safety.update(open_, not desk)
        self.handcarry.update(open_ and not desk, on_desk)

    def _show_entry_page(self) -> None:
        if store_exists(self.data_dir):
            self.unlock_page.reset()
            self._show_tries()
            self.pages.setCurrentWidget(self.unlock_page)
            self.unlock_page.passphrase.setFocus()
        else:
            self._show_first_run()
        self._update_actions()

    def _show_first_run(self) -> None:
        self.first_run.reset()
        self.pages.setCurrentWidget(self.first_run)
        self.first_run.passphrase.setFocus()
        self._update_actions()

    # -- opening -------------------------------------------------------------------------

    def _language_chosen(self, language: str) -> None:
        self.languages.switch(language)
        self.settings = AppSettings(language=language)

    def _create(self, passphrase: str) -> None:
        data_dir = self.data_dir
        settings = self.settings
        self._creating_desk = for_desk = self.first_run.desk_mode

        def opener() -> Any:
            from desktop.services.correspondent import capture

            store = create_store(data_dir, passphrase)
            capture.write_settings(store, settings.as_store_values())
            if for_desk:
                from desktop.services.desk import review as desk_review

                desk_review.desk_identity(store)  # marks the store as a desk's until set up
            write_unlock_state(
                data_dir, UnlockState(wipe_after=settings.wipe_after, language=settings.language)
            )
            return store

        self.worker.open(opener, self._opened, self._create_failed)

    def _create_failed(self, error: Exception) -> None:
        self.first_run.show_error(user_message(error))

    def _unlock(self, passphrase: str) -> None:
        self.worker.open(
            partial(unlock, self.data_dir, passphrase),
            self._opened,
            self._failed,
        )

    def _failed(self, error: Exception) -> None:
        if isinstance(error, StoreWipedError):
            self._show_entry_page()
            self.first_run.show_error(user_message(error))
        else:
            self._show_tries()
            self.unlock_page.show_error(user_message(error))

    def _show_tries(self) -> None:
        state = read_unlock_state(self.data_dir)  # a file of a few bytes, beside the keyfile
        self.unlock_page.set_tries(remaining_tries(state), state.wipe_after)

    def _opened(self, open_sibling: Callable[[], Store]) -> None:
        if not self.worker.is_open:
            return  # locked in the same moment
        self.unlock_page.reset()
        self.first_run.reset()
        # The health check and (for a correspondent) sync open their own connections on
        # their own threads, with the key this unlock derived (never derived again); the
        # lock closes them all.
        self.health.start(open_sibling)  # its own connection: the list is not held up

        def loaded(result: tuple[dict[str, object], str]) -> None:
            if not self.worker.is_open:
                return
            values, mode = result
            self._apply_settings(AppSettings.from_store_values(values))
            self.desk_mode = mode != "correspondent"
            if not self.desk_mode:  # a desk pulls on request; it has no outbox to send
                self.sync.start(open_sibling)
            if mode == "desk":
                self._show_desk()
            elif mode == "desk_setup":
                self.desk_setup.start()
                self.pages.setCurrentWidget(self.desk_setup)
                self._update_actions()
            else:
                self.pages.setCurrentWidget(self.main_page)
                self._update_actions()
                self.main_page.refresh()
                self.main_page.table.setFocus()
                self._reopen_locked_report()

        # A store without a language setting keeps the language the unlock screen spoke.
        defaults = AppSettings(language=self.languages.language).as_store_values()
        gazetteer = self.gazetteer

        def work(store: Store) -> tuple[dict[str, object], str]:
            from desktop.services.correspondent import (
                capture,
            )  # on the worker: the start path does without

            try:
                values = capture.after_unlock(store, gazetteer, defaults)
                return values, _store_mode(store)
            except Exception as error:
                if not is_damage(error):
                    raise
                return dict(defaults), "correspondent"  # the health check says what to do

        self.worker.submit(work, loaded, self._show_error)

    def _reopen_locked_report(self) -> None:
        locked, self._locked_report = self._locked_report, None
        if locked is None:
            return

        def loaded(found: Any) -> None:
            if not self.worker.is_open or not self._on_list():
                return
            if found.draft_id is not None:
                self.form.start_edit(found.draft_id, dict(found.detail.stored.body))
            elif found.correcting is not None:
                self.form.start_correction(found.correcting, dict(found.detail.stored.body))
            else:
                self.form.start_new()
            scroll_to_top(self.form)
            self.pages.setCurrentWidget(self.form)
            restore_place(self.form, locked.place)

        gazetteer = self.gazetteer
        self.worker.submit(
            lambda store: reopen_job(store, gazetteer, locked), loaded, self._show_error
        )

    def _show_desk(self) -> None:
        if not self.worker.is_open:
            return
        self.desk_mode = True
        self.pages.setCurrentWidget(self.desk_page)
        self._update_actions()
        self.desk_page.refresh()
        self.desk_page.show_first_view()

    def _apply_settings(self, settings: AppSettings) -> None:
        self.settings = settings
        if settings.language != self.languages.language:
            self.languages.switch(settings.language)
        self.languages.set_text_size(settings.text_size)
        if self._correspondent is not None:  # else applied when built
            self.form.photos.max_edge = settings.max_photo_edge
        self.idle.start(settings.idle_lock_minutes * 60_000)
        if settings.desk_time_zone != desk_clock.zone():
            desk_clock.set_zone(settings.desk_time_zone)
            if self._desk is not None:  # built only for a desk store
                self.desk_page.times_changed()

    # -- actions -------------------------------------------------------------------------

    def new_report(self) -> None:
        if self.worker.is_open and self._on_list():
            self.form.start_new()
            self.pages.setCurrentWidget(self.form)

    def _edit(self, draft_id: str) -> None:
        from desktop.services.correspondent import capture

        def loaded(detail: capture.ReportDetail) -> None:
            if not self.worker.is_open or not self._on_list():
                return
            self.form.start_edit(draft_id, dict(detail.stored.body))
            scroll_to_top(self.form)  # a reopened draft starts at its top
            self.pages.setCurrentWidget(self.form)

        self.worker.submit(
            partial(capture.load_detail, gazetteer=self.gazetteer, report_id=draft_id),
            loaded,
            self._show_error,
        )

    def _correct(self, report_id: str) -> None:
        from desktop.services.correspondent import capture
        from desktop.store.reports import ReportState

        def loaded(detail: capture.ReportDetail) -> None:
            if not self.worker.is_open or not self._on_list():
                return
            if detail.stored.row.state is ReportState.DRAFT:
                return
            self.form.start_correction(report_id, dict(detail.stored.body))
            scroll_to_top(self.form)
            self.pages.setCurrentWidget(self.form)

        self.worker.submit(
            partial(capture.load_detail, gazetteer=self.gazetteer, report_id=report_id),
            loaded,
            self._show_error,
        )

    def delete_draft(self) -> None:
        """Delete the draft being edited, or the one selected in the list (asks once)."""
        if self._on_form():
            self.form.delete_draft()
            return
        if not self._on_list():
            return
        draft_id = self.main_page.selected_draft
        if draft_id is None or not self.worker.is_open:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete draft"))
        set_message(
            box, self.tr("Delete this draft and its photos from this computer? There is no undo.")
        )
        delete = box.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        confirmed = box.clickedButton() is delete
        discard(box)
        if not confirmed or not self.worker.is_open:
            return
        from desktop.services.correspondent import capture

        self.worker.submit(
            partial(capture.delete_draft, draft_id=draft_id),
            lambda _: self._draft_deleted(draft_id),
            self._show_error,
        )

    def _draft_deleted(self, draft_id: str) -> None:
        self.statusBar().showMessage(self.tr("Draft deleted."), 5000)
        if draft_id:
            self.main_page.model.invalidate([draft_id])
        if self._on_list():
            self.main_page.refresh()

    def _form_closed(self) -> None:
        if self.worker.is_open:
            self.pages.setCurrentWidget(self.main_page)
            self.main_page.refresh()
            self.main_page.table.setFocus()

    def _queued(self, report_id: str) -> None:
        self.statusBar().showMessage(self.tr("Queued for sending."), 5000)
        self.sync.reports_queued()
        self.main_page.report_changed(report_id)

    def _focus_search(self) -> None:
        if self._on_list():
            self.main_page.search.setFocus()
            self.main_page.search.selectAll()
        elif self._desk is not None and self.pages.currentWidget() is self.desk_page:
            self.desk_page.tabs.setCurrentWidget(self.desk_page.inbox_tab)
            self.desk_page.inbox.filters.search.setFocus()
            self.desk_page.inbox.filters.search.selectAll()

    def _counted(self, shown: int, total: int) -> None:
        self._count = (shown, total)
        self._show_count()

    def _show_count(self) -> None:
        if self._count is None:
            self.count_label.clear()
            return
        shown, total = self._count
        self.count_label.setText(
            self.tr("{shown} of {total} reports").format(shown=shown, total=total)
        )

    def open_settings(self) -> None:
        if not self.worker.is_open:
            return
        dialog = SettingsDialog(self.settings, self, desk=self.desk_mode)
        accepted = dialog.exec()
        chosen = dialog.chosen()
        discard(dialog)
        if accepted == SettingsDialog.DURESS and self.worker.is_open:
            self.safety.open_duress()
        if accepted == SettingsDialog.CONNECTION and self.worker.is_open:
            from desktop.ui.connection_dialog import open_connection_settings

            open_connection_settings(self, self.worker)
        if accepted != QDialog.DialogCode.Accepted or not self.worker.is_open:
            return
        data_dir = self.data_dir

        def work(store: Any) -> None:
            from desktop.services.correspondent import capture

            capture.write_settings(store, chosen.as_store_values())
            state = read_unlock_state(data_dir)
            write_unlock_state(
                data_dir,
                UnlockState(state.failed_attempts, chosen.wipe_after, chosen.language),
            )

        self.worker.submit(work, lambda _: self._apply_settings(chosen), self._show_error)

    def _forget_shown(self) -> None:
        """Clear every widget, cache and clipboard entry that held report text."""
        if self._correspondent is not None:
            self.form.clear()
            self.main_page.clear()
        if self._desk is not None:
            self.desk_page.clear()
            self.desk_setup.start()
        self.desk_mode = False
        self._count = None
        self.count_label.clear()
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
        self._locked_report = None
        if self._on_form() and self.form.active:
            self._locked_report = LockedReport(
                self.form.draft_id, self.form.replaces, datetime.now(UTC), place_of(self.form)
            )
        close_modals()
        self.health.stop()
        self.idle.stop()
        if self._correspondent is not None:
            self.form.save_if_dirty()  # sent before the close: it is stored, unseen
        self._forget_shown()
        self.sync.stop()
        self.worker.close(cancel_imports=True)
        self._show_entry_page()

    def panic_wipe(self) -> None:
        """One confirmation (Enter confirms), then the store is destroyed at once."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Panic wipe"))
        set_message(box, self.tr("Destroy every report on this computer now? There is no undo."))
        wipe = box.addButton(self.tr("&Wipe now"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(wipe)
        box.exec()
        confirmed = box.clickedButton() is wipe
        discard(box)
        if confirmed:
            self.wipe_now()

    def wipe_now(self) -> None:
        """Destroy the key now (here, on the GUI thread), show the first-run page, and let
        the workers close their connections and remove the database files; jobs still
        queued are skipped. A failure is reported on the first-run page."""
        self._locked_report = None
        close_modals()
        self.health.stop()
        self.idle.stop()
        if self._correspondent is not None:
            self.form.clear()  # no last save: the report goes with the store
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

    def send_now(self) -> None:
        """Send queued reports now; without a newsroom connection, offer to connect."""
        status = self.sync_indicator.status
        if status is not None and not status.enrolled:
            self.connect_to_newsroom()
        else:
            self.sync.sync_now()

    def connect_to_newsroom(self) -> None:
        """Enrol with the invite from the newsroom admin (Tools → Connect to newsroom)."""
        if not self.worker.is_open:
            return
        from desktop.ui.connect_dialog import ConnectDialog

        dialog = ConnectDialog(self)

        def attempt() -> None:
            invite, server, label, proxy = dialog.values()
            if not invite:
                dialog.show_error(self.tr("Paste the invite first."))
                return
            dialog.set_busy(True)
            self.sync.enroll(invite, server, label, proxy, lambda _: dialog.accept(), failed)

        def failed(error: Exception) -> None:
            dialog.show_error(user_message(error))

        dialog.buttons.accepted.connect(attempt)
        accepted = dialog.exec()
        discard(dialog)
        if accepted and self.worker.is_open:
            self.statusBar().showMessage(self.tr("Connected to the newsroom."), 5000)

    def _damaged(self, payload: object) -> None:
        result = self.health.current(payload)
        if result is not None and self.worker.is_open:
            self.safety.show_damage(result)

    def _handcarry_changed(self) -> None:
        if self.desk_mode and self._desk is not None:
            self.desk_page.refresh()
        elif self._correspondent is not None:
            self.main_page.model.forget_rows()  # carried or sent: every waiting row changed
            self.main_page.report_changed("")
            self.main_page.followups.refresh()  # receipts may bring questions

    def _synced_list(self) -> None:
        if self._correspondent is not None:
            self.main_page.report_changed("")

    def _synced(self, outcome: object) -> None:
        # Sent, opened and purged reports change state: the list shows it.
        changed = isinstance(outcome, SyncOutcome) and (
            outcome.sent or outcome.purged or outcome.opened
        )
        if changed and self._correspondent is not None:
            self.main_page.report_changed("")

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock()
        elif state == Qt.ApplicationState.ApplicationActive:
            self.idle.check()  # back from a sleep the timers did not see

    def _show_error(self, error: object) -> None:
        text = user_message(error) if isinstance(error, BaseException) else str(error)
        self.statusBar().showMessage(text, 10_000)

    def closeEvent(self, event: QCloseEvent) -> None:
        close_modals()
        if self._correspondent is not None:
            self.form.save_if_dirty()  # shutdown() waits for it
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


def _store_mode(store: Store) -> str:
    """ "desk" with a newsroom key, "desk_setup" for a desk store not set up yet (it has a
    desk identity but no key), else "correspondent"."""
    from desktop.store.desk.core import DeskRepository
    from desktop.store.desk.review import ReviewRepository

    if DeskRepository(store).key() is not None:
        return "desk"
    if ReviewRepository(store).identity() is not None:
        return "desk_setup"
    return "correspondent"
