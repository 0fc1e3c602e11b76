"""Write the hand-carry test vectors to tests/sync/vectors/handcarry_x25519.json.

Run: ``.venv/bin/python tools/make_handcarry_vectors.py`` (from the repository root).

TEST KEYS derived from public labels (as tools/make_envelope_vectors.py does): a newsroom
key, a device signing key, the device's encryption key and the desk signing key derived
from the newsroom key. A bundle holding two envelopes and a receipt file naming them are
written with fixed ids and times; HPKE and the content key are random, so the sealed
bytes change on every run. Never use these keys for anything real.
"""

from __future__ import annotations

import base64
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sync.envelope import (
    DeviceSigningKey,
    EnvelopeKind,
    NewsroomKeyPair,
    derive_desk_signing_key,
    seal,
)
from sync.payloads.bundle import seal_bundle
from sync.payloads.receipts import HandReceipts, seal_receipts
from tools.make_envelope_vectors import derive

OUT = Path(__file__).resolve().parents[1] / "tests" / "sync" / "vectors" / "handcarry_x25519.json"
DEVICE_ID = "test-device-0001"
CREATED = datetime(2026, 1, 31, 6, 15, tzinfo=UTC)
BUNDLE_ID = "6f0d3c52-7c1e-4b8e-9a51-2f7d1c0e9b44"
RECEIPT_ID = "0b7e2a9d-4f61-4c3a-8e2d-5a9c7b1f3e60"
ENVELOPE_IDS = ("2d9a4f1e-8c3b-4a7d-9e60-1b5c8f2a7d31", "9c1e7b3a-2f4d-4e8a-b5c6-0d7f3e9a1b82")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def main() -> None:
    newsroom = NewsroomKeyPair.from_private_bytes(derive("handcarry newsroom x25519", 32))
    device = DeviceSigningKey.from_private_bytes(derive("handcarry device ed25519", 32))
    device_box = NewsroomKeyPair.from_private_bytes(derive("handcarry device x25519", 32))
    desk = derive_desk_signing_key(newsroom)
    envelopes = [
        seal(
            f"payload {i}".encode(),
            kind=EnvelopeKind.MESSAGE,
            envelope_id=eid,
            device_id=DEVICE_ID,
            device_key=device,
            recipient=newsroom.public_key,
        )
        for i, eid in enumerate(ENVELOPE_IDS)
    ]
    bundle = seal_bundle(envelopes, newsroom.public_key, bundle_id=BUNDLE_ID, created_at=CREATED)
    receipts = seal_receipts(
        HandReceipts(RECEIPT_ID, CREATED, DEVICE_ID, ENVELOPE_IDS, ()), desk, device_box.public_key
    )
    document = {
        "warning": "TEST VECTORS with TEST KEYS derived from public labels by "
        "tools/make_handcarry_vectors.py. Never use these keys for anything real.",
        "newsroom_private": newsroom.private_bytes().hex(),
        "device_public": device.public_bytes().hex(),
        "device_encryption_private": device_box.private_bytes().hex(),
        "desk_signing_public": desk.public_bytes().hex(),
        "bundle": {
            "bundle_id": BUNDLE_ID,
            "created_at": "2026-01-31T06:15:00Z",
            "envelopes": [b64(e) for e in envelopes],
            "file": b64(bundle),
        },
        "receipts": {
            "receipt_id": RECEIPT_ID,
            "created_at": "2026-01-31T06:15:00Z",
            "device_id": DEVICE_ID,
            "envelope_ids": list(ENVELOPE_IDS),
            "file": b64(receipts),
        },
    }
    OUT.write_text(json.dumps(document, indent=1) + "\n", encoding="ascii")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
