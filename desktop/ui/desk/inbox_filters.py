"""The inbox's filters bar: search, dates, sort, the one-click views and the narrowing
combos; it builds the `InboxFilter` the inbox asks the store for, and says `changed`
(the search after a pause in typing)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.vocabulary import Reliability, SourceCategory
from desktop.services.desk.session import InboxFilter
from desktop.ui.desk.tags import newsroom_tag_labels
from desktop.ui.desk.text import state_label
from desktop.ui.labels import label

SEARCH_DELAY_MS = 300


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
