"""Follow-up round trip on a real server: two correspondents, one desk.

The question reaches only the addressed device (the other gets nothing and could not
open it), the answer — a reply, then a correction — comes back to the desk, and the
server's files hold the text of neither.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report
from desktop.services import followup_sync
from desktop.services.correspondent import capture, followups
from desktop.services.correspondent.demo import demo_reports
from desktop.services.desk import followups as desk_followups
from desktop.services.sync import SyncErrorKind
from desktop.store.database import Store
from desktop.store.desk.review import InboxFilter, ReviewRepository
from desktop.store.reports import ReportRepository
from sync.envelope import DESK_SENDER_ID, EnvelopeError, NewsroomKeyPair, open_envelope
from sync.server.store import ServerStore
from tests.e2e.conftest import World, fast_client, folder_bytes, queue_with_photos

# The ASCII tails are checked on their own: letters no hex id or timestamp can hold.
QUESTION = "CANARY-question-ဘယ်သူ-谁-Laiza-qxzwvk"
ANSWER = "CANARY-answer-ကျွန်တော်-我-Laiza-wkqvzx"
SECOND_QUESTION = "CANARY-question-two-Mai-Ja-Yang-zvxqkw"
CORRECTION_ANSWER = "CANARY-answer-corrected-the-time-kzwxqv"


def _queue_one(world: World, store: Store, index: int) -> Report:
    report, _ = [r for r in demo_reports("en") if not r[1]][index]
    queued = queue_with_photos(store, report, [])
    world.sync_until_done(store)
    return queued


def _device_pair(store: Store) -> NewsroomKeyPair:
    row = store.execute(
        "SELECT kem, encryption_private FROM device_messaging WHERE id = 1"
    ).fetchone()
    return NewsroomKeyPair.from_private_bytes(bytes(row[1]), row[0])


@pytest.mark.parametrize("kem", ["mlkem768x25519"])
def test_a_question_reaches_only_its_device_and_the_answer_comes_back(
    world_factory: Callable[..., World], kem: str
) -> None:
    world = world_factory(kem)
    alice = world.correspondent("alice", label="laptop 1")
    bob = world.correspondent("bob", label="laptop 2")
    asked_about = _queue_one(world, alice, 0)
    _queue_one(world, bob, 1)
    # Both devices register their encryption keys on their next sync; no desk key yet.
    for store in (alice, bob):
        outcome = followup_sync.sync_followups(store, client_factory=fast_client)
        assert outcome.error is None, outcome
        assert outcome.received == 0

    world.connect_desk()
    world.pull()
    question = desk_followups.ask(world.desk_store, asked_about.id, QUESTION, desk_label="desk 1")
    assert question.device_id != ""
    assert question.sent_at is None
    push = desk_followups.push_questions_with_desk_token(
        world.desk_store, client_factory=fast_client
    )
    assert (push.sent, push.waiting) == (1, 0)

    # Bob syncs: nothing for him, and Alice's sealed question would not open with his key.
    assert followup_sync.sync_followups(bob, client_factory=fast_client).received == 0
    assert followups.questions(bob) == []
    with ServerStore.open(world.server_dir) as admin, admin.db.reading() as conn:
        sealed = conn.execute("SELECT device_id, body FROM messages").fetchall()
    assert len(sealed) == 1
    alice_id = alice.execute("SELECT device_id FROM device_identity").fetchone()[0]
    assert sealed[0][0] == alice_id
    desk_key = bob.execute("SELECT desk_signing_key FROM device_messaging").fetchone()[0]
    with pytest.raises(EnvelopeError) as refused:
        open_envelope(
            bytes(sealed[0][1]),
            newsroom_private_key=_device_pair(bob),
            device_public_key_for=lambda d: bytes(desk_key) if d == DESK_SENDER_ID else None,
        )
    assert refused.value.reason == "wrong_recipient"

    # Alice syncs: the question is there, next to the report it is about.
    outcome = followup_sync.sync_followups(alice, client_factory=fast_client)
    assert (outcome.received, outcome.error) == (1, None)
    [received] = followups.questions(alice, asked_about.id)
    assert (received.question_id, received.text, received.desk_label) == (
        question.question_id,
        QUESTION,
        "desk 1",
    )
    assert followup_sync.sync_followups(alice, client_factory=fast_client).received == 0  # once

    # A reply goes back sealed and lands on the question at the desk.
    followups.answer(alice, received.question_id, ANSWER)
    # Answers are searched with the report they are about, on both sides.
    device_search = ReportRepository(alice, default_gazetteer()).search
    assert device_search("wkqvzx") == device_search("ကျွန်တော်") == [asked_about.id]
    assert followups.pending_answers(alice) == 1
    assert followup_sync.sync_followups(alice, client_factory=fast_client).answers_sent == 1
    assert followups.pending_answers(alice) == 0
    world.pull()  # the pull reads the answer it brought
    assert desk_followups.apply_pulled_messages(world.desk_store) == 0
    [answered] = desk_followups.followups(world.desk_store, asked_about.id)
    assert (answered.answer_text, answered.correction_id) == (ANSWER, None)
    inbox = ReviewRepository(world.desk_store, default_gazetteer().named).inbox_ids
    assert inbox(InboxFilter(text="wkqvzx")) == inbox(InboxFilter(text="我")) == [asked_about.id]

    # A second question, answered with a correction: a new revision, then the answer.
    desk_followups.ask(world.desk_store, asked_about.id, SECOND_QUESTION)
    desk_followups.push_questions_with_desk_token(world.desk_store, client_factory=fast_client)
    followup_sync.sync_followups(alice, client_factory=fast_client)
    second = next(q for q in followups.questions(alice) if q.text == SECOND_QUESTION)
    body = dataclasses.replace(asked_about.content, narrative="Corrected: the gate reopened.")
    reports = ReportRepository(alice)
    draft = reports.save_draft(body.to_json(), replaces=asked_about.id)
    correction = capture.queue_draft(alice, default_gazetteer(), draft)
    with pytest.raises(followups.AnswerError):
        followups.answer(alice, second.question_id, "x", correction_id=asked_about.id)
    followups.answer(alice, second.question_id, CORRECTION_ANSWER, correction_id=correction.id)
    world.sync_until_done(alice)
    followup_sync.sync_followups(alice, client_factory=fast_client)
    world.pull()
    assert desk_followups.apply_pulled_messages(world.desk_store) == 0
    by_text = {q.text: q for q in desk_followups.followups(world.desk_store)}
    assert by_text[SECOND_QUESTION].answer_text == CORRECTION_ANSWER
    assert by_text[SECOND_QUESTION].correction_id == correction.id
    held = world.desk_store.execute(
        "SELECT count(*) FROM desk_reports WHERE id = ?", (correction.id,)
    ).fetchone()[0]
    assert held == 1

    # The server's database: neither question nor answer, in any encoding the text has.
    on_server = folder_bytes(world.server_dir)
    for canary in (QUESTION, ANSWER, SECOND_QUESTION, CORRECTION_ANSWER):
        assert canary.encode("utf-8") not in on_server
        assert canary.encode("utf-16-le") not in on_server
        assert canary.split("-")[-1].encode() not in on_server


def test_a_changed_desk_key_is_refused_and_nothing_is_opened(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    alice = world.correspondent("alice")
    asked_about = _queue_one(world, alice, 0)
    followup_sync.sync_followups(alice, client_factory=fast_client)
    world.connect_desk()
    world.pull()
    desk_followups.ask(world.desk_store, asked_about.id, "first, trusted")
    desk_followups.push_questions_with_desk_token(world.desk_store, client_factory=fast_client)
    assert followup_sync.sync_followups(alice, client_factory=fast_client).received == 1
    pinned = alice.execute("SELECT desk_signing_key FROM device_messaging").fetchone()[0]

    # The server (compromised) now hands out a key of its own, and queues a question
    # signed with it.
    from sync.envelope import DeviceSigningKey

    forged = DeviceSigningKey.generate()
    with ServerStore.open(world.server_dir) as admin, admin.db.transaction() as conn:
        conn.execute(
            "UPDATE settings SET value = ? WHERE key = 'desk_signing_key'",
            (forged.public_bytes().hex(),),
        )
    outcome = followup_sync.sync_followups(alice, client_factory=fast_client)
    assert outcome.error is SyncErrorKind.REFUSED
    assert outcome.message is not None
    assert "different desk key" in outcome.message
    assert outcome.received == 0
    assert [q.text for q in followups.questions(alice)] == ["first, trusted"]
    still = alice.execute("SELECT desk_signing_key FROM device_messaging").fetchone()[0]
    assert bytes(still) == bytes(pinned)
