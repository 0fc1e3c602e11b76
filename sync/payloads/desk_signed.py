"""The layout every desk-signed list of events shares: review payloads
(`sync.payloads.review`) and device decisions (`sync.payloads.devices`).

A document is compact JSON ``{"format", "signed", "signature"}``: ``signed`` is the text
of ``{"envelope_id", "endorsement", "events"}`` (the envelope it travels in, the signing
desk's `DeskEndorsement`, the events), ``signature`` the base64 Ed25519 signature by the
endorsed desk key over a domain label and that text. Each kind has its own format name and
domain label, so a signature of one kind never passes for the other. A receiving desk
checks the endorsement against the newsroom signing keys, the signature, and that the
envelope id is the one the document arrived in. Byte layout: docs/desk.md.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature

from sync.envelope import DeviceSigningKey, check_ed25519_public
from sync.payloads.endorsement import DeskEndorsement, DeskSignatureError, decode_b64, utf8

SIGNED_KEYS = frozenset({"format", "signed", "signature"})

__all__ = [
    "SIGNED_KEYS",
    "OpenedReview",
    "claimed_events",
    "dumps",
    "events_of",
    "loads",
    "open_signed",
    "sign_events",
]


@dataclass(frozen=True)
class OpenedReview:
    """The events of a review payload (JSON values, not yet validated) and who signed them:
    the verified endorsement of a desk, or None for the old format signed only by the
    newsroom signing key."""

    events: list[Any]
    endorsement: DeskEndorsement | None


def sign_events(
    format_name: str,
    domain: bytes,
    events: list[dict[str, Any]],
    envelope_id: str,
    endorsement: DeskEndorsement,
    desk_key: DeviceSigningKey,
) -> bytes:
    """The document's bytes: ``events`` for ``envelope_id``, signed by ``desk_key``."""
    signed = dumps(
        {"envelope_id": envelope_id, "endorsement": endorsement.to_json(), "events": events}
    )
    signature = desk_key.sign(domain + signed.encode("utf-8"))
    return dumps(
        {
            "format": format_name,
            "signed": signed,
            "signature": base64.b64encode(signature).decode("ascii"),
        }
    ).encode("utf-8")


def open_signed(
    document: dict[str, Any],
    domain: bytes,
    what: str,
    envelope_id: str,
    newsroom_signing_keys: Iterable[bytes],
) -> OpenedReview:
    """Check a parsed document; `DeskSignatureError` says what does not hold, ``ValueError``
    for one that breaks the layout (``what`` names the kind in both)."""
    if set(document) != SIGNED_KEYS:
        raise ValueError(f"a signed {what} holds format, signed and signature")
    signed, signature = document["signed"], document["signature"]
    if not isinstance(signed, str) or not isinstance(signature, str):
        raise ValueError(f"a signed {what} holds text")
    signed_bytes = utf8(signed)
    inner = loads(signed_bytes)
    if not isinstance(inner, dict) or set(inner) != {"envelope_id", "endorsement", "events"}:
        raise ValueError(f"a signed {what} holds envelope_id, endorsement and events")
    endorsement = DeskEndorsement.from_json(inner["endorsement"])
    endorsement.verify(newsroom_signing_keys)
    try:
        check_ed25519_public(endorsement.desk_key).verify(
            decode_b64(signature, 64, "signature"), domain + signed_bytes
        )
    except InvalidSignature:
        raise DeskSignatureError(
            f"the {what} is not signed by the key endorsed for desk "
            f"{endorsement.desk_label!r} ({endorsement.desk_id})"
        ) from None
    if inner["envelope_id"] != envelope_id:
        raise DeskSignatureError(f"the {what} was signed for another envelope")
    return OpenedReview(events_of(inner["events"]), endorsement)


def claimed_events(payload: bytes) -> list[dict[str, Any]]:
    """The event objects a review payload holds, unchecked, whatever its format: what a
    refused review claimed, for the report's history. Empty when nothing can be read."""
    try:
        document = loads(payload)
        if isinstance(document, dict) and isinstance(document.get("signed"), str):
            document = loads(utf8(document["signed"]))
        events = document.get("events") if isinstance(document, dict) else None
    except ValueError:
        return []
    return [e for e in events if isinstance(e, dict)] if isinstance(events, list) else []


def events_of(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError("a review's events are a list")
    return value


def dumps(value: object) -> str:
    """Compact JSON, keys in the order given, text as is (not ASCII-escaped)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, RecursionError):
        raise ValueError("the review is not UTF-8 JSON") from None
