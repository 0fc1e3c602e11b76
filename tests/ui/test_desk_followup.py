"""The desk's *Ask the correspondent* box: a question is stored for the report's device,
listed with who asked it, and shown as answered once the answer has come back."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.domain.report import Report, ReportContent
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import followups as desk_followups
from desktop.services.desk import review as desk_review
from desktop.store.database import Store, create_store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord, ReceivedReport
from desktop.ui.desk.followup import DeskFollowupBox
from desktop.ui.worker import StoreWorker
from tests.helpers.reports import example
from tests.ui.conftest import PASSPHRASE, run_job

DEVICE = "gw-" + "7" * 20


def _desk_with_a_report(store: Store) -> str:
    desk_connection.init_desk(store, "x25519")
    desk_review.set_desk_label(store, "Myitkyina desk")
    record = Report.new(ReportContent.from_json(example(narrative="fuel trucks wait"))).to_json()
    envelope = EnvelopeRecord(str(uuid.uuid4()), 1, DEVICE, "report", 1, "x", "stored")
    DeskRepository(store).store_page([], [ReceivedReport(envelope, record)], 1, datetime.now(UTC))
    return str(record["id"])


@pytest.fixture
def worker(qtbot: QtBot, tmp_path: Path) -> Iterator[StoreWorker]:
    started = StoreWorker()
    started.open(lambda: create_store(tmp_path / "desk", PASSPHRASE), lambda _: None, print)
    qtbot.waitUntil(lambda: started.is_open)
    yield started
    started.shutdown()


def test_a_question_is_listed_then_shown_answered(qtbot: QtBot, worker: StoreWorker) -> None:
    report_id = run_job(qtbot, worker, _desk_with_a_report)
    box = DeskFollowupBox(worker)
    qtbot.addWidget(box)
    box.set_report(report_id)
    qtbot.waitUntil(lambda: "No question" in box.listing.text())
    assert not box.ask_button.isEnabled()
    qtbot.keyClicks(box.editor, "Which side closed first?")
    with qtbot.waitSignal(box.asked):
        box.ask_button.click()
    assert "Which side closed first?" in box.listing.text()
    assert "Myitkyina desk" in box.listing.text()
    assert "next pull" in box.listing.text()
    assert box.editor.toPlainText() == ""

    [question] = run_job(qtbot, worker, lambda s: desk_followups.followups(s, report_id))
    assert question.device_id == DEVICE

    def answer(store: Store) -> None:  # as apply_pulled_messages records an answer
        with store.transaction() as conn:
            conn.execute(
                "UPDATE desk_followups SET sent_at = asked_at, answer_text = 'The China side',"
                " answered_at = asked_at WHERE question_id = ?",
                (question.question_id,),
            )

    run_job(qtbot, worker, answer)
    box.refresh()
    qtbot.waitUntil(lambda: "The China side" in box.listing.text())


def test_an_unknown_report_says_so_in_the_box(qtbot: QtBot, worker: StoreWorker) -> None:
    run_job(qtbot, worker, _desk_with_a_report)
    box = DeskFollowupBox(worker)
    qtbot.addWidget(box)
    box.set_report(str(uuid.uuid4()))
    qtbot.keyClicks(box.editor, "Anyone there?")
    box.ask_button.click()
    qtbot.waitUntil(lambda: box.problem.isVisibleTo(box))
    assert "pull first" in box.problem.text()


def test_a_question_whose_device_key_is_unusable_says_so(qtbot: QtBot, worker: StoreWorker) -> None:
    report_id = run_job(qtbot, worker, _desk_with_a_report)

    def ask_and_fail(store: Store) -> None:  # as push_questions records a key it refused
        asked = desk_followups.ask(store, report_id, "Which side closed first?")
        with store.transaction() as conn:
            conn.execute(
                "UPDATE desk_followups SET last_error = ? WHERE question_id = ?",
                (desk_followups.BAD_ENCRYPTION_KEY, asked.question_id),
            )

    run_job(qtbot, worker, ask_and_fail)
    box = DeskFollowupBox(worker)
    qtbot.addWidget(box)
    box.set_report(report_id)
    qtbot.waitUntil(lambda: "Which side closed first?" in box.listing.text())
    assert "enroll the laptop again" in box.listing.text()
    assert "next pull" not in box.listing.text()
