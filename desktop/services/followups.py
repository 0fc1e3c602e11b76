"""Follow-up questions on the correspondent's device: receive, show, answer.

An editor asks a question about one report (desktop/services/desk/followups.py). The desk
seals it (kind ``message``) to **this device's own HPKE key** and signs it with the desks'
Ed25519 key (`sync.envelope.derive_desk_signing_key`, sender id
`sync.envelope.DESK_SENDER_ID`); the server keeps it in this device's message queue.
docs/followups.md is the reference; in short:

- **The device's encryption key.** Made once (`ensure_encryption_key`, ML-KEM-768 +
  X25519 by default) and kept only in the encrypted store (``device_messaging``). Its
  public half is registered with the server on the next `sync_followups`, signed by the
  device's enrolled Ed25519 key so a desk can check it did not come from the server.
- **The desk signing key, pinned from the invite.** An invite made after a desk connected
  carries the key (`gatewatch-server enroll-code`), and enrolment pins it
  (`pin_desk_signing_key`). Otherwise `sync_followups` asks the server and pins the first
  one it sees. A different key later refuses every question with `DeskKeyChangedError`
  (the threat: a compromised server substituting its own key, which pinning from the
  invite rules out and first-use pinning makes visible).
- **Questions** are opened with the device key, verified against the pinned desk key and
  checked (format, this device's id, the envelope id equal to the message id, bounded
  text); each is stored once by question id. A message that cannot be opened or checked
  is recorded in ``followup_refused`` with its reason and never tried again.
- **Answers** (`answer`) are sealed at once, kind ``message``, to the newsroom key and
  signed by this device, like a report: they wait in the store and are uploaded by the
  next `sync_followups` until the server's receipt is stored (idempotent by envelope id).
  A *correction* is a new revision of the report saved the usual way (form or CLI); the
  answer names it (``correction_id``) and the revision travels as any report does.

The payloads' format (``gatewatch-followup-1``) is `sync.payloads.followup`.

Every function takes the open `Store` first, is synchronous and touches no Qt: the GUI
runs them on its store worker. Network trouble never raises from `sync_followups`; it ends
with ``error`` and ``message`` set like `desktop.services.sync.sync_once`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from desktop.domain.myanmar import canonical_text
from desktop.domain.report import format_utc
from desktop.services import opened as opened_lists
from desktop.services.chain import SEAL_ATTEMPTS, ChainSealer
from desktop.services.sync import SyncErrorKind, _kind_of
from desktop.store.chain import advance
from desktop.store.database import Store
from desktop.store.identity import DeviceIdentity, IdentityRepository
from desktop.store.search import index_answered_report
from sync import wire
from sync.client import ClientConfig, SyncClient, SyncError
from sync.envelope import (
    DEFAULT_KEM,
    DESK_SENDER_ID,
    DeviceSigningKey,
    EnvelopeError,
    EnvelopeKind,
    NewsroomKeyPair,
    NewsroomPublicKey,
    check_ed25519_public,
    open_envelope,
)
from sync.messages import MessagePage, OpenedPage, UploadResult
from sync.payloads.followup import MAX_ANSWER_CHARS, answer_payload, parse_payload

__all__ = [
    "AnswerError",
    "DeskKeyChangedError",
    "FollowupOutcome",
    "Question",
    "answer",
    "ensure_encryption_key",
    "pending_answers",
    "questions",
    "sync_followups",
    "unanswered_count",
]

MAX_PAGES = 20
"""Pages of messages one `sync_followups` reads at most (100 messages each)."""


# -- what the GUI and CLI read ------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """A question received on this device, and its answer once given.

    ``answer_sent_at`` is when the server's receipt for the answer was stored (None while
    it waits to be sent).
    """

    question_id: str
    report_id: str
    text: str
    desk_label: str | None
    asked_at: datetime
    received_at: datetime
    answered_at: datetime | None
    answer_text: str | None
    correction_id: str | None
    answer_sent_at: datetime | None

    @property
    def answered(self) -> bool:
        return self.answered_at is not None


@dataclass(frozen=True)
class FollowupOutcome:
    """What one `sync_followups` did: questions stored, answers whose receipt came,
    messages refused (unopenable or invalid), and why it stopped early if it did."""

    received: int = 0
    answers_sent: int = 0
    refused: int = 0
    error: SyncErrorKind | None = None
    message: str | None = None
    opened: int = 0  # reports a desk newly signed it holds (desktop.services.opened)


class DeskKeyChangedError(Exception):
    """The server now names another desk signing key than the one pinned here."""

    reason = "desk_key_changed"

    def __init__(self) -> None:
        super().__init__(
            "The newsroom server now gives a different desk key than the one this computer "
            "trusted first, so questions cannot be trusted and none were opened. Answers "
            "and reports still go out. Tell your editor at once, by another channel."
        )


class AnswerError(ValueError):
    """An answer that cannot be given; ``str()`` says why and what to do."""


_QUESTION_COLUMNS = (
    "question_id, report_id, text, desk_label, asked_at, received_at, answered_at,"
    " answer_text, correction_id, answer_sent_at"
)


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).astimezone(UTC)


def _question(row: Sequence[Any]) -> Question:
    return Question(
        question_id=row[0],
        report_id=row[1],
        text=row[2],
        desk_label=row[3],
        asked_at=datetime.fromisoformat(row[4]).astimezone(UTC),
        received_at=datetime.fromisoformat(row[5]).astimezone(UTC),
        answered_at=_time(row[6]),
        answer_text=row[7],
        correction_id=row[8],
        answer_sent_at=_time(row[9]),
    )


def questions(store: Store, report_id: str | None = None) -> list[Question]:
    """Questions received, oldest asked first; only those about ``report_id`` (or any
    revision of its lineage) when given."""
    if report_id is None:
        rows = store.execute(
            f"SELECT {_QUESTION_COLUMNS} FROM followup_questions ORDER BY asked_at, question_id"
        ).fetchall()
    else:
        rows = store.execute(
            f"SELECT {_QUESTION_COLUMNS} FROM followup_questions WHERE report_id IN"
            " (SELECT id FROM reports WHERE lineage_id ="
            " (SELECT lineage_id FROM reports WHERE id = ?)) OR report_id = ?"
            " ORDER BY asked_at, question_id",
            (report_id, report_id),
        ).fetchall()
    return [_question(row) for row in rows]


def question(store: Store, question_id: str) -> Question:
    """One question. Raises LookupError when there is none with this id."""
    row = store.execute(
        f"SELECT {_QUESTION_COLUMNS} FROM followup_questions WHERE question_id = ?",
        (question_id,),
    ).fetchone()
    if row is None:
        raise LookupError(f"no question {question_id} on this computer")
    return _question(row)


def unanswered_count(store: Store) -> int:
    """Questions not answered yet (for a badge)."""
    row = store.execute(
        "SELECT count(*) FROM followup_questions WHERE answered_at IS NULL"
    ).fetchone()
    return int(row[0])


def pending_answers(store: Store) -> int:
    """Answers sealed and waiting for the server's receipt."""
    row = store.execute(
        "SELECT count(*) FROM followup_questions"
        " WHERE answer_envelope IS NOT NULL AND answer_receipt IS NULL"
    ).fetchone()
    return int(row[0])


