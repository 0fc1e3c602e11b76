"""Fixtures of the fault campaigns: a desk, a real server on 127.0.0.1 whose log is
captured to a file, enrolled correspondents, and the canary scan.

Tests marked ``soak`` are the long forms: they run only when asked for (``pytest -m soak``,
as ``make soak`` does) and are deselected otherwise.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from desktop.services import sync
from desktop.services.desk import connection as desk_connection
from desktop.store.database import Store, create_store
from sync.server.store import ServerStore
from sync.server.testing import init_server, running_server
from tests.e2e.conftest import fast_client, make_invite
from tests.faults.canary import CanaryScan
from tests.faults.common import PASSPHRASE, new_canary
from tests.helpers.servers import GENEROUS


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect the long forms unless the marker expression names ``soak``."""
    if "soak" in (config.getoption("markexpr", "") or ""):
        return
    kept = [item for item in items if item.get_closest_marker("soak") is None]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


@dataclass
class Newsroom:
    """A desk store (open, with its key), a running server for that key, its log file."""

    tmp: Path
    desk_store: Store
    server_dir: Path
    url: str
    log: Path
    scan: CanaryScan
    opened: list[Store] = field(default_factory=list)

    def correspondent(self, name: str, url: str | None = None) -> Path:
        """A new enrolled correspondent store (closed again); returns its folder."""
        folder = self.tmp / name
        with create_store(folder, PASSPHRASE) as store:
            sync.enroll(
                store, url or self.url, make_invite(self.server_dir), client_factory=fast_client
            )
        self.scan.add(folder)
        return folder

    def connect_desk(self, url: str | None = None) -> None:
        with ServerStore.open(self.server_dir) as admin:
            _, token = admin.tokens.create_desk_token("desk")
        desk_connection.connect(self.desk_store, url or self.url, token, client_factory=fast_client)


@pytest.fixture
def newsroom(tmp_path: Path) -> Iterator[Newsroom]:
    canary_scan = CanaryScan(new_canary())
    desk_store = create_store(tmp_path / "desk", PASSPHRASE)
    public = desk_connection.init_desk(desk_store, "x25519")
    server_dir = tmp_path / "server"
    init_server(server_dir, public)
    log = tmp_path / "logs" / "server.log"
    log.parent.mkdir()
    handler = logging.FileHandler(log)
    handler.setLevel(logging.DEBUG)
    loggers = [logging.getLogger(name) for name in ("", "uvicorn", "uvicorn.error")]
    for logger in loggers:
        logger.addHandler(handler)
    canary_scan.add(tmp_path / "desk", server_dir, log.parent)
    try:
        with running_server(server_dir, config=GENEROUS) as url:
            world = Newsroom(tmp_path, desk_store, server_dir, url, log, canary_scan)
            yield world
            for store in world.opened:
                store.close()
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
        handler.close()
        desk_store.close()
