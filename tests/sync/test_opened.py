"""Opened lists (`sync.payloads.opened`): the committed vector verifies and is reproduced byte for
byte; a list made with another key, changed after signing, or naming another device is
refused with the reason."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sync.envelope import DeviceSigningKey, NewsroomKeyPair, derive_desk_signing_key
from sync.payloads.endorsement import DeskEndorsement, DeskSignatureError
from sync.payloads.opened import open_opened, sign_opened

VECTOR = json.loads(
    (Path(__file__).parent / "vectors" / "opened_v1.json").read_text(encoding="utf-8")
)


def newsroom_public() -> bytes:
    pair = NewsroomKeyPair.from_private_bytes(bytes.fromhex(VECTOR["newsroom_private"]))
    public = derive_desk_signing_key(pair).public_bytes()
    assert public.hex() == VECTOR["newsroom_signing_public"]
    return public


def _open(data: bytes | dict[str, Any], device_id: str | None = None) -> None:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    open_opened(
        raw,
        device_id=device_id or VECTOR["device_id"],
        newsroom_signing_keys=[newsroom_public()],
    )


def test_the_vector_verifies_and_is_reproduced() -> None:
    data = VECTOR["list"].encode("utf-8")
    opened = open_opened(
        data, device_id=VECTOR["device_id"], newsroom_signing_keys=[newsroom_public()]
    )
    assert opened.envelope_ids == tuple(VECTOR["envelope_ids"])
    assert opened.opened_at == VECTOR["opened_at"]
    endorsement = DeskEndorsement.from_json(VECTOR["endorsement"])
    assert opened.endorsement == endorsement
    desk = DeviceSigningKey.from_private_bytes(bytes.fromhex(VECTOR["desk_private"]))
    again = sign_opened(
        VECTOR["device_id"],
        VECTOR["envelope_ids"],
        VECTOR["opened_at"],
        endorsement=endorsement,
        desk_key=desk,
    )
    assert again == data


def test_a_list_for_another_device_is_refused() -> None:
    with pytest.raises(DeskSignatureError, match="another device"):
        _open(VECTOR["list"].encode(), device_id="gw-someone-else")


def test_a_list_changed_after_signing_is_refused() -> None:
    good = json.loads(VECTOR["list"])
    inner = json.loads(good["signed"])
    inner["envelope_ids"].append("01943a5d-0000-7000-8000-00000000dead")
    with pytest.raises(DeskSignatureError, match="not signed by the key endorsed"):
        _open({**good, "signed": json.dumps(inner)})
    inner = json.loads(good["signed"])
    inner["device_id"] = "gw-someone-else"  # re-addressed by the server
    with pytest.raises(DeskSignatureError, match="not signed by the key endorsed"):
        _open({**good, "signed": json.dumps(inner)}, device_id="gw-someone-else")


def test_a_list_endorsed_by_another_newsroom_key_is_refused() -> None:
    other = derive_desk_signing_key(NewsroomKeyPair.generate("x25519"))
    desk = DeviceSigningKey.generate()
    endorsement = DeskEndorsement.make(other, "desk-x", "Server's desk", desk.public_bytes())
    forged = sign_opened(
        VECTOR["device_id"],
        VECTOR["envelope_ids"],
        VECTOR["opened_at"],
        endorsement=endorsement,
        desk_key=desk,
    )
    with pytest.raises(DeskSignatureError, match="not signed by this newsroom"):
        _open(forged)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff",
        b"[]",
        b'{"format": "gatewatch-opened-2", "signature": "", "signed": "{}"}',
        b'{"format": "gatewatch-opened-1", "signature": "!", "signed": "{}"}',
        b'{"format": "gatewatch-opened-1", "signature": "", "signed": "[]"}',
    ],
)
def test_what_is_not_a_list_is_refused_with_a_reason(data: bytes) -> None:
    with pytest.raises(ValueError, match="opened list"):
        _open(data)
