"""One crossing's timeline: each side's status over time as colored bands (the map's
palette), every report as a tick colored by its review state (click to open it), reported
prices as a small line chart, a date axis, and a 7 / 30 / 90-day range.

The data is `desk_board.gate_timeline`, fetched on the store worker; the canvas
(`desktop.ui.desk.timeline_canvas`) only paints. It is fetched again when a command changed
what the board derives from (`StoreWorker.changed`), while the timeline shows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QShowEvent,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.desk.board_timeline import Timeline
from desktop.domain.gazetteer import Gazetteer
from desktop.services.changes import Changes
from desktop.services.desk import board as desk_board
from desktop.ui.desk.text import state_label
from desktop.ui.desk.timeline_canvas import STATE_COLORS, TICK_STATES, TimelineCanvas
from desktop.ui.desk_clock import desk_time
from desktop.ui.errors import user_message
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel

__all__ = ["RANGES", "STATE_COLORS", "GateTimeline", "TimelineCanvas"]

RANGES = (7, 30, 90)


class GateTimeline(QWidget):
    """A crossing's timeline with its range buttons; `back` returns to the map."""

    report_requested = Signal(str)
    back = Signal()

    def __init__(
        self,
        worker: StoreWorker,
        gazetteer: Gazetteer,
        language: Callable[[], str],
        parent: QWidget | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._gazetteer = gazetteer
        self._language = language
        self._now = now
        self.gate: str | None = None
        self.days = 30
        self._request = 0
        self._stale = False  # changed since it last asked, while hidden
        self.title = WrapLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back)
        self.range_buttons = QButtonGroup(self)
        # The title has a line of its own: beside the buttons, a narrow pane broke
        # "Timeline: Pang War" into three lines.
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        for days in RANGES:
            button = QPushButton()
            button.setCheckable(True)
            button.setChecked(days == self.days)
            self.range_buttons.addButton(button, days)
            top.addWidget(button)
        self.range_buttons.idClicked.connect(self._choose_range)
        self.canvas = TimelineCanvas()
        self.canvas.tick_clicked.connect(self.report_requested)
        self.message = WrapLabel()
        # One short label per state: Qt would break a long Burmese line inside a syllable.
        self.legend = WrapLabel()
        self.chips = {state: QLabel() for state in TICK_STATES}
        # Two to a row: four in one row set the pane's width in a long-worded language.
        chips = QGridLayout()
        for index, chip in enumerate(self.chips.values()):
            chip.setTextFormat(Qt.TextFormat.RichText)
            chips.addWidget(chip, index // 2, index % 2)
        chips.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.canvas)
        layout.addWidget(self.legend)
        layout.addLayout(chips)
        layout.addWidget(self.message)
        layout.addStretch(1)
        worker.changed.connect(self._changed)
        self.retranslate()

    def show_gate(self, gate: str) -> None:
        self.gate = gate
        self.canvas.set_timeline(None)
        self.retranslate()
        self.reload()

    def reload(self) -> None:
        """Fetch the gate's timeline for the chosen range (a newer request wins)."""
        if self.gate is None:
            return
        self._stale = False
        self._request += 1
        request, gate = self._request, self.gate
        end = self._now()
        start = end - timedelta(days=self.days)
        self.message.setText(self.tr("Loading…"))
        self._worker.submit(
            lambda store: desk_board.gate_timeline(store, gate, start, end, fit=True),
            lambda timeline: self._loaded(request, timeline),
            lambda error: self._failed(request, error),
        )

    def _changed(self, changes: Changes) -> None:
        # Its bands and ticks derive from what the board does; read again only while shown.
        if changes.board and self.gate is not None:
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _loaded(self, request: int, timeline: Timeline) -> None:
        if request != self._request:
            return
        self.canvas.set_timeline(timeline)
        if timeline.fitted:
            text = self.tr(
                "No reports about this crossing in the last %n day(s): shown up to its "
                "newest report, %1.",
                "",
                self.days,
            )
            newest = max(tick.observed_at for tick in timeline.ticks)
            self.message.setText(text.replace("%1", desk_time(newest, with_zone=True)))
        elif not timeline.ticks:
            self.message.setText(self.tr("No reports about this crossing in this period."))
        else:
            self.message.setText("")

    def _failed(self, request: int, error: BaseException) -> None:
        if request == self._request:
            self.message.setText(user_message(error))

    def _choose_range(self, days: int) -> None:
        self.days = days
        self.reload()

    def retranslate(self) -> None:
        crossing = self._gazetteer.get(self.gate) if self.gate else None
        name = crossing.name(self._language()) if crossing else ""
        self.title.setText(self.tr("Timeline: %1").replace("%1", name))
        self.back_button.setText(self.tr("← Map"))
        texts = {7: self.tr("7 days"), 30: self.tr("30 days"), 90: self.tr("90 days")}
        for days, text in texts.items():
            self.range_buttons.button(days).setText(text)
        for state, chip in self.chips.items():
            color = STATE_COLORS[state].name()
            chip.setText(f'<span style="color:{color}"><b>┃</b></span> {state_label(state)}')
        self.legend.setText(self.tr("Report ticks by review state:"))
        self.canvas.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
