"""Write the opened-list test vector to tests/sync/vectors/opened_v1.json.

Run: ``.venv/bin/python tools/make_opened_vectors.py`` (from the repository root).

TEST KEYS derived from public labels (as tools/make_desk_review_vectors.py does). Ed25519
is deterministic and the JSON is written in one way, so the list is the same bytes on
every run. Never use these keys for anything real.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sync.envelope import DeviceSigningKey, NewsroomKeyPair, derive_desk_signing_key
from sync.payloads.endorsement import DeskEndorsement
from sync.payloads.opened import sign_opened
from tools.make_envelope_vectors import derive

OUT = Path(__file__).resolve().parents[1] / "tests" / "sync" / "vectors" / "opened_v1.json"
DESK_ID = "desk-0123456789abcdef"
LABEL = "Night desk · ညဘက်"
DEVICE_ID = "gw-5f2c9a1e7b3d4c60"
ENVELOPE_IDS = [
    "01943a5d-0000-7000-8000-00000000beef",
    "01943a5d-0000-7000-8000-00000000cafe",
]
OPENED_AT = "2025-01-02T03:04:05Z"


def main() -> None:
    newsroom = NewsroomKeyPair.from_private_bytes(derive("opened newsroom x25519", 32))
    desk = DeviceSigningKey.from_private_bytes(derive("opened desk ed25519", 32))
    newsroom_signer = derive_desk_signing_key(newsroom)
    endorsement = DeskEndorsement.make(newsroom_signer, DESK_ID, LABEL, desk.public_bytes())
    data = sign_opened(DEVICE_ID, ENVELOPE_IDS, OPENED_AT, endorsement=endorsement, desk_key=desk)
    document = {
        "warning": "TEST VECTOR with TEST KEYS derived from public labels by "
        "tools/make_opened_vectors.py. Never use these keys for anything real.",
        "newsroom_private": newsroom.private_bytes().hex(),
        "newsroom_signing_public": newsroom_signer.public_bytes().hex(),
        "desk_private": desk.private_bytes().hex(),
        "endorsement": endorsement.to_json(),
        "device_id": DEVICE_ID,
        "envelope_ids": ENVELOPE_IDS,
        "opened_at": OPENED_AT,
        "list": data.decode("utf-8"),
    }
    OUT.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
