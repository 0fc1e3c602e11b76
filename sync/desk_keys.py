"""Per-desk signing keys: the newsroom's endorsement of a desk, and review payloads a desk
signs as itself.

Every editor desk holds the newsroom private key (it opens the reports), so a signature by
the key derived from it (`sync.envelope.derive_desk_signing_key`, the "newsroom signing
key") says only "some desk of this newsroom". To say *which* desk, each desk has its own
Ed25519 key; the newsroom signing key endorses it once, binding the desk's public key to
its desk id and label. A review payload (format ``gatewatch-review-2``) carries the
endorsement and the desk's signature over the events; a receiving desk checks both, and
that every event names the endorsed desk id and label. Device decisions (approve, reject,
revoke) travel the same way as a ``gatewatch-devices-2`` document: the same layout under
another format name and signature domain, so neither kind of signature passes for the
other. Byte layout: docs/desk.md.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature

from sync.envelope import DeviceSigningKey, check_ed25519_public

ENDORSEMENT_DOMAIN = b"gatewatch desk endorsement v1\x00"
REVIEW_SIGNATURE_DOMAIN = b"gatewatch review v2 desk signature\x00"
REVIEW_FORMAT_V1 = "gatewatch-review-1"
REVIEW_FORMAT_V2 = "gatewatch-review-2"
DEVICES_SIGNATURE_DOMAIN = b"gatewatch devices v2 desk signature\x00"
DEVICES_FORMAT_V2 = "gatewatch-devices-2"
_SIGNED_KEYS = {"format", "signed", "signature"}
MAX_FIELD_BYTES = 1024  # a desk id or label, far above what the desk allows


class DeskSignatureError(ValueError):
    """A review payload whose desk signature or endorsement does not hold; says which."""


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
        key = _b64(data["desk_key"], 32, "desk key")
        try:
            check_ed25519_public(key)
        except ValueError as error:
            raise DeskSignatureError(f"the endorsed desk key is unusable: {error}") from None
        endorsement = cls(
            data["desk_id"], data["desk_label"], key, _b64(data["signature"], 64, "signature")
        )
        endorsement.message()  # field sizes
        return endorsement


@dataclass(frozen=True)
class OpenedReview:
    """The events of a review payload (JSON values, not yet validated) and who signed them:
    the verified endorsement of a desk, or None for the old format signed only by the
    newsroom signing key."""

    events: list[Any]
    endorsement: DeskEndorsement | None


def sign_review(
    events: list[dict[str, Any]],
    *,
    envelope_id: str,
    endorsement: DeskEndorsement,
    desk_key: DeviceSigningKey,
) -> bytes:
    """The payload of a review envelope signed by this desk's own key."""
    return _sign(
        REVIEW_FORMAT_V2, REVIEW_SIGNATURE_DOMAIN, events, envelope_id, endorsement, desk_key
    )


def sign_devices(
    events: list[dict[str, Any]],
    *,
    envelope_id: str,
    endorsement: DeskEndorsement,
    desk_key: DeviceSigningKey,
) -> bytes:
    """The payload of a review envelope holding device decisions, signed by this desk's key."""
    return _sign(
        DEVICES_FORMAT_V2, DEVICES_SIGNATURE_DOMAIN, events, envelope_id, endorsement, desk_key
    )


def open_review(
    payload: bytes, *, envelope_id: str, newsroom_signing_keys: Iterable[bytes]
) -> OpenedReview:
    """Check a review payload's desk signature and endorsement; `DeskSignatureError` says
    what is wrong, ``ValueError`` for a payload that is not a review document at all."""
    document = _loads(payload)
    if not isinstance(document, dict):
        raise ValueError("the review is not a JSON object")
    if document.get("format") == REVIEW_FORMAT_V1 and set(document) == {"format", "events"}:
        return OpenedReview(_events(document["events"]), None)
    if document.get("format") != REVIEW_FORMAT_V2 or set(document) != _SIGNED_KEYS:
        raise ValueError(f"the review is not a {REVIEW_FORMAT_V1} or {REVIEW_FORMAT_V2} document")
    return _open(document, REVIEW_SIGNATURE_DOMAIN, "review", envelope_id, newsroom_signing_keys)


