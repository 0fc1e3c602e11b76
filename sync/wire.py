"""The newsroom server API without its models: limits, versions, error codes, base64, the
signed encryption-key statement and the invite format.

Shared by the server and the client; imports no validation library, so the desktop app
(which parses replies with :mod:`sync.messages`) carries none. The server's request and
response models are in :mod:`sync.protocol`, which re-exports everything here;
docs/server.md is the reference.

Nothing here touches the network, the disk or a private key.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from typing import Any

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
ERROR_BAD_ENCRYPTION_KEY = "bad_encryption_key"  # 422: not a key anything can be sealed to
ERROR_SERVER_BUSY = "server_busy"  # 503: at its bound of active requests, with Retry-After
ERROR_INTERNAL = "internal"  # 500: a bug; never caused by client input

# Per-envelope upload refusals (``UploadResult.error``); the envelope format's own reasons
# (malformed, oversized, unsupported_version, unsupported_kem) appear here too.
REFUSAL_ID_MISMATCH = "envelope_id_mismatch"
REFUSAL_WRONG_DEVICE = "wrong_device"
REFUSAL_WRONG_RECIPIENT = "wrong_recipient"
REFUSAL_KIND_NOT_ALLOWED = "kind_not_allowed"
REFUSAL_CONFLICT = ERROR_CONFLICT

# Why a device or desk refused a release manifest (sync/release.py); kept and shown, never
# sent anywhere.
RELEASE_MALFORMED = "release_malformed"
RELEASE_BAD_SIGNATURE = "release_bad_signature"
RELEASE_KEY_MISMATCH = "release_key_mismatch"  # signed by another key than the pinned one
RELEASE_OLDER = "release_older"  # older than one already seen, or than the running app
RELEASE_CONFLICT = "release_conflict"  # another manifest under a version already seen

# --- Field patterns (the server's models check them; see sync.protocol) -------------

UUID_RE = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
BASE64_RE = r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"
DEVICE_ID_RE = r"^[A-Za-z0-9._:-]{1,64}$"
HEX32_RE = r"^[0-9a-f]{32}$"
HEX64_RE = r"^[0-9a-f]{64}$"


def decode_base64(text: str) -> bytes:
    """Strictly decode standard padded base64; raise ``ValueError`` (never echoing input)."""
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError) as exc:
        raise ValueError("not valid standard base64 (A-Z a-z 0-9 + /, with = padding)") from exc


def encode_base64(data: bytes) -> str:
    """Standard padded base64 of ``data``."""
    return base64.b64encode(data).decode("ascii")


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

    ``token`` is the one-time enrolment token (exchanged at enrolment for a device token);
    ``newsroom_fingerprint`` the key id the app must see from the server;
    ``tls_sha256`` the SHA-256 of the server's TLS certificate (DER), 64 lowercase hex, when
    the server has TLS; ``server_url`` where to connect, when the admin gave it;
    ``desk_signing_key`` the desks' Ed25519 public key (64 lowercase hex) when a desk had
    registered it: the device pins it from the invite instead of trusting the server later;
    ``release_key`` the SHA-256 fingerprint (64 lowercase hex) of the newsroom's
    release-signing key, which the device pins to check release manifests (sync/release.py).
    """

    token: str
    newsroom_fingerprint: str
    tls_sha256: str | None = None
    server_url: str | None = None
    desk_signing_key: str | None = None
    release_key: str | None = None

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
        if self.desk_signing_key is not None and (
            not isinstance(self.desk_signing_key, str)
            or not _HEX64.fullmatch(self.desk_signing_key)
        ):
            raise InviteError("the invite's desk signing key is not 64 lowercase hex digits")
        if self.release_key is not None and (
            not isinstance(self.release_key, str) or not _HEX64.fullmatch(self.release_key)
        ):
            raise InviteError("the invite's release key is not 64 lowercase hex digits")


def encode_invite(invite: Invite) -> str:
    """``gwinvite1:`` + base64url (no padding) of compact JSON; one line, no spaces."""
    fields: dict[str, str] = {"token": invite.token, "fp": invite.newsroom_fingerprint}
    if invite.tls_sha256 is not None:
        fields["tls"] = invite.tls_sha256
    if invite.server_url is not None:
        fields["url"] = invite.server_url
    if invite.desk_signing_key is not None:
        fields["dsk"] = invite.desk_signing_key
    if invite.release_key is not None:
        fields["rel"] = invite.release_key
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
    if not fields.keys() <= {"token", "fp", "tls", "url", "dsk", "rel"}:
        raise InviteError("the invite has fields this app does not know: update the app")
    return Invite(
        token=fields["token"],
        newsroom_fingerprint=fields["fp"],
        tls_sha256=fields.get("tls"),
        server_url=fields.get("url"),
        desk_signing_key=fields.get("dsk"),
        release_key=fields.get("rel"),
    )
