"""The desk's Board tab: the gate status table, the map, what changed since a time, and a
crossing's timeline (opened from the table, the map or the changes, in place of the map).

Every figure comes from `desktop.services.desk.board` on the store worker; this view keeps
the last board it was given, so a language switch repaints without asking again. It asks
again by itself when a command changed what the board derives from (`StoreWorker.changed`,
`Changes.board`), but only while it shows: at 100,000 reports its query would hold the
worker and delay the inbox's first rows, so a hidden board waits until it shows again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.desk.board import Board, GateStatus
from desktop.domain.desk.board_events import StatusEvent
from desktop.domain.gazetteer import Gazetteer
from desktop.services.changes import Changes
from desktop.services.desk import board as desk_board
from desktop.ui.desk.board_cells import (
    COLUMNS,
    REPORTED_BACKGROUND,
    REPORTED_TEXT,
    REPORTS_ROLE,
    aspect_label,
    fill_row,
    value_label,
    wrapped,
)
from desktop.ui.desk.map import MapView
from desktop.ui.desk.map_style import value_color
from desktop.ui.desk.timeline import GateTimeline
from desktop.ui.desk_clock import aware, desk_time, in_zone, picker_time, zone_label
from desktop.ui.errors import user_message
from desktop.ui.line_breaks import wrap_to_width
from desktop.ui.worker import StoreWorker

__all__ = [
    "COLUMNS",
    "REPORTED_BACKGROUND",
    "REPORTS_ROLE",
    "BoardView",
    "aspect_label",
    "value_label",
]

_HEADER_WIDTH = 80.0  # pixels of a header line


def default_since(now: datetime | None = None) -> datetime:
    """Yesterday 18:00 in the desk's time zone: the usual "since" of the morning meeting."""
    local = in_zone((now or datetime.now()).astimezone())
    return (local - timedelta(days=1)).replace(hour=18, minute=0, second=0, microsecond=0)


