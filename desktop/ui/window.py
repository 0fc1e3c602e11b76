"""The main window: which page shows (first run, unlock, list, form), locks and wipe.

It owns the store worker. Locking closes the store connection and clears every widget
that held report text; wiping destroys the store and returns to the first-run page.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from desktop.domain.gazetteer import Gazetteer
from desktop.services import capture
from desktop.services.sync import SyncOutcome
from desktop.services.unlock import StoreWipedError, unlock
from desktop.store.database import create_store, store_exists
from desktop.store.reports import ReportState
from desktop.store.unlock_state import UnlockState, read_unlock_state, write_unlock_state
from desktop.store.wipe import wipe_store
from desktop.ui.clipboard import ClipboardGuard
from desktop.ui.connect_dialog import ConnectDialog
from desktop.ui.errors import user_message
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.main_page import MainPage
from desktop.ui.report_form import ReportForm
from desktop.ui.settings_dialog import AppSettings, SettingsDialog
from desktop.ui.sync_controller import SyncController, SyncIndicator
from desktop.ui.unlock_pages import FirstRunPage, UnlockPage
from desktop.ui.worker import StoreWorker

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Calls `on_idle` after `minutes` without keyboard, mouse or touch input."""

    def __init__(self, on_idle: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(on_idle)

    def start(self, milliseconds: int) -> None:
        self.timer.setInterval(milliseconds)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self.timer.isActive():
            self.timer.start()
        return False


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
        self.settings = AppSettings(language=read_unlock_state(data_dir).language)
        self.worker = StoreWorker(self)
        self.idle = IdleWatcher(self.lock, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
            if isinstance(app, QApplication):
                app.applicationStateChanged.connect(self._application_state)

        self.first_run = FirstRunPage(self.settings.language)
        self.unlock_page = UnlockPage()
        self.main_page = MainPage(self.worker, gazetteer, lambda: self.languages.language)
        self.form = ReportForm(self.worker, gazetteer, lambda: self.languages.language)
        self.pages = QStackedWidget()
        for page in (self.first_run, self.unlock_page, self.main_page, self.form):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.count_label = QLabel()
        self.sync = SyncController(self)
        self.sync_indicator = SyncIndicator()
        self.statusBar().addWidget(self.sync_indicator)
        self.statusBar().addPermanentWidget(self.count_label)
        self.sync.status_changed.connect(self.sync_indicator.show_status)
        self.sync.finished.connect(self.sync_indicator.show_outcome)
        self.sync.finished.connect(self._synced)
        self.sync.running_changed.connect(self.sync_indicator.show_running)
        self.sync.progressed.connect(self.sync_indicator.show_progress)

        self._build_actions()
        self.first_run.create_requested.connect(self._create)
        self.first_run.language_chosen.connect(self._language_chosen)
        self.unlock_page.unlock_requested.connect(self._unlock)
        self.main_page.new_requested.connect(self.new_report)
        self.main_page.edit_requested.connect(self._edit)
        self.main_page.correct_requested.connect(self._correct)
        self.main_page.error.connect(self._show_error)
        self.main_page.counted.connect(self._counted)
        self.form.closed.connect(self._form_closed)
        self.form.queued.connect(self._queued)
        self.form.saved.connect(self.main_page.report_changed)
        self.form.error.connect(self._show_error)
        self.form.photos.error.connect(self._show_error)
        self.pages.currentChanged.connect(self._page_changed)
        self.resize(1100, 720)
        self.retranslate()
        self._show_entry_page()

    # -- structure -----------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_report)
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.wipe_action = QAction(self)
        self.wipe_action.setShortcut(QKeySequence("Ctrl+Shift+Delete"))
        self.wipe_action.triggered.connect(self.panic_wipe)
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self._focus_search)
        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(lambda: self.form.save(explicit=True))
        self.queue_action = QAction(self)
        self.queue_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.queue_action.triggered.connect(self.form.queue)
        self.sync_action = QAction(self)
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sync_action.triggered.connect(self.sync.sync_now)
        self.connect_action = QAction(self)
        self.connect_action.triggered.connect(self.connect_to_newsroom)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)

        self.report_menu = self.menuBar().addMenu("")
        self.report_menu.addActions(
            [self.new_action, self.save_action, self.queue_action, self.search_action]
        )
        self.report_menu.addSeparator()
        self.report_menu.addAction(self.sync_action)
        self.report_menu.addSeparator()
        self.report_menu.addActions([self.lock_action, self.wipe_action])
        self.report_menu.addSeparator()
        self.report_menu.addAction(self.quit_action)
        self.tools_menu = self.menuBar().addMenu("")
        self.tools_menu.addActions([self.connect_action, self.settings_action])
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.new_action, self.sync_action, self.lock_action])
        self.addToolBar(self.toolbar)
        for action in (self.new_action, self.search_action, self.settings_action):
            action.setEnabled(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Gatewatch"))
        self.report_menu.setTitle(self.tr("&Report"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.new_action.setText(self.tr("&New report"))
        self.save_action.setText(self.tr("&Save draft"))
        self.queue_action.setText(self.tr("&Queue for sending"))
        self.lock_action.setText(self.tr("&Lock"))
        self.lock_action.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.wipe_action.setText(self.tr("Panic &wipe…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.search_action.setText(self.tr("&Search"))
        self.sync_action.setText(self.tr("Sen&d now"))
        self.sync_action.setToolTip(self.tr("Send queued reports to the newsroom (Ctrl+Shift+S)"))
        self.connect_action.setText(self.tr("&Connect to newsroom…"))
        self.quit_action.setText(self.tr("&Quit"))

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

    def _page_changed(self, _: int) -> None:
        on_form = self.pages.currentWidget() is self.form
        self.save_action.setEnabled(on_form)
        self.queue_action.setEnabled(on_form)

    def _show_entry_page(self) -> None:
        for action in self._store_actions():
            action.setEnabled(False)
        if store_exists(self.data_dir):
            self.unlock_page.reset()
            self.pages.setCurrentWidget(self.unlock_page)
            self.unlock_page.passphrase.setFocus()
        else:
            self.first_run.reset()
            self.pages.setCurrentWidget(self.first_run)
            self.first_run.passphrase.setFocus()

    # -- opening -------------------------------------------------------------------------

    def _language_chosen(self, language: str) -> None:
        self.languages.switch(language)
        self.settings = AppSettings(language=language)

    def _create(self, passphrase: str) -> None:
        data_dir = self.data_dir
        settings = self.settings

        def opener() -> Any:
            store = create_store(data_dir, passphrase)
            capture.write_settings(store, settings.as_store_values())
            write_unlock_state(
                data_dir, UnlockState(wipe_after=settings.wipe_after, language=settings.language)
            )
            return store

        self.worker.open(opener, lambda _: self._opened(passphrase), self._create_failed)

    def _create_failed(self, error: Exception) -> None:
        self.first_run.show_error(user_message(error))

    def _unlock(self, passphrase: str) -> None:
        self.worker.open(
            partial(unlock, self.data_dir, passphrase),
            lambda _: self._opened(passphrase),
            self._failed,
        )

    def _failed(self, error: Exception) -> None:
        if isinstance(error, StoreWipedError):
            self._show_entry_page()
            self.first_run.show_error(user_message(error))
        else:
            self.unlock_page.show_error(user_message(error))

    def _opened(self, passphrase: str) -> None:
        self.unlock_page.reset()
        self.first_run.reset()
        # Sync opens its own connection, on its own thread; the passphrase is not kept.
        self.sync.start(self.data_dir, passphrase)

        def loaded(values: dict[str, object]) -> None:
            self._apply_settings(AppSettings.from_store_values(values))
            for action in self._store_actions():
                action.setEnabled(True)
            self.pages.setCurrentWidget(self.main_page)
            self.main_page.refresh()
            self.main_page.table.setFocus()

        # A store without a language setting keeps the language the unlock screen spoke.
        defaults = AppSettings(language=self.languages.language).as_store_values()
        self.worker.submit(
            partial(capture.after_unlock, gazetteer=self.gazetteer, defaults=defaults),
            loaded,
            self._show_error,
        )

    def _apply_settings(self, settings: AppSettings) -> None:
        self.settings = settings
        if settings.language != self.languages.language:
            self.languages.switch(settings.language)
        self.form.photos.max_edge = settings.max_photo_edge
        self.idle.start(settings.idle_lock_minutes * 60_000)

    # -- actions -------------------------------------------------------------------------

    def new_report(self) -> None:
        if self.worker.is_open and self.pages.currentWidget() is self.main_page:
            self.form.start_new()
            self.pages.setCurrentWidget(self.form)

    def _edit(self, draft_id: str) -> None:
        def loaded(detail: capture.ReportDetail) -> None:
            self.form.start_edit(draft_id, dict(detail.stored.body))
            self.pages.setCurrentWidget(self.form)

        self.worker.submit(
            partial(capture.load_detail, gazetteer=self.gazetteer, report_id=draft_id),
            loaded,
            self._show_error,
        )

    def _correct(self, report_id: str) -> None:
        def loaded(detail: capture.ReportDetail) -> None:
            if detail.stored.row.state is ReportState.DRAFT:
                return
            self.form.start_correction(report_id, dict(detail.stored.body))
            self.pages.setCurrentWidget(self.form)

        self.worker.submit(
            partial(capture.load_detail, gazetteer=self.gazetteer, report_id=report_id),
            loaded,
            self._show_error,
        )

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
        if self.pages.currentWidget() is self.main_page:
            self.main_page.search.setFocus()
            self.main_page.search.selectAll()

    def _counted(self, shown: int, total: int) -> None:
        self.count_label.setText(
            self.tr("{shown} of {total} reports").format(shown=shown, total=total)
        )

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if not dialog.exec():
            return
        chosen = dialog.chosen()
        data_dir = self.data_dir

        def work(store: Any) -> None:
            capture.write_settings(store, chosen.as_store_values())
            state = read_unlock_state(data_dir)
            write_unlock_state(
                data_dir,
                UnlockState(state.failed_attempts, chosen.wipe_after, chosen.language),
            )

        self.worker.submit(work, lambda _: self._apply_settings(chosen), self._show_error)

    def lock(self) -> None:
        """Close the store and forget everything shown; the unlock page appears."""
        if not self.worker.is_open:
            return
        self.idle.stop()
        if self.pages.currentWidget() is self.form:
            self.form.save_if_dirty()
        self.form.clear()
        self.main_page.clear()
        self.count_label.clear()
        self.sync_indicator.clear()
        ClipboardGuard.shared().clear_if_ours()
        self.sync.stop()
        self.worker.close()
        self._show_entry_page()

    def panic_wipe(self) -> None:
        """One confirmation (Enter confirms), then the store is destroyed at once."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Panic wipe"))
        box.setText(self.tr("Destroy every report on this computer now? There is no undo."))
        wipe = box.addButton(self.tr("&Wipe now"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(wipe)
        box.exec()
        if box.clickedButton() is wipe:
            self.wipe_now()

    def wipe_now(self) -> None:
        self.idle.stop()
        self.form.clear()
        self.main_page.clear()
        self.count_label.clear()
        self.sync_indicator.clear()
        ClipboardGuard.shared().clear_if_ours()
        data_dir = self.data_dir

        def wipe() -> None:
            wipe_store(data_dir)

        # The sync connection closes first (it may be mid-request), then the window's,
        # then the files go: key material first (wipe_store).
        self.sync.timer.stop()
        self.sync.worker.close(
            lambda _: self.worker.close(lambda _: self._show_entry_page(), then=wipe)
        )

    def connect_to_newsroom(self) -> None:
        """Enrol with the invite from the newsroom admin (Tools → Connect to newsroom)."""
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
        if dialog.exec():
            self.statusBar().showMessage(self.tr("Connected to the newsroom."), 5000)

    def _synced(self, outcome: object) -> None:
        # Sent and purged reports change state: the list shows it.
        if isinstance(outcome, SyncOutcome) and (outcome.sent or outcome.purged):
            self.main_page.refresh()

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock()

    def _show_error(self, error: object) -> None:
        text = user_message(error) if isinstance(error, BaseException) else str(error)
        self.statusBar().showMessage(text, 10_000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.pages.currentWidget() is self.form:
            self.form.save_if_dirty()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        self.sync.shutdown()
        self.worker.shutdown()
        super().closeEvent(event)
