"""Typed errors of the envelope format.

Every failure to parse or open an envelope is an :class:`EnvelopeError` carrying a stable
``reason`` code (documented in docs/envelope.md) and a message that says what happened and
what to do. The server maps reasons to HTTP statuses; the desk shows the message.
Messages never contain payload bytes or key material.
"""

from __future__ import annotations

from typing import ClassVar


class EnvelopeError(Exception):
    """Base of every envelope failure; ``reason`` is a stable machine-readable code."""

    reason: ClassVar[str] = "envelope_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.message} [{self.reason}]"


class MalformedEnvelope(EnvelopeError):
    """The bytes are not a well-formed envelope (bad magic, lengths, header fields)."""

    reason: ClassVar[str] = "malformed"


class OversizedEnvelope(MalformedEnvelope):
    """Something is larger than the format allows (envelope, header or payload)."""

    reason: ClassVar[str] = "oversized"


class UnsupportedVersion(EnvelopeError):
    """The envelope uses a format version this code does not read."""

    reason: ClassVar[str] = "unsupported_version"


class UnsupportedKem(EnvelopeError):
    """The header names a KEM this code does not know."""

    reason: ClassVar[str] = "unsupported_kem"


class WrongRecipient(EnvelopeError):
    """The envelope was sealed to another newsroom key than the one offered to open it."""

    reason: ClassVar[str] = "wrong_recipient"


class DecryptionFailed(EnvelopeError):
    """HPKE refused the body: the header or the body was altered, or cut."""

    reason: ClassVar[str] = "decryption_failed"


class UnknownDevice(EnvelopeError):
    """The header names a device that has no registered signing key."""

    reason: ClassVar[str] = "unknown_device"


class BadSignature(EnvelopeError):
    """The device signature inside the body does not verify with the registered key."""

    reason: ClassVar[str] = "bad_signature"


class BadPadding(EnvelopeError):
    """The decrypted plaintext is not correctly framed and padded."""

    reason: ClassVar[str] = "bad_padding"


ALL_REASONS: tuple[str, ...] = (
    MalformedEnvelope.reason,
    OversizedEnvelope.reason,
    UnsupportedVersion.reason,
    UnsupportedKem.reason,
    WrongRecipient.reason,
    DecryptionFailed.reason,
    UnknownDevice.reason,
    BadSignature.reason,
    BadPadding.reason,
)
