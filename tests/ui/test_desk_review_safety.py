"""Review moves an editor cannot make by accident: a double-click makes one move, publishing
asks first, and the last move can be taken back (with a new move, never by editing)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain.desk.review import ReviewState
from desktop.domain.desk.review_events import EventKind
from desktop.store.desk.review import ReviewRepository
from desktop.ui.window import GatewatchWindow
from tests.helpers.desk_ui import desk_window, make_desk_store, select, unlock_desk
from tests.helpers.dialogs import answer_message_box
from tests.ui.conftest import rescue_dialogs, run_job


def _click_at(window: GatewatchWindow, point: QPoint) -> None:
    """A click where the pointer is, delivered to whatever widget is there then."""
    handle = window.windowHandle()
    assert handle is not None
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def _moves(qtbot: QtBot, window: GatewatchWindow, report_id: str) -> list[tuple[str, str]]:
    """The report's moves as (from, to); a job on the worker, so it runs after any move
    a click may have sent before it."""
    events = run_job(qtbot, window.worker, lambda s: ReviewRepository(s).history(report_id))
    return [(str(e.from_state), str(e.to_state)) for e in events if e.kind is EventKind.MOVE]


def test_a_double_click_on_a_move_makes_one_move(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    ids = make_desk_store(tmp_path / "desk")
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        report_id = ids[0]
        select(qtbot, page, report_id)
        verified = page.review.move_buttons[ReviewState.VERIFIED]
        point = verified.mapTo(window, verified.rect().center())
        with rescue_dialogs():
            _click_at(window, point)
            # The move is stored and the pane shows the new state before the second
            # click of a slow double-click lands at the same place.
            qtbot.waitUntil(lambda: page.review.shown_state is ReviewState.VERIFIED, timeout=10_000)
            under = window.childAt(point)
            _click_at(window, point)
            QApplication.processEvents()
        assert _moves(qtbot, window, report_id) == [("new", "verified")]
        assert page.review.shown_state is ReviewState.VERIFIED
        # What lies under the pointer now is the grey button of the move just made.
        assert isinstance(under, QPushButton)
        assert under is verified
        assert not verified.isEnabled()
    finally:
        window.close()


def test_publishing_asks_what_it_means_and_can_be_cancelled(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    ids = make_desk_store(tmp_path / "desk")
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        report_id = ids[1]
        select(qtbot, page, report_id)
        page.review.move_buttons[ReviewState.VERIFIED].click()
        qtbot.waitUntil(lambda: page.review.shown_state is ReviewState.VERIFIED, timeout=10_000)
        seen: list[str] = []
        answer_message_box(qtbot, "Cancel", seen)
        with rescue_dialogs():
            page.review.move_buttons[ReviewState.PUBLISHED].click()
        assert "Publishing tells every editor of the newsroom" in seen[0]
        assert "undo it for 10 minutes" in seen[0]
        assert _moves(qtbot, window, report_id) == [("new", "verified")]

        answer_message_box(qtbot, "Publish", seen)
        with rescue_dialogs():
            page.review.move_buttons[ReviewState.PUBLISHED].click()
        qtbot.waitUntil(lambda: page.review.shown_state is ReviewState.PUBLISHED, timeout=10_000)
        assert _moves(qtbot, window, report_id) == [
            ("new", "verified"),
            ("verified", "published"),
        ]
    finally:
        window.close()


def test_the_last_move_is_undone_with_a_new_move(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    ids = make_desk_store(tmp_path / "desk", label="Night desk")
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        report_id = ids[2]
        select(qtbot, page, report_id)
        undo = page.review.undo_button
        assert undo.isHidden()  # nothing of this editor's to take back yet
        height = page.review.controls.sizeHint().height()
        page.review.move_buttons[ReviewState.NEEDS_FOLLOW_UP].click()
        qtbot.waitUntil(lambda: not undo.isHidden(), timeout=10_000)
        assert page.review.shown_state is ReviewState.NEEDS_FOLLOW_UP
        assert undo.text().replace("&", "") == "Undo my move (back to new)"
        assert page.review.controls.sizeHint().height() == height  # nothing moved
        undo.click()
        qtbot.waitUntil(lambda: page.review.shown_state is ReviewState.NEW, timeout=10_000)
        assert _moves(qtbot, window, report_id) == [
            ("new", "needs_follow_up"),
            ("needs_follow_up", "new"),
        ]
        history = page.review.browser.toPlainText()
        assert "Night desk moved it from needs follow-up to new" in history
        # The undo is itself this editor's last move: it offers to go forward again.
        qtbot.waitUntil(lambda: not undo.isHidden(), timeout=10_000)
        assert undo.text().replace("&", "") == "Undo my move (back to needs follow-up)"
    finally:
        window.close()
