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

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
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

from desktop.domain.desk.board import (
    CHINA_SIDE,
    CIVILIAN_PASSAGE,
    MYANMAR_SIDE,
    AspectStatus,
    Board,
    GateStatus,
)
from desktop.domain.desk.board_events import StatusEvent
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.vocabulary import CivilianPassage, SideStatus, TrafficKind, TrafficStatus
from desktop.services.changes import Changes
from desktop.services.desk import board as desk_board
from desktop.ui.desk.board_age import confirmed_text, gate_age_text
from desktop.ui.desk.map import MapView, value_color
from desktop.ui.desk.timeline import GateTimeline
from desktop.ui.desk_clock import aware, desk_time, in_zone, picker_time, zone_label
from desktop.ui.errors import user_message
from desktop.ui.labels import credibility_label, label
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import wrap_to_width

__all__ = ["COLUMNS", "REPORTS_ROLE", "BoardView", "aspect_label", "value_label"]

COLUMNS = (
    "gate",
    "china",
    "myanmar",
    "reported",
    "traffic",
    "civilians",
    "flags",
    "sources",
    "changed",
)
REPORTS_ROLE = Qt.ItemDataRole.UserRole + 1  # a cell's reports: a click opens them
REPORTED_TEXT, REPORTED_BACKGROUND = "#6a1b9a", "#f3e5f5"  # the unverified layer
_HEADER_WIDTH = 80.0  # pixels of a header line
_WRAP_WIDTH = 100.0  # pixels of a long cell's lines (narrow: nine columns fit 1366 px)
_DARK_TEXT = {"restricted", "chinese_citizens_only", "myanmar_citizens_only", "unknown"}


def value_label(aspect: str, value: str) -> str:
    """The translated name of an aspect's value."""
    try:
        if aspect in (CHINA_SIDE, MYANMAR_SIDE):
            return label(SideStatus(value))
        if aspect == CIVILIAN_PASSAGE:
            return label(CivilianPassage(value))
        return label(TrafficStatus(value))
    except ValueError:
        return value


