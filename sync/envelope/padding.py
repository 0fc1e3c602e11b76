"""Size buckets and the framed, padded plaintext inside the seal.

The plaintext that HPKE encrypts is ``frame(payload, signature)``::

    offset  size  field
    0       4     payload length L, unsigned big-endian
    4       L     payload
    4+L     64    Ed25519 signature
    68+L    ...   zero bytes up to the bucket size

Bucket sizes: every power of two from 1 KiB to 16 MiB, then every whole MiB above 16 MiB
up to :data:`MAX_PADDED` (31 MiB). Anything larger is refused.
"""

from __future__ import annotations

import hmac

from sync.envelope.errors import BadPadding, OversizedEnvelope

KIB = 1024
MIB = 1024 * KIB
MIN_BUCKET = 1 * KIB
POW2_LIMIT = 16 * MIB
STEP_ABOVE = 1 * MIB
MAX_PADDED = 31 * MIB
SIGNATURE_SIZE = 64
LENGTH_SIZE = 4
FRAME_OVERHEAD = LENGTH_SIZE + SIGNATURE_SIZE
MAX_PAYLOAD = MAX_PADDED - FRAME_OVERHEAD


def bucket_for(size: int) -> int:
    """Return the smallest bucket that holds ``size`` bytes.

    Raises :class:`OversizedEnvelope` when ``size`` exceeds :data:`MAX_PADDED`.
    """
    if size < 0:
        raise ValueError("size must not be negative")
    if size > MAX_PADDED:
        raise OversizedEnvelope(
            f"the padded body would be {size} bytes; the limit is {MAX_PADDED}: "
            "split the data into smaller envelopes"
        )
    if size <= MIN_BUCKET:
        return MIN_BUCKET
    if size <= POW2_LIMIT:
        return 1 << (size - 1).bit_length()
    return -(-size // STEP_ABOVE) * STEP_ABOVE


def is_bucket(size: int) -> bool:
    """True when ``size`` is exactly one of the bucket sizes."""
    if size < MIN_BUCKET or size > MAX_PADDED:
        return False
    if size <= POW2_LIMIT:
        return size & (size - 1) == 0
    return size % STEP_ABOVE == 0


def frame(payload: bytes, signature: bytes, min_padded: int = 0) -> bytes:
    """Frame and pad ``payload`` and its ``signature`` to a bucket size: the smallest that
    holds them, or the smallest that holds ``min_padded`` bytes when that is larger (a
    sender may hide a payload's size further; the opener accepts any bucket).

    Raises :class:`OversizedEnvelope` when the payload exceeds :data:`MAX_PAYLOAD`.
    """
    if len(signature) != SIGNATURE_SIZE:
        raise ValueError("an Ed25519 signature is 64 bytes")
    if len(payload) > MAX_PAYLOAD:
        raise OversizedEnvelope(
            f"the payload is {len(payload)} bytes; the limit is {MAX_PAYLOAD}: "
            "split the data into smaller envelopes"
        )
    used = FRAME_OVERHEAD + len(payload)
    size = bucket_for(max(used, min_padded))
    return b"".join(
        (len(payload).to_bytes(LENGTH_SIZE, "big"), payload, signature, bytes(size - used))
    )


def unframe(plaintext: bytes) -> tuple[bytes, bytes]:
    """Return ``(payload, signature)`` from a padded plaintext.

    Raises :class:`BadPadding` when the size is not a bucket, the length field points past
    the end, or any padding byte is not zero. Never returns a partial payload.
    """
    if not is_bucket(len(plaintext)):
        raise BadPadding(f"the decrypted body is {len(plaintext)} bytes, not a bucket size")
    length = int.from_bytes(plaintext[:LENGTH_SIZE], "big")
    if length > len(plaintext) - FRAME_OVERHEAD:
        raise BadPadding("the payload length inside the body points past its end")
    end = LENGTH_SIZE + length
    payload = plaintext[LENGTH_SIZE:end]
    signature = plaintext[end : end + SIGNATURE_SIZE]
    padding = plaintext[end + SIGNATURE_SIZE :]
    if not hmac.compare_digest(padding, bytes(len(padding))):
        raise BadPadding("the padding inside the body is not all zero bytes")
    return payload, signature
