"""End-to-end fixtures: a desk store with the newsroom key, a real server on 127.0.0.1 for
that key, and correspondent stores enrolled with it — the real stores, client and server."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report
from desktop.domain.report_state import ReportState
from desktop.services import sync
from desktop.services.correspondent import capture
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import core as desk
from desktop.services.photos import import_photo
from desktop.store.attachments import AttachmentRepository
from desktop.store.database import Store, create_store
from desktop.store.reports import ReportRepository
from sync.client import ClientConfig, SyncClient
from sync.protocol import Invite, encode_invite
from sync.server.config import ServerConfig
from sync.server.connections import ConnectionGuard
from sync.server.store import ServerStore
from sync.server.testing import init_server, running_server
from tests.helpers.photos import jpeg_with_metadata, png_with_metadata
from tests.helpers.servers import GENEROUS

PASSPHRASE = "a long e2e passphrase"


def fast_client(config: ClientConfig) -> SyncClient:
    """The real client with test-sized timeouts and backoff (faults cost milliseconds)."""
    return SyncClient(
        dataclasses.replace(
            config,
            connect_timeout=2.0,
            read_timeout=1.0,
            call_timeout=20.0,
            backoff_base=0.01,
            backoff_max=0.05,
        )
    )


def make_invite(server_dir: Path, label: str = "laptop") -> str:
    with ServerStore.open(server_dir) as admin:
        _, token, _ = admin.tokens.create_invite(label, 7)
        return encode_invite(Invite(token, admin.newsroom_key.fingerprint))


def server_stats(server_dir: Path) -> dict[str, int]:
    with ServerStore.open(server_dir) as admin:
        return admin.stats()


def folder_bytes(folder: Path) -> bytes:
    """Every byte of every file under ``folder`` (the database, its -wal and -shm)."""
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def photo_samples(data: bytes, count: int = 8, width: int = 32) -> list[bytes]:
    """Slices of a photo spread over its length: none may appear outside the stores."""
    step = max(1, (len(data) - width) // count)
    return [data[i : i + width] for i in range(0, len(data) - width, step)][:count]


@dataclass
class World:
    """The desk store (open), the server folder and URL, and helpers."""

    tmp: Path
    desk_store: Store
    server_dir: Path
    url: str
    opened: list[Store] = field(default_factory=list)

    def correspondent(self, name: str = "corr", label: str = "laptop") -> Store:
        store = create_store(self.tmp / name, PASSPHRASE)
        self.opened.append(store)
        sync.enroll(
            store, self.url, make_invite(self.server_dir, label), client_factory=fast_client
        )
        return store

    def connect_desk(self, url: str | None = None) -> None:
        with ServerStore.open(self.server_dir) as admin:
            _, token = admin.tokens.create_desk_token("desk")
        desk_connection.connect(self.desk_store, url or self.url, token, client_factory=fast_client)

    def pull(self) -> desk.PullOutcome:
        return desk.pull(self.desk_store, client_factory=fast_client)

    def stats(self) -> dict[str, int]:
        return server_stats(self.server_dir)

    def sync_until_done(self, store: Store, attempts: int = 30) -> list[sync.SyncOutcome]:
        outcomes = []
        for _ in range(attempts):
            outcome = sync.sync_once(store, client_factory=fast_client)
            outcomes.append(outcome)
            if outcome.done:
                return outcomes
        raise AssertionError(f"the outbox never emptied: {outcomes[-1]}")


@pytest.fixture(scope="session")
def clean_photos() -> list[tuple[str, bytes, int, int]]:
    """Two photos as the import leaves them: (media type, bytes, width, height)."""
    photos = []
    for raw in (jpeg_with_metadata(), png_with_metadata()):
        clean = import_photo(raw)
        photos.append((clean.media_type, clean.data, clean.width, clean.height))
    return photos


def queue_with_photos(
    store: Store, report: Report, photos: list[tuple[str, bytes, int, int]]
) -> Report:
    """What the window does: a draft, its photos, then Queue (which seals it)."""
    ReportRepository(store).add(report, state=ReportState.DRAFT)
    for media_type, data, width, height in photos:
        AttachmentRepository(store).add(report.id, media_type, data, width=width, height=height)
    return capture.queue_draft(store, default_gazetteer(), report.id)


@pytest.fixture
def world_factory(tmp_path: Path) -> Iterator[Callable[..., World]]:
    """Start a world; ``kem`` picks the newsroom key's KEM (default: the hybrid)."""
    stack: list[tuple[World, object]] = []

    def start(
        kem: str = "mlkem768x25519",
        config: ServerConfig = GENEROUS,
        guard: ConnectionGuard | None = None,
    ) -> World:
        index = len(stack)
        desk_store = create_store(tmp_path / f"desk{index}", PASSPHRASE)
        public = desk_connection.init_desk(desk_store, kem)
        server_dir = tmp_path / f"server{index}"
        init_server(server_dir, public)
        running = running_server(server_dir, config=config, guard=guard)
        url = running.__enter__()
        world = World(tmp_path, desk_store, server_dir, url)
        stack.append((world, running))
        return world

    yield start
    for world, running in reversed(stack):
        running.__exit__(None, None, None)  # type: ignore[attr-defined]
        for store in world.opened:
            store.close()
        world.desk_store.close()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
