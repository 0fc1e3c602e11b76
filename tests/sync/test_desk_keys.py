"""Per-desk review signatures (`sync.payloads.review`, `sync.payloads.devices`): the
committed vectors verify and are reproduced byte for byte, for review events and for
device decisions; every alteration of a signed review or its endorsement is refused with
a reason, and neither kind of signature passes for the other."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sync.envelope import DeviceSigningKey, NewsroomKeyPair, derive_desk_signing_key
from sync.payloads.desk_signed import claimed_events
from sync.payloads.devices import open_devices, sign_devices
from sync.payloads.endorsement import DeskEndorsement, DeskSignatureError
from sync.payloads.review import open_review, sign_review

VECTORS = json.loads(
    (Path(__file__).parent / "vectors" / "desk_review_v2.json").read_text(encoding="utf-8")
)
DEVICE_VECTORS = json.loads(
    (Path(__file__).parent / "vectors" / "desk_devices_v2.json").read_text(encoding="utf-8")
)


def keys() -> tuple[bytes, DeviceSigningKey]:
    newsroom = NewsroomKeyPair.from_private_bytes(bytes.fromhex(VECTORS["newsroom_private"]))
    signer = derive_desk_signing_key(newsroom)
    assert signer.public_bytes().hex() == VECTORS["newsroom_signing_public"]
    return signer.public_bytes(), DeviceSigningKey.from_private_bytes(
        bytes.fromhex(VECTORS["desk_private"])
    )


def test_the_vectors_verify_and_are_reproduced() -> None:
    newsroom_public, desk = keys()
    endorsement = DeskEndorsement.from_json(VECTORS["endorsement"])
    assert endorsement.message().hex() == VECTORS["endorsement_message"]
    endorsement.verify([newsroom_public])
    payload = VECTORS["payload"].encode("utf-8")
    opened = open_review(
        payload, envelope_id=VECTORS["envelope_id"], newsroom_signing_keys=[newsroom_public]
    )
    assert opened.events == VECTORS["events"]
    assert opened.endorsement == endorsement
    again = sign_review(
        VECTORS["events"],
        envelope_id=VECTORS["envelope_id"],
        endorsement=endorsement,
        desk_key=desk,
    )
    assert again == payload


def _open(document: dict[str, Any], envelope_id: str | None = None) -> None:
    newsroom_public, _ = keys()
    open_review(
        json.dumps(document).encode(),
        envelope_id=envelope_id or VECTORS["envelope_id"],
        newsroom_signing_keys=[newsroom_public],
    )


def _signed(document: dict[str, Any]) -> dict[str, Any]:
    return json.loads(document["signed"])  # type: ignore[no-any-return]


def test_every_alteration_is_refused() -> None:
    good = json.loads(VECTORS["payload"])
    _open(good)

    with pytest.raises(DeskSignatureError, match="signed for another envelope"):
        _open(good, envelope_id="00000000-0000-4000-8000-000000000000")

    inner = _signed(good)
    inner["events"][0]["to_state"] = "published"  # an event changed after signing
    with pytest.raises(DeskSignatureError, match="not signed by the key endorsed"):
        _open({**good, "signed": json.dumps(inner)})

    inner = _signed(good)
    inner["endorsement"]["desk_label"] = "Day desk"  # the endorsement renamed
    with pytest.raises(DeskSignatureError, match="not signed by this newsroom"):
        _open({**good, "signed": json.dumps(inner)})

    # A desk that endorsed itself with a newsroom key of its own.
    stranger = derive_desk_signing_key(NewsroomKeyPair.generate("x25519"))
    desk = DeviceSigningKey.generate()
    forged = DeskEndorsement.make(stranger, "desk-" + "e" * 16, "Night desk", desk.public_bytes())
    payload = sign_review(
        VECTORS["events"], envelope_id=VECTORS["envelope_id"], endorsement=forged, desk_key=desk
    )
    with pytest.raises(DeskSignatureError, match="not signed by this newsroom"):
        _open(json.loads(payload))

    with pytest.raises(ValueError, match="not a gatewatch-review-1 or gatewatch-review-2"):
        _open({**good, "extra": 1})


def test_what_a_refused_review_claimed_is_readable_in_either_format() -> None:
    assert claimed_events(VECTORS["payload"].encode()) == VECTORS["events"]
    old = json.dumps({"format": "gatewatch-review-1", "events": VECTORS["events"]}).encode()
    assert claimed_events(old) == VECTORS["events"]
    assert claimed_events(b"\xff not json") == []


def test_the_device_vectors_verify_and_are_reproduced() -> None:
    newsroom_public, desk = keys()
    endorsement = DeskEndorsement.from_json(DEVICE_VECTORS["endorsement"])
    assert endorsement == DeskEndorsement.from_json(VECTORS["endorsement"])
    payload = DEVICE_VECTORS["payload"].encode("utf-8")
    opened = open_devices(
        json.loads(payload),
        envelope_id=DEVICE_VECTORS["envelope_id"],
        newsroom_signing_keys=[newsroom_public],
    )
    assert opened.events == DEVICE_VECTORS["events"]
    assert opened.endorsement == endorsement
    again = sign_devices(
        DEVICE_VECTORS["events"],
        envelope_id=DEVICE_VECTORS["envelope_id"],
        endorsement=endorsement,
        desk_key=desk,
    )
    assert again == payload
    assert claimed_events(payload) == DEVICE_VECTORS["events"]


def test_a_review_signature_does_not_pass_for_device_decisions_nor_the_reverse() -> None:
    newsroom_public, _ = keys()
    review = json.loads(VECTORS["payload"])
    with pytest.raises(DeskSignatureError, match="device decision is not signed by the key"):
        open_devices(
            {**review, "format": "gatewatch-devices-2"},
            envelope_id=VECTORS["envelope_id"],
            newsroom_signing_keys=[newsroom_public],
        )
    devices = json.loads(DEVICE_VECTORS["payload"])
    with pytest.raises(DeskSignatureError, match="review is not signed by the key"):
        _open({**devices, "format": "gatewatch-review-2"}, DEVICE_VECTORS["envelope_id"])
    with pytest.raises(ValueError, match="not a gatewatch-devices-2 document"):
        open_devices(
            review, envelope_id=VECTORS["envelope_id"], newsroom_signing_keys=[newsroom_public]
        )
