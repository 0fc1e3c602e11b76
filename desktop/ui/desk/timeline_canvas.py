"""A crossing's timeline painted: each side's status over time as colored bands (the map's
palette), every report as a tick colored by its review state (click to open it), reported
prices as a small line chart, and a date axis. It only paints what it is given
(`desk_board.gate_timeline`); `desktop.ui.desk.timeline` fetches it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.domain.desk.board_report import CHINA_SIDE, MYANMAR_SIDE
from desktop.domain.desk.board_timeline import Tick, Timeline
from desktop.domain.desk.review import ReviewState
from desktop.domain.vocabulary import PriceUnit, SideStatus
from desktop.ui.desk.map_style import value_color
from desktop.ui.desk.text import state_label
from desktop.ui.desk_clock import desk_time, in_zone
from desktop.ui.i18n import local_month_day
from desktop.ui.labels import commodity_label, label

STATE_COLORS: dict[ReviewState, QColor] = {
    ReviewState.NEW: QColor("#1565c0"),
    ReviewState.NEEDS_FOLLOW_UP: QColor("#ef6c00"),
    ReviewState.VERIFIED: QColor("#263238"),
    ReviewState.PUBLISHED: QColor("#00838f"),
    ReviewState.REJECTED: QColor("#bdbdbd"),
}
_LINE_COLORS = ("#6d4c41", "#1565c0", "#ad1457", "#00897b", "#5e35b1", "#827717")
TICK_STATES = (
    ReviewState.NEW,
    ReviewState.NEEDS_FOLLOW_UP,
    ReviewState.VERIFIED,
    ReviewState.PUBLISHED,
)
_BAND_HEIGHT = 24.0
_TICK_HEIGHT = 20.0
_AXIS_HEIGHT = 22.0
_CHART_HEIGHT = 120.0
_GAP = 6.0


@dataclass(frozen=True)
class _Layout:
    left: float
    right: float
    start: datetime
    end: datetime

    def x(self, moment: datetime) -> float:
        span = (self.end - self.start).total_seconds() or 1.0
        share = (moment - self.start).total_seconds() / span
        return self.left + (self.right - self.left) * min(max(share, 0.0), 1.0)


class TimelineCanvas(QWidget):
    """Paints one `Timeline`; `tick_clicked(report_id)` when a report tick is clicked."""

    tick_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline: Timeline | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(360)
        self._update_height()

    def set_timeline(self, timeline: Timeline | None) -> None:
        self.timeline = timeline
        self._update_height()
        self.update()

    def _update_height(self) -> None:
        rows = 2 * (_BAND_HEIGHT + _GAP) + _TICK_HEIGHT + _GAP + _AXIS_HEIGHT
        fm = QFontMetricsF(self.font())
        if self.timeline is not None and self.timeline.prices:
            rows += _CHART_HEIGHT + _GAP + len(self.timeline.prices) * (fm.height() + 2)
        self.setFixedHeight(int(rows + 2 * fm.height() + 12))

    def _row_titles(self) -> list[str]:
        return [
            self.tr("China side"),
            self.tr("Myanmar side"),
            self.tr("Reports"),
        ]

    def _layout(self) -> _Layout | None:
        if self.timeline is None:
            return None
        fm = QFontMetricsF(self.font())
        left = max(fm.horizontalAdvance(t) for t in self._row_titles()) + 16
        return _Layout(left, self.width() - 12.0, self.timeline.start, self.timeline.end)

    def band_top(self, index: int) -> float:
        return 6.0 + index * (_BAND_HEIGHT + _GAP)

    def ticks_top(self) -> float:
        return self.band_top(2)

    def x_of(self, moment: datetime) -> float:
        """Where `moment` is drawn (0 while no timeline is shown)."""
        layout = self._layout()
        return 0.0 if layout is None else layout.x(moment)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        layout = self._layout()
        if layout is None or self.timeline is None:
            painter.end()
            return
        fm = QFontMetricsF(self.font())
        titles = self._row_titles()
        for index, aspect in enumerate((CHINA_SIDE, MYANMAR_SIDE)):
            top = self.band_top(index)
            row = QRectF(layout.left, top, layout.right - layout.left, _BAND_HEIGHT)
            painter.fillRect(row, QColor("#eeeeee"))  # no verified value known
            for band in self.timeline.bands.get(aspect, ()):
                x0, x1 = layout.x(band.start), layout.x(band.end)
                painter.fillRect(
                    QRectF(x0, top, max(x1 - x0, 1.0), _BAND_HEIGHT), value_color(band.value)
                )
                text = label(SideStatus(band.value))
                if x1 - x0 > fm.horizontalAdvance(text) + 8:
                    painter.setPen(QColor("white"))
                    painter.drawText(
                        QRectF(x0, top, x1 - x0, _BAND_HEIGHT), Qt.AlignmentFlag.AlignCenter, text
                    )
            painter.setPen(QColor("#212121"))
            painter.drawText(
                QRectF(0, top, layout.left - 8, _BAND_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                titles[index],
            )
        top = self.ticks_top()
        painter.drawText(
            QRectF(0, top, layout.left - 8, _TICK_HEIGHT),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            titles[2],
        )
        for tick in self.timeline.ticks:
            x = layout.x(tick.observed_at)
            painter.setPen(QPen(STATE_COLORS[tick.state], 3))
            painter.drawLine(QPointF(x, top + 2), QPointF(x, top + _TICK_HEIGHT - 2))
        axis_top = top + _TICK_HEIGHT + _GAP
        self._paint_axis(painter, layout, axis_top)
        if self.timeline.prices:
            self._paint_prices(painter, layout, axis_top + _AXIS_HEIGHT + _GAP)
        painter.end()

    def _paint_axis(self, painter: QPainter, layout: _Layout, top: float) -> None:
        painter.setPen(QColor("#616161"))
        painter.drawLine(QPointF(layout.left, top), QPointF(layout.right, top))
        days = max((layout.end - layout.start).days, 1)
        step = max(1, round(days / 6))
        local_start = in_zone(layout.start)
        day = local_start.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(1)
        fm = QFontMetricsF(self.font())
        while day <= layout.end:
            x = layout.x(day)
            painter.drawLine(QPointF(x, top), QPointF(x, top + 4))
            text = local_month_day(day)
            width = fm.horizontalAdvance(text)
            if x - width / 2 >= layout.left - 4 and x + width / 2 <= self.width():
                painter.drawText(QPointF(x - width / 2, top + 4 + fm.ascent()), text)
            day += timedelta(step)

    def _paint_prices(self, painter: QPainter, layout: _Layout, top: float) -> None:
        assert self.timeline is not None
        fm = QFontMetricsF(self.font())
        painter.setPen(QColor("#212121"))
        painter.drawText(
            QRectF(0, top, layout.left - 8, fm.height()),
            Qt.AlignmentFlag.AlignRight,
            self.tr("Prices"),
        )
        chart = QRectF(layout.left, top, layout.right - layout.left, _CHART_HEIGHT)
        painter.setPen(QColor("#e0e0e0"))
        painter.drawRect(chart)
        legend_top = chart.bottom() + 4
        for index, (key, points) in enumerate(sorted(self.timeline.prices.items())):
            color = QColor(_LINE_COLORS[index % len(_LINE_COLORS)])
            amounts = [amount for _, amount in points]
            low, high = min(amounts), max(amounts)
            span = (high - low) or 1.0

            def y(amount: float, low: float = low, span: float = span) -> float:
                return chart.bottom() - 6 - (amount - low) / span * (chart.height() - 12)

            painter.setPen(QPen(color, 2))
            previous: QPointF | None = None
            for moment, amount in points:
                point = QPointF(layout.x(moment), y(amount))
                if previous is not None:
                    painter.drawLine(previous, point)
                painter.drawEllipse(point, 2.5, 2.5)
                previous = point
            text = self.price_legend(key, low, high)
            # The whole width, not just the chart's: a Burmese price line is long.
            line = QRectF(0, legend_top + index * (fm.height() + 2), layout.right, fm.height())
            painter.fillRect(QRectF(line.left(), line.center().y() - 1.5, 14, 3), color)
            painter.setPen(QColor("#212121"))
            painter.drawText(line.adjusted(20, 0, 0, 0), Qt.AlignmentFlag.AlignLeft, text)

    def tick_at(self, position: QPointF) -> Tick | None:
        layout = self._layout()
        if layout is None or self.timeline is None:
            return None
        top = self.ticks_top()
        if not top - 4 <= position.y() <= top + _TICK_HEIGHT + 4:
            return None
        nearest = min(
            self.timeline.ticks,
            key=lambda t: abs(layout.x(t.observed_at) - position.x()),
            default=None,
        )
        if nearest is None or abs(layout.x(nearest.observed_at) - position.x()) > 5:
            return None
        return nearest

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        tick = self.tick_at(event.position())
        if tick is not None and event.button() == Qt.MouseButton.LeftButton:
            self.tick_clicked.emit(tick.report_id)
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        tick = self.tick_at(event.position())
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if tick is not None else Qt.CursorShape.ArrowCursor
        )
        super().mouseMoveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tick = self.tick_at(QPointF(event.pos()))
            if tick is None:
                QToolTip.hideText()
            else:
                text = self.tr("%1, %2: click to open the report")
                text = text.replace("%1", desk_time(tick.observed_at, with_zone=True))
                QToolTip.showText(
                    event.globalPos(), text.replace("%2", state_label(tick.state)), self
                )
            return True
        return super().event(event)

    def price_legend(self, key: tuple[str, str, str], low: float, high: float) -> str:
        """One price line's legend: commodity (translated), unit, currency and range."""
        commodity, unit, currency = key
        text = self.tr("%1 per %2 (%3): %4 to %5").replace("%1", commodity_label(commodity))
        text = text.replace("%2", _unit(unit)).replace("%3", currency)
        text = text.replace("%4", QLocale().toString(low, "f", 0))
        return text.replace("%5", QLocale().toString(high, "f", 0))


def _unit(unit: str) -> str:
    try:
        return label(PriceUnit(unit))
    except ValueError:
        return unit
