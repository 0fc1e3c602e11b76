"""Onion addresses only through Tor, with names resolved by the proxy; invites exchanged
for a device token at enrolment; the device id the server returns is checked; the desks'
signing key pinned from the invite."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from desktop.services import followup_sync, sync
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import core as desk
from desktop.store.database import create_store
from desktop.store.identity import IdentityRepository
from sync import protocol
from sync.client import BadResponseError, ClientConfig, ConfigError, SyncError, UnauthorizedError
from sync.envelope import DESK_SENDER_ID, DeviceSigningKey
from sync.protocol import Invite, encode_invite
from sync.server.store import DB_NAME, ServerStore, new_token, timestamp, token_hash, utc_now
from tests.e2e.conftest import PASSPHRASE, World, fast_client, make_invite
from tests.helpers.servers import run_server_cli
from tests.sync.socks5 import Socks5Server

ONION = "gatewatchnewsroomxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion"


@pytest.fixture
def resolved(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every name this process asks the local resolver for; an onion name is never
    answered (the test's stand-in for an ISP's resolver that would learn it)."""
    asked: list[str] = []
    real = socket.getaddrinfo

    def watched(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        asked.append(name)
        if name.rstrip(".").endswith(".onion"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", watched)
    return asked


def onion_url(world: World) -> str:
    return f"http://{ONION}:{urlsplit(world.url).port}"


@pytest.mark.parametrize("proxy", [None, "http://127.0.0.1:8118", "https://127.0.0.1:8118"])
def test_an_onion_address_needs_a_socks5h_proxy(proxy: str | None) -> None:
    with pytest.raises(ConfigError, match=r"socks5h://127\.0\.0\.1:9050") as refused:
        fast_client(ClientConfig(base_url=f"http://{ONION}", proxy=proxy))
    assert refused.value.reason == "onion_needs_tor"


def test_enrolment_over_socks5_resolves_the_onion_at_the_proxy(
    world_factory: Callable[..., World], resolved: list[str]
) -> None:
    world = world_factory("x25519")
    with Socks5Server(names={ONION: "127.0.0.1"}) as socks:
        proxy = socks.url.replace("socks5h://", "socks5://")
        store = create_store(world.tmp / "corr", PASSPHRASE)
        world.opened.append(store)
        identity = sync.enroll(
            store,
            onion_url(world),
            make_invite(world.server_dir),
            proxy=proxy,
            client_factory=fast_client,
        )
        assert (ONION, urlsplit(world.url).port) in socks.requests
    assert identity.proxy == socks.url  # kept as socks5h://: every later sync too
    assert not [name for name in resolved if ONION in name]


def test_a_desk_connects_over_socks5_with_names_resolved_at_the_proxy(
    world_factory: Callable[..., World], resolved: list[str]
) -> None:
    world = world_factory("x25519")
    with ServerStore.open(world.server_dir) as admin:
        _, token = admin.tokens.create_desk_token("desk")
    with Socks5Server(names={ONION: "127.0.0.1"}) as socks:
        proxy = socks.url.replace("socks5h://", "socks5://")
        desk_connection.connect(world.desk_store, onion_url(world), token, proxy=proxy)
        desk.pull(world.desk_store, client_factory=fast_client)
        assert (ONION, urlsplit(world.url).port) in socks.requests
    server = desk.DeskRepository(world.desk_store).server()
    assert server is not None
    assert server.proxy == socks.url
    assert not [name for name in resolved if ONION in name]


def test_enrolment_exchanges_the_invite_for_a_device_token(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    invite_text = make_invite(world.server_dir)
    invite = protocol.decode_invite(invite_text)
    store = create_store(world.tmp / "corr", PASSPHRASE)
    world.opened.append(store)
    identity = sync.enroll(store, world.url, invite_text, client_factory=fast_client)

    assert identity.token != invite.token
    assert protocol.TOKEN_PATTERN.fullmatch(identity.token)
    with (
        fast_client(ClientConfig(base_url=world.url, token=invite.token)) as leaked,
        pytest.raises(UnauthorizedError),
    ):
        leaked.health()  # a leaked invite message is no credential any more
    with fast_client(ClientConfig(base_url=world.url, token=identity.token)) as device:
        assert device.health()["status"] == "ok"
    with ServerStore.open(world.server_dir) as admin:
        assert admin.tokens.lookup_token(token_hash(invite.token) or b"") is None


@pytest.mark.parametrize("device_id", ["../../ laptop", DESK_SENDER_ID])
def test_a_device_id_that_is_not_a_device_s_is_refused_at_enrolment(
    world_factory: Callable[..., World], tmp_path: Path, device_id: str
) -> None:
    world = world_factory("x25519")
    token = new_token()
    with ServerStore.open(world.server_dir) as admin:
        fingerprint = admin.newsroom_key.fingerprint
    # A compromised server hands out an id no server makes: a path with a space, or the
    # sender id of the desks (the device would then seal envelopes as the desks).
    from sqlcipher3 import dbapi2  # the server's own driver, no key: plain SQLite

    conn = dbapi2.connect(str(world.server_dir / DB_NAME), isolation_level=None)
    try:
        now = utc_now()
        conn.execute(
            "INSERT OR REPLACE INTO devices (id, label, token_hash, created_at,"
            " invite_expires_at) VALUES (?, 'laptop', ?, ?, ?)",
            (device_id, token_hash(token), timestamp(now), "9999-01-01T00:00:00.000Z"),
        )
    finally:
        conn.close()
    store = create_store(tmp_path / "corr", PASSPHRASE)
    world.opened.append(store)
    with pytest.raises(BadResponseError if device_id == DESK_SENDER_ID else SyncError):
        sync.enroll(
            store, world.url, encode_invite(Invite(token, fingerprint)), client_factory=fast_client
        )
    assert IdentityRepository(store).get() is None  # nothing stored


def test_the_desk_signing_key_is_pinned_from_the_invite(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    world.connect_desk()  # registers the desks' signing key: invites made now carry it
    with ServerStore.open(world.server_dir) as admin:
        desk_key = admin.keys.desk_signing_key()
    assert desk_key is not None
    code, out = run_server_cli("--data-dir", str(world.server_dir), "enroll-code")
    assert code == 0
    invite_text = out.strip().splitlines()[-1]
    assert protocol.decode_invite(invite_text).desk_signing_key == desk_key.hex()
    store = create_store(world.tmp / "corr", PASSPHRASE)
    world.opened.append(store)
    sync.enroll(store, world.url, invite_text, client_factory=fast_client)

    # Before the device ever asked, the server's database names a key of someone else's.
    from sqlcipher3 import dbapi2  # the server's own driver, no key: plain SQLite

    conn = dbapi2.connect(str(world.server_dir / DB_NAME), isolation_level=None)
    try:
        conn.execute(
            "UPDATE settings SET value = ? WHERE key = 'desk_signing_key'",
            (DeviceSigningKey.generate().public_bytes().hex(),),
        )
    finally:
        conn.close()
    outcome = followup_sync.sync_followups(store, client_factory=fast_client)
    assert outcome.error is not None
    assert "desk" in (outcome.message or "")
    pinned = store.execute("SELECT desk_signing_key FROM device_messaging").fetchone()[0]
    assert bytes(pinned) == desk_key
