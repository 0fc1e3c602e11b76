"""Device decisions: editors' approvals, rejections and revocations, shared by every desk.

They travel in review envelopes like review events, as one of:

- ``gatewatch-devices-2``: the events signed by the deciding desk's own key, with its
  endorsement (the layout of `sync.payloads.desk_signed` under its own format name and
  domain label `DEVICES_SIGNATURE_DOMAIN`, so a review signature never passes for a
  device decision or the reverse);
- ``gatewatch-devices-1``, read only (written before per-desk keys): compact JSON
  ``{"format", "events"}``, backed by no desk key.

The events are JSON objects (`desktop.domain.desk.device_trust.DeviceEvent.to_json`); which
state they decide is the domain's. Byte layout and vectors: docs/desk.md,
tests/sync/vectors/.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sync.envelope import DeviceSigningKey
from sync.payloads.desk_signed import OpenedReview, open_signed, sign_events
from sync.payloads.endorsement import DeskEndorsement

DEVICES_SIGNATURE_DOMAIN = b"gatewatch devices v2 desk signature\x00"
DEVICES_FORMAT_V1 = "gatewatch-devices-1"
DEVICES_FORMAT_V2 = "gatewatch-devices-2"
MAX_DEVICE_EVENTS = 500
"""Decisions in one document."""

__all__ = [
    "DEVICES_FORMAT_V1",
    "DEVICES_FORMAT_V2",
    "DEVICES_SIGNATURE_DOMAIN",
    "MAX_DEVICE_EVENTS",
    "devices_v1_events",
    "open_devices",
    "sign_devices",
]


def sign_devices(
    events: list[dict[str, Any]],
    *,
    envelope_id: str,
    endorsement: DeskEndorsement,
    desk_key: DeviceSigningKey,
) -> bytes:
    """The payload of a review envelope holding device decisions, signed by this desk's key."""
    return sign_events(
        DEVICES_FORMAT_V2, DEVICES_SIGNATURE_DOMAIN, events, envelope_id, endorsement, desk_key
    )


def open_devices(
    document: dict[str, Any], *, envelope_id: str, newsroom_signing_keys: Iterable[bytes]
) -> OpenedReview:
    """Check a ``gatewatch-devices-2`` document (parsed JSON) as
    `sync.payloads.review.open_review` checks a review: `DeskSignatureError` says what does
    not hold, ``ValueError`` for a malformed one."""
    if document.get("format") != DEVICES_FORMAT_V2:
        raise ValueError(f"the document is not a {DEVICES_FORMAT_V2} document")
    return open_signed(
        document, DEVICES_SIGNATURE_DOMAIN, "device decision", envelope_id, newsroom_signing_keys
    )


def devices_v1_events(document: object) -> list[Any]:
    """The events (JSON values, not yet validated) of a ``gatewatch-devices-1`` document
    (parsed JSON); ``ValueError`` if it is not one."""
    if (
        not isinstance(document, dict)
        or set(document) != {"format", "events"}
        or document["format"] != DEVICES_FORMAT_V1
        or not isinstance(document["events"], list)
        or not 1 <= len(document["events"]) <= MAX_DEVICE_EVENTS
    ):
        raise ValueError(f"the review is not a {DEVICES_FORMAT_V1} document")
    return list(document["events"])
