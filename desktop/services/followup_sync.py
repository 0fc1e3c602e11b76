"""Follow-up questions reaching the device: its encryption key, the desk key it pins, and
the exchange with the server at each sync (questions in, answers out).

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
- **Answers** sealed by `desktop.services.correspondent.followups.answer` wait in the
  store and are uploaded here until the server's receipt is stored (idempotent by
  envelope id).

Shared core rather than the correspondent's package: the sync (`desktop/services/sync.py`)
pins the key at enrolment, and the sync controller runs `sync_followups` after each sync.
Network trouble never raises from `sync_followups`; it ends with ``error`` and ``message``
set like `desktop.services.sync.sync_once`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from desktop.domain.followups import DeskKeyChangedError
from desktop.services import opened as opened_lists
from desktop.services.sync import SyncErrorKind, _kind_of
from desktop.store import followups as followup_store
from desktop.store.database import Store
from desktop.store.followups import FollowupRepository, NewQuestion
from desktop.store.identity import DeviceIdentity, IdentityRepository
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
from sync.payloads.followup import parse_payload

__all__ = [
    "DeskKeyChangedError",
    "FollowupOutcome",
    "ensure_encryption_key",
    "pin_desk_signing_key",
    "sync_followups",
]

MAX_PAGES = 20
"""Pages of messages one `sync_followups` reads at most (100 messages each)."""


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
        public = followup_store.encryption_public(conn)
        if public is not None:
            return NewsroomPublicKey.from_text(public)
        pair = NewsroomKeyPair.generate(DEFAULT_KEM)
        followup_store.add_messaging(
            conn,
            pair.kem,
            pair.private_bytes(),
            pair.public_key.to_text(),
            now or datetime.now(UTC),
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
        followup_store.pin_desk_key(conn, public_key, now or datetime.now(UTC))


def _messaging(store: Store) -> _Messaging:
    ensure_encryption_key(store)
    row = FollowupRepository(store).messaging()
    assert row is not None  # made just above
    return _Messaging(
        pair=NewsroomKeyPair.from_private_bytes(row.private_key, row.kem),
        registered=row.registered,
        desk_key=row.desk_key,
        cursor=row.cursor,
    )


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
        followup_store.mark_registered(conn, moment)


def _send_answers(store: Store, client: FollowupClientLike, moment: datetime) -> int:
    waiting = FollowupRepository(store).waiting_answers()
    if not waiting:
        return 0
    results = client.upload(waiting)
    sent = 0
    with store.transaction() as conn:
        for result in results:
            if result.ok and result.receipt is not None:
                sent += followup_store.mark_answer_sent(
                    conn, result.envelope_id, result.receipt.to_json(), moment
                )
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
            followup_store.pin_desk_key(conn, served, moment)
        pinned = served
    elif pinned is not None and served != pinned:
        raise DeskKeyChangedError()
    if pinned is None:
        return  # no desk has registered yet: nothing could be verified, nothing is read
    after = state.cursor
    for _ in range(MAX_PAGES):
        page = client.messages(after)
        questions_in: list[NewQuestion] = []
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
                NewQuestion(
                    question_id=doc["question_id"],
                    message_id=item.message_id,
                    report_id=doc["report_id"],
                    text=doc["text"],
                    desk_label=doc["desk_label"],
                    asked_at=datetime.fromisoformat(doc["asked_at"]),
                )
            )
        with store.transaction() as conn:
            for question in questions_in:
                counts["received"] += followup_store.add_question(conn, question, moment)
            for message_id, seq, reason in refused:
                counts["refused"] += followup_store.add_refused(
                    conn, message_id, seq, reason, moment
                )
            followup_store.advance_cursor(conn, page.next_after)
        after = page.next_after
        if not page.more:
            return