# -- the device's encryption key ----------------------------------------------------------


@dataclass(frozen=True)
class _Messaging:
    pair: NewsroomKeyPair
    registered: bool
    desk_key: bytes | None
    cursor: int


def ensure_encryption_key(store: Store, *, now: datetime | None = None) -> NewsroomPublicKey:
    """This device's encryption public key, made (once, in one transaction) if missing.

    The private half never leaves the encrypted store.
    """
    with store.transaction() as conn:
        row = conn.execute("SELECT encryption_public FROM device_messaging WHERE id = 1").fetchone()
        if row is not None:
            return NewsroomPublicKey.from_text(row[0])
        pair = NewsroomKeyPair.generate(DEFAULT_KEM)
        conn.execute(
            "INSERT INTO device_messaging (id, kem, encryption_private, encryption_public,"
            " created_at) VALUES (1, ?, ?, ?, ?)",
            (
                pair.kem,
                pair.private_bytes(),
                pair.public_key.to_text(),
                format_utc(now or datetime.now(UTC)),
            ),
        )
        return pair.public_key


def pin_desk_signing_key(store: Store, public_key: bytes, *, now: datetime | None = None) -> None:
    """Pin the desks' signing key from the invite (at enrolment), before the server is ever
    asked for it: a server that names another one later is refused (`DeskKeyChangedError`).
    A key already pinned stays. Raises ValueError for a key that is not one a desk signs with.
    """
    check_ed25519_public(public_key)
    ensure_encryption_key(store, now=now)
    with store.transaction() as conn:
        conn.execute(
            "UPDATE device_messaging SET desk_signing_key = ?, desk_key_pinned_at = ?"
            " WHERE id = 1 AND desk_signing_key IS NULL",
            (public_key, format_utc(now or datetime.now(UTC))),
        )


def _messaging(store: Store) -> _Messaging:
    ensure_encryption_key(store)
    row = store.execute(
        "SELECT kem, encryption_private, registered_at, desk_signing_key, message_cursor"
        " FROM device_messaging WHERE id = 1"
    ).fetchone()
    return _Messaging(
        pair=NewsroomKeyPair.from_private_bytes(bytes(row[1]), row[0]),
        registered=row[2] is not None,
        desk_key=None if row[3] is None else bytes(row[3]),
        cursor=int(row[4]),
    )


