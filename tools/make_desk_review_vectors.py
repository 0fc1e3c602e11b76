"""Write the per-desk signing test vectors: review events to
tests/sync/vectors/desk_review_v2.json, device decisions to
tests/sync/vectors/desk_devices_v2.json.

Run: ``.venv/bin/python tools/make_desk_review_vectors.py`` (from the repository root).

TEST KEYS derived from public labels (as tools/make_envelope_vectors.py does): a newsroom
key and a desk's own Ed25519 key. Ed25519 is deterministic and the JSON is written in one
way, so the endorsement and the signed payload are the same bytes on every run. Never use
these keys for anything real.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sync.envelope import DeviceSigningKey, NewsroomKeyPair, derive_desk_signing_key
from sync.payloads.devices import sign_devices
from sync.payloads.endorsement import DeskEndorsement
from sync.payloads.review import sign_review
from tools.make_envelope_vectors import derive

VECTORS = Path(__file__).resolve().parents[1] / "tests" / "sync" / "vectors"
OUT = VECTORS / "desk_review_v2.json"
DEVICES_OUT = VECTORS / "desk_devices_v2.json"
DESK_ID = "desk-0123456789abcdef"
LABEL = "Night desk · ညဘက်"
ENVELOPE_ID = "4b7c1e2a-9d3f-4a6e-8b5c-2e1f0a9d7c63"
EVENTS = [
    {
        "event_id": "01943a5e-7f00-7abc-8def-0123456789ab",
        "report_id": "01943a5d-0000-7000-8000-00000000beef",
        "kind": "move",
        "desk_id": DESK_ID,
        "desk_label": LABEL,
        "at": "2025-01-02T03:04:05Z",
        "to_state": "verified",
        "from_state": "new",
        "note": "two drivers agree",
    }
]
DEVICE_ENVELOPE_ID = "9e2d4c1b-3a5f-4e7d-9c8b-1a2b3c4d5e6f"
DEVICE_EVENTS = [
    {
        "event_id": "01943a5f-1200-7abc-8def-0123456789ac",
        "device_id": "dev-0a1b2c3d4e5f",
        "kind": "approve",
        "label": "Laiza laptop · လိုင်ဇာ",
        "public_key": "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=",
        "enrolled_at": "2025-01-01T08:00:00Z",
        "desk_id": DESK_ID,
        "desk_label": LABEL,
        "at": "2025-01-02T03:05:00Z",
    }
]


def main() -> None:
    newsroom = NewsroomKeyPair.from_private_bytes(derive("desk review newsroom x25519", 32))
    desk = DeviceSigningKey.from_private_bytes(derive("desk review desk ed25519", 32))
    newsroom_signer = derive_desk_signing_key(newsroom)
    endorsement = DeskEndorsement.make(newsroom_signer, DESK_ID, LABEL, desk.public_bytes())
    payload = sign_review(EVENTS, envelope_id=ENVELOPE_ID, endorsement=endorsement, desk_key=desk)
    document = {
        "warning": "TEST VECTORS with TEST KEYS derived from public labels by "
        "tools/make_desk_review_vectors.py. Never use these keys for anything real.",
        "newsroom_private": newsroom.private_bytes().hex(),
        "newsroom_signing_public": newsroom_signer.public_bytes().hex(),
        "desk_private": desk.private_bytes().hex(),
        "desk_public": desk.public_bytes().hex(),
        "endorsement_message": endorsement.message().hex(),
        "endorsement": endorsement.to_json(),
        "envelope_id": ENVELOPE_ID,
        "events": EVENTS,
        "payload": payload.decode("utf-8"),
    }
    OUT.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    devices = sign_devices(
        DEVICE_EVENTS, envelope_id=DEVICE_ENVELOPE_ID, endorsement=endorsement, desk_key=desk
    )
    document = {
        **document,
        "envelope_id": DEVICE_ENVELOPE_ID,
        "events": DEVICE_EVENTS,
        "payload": devices.decode("utf-8"),
    }
    DEVICES_OUT.write_text(
        json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {DEVICES_OUT}")


if __name__ == "__main__":
    main()
