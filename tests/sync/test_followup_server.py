"""Follow-up keys on the server: device encryption keys and the desks' signing key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519
from sqlcipher3 import dbapi2

from sync import protocol
from sync.client import ClientConfig, ServerRefusedError, SyncClient
from sync.envelope import (
    DeviceSigningKey,
    NewsroomKeyPair,
    derive_desk_signing_key,
)
from sync.server import schema
from sync.server.store import DB_NAME, ServerStore
from tests.helpers.servers import assert_error
from tests.sync.conftest import Device, Srv, b64

ENC = "/v1/device/encryption-key"
DESK_KEY = "/v1/desk-signing-key"


def _register_body(device: Device, key_text: str, signer: DeviceSigningKey | None = None) -> Any:
    statement = protocol.encryption_key_statement(device.device_id, key_text)
    return {"encryption_key": key_text, "signature": b64((signer or device.key).sign(statement))}


def _device_info(srv: Srv, desk: dict[str, str], device_id: str) -> dict[str, Any]:
    response = srv.http.get(f"{srv.url}/v1/devices", headers=desk)
    assert response.status_code == 200, response.text
    [info] = [d for d in response.json()["devices"] if d["device_id"] == device_id]
    return dict(info)


def test_a_device_registers_its_encryption_key_once_signed(srv: Srv) -> None:
    device, desk = srv.enroll(), srv.desk()
    assert _device_info(srv, desk, device.device_id)["encryption_key"] is None
    key = NewsroomKeyPair.generate("mlkem768x25519").public_key
    body = _register_body(device, key.to_text())
    first = srv.http.put(f"{srv.url}{ENC}", json=body, headers=device.auth)
    assert first.status_code == 200, first.text
    assert first.json() == {
        "device_id": device.device_id,
        "encryption_key": key.to_text(),
        "fingerprint": key.fingerprint,
    }
    again = srv.http.put(f"{srv.url}{ENC}", json=body, headers=device.auth)
    assert again.status_code == 200
    other = NewsroomKeyPair.generate("x25519").public_key.to_text()
    assert_error(
        srv.http.put(f"{srv.url}{ENC}", json=_register_body(device, other), headers=device.auth),
        409,
        protocol.ERROR_KEY_CONFLICT,
    )
    info = _device_info(srv, desk, device.device_id)
    assert info["encryption_key"] == key.to_text()
    # The desk checks the key against the signing key it enrolled, not the server's word.
    ed25519.Ed25519PublicKey.from_public_bytes(device.key.public_bytes()).verify(
        protocol.decode_base64(info["encryption_key_signature"]),
        protocol.encryption_key_statement(device.device_id, key.to_text()),
    )


def test_a_key_not_signed_by_the_device_or_not_canonical_is_refused(srv: Srv) -> None:
    device = srv.enroll()
    key_text = NewsroomKeyPair.generate("x25519").public_key.to_text()
    forged = _register_body(device, key_text, signer=DeviceSigningKey.generate())
    body = assert_error(
        srv.http.put(f"{srv.url}{ENC}", json=forged, headers=device.auth),
        422,
        protocol.ERROR_INVALID_REQUEST,
    )
    assert body["field"] == "body.signature"
    for bad in (key_text + "A", key_text.replace(":x25519:", ":mlkem768x25519:"), "nonsense"):
        response = srv.http.put(
            f"{srv.url}{ENC}", json=_register_body(device, bad), headers=device.auth
        )
        assert response.status_code == 422, response.text
        assert key_text not in response.text
    # Nothing was stored by the refusals: the real key still registers.
    ok = srv.http.put(f"{srv.url}{ENC}", json=_register_body(device, key_text), headers=device.auth)
    assert ok.status_code == 200, ok.text


def test_key_routes_take_only_their_token_kinds(srv: Srv) -> None:
    device, desk = srv.enroll(), srv.desk()
    _, invite = srv.invite()
    invite_auth = {"Authorization": f"Bearer {invite}"}
    key_text = NewsroomKeyPair.generate("x25519").public_key.to_text()
    body = _register_body(device, key_text)
    assert_error(srv.http.put(f"{srv.url}{ENC}", json=body, headers=desk), 403, "wrong_token_kind")
    assert_error(
        srv.http.put(f"{srv.url}{ENC}", json=body, headers=invite_auth), 403, "not_enrolled"
    )
    desk_body = {"public_key": b64(DeviceSigningKey.generate().public_bytes())}
    assert_error(
        srv.http.put(f"{srv.url}{DESK_KEY}", json=desk_body, headers=device.auth),
        403,
        "wrong_token_kind",
    )
    assert_error(srv.http.get(f"{srv.url}{DESK_KEY}", headers=invite_auth), 403, "not_enrolled")


def test_the_desk_signing_key_is_registered_once_and_devices_read_it(
    server_factory: Any, server_newsroom: NewsroomKeyPair
) -> None:
    from sync.server.config import ServerConfig

    srv = server_factory(ServerConfig(rate_burst=10_000, rate_per_second=10_000))
    device, desk = srv.enroll(), srv.desk()
    assert srv.http.get(f"{srv.url}{DESK_KEY}", headers=device.auth).json() == {"public_key": None}
    signing = derive_desk_signing_key(server_newsroom).public_bytes()
    body = {"public_key": b64(signing)}
    for _ in range(2):  # idempotent
        response = srv.http.put(f"{srv.url}{DESK_KEY}", json=body, headers=desk)
        assert response.status_code == 200, response.text
    assert_error(
        srv.http.put(
            f"{srv.url}{DESK_KEY}",
            json={"public_key": b64(DeviceSigningKey.generate().public_bytes())},
            headers=srv.desk(),
        ),
        409,
        protocol.ERROR_KEY_CONFLICT,
    )
    assert_error(
        srv.http.put(f"{srv.url}{DESK_KEY}", json={"public_key": b64(b"x" * 31)}, headers=desk),
        422,
        protocol.ERROR_INVALID_REQUEST,
    )
    for auth in (device.auth, desk):
        assert srv.http.get(f"{srv.url}{DESK_KEY}", headers=auth).json() == body


def test_the_client_calls_the_key_routes(
    server_factory: Any, server_newsroom: NewsroomKeyPair
) -> None:
    from sync.server.config import ServerConfig

    srv = server_factory(ServerConfig(rate_burst=10_000, rate_per_second=10_000))
    device, desk = srv.enroll(), srv.desk()
    pair = NewsroomKeyPair.generate("x25519")
    statement = protocol.encryption_key_statement(device.device_id, pair.public_key.to_text())
    signing = derive_desk_signing_key(server_newsroom).public_bytes()
    desk_token = desk["Authorization"].removeprefix("Bearer ")
    with (
        SyncClient(ClientConfig(base_url=srv.url, token=device.token)) as device_client,
        SyncClient(ClientConfig(base_url=srv.url, token=desk_token)) as desk_client,
    ):
        fingerprint = device_client.register_encryption_key(
            pair.public_key.to_text(), device.key.sign(statement)
        )
        assert fingerprint == pair.public_key.fingerprint
        assert device_client.desk_signing_key() is None
        desk_client.register_desk_signing_key(signing)
        desk_client.register_desk_signing_key(signing)
        assert device_client.desk_signing_key() == signing
        with pytest.raises(ServerRefusedError) as info:
            desk_client.register_desk_signing_key(DeviceSigningKey.generate().public_bytes())
        assert info.value.reason == protocol.ERROR_KEY_CONFLICT
        [info_row] = [d for d in desk_client.devices() if d.device_id == device.device_id]
        assert info_row.encryption_key == pair.public_key.to_text()


def test_a_version_1_server_database_upgrades_and_keeps_its_devices(
    tmp_path: Path, server_newsroom: NewsroomKeyPair, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "srv"
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
    with ServerStore.create(data_dir, server_newsroom.public_key) as store:
        device_id, _, _ = store.create_invite("laptop 3", 7)
        assert store.enroll(device_id, b"k" * 32, None)
    monkeypatch.undo()
    with ServerStore.open(data_dir) as store:
        [row] = store.devices()
        assert (row.device_id, row.public_key, row.encryption_key) == (device_id, b"k" * 32, None)
        assert store.set_encryption_key(device_id, "key text", b"s" * 64)
        assert store.desk_signing_key() is None
    conn = dbapi2.connect(str(data_dir / DB_NAME))
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS) >= 2
    finally:
        conn.close()