# -- sync ---------------------------------------------------------------------------------


class FollowupClientLike(Protocol):
    """The part of `sync.client.SyncClient` used here (tests may pass fakes)."""

    def register_encryption_key(self, encryption_key: str, signature: bytes) -> str: ...
    def desk_signing_key(self) -> bytes | None: ...
    def messages(self, after: int, limit: int = ...) -> MessagePage: ...
    def opened(self, after: int, limit: int = ...) -> OpenedPage: ...
    def upload(
        self,
        envelopes: Sequence[tuple[str, bytes]],
        *,
        on_batch: Callable[[list[UploadResult]], None] | None = None,
    ) -> list[UploadResult]: ...
    def close(self) -> None: ...


FollowupClientFactory = Callable[[ClientConfig], FollowupClientLike]


def sync_followups(
    store: Store,
    *,
    client_factory: FollowupClientFactory = SyncClient,
    now: datetime | None = None,
) -> FollowupOutcome:
    """Register the encryption key if needed, fetch and open new questions, send answers.

    Call it right after `desktop.services.sync.sync_once` (same worker). Before enrolment
    it does nothing. Order: register the key (once), send waiting answers, then read the
    message queue from the stored cursor, page by page (the cursor advances only after a
    page is stored). A changed desk key stops the reading (`DeskKeyChangedError`'s words
    in ``message``, ``error`` REFUSED) but not the answers. Network trouble ends the call
    with ``error``/``message``; only store errors raise.
    """
    identity = IdentityRepository(store).get()
    if identity is None:
        return FollowupOutcome()
    moment = now or datetime.now(UTC)
    state = _messaging(store)
    counts = {"received": 0, "sent": 0, "refused": 0, "opened": 0}
    try:
        client = client_factory(
            ClientConfig(
                base_url=identity.server_url,
                token=identity.token,
                tls_fingerprint=identity.tls_fingerprint,
                proxy=identity.proxy,
            )
        )
    except SyncError as refusal:
        return FollowupOutcome(error=_kind_of(refusal), message=str(refusal))
    try:
        if not state.registered:
            _register(store, client, identity, state.pair, moment)
        counts["sent"] = _send_answers(store, client, moment)
        _receive(store, client, identity, state, moment, counts)
        pinned = _messaging(store).desk_key
        if pinned is not None:
            counts["opened"] = opened_lists.receive_opened(
                store, client, device_id=identity.device_id, pinned_key=pinned, now=moment
            )
    except SyncError as failure:
        return FollowupOutcome(
            counts["received"], counts["sent"], counts["refused"], _kind_of(failure), str(failure)
        )
    except DeskKeyChangedError as changed:
        return FollowupOutcome(
            counts["received"],
            counts["sent"],
            counts["refused"],
            SyncErrorKind.REFUSED,
            str(changed),
        )
    finally:
        client.close()
    return FollowupOutcome(
        counts["received"], counts["sent"], counts["refused"], opened=counts["opened"]
    )


def _register(
    store: Store,
    client: FollowupClientLike,
    identity: DeviceIdentity,
    pair: NewsroomKeyPair,
    moment: datetime,
) -> None:
    text = pair.public_key.to_text()
    statement = wire.encryption_key_statement(identity.device_id, text)
    signature = DeviceSigningKey.from_private_bytes(identity.signing_key).sign(statement)
    client.register_encryption_key(text, signature)
    with store.transaction() as conn:
        conn.execute(
            "UPDATE device_messaging SET registered_at = ? WHERE id = 1", (format_utc(moment),)
        )


def _send_answers(store: Store, client: FollowupClientLike, moment: datetime) -> int:
    rows = store.execute(
        "SELECT answer_envelope_id, answer_envelope FROM followup_questions"
        " WHERE answer_envelope IS NOT NULL AND answer_receipt IS NULL ORDER BY answered_at"
    ).fetchall()
    if not rows:
        return 0
    results = client.upload([(str(r[0]), bytes(r[1])) for r in rows])
    sent = 0
    with store.transaction() as conn:
        for result in results:
            if result.ok and result.receipt is not None:
                cursor = conn.execute(
                    "UPDATE followup_questions SET answer_receipt = ?, answer_sent_at = ?"
                    " WHERE answer_envelope_id = ? AND answer_receipt IS NULL",
                    (result.receipt.to_json(), format_utc(moment), result.envelope_id),
                )
                sent += int(cursor.rowcount)
    return sent


