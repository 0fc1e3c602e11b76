"""Hand-carried bundles: envelopes for the desk, in a sealed container
(`sync.payloads.container`, docs/handcarry.md has the bytes).

A bundle body holds envelopes exactly as a device would upload them: a 16-byte bundle id,
the creation time (8 bytes, milliseconds since the epoch), the envelope count (4 bytes),
then each envelope as a 4-byte length and its bytes. It is sealed to the newsroom key by
anyone who has it (it is public), so it proves nothing by itself: every envelope inside is
opened and its device signature verified as in a pull.

A bundle may be gigabytes. Read whole, then decrypted, unpadded and cut into envelopes,
it would be held about four times over; `read_bundle` decrypts each 64 KiB segment as it
is read and cuts its envelopes out as soon as they are whole, so the envelopes are held
once, beside one segment and at most one unfinished envelope. Nothing is returned before
every segment has opened: a file cut or altered anywhere is refused as a whole, and a
damaged segment is reported before a malformed body (as
`sync.payloads.container.open_container`).
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from sync.envelope import NewsroomKeyPair, NewsroomPublicKey
from sync.envelope.header import ENC_LENGTHS, SUITES
from sync.payloads.container import (
    KEY_SIZE,
    LENGTH_SIZE,
    MAX_ENVELOPE_SIZE,
    MAX_ENVELOPES,
    MIB,
    SEGMENT,
    TAG_SIZE,
    BundleError,
    container_segments,
    millis,
    moment_of,
    nonce,
    not_for_us,
    seal_container,
)

__all__ = [
    "BUNDLE_INFO",
    "MAX_RELAYED_BUNDLE",
    "Bundle",
    "BundleError",
    "bundle_body",
    "open_bundle",
    "read_bundle",
    "seal_bundle",
]

BUNDLE_INFO = b"gatewatch hand-carried bundle v1"
MAX_RELAYED_BUNDLE = 64 * MIB
"""The largest bundle a device may relay through the server (larger ones go by hand)."""


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
    return seal_container(bundle_body(envelopes, bundle_id, created_at), recipient, BUNDLE_INFO)


def bundle_body(
    envelopes: Sequence[bytes], bundle_id: str | None = None, created_at: datetime | None = None
) -> bytes:
    """A bundle's body before it is sealed: a random id and the time unless given."""
    if len(envelopes) > MAX_ENVELOPES:
        raise BundleError("too_large", f"a bundle holds at most {MAX_ENVELOPES} envelopes")
    parts = [
        uuid.UUID(bundle_id or str(uuid.uuid4())).bytes,
        millis(created_at or datetime.now(UTC)),
        len(envelopes).to_bytes(4, "big"),
    ]
    for envelope in envelopes:
        if not 0 < len(envelope) <= MAX_ENVELOPE_SIZE:
            raise ValueError("an envelope is 1 byte to 32 MiB")
        parts += [len(envelope).to_bytes(4, "big"), bytes(envelope)]
    return b"".join(parts)


def open_bundle(data: bytes, keys: Sequence[NewsroomKeyPair]) -> Bundle:
    """Open a bundle with the newsroom key(s). The envelopes are not verified here: open
    each as a pulled one. Raises `BundleError`. (A file on disk is read a segment at a
    time with `read_bundle`; this reads the same way from memory.)"""
    return read_bundle(io.BytesIO(data), len(data), keys)


_HEAD = 16 + 8 + 4  # bundle id, creation time, envelope count


def read_bundle(stream: BinaryIO, size: int, keys: Sequence[NewsroomKeyPair]) -> Bundle:
    """Open the ``size``-byte bundle ``stream`` (read from its start) with whichever of
    ``keys`` it was sealed to. Raises `BundleError` as `open_bundle`."""
    for pair in keys:
        segments = container_segments(size, pair.kem)
        if not segments:
            continue
        stream.seek(0)
        head = stream.read(ENC_LENGTHS[pair.kem] + KEY_SIZE + TAG_SIZE)
        try:
            key = SUITES[pair.kem].decrypt(head, pair.hpke_key(), info=BUNDLE_INFO)
        except (InvalidTag, ValueError):
            continue
        return _read_body(stream, key, segments)
    raise not_for_us()


