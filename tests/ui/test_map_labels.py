"""The crossings map keeps every name clear of the others, of the markers and of its framed
boxes (legend, scale bar, credit), in English and in Burmese, at the sizes the PDF briefing
and the desk's Board tab draw it."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from desktop.domain.desk.board import Board
from desktop.domain.gazetteer import default_gazetteer
from desktop.ui.desk.map import GateMarker, build_map_scene
from desktop.ui.desk.map_style import map_layout
from tests.helpers.maps import SIZES, flagged_board, language

__all__ = ["language"]  # a fixture

FRAMES = {"legend", "scale", "credit"}
TOWN_Z = 3


def drawn(scene: QGraphicsScene) -> tuple[list[QRectF], dict[str, QRectF], list[QRectF]]:
    """The scene's free-standing names, its framed boxes and its marks (crossings' markers
    and rings, towns' dots), as drawn."""
    labels: list[QRectF] = []
    frames: dict[str, QRectF] = {}
    markers: list[QRectF] = []
    for item in scene.items():
        top = item.topLevelItem()
        if top.data(0) in FRAMES:
            if item is top:
                frames[top.data(0)] = item.sceneBoundingRect()
        elif isinstance(item, QGraphicsSimpleTextItem):
            labels.append(item.sceneBoundingRect())
        elif isinstance(item, QGraphicsRectItem) and item.zValue() == TOWN_Z:  # a town's dot
            markers.append(item.sceneBoundingRect())
        elif isinstance(item, GateMarker):
            markers.append(item.rect())
            markers.extend(c.sceneBoundingRect() for c in item.childItems() if c.data(0))
    return labels, frames, markers


@pytest.mark.parametrize("board", [Board(), flagged_board()], ids=["unknown", "flagged"])
@pytest.mark.parametrize(("size", "legend"), SIZES, ids=["pdf", "pdf-short", "board", "wide"])
def test_no_map_name_covers_another_or_a_box(
    language: str, board: Board, size: QSizeF, legend: bool
) -> None:
    gazetteer = default_gazetteer()
    scene = build_map_scene(board, gazetteer, language, size, legend=legend)
    labels, frames, markers = drawn(scene)
    layout = map_layout(board, gazetteer, language, size, legend=legend)
    # The layout is what is painted: every crossing, town and country name.
    assert sorted(map(str, labels)) == sorted(map(str, layout.labels()))
    assert len(labels) == len(gazetteer) + len(layout.towns) + 2
    assert frames["credit"] == layout.credit
    assert frames["scale"] == layout.scale
    assert set(frames) == (FRAMES if legend else FRAMES - {"legend"})
    for a, b in itertools.combinations(labels, 2):
        assert not a.intersects(b), (a, b)
    for rect in labels:
        assert scene.sceneRect().contains(rect), rect
        for box in [*frames.values(), *markers]:
            assert not rect.intersects(box), (rect, box)
    # The crossings' names in the layout are their names in this language.
    assert {g: p.text for g, p in layout.gates.items()} == {
        c.id: c.name(language) for c in gazetteer
    }
