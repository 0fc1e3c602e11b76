"""The newsroom server API: the server's request and response models.

Every request and response body of ``/v1`` is one of the pydantic models below; the
limits, versions, error codes, base64 rules and the invite format are in :mod:`sync.wire`
and re-exported here, so ``protocol.NAME`` means the same on the server as before.
docs/server.md is the reference. The desktop app never imports this module (the bundle
carries no pydantic): it parses the same replies with :mod:`sync.messages`, and
tests/sync/test_messages.py holds the two to the same JSON shapes.

Binary data (envelopes, keys) travels inside JSON as **standard base64 with padding**
(RFC 4648 section 4), decoded strictly: anything outside the alphabet, a wrong length or
missing padding is refused. JSON keeps the API one format, readable in the OpenAPI document
and easy to validate; the cost is a third more bytes on the wire, which the size limits
account for.

Nothing here touches the network, the disk or a private key.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from sync.wire import *  # noqa: F403 (re-exported: the server reads every name through here)
from sync.wire import (
    BASE64_RE,
    DEVICE_ID_RE,
    HEX64_RE,
    MAX_BATCH_COUNT,
    MAX_CURSOR,
    MAX_ENVELOPE_BYTES,
    MAX_LABEL,
    MAX_MISSING_IDS,
    UUID_RE,
    base64_length,
)

# --- Field types ---------------------------------------------------------------------------

EnvelopeId = Annotated[str, StringConstraints(pattern=UUID_RE, max_length=36)]
"""A canonical lowercase hyphenated UUID, as in the envelope header."""
DeviceId = Annotated[str, StringConstraints(pattern=DEVICE_ID_RE, max_length=64)]
Label = Annotated[
    str, StringConstraints(pattern=r"^[^\x00-\x1f\x7f]+$", min_length=1, max_length=MAX_LABEL)
]
"""A name shown to the admin; no control characters."""
EnvelopeData = Annotated[
    str, StringConstraints(pattern=BASE64_RE, max_length=base64_length(MAX_ENVELOPE_BYTES))
]
PublicKey64 = Annotated[str, StringConstraints(pattern=BASE64_RE, max_length=44)]
Signature64 = Annotated[str, StringConstraints(pattern=BASE64_RE, min_length=88, max_length=88)]
EncryptionKeyText = Annotated[
    str,
    StringConstraints(
        pattern=r"^gatewatch-newsroom-key:v1:[a-z0-9]+:[A-Za-z0-9_-]+$", max_length=2048
    ),
]
"""A public HPKE key in ``NewsroomPublicKey.to_text()`` form (ML-KEM-768 + X25519 ≈ 1,650)."""
Sha256Hex = Annotated[str, StringConstraints(pattern=HEX64_RE)]
Timestamp = str
"""UTC, ISO 8601 with milliseconds and a ``Z``: ``2026-01-31T06:15:00.000Z``."""


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _Response(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


# --- Messages ------------------------------------------------------------------------------


class ErrorBody(_Response):
    """Every error: a stable code, plain words saying what to do, and the field if any."""

    error: str
    message: str
    field: str | None = None


class EnrollRequest(_Request):
    """``POST /v1/enroll`` with the invite token: register the device's signing key."""

    device_public_key: PublicKey64 = Field(description="Raw Ed25519 public key, 32 bytes, base64")
    label: Label | None = None


class EnrollResponse(_Response):
    device_id: DeviceId
    newsroom_public_key: str = Field(description="NewsroomPublicKey.to_text() form")
    newsroom_fingerprint: str
    device_token: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{43}$")] | None = Field(
        default=None,
        description="The device's own token, fresh: the invite token stops working once it "
        "is issued. (Servers before this field kept the invite token as the device token.)",
    )


class EnvelopeUpload(_Request):
    envelope_id: EnvelopeId
    data: EnvelopeData = Field(description="The whole envelope, base64")


class UploadRequest(_Request):
    """``POST /v1/envelopes`` with a device token."""

    envelopes: list[EnvelopeUpload] = Field(min_length=1, max_length=MAX_BATCH_COUNT)


class Receipt(_Response):
    """Proof that the server stored an envelope; the same for every resend of it."""

    envelope_id: str
    seq: int
    received_at: Timestamp
    sha256: str


class UploadResult(_Response):
    """One envelope's outcome: ``ok`` with a receipt, or an error code, status and message."""

    envelope_id: str
    ok: bool
    receipt: Receipt | None = None
    error: str | None = None
    status: int | None = None
    message: str | None = None