class BoardView(QWidget):
    """The Board tab; `report_requested(report_id)` asks the desk to open a report,
    `reports_requested(ids)` to list the reports behind a flag or a reported change."""

    report_requested = Signal(str)
    reports_requested = Signal(list)

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
        self.board: Board | None = None
        self.changes: list[StatusEvent] | None = None
        self._board_request = 0
        self._changes_request = 0
        self._since_moment = default_since()
        self._stale = False  # changed since it last asked, while hidden

        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.status, 1)
        header.addWidget(self.refresh_button)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header_view.setStretchLastSection(True)
        # Long texts come pre-wrapped (board_cells.py): Qt would break Burmese in a syllable.
        self.table.setWordWrap(False)
        self.table.cellClicked.connect(self._table_clicked)

        self.changes_title = QLabel()
        self.since = QDateTimeEdit(picker_time(default_since()))
        self.since_zone = QLabel()
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.since.dateTimeChanged.connect(lambda _: self.load_changes())
        self.changes_list = QListWidget()
        self.changes_list.setWordWrap(True)
        self.changes_list.itemClicked.connect(self._change_clicked)
        since_row = QHBoxLayout()
        since_row.addWidget(self.changes_title)
        since_row.addWidget(self.since)
        since_row.addWidget(self.since_zone)
        since_row.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 3)
        left_layout.addLayout(since_row)
        left_layout.addWidget(self.changes_list, 2)

        self.map = MapView(gazetteer)
        self.map.gate_clicked.connect(self.open_timeline)
        self.timeline = GateTimeline(worker, gazetteer, language)
        self.timeline.report_requested.connect(self.report_requested)
        self.timeline.back.connect(self.show_map)
        self.right = QStackedWidget()
        self.right.addWidget(self.map)
        self.right.addWidget(self.timeline)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        # The table's conflicts (civilians, flags, sources) must show at 1366 px: the
        # table takes two thirds, the map or timeline the rest.
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([960, 390])
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)
        worker.changed.connect(self._changed)
        self.retranslate()

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Derive the board again (and the changes, and the open timeline) on the worker."""
        self._load()
        if self.right.currentWidget() is self.timeline:
            self.timeline.reload()

    def refresh_when_shown(self) -> None:
        """Refresh now if the board shows, else the next time it does."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _changed(self, changes: Changes) -> None:
        # The open timeline follows `changed` by itself.
        if changes.board:
            if self.isVisible():
                self._load()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._load()

    def _load(self) -> None:
        self._stale = False
        self._board_request += 1
        request = self._board_request
        gazetteer = self._gazetteer
        self.status.setText(self.tr("Updating…"))
        self._worker.submit(
            lambda store: desk_board.board(store, gazetteer),
            lambda board: self._board_loaded(request, board),
            lambda error: self._failed(request, error),
        )
        self.load_changes()

    def load_changes(self) -> None:
        self._changes_request += 1
        request = self._changes_request
        since = self.since.dateTime().toPython()
        assert isinstance(since, datetime)
        moment = aware(since)  # a naive time from the picker, in the desk's zone
        self._since_moment = moment
        gazetteer = self._gazetteer
        self._worker.submit(
            lambda store: desk_board.changes_since(store, gazetteer, moment),
            lambda changes: self._changes_loaded(request, changes),
            lambda error: self._failed(None, error),
        )

    def times_changed(self) -> None:
        """The desk's zone changed: the picker shows the same moment in the new zone."""
        self.since.blockSignals(True)
        self.since.setDateTime(picker_time(self._since_moment))
        self.since.blockSignals(False)

    def _board_loaded(self, request: int, board: Board) -> None:
        if request != self._board_request:
            return
        self.board = board
        now = desk_time(datetime.now().astimezone(), with_zone=True)
        self.status.setText(self.tr("Updated %1").replace("%1", now))
        self._show_board()

    def _changes_loaded(self, request: int, changes: list[StatusEvent]) -> None:
        if request == self._changes_request:
            self.changes = changes
            self._show_changes()

    def _failed(self, request: int | None, error: BaseException) -> None:
        if request is None or request == self._board_request:
            self.status.setText(user_message(error))

    # -- showing ---------------------------------------------------------------------------

    def _show_board(self) -> None:
        board = self.board or Board()
        language = self._language()
        crossings = list(self._gazetteer)
        self.table.setRowCount(len(crossings))
        for row, crossing in enumerate(crossings):
            status = board.gates.get(crossing.id)
            name = QTableWidgetItem(crossing.name(language))
            name.setData(Qt.ItemDataRole.UserRole, crossing.id)
            self.table.setItem(row, 0, name)
            reported = self._reported_item(status)
            fill_row(self.table, self.font(), row, crossing.id, status, reported)
        self.table.resizeRowsToContents()
        self.map.set_board(board, language)

    def _reported_item(self, status: GateStatus | None) -> QTableWidgetItem:
        """The unverified layer: each aspect's reported value and its independent sources,
        apart from the verified columns; a click lists the reports behind it."""
        lines = []
        for aspect, detail in (status.aspects if status else {}).items():
            if detail.unverified_change is None:
                continue
            text = self.tr("%1: %2 (%n source(s))", "", detail.reported_sources)
            text = text.replace("%1", aspect_label(aspect))
            lines.append(text.replace("%2", value_label(aspect, detail.unverified_change.value)))
        item = wrapped(self.font(), "\n".join(lines))
        if lines and status is not None:
            item.setForeground(QBrush(QColor(REPORTED_TEXT)))
            item.setBackground(QBrush(QColor(REPORTED_BACKGROUND)))
            item.setData(REPORTS_ROLE, list(status.reported_report_ids))
            item.setToolTip(
                self.tr(
                    "Reported in reports not yet verified; the verified status is beside it. "
                    "Click to list the reports."
                )
            )
        return item

    def _show_changes(self) -> None:
        self.changes_list.clear()
        language = self._language()
        if not self.changes:
            self.changes_list.addItem(self.tr("No crossing changed since then."))
            return
        for event in self.changes:
            crossing = self._gazetteer.get(event.gate)
            name = crossing.name(language) if crossing else event.gate
            before = value_label(event.aspect, event.before)
            after = value_label(event.aspect, event.after)
            line = f"{desk_time(event.at)}  {name}: {aspect_label(event.aspect)} {before} → {after}"
            if not event.verified:
                line += "\n   " + self.tr("Reported, unverified")
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, event.gate)
            color = value_color(event.after).darker(130) if event.verified else QColor("#6a1b9a")
            item.setForeground(QBrush(color))
            self.changes_list.addItem(item)

    # -- navigation ------------------------------------------------------------------------

    def open_timeline(self, gate: str) -> None:
        self.right.setCurrentWidget(self.timeline)
        self.timeline.show_gate(gate)

    def show_map(self) -> None:
        self.right.setCurrentWidget(self.map)

    def _table_clicked(self, row: int, column: int) -> None:
        item = self.table.item(row, column)
        reports = item.data(REPORTS_ROLE) if item is not None else None
        if reports:
            self.reports_requested.emit(list(reports))
            return
        gate = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(gate, str):
            self.open_timeline(gate)

    def _change_clicked(self, item: QListWidgetItem) -> None:
        gate = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(gate, str):
            self.open_timeline(gate)

    # -- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Gate status board"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.changes_title.setText(self.tr("What changed since"))
        self.since_zone.setText(zone_label())
        # Headers wrap onto a second line rather than widen the table past the window.
        headers = [
            self.tr("Crossing"),
            self.tr("China side"),
            self.tr("Myanmar side"),
            self.tr("Reported, unverified"),
            self.tr("Traffic"),
            self.tr("Civilians"),
            self.tr("Flags"),
            self.tr("Sources"),
            self.tr("Last change") + f" ({zone_label()})",
        ]
        self.table.setHorizontalHeaderLabels(
            [wrap_to_width(h, self.font(), _HEADER_WIDTH, latin=True) for h in headers]
        )
        self.timeline.retranslate()
        if self.board is not None:
            self._show_board()
        else:
            self.map.set_board(Board(), self._language())
        if self.changes is not None:
            self._show_changes()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
