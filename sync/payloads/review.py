"""Review payloads: the moves, notes and marks a desk shares with every other desk.

A review envelope (kind ``review``, sealed to the newsroom key) carries one of:

- ``gatewatch-review-2``: the events signed by the desk's own key, with its endorsement
  (the layout of `sync.payloads.desk_signed`, domain label `REVIEW_SIGNATURE_DOMAIN`);
- ``gatewatch-review-1``, read only (written before per-desk keys): compact JSON
  ``{"format", "events"}``, backed by no desk key.

The events are JSON objects (`desktop.domain.desk.review_events.ReviewEvent.to_json`); what
they mean is the domain's. Byte layout and vectors: docs/desk.md, tests/sync/vectors/.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sync.envelope import DeviceSigningKey
from sync.payloads.desk_signed import (
    SIGNED_KEYS,
    OpenedReview,
    claimed_events,
    events_of,
    loads,
    open_signed,
    sign_events,
)
from sync.payloads.endorsement import DeskEndorsement, DeskSignatureError

REVIEW_SIGNATURE_DOMAIN = b"gatewatch review v2 desk signature\x00"
REVIEW_FORMAT_V1 = "gatewatch-review-1"
REVIEW_FORMAT_V2 = "gatewatch-review-2"

__all__ = [
    "REVIEW_FORMAT_V1",
    "REVIEW_FORMAT_V2",
    "REVIEW_SIGNATURE_DOMAIN",
    "DeskSignatureError",
    "OpenedReview",
    "claimed_events",
    "open_review",
    "sign_review",
]


def sign_review(
    events: list[dict[str, Any]],
    *,
    envelope_id: str,
    endorsement: DeskEndorsement,
    desk_key: DeviceSigningKey,
) -> bytes:
    """The payload of a review envelope signed by this desk's own key."""
    return sign_events(
        REVIEW_FORMAT_V2, REVIEW_SIGNATURE_DOMAIN, events, envelope_id, endorsement, desk_key
    )


def open_review(
    payload: bytes, *, envelope_id: str, newsroom_signing_keys: Iterable[bytes]
) -> OpenedReview:
    """Check a review payload's desk signature and endorsement; `DeskSignatureError` says
    what is wrong, ``ValueError`` for a payload that is not a review document at all."""
    document = loads(payload)
    if not isinstance(document, dict):
        raise ValueError("the review is not a JSON object")
    if document.get("format") == REVIEW_FORMAT_V1 and set(document) == {"format", "events"}:
        return OpenedReview(events_of(document["events"]), None)
    if document.get("format") != REVIEW_FORMAT_V2 or set(document) != SIGNED_KEYS:
        raise ValueError(f"the review is not a {REVIEW_FORMAT_V1} or {REVIEW_FORMAT_V2} document")
    return open_signed(
        document, REVIEW_SIGNATURE_DOMAIN, "review", envelope_id, newsroom_signing_keys
    )
