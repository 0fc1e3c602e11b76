"""The editor desk's newsroom key pair and its connection to the server.

The newsroom private key is made inside the desk's encrypted store and never leaves it;
only the public key's text form is handed out (`init_desk`). `connect` checks the desk
token, registers the desks' signing key (devices pin it to trust questions) and remembers
the server; a pull (desktop/services/desk/core.py) uses the same registration and device
listing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

from desktop.services import updates
from desktop.services.desk import signing as desk_signing
from desktop.services.desk.followups import DeskClientLike
from desktop.services.desk.review import desk_identity
from desktop.services.sync import SyncClientLike
from desktop.store.database import Store
from desktop.store.desk.core import DeskDevice, DeskKey, DeskRepository
from sync import wire
from sync.client import ClientConfig, ServerRefusedError, SyncClient, normalize_proxy
from sync.envelope import (
    DEFAULT_KEM,
    NewsroomKeyPair,
    NewsroomPublicKey,
    check_ed25519_public,
    derive_desk_signing_key,
)
from sync.messages import DeviceInfo

__all__ = [
    "DeskKeyClaimedError",
    "DeskPullClient",
    "connect",
    "desk_device",
    "init_desk",
    "newsroom_public_key",
    "register_signing_key",
]


class DeskPullClient(SyncClientLike, DeskClientLike, Protocol):
    """What a pull uses of `sync.client.SyncClient`: reports, reviews and questions."""

    def acknowledge(self, through: int) -> int: ...
    def post_opened(self, device_id: str, data: bytes) -> int: ...


class DeskKeyClaimedError(RuntimeError):
    """The server holds a desk signing key that is not this newsroom's: whoever registered
    it could sign questions that devices would trust."""

    def __init__(self) -> None:
        super().__init__(
            "the server already holds another desk signing key — someone with a desk token "
            "registered one that is not derived from this newsroom's key. Nothing was saved. "
            "Tell the server admin at once: revoke the desk tokens, then clear the key"
        )


def register_signing_key(client: DeskPullClient, pair: NewsroomKeyPair) -> None:
    """Register the desks' signing key derived from ``pair`` with the server; raises
    `DeskKeyClaimedError` when it holds another one."""
    try:
        client.register_desk_signing_key(derive_desk_signing_key(pair).public_bytes())
    except ServerRefusedError as error:
        if error.reason == wire.ERROR_KEY_CONFLICT:
            raise DeskKeyClaimedError() from None
        raise


def init_desk(
    store: Store, kem: str = DEFAULT_KEM, *, now: datetime | None = None
) -> NewsroomPublicKey:
    """Make the newsroom key pair inside this store; return its public key.

    ``kem``: "mlkem768x25519" (default, post-quantum hybrid) or "x25519". Raises
    `desktop.store.desk.core.DeskKeyExistsError` when the desk has one (nothing changes), and
    ValueError for an unknown KEM.
    """
    pair = NewsroomKeyPair.generate(kem)
    DeskRepository(store).save_key(
        DeskKey(
            fingerprint=pair.fingerprint,
            kem=pair.kem,
            private_key=pair.private_bytes(),
            public_key=pair.public_key.to_text(),
            created_at=now or datetime.now(UTC),
        )
    )
    desk_signing.desk_signer(store, desk_identity(store), now=now)
    return pair.public_key


def newsroom_public_key(store: Store) -> NewsroomPublicKey | None:
    """The desk's newsroom public key, or None before `init_desk`."""
    key = DeskRepository(store).key()
    return None if key is None else NewsroomPublicKey.from_text(key.public_key)


def connect(
    store: Store,
    server_url: str,
    token: str,
    tls_fingerprint: str | None = None,
    proxy: str | None = None,
    *,
    client_factory: Callable[[ClientConfig], DeskPullClient] = SyncClient,
    now: datetime | None = None,
    release_key: str | None = None,
) -> int:
    """Check the desk token against the server (``/v1/devices``), register the desks'
    signing key there (devices pin it to trust questions), then remember the server;
    return how many devices it lists. A new server address restarts the cursor.
    ``release_key`` (the fingerprint the admin gives) is pinned to check release manifests
    (desktop/services/updates.py); a malformed one raises ValueError before any request.

    Raises `sync.client.SyncError` subclasses (offline, unauthorized, a device token
    instead of a desk token: ServerRefusedError ``wrong_token_kind``…) and
    `DeskKeyClaimedError` when the server holds another desk signing key; nothing stored.
    """
    proxy = normalize_proxy(proxy)  # socks5:// kept as socks5h://: names resolve at the proxy
    if release_key is not None and not re.fullmatch(wire.HEX64_RE, release_key.lower()):
        raise ValueError("the release key fingerprint is 64 hex digits")
    client = client_factory(
        ClientConfig(base_url=server_url, token=token, tls_fingerprint=tls_fingerprint, proxy=proxy)
    )
    try:
        devices = client.devices()
        key = DeskRepository(store).key()
        if key is not None:
            register_signing_key(client, NewsroomKeyPair.from_private_bytes(key.private_key))
    finally:
        client.close()
    moment = now or datetime.now(UTC)
    desk = DeskRepository(store)
    desk.connect(server_url.rstrip("/"), token, tls_fingerprint, proxy, moment)
    desk.save_devices([desk_device(d) for d in devices], moment)  # labels seen first are kept
    if release_key is not None:
        updates.pin_release_key(store, release_key.lower())
    return len(devices)


def desk_device(info: DeviceInfo) -> DeskDevice:
    """A device as the server lists it, its signing key checked (never a small-order key)."""
    key: bytes | None = None
    if info.public_key is not None:
        try:  # a small-order key would let anyone "sign" as the device: never a signer
            key = check_ed25519_public(wire.decode_base64(info.public_key)).public_bytes_raw()
        except ValueError:
            key = None
    return DeskDevice(
        device_id=info.device_id,
        label=info.label,
        public_key=key,
        enrolled=info.enrolled,
        revoked=info.revoked,
        enrolled_at=info.enrolled_at,
    )
