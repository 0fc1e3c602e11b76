"""Where everything on the desk's map goes: the projection, the bundled geometry, and the
boxes of every mark and text, with labels placed so that none covers another.

Computed apart from painting so that the scene (`map`), the painted map (`map_paint`) and a
test read the same boxes.
All coordinates are scene units of a map `size` large, one unit a pixel.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSizeF
from PySide6.QtGui import QFont, QTextLayout

from desktop.domain.desk.board import Board
from desktop.domain.gazetteer import Gazetteer
from desktop.resources import resource_path
from desktop.ui import i18n

__all__ = [
    "MARKER_RADIUS",
    "MapLayout",
    "Placed",
    "Projection",
    "geometry",
    "layout_map",
    "map_font",
]

# The part of the bundled box the map shows: every crossing and town with a margin.
VIEW_BOX = (96.8, 23.75, 99.15, 26.45)  # west, south, east, north
MARKER_RADIUS = 8.0
_LABEL_LEFT = frozenset({"myitkyina", "bhamo"})
_KM_PER_DEGREE_LAT = 110.57
_SCALE_STEPS_KM = (5, 10, 20, 25, 50, 100)
_PAD = 2.0  # clear space kept around every label


@dataclass(frozen=True)
class Town:
    id: str
    names: dict[str, str]
    lon: float
    lat: float

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names["en"]


@dataclass(frozen=True)
class Geometry:
    countries: tuple[tuple[str, tuple[tuple[tuple[float, float], ...], ...]], ...]
    border: tuple[tuple[tuple[float, float], ...], ...]
    towns: tuple[Town, ...]


@functools.cache
def geometry() -> Geometry:
    data = json.loads(resource_path("map", "kachin_border.geojson").read_text("utf-8"))
    countries = []
    border: list[tuple[tuple[float, float], ...]] = []
    towns = []
    for feature in data["features"]:
        kind, shape = feature["properties"]["kind"], feature["geometry"]
        if kind == "country":
            rings = tuple(
                tuple((p[0], p[1]) for p in polygon[0]) for polygon in shape["coordinates"]
            )
            countries.append((str(feature["properties"]["id"]), rings))
        elif kind == "border":
            border.extend(tuple((p[0], p[1]) for p in line) for line in shape["coordinates"])
        elif kind == "town":
            lon, lat = shape["coordinates"]
            properties = feature["properties"]
            towns.append(Town(properties["id"], dict(properties["names"]), lon, lat))
    return Geometry(tuple(countries), tuple(border), tuple(towns))


class Projection:
    """Equirectangular with cos(latitude) for the x scale, fitted into a size."""

    def __init__(self, size: QSizeF) -> None:
        west, south, east, north = VIEW_BOX
        self._west, self._north = west, north
        self._kx = math.cos(math.radians((south + north) / 2))
        width, height = (east - west) * self._kx, north - south
        self.scale = min(size.width() / width, size.height() / height)
        self.dx = (size.width() - width * self.scale) / 2
        self.dy = (size.height() - height * self.scale) / 2

    def __call__(self, lon: float, lat: float) -> QPointF:
        return QPointF(
            self.dx + (lon - self._west) * self._kx * self.scale,
            self.dy + (self._north - lat) * self.scale,
        )


def map_font(language: str, point_size: float, bold: bool = False) -> QFont:
    font = QFont()
    switcher = i18n.LanguageSwitcher.current
    family = switcher.myanmar_family if switcher is not None else None
    if language == "my" and family:
        font.setFamilies([family, QFont().family()])
        point_size *= i18n.MYANMAR_SIZE_FACTOR
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def text_layout(text: str, font: QFont) -> tuple[QTextLayout, QSizeF]:
    """`text` laid out as a QGraphicsSimpleTextItem lays it out (its lines one under the
    other from the top left), and the box it is drawn in: the scene's own measure, so the
    painted map (`map_paint`) and the scene (`map`) put every text in the same place."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    layout.beginLayout()
    while layout.createLine().isValid():
        pass
    layout.endLayout()
    width = height = 0.0
    for index in range(layout.lineCount()):
        line = layout.lineAt(index)
        width = max(width, line.naturalTextWidth())
        line.setPosition(QPointF(0, height))
        height += line.height()
    return layout, QSizeF(width, height)


