"""The desk's map painted straight onto any painter (an image, the PDF briefing), without a
scene or any widget: what `map.build_map_scene` holds, drawn in the same order with the same
pens, brushes and text layout, so the page shows what the Board tab shows.

Only QtGui is needed: the command line renders a briefing with a QGuiApplication.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from desktop.domain.crossing import Crossing
from desktop.domain.desk.board import Board, GateStatus, Overall
from desktop.domain.gazetteer import Gazetteer
from desktop.ui.desk.map_layout import (
    MARKER_RADIUS,
    MapLayout,
    Projection,
    credit_text,
    geometry,
    map_font,
    scale_text,
    text_layout,
)
from desktop.ui.desk.map_style import (
    BACKGROUND,
    BORDER_COLOR,
    CONFLICT_COLOR,
    LAND_COLORS,
    OTHER_LAND,
    OVERALL_COLORS,
    TEXT_COLOR,
    UNVERIFIED_COLOR,
    legend_rows,
    map_layout,
)

__all__ = ["LOGICAL_WIDTH", "draw_map", "map_point", "paint_map"]

LOGICAL_WIDTH = 900.0
"""Above this width (a printer's device pixels) the map is laid out smaller and scaled up."""

_NO_PEN = QPen(Qt.PenStyle.NoPen)
_NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)


def _fit(target: QRectF, logical_width: float) -> tuple[float, QSizeF]:
    factor = max(1.0, target.width() / logical_width)
    return factor, QSizeF(target.width() / factor, target.height() / factor)


def map_point(
    target: QRectF, lon: float, lat: float, *, logical_width: float = LOGICAL_WIDTH
) -> QPointF:
    """Where `paint_map` into `target` draws the place at `lon`, `lat`."""
    factor, size = _fit(target, logical_width)
    point = Projection(size)(lon, lat)
    return QPointF(target.x() + point.x() * factor, target.y() + point.y() * factor)


def paint_map(
    painter: QPainter,
    target: QRectF,
    board: Board,
    gazetteer: Gazetteer,
    language: str,
    *,
    logical_width: float = LOGICAL_WIDTH,
    legend: bool = True,
) -> None:
    """Paint the map of `board` into `target` on any painter (a widget, an image, a PDF).

    Gate names are in `language` ("en", "my", …; Burmese in Padauk when it is loaded);
    the legend follows the application's installed translation. Never raises for a gate
    missing from the board: it is drawn unknown. The map is laid out `logical_width`
    units wide and scaled up to `target`: a smaller width sets text and marks larger.
    """
    _, size = _fit(target, logical_width)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # As QGraphicsScene.render maps a scene of `size` into `target`.
    ratio = min(target.width() / size.width(), target.height() / size.height())
    painter.setClipRect(target, Qt.ClipOperation.IntersectClip)
    transform = QTransform().translate(target.left(), target.top()).scale(ratio, ratio)
    painter.setWorldTransform(transform.translate(-0.0, -0.0), True)
    draw_map(painter, board, gazetteer, language, size, legend=legend)
    painter.restore()


def draw_map(
    painter: QPainter,
    board: Board,
    gazetteer: Gazetteer,
    language: str,
    size: QSizeF,
    *,
    legend: bool = True,
) -> None:
    """The map of `size` units in the painter's coordinates, from its origin: land, border,
    country and town names, the crossings, then the legend, scale bar and credit on top
    (the scene's stacking order)."""
    layout = map_layout(board, gazetteer, language, size, legend=legend)
    painter.save()
    painter.setBrushOrigin(0, 0)
    painter.fillRect(QRectF(QPointF(), size), QBrush(BACKGROUND))
    painter.restore()
    project = Projection(size)
    shapes = geometry()
    for country_id, rings in shapes.countries:
        brush = QBrush(LAND_COLORS.get(country_id, OTHER_LAND))
        for ring in rings:
            with _item(painter, _NO_PEN, brush) as p:
                p.drawPolygon(QPolygonF([project(lon, lat) for lon, lat in ring]))
    border_pen = QPen(BORDER_COLOR, 1.6, Qt.PenStyle.DashLine)
    border_pen.setCosmetic(True)
    for line in shapes.border:
        path = QPainterPath(project(*line[0]))
        for lon, lat in line[1:]:
            path.lineTo(project(lon, lat))
        with _item(painter, border_pen, _NO_BRUSH) as p:
            p.drawPath(path)
    font = map_font(language, 10, bold=True)
    for country in layout.countries:
        _text(painter, country.text, font, QColor("#8d8d8d"), country.rect.topLeft())
    font = map_font(language, 8)
    for town_id, town in layout.towns.items():
        with _item(painter, _NO_PEN, QBrush(TEXT_COLOR)) as p:
            p.drawRect(layout.town_dots[town_id])
        _text(painter, town.text, font, QColor("#424242"), town.rect.topLeft())
    for crossing in gazetteer:
        at = project(crossing.lon, crossing.lat)
        status = board.gates.get(crossing.id)
        _gate(painter, at, crossing, status, language, layout.gates[crossing.id].rect)
    if legend:
        _legend(painter, language)
    _scale_bar(painter, layout, language)
    _credit(painter, layout, language)


