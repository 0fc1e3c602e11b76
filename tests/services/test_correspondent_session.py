"""`CorrespondentSession` on a real SQLCipher store: the queries return what the views
show, and each command returns what it changed, so the store worker can tell the views."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from desktop.domain.errors import ReportValidationError
from desktop.domain.followups import AnswerError
from desktop.domain.gazetteer import Gazetteer, default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.services.changes import Changes, Done
from desktop.services.correspondent.session import CorrespondentSession, ListQuery
from desktop.store.attachments import AttachmentRepository
from desktop.store.database import Store, create_store
from desktop.store.reports import ReportNotFoundError, ReportRepository
from tests.helpers.followups import QUESTION_ID, enrol_offline, store_question
from tests.helpers.photos import jpeg_with_metadata
from tests.helpers.reports import example
from tests.helpers.stores import fill

PASSPHRASE = "a long test passphrase"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with create_store(tmp_path / "store", PASSPHRASE) as opened:
        yield opened


@pytest.fixture
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def test_the_list_queries_read_the_store(store: Store, gazetteer: Gazetteer) -> None:
    ids = fill(store, 12)
    session = CorrespondentSession(store)
    assert session.report_count() == 12
    assert sorted(session.report_ids(gazetteer, ListQuery())) == sorted(ids)
    assert session.report_ids(gazetteer, ListQuery(state=ReportState.DRAFT)) == [ids[0]]
    rows = session.report_rows(ids[:3])
    assert [row.id for row in rows] == ids[:3]
    detail = session.report(gazetteer, ids[0])
    assert detail.stored.row.state is ReportState.DRAFT
    assert len(detail.photos) == 1


def test_a_list_of_every_report_is_its_own_count(store: Store, gazetteer: Gazetteer) -> None:
    ids = fill(store, 12)
    session = CorrespondentSession(store)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        everything = session.listing(gazetteer, ListQuery())
        drafts = session.listing(gazetteer, ListQuery(state=ReportState.DRAFT))
        searched = session.listing(gazetteer, ListQuery(text="no such words anywhere"))
    finally:
        store.conn.set_trace_callback(None)
    assert sorted(everything.ids) == sorted(ids)
    assert everything.total == 12
    # Filtered or searched, the total is still every report in the store.
    assert (drafts.ids, drafts.total) == ([ids[0]], 12)
    assert (searched.ids, searched.total) == ([], 12)
    # The list index is read once for every report; counts only for the other two.
    counts = [s for s in statements if "count(*)" in s]
    assert len(counts) == 2, counts


def test_saving_a_draft_changes_reports_and_saving_again_keeps_its_id(
    store: Store, gazetteer: Gazetteer
) -> None:
    session = CorrespondentSession(store)
    first = session.save_draft(
        gazetteer, example(narrative="first words"), draft_id=None, replaces=None
    )
    assert isinstance(first, Done)
    assert first.changes == Changes(reports=True)
    again = session.save_draft(
        gazetteer, example(narrative="second words"), draft_id=first.value, replaces=None
    )
    assert again.value == first.value
    assert session.report_ids(gazetteer, ListQuery()) == [first.value]
    assert session.report(gazetteer, first.value).stored.body["narrative"] == "second words"


def test_queueing_changes_reports_and_delivery_and_a_bad_draft_stays_a_draft(
    store: Store, gazetteer: Gazetteer
) -> None:
    session = CorrespondentSession(store)
    good = session.save_draft(gazetteer, example(), draft_id=None, replaces=None).value
    queued = session.queue_draft(gazetteer, good)
    assert queued.changes == Changes(reports=True, delivery=True)
    assert queued.value.id == good
    assert session.report(gazetteer, good).stored.row.state is ReportState.QUEUED

    bad = session.save_draft(gazetteer, example(gate=None), draft_id=None, replaces=None).value
    with pytest.raises(ReportValidationError):
        session.queue_draft(gazetteer, bad)
    assert session.report(gazetteer, bad).stored.row.state is ReportState.DRAFT


def test_deleting_a_draft_takes_its_photos_too(store: Store, gazetteer: Gazetteer) -> None:
    ids = fill(store, 3)  # the first is a draft with a photo
    session = CorrespondentSession(store)
    assert session.delete_draft(ids[0]) == Changes(reports=True, photos=True)
    with pytest.raises(ReportNotFoundError):
        session.report(gazetteer, ids[0])
    assert AttachmentRepository(store).list(ids[0]) == []


def test_a_photo_is_cleaned_stored_shown_and_removed(
    store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    session = CorrespondentSession(store)
    draft = session.save_draft(gazetteer, example(), draft_id=None, replaces=None).value
    photo = tmp_path / "gate.jpg"
    photo.write_bytes(jpeg_with_metadata())
    added = session.add_photo(photo, draft, max_edge=320, thumbnail_edge=64)
    assert added.changes == Changes(photos=True)
    position, thumbnail = added.value
    assert max(Image.open(io.BytesIO(thumbnail)).size) == 64
    [info] = AttachmentRepository(store).list(draft)
    assert (info.position, max(info.width, info.height)) == (position, 320)
    [(shown_at, shown)] = session.photo_thumbnails(draft, 48)
    assert (shown_at, max(Image.open(io.BytesIO(shown)).size)) == (position, 48)
    assert session.remove_photo(draft, position) == Changes(photos=True)
    assert session.photo_thumbnails(draft, 48) == []


def test_the_draft_a_lock_saved_is_found_again(store: Store, gazetteer: Gazetteer) -> None:
    session = CorrespondentSession(store)
    before = datetime.now(UTC) - timedelta(seconds=1)
    assert session.draft_saved_since(before) is None
    draft = session.save_draft(gazetteer, example(), draft_id=None, replaces=None).value
    assert session.draft_saved_since(before) == draft
    assert session.draft_saved_since(datetime.now(UTC) + timedelta(hours=1)) is None


def test_questions_are_answered_once_naming_the_queued_correction(
    store: Store, gazetteer: Gazetteer
) -> None:
    session = CorrespondentSession(store)
    report = Report.new(ReportContent.from_json(example(narrative="gate closed")))
    ReportRepository(store, gazetteer).add(report, state=ReportState.QUEUED)
    assert not session.enrolled()
    enrol_offline(store)
    assert session.enrolled()
    store_question(store, report.id)

    shown = session.questions_about(report.id)
    assert [q.question_id for q in shown.questions] == [QUESTION_ID]
    assert shown.correction_id is None
    correction = session.save_draft(
        gazetteer, example(narrative="gate closed at nine"), draft_id=None, replaces=report.id
    ).value
    assert session.questions_about(report.id).correction_id is None  # a draft is not sent
    session.queue_draft(gazetteer, correction)
    shown = session.questions_about(correction)  # the same lineage: the same question
    assert (shown.report_id, shown.correction_id) == (correction, correction)

    answered = session.answer(QUESTION_ID, "The China side.", correction_id=correction)
    assert answered.changes == Changes(followups=True)
    assert (answered.value.answer_text, answered.value.correction_id) == (
        "The China side.",
        correction,
    )
    [after] = session.questions_about(report.id).questions
    assert after.answered
    assert after.answer_sent_at is None
    assert session.questions_about(report.id).correction_id is None  # nothing left to answer
    with pytest.raises(AnswerError, match="already answered"):
        session.answer(QUESTION_ID, "Again.", correction_id=None)
    [still] = session.questions_about(report.id).questions
    assert still.answer_text == "The China side."


def test_an_answer_naming_something_that_is_no_correction_stores_nothing(
    store: Store, gazetteer: Gazetteer
) -> None:
    session = CorrespondentSession(store)
    asked_about, other = (
        Report.new(ReportContent.from_json(example(narrative=text))) for text in ("a", "b")
    )
    for report in (asked_about, other):
        ReportRepository(store, gazetteer).add(report, state=ReportState.QUEUED)
    enrol_offline(store)
    store_question(store, asked_about.id)
    with pytest.raises(AnswerError, match="not a correction"):
        session.answer(QUESTION_ID, "See the other one.", correction_id=other.id)
    with pytest.raises(AnswerError, match="no report"):
        session.answer(QUESTION_ID, "See it.", correction_id="no-such-report")
    [question] = session.questions_about(asked_about.id).questions
    assert not question.answered
