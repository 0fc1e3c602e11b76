"""The map the PDF briefing paints without a scene (`map_paint`) is the Board tab's scene
(`map.build_map_scene`), pixel for pixel: in English and Burmese, with its flags, its legend
or without, at the briefing's and the Board tab's sizes, and scaled up as on a page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.domain.desk.board import Board
from desktop.domain.gazetteer import default_gazetteer
from desktop.ui.desk.map import build_map_scene
from desktop.ui.desk.map_paint import paint_map
from tests.helpers.maps import SIZES, flagged_board, language

__all__ = ["language"]  # a fixture


def image(size: QSizeF) -> QImage:
    picture = QImage(int(size.width()) + 20, int(size.height()) + 20, QImage.Format.Format_ARGB32)
    picture.fill(QColor("white"))
    return picture


@pytest.mark.parametrize("board", [Board(), flagged_board()], ids=["unknown", "flagged"])
@pytest.mark.parametrize(("size", "legend"), SIZES, ids=["pdf", "pdf-short", "board", "wide"])
@pytest.mark.parametrize("scale", [1.0, 1.75], ids=["one-to-one", "scaled"])
def test_the_painted_map_is_the_scene(
    language: str, board: Board, size: QSizeF, legend: bool, scale: float
) -> None:
    gazetteer = default_gazetteer()
    target = QRectF(7.5, 9.25, size.width() * scale, size.height() * scale)
    from_scene, painted = (
        image(target.size() + QSizeF(10, 10)),
        image(target.size() + QSizeF(10, 10)),
    )
    painter = QPainter(from_scene)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene = build_map_scene(board, gazetteer, language, size, legend=legend)
    scene.render(painter, target, scene.sceneRect())
    painter.end()
    painter = QPainter(painted)
    paint_map(
        painter, target, board, gazetteer, language, logical_width=size.width(), legend=legend
    )
    painter.end()
    assert painted == from_scene
