"""The newsroom server API: messages, limits, versions and the invite format.

Shared by the server (sync/server) and the client. Every request and response body of
``/v1`` is one of the pydantic models below; docs/server.md is the reference.

Binary data (envelopes, keys) travels inside JSON as **standard base64 with padding**
(RFC 4648 section 4), decoded strictly: anything outside the alphabet, a wrong length or
missing padding is refused. JSON keeps the API one format, readable in the OpenAPI document
and easy to validate; the cost is a third more bytes on the wire, which the size limits
below account for.

Nothing here touches the network, the disk or a private key.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from sync.envelope import MAX_ENVELOPE, EnvelopeKind

API_VERSION = 1
API_PREFIX = "/v1"

KIB = 1024
MIB = 1024 * KIB


def base64_length(size: int) -> int:
    """Characters of padded standard base64 for ``size`` bytes."""
    return 4 * ((size + 2) // 3)


# --- Limits --------------------------------------------------------------------------------
# The server enforces every one of these; the client keeps under them.

MAX_ENVELOPE_BYTES = MAX_ENVELOPE
"""One envelope, decoded (the format's own limit, 32 MiB)."""
MAX_BATCH_COUNT = 100
"""Envelopes in one upload."""
MAX_BATCH_BYTES = 36 * MIB
"""Decoded envelopes in one upload, together (one largest envelope always fits)."""
MAX_MISSING_IDS = 1000
"""Envelope ids in one ``/v1/envelopes/missing`` question."""
DEFAULT_PAGE_COUNT = 100
MAX_PAGE_COUNT = 500
"""Envelopes or messages in one page of a pull."""
MAX_PAGE_BYTES = 36 * MIB
"""Decoded envelope bytes in one page (a page always holds at least one envelope)."""
MAX_LABEL = 64
"""Characters of a device or desk-token label."""
MAX_CURSOR = 2**63 - 1

MAX_UPLOAD_REQUEST_BYTES = base64_length(MAX_BATCH_BYTES) + MAX_BATCH_COUNT * 128 + 4 * KIB
"""Request body of ``POST /v1/envelopes`` (base64 of MAX_BATCH_BYTES and the JSON around)."""
MAX_MESSAGE_REQUEST_BYTES = base64_length(MAX_ENVELOPE_BYTES) + 4 * KIB
"""Request body of ``POST /v1/messages``."""
MAX_SMALL_REQUEST_BYTES = 64 * KIB
"""Request body of every other route."""

DEVICE_UPLOAD_KINDS: frozenset[EnvelopeKind] = frozenset(
    {EnvelopeKind.REPORT, EnvelopeKind.ATTACHMENT_CHUNK, EnvelopeKind.MESSAGE}
)
"""Kinds a device may upload. Reviews are written at the desk, never by a device."""

DESK_UPLOAD_KINDS: frozenset[EnvelopeKind] = frozenset({EnvelopeKind.REVIEW})
"""Kinds a desk may upload (``POST /v1/reviews``), always under the desk sender id."""

# --- Tokens --------------------------------------------------------------------------------

TOKEN_BYTES = 32
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")
"""A token on the wire: base64url without padding of 32 random bytes (43 characters)."""

# --- Error codes (the ``error`` field of every error body) -----------------------------------

ERROR_UNAUTHENTICATED = "unauthenticated"  # 401: no token, or a token the server does not know
ERROR_INVITE_EXPIRED = "invite_expired"  # 401
ERROR_DEVICE_REVOKED = "device_revoked"  # 403
ERROR_TOKEN_REVOKED = "token_revoked"  # noqa: S105  # 403: a revoked desk token (a code)
ERROR_WRONG_TOKEN_KIND = "wrong_token_kind"  # noqa: S105  # 403: a device token on a desk route
ERROR_NOT_ENROLLED = "not_enrolled"  # 403: an invite token used before enrolling
ERROR_ALREADY_ENROLLED = "already_enrolled"  # 409
ERROR_TOO_LARGE = "too_large"  # 413
ERROR_INVALID_REQUEST = "invalid_request"  # 422 (schema) or 400 (unparseable body)
ERROR_BAD_REQUEST = "bad_request"  # 400
ERROR_RATE_LIMITED = "rate_limited"  # 429, with Retry-After
ERROR_NOT_FOUND = "not_found"  # 404
ERROR_METHOD_NOT_ALLOWED = "method_not_allowed"  # 405
ERROR_UNKNOWN_DEVICE = "unknown_device"  # 404 on POST /v1/messages
ERROR_CONFLICT = "conflict"  # 409: another body under an existing id
ERROR_KEY_CONFLICT = "key_conflict"  # 409: a different key is already registered
ERROR_SERVER_BUSY = "server_busy"  # 503: at its bound of active requests, with Retry-After
ERROR_INTERNAL = "internal"  # 500: a bug; never caused by client input

# Per-envelope upload refusals (``UploadResult.error``); the envelope format's own reasons
# (malformed, oversized, unsupported_version, unsupported_kem) appear here too.
REFUSAL_ID_MISMATCH = "envelope_id_mismatch"
REFUSAL_WRONG_DEVICE = "wrong_device"
REFUSAL_WRONG_RECIPIENT = "wrong_recipient"
REFUSAL_KIND_NOT_ALLOWED = "kind_not_allowed"
REFUSAL_CONFLICT = ERROR_CONFLICT

# --- Field types ---------------------------------------------------------------------------

UUID_RE = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
BASE64_RE = r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"
DEVICE_ID_RE = r"^[A-Za-z0-9._:-]{1,64}$"
HEX32_RE = r"^[0-9a-f]{32}$"
HEX64_RE = r"^[0-9a-f]{64}$"

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


def decode_base64(text: str) -> bytes:
    """Strictly decode standard padded base64; raise ``ValueError`` (never echoing input)."""
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError) as exc:
        raise ValueError("not valid standard base64 (A-Z a-z 0-9 + /, with = padding)") from exc


