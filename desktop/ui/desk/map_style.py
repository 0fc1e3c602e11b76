"""How the desk's map looks, apart from any widget: the status palette, the gate tooltip, the
legend's lines and where they go, and the map's layout with its legend.

The scene of the interactive map (`map`) and the painted map of the PDF briefing
(`map_paint`) both draw from here, so they look alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QSizeF
from PySide6.QtGui import QColor

from desktop.domain.crossing import Crossing
from desktop.domain.desk.board import Board, GateStatus, Overall
from desktop.domain.desk.board_report import CHINA_SIDE, MYANMAR_SIDE
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.vocabulary import SideStatus
from desktop.ui.desk.map_layout import MapLayout, layout_map, map_font, text_size
from desktop.ui.labels import label

__all__ = [
    "BACKGROUND",
    "BORDER_COLOR",
    "CONFLICT_COLOR",
    "LAND_COLORS",
    "MYANMAR_LAND",
    "OTHER_LAND",
    "OVERALL_COLORS",
    "TEXT_COLOR",
    "UNVERIFIED_COLOR",
    "LegendRow",
    "legend_entries",
    "legend_rows",
    "map_layout",
    "status_tooltip",
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
LAND_COLORS = {"104": MYANMAR_LAND, "156": QColor("#e6e9ee")}  # by ISO 3166 number
OTHER_LAND = QColor("#ecece6")
BACKGROUND = QColor("#dfe7ea")
BORDER_COLOR = QColor("#5d4037")
TEXT_COLOR = QColor("#212121")


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


@dataclass(frozen=True)
class LegendRow:
    """One legend line in its frame: the text's top left and the centre of its mark."""

    text: str
    color: QColor
    kind: str  # as in legend_entries
    text_at: QPointF
    mark_at: QPointF


def legend_rows(language: str) -> tuple[list[LegendRow], QSizeF]:
    """The legend's lines laid out in its frame, and the frame's size."""
    font = map_font(language, 8)
    rows: list[LegendRow] = []
    y = 8.0
    width = 0.0
    for text, color, kind in legend_entries():
        box = text_size(text, font)
        height = max(box.height(), 14.0)
        text_at = QPointF(34, y + (height - box.height()) / 2)
        rows.append(LegendRow(text, color, kind, text_at, QPointF(18, y + height / 2)))
        width = max(width, box.width())
        y += height + 3
    return rows, QSizeF(34 + width + 10, y + 5)


def map_layout(
    board: Board, gazetteer: Gazetteer, language: str, size: QSizeF, *, legend: bool = True
) -> MapLayout:
    """The boxes the map draws every mark and text in, at `size`."""
    legend_size = legend_rows(language)[1] if legend else None
    return layout_map(board, gazetteer, language, size, legend_size)
