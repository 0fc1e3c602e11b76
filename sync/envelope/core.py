"""Seal and open envelopes: sign, pad, HPKE-seal to the newsroom key; and the reverse."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric import ed25519

from sync.envelope.chain import ChainLink, decode_chain
from sync.envelope.errors import (
    BadSignature,
    DecryptionFailed,
    UnknownDevice,
    WrongRecipient,
)
from sync.envelope.header import (
    SUITES,
    EnvelopeHeader,
    EnvelopeKind,
    canonical_uuid,
    check_device_id,
    split_envelope,
)
from sync.envelope.keys import DeviceSigningKey, NewsroomKeyPair, NewsroomPublicKey
from sync.envelope.padding import CHAIN_LENGTH_SIZE, frame_v2, unframe, unframe_v2

SIGNATURE_DOMAIN_V1 = b"gatewatch envelope v1 device signature\x00"
SIGNATURE_DOMAIN = b"gatewatch envelope v2 device signature\x00"


@dataclass(frozen=True)
class OpenedEnvelope:
    """A verified, decrypted envelope: its header and the payload the device signed."""

    header: EnvelopeHeader
    payload: bytes
    chain: ChainLink | None = None
    """Where the envelope stands in its device's chain; None when unchained (version 1, or
    a version 2 envelope sealed without a chain, as the desk's own are)."""


def signed_message(header_bytes: bytes, payload: bytes, chain: bytes | None = None) -> bytes:
    """What the device signs. Version 1 (``chain`` None): the v1 domain label, the header
    bytes, the payload. Version 2: the v2 label, the header bytes, the chain block's length
    (2 bytes) and bytes, the payload."""
    if chain is None:
        return SIGNATURE_DOMAIN_V1 + header_bytes + payload
    return (
        SIGNATURE_DOMAIN
        + header_bytes
        + len(chain).to_bytes(CHAIN_LENGTH_SIZE, "big")
        + chain
        + payload
    )


def seal(
    payload: bytes,
    *,
    kind: EnvelopeKind | str,
    envelope_id: str,
    device_id: str,
    device_key: DeviceSigningKey | ed25519.Ed25519PrivateKey,
    recipient: NewsroomPublicKey | bytes,
    min_padded: int = 0,
    chain: ChainLink | None = None,
) -> bytes:
    """Sign, pad and seal ``payload`` to the newsroom key ``recipient``; return the envelope.

    Writes format version 2; ``chain`` is the envelope's place in the device's chain (None:
    an unchained envelope, as the desk seals).

    The plaintext is padded to the smallest bucket that holds it, or that holds
    ``min_padded`` bytes when that is larger (every photo chunk fills the same bucket).

    The KEM is the recipient key's. ``envelope_id`` is a canonical lowercase UUID string,
    ``device_id`` 1–64 characters of ``A–Z a–z 0–9 . _ : -``. Each call gives different
    bytes (HPKE encapsulation is randomized). Raises ``ValueError`` for a bad argument and
    :class:`OversizedEnvelope` for a payload over ``MAX_PAYLOAD``. Never writes anything.
    """
    if not isinstance(payload, bytes | bytearray | memoryview):
        raise TypeError("payload must be bytes")
    payload = bytes(payload)
    key = (
        recipient
        if isinstance(recipient, NewsroomPublicKey)
        else NewsroomPublicKey.from_raw(recipient)
    )
    signer = device_key.ed25519 if isinstance(device_key, DeviceSigningKey) else device_key
    header = EnvelopeHeader(
        kind=EnvelopeKind(kind),
        envelope_id=canonical_uuid(envelope_id),
        device_id=check_device_id(device_id),
        recipient_key_id=key.fingerprint,
        kem=key.kem,
    )
    header_bytes = header.encode()
    block = b"" if chain is None else chain.encode()
    signature = signer.sign(signed_message(header_bytes, payload, block))
    plaintext = frame_v2(payload, block, signature, min_padded)
    return header_bytes + SUITES[key.kem].encrypt(plaintext, key.hpke_key(), info=header_bytes)


def parse_header(envelope: bytes) -> EnvelopeHeader:
    """Return the cleartext header of ``envelope`` without any key.

    For the server: check sizes, kind and the device id against the upload token before
    storing. Validates the whole framing (sizes, magic, version, header fields, a possible
    body length) but proves nothing about authenticity: only :func:`open_envelope` does.
    Raises only :class:`EnvelopeError` subclasses.
    """
    return split_envelope(envelope)[0]


def open_envelope(
    envelope: bytes,
    *,
    newsroom_private_key: NewsroomKeyPair | Iterable[NewsroomKeyPair],
    device_public_key_for: Callable[[str], bytes | None],
) -> OpenedEnvelope:
    """Check, decrypt and verify ``envelope``; return its header and payload.

    ``newsroom_private_key`` is one key pair or several (old keys after a rotation); the one
    whose fingerprint the header names is used. ``device_public_key_for(device_id)`` returns
    the device's registered raw 32-byte Ed25519 public key, or None when it has none.

    Steps, each refusing with its own error: framing and limits (:class:`MalformedEnvelope`,
    :class:`OversizedEnvelope`, :class:`UnsupportedVersion`, :class:`UnsupportedKem`), the
    recipient key (:class:`WrongRecipient`), the device (:class:`UnknownDevice`), HPKE with
    the header bytes as ``info`` (:class:`DecryptionFailed`), the padding
    (:class:`BadPadding`), the signature (:class:`BadSignature`), then the chain block
    (:class:`MalformedEnvelope` when a signed block breaks its rules). Raises ``ValueError``
    only when the callback returns something that is not an Ed25519 public key; lets the
    callback's own exceptions through. Never returns unverified plaintext.
    """
    header, header_bytes, body = split_envelope(envelope)
    pairs = (
        [newsroom_private_key]
        if isinstance(newsroom_private_key, NewsroomKeyPair)
        else list(newsroom_private_key)
    )
    pair = next((p for p in pairs if p.fingerprint == header.recipient_key_id), None)
    if pair is None:
        held = ", ".join(p.fingerprint for p in pairs) or "none"
        raise WrongRecipient(
            f"the envelope is sealed to newsroom key {header.recipient_key_id}, not to the key "
            f"held here ({held}): open it with the matching newsroom key"
        )
    if pair.kem != header.kem:
        raise WrongRecipient(
            f"the header names KEM {header.kem} but newsroom key {pair.fingerprint} is "
            f"{pair.kem}: the envelope was altered"
        )
    registered = device_public_key_for(header.device_id)
    if registered is None:
        raise UnknownDevice(
            f"device {header.device_id} has no registered signing key: enrol it, or check "
            "that it was not revoked"
        )
    verifier = ed25519.Ed25519PublicKey.from_public_bytes(bytes(registered))
    try:
        plaintext = SUITES[header.kem].decrypt(body, pair.hpke_key(), info=header_bytes)
    except (InvalidTag, ValueError) as exc:
        raise DecryptionFailed(
            "the envelope does not decrypt: its header or body was altered or cut in transit; "
            "ask the device to send it again"
        ) from exc
    block: bytes | None = None
    if header.version == 1:
        payload, signature = unframe(plaintext)
    else:
        payload, block, signature = unframe_v2(plaintext)
    try:
        verifier.verify(signature, signed_message(header_bytes, payload, block))
    except InvalidSignature as exc:
        raise BadSignature(
            f"the signature inside the envelope is not from device {header.device_id}'s "
            "registered key: refuse it and check the device's enrolment"
        ) from exc
    return OpenedEnvelope(header, payload, None if block is None else decode_chain(block))
