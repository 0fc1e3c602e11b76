"""Desk endorsements: the newsroom signing key's statement that an Ed25519 key is one desk.

Every editor desk holds the newsroom private key (it opens the reports), so a signature by
the key derived from it (`sync.envelope.derive_desk_signing_key`, the "newsroom signing
key") says only "some desk of this newsroom". To say *which* desk, each desk has its own
Ed25519 key; the newsroom signing key endorses it once, binding the desk's public key to
its desk id and label. Review payloads (`sync.payloads.review`), device decisions
(`sync.payloads.devices`) and opened lists (`sync.payloads.opened`) carry the endorsement
of the desk that signed them. Byte layout: docs/desk.md.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature

from sync.envelope import DeviceSigningKey, check_ed25519_public

ENDORSEMENT_DOMAIN = b"gatewatch desk endorsement v1\x00"
MAX_FIELD_BYTES = 1024  # a desk id or label, far above what the desk allows

__all__ = [
    "ENDORSEMENT_DOMAIN",
    "DeskEndorsement",
    "DeskSignatureError",
    "decode_b64",
    "utf8",
]


class DeskSignatureError(ValueError):
    """A payload whose desk signature or endorsement does not hold; says which."""


@dataclass(frozen=True)
class DeskEndorsement:
    """The newsroom signing key's statement "this Ed25519 key is desk `desk_id`, named
    `desk_label`"."""

    desk_id: str
    desk_label: str
    desk_key: bytes  # raw Ed25519 public key, 32 bytes
    signature: bytes  # Ed25519 by the newsroom signing key over `message()`, 64 bytes

    def message(self) -> bytes:
        """Domain, then desk id and label (each a 2-byte big-endian length and UTF-8), then
        the 32-byte key."""
        return ENDORSEMENT_DOMAIN + _field(self.desk_id) + _field(self.desk_label) + self.desk_key

    @classmethod
    def make(
        cls, newsroom_signer: DeviceSigningKey, desk_id: str, desk_label: str, desk_key: bytes
    ) -> DeskEndorsement:
        unsigned = cls(desk_id, desk_label, bytes(desk_key), b"")
        return cls(desk_id, desk_label, bytes(desk_key), newsroom_signer.sign(unsigned.message()))

    def verify(self, newsroom_signing_keys: Iterable[bytes]) -> None:
        """Raise `DeskSignatureError` unless one of the newsroom signing public keys signed
        this endorsement (several: old newsroom keys after a rotation)."""
        message = self.message()
        for raw in newsroom_signing_keys:
            try:
                check_ed25519_public(raw).verify(self.signature, message)
                return
            except (InvalidSignature, ValueError):
                continue
        raise DeskSignatureError(
            f"the endorsement of desk {self.desk_label!r} ({self.desk_id}) is not signed by "
            "this newsroom's key"
        )

    def to_json(self) -> dict[str, str]:
        return {
            "desk_id": self.desk_id,
            "desk_label": self.desk_label,
            "desk_key": base64.b64encode(self.desk_key).decode("ascii"),
            "signature": base64.b64encode(self.signature).decode("ascii"),
        }

    @classmethod
    def from_json(cls, data: object) -> DeskEndorsement:
        if not isinstance(data, dict) or set(data) != {
            "desk_id",
            "desk_label",
            "desk_key",
            "signature",
        }:
            raise DeskSignatureError(
                "a desk endorsement has desk_id, desk_label, desk_key, signature"
            )
        if not all(isinstance(v, str) for v in data.values()):
            raise DeskSignatureError("a desk endorsement's fields are text")
        key = decode_b64(data["desk_key"], 32, "desk key")
        try:
            check_ed25519_public(key)
        except ValueError as error:
            raise DeskSignatureError(f"the endorsed desk key is unusable: {error}") from None
        endorsement = cls(
            data["desk_id"], data["desk_label"], key, decode_b64(data["signature"], 64, "signature")
        )
        endorsement.message()  # field sizes
        return endorsement


def _field(text: str) -> bytes:
    raw = utf8(text)
    if len(raw) > MAX_FIELD_BYTES:
        raise DeskSignatureError("a desk id or label in an endorsement is too long")
    return len(raw).to_bytes(2, "big") + raw


def decode_b64(text: str, size: int, what: str) -> bytes:
    """Exactly ``size`` bytes of strict base64, or `DeskSignatureError` naming ``what``."""
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise DeskSignatureError(f"the endorsement's {what} is not base64") from None
    if len(raw) != size:
        raise DeskSignatureError(f"the endorsement's {what} is not {size} bytes")
    return raw


def utf8(text: str) -> bytes:
    """``text`` as UTF-8, or `DeskSignatureError` for a lone surrogate (a JSON escape)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise DeskSignatureError(
            "a signed review or endorsement holds text that is not UTF-8"
        ) from None
