"""The editor desk: the inbox with the report under review, the board, pull and export.

Everything goes through the store worker and `DeskSession`. A pull (this desk's queued
review moves go out first, then new envelopes come in) is a command there too, so inbox
queries wait for it; its progress arrives page by page through `_PullProgress`. The status
line (`desktop.ui.desk.status_line`) says when the desk last pulled, what the last pull
brought, how many envelopes were refused and how many review moves still wait to be sent.

No view here tells another to refresh: each asks again for what it shows when a command
changed it (`StoreWorker.changed`); so does the page, for its status line and Delivery tab.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.gazetteer import Gazetteer
from desktop.services.changes import Changes, Done
from desktop.services.desk import core as desk
from desktop.services.desk.session import DeskSession, DeskStatus
from desktop.store.database import Store
from desktop.ui.desk.attention import AttentionView
from desktop.ui.desk.board_view import BoardView
from desktop.ui.desk.bulk import BulkBar
from desktop.ui.desk.connect import DeskConnectDialog
from desktop.ui.desk.devices import DeviceDialog
from desktop.ui.desk.duplicates import DuplicatesBox
from desktop.ui.desk.export_dialog import ExportDialog
from desktop.ui.desk.followup import DeskFollowupBox
from desktop.ui.desk.gaps import GapsView
from desktop.ui.desk.inbox import DeskInbox
from desktop.ui.desk.key_export_dialog import ExportKeyDialog
from desktop.ui.desk.review_pane import ReviewPane
from desktop.ui.desk.status_line import DeskStatusLine
from desktop.ui.desk.text import desk_error_message
from desktop.ui.desk.triage import Triage
from desktop.ui.locks import discard
from desktop.ui.sync_controller import gui_client
from desktop.ui.worker import StoreWorker


class _PullProgress(QObject):
    """Carries pull progress from the worker thread to the GUI thread (queued signal)."""

    progressed = Signal(object)  # desk.PullOutcome


class DeskPage(QWidget):
    """See the module docstring."""

    error = Signal(object)
    pulled = Signal(object)  # desk.PullOutcome
    attention_counted = Signal(int)  # reports and conflicts waiting for an editor

    def __init__(
        self,
        worker: StoreWorker,
        gazetteer: Gazetteer,
        language: Callable[[], str],
        parent: QWidget | None = None,
        desk_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._gazetteer = gazetteer
        self._language = language
        self._desk_folder = desk_folder
        self._pulling = False
        self._last_outcome: desk.PullOutcome | None = None
        self._status: DeskStatus | None = None

        self.pull_action = QAction(self)
        self.pull_action.setShortcuts([QKeySequence("F5"), QKeySequence("Ctrl+R")])
        self.pull_action.triggered.connect(self.pull)
        self.connect_action = QAction(self)
        self.connect_action.triggered.connect(self.connect_to_server)
        self.export_key_action = QAction(self)
        self.export_key_action.triggered.connect(self.export_newsroom_key)
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.open_export)
        self.devices_action = QAction(self)
        self.devices_action.triggered.connect(self.open_devices)

        # On the page too: their shortcuts work while it shows, whatever the menus do.
        self.addActions([self.pull_action, self.connect_action, self.export_key_action])
        self.addActions([self.export_action, self.devices_action])
        self.pull_button = QPushButton()
        self.pull_button.clicked.connect(self.pull)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.open_export)
        self.status = DeskStatusLine()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        top = QHBoxLayout()
        top.addWidget(self.pull_button)
        top.addWidget(self.progress)
        top.addWidget(self.status, 1)
        top.addWidget(self.export_button)

        self.inbox = DeskInbox(worker, gazetteer, language)
        self.review = ReviewPane(worker, gazetteer, language)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        # Under the list: the tag prompt of keyboard triage and the bulk bar.
        self.bulk = BulkBar(worker, self.inbox.selected_ids)
        self.triage = Triage(self.inbox, self.bulk, self.review, self._focus_review, self)
        inbox_side = QWidget()
        inbox_column = QVBoxLayout(inbox_side)
        inbox_column.setContentsMargins(0, 0, 0, 0)
        inbox_column.addWidget(self.inbox, 1)
        inbox_column.addWidget(self.triage.tag_prompt)
        inbox_column.addWidget(self.bulk)
        self.splitter.addWidget(inbox_side)
        self.splitter.addWidget(self.review)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([620, 480])
        # What needs attention is the first view after unlock; I (or opening an entry)
        # takes the editor to the inbox, whose list then has the keys of triage.
        self.inbox_tab = self.splitter
        self.tabs = QTabWidget()
        self.attention = AttentionView(worker, gazetteer, language)
        self.attention.report_requested.connect(self.show_report)
        self.attention.inbox_requested.connect(self.show_inbox)
        self.attention.counted.connect(self._attention_counted)
        self.attention.error.connect(self.error)
        self.tabs.addTab(self.attention, "")
        self.tabs.addTab(self.inbox_tab, "")
        self.board = BoardView(worker, gazetteer, language)
        self.board.report_requested.connect(self.show_report)
        self.board.reports_requested.connect(self.show_reports)
        self.tabs.addTab(self.board, "")
        self.gaps = GapsView(worker)
        self.gaps.error.connect(self.error)
        self.tabs.addTab(self.gaps, "")
        self._gaps_stale = True
        self.tabs.currentChanged.connect(self._tab_changed)
        # The report's group of duplicates (merge, split), then "Ask the correspondent",
        # in the review pane's slot under the history.
        self.duplicates = DuplicatesBox(worker, gazetteer, language)
        self.duplicates.error.connect(self.error)
        self.review.mount_followup(self.duplicates)
        self.followups = DeskFollowupBox(worker)
        self.followups.error.connect(self.error)
        self.followups.asked.connect(self._question_asked)
        self.review.mount_followup(self.followups)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._progress = _PullProgress(self)
        self._progress.progressed.connect(self._show_progress)
        self.inbox.selected.connect(self._selected)
        self.inbox.selection_changed.connect(self.bulk.set_count)
        self.inbox.error.connect(self.error)
        self.bulk.error.connect(self.error)
        self.review.error.connect(self.error)
        self.review.overtaken.connect(self._overtaken)
        worker.changed.connect(self._changed)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.pull_action.setText(self.tr("&Pull new reports"))
        self.pull_action.setToolTip(self.tr("Fetch new reports and reviews from the server (F5)"))
        self.connect_action.setText(self.tr("&Connect to server…"))
        self.export_key_action.setText(self.tr("Export newsroom &key…"))
        self.export_action.setText(self.tr("&Export…"))
        self.pull_button.setText(self.tr("&Pull"))
        self.pull_button.setToolTip(self.pull_action.toolTip())
        self.export_button.setText(self.tr("&Export…"))
        self.devices_action.setText(self.tr("&Devices…"))
        self.devices_action.setToolTip(self.tr("Approve, reject or revoke correspondents' devices"))
        self.tabs.setTabText(self.tabs.indexOf(self.inbox_tab), self.tr("&Inbox"))
        self.tabs.setTabText(self.tabs.indexOf(self.board), self.tr("&Board"))
        self.tabs.setTabText(self.tabs.indexOf(self.gaps), self.tr("Deliver&y"))
        self._attention_counted(self.attention.count or 0)
        self._show_status()

    def times_changed(self) -> None:
        """The desk's time zone changed: every time shown is written again in it."""
        self.board.times_changed()
        for widget in (self, *self.findChildren(QWidget)):
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
        self.refresh()

    # -- data ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask again for the inbox, the status and the board (after unlock)."""
        self.inbox.refresh()
        self.refresh_status()
        # After the inbox: the worker runs jobs in order, so the list's first rows come first.
        self.attention.refresh()
        self.board.refresh_when_shown()
        self._refresh_gaps()

    def _changed(self, changes: Changes) -> None:
        # The inbox, review pane, attention list, board and timeline follow `changed` by
        # themselves; the page follows its status line and the Delivery tab.
        if changes.board:  # the desk's own flags: review, envelopes, devices
            self.refresh_status()
        if changes.envelopes or changes.devices:
            self._refresh_gaps()

    def _refresh_gaps(self) -> None:
        # Like the board: read only while it shows (every link of every device).
        self._gaps_stale = self.tabs.currentWidget() is not self.gaps
        if not self._gaps_stale:
            self.gaps.refresh()

    def _tab_changed(self, _: int) -> None:
        if self.tabs.currentWidget() is self.gaps and self._gaps_stale:
            self._gaps_stale = False
            self.gaps.refresh()

    def refresh_status(self) -> None:
        self._worker.submit(
            lambda store: DeskSession(store).status(), self._status_arrived, self.error.emit
        )

    def clear(self) -> None:
        """Forget everything shown (on lock)."""
        self.inbox.clear()
        self.review.clear()
        self.duplicates.set_report(None)
        self.bulk.clear()
        self.attention.clear()
        self.triage.tag_prompt.hide()
        self.triage.help.hide()
        self._pulling = False
        self._last_outcome = None
        self._status = None
        self.progress.hide()
        self.pull_button.setEnabled(True)
        self.pull_action.setEnabled(True)
        self.status.clear()
        self.tabs.setCurrentWidget(self.attention)
        self.gaps.clear()
        self._gaps_stale = True

    def show_first_view(self) -> None:
        """What needs attention, with the focus on its list (after unlock)."""
        self.tabs.setCurrentWidget(self.attention)
        self.attention.list.setFocus()

    def show_inbox(self) -> None:
        """Switch to the inbox, its list taking the keys of triage."""
        self.tabs.setCurrentWidget(self.inbox_tab)
        self.inbox.table.setFocus()

    def show_report(self, report_id: str) -> None:
        """Switch to the inbox and select `report_id` (from the board or the attention
        list); the list has the focus, so triage goes on from there."""
        self.show_inbox()
        self.inbox.select_report(report_id)

    def show_reports(self, report_ids: list[str]) -> None:
        """Switch to the inbox listing only `report_ids` (those behind a board flag)."""
        self.show_inbox()
        self.inbox.show_reports(report_ids)

    def _selected(self, report_id: str | None) -> None:
        self.review.show_report(report_id)
        self.duplicates.set_report(report_id)
        self.followups.set_report(report_id)

    def _attention_counted(self, count: int) -> None:
        index = self.tabs.indexOf(self.attention)
        self.tabs.setTabText(index, self.tr("Needs attention ({count})").format(count=count))
        self.attention_counted.emit(count)

    def _focus_review(self) -> None:
        if self.inbox.current_id is not None:
            self.review.browser.setFocus()

    def _overtaken(self, report_id: str) -> None:
        # A refused move changed nothing, so nothing was broadcast; but the row showed an
        # older state. Its row shows the new state; the list is not asked again, so a
        # filter the report no longer matches does not take it (and the refusal) away.
        self.inbox.model.invalidate([report_id])

    def _question_asked(self, _: str) -> None:
        # A pull seals and sends the question at once, when the desk has a server.
        if self._status is not None and self._status.server_url is not None:
            self.pull()

    # -- pull ----------------------------------------------------------------------------

    def pull(self) -> None:
        if self._pulling or not self._worker.is_open:
            return
        self._pulling = True
        self.pull_button.setEnabled(False)
        self.pull_action.setEnabled(False)
        self.progress.show()
        self.status.setText(self.tr("Pulling from the server…"))
        progress = self._progress

        def work(store: Store) -> Done[desk.PullOutcome]:
            return DeskSession(store).pull(gui_client, progress.progressed.emit)

        self._worker.command(work, self._pull_done, self._pull_failed)

    def _show_progress(self, outcome: desk.PullOutcome) -> None:
        if self._pulling:
            self.status.setText(
                self.tr("Pulling… {reports} new reports so far.").format(reports=outcome.reports)
            )

    def _pull_ended(self) -> None:
        self._pulling = False
        self.progress.hide()
        self.pull_button.setEnabled(True)
        self.pull_action.setEnabled(True)

    def _pull_done(self, outcome: desk.PullOutcome) -> None:
        # Every view, the status line too, asked again on the `changed` the pull broadcast
        # just before; the status shows once its counts arrive.
        self._pull_ended()
        self._last_outcome = outcome
        self.pulled.emit(outcome)

    def _pull_failed(self, error: Exception) -> None:
        self._pull_ended()
        self.status.setText(
            self.tr("The pull failed: {reason}").format(reason=desk_error_message(error))
        )
        self.refresh_status_quietly()

    def refresh_status_quietly(self) -> None:
        """The counts again, keeping the failure on the status line."""
        self._worker.submit(
            lambda store: DeskSession(store).status(), self._status_counts, self.error.emit
        )

    def _status_counts(self, status: DeskStatus) -> None:
        self._status = status

    def _status_arrived(self, status: DeskStatus) -> None:
        self._status = status
        if not self._pulling:
            self._show_status()

    def _show_status(self) -> None:
        self.status.show_status(self._status, self._last_outcome)

    # -- dialogs -------------------------------------------------------------------------

    def connect_to_server(self) -> None:
        if not self._worker.is_open:
            return
        dialog = DeskConnectDialog(self._worker, self)
        dialog.exec()  # a connection is a command: the views follow `changed`
        discard(dialog)

    def export_newsroom_key(self) -> None:
        if not self._worker.is_open:
            return
        dialog = ExportKeyDialog(self._worker, self)
        accepted = dialog.exec()
        discard(dialog)
        if accepted and self._worker.is_open:
            self.status.setText(self.tr("The newsroom key was exported."))

    def open_devices(self) -> None:
        if not self._worker.is_open:
            return
        dialog = DeviceDialog(self._worker, self)
        dialog.error.connect(self.error)
        dialog.exec()  # decisions are commands: the views follow `changed`
        discard(dialog)

    def open_export(self) -> None:
        if not self._worker.is_open:
            return
        dialog = ExportDialog(
            self._worker, self._gazetteer, self._language, self, desk_folder=self._desk_folder
        )
        dialog.exec()  # exports add to the audit trail: commands, the views follow `changed`
        discard(dialog)
