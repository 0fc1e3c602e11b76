"""The desk's offline map as a scene: the Myanmar–China border, a few towns, and each
crossing colored by its board status, in the interactive `MapView`.

The geometry is bundled (resources/map/kachin_border.geojson, made once by
tools/make_map_geometry.py from Natural Earth); nothing is fetched. The scene is built at the
size it is shown, one unit a pixel, so marks and text keep their size however large the view:
a resize rebuilds it (a few hundred items). Where each mark and name goes is map_layout's; the
palette and the legend are map_style's; the PDF briefing paints the same map without a scene
(`map_paint`).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

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
    status_tooltip,
)

__all__ = ["GateMarker", "MapView", "build_map_scene"]


class GateMarker(QGraphicsEllipseItem):
    """One crossing on the map; its brush is the status color."""

    def __init__(self, gate: str, overall: Overall, center: QPointF) -> None:
        r = MARKER_RADIUS
        super().__init__(center.x() - r, center.y() - r, 2 * r, 2 * r)
        self.gate = gate
        self.overall = overall
        self.setBrush(QBrush(OVERALL_COLORS[overall]))
        self.setPen(QPen(QColor("white"), 2))
        self.setZValue(10)
        self.setCursor(Qt.CursorShape.PointingHandCursor)


def build_map_scene(
    board: Board, gazetteer: Gazetteer, language: str, size: QSizeF, *, legend: bool = True
) -> QGraphicsScene:
    """A scene of `size` units holding the map, the gate markers and (unless `legend` is
    False: a page sets it beside the map) the legend."""
    layout = map_layout(board, gazetteer, language, size, legend=legend)
    scene = QGraphicsScene(0, 0, size.width(), size.height())
    scene.setBackgroundBrush(BACKGROUND)
    project = Projection(size)
    shapes = geometry()
    for country_id, rings in shapes.countries:
        for ring in rings:
            polygon = QPolygonF([project(lon, lat) for lon, lat in ring])
            item = scene.addPolygon(
                polygon, QPen(Qt.PenStyle.NoPen), QBrush(LAND_COLORS.get(country_id, OTHER_LAND))
            )
            item.setZValue(0)
    border_pen = QPen(BORDER_COLOR, 1.6, Qt.PenStyle.DashLine)
    border_pen.setCosmetic(True)
    for line in shapes.border:
        path = QPainterPath(project(*line[0]))
        for lon, lat in line[1:]:
            path.lineTo(project(lon, lat))
        scene.addPath(path, border_pen).setZValue(1)
    font = map_font(language, 10, bold=True)
    for country in layout.countries:
        name = scene.addSimpleText(country.text, font)
        name.setBrush(QColor("#8d8d8d"))
        name.setPos(country.rect.topLeft())
        name.setZValue(2)
    font = map_font(language, 8)
    for town_id, town in layout.towns.items():
        dot = scene.addRect(layout.town_dots[town_id], QPen(Qt.PenStyle.NoPen), TEXT_COLOR)
        dot.setZValue(3)
        text = scene.addSimpleText(town.text, font)
        text.setBrush(QColor("#424242"))
        text.setPos(town.rect.topLeft())
        text.setZValue(3)
    for crossing in gazetteer:
        status = board.gates.get(crossing.id)
        at = project(crossing.lon, crossing.lat)
        _add_gate(scene, at, crossing, status, language, layout.gates[crossing.id].rect)
    if legend:
        _add_legend(scene, language)
    _add_scale_bar(scene, layout, language)
    _add_credit(scene, layout, language)
    return scene


def _add_scale_bar(scene: QGraphicsScene, layout: MapLayout, language: str) -> None:
    """A bar of a round number of kilometres, about a fifth of the width, bottom left
    (true at the map's middle latitude; the projection keeps x and y scales equal there)."""
    box, length = layout.scale, layout.scale_length
    text = QGraphicsSimpleTextItem(scale_text(layout.scale_km))
    text.setFont(map_font(language, 8))
    text.setBrush(TEXT_COLOR)
    frame = scene.addRect(
        QRectF(QPointF(), box.size()), QPen(Qt.PenStyle.NoPen), QColor(255, 255, 255, 215)
    )
    frame.setPos(box.topLeft())
    frame.setZValue(20)
    frame.setData(0, "scale")
    path = QPainterPath(QPointF(8, 6))
    path.lineTo(8, 12)
    path.lineTo(8 + length, 12)
    path.lineTo(8 + length, 6)
    bar = QGraphicsPathItem(path, frame)
    bar.setPen(QPen(TEXT_COLOR, 2))
    text.setParentItem(frame)
    text.setPos(8, 14)


def _add_credit(scene: QGraphicsScene, layout: MapLayout, language: str) -> None:
    text = QGraphicsSimpleTextItem(credit_text())
    text.setFont(map_font(language, 7))
    text.setBrush(QColor("#424242"))
    frame = scene.addRect(
        QRectF(QPointF(), layout.credit.size()),
        QPen(Qt.PenStyle.NoPen),
        QColor(255, 255, 255, 215),
    )
    frame.setPos(layout.credit.topLeft())
    frame.setZValue(20)
    frame.setData(0, "credit")
    text.setParentItem(frame)
    text.setPos(4, 2)


def _add_gate(
    scene: QGraphicsScene,
    at: QPointF,
    crossing: Crossing,
    status: GateStatus | None,
    language: str,
    label_rect: QRectF,
) -> None:
    overall = status.overall if status is not None else Overall.UNKNOWN
    marker = GateMarker(crossing.id, overall, at)
    marker.setToolTip(status_tooltip(crossing, status, language))
    scene.addItem(marker)
    r = MARKER_RADIUS
    if status is not None and status.has_conflict:
        ring = QGraphicsEllipseItem(at.x() - r - 4, at.y() - r - 4, 2 * r + 8, 2 * r + 8, marker)
        ring.setPen(QPen(CONFLICT_COLOR, 3))
        ring.setData(0, "conflict")
    if status is not None and status.has_unverified_change:
        grow = 9 if status.has_conflict else 4
        ring = QGraphicsEllipseItem(
            at.x() - r - grow, at.y() - r - grow, 2 * (r + grow), 2 * (r + grow), marker
        )
        ring.setPen(QPen(UNVERIFIED_COLOR, 2, Qt.PenStyle.DashLine))
        ring.setData(0, "unverified")
    name = QGraphicsSimpleTextItem(crossing.name(language), marker)
    name.setFont(map_font(language, 9, bold=True))
    name.setBrush(TEXT_COLOR)
    name.setPos(label_rect.topLeft())  # the marker sits at the scene's origin
    name.setZValue(11)


def _add_legend(scene: QGraphicsScene, language: str) -> None:
    rows, size = legend_rows(language)
    frame = scene.addRect(
        QRectF(QPointF(), size), QPen(QColor("#9e9e9e")), QColor(255, 255, 255, 225)
    )
    frame.setZValue(20)
    frame.setPos(8, 8)
    frame.setData(0, "legend")
    font = map_font(language, 8)
    for row in rows:
        line = QGraphicsSimpleTextItem(row.text, frame)
        line.setFont(font)
        line.setBrush(TEXT_COLOR)
        line.setPos(row.text_at)
        _legend_mark(row.kind, row.color, row.mark_at).setParentItem(frame)


def _legend_mark(kind: str, color: QColor, at: QPointF) -> QGraphicsItem:
    if kind == "line":
        return _line_item(at, color)
    r = 6.0
    mark = QGraphicsEllipseItem(at.x() - r, at.y() - r, 2 * r, 2 * r)
    if kind == "fill":
        mark.setBrush(color)
        mark.setPen(QPen(QColor("white"), 1))
    else:
        style = Qt.PenStyle.DashLine if kind == "dashed" else Qt.PenStyle.SolidLine
        mark.setPen(QPen(color, 2.5, style))
    return mark


def _line_item(at: QPointF, color: QColor) -> QGraphicsItem:
    path = QPainterPath(QPointF(at.x() - 10, at.y()))
    path.lineTo(at.x() + 10, at.y())
    item = QGraphicsPathItem(path)
    item.setPen(QPen(color, 1.6, Qt.PenStyle.DashLine))
    return item


class MapView(QGraphicsView):
    """The interactive map; click a crossing for its timeline (`gate_clicked`)."""

    gate_clicked = Signal(str)

    def __init__(self, gazetteer: Gazetteer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gazetteer = gazetteer
        self._board = Board()
        self._language = "en"
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumSize(280, 300)
        self.setScene(QGraphicsScene(self))
        self._rebuild()

    def set_board(self, board: Board, language: str) -> None:
        self._board = board
        self._language = language
        self._rebuild()

    def markers(self) -> dict[str, GateMarker]:
        scene = self.scene()
        return {i.gate: i for i in scene.items() if isinstance(i, GateMarker)}

    def _rebuild(self) -> None:
        size = QSizeF(max(self.viewport().width(), 100), max(self.viewport().height(), 100))
        old = self.scene()
        scene = build_map_scene(self._board, self._gazetteer, self._language, size)
        scene.setParent(self)
        self.setScene(scene)
        self.setSceneRect(scene.sceneRect())
        if old is not None:
            old.deleteLater()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rebuild()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, GateMarker):
            item = item.parentItem()
        if isinstance(item, GateMarker) and event.button() == Qt.MouseButton.LeftButton:
            self.gate_clicked.emit(item.gate)
        super().mouseReleaseEvent(event)
