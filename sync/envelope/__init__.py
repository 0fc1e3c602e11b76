"""The Gatewatch envelope: what leaves a device, sealed to the newsroom key.

Security invariant 5 of docs/architecture.md. A small cleartext header (version, kind, envelope
id, device id, recipient key fingerprint, KEM) and a body sealed with HPKE (RFC 9180) to the
newsroom public key, the header bytes bound as the HPKE ``info``. Inside: the payload and the
device's Ed25519 signature over header and payload, padded to a size bucket.
The format is documented byte by byte in docs/envelope.md.
"""

from sync.envelope.chain import (
    CarriedRange,
    ChainLink,
    ChainStart,
    decode_chain,
    envelope_hash,
)
from sync.envelope.core import (
    SIGNATURE_DOMAIN,
    SIGNATURE_DOMAIN_V1,
    OpenedEnvelope,
    open_envelope,
    parse_header,
    seal,
    signed_message,
)
from sync.envelope.errors import (
    ALL_REASONS,
    BadPadding,
    BadSignature,
    DecryptionFailed,
    EnvelopeError,
    MalformedEnvelope,
    OversizedEnvelope,
    UnknownDevice,
    UnsupportedKem,
    UnsupportedVersion,
    WrongRecipient,
)
from sync.envelope.header import (
    FORMAT_VERSION,
    MAGIC,
    MAX_ENVELOPE,
    MAX_HEADER,
    READABLE_VERSIONS,
    EnvelopeHeader,
    EnvelopeKind,
)
from sync.envelope.keys import (
    DEFAULT_KEM,
    DESK_SENDER_ID,
    KEM_NAMES,
    DeviceSigningKey,
    KemName,
    NewsroomKeyPair,
    NewsroomPublicKey,
    check_ed25519_public,
    check_x25519_public,
    derive_desk_signing_key,
)
from sync.envelope.padding import MAX_PAYLOAD, bucket_for, is_bucket

__all__ = [
    "ALL_REASONS",
    "DEFAULT_KEM",
    "DESK_SENDER_ID",
    "FORMAT_VERSION",
    "KEM_NAMES",
    "MAGIC",
    "MAX_ENVELOPE",
    "MAX_HEADER",
    "MAX_PAYLOAD",
    "READABLE_VERSIONS",
    "SIGNATURE_DOMAIN",
    "SIGNATURE_DOMAIN_V1",
    "BadPadding",
    "BadSignature",
    "CarriedRange",
    "ChainLink",
    "ChainStart",
    "DecryptionFailed",
    "DeviceSigningKey",
    "EnvelopeError",
    "EnvelopeHeader",
    "EnvelopeKind",
    "KemName",
    "MalformedEnvelope",
    "NewsroomKeyPair",
    "NewsroomPublicKey",
    "OpenedEnvelope",
    "OversizedEnvelope",
    "UnknownDevice",
    "UnsupportedKem",
    "UnsupportedVersion",
    "WrongRecipient",
    "bucket_for",
    "check_ed25519_public",
    "check_x25519_public",
    "decode_chain",
    "derive_desk_signing_key",
    "envelope_hash",
    "is_bucket",
    "open_envelope",
    "parse_header",
    "seal",
    "signed_message",
]