def text_size(text: str, font: QFont) -> QSizeF:
    """The box a QGraphicsSimpleTextItem draws `text` in."""
    return text_layout(text, font)[1]


def scale_text(km: int) -> str:
    return QCoreApplication.translate("DeskMap", "{km} km").format(km=km)


def credit_text() -> str:
    return QCoreApplication.translate("DeskMap", "Map data: Natural Earth (public domain)")


def _country_names() -> tuple[tuple[str, tuple[tuple[float, float], ...]], ...]:
    """Each country's name and, best first, where in the country it may go (lon, lat)."""
    return (
        (
            QCoreApplication.translate("DeskMap", "MYANMAR"),
            ((97.0, 24.05), (97.0, 24.5), (97.0, 25.0), (97.0, 25.5), (97.2, 26.1)),
        ),
        (
            QCoreApplication.translate("DeskMap", "CHINA"),
            ((98.75, 24.35), (98.8, 24.7), (98.9, 25.35), (98.95, 25.85), (98.45, 24.05)),
        ),
    )


@dataclass(frozen=True)
class Placed:
    """A text and the box it is drawn in."""

    text: str
    rect: QRectF


@dataclass(frozen=True)
class MapLayout:
    size: QSizeF
    markers: dict[str, QRectF]  # each crossing's marker with its rings
    gates: dict[str, Placed]  # crossing names
    towns: dict[str, Placed]
    town_dots: dict[str, QRectF]
    countries: tuple[Placed, ...]
    legend: QRectF | None
    scale: QRectF
    scale_km: int
    scale_length: float
    credit: QRectF

    def labels(self) -> list[QRectF]:
        """Every free-standing text's box: crossings, towns, countries."""
        return [p.rect for p in (*self.gates.values(), *self.towns.values(), *self.countries)]

    def boxes(self) -> list[QRectF]:
        """The framed boxes: legend, scale bar, credit."""
        return [b for b in (self.legend, self.scale, self.credit) if b is not None]


def _overlap(rect: QRectF, obstacles: Sequence[QRectF]) -> float:
    total = 0.0
    for other in obstacles:
        common = rect.intersected(other)
        total += max(common.width(), 0.0) * max(common.height(), 0.0)
    return total


def _inside(rect: QRectF, bounds: QRectF) -> QRectF:
    x = min(max(rect.x(), bounds.left()), bounds.right() - rect.width())
    y = min(max(rect.y(), bounds.top()), bounds.bottom() - rect.height())
    return QRectF(x, y, rect.width(), rect.height())


def place(candidates: Sequence[QRectF], obstacles: Sequence[QRectF], bounds: QRectF) -> QRectF:
    """The first candidate (moved inside `bounds`) that, with a little clear space around
    it, covers no obstacle; else the one covering least."""
    inside = [_inside(c, bounds) for c in candidates]
    padded = [c.adjusted(-_PAD, -_PAD, _PAD, _PAD) for c in inside]
    scores = [_overlap(p, obstacles) for p in padded]
    return inside[scores.index(min(scores))]


def _around(at: QPointF, size: QSizeF, gap: float, order: Sequence[str]) -> list[QRectF]:
    """Boxes of `size` beside the point `at`, `gap` clear of it, in `order`."""
    w, h, slant = size.width(), size.height(), gap * 0.7
    spots = {
        "right": QPointF(at.x() + gap, at.y() - h / 2),
        "left": QPointF(at.x() - gap - w, at.y() - h / 2),
        "above": QPointF(at.x() - w / 2, at.y() - gap - h),
        "below": QPointF(at.x() - w / 2, at.y() + gap),
        # Beside, but raised or lowered to slip between neighbours.
        "right high": QPointF(at.x() + gap, at.y() - h * 0.9),
        "right low": QPointF(at.x() + gap, at.y() - h * 0.1),
        "left high": QPointF(at.x() - gap - w, at.y() - h * 0.9),
        "left low": QPointF(at.x() - gap - w, at.y() - h * 0.1),
        "above right": QPointF(at.x() + slant, at.y() - slant - h),
        "below right": QPointF(at.x() + slant, at.y() + slant),
        "above left": QPointF(at.x() - slant - w, at.y() - slant - h),
        "below left": QPointF(at.x() - slant - w, at.y() + slant),
    }
    return [QRectF(spots[name], size) for name in order]