def open_devices(
    document: dict[str, Any], *, envelope_id: str, newsroom_signing_keys: Iterable[bytes]
) -> OpenedReview:
    """Check a ``gatewatch-devices-2`` document (parsed JSON) as `open_review` checks a
    review: `DeskSignatureError` says what does not hold, ``ValueError`` for a malformed
    one."""
    if document.get("format") != DEVICES_FORMAT_V2:
        raise ValueError(f"the document is not a {DEVICES_FORMAT_V2} document")
    return _open(
        document, DEVICES_SIGNATURE_DOMAIN, "device decision", envelope_id, newsroom_signing_keys
    )


def _sign(
    format_name: str,
    domain: bytes,
    events: list[dict[str, Any]],
    envelope_id: str,
    endorsement: DeskEndorsement,
    desk_key: DeviceSigningKey,
) -> bytes:
    signed = _dumps(
        {"envelope_id": envelope_id, "endorsement": endorsement.to_json(), "events": events}
    )
    signature = desk_key.sign(domain + signed.encode("utf-8"))
    return _dumps(
        {
            "format": format_name,
            "signed": signed,
            "signature": base64.b64encode(signature).decode("ascii"),
        }
    ).encode("utf-8")


def _open(
    document: dict[str, Any],
    domain: bytes,
    what: str,
    envelope_id: str,
    newsroom_signing_keys: Iterable[bytes],
) -> OpenedReview:
    if set(document) != _SIGNED_KEYS:
        raise ValueError(f"a signed {what} holds format, signed and signature")
    signed, signature = document["signed"], document["signature"]
    if not isinstance(signed, str) or not isinstance(signature, str):
        raise ValueError(f"a signed {what} holds text")
    signed_bytes = _utf8(signed)
    inner = _loads(signed_bytes)
    if not isinstance(inner, dict) or set(inner) != {"envelope_id", "endorsement", "events"}:
        raise ValueError(f"a signed {what} holds envelope_id, endorsement and events")
    endorsement = DeskEndorsement.from_json(inner["endorsement"])
    endorsement.verify(newsroom_signing_keys)
    try:
        check_ed25519_public(endorsement.desk_key).verify(
            _b64(signature, 64, "signature"), domain + signed_bytes
        )
    except InvalidSignature:
        raise DeskSignatureError(
            f"the {what} is not signed by the key endorsed for desk "
            f"{endorsement.desk_label!r} ({endorsement.desk_id})"
        ) from None
    if inner["envelope_id"] != envelope_id:
        raise DeskSignatureError(f"the {what} was signed for another envelope")
    return OpenedReview(_events(inner["events"]), endorsement)


def claimed_events(payload: bytes) -> list[dict[str, Any]]:
    """The event objects a review payload holds, unchecked, whatever its format: what a
    refused review claimed, for the report's history. Empty when nothing can be read."""
    try:
        document = _loads(payload)
        if isinstance(document, dict) and isinstance(document.get("signed"), str):
            document = _loads(_utf8(document["signed"]))
        events = document.get("events") if isinstance(document, dict) else None
    except ValueError:
        return []
    return [e for e in events if isinstance(e, dict)] if isinstance(events, list) else []


def _events(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError("a review's events are a list")
    return value


def _field(text: str) -> bytes:
    raw = _utf8(text)
    if len(raw) > MAX_FIELD_BYTES:
        raise DeskSignatureError("a desk id or label in an endorsement is too long")
    return len(raw).to_bytes(2, "big") + raw


def _b64(text: str, size: int, what: str) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise DeskSignatureError(f"the endorsement's {what} is not base64") from None
    if len(raw) != size:
        raise DeskSignatureError(f"the endorsement's {what} is not {size} bytes")
    return raw


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, spelled as a JSON escape
        raise DeskSignatureError(
            "a signed review or endorsement holds text that is not UTF-8"
        ) from None


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _loads(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, RecursionError):
        raise ValueError("the review is not UTF-8 JSON") from None
