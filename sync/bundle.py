"""Hand-carried files: bundles of envelopes for the desk, receipt files for a device.

Both are the same *sealed container* (docs/handcarry.md has the bytes): no magic, no
version, no cleartext at all — whoever holds the file learns its size, which is a bucket::

    enc ‖ HPKE(content key)  ‖  segment 0 ‖ segment 1 ‖ … ‖ segment N-1

The 32-byte content key is HPKE-sealed (RFC 9180 base mode, the envelope suite) to the
recipient key with a domain label as ``info`` that is never written: a bundle's label
differs from a receipt file's, so one can never be taken for the other. The padded
plaintext — an 8-byte body length, the body, zero bytes up to a bucket — is cut into
64 KiB segments, each sealed with ChaCha20-Poly1305 under the content key and a nonce of
the segment's number and a last-segment flag (the STREAM construction): a segment cut,
dropped, repeated or moved fails to open.

A **bundle** body holds envelopes exactly as a device would upload them. It is sealed to
the newsroom key by anyone who has it (it is public), so it proves nothing by itself:
every envelope inside is opened and its device signature verified as in a pull.

A **receipt file** body names the envelopes a desk holds from one device and carries that
device's waiting follow-up questions; it is signed with the desk signing key and sealed to
the device's own encryption key, so only that device can read it and only a desk can
have written it.
"""

from __future__ import annotations

import io
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from sync.envelope import DeviceSigningKey, NewsroomKeyPair, NewsroomPublicKey
from sync.envelope.header import ENC_LENGTHS, SUITES, check_device_id

__all__ = [
    "BUNDLE_INFO",
    "RECEIPTS_INFO",
    "Bundle",
    "BundleError",
    "HandReceipts",
    "container_bucket",
    "container_segments",
    "not_for_us",
    "open_bundle",
    "open_receipts",
    "seal_bundle",
    "seal_receipts",
]

BUNDLE_INFO = b"gatewatch hand-carried bundle v1"
RECEIPTS_INFO = b"gatewatch hand-carried receipts v1"
RECEIPTS_SIGNATURE_DOMAIN = b"gatewatch receipts v1 desk signature\x00"
KEY_SIZE = 32
TAG_SIZE = 16
SEGMENT = 64 * 1024
LENGTH_SIZE = 8
KIB = 1024
MIB = 1024 * KIB
MIN_BUCKET = 64 * KIB
POW2_LIMIT = 64 * MIB
STEP_ABOVE = 64 * MIB
MAX_PADDED = 4096 * MIB
"""The largest padded plaintext: bigger exports must be split (never reached in practice)."""
MAX_RELAYED_BUNDLE = 64 * MIB
"""The largest bundle a device may relay through the server (larger ones go by hand)."""
MAX_ENVELOPES = 1_000_000
MAX_QUESTIONS = 10_000
MAX_ENVELOPE_SIZE = 32 * MIB


