"""Values the server's repositories share: times, tokens and the records they return.

Kept apart from store.py so that every repository (tokens.py, envelopes.py, ...) can use
them without importing the store that assembles the repositories.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sync import protocol
from sync.envelope import EnvelopeHeader

TokenKind = Literal["invite", "device", "desk"]


class ServerStoreError(Exception):
    """A refusal of the server database, with a message that says what to do."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def timestamp(moment: datetime) -> str:
    """UTC ISO 8601 with milliseconds and ``Z``."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_token() -> str:
    """A fresh token: base64url without padding of 32 random bytes, never starting with "-".

    Admins paste tokens after ``--token``/``--code``; one that began with "-" would be read
    as an option (argparse: "expected one argument"). Flipping the top bit of a first byte
    that would spell "-" costs a fraction of a bit of the 256.
    """
    raw = bytearray(secrets.token_bytes(protocol.TOKEN_BYTES))
    if raw[0] >> 2 == _DASH_INDEX:
        raw[0] ^= 0x80
    return base64.urlsafe_b64encode(bytes(raw)).decode()[:43]


_DASH_INDEX = 62  # "-" in the base64url alphabet


def token_hash(token: str) -> bytes | None:
    """SHA-256 of the token's 32 raw bytes, or ``None`` when it is not a well-formed token."""
    if not protocol.TOKEN_PATTERN.fullmatch(token):
        return None
    raw = base64.urlsafe_b64decode(token + "=")
    if base64.urlsafe_b64encode(raw).decode()[:43] != token:
        return None  # the last character's two spare bits must be zero: one spelling only
    return hashlib.sha256(raw).digest()


@dataclass(frozen=True)
class TokenRecord:
    """Who a token belongs to. ``kind`` "invite" is a device not yet enrolled."""

    kind: TokenKind
    id: str
    revoked: bool
    expired: bool = False


@dataclass(frozen=True)
class Candidate:
    """An envelope that passed every check that needs no database; ready to store."""

    header: EnvelopeHeader
    data: bytes
    sha256: str


@dataclass(frozen=True)
class Conflict:
    """Another body is already stored under this id (envelope or message)."""

    envelope_id: str


@dataclass(frozen=True)
class DeviceRow:
    device_id: str
    label: str | None
    public_key: bytes | None
    enrolled: bool
    revoked: bool
    created_at: str
    enrolled_at: str | None
    invite_expires_at: str
    envelopes: int
    last_upload_at: str | None
    encryption_key: str | None = None
    encryption_key_signature: bytes | None = None
