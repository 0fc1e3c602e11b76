"""The briefing map's legend, set in lines under the map at the text's size (the map on
screen carries it inside)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QPainter, QPen

from desktop.ui.desk.map_style import legend_entries

__all__ = ["paint_legend"]


def paint_legend(
    painter: QPainter,
    device: QPaintDevice,
    font: QFont,
    origin: QPointF,
    width: float,
    *,
    draw: bool = True,
) -> float:
    """Lay the legend's entries in rows from `origin`, at most `width` wide; draw them
    unless `draw` is False; return the height they take."""
    metrics = QFontMetricsF(font, device)
    line = metrics.height()
    mark = metrics.ascent() * 0.9  # the mark's diameter
    gap = metrics.horizontalAdvance("M") * 1.6
    x, y = 0.0, 0.0
    if draw:
        painter.save()
        painter.setFont(font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for text, color, kind in legend_entries():
        entry = mark * 1.8 + metrics.horizontalAdvance(text)
        if x > 0 and x + entry > width:
            x, y = 0.0, y + line * 1.25
        if draw:
            center = QPointF(origin.x() + x + mark / 2, origin.y() + y + line / 2)
            _mark(painter, kind, color, center, mark)
            painter.setPen(QColor("#212121"))
            box = QRectF(origin.x() + x + mark * 1.8, origin.y() + y, entry, line)
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
            )
        x += entry + gap
    if draw:
        painter.restore()
    return y + line


def _mark(painter: QPainter, kind: str, color: QColor, center: QPointF, size: float) -> None:
    r = size / 2
    if kind == "line":
        pen = QPen(color, size / 6, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(
            QPointF(center.x() - r * 1.4, center.y()), QPointF(center.x() + r, center.y())
        )
        return
    if kind == "fill":
        painter.setPen(QPen(QColor("white"), size / 12))
        painter.setBrush(color)
    else:
        style = Qt.PenStyle.DashLine if kind == "dashed" else Qt.PenStyle.SolidLine
        painter.setPen(QPen(color, size / 5, style))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(center, r, r)
