"""Another desk of the same newsroom, or someone posing as one: review envelopes sealed to
the newsroom key and uploaded with a desk token of their own, the way a real desk does."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

from desktop.services.desk import core as desk
from desktop.services.desk.review import LEGACY_REVIEW_FORMAT
from sync.client import ClientConfig
from sync.envelope import (
    DESK_SENDER_ID,
    DeviceSigningKey,
    EnvelopeKind,
    NewsroomKeyPair,
    derive_desk_signing_key,
    seal,
)
from sync.payloads.devices import sign_devices
from sync.payloads.endorsement import DeskEndorsement
from sync.payloads.review import sign_review
from sync.server.store import ServerStore
from tests.e2e.conftest import World, fast_client

NIGHT_DESK_ID = "desk-" + "e" * 16


def newsroom_pair(world: World) -> NewsroomKeyPair:
    key = desk.DeskRepository(world.desk_store).key()
    assert key is not None
    return NewsroomKeyPair.from_private_bytes(key.private_key, key.kem)


def endorsed_desk(
    pair: NewsroomKeyPair, desk_id: str = NIGHT_DESK_ID, label: str = "Night desk"
) -> tuple[DeviceSigningKey, DeskEndorsement]:
    """A desk key endorsed by the newsroom, as `desk init` or `desk key import` makes one."""
    key = DeviceSigningKey.generate()
    endorsement = DeskEndorsement.make(
        derive_desk_signing_key(pair), desk_id, label, key.public_bytes()
    )
    return key, endorsement


def signed_payload(
    events: list[dict[str, Any]],
    envelope_id: str,
    signer: tuple[DeviceSigningKey, DeskEndorsement] | None,
) -> bytes:
    """Events signed by a desk key with its endorsement, or in the format of desks before
    per-desk keys when `signer` is None."""
    if signer is None:
        return json.dumps({"format": LEGACY_REVIEW_FORMAT, "events": events}).encode()
    key, endorsement = signer
    return sign_review(events, envelope_id=envelope_id, endorsement=endorsement, desk_key=key)


def device_payload(
    events: list[dict[str, Any]],
    envelope_id: str,
    signer: tuple[DeviceSigningKey, DeskEndorsement] | None,
) -> bytes:
    """Device decisions signed by a desk key with its endorsement, or as a
    ``gatewatch-devices-1`` document of desks before per-desk keys when `signer` is None."""
    if signer is None:
        return json.dumps({"format": "gatewatch-devices-1", "events": events}).encode()
    key, endorsement = signer
    return sign_devices(events, envelope_id=envelope_id, endorsement=endorsement, desk_key=key)


def upload_review(
    world: World,
    events: list[dict[str, Any]],
    signer: tuple[DeviceSigningKey, DeskEndorsement] | None,
    payload: Callable[..., bytes] = signed_payload,
) -> str:
    """Seal the events (as `payload` lays them out) as a review envelope to the newsroom
    key and upload it; its id."""
    pair = newsroom_pair(world)
    eid = str(uuid.uuid4())
    data = seal(
        payload(events, eid, signer),
        kind=EnvelopeKind.REVIEW,
        envelope_id=eid,
        device_id=DESK_SENDER_ID,
        device_key=derive_desk_signing_key(pair),
        recipient=pair.public_key,
    )
    with ServerStore.open(world.server_dir) as admin:
        _, token = admin.tokens.create_desk_token("another desk")
    with fast_client(ClientConfig(base_url=world.url, token=token)) as other:
        assert other.upload([(eid, data)], route="/v1/reviews")[0].ok
    return eid