def encode_base64(data: bytes) -> str:
    """Standard padded base64 of ``data``."""
    return base64.b64encode(data).decode("ascii")


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
    device_id: str
    newsroom_public_key: str = Field(description="NewsroomPublicKey.to_text() form")
    newsroom_fingerprint: str


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


ENCRYPTION_KEY_DOMAIN = b"gatewatch device encryption key v1\x00"


def encryption_key_statement(device_id: str, encryption_key: str) -> bytes:
    """What a device signs when it registers its encryption key: a domain label, its id
    and the key's text form, each ended by a zero byte (neither may contain one)."""
    return (
        ENCRYPTION_KEY_DOMAIN
        + device_id.encode("ascii")
        + b"\x00"
        + encryption_key.encode("ascii")
        + b"\x00"
    )


class Health(_Response):
    status: Literal["ok"]
    version: str
    api: int


# --- Invites -------------------------------------------------------------------------------

INVITE_PREFIX = "gwinvite1:"
MAX_INVITE_LENGTH = 2048
_HEX32 = re.compile(HEX32_RE)
_HEX64 = re.compile(HEX64_RE)


class InviteError(ValueError):
    """The text is not a valid Gatewatch invite; the message says what is wrong."""


@dataclass(frozen=True)
class Invite:
    """What an admin hands a correspondent to enroll one device, once.

    ``token`` is the one-time enrolment token (it becomes the device token);
    ``newsroom_fingerprint`` the key id the app must see from the server;
    ``tls_sha256`` the SHA-256 of the server's TLS certificate (DER), 64 lowercase hex, when
    the server has TLS; ``server_url`` where to connect, when the admin gave it.
    """

    token: str
    newsroom_fingerprint: str
    tls_sha256: str | None = None
    server_url: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.token, str) or not TOKEN_PATTERN.fullmatch(self.token):
            raise InviteError("the invite's token is not a Gatewatch token")
        if not isinstance(self.newsroom_fingerprint, str) or not _HEX32.fullmatch(
            self.newsroom_fingerprint
        ):
            raise InviteError("the invite's newsroom fingerprint is not 32 lowercase hex digits")
        if self.tls_sha256 is not None and (
            not isinstance(self.tls_sha256, str) or not _HEX64.fullmatch(self.tls_sha256)
        ):
            raise InviteError("the invite's TLS fingerprint is not 64 lowercase hex digits")
        if self.server_url is not None and (
            not isinstance(self.server_url, str)
            or not re.fullmatch(r"https?://[!-~]{1,500}", self.server_url)
        ):
            raise InviteError("the invite's server address is not an http(s) URL")


def encode_invite(invite: Invite) -> str:
    """``gwinvite1:`` + base64url (no padding) of compact JSON; one line, no spaces."""
    fields: dict[str, str] = {"token": invite.token, "fp": invite.newsroom_fingerprint}
    if invite.tls_sha256 is not None:
        fields["tls"] = invite.tls_sha256
    if invite.server_url is not None:
        fields["url"] = invite.server_url
    raw = json.dumps(fields, separators=(",", ":"), sort_keys=True).encode("ascii")
    return INVITE_PREFIX + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_invite(text: str) -> Invite:
    """Parse :func:`encode_invite` output (surrounding whitespace allowed).

    Raises :class:`InviteError` with a plain message; never echoes the text.
    """
    if not isinstance(text, str):
        raise InviteError("an invite is text")
    text = text.strip()
    if len(text) > MAX_INVITE_LENGTH:
        raise InviteError("the invite is too long: copy exactly the last line the admin gave")
    if not text.startswith(INVITE_PREFIX):
        raise InviteError(f"an invite starts with {INVITE_PREFIX!r}: copy the whole line")
    body = text[len(INVITE_PREFIX) :]
    if not re.fullmatch(r"[A-Za-z0-9_-]+", body):
        raise InviteError("the invite holds characters that do not belong: copy it again")
    try:
        fields: Any = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise InviteError("the invite is damaged or cut: copy the whole line again") from exc
    if not isinstance(fields, dict) or not {"token", "fp"} <= fields.keys():
        raise InviteError("the invite lacks its token or newsroom fingerprint")
    if not fields.keys() <= {"token", "fp", "tls", "url"}:
        raise InviteError("the invite has fields this app does not know: update the app")
    return Invite(
        token=fields["token"],
        newsroom_fingerprint=fields["fp"],
        tls_sha256=fields.get("tls"),
        server_url=fields.get("url"),
    )
