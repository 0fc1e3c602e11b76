"""Bundles relayed through the server by a device that has a connection.

A correspondent whose network is cut gives the bundle to a colleague whose laptop is
enrolled and connected. That laptop hands it over as it is (`relay_bundle`, ``POST
/v1/bundles`` with its own device token): it cannot open it — the bundle is sealed to the
newsroom key — and stores nothing of it. A desk takes relayed bundles in at each pull
(`pull_relayed`) through the same path as a carried file
(`desktop.services.handcarry.import_bundle_data`), so every report is stored once however
many ways it came.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.fsread import TooLargeError, read_bounded
from desktop.services.handcarry import HandcarryError, import_bundle_data
from desktop.services.sync import SyncClientLike
from desktop.store.database import Store
from desktop.store.identity import IdentityRepository
from desktop.store.settings import SettingsRepository
from sync.client import ClientConfig, ServerRefusedError, SyncClient
from sync.payloads.bundle import MAX_RELAYED_BUNDLE
from sync.payloads.container import BundleError

__all__ = ["RelayedIn", "pull_relayed", "relay_bundle"]

CURSOR_KEY = "desk.relayed_bundle_after"


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


@dataclass(frozen=True)
class RelayedIn:
    """What a pull took in from relayed bundles: bundles opened, envelopes and reports new
    to this desk, items refused, bundles that did not open with this desk's key."""

    bundles: int = 0
    envelopes: int = 0
    reports: int = 0
    refused: int = 0
    unopened: int = 0


def pull_relayed(
    store: Store,
    client: object,
    *,
    client_factory: Callable[[ClientConfig], SyncClientLike] = SyncClient,
    now: datetime | None = None,
) -> RelayedIn:
    """Take in every bundle relayed since the last pull (the cursor is kept in the store
    after each one, so a cut pull goes on where it stopped). A bundle that does not open
    with this desk's key is passed over; a server without relayed bundles is no error."""
    fetch: Callable[[int], tuple[int, bytes] | None] | None = getattr(
        client, "relayed_bundle", None
    )
    if fetch is None:
        return RelayedIn()  # a client that cannot fetch them (a test's fake)
    settings = SettingsRepository(store)
    after = int(settings.get(CURSOR_KEY, 0))
    bundles = envelopes = reports = refused = unopened = 0
    while True:
        try:
            found = fetch(after)
        except ServerRefusedError as error:
            if error.status == 404:  # a server from before relayed bundles
                break
            raise
        if found is None:
            break
        seq, data = found
        try:
            outcome = import_bundle_data(store, data, client_factory=client_factory, now=now)
        except BundleError:
            unopened += 1
        else:
            bundles += 1
            envelopes += outcome.new
            reports += outcome.reports
            refused += outcome.refused
        after = seq
        settings.set(CURSOR_KEY, after)
    return RelayedIn(bundles, envelopes, reports, refused, unopened)