_SIDES = ("right high", "right low", "left high", "left low")
_CORNERS = ("above right", "below right", "above left", "below left")
_GATE_ORDER = ("right", "left", "above", "below", *_SIDES, *_CORNERS)
_TOWN_RIGHT = ("right", "left", "above", "below", *_SIDES, *_CORNERS)
_TOWN_LEFT = ("left", "right", "above", "below", *_SIDES[2:], *_SIDES[:2], *_CORNERS)


def marker_extent(board: Board, gate: str) -> float:
    """How far from a crossing's center its marker and rings reach."""
    status = board.gates.get(gate)
    r = MARKER_RADIUS
    extent = r + 1.0  # the white outline
    if status is not None and status.has_conflict:
        extent = r + 5.5
    if status is not None and status.has_unverified_change:
        extent = r + (9 if status.has_conflict else 4) + 1.0
    return extent


def layout_map(
    board: Board, gazetteer: Gazetteer, language: str, size: QSizeF, legend: QSizeF | None
) -> MapLayout:
    """Every box of the map of `size` (a `legend` of that size top left, or none).

    Crossing names are placed first (they matter most), then town names, then country
    names, each beside its mark where it covers nothing already placed."""
    project = Projection(size)
    bounds = QRectF(QPointF(0, 0), size).adjusted(_PAD, _PAD, -_PAD, -_PAD)
    legend_box = QRectF(QPointF(8, 8), legend) if legend is not None else None

    per_km = project.scale / _KM_PER_DEGREE_LAT  # scene units per kilometre
    km = max([k for k in _SCALE_STEPS_KM if k * per_km <= size.width() * 0.2], default=5)
    length = km * per_km
    text = text_size(scale_text(km), map_font(language, 8))
    scale_size = QSizeF(max(length, text.width()) + 16, text.height() + 18)
    scale = QRectF(QPointF(8, size.height() - scale_size.height() - 8), scale_size)
    text = text_size(credit_text(), map_font(language, 7))
    credit = QRectF(
        size.width() - text.width() - 16,
        size.height() - text.height() - 12,
        text.width() + 8,
        text.height() + 4,
    )

    markers: dict[str, QRectF] = {}
    for crossing in gazetteer:
        at, e = project(crossing.lon, crossing.lat), marker_extent(board, crossing.id)
        markers[crossing.id] = QRectF(at.x() - e, at.y() - e, 2 * e, 2 * e)
    town_dots = {}
    for town in geometry().towns:
        at = project(town.lon, town.lat)
        town_dots[town.id] = QRectF(at.x() - 2.5, at.y() - 2.5, 5, 5)
    obstacles = [*markers.values(), *town_dots.values(), scale, credit]
    if legend_box is not None:
        obstacles.append(legend_box)

    gates: dict[str, Placed] = {}
    gate_font = map_font(language, 9, bold=True)
    for crossing in gazetteer:
        name = crossing.name(language)
        box = markers[crossing.id]
        candidates = _around(
            box.center(), text_size(name, gate_font), box.width() / 2 + 4, _GATE_ORDER
        )
        rect = place(candidates, obstacles, bounds)
        gates[crossing.id] = Placed(name, rect)
        obstacles.append(rect)

    towns: dict[str, Placed] = {}
    town_font = map_font(language, 8)
    for town in geometry().towns:
        name = town.name(language)
        # Waingmaw sits just across the river from Myitkyina: their names go to either side.
        order = _TOWN_LEFT if town.id in _LABEL_LEFT else _TOWN_RIGHT
        at = town_dots[town.id].center()
        rect = place(_around(at, text_size(name, town_font), 5, order), obstacles, bounds)
        towns[town.id] = Placed(name, rect)
        obstacles.append(rect)

    countries = []
    country_font = map_font(language, 10, bold=True)
    for name, spots in _country_names():
        extent = text_size(name, country_font)
        candidates = [QRectF(project(lon, lat), extent) for lon, lat in spots]
        rect = place(candidates, obstacles, bounds)
        countries.append(Placed(name, rect))
        obstacles.append(rect)

    return MapLayout(
        size=size,
        markers=markers,
        gates=gates,
        towns=towns,
        town_dots=town_dots,
        countries=tuple(countries),
        legend=legend_box,
        scale=scale,
        scale_km=km,
        scale_length=length,
        credit=credit,
    )
