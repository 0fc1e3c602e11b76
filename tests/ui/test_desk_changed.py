"""The desk's views refresh themselves on `StoreWorker.changed`: a move made in the review
pane reaches the inbox, the board, the attention list and the timeline with no page wiring
them together (the views stand alone here, on one worker, as they would on any page)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.desk.board import Board
from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import default_gazetteer
from desktop.services.changes import Changes
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import review as desk_review
from desktop.services.desk.bulk import BulkAction, BulkKind
from desktop.services.desk.session import DeskSession
from desktop.store.database import Store, create_store
from desktop.ui.desk.attention import AttentionView
from desktop.ui.desk.board_view import BoardView
from desktop.ui.desk.inbox import DeskInbox
from desktop.ui.desk.review_pane import ReviewPane
from desktop.ui.worker import StoreWorker
from tests.helpers.desk_stores import fill_desk

PASSPHRASE = "a long test passphrase"
GAZETTEER = default_gazetteer()


@pytest.fixture
def desk_worker(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[StoreWorker, list[str]]]:
    worker = StoreWorker()
    ids: list[str] = []

    def opener() -> Store:
        store = create_store(tmp_path / "desk", PASSPHRASE)
        desk_connection.init_desk(store, "x25519")
        desk_review.set_desk_label(store, "Night desk")
        ids.extend(fill_desk(store))
        return store

    outcome: dict[str, Any] = {}
    worker.open(opener, lambda r: outcome.update(ok=r), lambda e: outcome.update(error=e))
    qtbot.waitUntil(lambda: bool(outcome), timeout=30_000)
    assert "error" not in outcome, outcome
    yield worker, ids
    worker.shutdown()


def based_on(board: Board | None, report_id: str) -> bool:
    """Whether some status on `board` rests on `report_id` (a verified report)."""
    return board is not None and any(
        aspect.basis is not None and aspect.basis.report_id == report_id
        for status in board.gates.values()
        for aspect in status.aspects.values()
    )


def test_a_move_in_the_review_pane_refreshes_the_other_views_through_changed(
    qtbot: QtBot, qapp: QApplication, desk_worker: tuple[StoreWorker, list[str]]
) -> None:
    worker, ids = desk_worker
    report = ids[0]
    language = lambda: "en"  # noqa: E731
    inbox = DeskInbox(worker, GAZETTEER, language)
    board = BoardView(worker, GAZETTEER, language)
    attention = AttentionView(worker, GAZETTEER, language)
    pane = ReviewPane(worker, GAZETTEER, language)
    window = QWidget()
    row = QHBoxLayout(window)
    for view in (inbox, board, attention, pane):
        row.addWidget(view)
    qtbot.addWidget(window)
    window.resize(1600, 700)
    window.show()
    qtbot.waitExposed(window)

    inbox.refresh()
    board.refresh()
    attention.refresh()
    qtbot.waitUntil(lambda: inbox.model.cached(report) is not None, timeout=10_000)
    qtbot.waitUntil(lambda: board.board is not None, timeout=10_000)
    qtbot.waitUntil(lambda: attention.count == len(ids), timeout=10_000)
    row_before = inbox.model.cached(report)
    assert row_before is not None
    assert row_before.state is ReviewState.NEW
    assert not based_on(board.board, report)  # nothing verified yet
    board.open_timeline(row_before.gate or "")
    qtbot.waitUntil(lambda: board.timeline.canvas.timeline is not None, timeout=10_000)

    inbox.select_report(report)  # the report under review is the one chosen in the list
    qtbot.waitUntil(lambda: inbox.current_id == report, timeout=10_000)
    pane.show_report(report)
    qtbot.waitUntil(lambda: pane.shown_state is ReviewState.NEW, timeout=10_000)
    with qtbot.waitSignal(worker.changed, timeout=10_000) as heard:
        pane.move_buttons[ReviewState.VERIFIED].click()
    assert heard.args == [Changes(review=True)]

    def inbox_row_verified() -> bool:
        row = inbox.model.cached(report)
        return row is not None and row.state is ReviewState.VERIFIED

    qtbot.waitUntil(inbox_row_verified, timeout=10_000)
    qtbot.waitUntil(lambda: based_on(board.board, report), timeout=10_000)
    qtbot.waitUntil(lambda: attention.count == len(ids) - 1, timeout=10_000)
    qtbot.waitUntil(lambda: pane.shown_state is ReviewState.VERIFIED, timeout=10_000)

    def tick_verified() -> bool:
        timeline = board.timeline.canvas.timeline
        return timeline is not None and any(
            tick.report_id == report and tick.state is ReviewState.VERIFIED
            for tick in timeline.ticks
        )

    qtbot.waitUntil(tick_verified, timeout=10_000)


def test_rows_out_of_sight_are_not_shown_stale_after_a_change(
    qtbot: QtBot, qapp: QApplication, desk_worker: tuple[StoreWorker, list[str]]
) -> None:
    # Only the rows in sight are read again with the list; the others are forgotten and
    # fetched when they come into sight, never shown as they were before the change.
    worker, ids = desk_worker
    inbox = DeskInbox(worker, GAZETTEER, lambda: "en")
    qtbot.addWidget(inbox)
    inbox.resize(900, 320)
    inbox.show()
    qtbot.waitExposed(inbox)
    inbox.refresh()
    qtbot.waitUntil(lambda: inbox.model.rowCount() == len(ids), timeout=10_000)
    last = inbox.model.report_id(len(ids) - 1)
    assert last is not None
    qtbot.waitUntil(lambda: inbox.model.cached(last) is not None, timeout=10_000)
    assert inbox.table.rowAt(inbox.table.viewport().height() - 1) < len(ids) - 1  # not in sight

    done: list[object] = []
    move = BulkAction(BulkKind.MOVE, ReviewState.VERIFIED.value)
    with qtbot.waitSignal(worker.changed, timeout=10_000):
        worker.command(lambda s: DeskSession(s).bulk(ids, move), done.append, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)

    def last_row_verified() -> bool:
        row = inbox.model.cached(last)
        return row is not None and row.state is ReviewState.VERIFIED

    inbox.table.scrollToBottom()
    qtbot.waitUntil(last_row_verified, timeout=10_000)