class UploadResponse(_Response):
    results: list[UploadResult] = Field(description="One per uploaded envelope, in order")


class MissingRequest(_Request):
    """``POST /v1/envelopes/missing`` with a device token."""

    envelope_ids: list[EnvelopeId] = Field(max_length=MAX_MISSING_IDS)


class MissingResponse(_Response):
    missing: list[str] = Field(description="The asked ids this device has not stored, in order")


class StoredEnvelope(_Response):
    seq: int
    envelope_id: str
    device_id: str
    kind: str
    recipient_key_id: str
    kem: str
    size: int
    sha256: str
    received_at: Timestamp
    data: str


class AckRequest(_Request):
    """``POST /v1/envelopes/ack`` with a desk token: every envelope up to ``through`` is
    stored at this desk."""

    through: int = Field(ge=0, le=MAX_CURSOR)


class AckResponse(_Response):
    """The desk's acknowledgement cursor now (``through``, capped at the newest seq)."""

    acknowledged: int


class EnvelopePage(_Response):
    """A page of ``GET /v1/envelopes``: ask again with ``after=next_after`` while ``more``."""

    envelopes: list[StoredEnvelope]
    next_after: int
    more: bool


class DeviceInfo(_Response):
    device_id: str
    label: str | None
    public_key: str | None = Field(description="Ed25519, base64; null until enrolled")
    enrolled: bool
    revoked: bool
    created_at: Timestamp
    enrolled_at: Timestamp | None
    encryption_key: str | None = Field(
        default=None,
        description="The device's HPKE public key (NewsroomPublicKey text form) that desks "
        "seal follow-up questions to; null until the device registered one",
    )
    encryption_key_signature: str | None = Field(
        default=None,
        description="Ed25519 signature (base64) of the encryption key by the device's "
        "signing key: see encryption_key_statement",
    )


class DeviceList(_Response):
    devices: list[DeviceInfo]


class MessageRequest(_Request):
    """``POST /v1/messages`` with a desk token: an opaque sealed message for one device."""

    device_id: DeviceId
    message_id: EnvelopeId = Field(description="Idempotency key: a UUID chosen by the desk")
    data: EnvelopeData


class MessageReceipt(_Response):
    message_id: str
    device_id: str
    seq: int
    created_at: Timestamp
    sha256: str


class StoredMessage(_Response):
    seq: int
    message_id: str
    size: int
    sha256: str
    created_at: Timestamp
    data: str


class MessagePage(_Response):
    messages: list[StoredMessage]
    next_after: int
    more: bool


class OpenedRequest(_Request):
    """``POST /v1/opened`` with a desk token: a desk-signed opened list for one device
    (sync/payloads/opened.py); the server keeps it for the device and cannot read more than ids."""

    device_id: DeviceId
    data: EnvelopeData


class OpenedReceipt(_Response):
    seq: int


class StoredOpened(_Response):
    seq: int
    data: str


class OpenedPage(_Response):
    """Opened lists for this device with ``seq > after``; asking with ``after`` lets the
    server forget the ones up to it."""

    lists: list[StoredOpened]
    next_after: int
    more: bool


class EncryptionKeyRequest(_Request):
    """``PUT /v1/device/encryption-key`` (device token): the key desks seal questions to.

    ``signature`` is the device's Ed25519 signature of :func:`encryption_key_statement`,
    so a desk can check the key came from the device it enrolled, not from the server.
    """

    encryption_key: EncryptionKeyText = Field(description="NewsroomPublicKey.to_text() form")
    signature: Signature64 = Field(description="Ed25519 signature, 64 bytes, base64")


class EncryptionKeyResponse(_Response):
    device_id: str
    encryption_key: str
    fingerprint: str


class DeskSigningKeyRequest(_Request):
    """``PUT /v1/desk-signing-key`` (desk token): the Ed25519 key desks sign questions with."""

    public_key: PublicKey64 = Field(description="Raw Ed25519 public key, 32 bytes, base64")


class DeskSigningKey(_Response):
    """``GET`` / ``PUT /v1/desk-signing-key``: null until a desk registered one."""

    public_key: str | None


class Release(_Response):
    """``GET /v1/release``: the latest signed release manifest, as the admin published it
    (sync/release.py); every field null until one is published. The client checks the
    signature against the release key it pinned; the server's word adds nothing."""

    public_key: str | None
    manifest: str | None
    signature: str | None


class Health(_Response):
    status: Literal["ok"]
    version: str
    api: int