@contextlib.contextmanager
def _item(
    painter: QPainter, pen: QPen, brush: QBrush, at: QPointF | None = None
) -> Iterator[QPainter]:
    """The painter as a scene item of that pen and brush at `at` paints with."""
    painter.save()
    if at is not None:
        painter.translate(at)
    painter.setPen(pen)
    painter.setBrush(brush)
    try:
        yield painter
    finally:
        painter.restore()


def _text(painter: QPainter, text: str, font: QFont, color: QColor, at: QPointF) -> None:
    """`text` as a QGraphicsSimpleTextItem at `at` paints it (a solid brush, no outline)."""
    layout, _ = text_layout(text, font)
    pen = QPen()
    pen.setBrush(QBrush(color))
    with _item(painter, pen, _NO_BRUSH, at) as p:
        p.setFont(font)
        layout.draw(p, QPointF(0, 0))


def _gate(
    painter: QPainter,
    at: QPointF,
    crossing: Crossing,
    status: GateStatus | None,
    language: str,
    label_rect: QRectF,
) -> None:
    overall = status.overall if status is not None else Overall.UNKNOWN
    r = MARKER_RADIUS
    with _item(painter, QPen(QColor("white"), 2), QBrush(OVERALL_COLORS[overall])) as p:
        p.drawEllipse(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r))
    if status is not None and status.has_conflict:
        with _item(painter, QPen(CONFLICT_COLOR, 3), _NO_BRUSH) as p:
            p.drawEllipse(QRectF(at.x() - r - 4, at.y() - r - 4, 2 * r + 8, 2 * r + 8))
    if status is not None and status.has_unverified_change:
        grow = 9 if status.has_conflict else 4
        pen = QPen(UNVERIFIED_COLOR, 2, Qt.PenStyle.DashLine)
        with _item(painter, pen, _NO_BRUSH) as p:
            p.drawEllipse(
                QRectF(at.x() - r - grow, at.y() - r - grow, 2 * (r + grow), 2 * (r + grow))
            )
    name_font = map_font(language, 9, bold=True)
    _text(painter, crossing.name(language), name_font, TEXT_COLOR, label_rect.topLeft())


def _legend(painter: QPainter, language: str) -> None:
    rows, size = legend_rows(language)
    frame = QPointF(8, 8)
    with _item(painter, QPen(QColor("#9e9e9e")), QBrush(QColor(255, 255, 255, 225)), frame) as p:
        p.drawRect(QRectF(QPointF(), size))
    font = map_font(language, 8)
    for row in rows:
        _text(painter, row.text, font, TEXT_COLOR, frame + row.text_at)
        at = row.mark_at
        if row.kind == "line":
            path = QPainterPath(QPointF(at.x() - 10, at.y()))
            path.lineTo(at.x() + 10, at.y())
            pen = QPen(row.color, 1.6, Qt.PenStyle.DashLine)
            with _item(painter, pen, _NO_BRUSH, frame) as p:
                p.drawPath(path)
            continue
        r = 6.0
        if row.kind == "fill":
            pen, brush = QPen(QColor("white"), 1), QBrush(row.color)
        else:
            style = Qt.PenStyle.DashLine if row.kind == "dashed" else Qt.PenStyle.SolidLine
            pen, brush = QPen(row.color, 2.5, style), _NO_BRUSH
        with _item(painter, pen, brush, frame) as p:
            p.drawEllipse(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r))


def _scale_bar(painter: QPainter, layout: MapLayout, language: str) -> None:
    """A bar of a round number of kilometres, bottom left (see `map._add_scale_bar`)."""
    box, length = layout.scale, layout.scale_length
    frame = box.topLeft()
    with _item(painter, _NO_PEN, QBrush(QColor(255, 255, 255, 215)), frame) as p:
        p.drawRect(QRectF(QPointF(), box.size()))
    path = QPainterPath(QPointF(8, 6))
    path.lineTo(8, 12)
    path.lineTo(8 + length, 12)
    path.lineTo(8 + length, 6)
    with _item(painter, QPen(TEXT_COLOR, 2), _NO_BRUSH, frame) as p:
        p.drawPath(path)
    _text(
        painter,
        scale_text(layout.scale_km),
        map_font(language, 8),
        TEXT_COLOR,
        frame + QPointF(8, 14),
    )


def _credit(painter: QPainter, layout: MapLayout, language: str) -> None:
    frame = layout.credit.topLeft()
    with _item(painter, _NO_PEN, QBrush(QColor(255, 255, 255, 215)), frame) as p:
        p.drawRect(QRectF(QPointF(), layout.credit.size()))
    font = map_font(language, 7)
    _text(painter, credit_text(), font, QColor("#424242"), frame + QPointF(4, 2))
