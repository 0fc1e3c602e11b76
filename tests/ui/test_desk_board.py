"""The Board tab on a real desk store holding the demo story (desktop/services/desk/demo.py):
table and map colors, the flags, clicking a gate opens its timeline, the timeline's bands
and ticks, what changed since a time, and Burmese."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.desk.board import Overall
from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import default_gazetteer
from desktop.services.desk import connection as desk_connection
from desktop.services.desk.demo import DemoDesk, fill_demo_desk
from desktop.store.database import Store, create_store
from desktop.ui.desk.board_view import COLUMNS, BoardView
from desktop.ui.desk.map_style import CONFLICT_COLOR, OVERALL_COLORS, UNVERIFIED_COLOR
from desktop.ui.desk.timeline import STATE_COLORS, TimelineCanvas
from desktop.ui.desk_clock import picker_time
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.labels import commodity_label
from desktop.ui.myanmar_text import ZWSP
from desktop.ui.worker import StoreWorker
from tests.helpers.stores import PASSPHRASE

LANGUAGE = {"now": "en"}  # what the view's language() answers
GREEN, AMBER, RED, GREY = (
    OVERALL_COLORS[o] for o in (Overall.OPEN, Overall.RESTRICTED, Overall.CLOSED, Overall.UNKNOWN)
)


@pytest.fixture
def demo_worker(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[StoreWorker, DemoDesk]]:
    worker = StoreWorker()
    demo: dict[str, DemoDesk] = {}

    def opener() -> Store:
        store = create_store(tmp_path / "desk", PASSPHRASE)
        desk_connection.init_desk(store, "x25519")
        demo["desk"] = fill_demo_desk(store)
        return store

    outcome: dict[str, Any] = {}
    worker.open(opener, lambda r: outcome.update(ok=r), lambda e: outcome.update(error=e))
    qtbot.waitUntil(lambda: bool(outcome), timeout=30_000)
    assert "error" not in outcome, outcome
    yield worker, demo["desk"]
    worker.shutdown()


@pytest.fixture
def view(qtbot: QtBot, demo_worker: tuple[StoreWorker, DemoDesk], qapp: QApplication) -> BoardView:
    worker, _ = demo_worker
    LANGUAGE["now"] = "en"
    # English as the app installs it at start: its plural forms ("1 source") come from it.
    assert (LanguageSwitcher.current or LanguageSwitcher(qapp)).switch("en")
    created = BoardView(worker, default_gazetteer(), lambda: LANGUAGE["now"])
    created.resize(1300, 800)
    qtbot.addWidget(created)
    created.show()
    qtbot.waitExposed(created)
    created.refresh()
    qtbot.waitUntil(lambda: created.board is not None, timeout=10_000)
    qtbot.waitUntil(lambda: created.changes is not None, timeout=10_000)
    return created


def row_of(view: BoardView, gate: str) -> int:
    for row in range(view.table.rowCount()):
        if view.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == gate:
            return row
    raise AssertionError(gate)


def cell(view: BoardView, gate: str, column: str) -> tuple[str, QColor]:
    item = view.table.item(row_of(view, gate), COLUMNS.index(column))
    # Long cells are pre-wrapped: a wrap keeps its space at the end of the line.
    return item.text().replace(ZWSP, "").replace(" \n", " "), item.background().color()


def test_table_colors_and_flags(view: BoardView) -> None:
    assert cell(view, "laiza", "china") == ("closed", RED)
    assert cell(view, "laiza", "myanmar") == ("closed", RED)
    assert cell(view, "mai_ja_yang", "china") == ("restricted", AMBER)
    assert cell(view, "mai_ja_yang", "myanmar") == ("open", GREEN)
    assert cell(view, "mai_ja_yang", "civilians") == ("Chinese citizens only", AMBER)
    assert cell(view, "lweje", "china") == ("open", GREEN)
    assert cell(view, "kanpaiti", "china") == ("unknown", GREY)  # its only report rejected
    assert cell(view, "hpimaw", "myanmar") == ("unknown", GREY)
    # The unverified report is a layer of its own beside the verified sides, not a flag.
    assert cell(view, "laiza", "reported")[0] == "China side: open (1 source)"
    assert cell(view, "laiza", "flags")[0] == ""
    assert "Conflict: China side restricted / closed" in cell(view, "mai_ja_yang", "flags")[0]
    # Each kind of traffic on its own line with its own sources and grade.
    assert cell(view, "laiza", "traffic")[0].splitlines() == [
        "Blocked: Cargo trucks (1 · B2)",
        "Blocked: Fuel and chemical imports (1 · B2)",
    ]
    # Laiza's sides: one source behind the Myanmar side (the KIA's wire), grades A and 2.
    # Each side its own count and grade: China's two sources (best A2), Myanmar's one (B2).
    assert cell(view, "laiza", "sources")[0] == "China side 2 · A2\nMyanmar side 1 · B2"


def marker_point(view: BoardView, gate: str) -> QPoint:
    marker = view.map.markers()[gate]
    return view.map.mapFromScene(marker.rect().center())


def test_map_markers_are_colored_and_flagged(view: BoardView) -> None:
    markers = view.map.markers()
    expected = {
        "laiza": RED,
        "mai_ja_yang": AMBER,
        "lweje": GREEN,
        "pang_war": RED,
        "kanpaiti": GREY,
        "hpimaw": GREY,
    }
    assert {gate: m.brush().color() for gate, m in markers.items()} == expected
    rings = {gate: {c.data(0) for c in m.childItems()} - {None} for gate, m in markers.items()}
    assert rings["laiza"] == {"unverified"}
    assert rings["mai_ja_yang"] == {"conflict"}
    assert rings["lweje"] == set()
    image = view.map.viewport().grab().toImage()
    for gate, color in expected.items():
        assert image.pixelColor(marker_point(view, gate)) == color, gate
    ring = marker_point(view, "mai_ja_yang") + QPoint(0, -12)  # on the conflict ring
    assert image.pixelColor(ring).name() in {CONFLICT_COLOR.name(), UNVERIFIED_COLOR.name()}


def test_clicking_a_map_gate_opens_its_timeline(
    qtbot: QtBot, view: BoardView, demo_worker: tuple[StoreWorker, DemoDesk]
) -> None:
    _, demo = demo_worker
    qtbot.mouseClick(
        view.map.viewport(), Qt.MouseButton.LeftButton, pos=marker_point(view, "laiza")
    )
    assert view.right.currentWidget() is view.timeline
    canvas = view.timeline.canvas
    qtbot.waitUntil(lambda: canvas.timeline is not None, timeout=10_000)
    assert canvas.timeline is not None
    assert canvas.timeline.gate == "laiza"
    image = canvas.grab().toImage()

    def band_color(index: int, hours_ago: float) -> QColor:
        x = canvas.x_of(demo.now - timedelta(hours=hours_ago))
        return image.pixelColor(int(x), int(canvas.band_top(index) + 3))  # above the text

    assert band_color(0, 100) == RED  # China side closed since five days ago
    assert band_color(1, 80) == GREEN  # Myanmar side open …
    assert band_color(1, 24) == RED  # … until the KIA's wire two days ago
    assert band_color(0, 24 * 20) == QColor("#eeeeee")  # nothing verified then
    tick = next(t for t in canvas.timeline.ticks if t.report_id == demo.ids["laiza_reopened"])
    assert tick.state is ReviewState.NEW
    tick_point = QPoint(int(canvas.x_of(tick.observed_at)), int(canvas.ticks_top() + 10))
    assert image.pixelColor(tick_point) == STATE_COLORS[ReviewState.NEW]
    with qtbot.waitSignal(view.report_requested) as opened:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=tick_point)
    assert opened.args == [demo.ids["laiza_reopened"]]
    view.timeline.back_button.click()
    assert view.right.currentWidget() is view.map


def test_table_click_and_range_buttons(qtbot: QtBot, view: BoardView) -> None:
    rect = view.table.visualItemRect(view.table.item(row_of(view, "pang_war"), 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.timeline.gate == "pang_war"
    qtbot.waitUntil(lambda: view.timeline.canvas.timeline is not None, timeout=10_000)
    view.timeline.range_buttons.button(7).click()
    qtbot.waitUntil(
        lambda: (t := view.timeline.canvas.timeline) is not None and (t.end - t.start).days == 7,
        timeout=10_000,
    )


def test_what_changed_since(
    qtbot: QtBot, view: BoardView, demo_worker: tuple[StoreWorker, DemoDesk]
) -> None:
    _, demo = demo_worker
    since = demo.now - timedelta(hours=14)
    view.changes = None
    view.since.setDateTime(picker_time(since))  # the picker shows the desk's zone
    qtbot.waitUntil(lambda: view.changes is not None, timeout=10_000)
    assert view.changes is not None
    assert {c.gate for c in view.changes} == {"pang_war", "lweje", "laiza"}
    texts = [view.changes_list.item(i).text() for i in range(view.changes_list.count())]
    assert any("Pang War: China side open → closed" in t for t in texts)
    assert any("Laiza: China side closed → open\n   Reported, unverified" in t for t in texts)
    assert [c.at for c in view.changes] == sorted(c.at for c in view.changes)
    view.since.setDateTime(picker_time(datetime.now().astimezone()))
    qtbot.waitUntil(lambda: view.changes == [], timeout=10_000)
    assert view.changes_list.item(0).text() == "No crossing changed since then."


def test_burmese_names_in_table_and_map(qtbot: QtBot, qapp: QApplication, view: BoardView) -> None:
    switcher = LanguageSwitcher.current or LanguageSwitcher(qapp)
    try:
        assert switcher.switch("my")
        LANGUAGE["now"] = "my"
        view.retranslate()
        assert cell(view, "laiza", "gate")[0] == "လိုင်ဇာ"
        assert view.table.horizontalHeaderItem(1).text() != "China side"
        assert "လိုင်ဇာ" in view.map.markers()["laiza"].toolTip()
    finally:
        LANGUAGE["now"] = "en"
        switcher.switch("en")


def test_a_price_line_names_its_commodity_in_the_interface_language(
    qtbot: QtBot, qapp: QApplication
) -> None:
    canvas = TimelineCanvas()
    qtbot.addWidget(canvas)
    switcher = LanguageSwitcher.current or LanguageSwitcher(qapp)
    try:
        assert switcher.switch("my")
        legend = canvas.price_legend(("diesel", "litre", "MMK"), 4000.0, 4500.0)
        assert "diesel" not in legend
        assert commodity_label("diesel") in legend
    finally:
        switcher.switch("en")
    assert canvas.price_legend(("diesel", "litre", "MMK"), 4000.0, 4500.0).startswith("diesel per")
