"""Receipt files the desk writes for a device, to be carried back by hand.

`write_receipts` writes a device's receipt file: every envelope of it this desk holds and
its unanswered questions, signed with the desk signing key and sealed to the device's
encryption key, which a pull learns and verifies (`remember_encryption_keys`) against the
signing key the desk already holds for the device.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from desktop.services.handcarry import HandcarryError, write_carried
from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository
from desktop.store.handcarry import HandcarryRepository
from sync import wire
from sync.envelope import (
    DESK_SENDER_ID,
    DeviceSigningKey,
    EnvelopeKind,
    NewsroomKeyPair,
    NewsroomPublicKey,
    derive_desk_signing_key,
    seal,
)
from sync.messages import DeviceInfo
from sync.payloads.followup import question_payload
from sync.payloads.receipts import HandReceipts, seal_receipts

__all__ = ["ReceiptsWritten", "desk_pairs", "remember_encryption_keys", "write_receipts"]


def desk_pairs(store: Store) -> list[NewsroomKeyPair]:
    """The newsroom key pairs this desk holds; raises `HandcarryError` ``no_desk_key``."""
    keys = DeskRepository(store).keys()
    if not keys:
        raise HandcarryError(
            "no_desk_key", "this store has no newsroom key: run `gatewatch desk init` first"
        )
    return [NewsroomKeyPair.from_private_bytes(k.private_key, k.kem) for k in keys]


def remember_encryption_keys(
    store: Store, devices: Sequence[DeviceInfo], *, now: datetime | None = None
) -> int:
    """Keep each device's encryption key whose signature verifies against the signing key
    this desk already holds for it (a server cannot slip in its own); return how many."""
    desk = DeskRepository(store)
    verified = []
    for info in devices:
        signing = desk.device_key(info.device_id)
        if info.encryption_key is None or info.encryption_key_signature is None or not signing:
            continue
        try:
            ed25519.Ed25519PublicKey.from_public_bytes(signing).verify(
                wire.decode_base64(info.encryption_key_signature),
                wire.encryption_key_statement(info.device_id, info.encryption_key),
            )
            NewsroomPublicKey.from_text(info.encryption_key)
        except (InvalidSignature, ValueError):
            continue
        verified.append((info.device_id, info.encryption_key))
    HandcarryRepository(store).save_encryption_keys(verified, now or datetime.now(UTC))
    return len(verified)


@dataclass(frozen=True)
class ReceiptsWritten:
    envelopes: int
    questions: int
    size: int


def write_receipts(
    store: Store, device_id: str, path: Path, *, now: datetime | None = None
) -> ReceiptsWritten:
    """Write ``device_id``'s receipt file to ``path``: every envelope of it this desk holds,
    and its unanswered questions (sealed now if they were not yet).

    Raises `HandcarryError` ``unknown_device`` and ``no_encryption_key`` (the desk has
    not yet seen the device's verified encryption key: pull once with a connection)."""
    pairs = desk_pairs(store)
    if DeskRepository(store).device_key(device_id) is None:
        raise HandcarryError("unknown_device", f"this desk knows no device {device_id}")
    repo = HandcarryRepository(store)
    key_text = repo.encryption_key(device_id)
    if key_text is None:
        raise HandcarryError(
            "no_encryption_key",
            f"this desk has not yet received device {device_id}'s encryption key: pull once "
            "with a connection after the device has synced",
        )
    recipient = NewsroomPublicKey.from_text(key_text)
    signer = derive_desk_signing_key(pairs[0])
    moment = now or datetime.now(UTC)
    questions = [
        (message_id, envelope or _seal_question(store, qid, recipient, signer))
        for qid, message_id, envelope in repo.waiting_questions(device_id)
    ]
    ids = repo.held_envelope_ids(device_id)
    receipts = HandReceipts(str(uuid.uuid4()), moment, device_id, tuple(ids), tuple(questions))
    data = seal_receipts(receipts, signer, recipient)
    write_carried(path, data)
    return ReceiptsWritten(len(ids), len(questions), len(data))


def _seal_question(
    store: Store, question_id: str, recipient: NewsroomPublicKey, signer: DeviceSigningKey
) -> bytes:
    repo = HandcarryRepository(store)
    report_id, device_id, text, label, asked_at, message_id = repo.question(question_id)
    envelope = seal(
        question_payload(
            question_id=question_id,
            report_id=report_id,
            device_id=device_id,
            text=text,
            asked_at=datetime.fromisoformat(asked_at),
            desk_label=label,
        ),
        kind=EnvelopeKind.MESSAGE,
        envelope_id=message_id,
        device_id=DESK_SENDER_ID,
        device_key=signer,
        recipient=recipient,
    )
    return repo.keep_sealed_question(question_id, envelope)
