"""The sealed container both hand-carried files share: bundles (`sync.payloads.bundle`)
and receipt files (`sync.payloads.receipts`).

No magic, no version, no cleartext at all (docs/handcarry.md has the bytes) — whoever
holds the file learns its size, which is a bucket::

    enc ‖ HPKE(content key)  ‖  segment 0 ‖ segment 1 ‖ … ‖ segment N-1

The 32-byte content key is HPKE-sealed (RFC 9180 base mode, the envelope suite) to the
recipient key with a domain label as ``info`` that is never written: a bundle's label
differs from a receipt file's, so one can never be taken for the other. The padded
plaintext — an 8-byte body length, the body, zero bytes up to a bucket — is cut into
64 KiB segments, each sealed with ChaCha20-Poly1305 under the content key and a nonce of
the segment's number and a last-segment flag (the STREAM construction): a segment cut,
dropped, repeated or moved fails to open.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from sync.envelope import NewsroomKeyPair, NewsroomPublicKey
from sync.envelope.header import ENC_LENGTHS, SUITES

__all__ = [
    "MAX_ENVELOPES",
    "MAX_ENVELOPE_SIZE",
    "BundleError",
    "Reader",
    "container_bucket",
    "container_segments",
    "millis",
    "moment_of",
    "nonce",
    "not_for_us",
    "open_container",
    "seal_container",
]

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
MAX_ENVELOPES = 1_000_000
"""Envelopes a bundle holds, or envelope ids a receipt file names."""
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


def nonce(index: int, last: bool) -> bytes:
    """A segment's nonce: its number, then 1 for the last segment, else 0."""
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
        parts.append(aead.encrypt(nonce(index, index == count - 1), segment, None))
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
                nonce(index, index == count - 1),
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


class Reader:
    """Reads an opened body's fields in order; `BundleError` ``malformed`` past its end."""

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


def millis(moment: datetime) -> bytes:
    return int(moment.timestamp() * 1000).to_bytes(8, "big")


def moment_of(raw: int) -> datetime:
    try:
        return datetime.fromtimestamp(raw / 1000, UTC)
    except (OverflowError, OSError, ValueError):
        raise BundleError("malformed", "the file's creation time is impossible") from None
