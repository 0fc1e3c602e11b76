"""The inbox at a newsroom's pace: a 400-report backlog triaged with the keyboard only,
the help overlay in both languages, bulk actions through the bar, and the one-click
"mine", "unassigned" and "waiting for an answer" views."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.desk.review import ReviewState
from desktop.services.desk import assign as desk_assign
from desktop.services.desk import review as desk_review
from desktop.services.desk.bulk import BulkAction, BulkKind
from desktop.store.database import Store
from desktop.store.desk.marks import MarksRepository
from desktop.store.desk.review import ReviewRepository
from desktop.ui.desk.page import DeskPage
from desktop.ui.window import GatewatchWindow
from tests.helpers.desk_ui import desk_window, make_desk_store, shown_ids, unlock_desk
from tests.ui.conftest import run_job

BACKLOG = 400


def open_desk(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, extra: int
) -> tuple[GatewatchWindow, DeskPage, list[str]]:
    make_desk_store(tmp_path / "desk", extra=extra, label="Night desk")
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    page = unlock_desk(qtbot, window)
    qtbot.waitUntil(lambda: page.inbox.model.rowCount() > 0)
    page.inbox.table.setFocus()
    qtbot.waitUntil(lambda: page.inbox.table.hasFocus())
    return window, page, shown_ids(page)


def test_a_400_report_backlog_is_triaged_with_the_keyboard_only(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    window, page, _ = open_desk(qtbot, qapp, tmp_path, extra=BACKLOG)
    try:
        table = page.inbox.table
        listed = shown_ids(page)
        ids = listed[:BACKLOG]
        assert len(ids) == BACKLOG
        plan = {rid: "VFR"[n % 3] for n, rid in enumerate(ids)}
        qtbot.keyClick(table, Qt.Key.Key_J)
        for n, report_id in enumerate(ids):
            assert page.inbox.current_id == report_id
            if n % 50 == 0:  # assign to me, then tag, before the move
                qtbot.keyClick(table, Qt.Key.Key_M)
                qtbot.waitUntil(lambda: not page.bulk.running, timeout=10_000)
                qtbot.keyClick(table, Qt.Key.Key_T)
                assert page.triage.tag_prompt.hasFocus()
                qtbot.keyClicks(page.triage.tag_prompt, "Fu")  # completed inline
                qtbot.keyClick(page.triage.tag_prompt, Qt.Key.Key_Return)
                qtbot.waitUntil(lambda: not page.bulk.running, timeout=10_000)
                assert table.hasFocus()
            qtbot.keyClick(table, getattr(Qt.Key, f"Key_{plan[report_id]}"))
            # Each move goes on to the next report once the list is asked again; after
            # the last, that is the report listed after it (none after: the one before).
            following = listed[n + 1] if n + 1 < len(listed) else ids[-2]
            qtbot.waitUntil(lambda f=following: page.inbox.current_id == f, timeout=10_000)
        # K goes back, Enter opens the report in the pane, Esc comes back to the list.
        qtbot.waitUntil(lambda: not page.bulk.running, timeout=10_000)
        qtbot.keyClick(table, Qt.Key.Key_K)
        assert page.inbox.current_id == listed[listed.index(following) - 1]
        qtbot.keyClick(table, Qt.Key.Key_Return)
        assert page.review.browser.hasFocus()
        qtbot.keyClick(page.review.browser, Qt.Key.Key_Escape)
        assert table.hasFocus()

        def outcome(store: Store) -> tuple[Counter[ReviewState], int, int]:
            reviews, marks = ReviewRepository(store), MarksRepository(store)
            states = Counter(reviews.state(rid) or ReviewState.NEW for rid in ids)
            mine = sum(1 for a in marks.assignments(ids).values() if a.assignee_label)
            tagged = sum(1 for tags in marks.tags_of(ids).values() if tags == ["fuel"])
            return states, mine, tagged

        states, mine, tagged = run_job(qtbot, window.worker, outcome)
        expected = Counter({"V": 0, "F": 0, "R": 0} | Counter(plan.values()))
        assert states == {
            ReviewState.VERIFIED: expected["V"],
            ReviewState.NEEDS_FOLLOW_UP: expected["F"],
            ReviewState.REJECTED: expected["R"],
        }
        assert mine == tagged == BACKLOG // 50
    finally:
        window.close()


def test_no_key_publishes_and_the_help_lists_the_keys_in_both_languages(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    window, page, ids = open_desk(qtbot, qapp, tmp_path, extra=0)
    try:
        table = page.inbox.table
        qtbot.keyClick(table, Qt.Key.Key_J)
        qtbot.keyClick(table, Qt.Key.Key_V)
        qtbot.waitUntil(lambda: page.inbox.current_id == ids[1], timeout=10_000)
        qtbot.keyClick(table, Qt.Key.Key_K)
        for key in "PUVABCDEGHILNQSWXYZ0123456789":  # V again: verified cannot go to verified
            qtbot.keyClick(table, key)
        qtbot.waitUntil(lambda: not page.bulk.running, timeout=10_000)
        states = run_job(
            qtbot, window.worker, lambda s: [ReviewRepository(s).state(i) for i in ids]
        )
        assert states == [ReviewState.VERIFIED] + [ReviewState.NEW] * (len(ids) - 1)
        assert "refused" in page.bulk.summary.text()

        qtbot.keyClick(table, Qt.Key.Key_F1)
        assert page.triage.help.isVisible()
        english = page.triage.help.text.text()
        assert "Move to verified" in english
        assert "No key publishes" in english
        qtbot.keyClick(page.triage.help, Qt.Key.Key_Escape)
        assert not page.triage.help.isVisible()
        assert table.hasFocus()

        window.languages.switch("my")
        qtbot.keyClick(table, Qt.Key.Key_F1)
        burmese = page.triage.help.text.text()
        assert "Move to verified" not in burmese
        assert "No key publishes" not in burmese
        qtbot.keyClick(page.triage.help, Qt.Key.Key_F1)
        assert not page.triage.help.isVisible()
        window.languages.switch("en")
    finally:
        window.close()


def test_bulk_actions_from_the_bar_and_the_one_click_views(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    window, page, ids = open_desk(qtbot, qapp, tmp_path, extra=0)
    try:
        table = page.inbox.table
        run_job(qtbot, window.worker, lambda s: desk_assign.take(s, ids[0]))
        page.inbox.refresh()
        qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        assert page.inbox.selected_ids() == shown_ids(page)
        assert page.bulk.actions_box.isVisible()
        assert page.bulk.count.text() == f"{len(ids)} selected"
        page.bulk.run(BulkAction(BulkKind.MOVE, ReviewState.REJECTED.value))
        qtbot.waitUntil(lambda: not page.bulk.running, timeout=10_000)
        assert page.bulk.summary.text() == f"Done for {len(ids)} of {len(ids)} reports."
        page.bulk.run(BulkAction(BulkKind.MOVE, ReviewState.REJECTED.value))
        qtbot.waitUntil(lambda: not page.bulk.running, timeout=10_000)
        assert page.bulk.summary.text() == (
            f"Done for 0 of {len(ids)} reports.\n{len(ids)} refused: the review rules do not "
            "allow that move from the state they are in."
        )
        page.bulk.text.setText("Smuggled jade")
        page.bulk.free_tag_button.click()
        qtbot.waitUntil(lambda: not page.bulk.running, timeout=10_000)
        assert page.bulk.text.text() == ""

        # One click: mine, unassigned; the tag filter offers the free tag now in use.
        page.inbox.filters.show_mine.click()
        qtbot.waitUntil(lambda: shown_ids(page) == [ids[0]], timeout=10_000)
        page.inbox.filters.show_unassigned.click()
        qtbot.waitUntil(lambda: len(shown_ids(page)) == len(ids) - 1, timeout=10_000)
        page.inbox.filters.show_waiting.click()
        qtbot.waitUntil(lambda: shown_ids(page) == [], timeout=10_000)
        page.inbox.filters.show_all.click()
        tags = page.inbox.filters.tag
        qtbot.waitUntil(lambda: tags.findData("smuggled jade") >= 0, timeout=10_000)
        tags.setCurrentIndex(tags.findData("smuggled jade"))
        qtbot.waitUntil(lambda: len(shown_ids(page)) == len(ids), timeout=10_000)
        qtbot.waitUntil(lambda: page.inbox.model.cached(ids[0]) is not None, timeout=10_000)
        row = page.inbox.model.cached(ids[0])
        assert row is not None
        assert row.tags == ("smuggled jade",)
        assert row.assignee == "Night desk"
    finally:
        window.close()


def test_a_bulk_move_is_undone_from_the_bar_except_where_moved_since(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    window, page, ids = open_desk(qtbot, qapp, tmp_path, extra=0)
    try:
        table = page.inbox.table
        qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        assert not page.bulk.undo_button.isVisible()
        move = page.bulk.move_menu.actions()[0]  # verified
        assert move.text() == "verified"
        move.trigger()
        qtbot.waitUntil(lambda: not page.bulk.running, timeout=10_000)
        assert page.bulk.undo_button.isVisible()
        assert page.bulk.undo_button.text() == f"Undo the move of {len(ids)} reports"
        # Since the bulk move, this desk moved one report again on its own.
        later = ids[2]
        run_job(
            qtbot,
            window.worker,
            lambda s: desk_review.move(s, later, ReviewState.NEEDS_FOLLOW_UP),
        )
        finished: list[list[str]] = []
        page.bulk.finished.connect(finished.append)
        page.bulk.undo_button.click()
        qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
        assert sorted(finished[0]) == sorted(set(ids) - {later})
        assert page.bulk.summary.text() == (
            f"Undone for {len(ids) - 1} of {len(ids)} reports.\n"
            "1 not undone: another move was made since."
        )
        assert not page.bulk.undo_button.isVisible()
        states = run_job(
            qtbot, window.worker, lambda s: [ReviewRepository(s).state(i) for i in ids]
        )
        assert states == [
            ReviewState.NEEDS_FOLLOW_UP if i == later else ReviewState.NEW for i in ids
        ]

        # The rows show the states again (asked again after the undo).
        def first_row_new() -> bool:
            row = page.inbox.model.cached(ids[0])
            return row is not None and row.state is ReviewState.NEW

        qtbot.waitUntil(first_row_new, timeout=10_000)
    finally:
        window.close()
