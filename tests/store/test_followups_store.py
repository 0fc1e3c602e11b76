"""The follow-up tables on a real SQLCipher store (desktop/store/followups.py): a question
is stored once and found from any revision of its report, an answer is kept once, a
receipt is kept once, and the message cursor never goes back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.store import followups as followup_store
from desktop.store.database import Store, create_store
from desktop.store.followups import FollowupRepository, NewQuestion
from desktop.store.reports import ReportRepository
from tests.helpers.reports import example

PASSPHRASE = "a long test passphrase"
AT = datetime(2025, 3, 1, 6, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with create_store(tmp_path / "store", PASSPHRASE) as opened:
        yield opened


def _question(question_id: str, report_id: str) -> NewQuestion:
    return NewQuestion(question_id, f"m-{question_id}", report_id, "Which gate?", None, AT)


def _messaging(store: Store) -> None:
    with store.transaction() as conn:
        followup_store.add_messaging(conn, "x25519", b"k" * 32, "public", AT)


def test_a_question_is_stored_once_and_found_from_every_revision(store: Store) -> None:
    reports = ReportRepository(store)
    original = Report.new(ReportContent.from_json(example()))
    reports.add(original, state=ReportState.QUEUED)
    correction = reports.save_draft(example(narrative="later"), draft_id=None, replaces=original.id)
    with store.transaction() as conn:
        assert followup_store.add_question(conn, _question("q1", original.id), AT) == 1
        assert followup_store.add_question(conn, _question("q1", original.id), AT) == 0
        assert followup_store.add_question(conn, _question("q2", "elsewhere"), AT) == 1
    repository = FollowupRepository(store)
    assert [q.question_id for q in repository.questions(correction)] == ["q1"]
    assert [q.question_id for q in repository.questions()] == ["q1", "q2"]
    assert repository.unanswered_count() == 2
    assert repository.question("q9") is None


def test_an_answer_and_its_receipt_are_each_kept_once(store: Store) -> None:
    with store.transaction() as conn:
        followup_store.add_question(conn, _question("q1", "r1"), AT)
        first = followup_store.record_answer(
            conn, "q1", text="north", correction_id=None, envelope_id="e1", envelope=b"x", now=AT
        )
        second = followup_store.record_answer(
            conn, "q1", text="south", correction_id=None, envelope_id="e2", envelope=b"y", now=AT
        )
    assert (first, second) == (True, False)
    repository = FollowupRepository(store)
    assert repository.waiting_answers() == [("e1", b"x")]
    assert repository.pending_answers() == 1
    with store.transaction() as conn:
        assert followup_store.mark_answer_sent(conn, "e1", "{}", AT) == 1
        assert followup_store.mark_answer_sent(conn, "e1", "{}", AT) == 0
    assert repository.waiting_answers() == []
    answered = repository.question("q1")
    assert answered is not None
    assert (answered.answer_text, answered.answer_sent_at) == ("north", AT)


def test_the_desk_key_pins_once_and_the_cursor_never_goes_back(store: Store) -> None:
    repository = FollowupRepository(store)
    assert repository.messaging() is None
    _messaging(store)
    with store.transaction() as conn:
        followup_store.pin_desk_key(conn, b"first", AT)
        followup_store.pin_desk_key(conn, b"second", AT)
        followup_store.advance_cursor(conn, 7)
        followup_store.advance_cursor(conn, 3)
        assert followup_store.add_refused(conn, "m1", 1, "bad", AT) == 1
        assert followup_store.add_refused(conn, "m1", 1, "bad", AT) == 0
    messaging = repository.messaging()
    assert messaging is not None
    assert (messaging.desk_key, messaging.cursor, messaging.registered) == (b"first", 7, False)
