"""The desk's inbox: every pulled report, filtered and searched in SQL, listed lazily.

Like the correspondent's list (`desktop.ui.correspondent.report_model`), the model holds only ids in
display order; rows arrive a page at a time from the store worker
(`ReviewRepository.inbox_rows`). 100,000 reports cost a list of ids and one dict on the GUI
thread, never 100,000 rows. The filters bar builds an `InboxFilter`; the search box waits
for a pause in typing before it asks again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.vocabulary import Reliability, SideStatus, SourceCategory
from desktop.store.desk.device_trust import DeviceTrustRepository
from desktop.store.desk.marks import MarksRepository
from desktop.store.desk.review import InboxFilter, InboxRow, ReviewRepository
from desktop.ui.columns import FittedColumns
from desktop.ui.desk.tags import newsroom_tag_labels, tag_label
from desktop.ui.desk.text import state_label
from desktop.ui.desk_clock import desk_time, zone_label
from desktop.ui.labels import label
from desktop.ui.lazy_rows import LazyRowsModel, report_table
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel

SEARCH_DELAY_MS = 300

# Text and background per review state: readable on white, distinct without color names.
STATE_COLORS: dict[ReviewState, tuple[str, str]] = {
    ReviewState.NEW: ("#1a4f8a", "#e3eefb"),
    ReviewState.NEEDS_FOLLOW_UP: ("#7a4b00", "#fff1d6"),
    ReviewState.VERIFIED: ("#1d5e20", "#e2f4e3"),
    ReviewState.REJECTED: ("#8c1d18", "#fbe4e2"),
    ReviewState.PUBLISHED: ("#4a2a7a", "#ece4f8"),
}


def gate_name(gazetteer: Gazetteer, gate: str | None, new_crossing: str | None, lang: str) -> str:
    """A crossing's name in `lang`; a crossing not in the gazetteer by the name reported."""
    if gate is None:
        return new_crossing or QCoreApplication.translate("Desk", "(not in the list)")
    crossing = gazetteer.get(gate)
    return gate if crossing is None else crossing.name(lang)


def _enum_label(kind: Any, value: str | None) -> str:
    try:
        return label(kind(value)) if value else ""
    except ValueError:
        return value or ""


class InboxModel(LazyRowsModel[InboxRow]):
    """Rows of the inbox; see the module docstring."""

    COLUMNS = (
        "observed",
        "gate",
        "china",
        "myanmar",
        "state",
        "assigned",
        "tags",
        "source",
        "device",
        "narrative",
    )

    def _header(self, column: str) -> str:
        return {
            "observed": self.tr("Observed") + f" ({zone_label()})",
            "gate": self.tr("Crossing"),
            "china": self.tr("China side"),
            "myanmar": self.tr("Myanmar side"),
            "state": self.tr("Review"),
            "assigned": self.tr("Assigned to"),
            "tags": self.tr("Tags"),
            "source": self.tr("Source"),
            "device": self.tr("Correspondent"),
            "narrative": self.tr("What happened"),
        }[column]

    def _row_id(self, row: InboxRow) -> str:
        return row.report_id

    def _styled(self, row: InboxRow, column: str, role: int) -> Any:
        if column == "state" and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(STATE_COLORS[row.state][0]))
        if column == "state" and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATE_COLORS[row.state][1]))
        return None

    def _cell(self, row: InboxRow, column: str) -> str:
        if column == "observed":
            return desk_time(row.observed_at)
        if column == "gate":
            return gate_name(self._gazetteer, row.gate, row.new_crossing, self._language)
        if column == "china":
            return _enum_label(SideStatus, row.china_side)
        if column == "myanmar":
            return _enum_label(SideStatus, row.myanmar_side)
        if column == "state":
            return state_label(row.state)
        if column == "assigned":
            return row.assignee or ""
        if column == "tags":
            return ", ".join(tag_label(tag) for tag in row.tags)
        if column == "source":
            bits = [_enum_label(SourceCategory, row.source_category), row.reliability or ""]
            return " · ".join(b for b in bits if b)
        if column == "device":
            return row.device_label or row.device_id
        first = row.narrative.strip().splitlines()
        return first[0] if first else ""


