"""Bundles relayed through the server by a device that has a connection.

A correspondent whose network is cut gives the bundle to a colleague whose laptop is
enrolled and connected. That laptop hands it over as it is (`relay_bundle`, ``POST
/v1/bundles`` with its own device token): it cannot open it — the bundle is sealed to the
newsroom key — and stores nothing of it. A desk takes relayed bundles in at each pull
(`desktop.services.desk.handcarry.pull_relayed`) through the same path as a carried file,
so every report is stored once however many ways it came.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.fsread import TooLargeError, read_bounded
from desktop.services.handcarry import HandcarryError
from desktop.store.database import Store
from desktop.store.identity import IdentityRepository
from sync.client import ClientConfig, SyncClient
from sync.payloads.bundle import MAX_RELAYED_BUNDLE

__all__ = ["relay_bundle"]


def relay_bundle(
    store: Store,
    path: Path,
    *,
    client_factory: Callable[[ClientConfig], SyncClient] = SyncClient,
) -> int:
    """Hand the bundle at ``path`` to the server with this device's token; return the
    number the server keeps it under. Raises `HandcarryError` (``not_enrolled``,
    ``too_large``, ``unreadable``) and `sync.client.SyncError` (``not_a_bundle`` when the
    server sees that no bundle has this size)."""
    identity = IdentityRepository(store).get()
    if identity is None:
        raise HandcarryError(
            "not_enrolled", "this device is not enrolled: it has no connection to relay through"
        )
    try:
        data = read_bounded(path, MAX_RELAYED_BUNDLE)
    except TooLargeError:
        raise HandcarryError(
            "too_large",
            f"{path} is larger than the server takes (64 MiB): carry it to a desk by hand",
        ) from None
    except OSError as error:
        raise HandcarryError("unreadable", f"cannot read {path}: {error.strerror}") from None
    if not data:
        raise HandcarryError("unreadable", f"{path} is empty")
    client = client_factory(
        ClientConfig(
            base_url=identity.server_url,
            token=identity.token,
            tls_fingerprint=identity.tls_fingerprint,
            proxy=identity.proxy,
        )
    )
    try:
        return client.relay_bundle(data)
    finally:
        client.close()
