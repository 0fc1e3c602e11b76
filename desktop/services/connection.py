"""This computer's enrolment as Settings → *Connection…* shows it: the server it sends to,
and the proxy it goes through. Reading needs no network layer; saving a proxy checks its
address with the client's rules (desktop/services/sync.py), imported only then.
"""

from __future__ import annotations

from desktop.store.database import Store
from desktop.store.identity import DeviceIdentity, IdentityRepository

__all__ = ["DeviceIdentity", "enrolment", "save_proxy"]


def enrolment(store: Store) -> DeviceIdentity | None:
    """How this computer reaches the newsroom, or None when it never connected."""
    return IdentityRepository(store).get()


def save_proxy(store: Store, proxy: str) -> None:
    """Send through `proxy` from the next sync on ("" for a direct connection). Raises
    `sync.client.ConfigError` for an address that is not a proxy URL, said plainly."""
    from desktop.services import sync  # the network layer, on first use only

    sync.set_proxy(store, proxy)
