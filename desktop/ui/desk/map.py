"""The desk's offline map: the Myanmar–China border, a few towns, and each crossing colored
by its board status.

The geometry is bundled (resources/map/kachin_border.geojson, made once by
tools/make_map_geometry.py from Natural Earth); nothing is fetched. One scene builder serves
both the interactive `MapView` and `paint_map`, which draws the same map onto any painter
(the PDF briefing). The scene is built at the size it is shown, one unit a pixel, so marks
and text keep their size however large the view: a resize rebuilds it (a few hundred items).
Where each mark and name goes, names kept clear of one another, is map_layout's.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSizeF, Qt, Signal
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
from desktop.domain.desk.board_report import CHINA_SIDE, MYANMAR_SIDE
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.vocabulary import SideStatus
from desktop.ui.desk.map_layout import (
    MARKER_RADIUS,
    MapLayout,
    Projection,
    credit_text,
    geometry,
    layout_map,
    map_font,
    scale_text,
)
from desktop.ui.labels import label

__all__ = [
    "BORDER_COLOR",
    "CONFLICT_COLOR",
    "MYANMAR_LAND",
    "OVERALL_COLORS",
    "UNVERIFIED_COLOR",
    "GateMarker",
    "MapView",
    "build_map_scene",
    "legend_entries",
    "map_layout",
    "map_point",
    "paint_map",
    "value_color",
]

OVERALL_COLORS: dict[Overall, QColor] = {
    Overall.OPEN: QColor("#2e7d32"),
    Overall.RESTRICTED: QColor("#f59e0b"),
    Overall.CLOSED: QColor("#c62828"),
    Overall.UNKNOWN: QColor("#9e9e9e"),
}
CONFLICT_COLOR = QColor("#7b1fa2")
UNVERIFIED_COLOR = QColor("#1565c0")

# Any board value to the palette: sides, traffic, whose civilians may pass.
_VALUE_OVERALL = {
    "open": Overall.OPEN,
    "allowed": Overall.OPEN,
    "all": Overall.OPEN,
    "restricted": Overall.RESTRICTED,
    "chinese_citizens_only": Overall.RESTRICTED,
    "myanmar_citizens_only": Overall.RESTRICTED,
    "closed": Overall.CLOSED,
    "blocked": Overall.CLOSED,
}

MYANMAR_LAND = QColor("#f3eedf")
_LAND = {"104": MYANMAR_LAND, "156": QColor("#e6e9ee")}  # by ISO 3166 number
_OTHER_LAND = QColor("#ecece6")
_BACKGROUND = QColor("#dfe7ea")
BORDER_COLOR = QColor("#5d4037")
_TEXT = QColor("#212121")
_MARKER_RADIUS = MARKER_RADIUS
# Above this width (a printer's device pixels) the scene is built smaller and scaled up.
_LOGICAL_WIDTH = 900.0


def value_color(value: str | None) -> QColor:
    """The palette color of any board value (open/allowed green … unknown grey)."""
    return OVERALL_COLORS[_VALUE_OVERALL.get(value or "", Overall.UNKNOWN)]


def status_tooltip(crossing: Crossing, status: GateStatus | None, language: str) -> str:
    """The gate's name and both sides' status, with any flag, as plain lines."""
    china = status.side(CHINA_SIDE) if status else "unknown"
    myanmar = status.side(MYANMAR_SIDE) if status else "unknown"
    lines = [
        crossing.name(language),
        QCoreApplication.translate("DeskMap", "China side: %1").replace(
            "%1", label(SideStatus(china))
        ),
        QCoreApplication.translate("DeskMap", "Myanmar side: %1").replace(
            "%1", label(SideStatus(myanmar))
        ),
    ]
    if status is not None and status.has_conflict:
        lines.append(QCoreApplication.translate("DeskMap", "Conflicting verified reports"))
    if status is not None and status.has_unverified_change:
        lines.append(QCoreApplication.translate("DeskMap", "Reported change, unverified"))
    return "\n".join(lines)


class GateMarker(QGraphicsEllipseItem):
    """One crossing on the map; its brush is the status color."""

    def __init__(self, gate: str, overall: Overall, center: QPointF) -> None:
        r = _MARKER_RADIUS
        super().__init__(center.x() - r, center.y() - r, 2 * r, 2 * r)
        self.gate = gate
        self.overall = overall
        self.setBrush(QBrush(OVERALL_COLORS[overall]))
        self.setPen(QPen(QColor("white"), 2))
        self.setZValue(10)
        self.setCursor(Qt.CursorShape.PointingHandCursor)


def map_layout(
    board: Board, gazetteer: Gazetteer, language: str, size: QSizeF, *, legend: bool = True
) -> MapLayout:
    """The boxes `build_map_scene` draws every mark and text in, at `size`."""
    legend_size = _legend_rows(language)[1] if legend else None
    return layout_map(board, gazetteer, language, size, legend_size)


def build_map_scene(
    board: Board, gazetteer: Gazetteer, language: str, size: QSizeF, *, legend: bool = True
) -> QGraphicsScene:
    """A scene of `size` units holding the map, the gate markers and (unless `legend` is
    False: a page sets it beside the map) the legend."""
    layout = map_layout(board, gazetteer, language, size, legend=legend)
    scene = QGraphicsScene(0, 0, size.width(), size.height())
    scene.setBackgroundBrush(_BACKGROUND)
    project = Projection(size)
    shapes = geometry()
    for country_id, rings in shapes.countries:
        for ring in rings:
            polygon = QPolygonF([project(lon, lat) for lon, lat in ring])
            item = scene.addPolygon(
                polygon, QPen(Qt.PenStyle.NoPen), QBrush(_LAND.get(country_id, _OTHER_LAND))
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
        dot = scene.addRect(layout.town_dots[town_id], QPen(Qt.PenStyle.NoPen), _TEXT)
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
    text.setBrush(_TEXT)
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
    bar.setPen(QPen(_TEXT, 2))
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
    r = _MARKER_RADIUS
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
    name.setBrush(_TEXT)
    name.setPos(label_rect.topLeft())  # the marker sits at the scene's origin
    name.setZValue(11)


def legend_entries() -> list[tuple[str, QColor, str]]:
    """The legend's lines: text, color, and how its mark is drawn ("fill", "ring",
    "dashed" ring, "line")."""
    return [
        (label(SideStatus.OPEN), OVERALL_COLORS[Overall.OPEN], "fill"),
        (label(SideStatus.RESTRICTED), OVERALL_COLORS[Overall.RESTRICTED], "fill"),
        (label(SideStatus.CLOSED), OVERALL_COLORS[Overall.CLOSED], "fill"),
        (label(SideStatus.UNKNOWN), OVERALL_COLORS[Overall.UNKNOWN], "fill"),
        (
            QCoreApplication.translate("DeskMap", "Conflicting verified reports"),
            CONFLICT_COLOR,
            "ring",
        ),
        (
            QCoreApplication.translate("DeskMap", "Reported change, unverified"),
            UNVERIFIED_COLOR,
            "dashed",
        ),
        (QCoreApplication.translate("DeskMap", "Myanmar–China border"), BORDER_COLOR, "line"),
    ]


def _legend_rows(
    language: str,
) -> tuple[list[tuple[QGraphicsSimpleTextItem, QGraphicsItem]], QSizeF]:
    """The legend's lines (text, mark) laid out in its frame, and the frame's size."""
    font = map_font(language, 8)
    rows: list[tuple[QGraphicsSimpleTextItem, QGraphicsItem]] = []
    y = 8.0
    width = 0.0
    for text, color, kind in legend_entries():
        line = QGraphicsSimpleTextItem(text)
        line.setFont(font)
        line.setBrush(_TEXT)
        height = max(line.boundingRect().height(), 14.0)
        line.setPos(34, y + (height - line.boundingRect().height()) / 2)
        rows.append((line, _legend_mark(kind, color, QPointF(18, y + height / 2))))
        width = max(width, line.boundingRect().width())
        y += height + 3
    return rows, QSizeF(34 + width + 10, y + 5)


def _add_legend(scene: QGraphicsScene, language: str) -> None:
    rows, size = _legend_rows(language)
    frame = scene.addRect(
        QRectF(QPointF(), size), QPen(QColor("#9e9e9e")), QColor(255, 255, 255, 225)
    )
    frame.setZValue(20)
    frame.setPos(8, 8)
    frame.setData(0, "legend")
    for line, mark in rows:
        line.setParentItem(frame)
        mark.setParentItem(frame)


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


def _fit(target: QRectF, logical_width: float) -> tuple[float, QSizeF]:
    factor = max(1.0, target.width() / logical_width)
    return factor, QSizeF(target.width() / factor, target.height() / factor)


def map_point(
    target: QRectF, lon: float, lat: float, *, logical_width: float = _LOGICAL_WIDTH
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
    logical_width: float = _LOGICAL_WIDTH,
    legend: bool = True,
) -> None:
    """Paint the map of `board` into `target` on any painter (a widget, an image, a PDF).

    Gate names are in `language` ("en", "my", …; Burmese in Padauk when it is loaded);
    the legend follows the application's installed translation. Never raises for a gate
    missing from the board: it is drawn unknown. The scene is built `logical_width`
    units wide and scaled up to `target`: a smaller width sets text and marks larger.
    """
    _, size = _fit(target, logical_width)
    scene = build_map_scene(board, gazetteer, language, size, legend=legend)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, target, scene.sceneRect())
    painter.restore()


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
