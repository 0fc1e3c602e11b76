"""What needs attention: answers that arrived, conflicts on the board, reports assigned to
this desk and new reports, in that order, with their count in the window's title."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.services.desk import assign as desk_assign
from desktop.services.desk import followups as desk_followups
from desktop.services.desk import review as desk_review
from desktop.services.desk.attention import attention
from desktop.store.database import Store, open_store
from desktop.store.desk.core import DeskRepository
from desktop.store.desk.review import ReviewRepository
from tests.helpers.desk_stores import LAIZA_LAPTOP, NOW, received
from tests.helpers.desk_ui import desk_window, make_desk_store, unlock_desk
from tests.ui.conftest import PASSPHRASE, run_job


def laiza(china_side: str, hours_ago: int) -> dict[str, object]:
    content = ReportContent.from_json(
        {
            "gate": "laiza",
            "observed_at": (NOW - timedelta(hours=hours_ago)).isoformat(),
            "china_side": china_side,
            "myanmar_side": "open",
            "how_known": "witnessed",
            "narrative": f"Laiza: China side {china_side}.",
        }
    )
    return Report.new(content).to_json()


def prepare(store: Store, ids: list[str]) -> tuple[str, str, list[str]]:
    """A conflict at Laiza, a report taken by this desk, an answer that came back."""
    records = [laiza("closed", 3), laiza("open", 2)]
    DeskRepository(store).store_page(
        [], received([(r, LAIZA_LAPTOP) for r in records], 900), 901, NOW
    )
    conflicting = [str(r["id"]) for r in records]
    for report_id in conflicting:
        desk_review.move(store, report_id, ReviewState.VERIFIED)
    desk_assign.take(store, ids[0])
    question = desk_followups.ask(store, ids[1], "Which side closed first?")
    # As apply_pulled_messages records an answer, received after every move made here.
    with store.transaction() as conn:
        conn.execute(
            "UPDATE desk_followups SET sent_at = asked_at, answer_text = 'The China side',"
            " answered_at = asked_at, answer_received_at = ? WHERE question_id = ?",
            (
                (NOW + timedelta(days=365 * 3)).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                question.question_id,
            ),
        )
    return ids[0], ids[1], conflicting


def test_the_attention_view_and_the_count_in_the_title(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    ids = make_desk_store(tmp_path / "desk")
    with open_store(tmp_path / "desk", PASSPHRASE) as store:
        mine, answered, conflicting = prepare(store, ids)
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        found = run_job(qtbot, window.worker, lambda s: attention(s, default_gazetteer()))
        assert [w.report_id for w in found.answers] == [answered]
        assert [(c.gate, c.aspect) for c in found.conflicts] == [("laiza", "china_side")]
        assert sorted(found.conflicts[0].report_ids) == sorted(conflicting)
        assert [w.report_id for w in found.mine] == [mine]
        # Every story report is new, the two verified ones are not; each is counted once.
        assert found.new_count == len(ids)
        assert found.count == 1 + len(ids)

        qtbot.waitUntil(
            lambda: window.windowTitle() == f"Gatewatch — {found.count} need attention",
            timeout=10_000,
        )
        page.tabs.setCurrentWidget(page.attention)
        texts = [page.attention.list.item(i).text() for i in range(page.attention.list.count())]
        headings = [t for t in texts if not t.startswith("    ")]
        assert headings == [
            "Answers that arrived (1)",
            "Conflicts on the board (1)",
            "Assigned to me (1)",
            f"New reports ({len(ids)})",
        ]
        assert "Laiza: China side, verified reports disagree" in texts[3]
        assert page.tabs.tabText(page.tabs.indexOf(page.attention)) == (
            f"Needs attention ({found.count})"
        )

        # Enter on an entry opens the report in the inbox.
        attention_list = page.attention.list
        attention_list.setFocus()
        attention_list.setCurrentRow(5)  # the report assigned to me
        qtbot.keyClick(attention_list, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.inbox.current_id == mine, timeout=10_000)
        assert page.tabs.currentWidget() is page.inbox_tab
        assert page.inbox.table.hasFocus()

        # Judging the answered report takes it off the list, and the count follows.
        run_job(qtbot, window.worker, lambda s: desk_review.move(s, answered, ReviewState.VERIFIED))
        page.refresh()
        qtbot.waitUntil(
            lambda: window.windowTitle() == f"Gatewatch — {found.count - 1} need attention",
            timeout=10_000,
        )
    finally:
        window.close()


def test_attention_is_the_first_view_and_one_key_leads_to_triage(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    ids = make_desk_store(tmp_path / "desk")
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        unlock = window.unlock_page
        qtbot.waitUntil(lambda: window.pages.currentWidget() is unlock)
        qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
        unlock.unlock_button.click()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.desk_page, timeout=15_000)
        page = window.desk_page
        assert page.tabs.currentWidget() is page.attention
        assert page.tabs.indexOf(page.attention) == 0
        attention_list = page.attention.list
        qtbot.waitUntil(attention_list.hasFocus, timeout=10_000)
        # The first entry that opens a report is current: Enter works at once.
        qtbot.waitUntil(lambda: attention_list.currentItem() is not None, timeout=10_000)
        assert attention_list.currentItem().data(Qt.ItemDataRole.UserRole) in ids

        # I: to the inbox, whose list has the focus and takes the keys of triage.
        qtbot.keyClick(attention_list, Qt.Key.Key_I)
        assert page.tabs.currentWidget() is page.inbox_tab
        table = page.inbox.table
        qtbot.waitUntil(table.hasFocus, timeout=10_000)
        qtbot.waitUntil(lambda: page.inbox.model.rowCount() == len(ids), timeout=10_000)
        # Nothing chosen yet: J chooses the row the list marked (its first).
        assert not table.selectionModel().hasSelection()
        qtbot.keyClick(table, Qt.Key.Key_J)
        first = page.inbox.model.report_id(0)
        assert first is not None
        assert page.inbox.current_id == first
        qtbot.keyClick(table, Qt.Key.Key_V)
        qtbot.waitUntil(lambda: not page.bulk.running, timeout=10_000)
        state = run_job(qtbot, window.worker, lambda s: ReviewRepository(s).state(first))
        assert state is ReviewState.VERIFIED
    finally:
        window.close()
