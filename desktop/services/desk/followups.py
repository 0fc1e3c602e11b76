"""Follow-up questions at the editor desk: ask, send, read the answers.

An editor asks a question about a received report (`ask`). The desk keeps its own
plaintext copy (``desk_followups``) — only the addressed device can open the sealed one —
and sends it as soon as it can (`push_questions`, also run on every pull):

1. it registers the desks' signing key with the server (``PUT /v1/desk-signing-key``,
   idempotent): devices pin it on first use;
2. it fetches the device list and takes the device's encryption key only if the device's
   signature of it verifies against the signing key this desk already holds for the
   device (from enrolment): a server cannot slip in a key of its own;
3. it seals the question (kind ``message``, sender `sync.envelope.DESK_SENDER_ID`, signed
   with `sync.envelope.derive_desk_signing_key` of the newsroom key) to that key, keeps
   the sealed bytes, and posts them (``POST /v1/messages``, idempotent by message id).

A question whose device has not registered a key yet (it has not synced since this
version) waits, with ``last_error`` ``no_encryption_key``, and goes on a later push.

Answers come back as ``message`` envelopes from the device, sealed to the newsroom key;
the pull stores them in ``desk_envelopes`` and `apply_pulled_messages` reads each one
once: an answer to a question this desk asked that device is recorded on the question
(the first answer counts); anything else is marked ignored or refused with a reason.
Payload formats: desktop/services/followups.py and docs/followups.md. The rules are in
`desktop/domain/followups.py`, the SQL in `desktop/store/desk/followups.py`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from desktop.domain.followups import (
    DeskQuestion,
    FollowupError,
    bounded_desk_label,
    question_text,
)
from desktop.domain.report import format_utc
from desktop.store.database import Store
from desktop.store.desk import followups as asked_store
from desktop.store.desk.core import DeskRepository
from desktop.store.desk.followups import DeskFollowupRepository
from desktop.store.search import index_answered_desk_report
from sync import wire
from sync.client import ClientConfig, ServerRefusedError, SyncClient
from sync.envelope import (
    DESK_SENDER_ID,
    EnvelopeError,
    EnvelopeKind,
    NewsroomKeyPair,
    NewsroomPublicKey,
    derive_desk_signing_key,
    seal,
)
from sync.messages import DeviceInfo, MessageReceipt
from sync.payloads.followup import parse_payload, question_payload

__all__ = [
    "DeskQuestion",
    "FollowupError",
    "QuestionPush",
    "apply_pulled_messages",
    "ask",
    "followups",
    "push_questions",
    "push_questions_with_desk_token",
]

NO_ENCRYPTION_KEY = "no_encryption_key"
BAD_ENCRYPTION_KEY = wire.ERROR_BAD_ENCRYPTION_KEY


@dataclass(frozen=True)
class QuestionPush:
    """What one push did: questions the server took, how many still wait, and one line per
    question that could not go (a device's unusable key, a refusal), for the editor."""

    sent: int
    waiting: int
    problems: tuple[str, ...] = ()


class DeskClientLike(Protocol):
    """The part of `sync.client.SyncClient` used here."""

    def register_desk_signing_key(self, public_key: bytes) -> None: ...
    def devices(self) -> list[DeviceInfo]: ...
    def post_message(self, device_id: str, message_id: str, data: bytes) -> MessageReceipt: ...
    def close(self) -> None: ...


def followups(store: Store, report_id: str | None = None) -> list[DeskQuestion]:
    """Questions asked at this desk (about ``report_id`` when given), oldest first."""
    return DeskFollowupRepository(store).questions(report_id)


def ask(
    store: Store,
    report_id: str,
    text: str,
    *,
    desk_label: str | None = None,
    now: datetime | None = None,
) -> DeskQuestion:
    """Record a question about a received report, to be sent by `push_questions`.

    The question goes to the device that sent the report. ``desk_label`` defaults to this
    desk's label. Raises `FollowupError` for an empty or too long text or a report this
    desk does not hold. Touches no network: call `push_questions_with_desk_token` (or a
    pull) to send it.
    """
    text = question_text(text)
    repository = DeskFollowupRepository(store)
    device_id = repository.report_device(report_id)
    if device_id is None:
        raise FollowupError(f"This desk holds no report {report_id}: pull first.")
    label = desk_label if desk_label is not None else repository.desk_label()
    question_id = str(uuid.uuid4())
    repository.add(
        question_id=question_id,
        report_id=report_id,
        device_id=device_id,
        text=text,
        desk_label=bounded_desk_label(label),
        asked_at=now or datetime.now(UTC),
        message_id=str(uuid.uuid4()),
    )
    asked = repository.question(question_id)
    assert asked is not None  # just written, in this thread
    return asked


def _newsroom_pair(store: Store) -> NewsroomKeyPair:
    key = DeskRepository(store).key()
    if key is None:
        raise FollowupError("This desk has no newsroom key: run `gatewatch desk init` first.")
    return NewsroomKeyPair.from_private_bytes(key.private_key, key.kem)


def _device_encryption_key(store: Store, info: DeviceInfo) -> NewsroomPublicKey | str:
    """The device's encryption key if its signature checks out with the signing key this
    desk holds for the device; otherwise why not: `NO_ENCRYPTION_KEY` (none, or not signed
    by the device) or `BAD_ENCRYPTION_KEY` (signed, but nothing can be sealed to it: a
    low-order X25519 point, say)."""
    if info.encryption_key is None or info.encryption_key_signature is None:
        return NO_ENCRYPTION_KEY
    signing = DeskRepository(store).device_key(info.device_id)
    if signing is None:
        return NO_ENCRYPTION_KEY
    try:
        ed25519.Ed25519PublicKey.from_public_bytes(signing).verify(
            wire.decode_base64(info.encryption_key_signature),
            wire.encryption_key_statement(info.device_id, info.encryption_key),
        )
    except (InvalidSignature, ValueError):
        return NO_ENCRYPTION_KEY
    try:
        return NewsroomPublicKey.from_text(info.encryption_key)
    except ValueError:
        return BAD_ENCRYPTION_KEY


def push_questions(
    store: Store, client: DeskClientLike, *, now: datetime | None = None
) -> QuestionPush:
    """Register the desk signing key, seal what can be sealed, post what waits.

    Network trouble raises `sync.client.SyncError` with nothing lost (a sealed question
    keeps its bytes and message id, so a resend is idempotent). Anything wrong with one
    question — a device key nothing can be sealed to, a refusal by the server — is kept in
    its ``last_error``, named in `QuestionPush.problems`, and the others still go.
    """
    repository = DeskFollowupRepository(store)
    waiting = repository.waiting()
    if not waiting:
        return QuestionPush(0, 0)
    pair = _newsroom_pair(store)
    signer = derive_desk_signing_key(pair)
    client.register_desk_signing_key(signer.public_bytes())
    keys = {
        info.device_id: _device_encryption_key(store, info)
        for info in client.devices()
        if info.device_id in {q.device_id for q in waiting}
    }
    moment = now or datetime.now(UTC)
    sent = 0
    problems: list[str] = []
    for question in waiting:
        qid, device_id, envelope = question.question_id, question.device_id, question.envelope
        if envelope is None:
            recipient = keys.get(device_id, NO_ENCRYPTION_KEY)
            if isinstance(recipient, str):
                repository.note(qid, recipient)
                if recipient == BAD_ENCRYPTION_KEY:
                    problems.append(_bad_key_problem(device_id))
                continue
            try:
                envelope = seal(
                    question_payload(
                        question_id=qid,
                        report_id=question.report_id,
                        device_id=device_id,
                        text=question.text,
                        asked_at=question.asked_at,
                        desk_label=question.desk_label,
                    ),
                    kind=EnvelopeKind.MESSAGE,
                    envelope_id=question.message_id,
                    device_id=DESK_SENDER_ID,
                    device_key=signer,
                    recipient=recipient,
                )
            except (ValueError, EnvelopeError):  # the key passed its checks, yet HPKE refused
                repository.note(qid, BAD_ENCRYPTION_KEY)
                problems.append(_bad_key_problem(device_id))
                continue
            envelope = repository.keep_envelope(qid, envelope)
        try:
            client.post_message(device_id, question.message_id, envelope)
        except ServerRefusedError as error:
            if error.status >= 500 or error.status == 429:
                raise  # the server's trouble, not this question's: the push stops here
            repository.note(qid, error.reason)
            if error.status not in (404, 409):  # unknown or revoked devices wait quietly
                problems.append(f"a question to device {device_id} was refused: {error}")
            continue
        repository.mark_sent(qid, moment)
        sent += 1
    return QuestionPush(sent, repository.waiting_count(), tuple(problems))


def _bad_key_problem(device_id: str) -> str:
    return (
        f"device {device_id} registered an encryption key nothing can be sealed to; its "
        "questions wait. Ask its correspondent to enroll again"
    )


def push_questions_with_desk_token(
    store: Store, *, client_factory: Any = SyncClient, now: datetime | None = None
) -> QuestionPush:
    """`push_questions` over a client made from the desk's stored server and token.

    Raises `FollowupError` when the desk is not connected, `sync.client.SyncError` for
    network or server trouble (nothing lost).
    """
    server = DeskRepository(store).server()
    if server is None:
        raise FollowupError("This desk is not connected: run `gatewatch desk connect` first.")
    client: DeskClientLike = client_factory(
        ClientConfig(
            base_url=server.server_url,
            token=server.token,
            tls_fingerprint=server.tls_fingerprint,
            proxy=server.proxy,
        )
    )
    try:
        return push_questions(store, client, now=now)
    finally:
        client.close()


def apply_pulled_messages(store: Store, *, now: datetime | None = None) -> int:
    """Read every pulled, verified ``message`` envelope not read yet; return how many
    answers were recorded.

    An answer counts when it names a question this desk asked the device that sent it,
    and that question has no answer yet (the first answer wins; later ones are ignored).
    A payload that is not a follow-up answer, or one that cannot be recorded, is refused
    with its reason; the others are still read. Each envelope is read once
    (``desk_followup_seen``). Raises only store errors (a full disk…).
    """
    unread = DeskFollowupRepository(store).unread_messages(str(EnvelopeKind.MESSAGE))
    moment = format_utc(now or datetime.now(UTC))
    recorded = 0
    for message in unread:
        try:
            recorded += _apply_answer(
                store, message.envelope_id, message.device_id, message.payload, moment
            )
        except (ValueError, TypeError, KeyError, OverflowError) as error:
            # nothing one envelope holds may stop the pull: it is refused, the rest read
            reason = f"the answer could not be recorded ({type(error).__name__})"
            with store.transaction() as conn:
                asked_store.refuse_envelope(conn, message.envelope_id, "unreadable", reason)
                asked_store.mark_seen(conn, message.envelope_id, "refused", reason, moment)
    return recorded


def _apply_answer(
    store: Store, envelope_id: str, device_id: str, payload: bytes, moment: str
) -> int:
    """Read one answer envelope in one transaction; 1 when it recorded an answer."""
    outcome, reason = "answer", None
    recorded = 0
    try:
        doc = parse_payload(payload, "answer")
    except ValueError as error:
        doc, outcome, reason = None, "refused", str(error)[:80]
    with store.transaction() as conn:
        if doc is not None:
            asked = asked_store.asked_of(conn, doc["question_id"])
            if asked is None or asked.device_id != device_id:
                outcome, reason = "refused", "not a question asked of this device"
            elif asked.answered:
                outcome, reason = "ignored", "already answered"
            else:
                asked_store.record_answer(
                    conn,
                    doc["question_id"],
                    text=doc["text"],
                    answered_at=datetime.fromisoformat(doc["at"]),
                    correction_id=doc["correction_id"],
                    envelope_id=envelope_id,
                    received_at=moment,
                )
                index_answered_desk_report(conn, asked.report_id)
                recorded = 1
        if outcome == "refused":  # counted with the desk's refusals, where editors see them
            asked_store.refuse_envelope(conn, envelope_id, "invalid_answer", reason or "")
        asked_store.mark_seen(conn, envelope_id, outcome, reason, moment)
    return recorded
