"""Each desk signs its review events as itself, and checks who signed the ones it pulls.

A desk's own Ed25519 key is made when the desk is set up (`desk init`, or `desk key
import` on a second desk), or on first use by a desk set up before per-desk keys, and is
endorsed by the newsroom signing key for the desk's id and label
(`sync.payloads.endorsement`). A new label means a new endorsement of the same key.

A pulled review is believed only as far as its signature goes:

- format 2 (signed by a desk): the endorsement must be the newsroom's, the signature the
  endorsed key's, every event must name the endorsed desk id and label, and a desk id
  keeps the first key seen endorsed for it here. Anything else is refused with the reason.
- format 1 (before per-desk keys, signed only by the newsroom signing key): any desk could
  have written the desk label it names, so its events are kept with that label marked
  ``(newsroom key, before per-desk keys)``.

Device decisions are signed and checked the same way (`signed_devices_payload`,
`verify_devices`): a ``gatewatch-devices-2`` document is believed under the same rules, a
``gatewatch-devices-1`` document (before per-desk keys) has its desk label marked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from desktop.domain.desk.device_trust import DeviceEvent
from desktop.domain.desk.review import MAX_LABEL_CHARS, ReviewError
from desktop.domain.desk.review_events import ReviewEvent
from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository
from desktop.store.desk.keys import DeskKeysRepository, OwnDeskKey
from desktop.store.desk.review import DeskIdentity
from sync.envelope import DeviceSigningKey, NewsroomKeyPair, derive_desk_signing_key
from sync.payloads.devices import (
    DEVICES_FORMAT_V1,
    DEVICES_FORMAT_V2,
    MAX_DEVICE_EVENTS,
    devices_v1_events,
    open_devices,
    sign_devices,
)
from sync.payloads.endorsement import DeskEndorsement, DeskSignatureError
from sync.payloads.review import open_review, sign_review

V1_SIGNER = " (newsroom key, before per-desk keys)"
"""Appended to the desk label of an event in the old format: a claim no desk key backs."""

MAX_EVENTS_PER_ENVELOPE = 500


@dataclass(frozen=True)
class VerifiedReview:
    events: list[ReviewEvent]
    endorsement: DeskEndorsement | None  # None: the old format


@dataclass(frozen=True)
class VerifiedDevices:
    events: list[DeviceEvent]
    endorsement: DeskEndorsement | None  # None: the old format, no desk's key behind it


def desk_signer(
    store: Store, identity: DeskIdentity, *, now: datetime | None = None
) -> tuple[DeviceSigningKey, DeskEndorsement] | None:
    """This desk's signing key and its endorsement for `identity`, made or renewed as
    needed; None without a newsroom key."""
    newsroom = DeskRepository(store).key()
    if newsroom is None:
        return None
    keys = DeskKeysRepository(store)
    own = keys.own_key()
    if own is None:
        signer = DeviceSigningKey.generate()
    else:
        signer = DeviceSigningKey.from_private_bytes(own.private_key)
        endorsement = DeskEndorsement.from_json(own.endorsement)
        if (endorsement.desk_id, endorsement.desk_label) == (identity.desk_id, identity.label):
            return signer, endorsement
    pair = NewsroomKeyPair.from_private_bytes(newsroom.private_key, newsroom.kem)
    endorsement = DeskEndorsement.make(
        derive_desk_signing_key(pair), identity.desk_id, identity.label, signer.public_bytes()
    )
    keys.save_own_key(
        OwnDeskKey(signer.private_bytes(), endorsement.to_json()),
        signer.public_bytes(),
        now or datetime.now(UTC),
    )
    return signer, endorsement


def _signed(
    store: Store,
    identity: DeskIdentity,
    items: list[dict[str, Any]],
    envelope_id: str,
    sign: Callable[..., bytes],
) -> bytes | None:
    """`items` signed by this desk with `sign` (reviews or device decisions); None without
    a newsroom key."""
    signer = desk_signer(store, identity)
    if signer is None:
        return None
    key, endorsement = signer
    return sign(items, envelope_id=envelope_id, endorsement=endorsement, desk_key=key)


def signed_review_payload(
    store: Store, identity: DeskIdentity, events: Sequence[ReviewEvent], envelope_id: str
) -> bytes | None:
    """The payload of a review envelope holding `events`, signed by this desk; None
    without a newsroom key."""
    return _signed(store, identity, [e.to_json() for e in events], envelope_id, sign_review)


def verify_review(store: Store, envelope_id: str, payload: bytes) -> VerifiedReview:
    """The events of a pulled review envelope, checked against the desk that signed them.

    Raises `DeskSignatureError` when the desk signature, endorsement or claimed desk do not
    hold, `ReviewError` for a review this version does not read."""
    try:
        opened = open_review(
            payload, envelope_id=envelope_id, newsroom_signing_keys=_newsroom_signing_keys(store)
        )
    except DeskSignatureError:
        raise
    except ValueError as error:
        raise ReviewError(str(error)) from None
    if not 1 <= len(opened.events) <= MAX_EVENTS_PER_ENVELOPE:
        raise ReviewError(f"a review holds 1 to {MAX_EVENTS_PER_ENVELOPE} events")
    events = [ReviewEvent.from_json(item) for item in opened.events]
    endorsement = opened.endorsement
    if endorsement is None:
        room = MAX_LABEL_CHARS - len(V1_SIGNER)
        return VerifiedReview(
            [replace(e, desk_label=e.desk_label[:room].rstrip() + V1_SIGNER) for e in events],
            None,
        )
    _check_signer(store, endorsement, events)
    return VerifiedReview(events, endorsement)


def signed_devices_payload(
    store: Store, identity: DeskIdentity, events: Sequence[DeviceEvent], envelope_id: str
) -> bytes | None:
    """The payload of a review envelope holding device decisions, signed by this desk; None
    without a newsroom key."""
    return _signed(store, identity, [e.to_json() for e in events], envelope_id, sign_devices)


def verify_devices(store: Store, envelope_id: str, document: object) -> VerifiedDevices | None:
    """The device decisions of a pulled review envelope's document (parsed JSON), checked
    against the desk that signed them; None when it holds none (moves and notes).

    Raises `DeskSignatureError` when the desk signature, endorsement or claimed desk do not
    hold, `ReviewError` for a malformed device document."""
    if not isinstance(document, dict):
        return None
    if document.get("format") == DEVICES_FORMAT_V1:
        room = MAX_LABEL_CHARS - len(V1_SIGNER)
        try:
            items = devices_v1_events(document)
        except ValueError as error:
            raise ReviewError(str(error)) from None
        events = [DeviceEvent.from_json(item) for item in items]
        return VerifiedDevices(
            [replace(e, desk_label=e.desk_label[:room].rstrip() + V1_SIGNER) for e in events],
            None,
        )
    if document.get("format") != DEVICES_FORMAT_V2:
        return None
    try:
        opened = open_devices(
            document, envelope_id=envelope_id, newsroom_signing_keys=_newsroom_signing_keys(store)
        )
    except DeskSignatureError:
        raise
    except ValueError as error:
        raise ReviewError(str(error)) from None
    if not 1 <= len(opened.events) <= MAX_DEVICE_EVENTS:
        raise ReviewError(f"a device document holds 1 to {MAX_DEVICE_EVENTS} events")
    devices = [DeviceEvent.from_json(item) for item in opened.events]
    assert opened.endorsement is not None  # the signed format always has one
    _check_signer(store, opened.endorsement, devices)
    return VerifiedDevices(devices, opened.endorsement)


def _newsroom_signing_keys(store: Store) -> list[bytes]:
    held = DeskRepository(store).keys()
    pairs = [NewsroomKeyPair.from_private_bytes(k.private_key, k.kem) for k in held]
    return [derive_desk_signing_key(p).public_bytes() for p in pairs]


def _check_signer(
    store: Store, endorsement: DeskEndorsement, events: Sequence[ReviewEvent | DeviceEvent]
) -> None:
    """A desk id keeps the first key seen endorsed for it; every event names the desk whose
    endorsement signed it."""
    who = f"{endorsement.desk_label!r} ({endorsement.desk_id})"
    pinned = DeskKeysRepository(store).pinned_key(endorsement.desk_id)
    if pinned is not None and pinned != endorsement.desk_key:
        raise DeskSignatureError(
            f"desk {who} signs with another key than the one this desk first saw endorsed "
            "for it: someone holding the newsroom key made a second desk under its id"
        )
    for event in events:
        if (event.desk_id, event.desk_label) != (endorsement.desk_id, endorsement.desk_label):
            raise DeskSignatureError(
                f"an event claims desk {event.desk_label!r} ({event.desk_id}) but is signed "
                f"by desk {who}"
            )


def pin_signer(store: Store, review: VerifiedReview | VerifiedDevices, now: datetime) -> None:
    """Remember the desk key a verified review was signed with (first seen wins)."""
    if review.endorsement is not None:
        e = review.endorsement
        DeskKeysRepository(store).pin(e.desk_id, e.desk_key, e.desk_label, now)