def _receive(
    store: Store,
    client: FollowupClientLike,
    identity: DeviceIdentity,
    state: _Messaging,
    moment: datetime,
    counts: dict[str, int],
) -> None:
    served = client.desk_signing_key()
    pinned = state.desk_key
    if pinned is None and served is not None:
        with store.transaction() as conn:
            conn.execute(
                "UPDATE device_messaging SET desk_signing_key = ?, desk_key_pinned_at = ?"
                " WHERE id = 1 AND desk_signing_key IS NULL",
                (served, format_utc(moment)),
            )
        pinned = served
    elif pinned is not None and served != pinned:
        raise DeskKeyChangedError()
    if pinned is None:
        return  # no desk has registered yet: nothing could be verified, nothing is read
    after = state.cursor
    for _ in range(MAX_PAGES):
        page = client.messages(after)
        questions_in: list[tuple[Any, ...]] = []
        refused: list[tuple[str, int, str]] = []
        for item in page.messages:
            try:
                data = wire.decode_base64(item.data)
                opened = open_envelope(
                    data,
                    newsroom_private_key=state.pair,
                    device_public_key_for=lambda d: pinned if d == DESK_SENDER_ID else None,
                )
                if opened.header.kind is not EnvelopeKind.MESSAGE:
                    raise ValueError("not a message")
                if opened.header.envelope_id != item.message_id:
                    raise ValueError("message id differs from the envelope's")
                doc = parse_payload(opened.payload, "question")
                if doc["device_id"] != identity.device_id:
                    raise ValueError("addressed to another device")
            except EnvelopeError as error:
                refused.append((item.message_id, item.seq, error.reason))
                continue
            except ValueError as error:
                refused.append((item.message_id, item.seq, str(error)[:80]))
                continue
            questions_in.append(
                (
                    doc["question_id"],
                    item.message_id,
                    doc["report_id"],
                    doc["text"],
                    doc["desk_label"],
                    format_utc(datetime.fromisoformat(doc["asked_at"])),
                    format_utc(moment),
                )
            )
        with store.transaction() as conn:
            for values in questions_in:
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO followup_questions (question_id, message_id,"
                    " report_id, text, desk_label, asked_at, received_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    values,
                )
                counts["received"] += int(cursor.rowcount)
            for message_id, seq, reason in refused:
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO followup_refused (message_id, seq, reason, at)"
                    " VALUES (?, ?, ?, ?)",
                    (message_id, seq, reason, format_utc(moment)),
                )
                counts["refused"] += int(cursor.rowcount)
            conn.execute(
                "UPDATE device_messaging SET message_cursor = max(message_cursor, ?) WHERE id = 1",
                (page.next_after,),
            )
        after = page.next_after
        if not page.more:
            return


# -- answering ----------------------------------------------------------------------------


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
    text = canonical_text(text.strip())
    if not text:
        raise AnswerError("Write an answer first.")
    if len(text) > MAX_ANSWER_CHARS:
        raise AnswerError(f"The answer is too long: at most {MAX_ANSWER_CHARS} characters.")
    identity = IdentityRepository(store).get()
    if identity is None:
        raise AnswerError("This computer is not enrolled with a newsroom server.")
    asked = question(store, question_id)
    if asked.answered:
        raise AnswerError("This question is already answered.")
    if correction_id is not None:
        _check_correction(store, asked.report_id, correction_id)
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
            cursor = conn.execute(
                "UPDATE followup_questions SET answered_at = ?, answer_text = ?,"
                " correction_id = ?, answer_envelope_id = ?, answer_envelope = ?"
                " WHERE question_id = ? AND answered_at IS NULL",
                (format_utc(moment), text, correction_id, envelope_id, envelope, question_id),
            )
            if cursor.rowcount != 1:
                raise AnswerError("This question is already answered.")
            index_answered_report(conn, asked.report_id)  # answers are searched with the report
        return question(store, question_id)
    raise AnswerError("The answer could not be sealed: try again.")


def _check_correction(store: Store, report_id: str, correction_id: str) -> None:
    rows = {
        str(r[0]): (str(r[1]), int(r[2]), str(r[3]))
        for r in store.execute(
            "SELECT id, lineage_id, revision, state FROM reports WHERE id IN (?, ?)",
            (report_id, correction_id),
        ).fetchall()
    }
    corrected = rows.get(correction_id)
    if corrected is None:
        raise AnswerError(f"There is no report {correction_id} on this computer.")
    if corrected[2] not in ("queued", "sent"):
        raise AnswerError("Queue the corrected report first (a draft is not sent).")
    original = rows.get(report_id)
    if original is not None and (corrected[0] != original[0] or corrected[1] <= original[1]):
        raise AnswerError(
            "That report is not a correction of the report asked about: open the report "
            "and save a correction of it."
        )