def _damaged() -> BundleError:
    return BundleError(
        "damaged", "the file was altered or cut after it was written: ask for it again"
    )


def _read_body(stream: BinaryIO, key: bytes, segments: int) -> Bundle:
    aead = ChaCha20Poly1305(key)
    body = _Body(segments * SEGMENT)
    problem: BundleError | None = None
    for index in range(segments):
        sealed = stream.read(SEGMENT + TAG_SIZE)
        if len(sealed) != SEGMENT + TAG_SIZE:
            raise _damaged()  # the file changed size while it was read
        try:
            plain = aead.decrypt(nonce(index, index == segments - 1), sealed, None)
        except InvalidTag:
            raise _damaged() from None
        if problem is None:
            try:
                body.feed(plain)
            except BundleError as error:
                problem = error  # raised once every segment has opened
    if problem is not None:
        raise problem
    return body.finish()


def _malformed(text: str) -> BundleError:
    return BundleError("malformed", text)


class _Body:
    """The padded plaintext, fed a segment at a time: the length field, the body (cut
    into the bundle's head and its envelopes as they complete), then zero padding."""

    def __init__(self, padded: int) -> None:
        self._padded = padded
        self._length_field = bytearray()
        self._left: int | None = None  # body bytes still to come, once the length is read
        self._buffer = bytearray()  # body bytes not yet cut into an item
        self._head: tuple[str, datetime, int] | None = None
        self._next: int | None = None  # the size of the envelope being read
        self._envelopes: list[bytes] = []

    def feed(self, plain: bytes) -> None:
        view = memoryview(plain)
        if self._left is None:
            wanted = LENGTH_SIZE - len(self._length_field)
            self._length_field += view[:wanted]
            view = view[wanted:]
            if len(self._length_field) < LENGTH_SIZE:
                return
            length = int.from_bytes(self._length_field, "big")
            if length > self._padded - LENGTH_SIZE:
                raise _malformed("the file's length field points past its end")
            self._left = length
        taken = min(len(view), self._left)
        self._buffer += view[:taken]
        self._left -= taken
        padding = view[taken:].tobytes()
        if padding.count(0) != len(padding):
            raise _malformed("the file's padding is not all zero bytes")
        self._cut()

    def _cut(self) -> None:
        buffer = self._buffer
        while True:
            if self._head is None:
                if len(buffer) < _HEAD:
                    return
                count = int.from_bytes(buffer[24:28], "big")
                if count > MAX_ENVELOPES:
                    raise _malformed("the bundle claims more envelopes than it may hold")
                bundle_id = str(uuid.UUID(bytes=bytes(buffer[:16])))
                self._head = (bundle_id, moment_of(int.from_bytes(buffer[16:24], "big")), count)
                del buffer[:_HEAD]
            if len(self._envelopes) == self._head[2]:
                return
            if self._next is None:
                if len(buffer) < 4:
                    return
                size = int.from_bytes(buffer[:4], "big")
                if not 0 < size <= MAX_ENVELOPE_SIZE:
                    raise _malformed("an envelope in the bundle has an impossible size")
                del buffer[:4]
                self._next = size
            if len(buffer) < self._next:
                return
            self._envelopes.append(bytes(buffer[: self._next]))
            del buffer[: self._next]  # CPython drops a bytearray's front in place
            self._next = None

    def finish(self) -> Bundle:
        if self._head is None or len(self._envelopes) < self._head[2]:
            raise _malformed("the file's contents end too early")
        if self._buffer or self._left:
            raise _malformed("the file's contents go on after their end")
        bundle_id, created, _ = self._head
        return Bundle(bundle_id, created, tuple(self._envelopes))
