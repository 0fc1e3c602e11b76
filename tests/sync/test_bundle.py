"""The hand-carried file formats (sync/payloads/bundle.py, sync/payloads/receipts.py,
docs/handcarry.md): vectors, sizes, and every way a file can be wrong."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from sync.envelope import DeviceSigningKey, NewsroomKeyPair, derive_desk_signing_key
from sync.envelope.header import ENC_LENGTHS
from sync.payloads.bundle import open_bundle, seal_bundle
from sync.payloads.container import SEGMENT, TAG_SIZE, BundleError, container_bucket
from sync.payloads.receipts import HandReceipts, open_receipts, seal_receipts

VECTORS = Path(__file__).with_name("vectors") / "handcarry_x25519.json"


@pytest.fixture(scope="module")
def vectors() -> dict[str, Any]:
    return json.loads(VECTORS.read_text(encoding="ascii"))  # type: ignore[no-any-return]


def _keys(v: dict[str, Any]) -> tuple[NewsroomKeyPair, NewsroomKeyPair, bytes]:
    newsroom = NewsroomKeyPair.from_private_bytes(bytes.fromhex(v["newsroom_private"]))
    device_box = NewsroomKeyPair.from_private_bytes(bytes.fromhex(v["device_encryption_private"]))
    return newsroom, device_box, bytes.fromhex(v["desk_signing_public"])


def test_the_bundle_vector_opens_to_its_envelopes(vectors: dict[str, Any]) -> None:
    newsroom, _, desk = _keys(vectors)
    assert derive_desk_signing_key(newsroom).public_bytes() == desk
    data = base64.b64decode(vectors["bundle"]["file"])
    bundle = open_bundle(data, [newsroom])
    assert bundle.bundle_id == vectors["bundle"]["bundle_id"]
    assert bundle.created_at == datetime.fromisoformat(vectors["bundle"]["created_at"])
    assert [base64.b64encode(e).decode() for e in bundle.envelopes] == vectors["bundle"][
        "envelopes"
    ]
    # 32 (enc) + 48 (sealed key) + one 64 KiB segment and its tag
    assert len(data) == ENC_LENGTHS["x25519"] + 48 + SEGMENT + TAG_SIZE


def test_the_receipts_vector_opens_and_verifies(vectors: dict[str, Any]) -> None:
    _, device_box, desk = _keys(vectors)
    receipts = open_receipts(base64.b64decode(vectors["receipts"]["file"]), device_box, desk)
    expected = vectors["receipts"]
    assert receipts.receipt_id == expected["receipt_id"]
    assert receipts.device_id == expected["device_id"]
    assert list(receipts.envelope_ids) == expected["envelope_ids"]
    assert receipts.questions == ()


def test_no_cleartext_and_the_size_is_only_a_bucket() -> None:
    newsroom = NewsroomKeyPair.generate("x25519")
    device = DeviceSigningKey.generate()
    from sync.envelope import EnvelopeKind, seal

    def envelope(text: str) -> bytes:
        return seal(
            text.encode(),
            kind=EnvelopeKind.MESSAGE,
            envelope_id=str(uuid.uuid4()),
            device_id="laiza-laptop",
            device_key=device,
            recipient=newsroom.public_key,
        )

    one = seal_bundle([envelope("a")], newsroom.public_key)
    ten = seal_bundle([envelope(str(i)) for i in range(10)], newsroom.public_key)
    assert len(one) == len(ten)  # the count of reports does not show
    for data in (one, ten):
        assert b"GWEV" not in data
        assert b"laiza-laptop" not in data
        assert b"gatewatch" not in data
    assert open_bundle(ten, [newsroom]).envelopes[3] != open_bundle(one, [newsroom]).envelopes[0]


@pytest.mark.parametrize(
    ("size", "bucket"),
    [
        (0, 64 * 1024),
        (64 * 1024, 64 * 1024),
        (64 * 1024 + 1, 128 * 1024),
        (64 * 2**20, 64 * 2**20),
        (64 * 2**20 + 1, 128 * 2**20),
        (130 * 2**20, 192 * 2**20),
    ],
)
def test_buckets(size: int, bucket: int) -> None:
    assert container_bucket(size) == bucket


def test_too_large_is_refused() -> None:
    with pytest.raises(BundleError) as error:
        container_bucket(4096 * 2**20 + 1)
    assert error.value.reason == "too_large"


def test_every_damage_is_refused(vectors: dict[str, Any]) -> None:
    newsroom, device_box, desk = _keys(vectors)
    data = base64.b64decode(vectors["bundle"]["file"])
    cases: list[tuple[bytes, str]] = []
    for at in (0, 40, 100, len(data) - 1):  # enc, sealed key, a segment, the last tag
        flipped = bytearray(data)
        flipped[at] ^= 0x01
        cases.append((bytes(flipped), "not_for_us" if at < 80 else "damaged"))
    cases.append((data[:-1], "not_for_us"))  # cut: no bucket has that size
    cases.append((data + data[-(SEGMENT + TAG_SIZE) :], "damaged"))  # a segment repeated
    cases.append((data + b"\0" * 2 * (SEGMENT + TAG_SIZE), "not_for_us"))  # 3: no bucket
    cases.append((b"", "not_for_us"))
    for bad, reason in cases:
        with pytest.raises(BundleError) as error:
            open_bundle(bad, [newsroom])
        assert error.value.reason == reason
    other = NewsroomKeyPair.generate("x25519")
    with pytest.raises(BundleError, match="not a hand-carried") as error:
        open_bundle(data, [other])
    # a receipt file is never taken for a bundle, nor the other way round
    receipts = base64.b64decode(vectors["receipts"]["file"])
    with pytest.raises(BundleError):
        open_bundle(receipts, [device_box])
    with pytest.raises(BundleError):
        open_receipts(data, newsroom, desk)


def test_receipts_from_anyone_but_the_desk_are_refused(vectors: dict[str, Any]) -> None:
    newsroom, device_box, desk = _keys(vectors)
    impostor = DeviceSigningKey.generate()
    forged = seal_receipts(
        HandReceipts(str(uuid.uuid4()), datetime.now(UTC), "test-device-0001", (), ()),
        impostor,
        device_box.public_key,
    )
    with pytest.raises(BundleError) as error:
        open_receipts(forged, device_box, desk)
    assert error.value.reason == "bad_signature"
    genuine = seal_receipts(
        HandReceipts(str(uuid.uuid4()), datetime.now(UTC), "test-device-0001", (), ()),
        derive_desk_signing_key(newsroom),
        device_box.public_key,
    )
    assert open_receipts(genuine, device_box, desk).device_id == "test-device-0001"
