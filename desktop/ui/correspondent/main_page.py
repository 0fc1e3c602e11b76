"""The main page: the report list with search and filters, and a detail pane.

All data comes through the store worker and `CorrespondentSession`; this page never
touches the store. The list is the lazy `ReportListModel`; searching and filtering happen in
SQL. It asks for its rows again whenever a command changed reports or their delivery
(`StoreWorker.changed`), at once if it shows, else when it is next shown.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report_state import ReportState
from desktop.services.changes import Changes
from desktop.services.correspondent.session import (
    CorrespondentSession,
    Listing,
    ListQuery,
    ReportDetail,
    ReportRow,
)
from desktop.ui.clipboard import ConcealedTextBrowser
from desktop.ui.columns import FittedColumns
from desktop.ui.correspondent.followup_panel import FollowupPanel
from desktop.ui.correspondent.report_detail import detail_html
from desktop.ui.correspondent.report_model import ReportListModel
from desktop.ui.lazy_rows import report_table
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel

SEARCH_DELAY_MS = 250


class MainPage(QWidget):
    """List, filters, search and detail. Emits what the user wants to do with a report."""

    new_requested = Signal()
    edit_requested = Signal(str)  # a draft's id
    correct_requested = Signal(str)  # a queued or sent report's id
    error = Signal(object)  # an exception, or a message
    counted = Signal(int, int)  # shown, total
    selection_changed = Signal()  # the selected report (or its state) changed

    def __init__(
        self,
        worker: StoreWorker,
        gazetteer: Gazetteer,
        language: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._gazetteer = gazetteer
        self._language = language
        self._selected: str | None = None
        self._selected_state: ReportState | None = None
        self._query_serial = 0
        self._stale = False

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.state_filter = QComboBox()
        self.gate_filter = QComboBox()
        self.new_button = QPushButton()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.state_filter, 1)
        filters.addWidget(self.gate_filter, 1)
        filters.addWidget(self.new_button)

        self.model = ReportListModel(self._fetch_rows, gazetteer, language=language(), parent=self)
        self.table = report_table(self.model, (130, 110, 90, 100, 80))
        # Narrow or long-worded: the sides go first (the detail pane shows them).
        self.columns = FittedColumns(self.table, (130, 110, 90, 100, 80), optional=(2, 3))
        self.empty = WrapLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(24)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)

        self.detail = ConcealedTextBrowser()
        self.detail.setOpenLinks(False)
        self._detail_shown: ReportDetail | None = None
        self._detail_width = 0
        self.detail.viewport().installEventFilter(self)
        self.edit_button = QPushButton()
        self.edit_button.hide()
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail)
        detail_layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignRight)
        self.followups = FollowupPanel(worker)  # questions from the desk, and answers
        self.followups.correct_requested.connect(self.correct_requested)
        self.followups.error.connect(self.error)
        detail_layout.addWidget(self.followups)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(detail_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self._splitter_language: str | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)
        self.state_filter.currentIndexChanged.connect(lambda _: self.refresh())
        self.gate_filter.currentIndexChanged.connect(lambda _: self.refresh())
        self.new_button.clicked.connect(self.new_requested)
        self.edit_button.clicked.connect(self._edit_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _: self._edit_selected())
        worker.changed.connect(self._changed)
        self.retranslate()

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search reports (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search reports"))
        self.state_filter.setAccessibleName(self.tr("Show reports in state"))
        self.gate_filter.setAccessibleName(self.tr("Show reports about crossing"))
        self.new_button.setText(self.tr("&New report"))
        self.new_button.setToolTip(self.tr("Log a new report (Ctrl+N)"))
        self.table.setAccessibleName(self.tr("Reports"))
        self.detail.setAccessibleName(self.tr("Report details"))
        self.model.set_language(self._language())
        self._fill_filters()
        self._update_empty_text()
        self._show_detail_placeholder()
        if self._selected is not None and self._worker.is_open:
            self._select(self._selected)  # the detail again, in the new language
        self._share_splitter()

    def _share_splitter(self) -> None:
        # Burmese lines are long and wrap at syllables: give the detail pane more room.
        language = self._language()
        if language == self._splitter_language:
            return
        self._splitter_language = language
        total = max(self.splitter.width(), 1000)
        detail = total * (50 if language == "my" else 40) // 100
        self.splitter.setSizes([total - detail, detail])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self._worker.is_open:
            self.refresh()

    def _fill_filters(self) -> None:
        state, gate = self.state_filter.currentData(), self.gate_filter.currentData()
        for combo in (self.state_filter, self.gate_filter):
            combo.blockSignals(True)
            combo.clear()
        self.state_filter.addItem(self.tr("All states"), None)
        for value, text in (
            (ReportState.DRAFT, self.tr("Drafts")),
            (ReportState.QUEUED, self.tr("Queued")),
            (ReportState.SENT, self.tr("Sent")),
        ):
            self.state_filter.addItem(text, value)
        self.gate_filter.addItem(self.tr("All crossings"), None)
        for crossing in self._gazetteer.crossings:
            self.gate_filter.addItem(crossing.name(self._language()), crossing.id)
        self.state_filter.setCurrentIndex(max(0, self.state_filter.findData(state)))
        self.gate_filter.setCurrentIndex(max(0, self.gate_filter.findData(gate)))
        for combo in (self.state_filter, self.gate_filter):
            combo.blockSignals(False)

    # -- data ----------------------------------------------------------------------------

    def query(self) -> ListQuery:
        """What the list shows: the search text and the filters."""
        state = self.state_filter.currentData()  # Qt gives a state back as its text
        return ListQuery(
            text=self.search.text(),
            state=None if state is None else ReportState(state),
            gate=self.gate_filter.currentData(),
        )

    def refresh(self) -> None:
        """Ask the worker for the ids matching the search and filters; show them."""
        serial = self._next_query()
        query = self.query()
        gazetteer = self._gazetteer

        def done(listing: Listing) -> None:
            if serial == self._query_serial:  # else an older query answered late
                self._show_listing(listing)

        self._worker.submit(
            lambda store: CorrespondentSession(store).listing(gazetteer, query),
            done,
            self._failed,
        )

    def show_read(self, query: ListQuery, listing: Listing, rows: Sequence[ReportRow]) -> bool:
        """Show a listing read elsewhere (during the unlock) with its first `rows`, if it
        answers the list's query; else return False (the caller refreshes)."""
        if query != self.query():
            return False
        self._next_query()
        self._show_listing(listing, rows)
        return True

    def _next_query(self) -> int:
        self._search_timer.stop()
        self._stale = False
        self._query_serial += 1
        return self._query_serial

    def _show_listing(self, listing: Listing, rows: Sequence[ReportRow] = ()) -> None:
        ids, total = listing.ids, listing.total
        self.model.set_ids(ids, rows)
        self._total = total
        self._update_empty_text()
        self.list_stack.setCurrentWidget(self.empty if not ids else self.table)
        self.counted.emit(len(ids), total)
        if self._selected is not None:
            row = self.model.row_of(self._selected)
            if row is not None:
                self.table.selectRow(row)
            else:
                self._select(None)

    def clear(self) -> None:
        """Forget everything shown (on lock): no report text stays in a widget."""
        self._query_serial += 1
        self._stale = False
        self.model.clear()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._search_timer.stop()
        self._total = 0
        self._select(None)
        self.detail.clear()
        self._show_detail_placeholder()

    def _changed(self, changes: Changes) -> None:
        """A command changed reports or their delivery: every row may read differently."""
        if not (changes.reports or changes.delivery) or not self._worker.is_open:
            return
        self.model.forget_rows()
        if self.isVisible():
            if self._selected is not None:
                self._select(self._selected)
            self.refresh()
        else:
            self._stale = True

    @property
    def selected_draft(self) -> str | None:
        """The id of the selected report if it is a draft."""
        if self._selected_state is ReportState.DRAFT:
            return self._selected
        return None

    def _fetch_rows(self, ids: Sequence[str], done: Callable[[list[ReportRow]], None]) -> None:
        wanted = list(ids)
        self._worker.submit(
            lambda store: CorrespondentSession(store).report_rows(wanted), done, self._failed
        )

    def _failed(self, error: Exception) -> None:
        self.error.emit(error)

    _total = 0

    def _update_empty_text(self) -> None:
        if self._total == 0:
            self.empty.setText(
                self.tr(
                    "No reports yet.\n\nPress Ctrl+N, or New report, to log what you see or "
                    "hear at a crossing. Drafts are saved as you type."
                )
            )
        else:
            self.empty.setText(
                self.tr("No report matches. Clear the search box or choose other filters.")
            )

    # -- detail --------------------------------------------------------------------------

    def _selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        self._select(self.model.report_id(indexes[0].row()) if indexes else None)

    def _select(self, report_id: str | None) -> None:
        self._detail_shown = None
        self._selected = report_id
        self._selected_state = None
        self.edit_button.hide()
        self.followups.show_report(report_id)
        self.selection_changed.emit()
        if report_id is None:
            self._show_detail_placeholder()
            return

        def done(detail: ReportDetail) -> None:
            if self._selected != report_id or not self._worker.is_open:
                return
            self._selected_state = detail.stored.row.state
            self._show_detail(detail)
            self.selection_changed.emit()
            if detail.stored.row.state is ReportState.DRAFT:
                self.edit_button.setText(self.tr("&Edit draft"))
                self.edit_button.show()
            elif detail.stored.row.state in (ReportState.QUEUED, ReportState.SENT):
                self.edit_button.setText(self.tr("&Correct (new revision)"))
                self.edit_button.show()

        gazetteer = self._gazetteer
        self._worker.submit(
            lambda store: CorrespondentSession(store).report(gazetteer, report_id),
            done,
            self._failed,
        )

    def _edit_selected(self) -> None:
        if self._selected is None or self._selected_state is None:
            return
        if self._selected_state is ReportState.DRAFT:
            self.edit_requested.emit(self._selected)
        elif self._selected_state in (ReportState.QUEUED, ReportState.SENT):
            self.correct_requested.emit(self._selected)

    def _show_detail_placeholder(self) -> None:
        if self._selected is None:
            self.detail.setHtml(
                "<p style='color:#666'>"
                + _esc(self.tr("Choose a report in the list to read it here."))
                + "</p>"
            )

    def _show_detail(self, detail: ReportDetail) -> None:
        """Render `detail` for the pane's current width and font (again on resize)."""
        self._detail_shown = detail
        self._detail_width = self.detail.viewport().width()
        scroll = self.detail.verticalScrollBar().value()
        self.detail.setHtml(
            detail_html(
                detail,
                self._detail_width,
                language=self._language(),
                gazetteer=self._gazetteer,
                font=self.detail.font(),
                document_margin=self.detail.document().documentMargin(),
            )
        )
        self.detail.verticalScrollBar().setValue(scroll)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Resize
            and watched is self.detail.viewport()
            and self._detail_shown is not None
            and self.detail.viewport().width() != self._detail_width
        ):
            self._show_detail(self._detail_shown)
        return super().eventFilter(watched, event)


def _esc(text: str) -> str:
    return html.escape(text)