class BundleError(ValueError):
    """A hand-carried file that cannot be opened; ``reason`` is a stable code.

    ``not_for_us`` (no key held here opens it, or it is not such a file at all — the two
    cannot be told apart, by design), ``damaged`` (cut or altered), ``malformed`` (opens,
    but its contents break the format), ``bad_signature`` (a receipt file no desk signed),
    ``too_large``.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def container_bucket(size: int) -> int:
    """The padded plaintext size for ``size`` bytes: a power of two from 64 KiB to 64 MiB,
    then a multiple of 64 MiB. Raises `BundleError` ``too_large`` above 4 GiB."""
    if size > MAX_PADDED:
        raise BundleError("too_large", "more than 4 GiB to carry: export fewer reports at once")
    if size <= MIN_BUCKET:
        return MIN_BUCKET
    if size <= POW2_LIMIT:
        return 1 << (size - 1).bit_length()
    return -(-size // STEP_ABOVE) * STEP_ABOVE


def _is_bucket(size: int) -> bool:
    if size < MIN_BUCKET or size > MAX_PADDED:
        return False
    if size <= POW2_LIMIT:
        return size & (size - 1) == 0
    return size % STEP_ABOVE == 0


def container_segments(size: int, kem: str) -> int:
    """How many segments a sealed container of ``size`` bytes to a ``kem`` key holds, or 0
    when no container can have that size (checked before any cryptography; the server
    checks a relayed bundle's size with it, holding no key)."""
    rest = size - ENC_LENGTHS[kem] - KEY_SIZE - TAG_SIZE  # type: ignore[index]
    segments = -(-rest // (SEGMENT + TAG_SIZE)) if rest > 0 else 0
    if segments == 0 or rest != segments * (SEGMENT + TAG_SIZE):
        return 0
    return segments if _is_bucket(segments * SEGMENT) else 0


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def seal_container(body: bytes, recipient: NewsroomPublicKey, info: bytes) -> bytes:
    """Pad ``body``, seal it to ``recipient`` under the label ``info``; return the file."""
    padded_size = container_bucket(LENGTH_SIZE + len(body))
    plaintext = bytearray(padded_size)
    plaintext[:LENGTH_SIZE] = len(body).to_bytes(LENGTH_SIZE, "big")
    plaintext[LENGTH_SIZE : LENGTH_SIZE + len(body)] = body
    key = os.urandom(KEY_SIZE)
    parts = [SUITES[recipient.kem].encrypt(key, recipient.hpke_key(), info=info)]
    aead = ChaCha20Poly1305(key)
    view = memoryview(plaintext)
    count = padded_size // SEGMENT
    for index in range(count):
        segment = bytes(view[index * SEGMENT : (index + 1) * SEGMENT])
        parts.append(aead.encrypt(_nonce(index, index == count - 1), segment, None))
    return b"".join(parts)


def open_container(data: bytes, keys: Sequence[NewsroomKeyPair], info: bytes) -> bytes:
    """The body of a sealed container, with whichever of ``keys`` it was sealed to.

    Sizes are checked before any cryptography. Raises `BundleError`.
    """
    for pair in keys:
        enc = ENC_LENGTHS[pair.kem]
        segments = container_segments(len(data), pair.kem)
        if not segments:
            continue
        head = enc + KEY_SIZE + TAG_SIZE
        try:
            key = SUITES[pair.kem].decrypt(data[:head], pair.hpke_key(), info=info)
        except (InvalidTag, ValueError):
            continue
        return _unpad(_decrypt_segments(key, memoryview(data)[head:], segments))
    raise not_for_us()


def not_for_us() -> BundleError:
    """No key held here opens the file (or it is no such file: the two look the same)."""
    return BundleError(
        "not_for_us",
        "this file is not a hand-carried Gatewatch file for this key (or not one at all): "
        "check that it is the file that was given, and that it is opened where it belongs",
    )


def _decrypt_segments(key: bytes, view: memoryview, count: int) -> bytearray:
    aead = ChaCha20Poly1305(key)
    out = bytearray()
    size = SEGMENT + TAG_SIZE
    for index in range(count):
        try:
            out += aead.decrypt(
                _nonce(index, index == count - 1),
                bytes(view[index * size : (index + 1) * size]),
                None,
            )
        except InvalidTag:
            raise BundleError(
                "damaged",
                "the file was altered or cut after it was written: ask for it again",
            ) from None
    return out


def _unpad(plaintext: bytearray) -> bytes:
    length = int.from_bytes(plaintext[:LENGTH_SIZE], "big")
    if length > len(plaintext) - LENGTH_SIZE:
        raise BundleError("malformed", "the file's length field points past its end")
    end = LENGTH_SIZE + length
    if any(plaintext[end:]):
        raise BundleError("malformed", "the file's padding is not all zero bytes")
    return bytes(plaintext[LENGTH_SIZE:end])


class _Reader:
    def __init__(self, data: bytes) -> None:
        self._data = data
        self._at = 0

    def take(self, size: int) -> bytes:
        if self._at + size > len(self._data):
            raise BundleError("malformed", "the file's contents end too early")
        chunk = self._data[self._at : self._at + size]
        self._at += size
        return chunk

    def number(self, size: int) -> int:
        return int.from_bytes(self.take(size), "big")

    def end(self) -> None:
        if self._at != len(self._data):
            raise BundleError("malformed", "the file's contents go on after their end")


def _millis(moment: datetime) -> bytes:
    return int(moment.timestamp() * 1000).to_bytes(8, "big")


def _moment(raw: int) -> datetime:
    try:
        return datetime.fromtimestamp(raw / 1000, UTC)
    except (OverflowError, OSError, ValueError):
        raise BundleError("malformed", "the file's creation time is impossible") from None


# -- bundles --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bundle:
    """An opened bundle: its random id, when it was written, and the envelopes inside."""

    bundle_id: str
    created_at: datetime
    envelopes: tuple[bytes, ...]


def seal_bundle(
    envelopes: Sequence[bytes],
    recipient: NewsroomPublicKey,
    *,
    bundle_id: str | None = None,
    created_at: datetime | None = None,
) -> bytes:
    """The bundle file for ``envelopes`` (sealed envelopes, in any order)."""
    if len(envelopes) > MAX_ENVELOPES:
        raise BundleError("too_large", f"a bundle holds at most {MAX_ENVELOPES} envelopes")
    parts = [
        uuid.UUID(bundle_id or str(uuid.uuid4())).bytes,
        _millis(created_at or datetime.now(UTC)),
        len(envelopes).to_bytes(4, "big"),
    ]
    for envelope in envelopes:
        if not 0 < len(envelope) <= MAX_ENVELOPE_SIZE:
            raise ValueError("an envelope is 1 byte to 32 MiB")
        parts += [len(envelope).to_bytes(4, "big"), bytes(envelope)]
    return seal_container(b"".join(parts), recipient, BUNDLE_INFO)


def open_bundle(data: bytes, keys: Sequence[NewsroomKeyPair]) -> Bundle:
    """Open a bundle with the newsroom key(s). The envelopes are not verified here: open
    each as a pulled one. Raises `BundleError`. (A file on disk is read a segment at a
    time with `sync.bundle_stream.read_bundle`; this reads the same way from memory.)"""
    from sync.bundle_stream import read_bundle  # it builds on this module

    return read_bundle(io.BytesIO(data), len(data), keys)


# -- receipt files --------------------------------------------------------------------------


@dataclass(frozen=True)
class HandReceipts:
    """An opened, verified receipt file: the envelope ids a desk holds from ``device_id``
    and that device's waiting questions as (message id, sealed message) pairs."""

    receipt_id: str
    created_at: datetime
    device_id: str
    envelope_ids: tuple[str, ...]
    questions: tuple[tuple[str, bytes], ...]


def _receipts_body(receipts: HandReceipts) -> bytes:
    device = check_device_id(receipts.device_id).encode("ascii")
    parts = [
        uuid.UUID(receipts.receipt_id).bytes,
        _millis(receipts.created_at),
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
    body = _receipts_body(receipts)
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
    reader = _Reader(signed)
    receipt_id = str(uuid.UUID(bytes=reader.take(16)))
    created = _moment(reader.number(8))
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