def aspect_label(aspect: str) -> str:
    if aspect == CHINA_SIDE:
        return QCoreApplication.translate("BoardView", "China side")
    if aspect == MYANMAR_SIDE:
        return QCoreApplication.translate("BoardView", "Myanmar side")
    if aspect == CIVILIAN_PASSAGE:
        return QCoreApplication.translate("BoardView", "Civilians")
    try:
        return label(TrafficKind(aspect.removeprefix("traffic.")))
    except ValueError:
        return aspect


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
        # Long texts come pre-wrapped (`_WRAP_WIDTH`): Qt would break Burmese in a syllable.
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
            self._fill_row(row, crossing.id, status)
        self.table.resizeRowsToContents()
        self.map.set_board(board, language)

    def _fill_row(self, row: int, gate: str, status: GateStatus | None) -> None:
        aspects = status.aspects if status else {}
        column = COLUMNS.index
        for name, aspect in (("china", CHINA_SIDE), ("myanmar", MYANMAR_SIDE)):
            self.table.setItem(row, column(name), self._wrapped_value(aspects.get(aspect), aspect))
        civilians = self._wrapped_value(aspects.get(CIVILIAN_PASSAGE), CIVILIAN_PASSAGE)
        self.table.setItem(row, column("civilians"), civilians)
        self.table.setItem(row, column("reported"), self._reported_item(status))
        traffic = self._traffic_text(status)
        self.table.setItem(row, column("traffic"), self._wrapped(traffic))
        flags = self._flags_text(status)
        flag_item = self._wrapped(flags)
        if flags and status is not None:
            flag_item.setForeground(QBrush(QColor("#6a1b9a")))
            behind = self._flag_reports(status)
            if behind:
                flag_item.setData(REPORTS_ROLE, list(behind))
                flag_item.setToolTip(self.tr("Click to list the reports behind these flags"))
        self.table.setItem(row, column("flags"), flag_item)
        self.table.setItem(row, column("sources"), self._sources_item(status))
        changed = desk_time(status.last_change if status else None)
        age = gate_age_text(status) if status else ""
        when = f"{changed}\n{age}" if age else changed
        self.table.setItem(row, column("changed"), self._wrapped(when))
        for index in range(len(COLUMNS)):
            item = self.table.item(row, index)
            if item is not None:
                item.setData(Qt.ItemDataRole.UserRole, gate)

    def _wrapped(self, text: str) -> QTableWidgetItem:
        return _item(wrap_to_width(text, self.font(), _WRAP_WIDTH, latin=True))

    def _wrapped_value(self, status: AspectStatus | None, aspect: str) -> QTableWidgetItem:
        value = self._value_item(status, aspect)
        value.setText(wrap_to_width(value.text(), self.font(), _WRAP_WIDTH, latin=True))
        return value

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
        item = self._wrapped("\n".join(lines))
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

    @staticmethod
    def _flag_reports(status: GateStatus) -> tuple[str, ...]:
        """The reports behind a gate's flags: both sides of a conflict, a stale side's basis."""
        stale = (
            status.aspects[a].basis.report_id  # type: ignore[union-attr]
            for a in (CHINA_SIDE, MYANMAR_SIDE)
            if status.aspects[a].stale and status.aspects[a].basis is not None
        )
        return tuple(dict.fromkeys((*status.conflict_report_ids, *stale)))

    def _value_item(self, status: AspectStatus | None, aspect: str) -> QTableWidgetItem:
        value = status.shown_value if status else "unknown"
        item = _item(value_label(aspect, value))
        item.setBackground(QBrush(value_color(value)))
        item.setForeground(QBrush(QColor("#212121" if value in _DARK_TEXT else "white")))
        if status is not None and status.since is not None:
            tip = self.tr("Since %1").replace("%1", desk_time(status.since, with_zone=True))
            item.setToolTip(f"{tip}\n{confirmed_text(status)}")
        return item

    def _traffic_text(self, status: GateStatus | None) -> str:
        if status is None:
            return ""
        allowed, blocked = [], []
        for kind in TrafficKind:
            detail = status.aspects[f"traffic.{kind.value}"]
            named = f"{label(kind)} ({detail.corroboration})"
            if detail.value == TrafficStatus.ALLOWED:
                allowed.append(named)
            elif detail.value == TrafficStatus.BLOCKED:
                blocked.append(named)
        # One kind a line: each with its own sources and grade.
        lines = [self.tr("Allowed: %1").replace("%1", kind) for kind in allowed]
        lines += [self.tr("Blocked: %1").replace("%1", kind) for kind in blocked]
        return "\n".join(lines)

    def _flags_text(self, status: GateStatus | None) -> str:
        if status is None:
            return ""
        lines = []
        for aspect, detail in status.aspects.items():
            if detail.stale and aspect in (CHINA_SIDE, MYANMAR_SIDE):
                text = self.tr("Stale: %1 %2").replace("%1", aspect_label(aspect))
                lines.append(text.replace("%2", confirmed_text(detail)))
            if detail.conflict:
                values = " / ".join(
                    dict.fromkeys(value_label(aspect, e.value) for e in detail.conflict)
                )
                text = self.tr("Conflict: %1 %2").replace("%1", aspect_label(aspect))
                lines.append(text.replace("%2", values))
        return "\n".join(lines)

    def _sources_item(self, status: GateStatus | None) -> QTableWidgetItem:
        if status is None:
            return _item("0")
        lines, tips = [], [self.tr("Independent sources (a pseudonym on one device), per side")]
        for aspect in (CHINA_SIDE, MYANMAR_SIDE):
            detail = status.aspects[aspect]
            lines.append(f"{aspect_label(aspect)} {detail.corroboration}")
            grades = [label(detail.best_reliability)] if detail.best_reliability else []
            if detail.best_credibility is not None:
                grades.append(credibility_label(detail.best_credibility))
            if grades:
                tips.append(f"{aspect_label(aspect)}: {'; '.join(grades)}")
        item = _item(wrap_to_width("\n".join(lines), self.font(), _WRAP_WIDTH, latin=True))
        item.setToolTip("\n".join(tips))
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


def _item(text: str) -> QTableWidgetItem:
    return QTableWidgetItem(text)
