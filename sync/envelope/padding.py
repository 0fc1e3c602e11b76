"""Size buckets and the framed, padded plaintext inside the seal.

The plaintext that HPKE encrypts is ``frame(payload, signature)``::

    offset  size  field
    0       4     payload length L, unsigned big-endian
    4       L     payload
    4+L     64    Ed25519 signature
    68+L    ...   zero bytes up to the bucket size

Format version 2 adds the chain block (``sync.envelope.chain``) after the payload::

    0       4     payload length L
    4       L     payload
    4+L     2     chain block length C (0: unchained)
    6+L     C     chain block
    6+L+C   64    Ed25519 signature
    70+L+C  ...   zero bytes up to the bucket size

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
CHAIN_LENGTH_SIZE = 2
FRAME_OVERHEAD = LENGTH_SIZE + SIGNATURE_SIZE
FRAME_OVERHEAD_V2 = FRAME_OVERHEAD + CHAIN_LENGTH_SIZE
MAX_CHAIN_BLOCK = 0xFFFF
MAX_PAYLOAD = MAX_PADDED - FRAME_OVERHEAD_V2
"""The largest payload of an unchained envelope; a chain block takes its size from it."""


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


def frame_v2(payload: bytes, chain: bytes, signature: bytes, min_padded: int = 0) -> bytes:
    """Frame and pad as :func:`frame` does, with the chain block (format version 2)."""
    if len(signature) != SIGNATURE_SIZE:
        raise ValueError("an Ed25519 signature is 64 bytes")
    if len(chain) > MAX_CHAIN_BLOCK:
        raise ValueError("the chain block is too long")
    used = FRAME_OVERHEAD_V2 + len(chain) + len(payload)
    if used > MAX_PADDED:
        raise OversizedEnvelope(
            f"the payload is {len(payload)} bytes; the limit is {MAX_PAYLOAD - len(chain)}: "
            "split the data into smaller envelopes"
        )
    size = bucket_for(max(used, min_padded))
    return b"".join(
        (
            len(payload).to_bytes(LENGTH_SIZE, "big"),
            payload,
            len(chain).to_bytes(CHAIN_LENGTH_SIZE, "big"),
            chain,
            signature,
            bytes(size - used),
        )
    )


def unframe_v2(plaintext: bytes) -> tuple[bytes, bytes, bytes]:
    """Return ``(payload, chain block, signature)`` from a version 2 padded plaintext.

    Raises :class:`BadPadding` as :func:`unframe` does, also for a chain length that
    points past the end.
    """
    if not is_bucket(len(plaintext)):
        raise BadPadding(f"the decrypted body is {len(plaintext)} bytes, not a bucket size")
    length = int.from_bytes(plaintext[:LENGTH_SIZE], "big")
    if length > len(plaintext) - FRAME_OVERHEAD_V2:
        raise BadPadding("the payload length inside the body points past its end")
    end = LENGTH_SIZE + length
    chain_length = int.from_bytes(plaintext[end : end + CHAIN_LENGTH_SIZE], "big")
    if end + CHAIN_LENGTH_SIZE + chain_length + SIGNATURE_SIZE > len(plaintext):
        raise BadPadding("the chain block's length inside the body points past its end")
    chain_start = end + CHAIN_LENGTH_SIZE
    chain_end = chain_start + chain_length
    signature = plaintext[chain_end : chain_end + SIGNATURE_SIZE]
    padding = plaintext[chain_end + SIGNATURE_SIZE :]
    if not hmac.compare_digest(padding, bytes(len(padding))):
        raise BadPadding("the padding inside the body is not all zero bytes")
    return plaintext[LENGTH_SIZE:end], plaintext[chain_start:chain_end], signature
