"""Follow-up questions on the correspondent's device: read them, answer them.

Questions arrive at each sync (`desktop/services/followup_sync.py`). An answer (`answer`)
is sealed at once, kind ``message``, to the newsroom key and signed by this device, like a
report: it waits in the store and goes out with the next `sync_followups` until the
server's receipt is stored. A *correction* is a new revision of the report saved the usual
way (form or CLI); the answer names it (``correction_id``) and the revision travels as any
report does. Rules: `desktop/domain/followups.py`; SQL: `desktop/store/followups.py`.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from desktop.domain.followups import (
    AnswerError,
    Question,
    answer_text,
    check_answerable,
    check_correction,
    open_question,
)
from desktop.services.chain import SEAL_ATTEMPTS, ChainSealer
from desktop.store import followups as followup_store
from desktop.store.chain import advance
from desktop.store.database import Store
from desktop.store.followups import FollowupRepository
from desktop.store.identity import IdentityRepository
from desktop.store.search import index_answered_report
from sync.envelope import DeviceSigningKey, EnvelopeKind, NewsroomPublicKey
from sync.payloads.followup import answer_payload

__all__ = [
    "AnswerError",
    "Question",
    "answer",
    "latest_correction",
    "pending_answers",
    "question",
    "questions",
    "unanswered_count",
]


def questions(store: Store, report_id: str | None = None) -> list[Question]:
    """Questions received, oldest asked first; only those about ``report_id`` (or any
    revision of its lineage) when given."""
    return FollowupRepository(store).questions(report_id)


def question(store: Store, question_id: str) -> Question:
    """One question. Raises LookupError when there is none with this id."""
    found = FollowupRepository(store).question(question_id)
    if found is None:
        raise LookupError(f"no question {question_id} on this computer")
    return found


def unanswered_count(store: Store) -> int:
    """Questions not answered yet (for a badge)."""
    return FollowupRepository(store).unanswered_count()


def pending_answers(store: Store) -> int:
    """Answers sealed and waiting for the server's receipt."""
    return FollowupRepository(store).pending_answers()


def latest_correction(store: Store, items: list[Question]) -> str | None:
    """The correction an answer to the open one of ``items`` would name: the newest queued
    or sent revision of its lineage past the one asked about."""
    waiting = open_question(items)
    if waiting is None:
        return None
    return FollowupRepository(store).latest_correction(waiting.report_id)


def answer(
    store: Store,
    question_id: str,
    text: str,
    *,
    correction_id: str | None = None,
    now: datetime | None = None,
) -> Question:
    """Answer a question, once: seal the answer to the newsroom key and keep it to send.

    ``correction_id`` names a revision saved as the correction of the report asked about
    (a queued or sent revision of the same lineage, newer than the one asked about).
    The answer goes out at the next `sync_followups`. Raises `AnswerError` (empty or
    too long text, already answered, not enrolled, a correction that is not one) and
    LookupError for an unknown question. Nothing is stored when it raises.
    """
    text = answer_text(text)
    identity = IdentityRepository(store).get()
    if identity is None:
        raise AnswerError("This computer is not enrolled with a newsroom server.")
    asked = question(store, question_id)
    check_answerable(asked)
    if correction_id is not None:
        revisions = FollowupRepository(store).revisions(asked.report_id, correction_id)
        check_correction(
            correction_id, revisions.get(correction_id), revisions.get(asked.report_id)
        )
    moment = now or datetime.now(UTC)
    envelope_id = str(uuid.uuid4())
    payload = answer_payload(
        question_id=question_id,
        report_id=asked.report_id,
        text=text,
        correction_id=correction_id,
        at=moment,
    )
    for _attempt in range(SEAL_ATTEMPTS):
        chain = ChainSealer(store, moment)
        envelope = chain.seal(
            payload,
            kind=EnvelopeKind.MESSAGE,
            envelope_id=envelope_id,
            device_id=identity.device_id,
            device_key=DeviceSigningKey.from_private_bytes(identity.signing_key),
            recipient=NewsroomPublicKey.from_text(identity.newsroom_key),
        )
        with store.transaction() as conn:
            if not advance(conn, chain.step):
                continue  # another envelope took the number meanwhile: seal again
            recorded = followup_store.record_answer(
                conn,
                question_id,
                text=text,
                correction_id=correction_id,
                envelope_id=envelope_id,
                envelope=envelope,
                now=moment,
            )
            if not recorded:
                raise AnswerError("This question is already answered.")
            index_answered_report(conn, asked.report_id)  # answers are searched with the report
        return question(store, question_id)
    raise AnswerError("The answer could not be sealed: try again.")