class InboxFilters(QWidget):
    """The filters bar; `changed` fires when the filter changes (search: after a pause)."""

    changed = Signal()

    def __init__(self, gazetteer: Gazetteer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gazetteer = gazetteer
        self._language = "en"
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.sort = QComboBox()
        self.gate = QComboBox()
        self.state = QComboBox()
        self.source = QComboBox()
        self.reliability = QComboBox()
        self.device = QComboBox()
        self.since = self._date_edit()
        self.until = self._date_edit()
        self.tag = QComboBox()
        # The reports behind a board flag: a line says so, one click shows everything again.
        self._report_ids: frozenset[str] = frozenset()
        self.from_board = QLabel()
        self.from_board.setWordWrap(True)
        self.show_everything = QPushButton()
        self.show_everything.clicked.connect(self._show_everything)
        board_row = QHBoxLayout()
        board_row.addWidget(self.from_board, 1)
        board_row.addWidget(self.show_everything)
        self.board_bar = QWidget()
        self.board_bar.setLayout(board_row)
        board_row.setContentsMargins(0, 0, 0, 0)
        self.board_bar.setStyleSheet("background: #f3e5f5; color: #4a148c;")
        self.board_bar.hide()
        # One click each: whose reports, and those waiting for a correspondent's answer.
        self.show_all = QPushButton()
        self.show_mine = QPushButton()
        self.show_unassigned = QPushButton()
        self.show_waiting = QPushButton()
        # Reports from devices no editor approved yet: never on the board, waiting here.
        self.show_unapproved = QPushButton()
        self._unapproved = 0
        self.quick = QButtonGroup(self)
        quick_row = QHBoxLayout()
        quick = (self.show_all, self.show_mine, self.show_unassigned, self.show_waiting)
        for button in (*quick, self.show_unapproved):
            button.setCheckable(True)
            self.quick.addButton(button)
            quick_row.addWidget(button)
        self.show_all.setChecked(True)
        quick_row.addStretch(1)
        self.quick.buttonClicked.connect(lambda _: self.changed.emit())
        self.tag.currentIndexChanged.connect(lambda _: self.changed.emit())
        self._tags_in_use: list[str] = []
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for widget in (self.since, self.until, self.sort):
            top.addWidget(widget)
        # Three to a row: five in one row cut the Burmese names short beside the review pane.
        narrowing = QGridLayout()
        combos = (self.gate, self.state, self.source, self.reliability, self.device, self.tag)
        for position, combo in enumerate(combos):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
            narrowing.addWidget(combo, position // 3, position % 3)
            combo.currentIndexChanged.connect(lambda _: self.changed.emit())
        for column in range(3):
            narrowing.setColumnStretch(column, 1)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addWidget(self.board_bar)
        rows.addLayout(top)
        rows.addLayout(quick_row)
        rows.addLayout(narrowing)
        self.sort.currentIndexChanged.connect(lambda _: self.changed.emit())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _: self._timer.start())
        self.search.returnPressed.connect(self._search_now)
        self._devices: list[tuple[str, str | None]] = []

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        # The minimum date stands for "no bound" and shows the special text instead.
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setDate(edit.minimumDate())
        edit.dateChanged.connect(lambda _: self.changed.emit())
        return edit

    def _search_now(self) -> None:
        self._timer.stop()
        self.changed.emit()

    def retranslate(self, language: str) -> None:
        self._language = language
        self.search.setPlaceholderText(self.tr("Search reports and crossings (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search reports"))
        for edit, text in (
            (self.since, self.tr("from any date")),
            (self.until, self.tr("to today")),
        ):
            edit.setSpecialValueText(text)
        self.since.setAccessibleName(self.tr("Observed from"))
        self.until.setAccessibleName(self.tr("Observed until"))
        self.show_all.setText(self.tr("All"))
        self.show_mine.setText(self.tr("Mine"))
        self.show_unassigned.setText(self.tr("Unassigned"))
        self.show_waiting.setText(self.tr("Waiting for an answer"))
        self.set_unapproved(self._unapproved)
        self.show_everything.setText(self.tr("Show all reports"))
        self._show_board_bar()
        self._fill()

    def set_unapproved(self, count: int) -> None:
        """How many reports wait for their device's approval (shown on their button)."""
        self._unapproved = count
        self.show_unapproved.setText(
            self.tr("From unapproved devices ({count})").format(count=count)
        )

    def show_reports(self, report_ids: Sequence[str]) -> None:
        """Only these reports (those behind a board flag), every other filter cleared."""
        self.reset()
        self._report_ids = frozenset(report_ids)
        self._show_board_bar()
        self.changed.emit()

    def _show_everything(self) -> None:
        self._report_ids = frozenset()
        self._show_board_bar()
        self.changed.emit()

    def _show_board_bar(self) -> None:
        count = len(self._report_ids)
        self.board_bar.setVisible(bool(count))
        self.from_board.setText(
            self.tr("Showing the %n report(s) behind a flag of the board.", "", count)
        )

    def set_devices(self, devices: Sequence[tuple[str, str | None]]) -> None:
        """The correspondents' devices the server listed (id, label)."""
        if list(devices) != self._devices:
            self._devices = list(devices)
            self._fill()

    def set_tags(self, tags: Sequence[str]) -> None:
        """The tags some report carries (offered beside the newsroom's)."""
        if list(tags) != self._tags_in_use:
            self._tags_in_use = list(tags)
            self._fill()

    def _fill(self) -> None:
        combos = (
            self.sort,
            self.gate,
            self.state,
            self.source,
            self.reliability,
            self.device,
            self.tag,
        )
        chosen = [combo.currentData() for combo in combos]
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        self.sort.addItem(self.tr("Newest first"), False)
        self.sort.addItem(self.tr("Oldest first"), True)
        self.gate.addItem(self.tr("All crossings"), None)
        for crossing in self._gazetteer.crossings:
            self.gate.addItem(crossing.name(self._language), crossing.id)
        self.state.addItem(self.tr("All review states"), None)
        for state in ReviewState:
            self.state.addItem(state_label(state), state.value)
        self.source.addItem(self.tr("All sources"), None)
        for category in SourceCategory:
            self.source.addItem(label(category), category.value)
        self.reliability.addItem(self.tr("Any reliability"), None)
        for grade in Reliability:
            self.reliability.addItem(label(grade), grade.value)
        self.device.addItem(self.tr("All correspondents"), None)
        for device_id, device_label in self._devices:
            self.device.addItem(device_label or device_id, device_id)
        self.tag.addItem(self.tr("Any tag"), None)
        newsroom = newsroom_tag_labels()
        for key, name in newsroom:
            self.tag.addItem(name, key)
        known = {key for key, _ in newsroom}
        for tag in self._tags_in_use:
            if tag not in known:
                self.tag.addItem(tag, tag)
        for combo, data in zip(combos, chosen, strict=True):
            combo.setCurrentIndex(max(0, combo.findData(data)))
            combo.blockSignals(False)
        names = (
            self.tr("Sort"),
            self.tr("Crossing"),
            self.tr("Review state"),
            self.tr("Source category"),
            self.tr("Source reliability"),
            self.tr("Correspondent"),
            self.tr("Tag"),
        )
        for combo, name in zip(combos, names, strict=True):
            combo.setAccessibleName(name)

    def _bound(self, edit: QDateEdit) -> date | None:
        picked = edit.date()
        return None if picked == edit.minimumDate() else date(*picked.getDate())

    def current(self) -> InboxFilter:
        def one(combo: QComboBox) -> frozenset[Any]:
            value = combo.currentData()
            return frozenset() if value is None else frozenset({value})

        return InboxFilter(
            gates=one(self.gate),
            states=frozenset(ReviewState(value) for value in one(self.state)),
            since=self._bound(self.since),
            until=self._bound(self.until),
            source_categories=one(self.source),
            reliabilities=one(self.reliability),
            devices=one(self.device),
            text=self.search.text(),
            oldest_first=bool(self.sort.currentData()),
            mine=self.show_mine.isChecked(),
            unassigned=self.show_unassigned.isChecked(),
            waiting_answer=self.show_waiting.isChecked(),
            unapproved=self.show_unapproved.isChecked(),
            tags=one(self.tag),
            report_ids=self._report_ids,
        )

    def reset(self) -> None:
        """Back to "everything" without firing `changed` (on lock)."""
        self._timer.stop()
        self._report_ids = frozenset()
        self._show_board_bar()
        widgets: list[QObject] = [self.search, self.since, self.until]
        widgets += [self.sort, self.gate, self.state, self.source, self.reliability, self.device]
        widgets += [self.tag, self.quick]
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for edit in (self.since, self.until):
            edit.setDate(edit.minimumDate())
        for combo in (self.sort, self.gate, self.state, self.source, self.reliability, self.tag):
            combo.setCurrentIndex(0)
        self.show_all.setChecked(True)
        self._devices = []
        self._tags_in_use = []
        self._fill()
        for widget in widgets:
            widget.blockSignals(False)


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

        Found = tuple[list[str], int, list[tuple[str, str | None]], list[str], int]

        def work(store: Any) -> Found:
            reviews = ReviewRepository(store, gazetteer.named)
            return (
                reviews.inbox_ids(where),
                reviews.report_count(),
                reviews.device_labels(),
                MarksRepository(store).tags_in_use(),
                DeviceTrustRepository(store).unapproved_count(),
            )

        def done(result: Found) -> None:
            if serial != self._serial:
                return  # an older query answered late
            ids, self._total, devices, tags, unapproved = result
            self.filters.set_unapproved(unapproved)
            self.filters.set_devices(devices)
            self.filters.set_tags(tags)
            # A selection of many (for a bulk action) outlives the list being asked again.
            kept = set(self.selected_ids()) if self._want is None else set()
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

    def report_changed(self, report_id: str) -> None:
        """A report's state changed: its row is fetched again, the list asked again."""
        self.model.invalidate([report_id])
        self.refresh()

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
            lambda store: ReviewRepository(store).inbox_rows(wanted), done, self.error.emit
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
