"""The crossings map keeps every name clear of the others, of the markers and of its framed
boxes (legend, scale bar, credit), in English and in Burmese, at the sizes the PDF briefing
and the desk's Board tab draw it."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from desktop.domain.desk.board import AspectStatus, Board, Evidence, GateStatus
from desktop.domain.desk.board_report import SIDES
from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import default_gazetteer
from desktop.ui.desk.map import GateMarker, build_map_scene, map_layout
from desktop.ui.desk.pdf import MAP_LOGICAL_WIDTH
from desktop.ui.i18n import LanguageSwitcher

# (size, legend): the briefing's map at its tallest and as short as a full first page
# leaves it (page-wide, 620 units), and the Board tab's at 1366×768 and larger.
SIZES = [
    (QSizeF(MAP_LOGICAL_WIDTH, 483.5), False),
    (QSizeF(MAP_LOGICAL_WIDTH, 242.0), False),
    (QSizeF(440, 545), True),
    (QSizeF(760, 600), True),
]
FRAMES = {"legend", "scale", "credit"}
TOWN_Z = 3


def flagged_board() -> Board:
    """The demo desk's flags: Mai Ja Yang in conflict, Laiza with an unverified change
    (their rings make the markers larger)."""
    seen = Evidence("r1", "closed", datetime(2024, 11, 1, tzinfo=UTC), ReviewState.VERIFIED)
    other = Evidence("r2", "open", datetime(2024, 11, 2, tzinfo=UTC), ReviewState.VERIFIED)
    conflict = {s: AspectStatus(s, "open", seen, conflict=(seen, other)) for s in SIDES}
    unverified = {s: AspectStatus(s, "closed", seen, unverified_change=other) for s in SIDES}
    return Board(
        {
            "mai_ja_yang": GateStatus("mai_ja_yang", conflict),
            "laiza": GateStatus("laiza", unverified),
        }
    )


@pytest.fixture(params=["en", "my"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    switcher = LanguageSwitcher.current or LanguageSwitcher(qapp)
    assert switcher.switch(request.param)
    if request.param == "my":
        assert switcher.myanmar_family  # the names measured in Padauk, as printed
    yield request.param
    switcher.switch("en")


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
