"""The newsroom server an open store talks to, whichever role it serves: a device's
enrolment (desktop/store/identity.py), else a desk's connection (desktop/store/desk/core.py).

Shared use cases that ask "the server" of any store take it from here: the release check
(desktop/services/updates.py), which ``gatewatch update status --check`` runs on either
kind of store. Like the window's shell, this module knows both roles, and only to choose
between them (tests/test_architecture.py).
"""

from __future__ import annotations

from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository
from desktop.store.identity import IdentityRepository
from sync.client import ClientConfig


def server_config(store: Store) -> ClientConfig | None:
    """How to reach this store's server, or None when it is neither enrolled nor connected."""
    identity = IdentityRepository(store).get()
    if identity is not None:
        return ClientConfig(
            base_url=identity.server_url,
            token=identity.token,
            tls_fingerprint=identity.tls_fingerprint,
            proxy=identity.proxy,
        )
    server = DeskRepository(store).server()
    if server is None:
        return None
    return ClientConfig(
        base_url=server.server_url,
        token=server.token,
        tls_fingerprint=server.tls_fingerprint,
        proxy=server.proxy,
    )
