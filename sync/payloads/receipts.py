"""Hand-carried receipt files: what a desk holds from one device, carried back to it in
a sealed container (`sync.payloads.container`, docs/handcarry.md has the bytes).

A receipt file body names the envelopes a desk holds from one device and carries that
device's waiting follow-up questions: a 16-byte receipt id, the creation time (8 bytes,
milliseconds), the device id (1-byte length, ASCII), the envelope ids (4-byte count,
16 bytes each), the questions (4-byte count; each a 16-byte message id, a 4-byte length
and the sealed message), then a 64-byte Ed25519 signature over a domain label and all
that by the desk signing key. It is sealed to the device's own encryption key, so only
that device can read it and only a desk can have written it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from sync.envelope import DeviceSigningKey, NewsroomKeyPair, NewsroomPublicKey
from sync.envelope.header import check_device_id
from sync.payloads.container import (
    MAX_ENVELOPE_SIZE,
    MAX_ENVELOPES,
    BundleError,
    Reader,
    millis,
    moment_of,
    open_container,
    seal_container,
)

__all__ = [
    "MAX_QUESTIONS",
    "RECEIPTS_INFO",
    "RECEIPTS_SIGNATURE_DOMAIN",
    "HandReceipts",
    "open_receipts",
    "receipts_body",
    "seal_receipts",
]

RECEIPTS_INFO = b"gatewatch hand-carried receipts v1"
RECEIPTS_SIGNATURE_DOMAIN = b"gatewatch receipts v1 desk signature\x00"
MAX_QUESTIONS = 10_000


@dataclass(frozen=True)
class HandReceipts:
    """An opened, verified receipt file: the envelope ids a desk holds from ``device_id``
    and that device's waiting questions as (message id, sealed message) pairs."""

    receipt_id: str
    created_at: datetime
    device_id: str
    envelope_ids: tuple[str, ...]
    questions: tuple[tuple[str, bytes], ...]


def receipts_body(receipts: HandReceipts) -> bytes:
    """A receipt file's body before it is signed and sealed."""
    device = check_device_id(receipts.device_id).encode("ascii")
    parts = [
        uuid.UUID(receipts.receipt_id).bytes,
        millis(receipts.created_at),
        bytes((len(device),)),
        device,
        len(receipts.envelope_ids).to_bytes(4, "big"),
        *(uuid.UUID(i).bytes for i in receipts.envelope_ids),
        len(receipts.questions).to_bytes(4, "big"),
    ]
    for message_id, envelope in receipts.questions:
        parts += [uuid.UUID(message_id).bytes, len(envelope).to_bytes(4, "big"), envelope]
    return b"".join(parts)


def seal_receipts(
    receipts: HandReceipts, desk_key: DeviceSigningKey, device_key: NewsroomPublicKey
) -> bytes:
    """The receipt file: ``receipts`` signed with the desk signing key, sealed to the
    device's encryption key."""
    if len(receipts.envelope_ids) > MAX_ENVELOPES or len(receipts.questions) > MAX_QUESTIONS:
        raise BundleError("too_large", "too many receipts or questions for one file")
    body = receipts_body(receipts)
    signature = desk_key.sign(RECEIPTS_SIGNATURE_DOMAIN + body)
    return seal_container(body + signature, device_key, RECEIPTS_INFO)


def open_receipts(data: bytes, device_pair: NewsroomKeyPair, desk_key: bytes) -> HandReceipts:
    """Open a receipt file with the device's encryption key pair and check the desk's
    signature (``desk_key``: the raw Ed25519 key the device pinned). Raises `BundleError`."""
    body = open_container(data, [device_pair], RECEIPTS_INFO)
    if len(body) < 64:
        raise BundleError("malformed", "the receipt file is too short to hold a signature")
    signed, signature = body[:-64], body[-64:]
    try:
        ed25519.Ed25519PublicKey.from_public_bytes(desk_key).verify(
            signature, RECEIPTS_SIGNATURE_DOMAIN + signed
        )
    except (InvalidSignature, ValueError):
        raise BundleError(
            "bad_signature",
            "the receipt file is not signed by your newsroom's desk: do not trust it",
        ) from None
    reader = Reader(signed)
    receipt_id = str(uuid.UUID(bytes=reader.take(16)))
    created = moment_of(reader.number(8))
    device_raw = reader.take(reader.number(1))
    try:
        device_id = check_device_id(device_raw.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise BundleError("malformed", "the receipt file names an impossible device") from None
    count = reader.number(4)
    if count > MAX_ENVELOPES:
        raise BundleError("malformed", "the receipt file claims too many receipts")
    ids = tuple(str(uuid.UUID(bytes=reader.take(16))) for _ in range(count))
    questions = []
    qcount = reader.number(4)
    if qcount > MAX_QUESTIONS:
        raise BundleError("malformed", "the receipt file claims too many questions")
    for _ in range(qcount):
        message_id = str(uuid.UUID(bytes=reader.take(16)))
        size = reader.number(4)
        if not 0 < size <= MAX_ENVELOPE_SIZE:
            raise BundleError("malformed", "a question in the receipt file has an impossible size")
        questions.append((message_id, reader.take(size)))
    reader.end()
    return HandReceipts(receipt_id, created, device_id, ids, tuple(questions))
