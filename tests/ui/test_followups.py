"""The follow-up panel under a report's details: the question shows, the answer is sealed
and kept to send, *Correct the report* asks for a correction, and a lock clears it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.services.correspondent import followups
from desktop.store.database import Store
from desktop.store.reports import ReportRepository
from desktop.ui.window import GatewatchWindow
from tests.helpers.followups import enrol_offline
from tests.helpers.reports import example
from tests.ui.conftest import create_store_through_ui, run_job

QUESTION = "Which side closed first, CANARY-ui-q?"
ANSWER = "The China side, at nine. CANARY-ui-a"
QUESTION_ID = "0b7f9a52-7a45-4d8e-9a4f-3c1a6f1d2e01"


def _prepare(store: Store) -> str:
    report = Report.new(ReportContent.from_json(example(narrative="gate closed")))
    ReportRepository(store).add(report, state=ReportState.QUEUED)
    enrol_offline(store)
    with store.transaction() as conn:  # as sync_followups stores an opened question
        conn.execute(
            "INSERT INTO followup_questions (question_id, message_id, report_id, text,"
            " desk_label, asked_at, received_at) VALUES (?, ?, ?, ?, 'desk 1',"
            " '2025-03-01T06:00:00Z', '2025-03-01T06:05:00Z')",
            (QUESTION_ID, "0b7f9a52-7a45-4d8e-9a4f-3c1a6f1d2e02", report.id, QUESTION),
        )
    return report.id


def test_the_question_shows_next_to_the_report_and_is_answered(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    create_store_through_ui(qtbot, window)
    report_id = run_job(qtbot, window.worker, _prepare)
    page = window.main_page
    panel = page.followups
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert not panel.isVisible()
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: panel.isVisible() and QUESTION in panel.questions_label.text())
    assert "desk 1" in panel.questions_label.text()
    assert panel.answer_box.isVisible()
    assert not panel.send_button.isEnabled()  # nothing typed yet

    with qtbot.waitSignal(panel.correct_requested, timeout=2000) as asked:
        panel.correct_button.click()
    assert asked.args == [report_id]

    qtbot.keyClicks(panel.answer_box, ANSWER)
    assert panel.send_button.isEnabled()
    with qtbot.waitSignal(panel.answered, timeout=5000):
        panel.send_button.click()
    qtbot.waitUntil(lambda: ANSWER in panel.questions_label.text(), timeout=5000)
    assert "waiting to be sent" in panel.questions_label.text()
    assert not panel.answer_box.isVisible()
    answered = run_job(qtbot, window.worker, lambda s: followups.question(s, QUESTION_ID))
    assert (answered.answer_text, answered.correction_id) == (ANSWER, None)
    assert run_job(qtbot, window.worker, followups.pending_answers) == 1

    page.clear()  # what a lock does
    assert not panel.isVisible()
    assert panel.questions_label.text() == ""
