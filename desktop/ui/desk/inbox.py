"""The desk's inbox: every pulled report, filtered and searched in SQL, listed lazily.

The model (`desktop.ui.desk.inbox_model`) holds only ids in display order; rows arrive a
page at a time from the store worker. 100,000 reports cost a list of ids and one dict on
the GUI thread, never 100,000 rows. The filters bar (`desktop.ui.desk.inbox_filters`)
builds an `InboxFilter`; the search box waits for a pause in typing before it asks again.
The list asks again by itself when a command changed what it shows (`StoreWorker.changed`:
review states and marks, pulled reports, device decisions).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QStackedWidget, QVBoxLayout, QWidget

from desktop.domain.gazetteer import Gazetteer
from desktop.services.changes import Changes
from desktop.services.desk.session import DeskSession, InboxListing, InboxRow
from desktop.store.database import Store
from desktop.ui.columns import FittedColumns
from desktop.ui.desk.inbox_filters import InboxFilters
from desktop.ui.desk.inbox_model import InboxModel
from desktop.ui.lazy_rows import report_table
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel


class DeskInbox(QWidget):
    """Filters, count and the lazy list. Emits the selected report's id (or None)."""

    selected = Signal(object)  # str | None
    selection_changed = Signal(int)  # how many rows are selected
    error = Signal(object)

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
        self._serial = 0
        self._total = 0
        self._selected: str | None = None
        self._want: str | None = None  # to select once the list shows it
        self._rows_stale = False  # a command changed rows: fetch them again with the list
        self.filters = InboxFilters(gazetteer)
        self.count = QLabel()
        self.model = InboxModel(self._fetch_rows, gazetteer, language=language(), parent=self)
        widths = (125, 110, 85, 105, 110, 100, 100, 120, 120)
        self.table = report_table(self.model, widths)
        # Narrow or long-worded: what happened goes first, then tags, assignment and the
        # sides (the review pane shows them); time, crossing, state, source and
        # correspondent stay.
        self.columns = FittedColumns(self.table, widths, optional=(9, 6, 5, 3, 2))
        # Many at once for bulk review: shift and ctrl extend, Ctrl+A takes every match.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.empty = WrapLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filters)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.count)
        self.filters.changed.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        worker.changed.connect(self._changed)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_time_column()
        super().changeEvent(event)

    def _fit_time_column(self) -> None:
        # Times are never cut: the column fits "2026-11-29 14:55" in the current font
        # (Burmese's Padauk draws digits wider than the default font).
        sample = self.table.fontMetrics().horizontalAdvance("0000-00-00 00:00")
        self.columns.set_width(0, max(125, sample + 24))

    def retranslate(self) -> None:
        self._fit_time_column()
        self.filters.retranslate(self._language())
        self.model.set_language(self._language())
        self.table.setAccessibleName(self.tr("Reports at the desk"))
        self._show_count(self.model.rowCount())

    def refresh(self) -> None:
        """Ask for the ids the filters show, the total and the devices; show them."""
        self._serial += 1
        serial = self._serial
        where = self.filters.current()
        gazetteer = self._gazetteer
        # Rows a command may have changed: those in sight are read again with the list (a
        # few dozen, not a page of 200 each time), the others forgotten.
        reread = self._in_sight() if self._rows_stale else None

        def work(store: Store) -> tuple[InboxListing, list[InboxRow]]:
            session = DeskSession(store)
            return session.inbox(gazetteer, where), session.inbox_rows(reread or [])

        def done(answer: tuple[InboxListing, list[InboxRow]]) -> None:
            found, fresh = answer
            if serial != self._serial:
                return  # an older query answered late
            ids, self._total = found.ids, found.total
            self.filters.set_unapproved(found.unapproved)
            self.filters.set_devices(found.devices)
            self.filters.set_tags(found.tags)
            # A selection of many (for a bulk action) outlives the list being asked again.
            kept = set(self.selected_ids()) if self._want is None else set()
            if reread is not None:  # forgotten here, not before: only the new list asks again
                self._rows_stale = False
                self.model.forget_rows(fresh)
            self.model.set_ids(ids)
            self._show_count(len(ids))
            self.stack.setCurrentWidget(self.table if ids else self.empty)
            wanted = self._want or self._selected
            row = None if wanted is None else self.model.row_of(wanted)
            if row is not None:
                self._want = None
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
            elif self._selected is not None:
                self._set_selected(None)
            if len(kept) > 1:
                self._reselect(ids, kept)
            self.selection_changed.emit(len(self.selected_ids()))

        self._worker.submit(work, done, self.error.emit)

    def _in_sight(self) -> list[str]:
        """The ids of the rows the table shows, and the selected ones."""
        rows = self.model.rowCount()
        first = max(0, self.table.rowAt(0))
        last = self.table.rowAt(self.table.viewport().height() - 1)
        shown = range(first, rows if last < 0 else last + 1)
        ids = [self.model.report_id(row) for row in shown]
        return list(dict.fromkeys([*(i for i in ids if i is not None), *self.selected_ids()]))

    def _changed(self, changes: Changes) -> None:
        # Review states and marks, pulled reports and device decisions are what the rows,
        # the list and the filters bar show. Which rows changed is not said: every cached
        # row is fetched again, the list asked again.
        if changes.review or changes.envelopes or changes.devices:
            self._rows_stale = True
            self.refresh()

    def _reselect(self, ids: Sequence[str], kept: set[str]) -> None:
        selection = QItemSelection()
        last = len(self.model.COLUMNS) - 1
        start: int | None = None
        for row, report_id in enumerate([*ids, ""]):  # runs of kept rows, one range each
            if report_id in kept and start is None:
                start = row
            elif report_id not in kept and start is not None:
                selection.select(self.model.index(start, 0), self.model.index(row - 1, last))
                start = None
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select)

    def show_reports(self, report_ids: Sequence[str]) -> None:
        """List only these reports (asked again by the filters' change)."""
        self._want = report_ids[0] if report_ids else None
        self.filters.show_reports(report_ids)

    def select_report(self, report_id: str) -> None:
        """Show and select `report_id`; clears the filters first if they hide it."""
        row = self.model.row_of(report_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            return
        self._want = report_id
        self.filters.reset()
        self.refresh()

    def prefer(self, report_id: str | None) -> None:
        """Select `report_id` when the next list shows it (the next report after a triage
        move took the current one out of the filter)."""
        self._want = report_id

    def selected_ids(self) -> list[str]:
        """The ids of the selected rows, in list order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [rid for rid in (self.model.report_id(row) for row in rows) if rid is not None]

    def select_all_matching(self) -> None:
        """Select every report the filters show (fetched or not)."""
        self.table.selectAll()

    def clear(self) -> None:
        """Forget every row and filter (on lock)."""
        self._serial += 1
        self._want = None
        self.filters.reset()
        self.model.clear()
        self._total = 0
        self._set_selected(None)
        self.count.clear()

    @property
    def current_id(self) -> str | None:
        return self._selected

    def _show_count(self, shown: int) -> None:
        self.count.setText(
            self.tr("{shown} of {total} reports").format(shown=shown, total=self._total)
        )
        if self._total == 0:
            self.empty.setText(
                self.tr(
                    "No reports at this desk yet.\n\nPress Pull (F5) to fetch what the "
                    "correspondents have sent to the newsroom server."
                )
            )
        else:
            self.empty.setText(
                self.tr("No report matches. Clear the search box or choose other filters.")
            )

    def _fetch_rows(self, ids: Sequence[str], done: Callable[[list[InboxRow]], None]) -> None:
        wanted = list(ids)
        self._worker.submit(
            lambda store: DeskSession(store).inbox_rows(wanted), done, self.error.emit
        )

    def _selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        current = self.table.currentIndex()
        if current.isValid() and self.table.selectionModel().isRowSelected(current.row()):
            self._set_selected(self.model.report_id(current.row()))
        else:
            self._set_selected(self.model.report_id(rows[0].row()) if rows else None)
        self.selection_changed.emit(len(rows))

    def _set_selected(self, report_id: str | None) -> None:
        if report_id != self._selected:
            self._selected = report_id
            if report_id is not None and self._want not in (None, report_id):
                # The editor chose another report since a move preferred one: a list that
                # answers late must not take their choice back.
                self._want = None
            self.selected.emit(report_id)
