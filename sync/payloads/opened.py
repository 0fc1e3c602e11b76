"""Opened lists: a desk's signed statement "I have stored these envelopes of device D".

The server relays them to the device (``POST``/``GET /v1/opened``) but cannot forge one: a
list is signed by a desk's own Ed25519 key and carries the newsroom signing key's
endorsement of that key (`sync.payloads.endorsement`); the device checks both against the
newsroom signing key it pinned from its invite, and that the list names the device itself.
Byte layout and a test vector: docs/envelope.md ("Opened lists").
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature

from sync.envelope import DeviceSigningKey, check_ed25519_public
from sync.payloads.endorsement import DeskEndorsement, DeskSignatureError

OPENED_FORMAT = "gatewatch-opened-1"
OPENED_DOMAIN = b"gatewatch opened v1 desk signature\x00"
MAX_IDS = 500
"""Envelope ids in one list; a desk sends more as several lists."""
MAX_LIST_BYTES = 64 * 1024

__all__ = [
    "MAX_IDS",
    "OPENED_FORMAT",
    "DeskSignatureError",
    "OpenedList",
    "open_opened",
    "sign_opened",
]


@dataclass(frozen=True)
class OpenedList:
    """A verified list: the device it names, its envelope ids, when, and which desk."""

    device_id: str
    envelope_ids: tuple[str, ...]
    opened_at: str
    endorsement: DeskEndorsement


def sign_opened(
    device_id: str,
    envelope_ids: Sequence[str],
    opened_at: str,
    *,
    endorsement: DeskEndorsement,
    desk_key: DeviceSigningKey,
) -> bytes:
    """The list's bytes, signed by this desk's own key."""
    if not 1 <= len(envelope_ids) <= MAX_IDS:
        raise ValueError(f"an opened list names 1 to {MAX_IDS} envelopes")
    signed = _dumps(
        {
            "device_id": device_id,
            "endorsement": endorsement.to_json(),
            "envelope_ids": list(envelope_ids),
            "opened_at": opened_at,
        }
    )
    signature = desk_key.sign(OPENED_DOMAIN + signed.encode("utf-8"))
    return _dumps(
        {
            "format": OPENED_FORMAT,
            "signature": base64.b64encode(signature).decode("ascii"),
            "signed": signed,
        }
    ).encode("utf-8")


def open_opened(
    data: bytes, *, device_id: str, newsroom_signing_keys: Iterable[bytes]
) -> OpenedList:
    """Check a list's endorsement, signature and device; `DeskSignatureError` says which
    does not hold, ``ValueError`` for bytes that are not an opened list at all."""
    if len(data) > MAX_LIST_BYTES:
        raise ValueError("an opened list is at most 64 KiB")
    document = _loads(data)
    if not isinstance(document, dict) or set(document) != {"format", "signature", "signed"}:
        raise ValueError("an opened list holds format, signature and signed")
    if document["format"] != OPENED_FORMAT:
        raise ValueError(f"the opened list is not in the {OPENED_FORMAT} format")
    signed, signature = document["signed"], document["signature"]
    if not isinstance(signed, str) or not isinstance(signature, str):
        raise ValueError("an opened list's signed part and signature are text")
    try:
        signed_bytes = signed.encode("utf-8")
        raw_signature = base64.b64decode(signature, validate=True)
    except (UnicodeEncodeError, binascii.Error, ValueError):
        raise ValueError("an opened list's signature is not base64") from None
    inner = _loads(signed_bytes)
    if not isinstance(inner, dict) or set(inner) != {
        "device_id",
        "endorsement",
        "envelope_ids",
        "opened_at",
    }:
        raise ValueError("an opened list signs device_id, endorsement, envelope_ids, opened_at")
    endorsement = DeskEndorsement.from_json(inner["endorsement"])
    endorsement.verify(newsroom_signing_keys)
    try:
        check_ed25519_public(endorsement.desk_key).verify(
            raw_signature, OPENED_DOMAIN + signed_bytes
        )
    except InvalidSignature:
        raise DeskSignatureError(
            f"the opened list is not signed by the key endorsed for desk "
            f"{endorsement.desk_label!r} ({endorsement.desk_id})"
        ) from None
    ids, when = inner["envelope_ids"], inner["opened_at"]
    if not isinstance(ids, list) or not 1 <= len(ids) <= MAX_IDS:
        raise ValueError(f"an opened list names 1 to {MAX_IDS} envelopes")
    if not all(isinstance(i, str) for i in ids) or not isinstance(when, str):
        raise ValueError("an opened list's ids and time are text")
    if inner["device_id"] != device_id:
        raise DeskSignatureError("the opened list names another device")
    return OpenedList(device_id, tuple(ids), when, endorsement)


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _loads(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, RecursionError, ValueError):
        raise ValueError("an opened list is not UTF-8 JSON") from None
