"""The board right after a first pull (nothing verified yet): the verified columns stay
unknown, the reported layer shows what the reports say with their independent sources, and
one click on it (or on a flag) lists exactly the reports behind it in the inbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.desk import connection as desk_connection
from desktop.services.desk import review as desk_review
from desktop.services.desk.demo import fill_demo_desk
from desktop.store.database import create_store
from desktop.ui.desk.board_view import COLUMNS, REPORTED_BACKGROUND, REPORTS_ROLE, BoardView
from desktop.ui.desk.page import DeskPage
from desktop.ui.myanmar_text import ZWSP
from tests.helpers.desk_ui import desk_window, shown_ids, unlock_desk
from tests.ui.conftest import PASSPHRASE


def text_of(board: BoardView, gate: str, column: str) -> str:
    for row in range(board.table.rowCount()):
        if board.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == gate:
            item = board.table.item(row, COLUMNS.index(column))
            return item.text().replace(ZWSP, "").replace(" \n", " ")
    raise AssertionError(gate)


def click_cell(qtbot: QtBot, board: BoardView, gate: str, column: str) -> None:
    for row in range(board.table.rowCount()):
        if board.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == gate:
            item = board.table.item(row, COLUMNS.index(column))
            board.table.scrollToItem(item)
            center = board.table.visualItemRect(item).center()
            qtbot.mouseClick(board.table.viewport(), Qt.MouseButton.LeftButton, pos=center)
            return
    raise AssertionError(gate)


def open_board(qtbot: QtBot, page: DeskPage) -> BoardView:
    page.tabs.setCurrentWidget(page.board)
    qtbot.waitUntil(lambda: page.board.board is not None, timeout=10_000)
    return page.board


def test_after_a_first_pull_the_board_shows_the_reported_layer_and_its_reports(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    with create_store(tmp_path / "desk", PASSPHRASE) as store:
        desk_connection.init_desk(store, "x25519")
        desk_review.set_desk_label(store, "Night desk")
        demo = fill_demo_desk(store, reviewed=False)
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        total = len(demo.ids)
        qtbot.waitUntil(lambda: page.inbox.model.rowCount() == total, timeout=10_000)
        board = open_board(qtbot, page)
        # Nothing is verified: the verified columns say so, the news is beside them.
        assert text_of(board, "laiza", "china") == "unknown"
        assert text_of(board, "laiza", "myanmar") == "unknown"
        assert text_of(board, "laiza", "reported").splitlines()[:2] == [
            "China side: open (1 source)",
            "Myanmar side: closed (2 sources)",  # two laptops agree
        ]
        assert text_of(board, "laiza", "flags") == ""
        row_item = board.table.item(0, COLUMNS.index("reported"))
        assert row_item.background().color().name() == REPORTED_BACKGROUND
        # One click lists the reports behind Laiza's reported changes, and only them.
        behind = {demo.ids["laiza_reopened"], demo.ids["laiza_kia_wire"]}
        behind |= {demo.ids["laiza_china_closed"], demo.ids["laiza_china_closed_again"]}
        click_cell(qtbot, board, "laiza", "reported")
        assert page.tabs.currentWidget() is page.inbox_tab
        qtbot.waitUntil(lambda: set(shown_ids(page)) <= behind and bool(shown_ids(page)))
        laiza = board.board.gates["laiza"] if board.board else None
        assert laiza is not None
        assert set(shown_ids(page)) == set(laiza.reported_report_ids)
        assert demo.ids["laiza_reopened"] in shown_ids(page)
        assert page.inbox.filters.board_bar.isVisible()
        assert page.inbox.current_id == shown_ids(page)[0]
        # Everything again in one click.
        page.inbox.filters.show_everything.click()
        qtbot.waitUntil(lambda: page.inbox.model.rowCount() == total, timeout=10_000)
        assert not page.inbox.filters.board_bar.isVisible()
    finally:
        window.close()


def test_a_conflict_flag_lists_both_reports_and_verified_status_holds(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    with create_store(tmp_path / "desk", PASSPHRASE) as store:
        desk_connection.init_desk(store, "x25519")
        desk_review.set_desk_label(store, "Night desk")
        demo = fill_demo_desk(store)
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        board = open_board(qtbot, page)
        # News beside a verified value never replaces it.
        assert text_of(board, "laiza", "china") == "closed"
        assert text_of(board, "laiza", "reported") == "China side: open (1 source)"
        item = board.table.item(0, COLUMNS.index("flags"))
        assert item.data(REPORTS_ROLE) is None  # Laiza has no flag
        click_cell(qtbot, board, "mai_ja_yang", "flags")
        conflict = {demo.ids["mai_ja_yang_closed"], demo.ids["mai_ja_yang_miners"]}
        qtbot.waitUntil(lambda: set(shown_ids(page)) == conflict, timeout=10_000)
    finally:
        window.close()


def test_a_quiet_gates_timeline_fits_its_range_to_the_gates_reports(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    with create_store(tmp_path / "desk", PASSPHRASE) as store:
        desk_connection.init_desk(store, "x25519")
        desk_review.set_desk_label(store, "Night desk")
        # Nothing about any crossing in the last 30 days: the story is 40 days old.
        demo = fill_demo_desk(store, datetime.now(UTC).replace(microsecond=0) - timedelta(40))
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        board = open_board(qtbot, page)
        board.open_timeline("laiza")
        timeline = board.timeline
        qtbot.waitUntil(lambda: timeline.canvas.timeline is not None, timeout=10_000)
        shown = timeline.canvas.timeline
        assert shown is not None
        assert shown.fitted
        assert (shown.end - shown.start).days == timeline.days == 30
        assert demo.ids["laiza_reopened"] in {tick.report_id for tick in shown.ticks}
        assert shown.end >= demo.now - timedelta(hours=3)  # its newest report is inside
        assert "newest report" in timeline.message.text()
        # A gate with no report at all keeps the period asked, and says it is empty.
        board.open_timeline("hpimaw")
        qtbot.waitUntil(
            lambda: (t := timeline.canvas.timeline) is not None and t.gate == "hpimaw",
            timeout=10_000,
        )
        assert timeline.canvas.timeline is not None
        assert not timeline.canvas.timeline.fitted
        assert timeline.message.text() == "No reports about this crossing in this period."
    finally:
        window.close()
